"""Every message the code holds is translated into Chinese, with the same placeholders.

The messages are extracted from the code as `scripts/i18n update` extracts them (same
keywords, same babel.cfg), so a string wrapped in `_()` but never translated fails
here, however the catalogue was edited.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from coach import i18n, vocabulary

ROOT = Path(__file__).resolve().parent.parent
PYBABEL = Path(sys.executable).with_name("pybabel")

# Python's format fields ({name}, {n:,}), %-style fields, and Streamlit's own syntax
# that must come through a translation untouched (icons, colours, badges).
_BRACE = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")
_PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sdif]")
_STREAMLIT = re.compile(r":material/[a-z_]+:|:[a-z]+-badge\[|:[a-z]+\[|\*\*|`")


def _keywords() -> list[str]:
    line = next(
        line
        for line in (ROOT / "scripts/i18n").read_text().splitlines()
        if line.startswith("keywords=(")
    )
    return shlex.split(line.removeprefix("keywords=(").removesuffix(")"))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    pot = tmp_path_factory.mktemp("pot") / "coach.pot"
    subprocess.run(
        [str(PYBABEL), "-q", "extract", "-F", "babel.cfg", *_keywords(), "-o", str(pot), "."],
        cwd=ROOT,
        check=True,
    )
    with pot.open("rb") as fp:
        return {message.id: message for message in read_po(fp) if message.id}


@pytest.fixture(scope="module")
def chinese() -> dict:
    with i18n.po_path(i18n.CHINESE).open("rb") as fp:
        return {message.id: message for message in read_po(fp) if message.id}


def _key(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_the_code_has_messages_to_translate(extracted):
    assert len(extracted) > 10


def test_every_message_has_a_chinese_translation(extracted, chinese):
    missing = [
        _key(mid)
        for mid in extracted
        if mid not in chinese
        or chinese[mid].fuzzy
        or not all(s.strip() for s in _strings(chinese[mid]))
    ]
    assert not missing, f"{len(missing)} messages lack a zh_CN translation: {missing[:20]}"


@pytest.mark.parametrize("pattern", [_BRACE, _PERCENT, _STREAMLIT], ids=["brace", "percent", "st"])
def test_every_translation_keeps_the_originals_placeholders(chinese, pattern):
    differ = []
    for mid, message in chinese.items():
        originals = [mid] if isinstance(mid, str) else list(mid)
        want = sorted(pattern.findall(originals[-1]))
        for translated in _strings(message):
            if translated and sorted(pattern.findall(translated)) != want:
                differ.append((_key(mid), translated))
    assert not differ, f"placeholders differ in {len(differ)} translations: {differ[:10]}"


def test_a_translated_message_is_said_in_the_language_in_use():
    with i18n.speaking(i18n.CHINESE):
        assert i18n._("Home") == "首页"
    with i18n.speaking(i18n.ENGLISH):
        assert i18n._("Home") == "Home"
    assert i18n._("Home") == "Home"  # English when nothing chose a language


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="Unknown language"), i18n.speaking("fr"):
        pass


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("zh-CN", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh-Hans-SG", "zh_CN"),
        ("zh-TW", "zh_CN"),
        ("zh_CN", "zh_CN"),
        ("en-US", "en"),
        ("fr-FR", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_the_browser_locale_picks_the_language(tag, lang):
    assert i18n.from_locale(tag) == lang


def test_the_method_terms_are_the_articles_own():
    with i18n.speaking(i18n.CHINESE):
        assert list(vocabulary.OVERALL_RATINGS.values()) == [
            "不满意",
            "基本满意",
            "满意",
            "非常满意",
        ]
        assert {
            vocabulary.SIGNALS[k] for k in ("interrupted", "confused", "probed", "positive")
        } == {
            "打断",
            "疑惑",
            "追问",
            "积极回应",
        }
        assert vocabulary.DIMENSIONS["career_planning"] == "职业规划"
        assert vocabulary.DIMENSIONS["past_experience"] == "过往经历验证"
        assert vocabulary.DIMENSIONS["professional_ability"] == "专业能力评估"
    assert vocabulary.OVERALL_RATINGS[4] == "Very satisfied"


def test_every_vocabulary_term_is_given_in_both_languages():
    vocabularies = [v for v in vars(vocabulary).values() if isinstance(v, vocabulary.Vocabulary)]
    assert len(vocabularies) > 20
    for vocab in vocabularies:
        for key in vocab:
            assert vocab.english(key).strip()
            assert vocab.chinese(key).strip()
            assert vocab.key_for(vocab.english(key)) == key


def test_a_message_that_is_a_method_term_reads_as_the_vocabulary_says(chinese):
    """One term, one Chinese word: a page that says a vocabulary's English label through
    gettext must say the same Chinese as the vocabulary (the article's terms)."""
    terms: dict[str, set[str]] = {}
    for vocab in (v for v in vars(vocabulary).values() if isinstance(v, vocabulary.Vocabulary)):
        for key in vocab:
            terms.setdefault(vocab.english(key), set()).add(vocab.chinese(key))
    # The same English word meaning something else: the Practice page (not a practice
    # company), a retention target (not a target company), a heatmap's short head.
    homonyms = {"Practice", "Target", "Positive"}
    differ = {
        english: (chinese[english].string, sorted(said))
        for english, said in terms.items()
        if english in chinese and english not in homonyms and chinese[english].string not in said
    }
    assert not differ, f"translated unlike the vocabulary: {differ}"


def test_a_journal_created_in_chinese_stores_its_builtin_dimensions_in_english(tmp_path):
    from coach import db

    path = tmp_path / "zh.duckdb"
    with i18n.speaking(i18n.CHINESE):
        journal = db.open_journal(str(path))
    try:
        labels = dict(journal.cursor().execute("SELECT key, label FROM dimensions").fetchall())
    finally:
        db.close_journal(str(path))
    assert labels["career_planning"] == "Career planning"


def test_a_remembered_read_is_kept_apart_for_each_language(tmp_path):
    """The journal's remembered reads are shared by every browser session; one that
    words something must not hand a Chinese session the English words, or back."""
    from coach import db

    path = tmp_path / "j.duckdb"
    journal = db.open_journal(str(path))
    try:

        def greeting(cur):
            return i18n._("Home")

        with i18n.speaking(i18n.ENGLISH):
            assert journal.remember(greeting) == "Home"
        with i18n.speaking(i18n.CHINESE):
            assert journal.remember(greeting) == "首页"
    finally:
        db.close_journal(str(path))
