"""The Chinese sample journal: the English sample's shape, told in Chinese, in every place
a sample is made (the builder, `coach demo --lang zh_CN`, the welcome page's button)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from coach import db, i18n, settings
from coach.analysis import analyse
from coach.sample import (
    build_sample,
    chinese,
    english,
    sample_language,
    shape,
    summarize,
    write_sample,
)
from coach_ui.pages import PAGES
from tests.chinese import ALLOWED, speak_chinese
from tests.test_sample import COACH, SAMPLE_NOW, column, dump, one

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
CJK = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")  # tests.chinese's idea of a word


def built(tmp_path: Path, name: str, lang: str, now: datetime = SAMPLE_NOW):
    path = str(tmp_path / name)
    journal = db.open_journal(path)
    build_sample(journal, now, lang)
    return path, journal.cursor()


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """Cursors on the English and the Chinese sample, both built at SAMPLE_NOW."""
    folder = tmp_path_factory.mktemp("samples")
    opened = {lang: built(folder, f"{lang}.duckdb", lang) for lang in ("en", "zh_CN")}
    yield {lang: cursor for lang, (_path, cursor) in opened.items()}
    for path, cursor in opened.values():
        cursor.close()
        db.close_journal(path)


@pytest.fixture
def zh(samples):
    return samples["zh_CN"]


# --- the same shape ------------------------------------------------------------------


@pytest.mark.parametrize("words", [english, chinese], ids=["en", "zh_CN"])
def test_each_language_gives_words_to_every_key_of_the_shape_and_no_other(words):
    assert list(words.COMPANIES) == [key for key, _kind in shape.COMPANIES]
    assert list(words.INTERVIEWS) == [key for key, *_ in shape.INTERVIEWS]
    assert list(words.CUSTOM_DIMENSIONS) == shape.CUSTOM_DIMENSIONS
    assert list(words.QUESTIONS) == list(shape.QUESTIONS)
    assert {k: list(v) for k, v in words.ASKS.items()} == {
        k: [row[0] for row in rows] for k, rows in shape.ASKS.items()
    }
    assert set(words.EVIDENCE) <= {(k, row[0]) for k, rows in shape.ASKS.items() for row in rows}
    assert list(words.REVIEWS) == list(shape.REVIEWS)
    assert list(words.STORIES) == list(shape.STORIES)
    assert list(words.ACTIONS) == [row[:3] for row in shape.ACTIONS]
    assert list(words.ANSWERS) == [row[:2] for row in shape.ANSWERS]
    assert set(words.ATTEMPT_NOTES) == {1, 2, 3, 4}


def test_the_chinese_sample_counts_what_the_english_one_counts(samples):
    assert summarize(samples["zh_CN"], SAMPLE_NOW) == summarize(samples["en"], SAMPLE_NOW)
    tables = column(
        samples["en"],
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        " AND table_name NOT IN ('schema_migrations')",
    )
    count = "SELECT count(*) FROM {}"
    for table in tables:
        if table in ("predicted_questions", "settings"):
            continue  # below, and the language setting has a test of its own
        assert one(samples["zh_CN"], count.format(table)) == one(
            samples["en"], count.format(table)
        ), table
    # A brief's likely questions come from the app's own rules reading the words (a
    # Chinese "为什么想…" reads as a motivation opener where its English twin does not):
    # the same briefs, nearly the same questions in each.
    sizes = "SELECT prediction_id, count(*) FROM predicted_questions GROUP BY ALL ORDER BY ALL"
    en, zh = (samples[lang].execute(sizes).fetchall() for lang in ("en", "zh_CN"))
    assert len(en) == len(zh) == 9
    assert all(abs(a[1] - b[1]) <= 1 for a, b in zip(en, zh, strict=True))


def test_the_chinese_sample_uses_the_method_s_keys_as_the_english_one_does(samples):
    keyed = [
        "SELECT kind, count(*) FROM companies GROUP BY ALL ORDER BY ALL",
        "SELECT format, outcome, count(*) FROM interviews GROUP BY ALL ORDER BY ALL",
        "SELECT self_score, signal, cause, count(*) FROM asks GROUP BY ALL ORDER BY ALL",
        "SELECT dimension, count(*) FROM questions GROUP BY ALL ORDER BY ALL",
        "SELECT overall_rating, depth, pace, nerves, status FROM reviews ORDER BY ALL",
        "SELECT use, missed_reason, count(*) FROM story_uses GROUP BY ALL ORDER BY ALL",
        "SELECT aspect, source, status, count(*) FROM actions GROUP BY ALL ORDER BY ALL",
        "SELECT kind, origin, status, reps, lapses FROM cards ORDER BY ALL",
        "SELECT grade, count(*) FROM rehearsals GROUP BY ALL ORDER BY ALL",
    ]
    for sql in keyed:
        assert samples["zh_CN"].execute(sql).fetchall() == samples["en"].execute(sql).fetchall()


def test_the_chinese_sample_writes_every_row_at_the_english_sample_s_time(samples):
    times = [
        "SELECT scheduled_at, created_at FROM interviews ORDER BY ALL",
        "SELECT created_at FROM asks ORDER BY ALL",
        "SELECT rated_at, duration_ms FROM rehearsals ORDER BY ALL",
        "SELECT due FROM cards ORDER BY ALL",
    ]
    for sql in times:
        assert samples["zh_CN"].execute(sql).fetchall() == samples["en"].execute(sql).fetchall()


def test_the_chinese_sample_is_the_same_for_the_same_now(zh, tmp_path):
    path, other = built(tmp_path, "again.duckdb", "zh_CN")
    try:
        assert dump(other) == dump(zh)
    finally:
        other.close()
        db.close_journal(path)


# --- Chinese words --------------------------------------------------------------------


def test_the_chinese_sample_keeps_chinese_as_the_journal_s_language(samples):
    assert settings.get_setting(samples["zh_CN"], "language") == "zh_CN"
    # The English sample is as it always was: it follows the browser.
    assert settings.get_setting(samples["en"], "language", None) is None


def test_the_chinese_sample_asks_one_question_in_english_as_the_english_one_asks_one_in_chinese(
    samples,
):
    in_chinese = "regexp_matches(text, '[\u4e00-\u9fff]')"
    assert one(samples["en"], f"SELECT count(*) FROM questions WHERE {in_chinese}") == 1  # noqa: S608
    assert one(samples["zh_CN"], f"SELECT count(*) FROM questions WHERE NOT {in_chinese}") == 1  # noqa: S608
    notes = "answer_notes <> '' AND NOT regexp_matches(answer_notes, '[\u4e00-\u9fff]')"
    assert one(samples["zh_CN"], f"SELECT count(*) FROM asks WHERE {notes}") == 1  # noqa: S608


def chinese_texts(cur) -> list[tuple[str, str]]:
    """(table.column, text) of every text the candidate wrote, leaving out the one question
    asked in English, its answer notes and its answer (written in English on purpose)."""
    english_question = chinese.QUESTIONS["other_language_intro"]
    english_only = set(
        column(
            cur,
            """
            SELECT q.text FROM questions q WHERE q.text = $q
            UNION ALL SELECT a.answer_notes FROM asks a JOIN questions q ON q.id = a.question_id
                WHERE q.text = $q
            UNION ALL SELECT w.text FROM answers w JOIN questions q ON q.id = w.question_id
                WHERE q.text = $q
            """,
            {"q": english_question},
        )
    )
    assert len(english_only) == 3
    found = []
    for table, name in cur.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'main' AND data_type = 'VARCHAR'"
        " AND table_name NOT IN ('schema_migrations', 'journal_meta', 'settings')"
    ).fetchall():
        for (text,) in cur.execute(f'SELECT "{name}" FROM "{table}"').fetchall():  # noqa: S608
            if text and text not in english_only:
                if (table, name) == ("stories", "skills"):
                    text = "、".join(json.loads(text))
                found.append((f"{table}.{name}", text))
    return found


# Stored keys (signals, dimensions, formats…) are not words anyone reads as written.
KEY_COLUMNS = {
    "companies.kind",
    "interviews.format",
    "interviews.outcome",
    "questions.dimension",
    "dimensions.key",
    "asks.signal",
    "asks.cause",
    "reviews.status",
    "reviews.step",
    "reviews.depth",
    "reviews.self_state",
    "reviews.interviewer_reaction",
    "reviews.pace",
    "reviews.nerves",
    "story_uses.use",
    "story_uses.missed_reason",
    "actions.aspect",
    "actions.source",
    "actions.status",
    "cards.origin",
    "cards.kind",
    "cards.status",
    "cards.card_json",
    "predictions.kind",
    "predictions.status",
    "predicted_questions.reasons",  # the app's own words, translated by coach.likely
    "predictions.moment",
    "answers.source",
    "reviews.offered_actions",
    "dimensions.label",  # the built-in ones are shown by their key's translation; see below
}


def test_the_chinese_sample_s_texts_hold_no_english_word(zh):
    texts = [(where, text) for where, text in chinese_texts(zh) if where not in KEY_COLUMNS]
    english = [
        (where, word)
        for where, text in texts
        for word in WORD.findall(text)
        if word.casefold() not in ALLOWED
    ]
    assert english == []
    prose = [text for where, text in texts if not where.endswith("skills")]
    assert sum(bool(CJK.search(text)) for text in prose) == len(prose)
    assert len(prose) > 400
    custom = column(zh, "SELECT label FROM dimensions WHERE NOT builtin")
    assert custom == ["商业案例"]


def test_the_chinese_sample_s_every_table_of_words_is_written_anew(zh):
    """Nothing of the English sample's prose is left in the Chinese one."""
    english_prose = {
        text for asks in english.ASKS.values() for texts in asks.values() for text in texts if text
    } | set(english.QUESTIONS.values())
    assert not english_prose & {text for _, text in chinese_texts(zh)}


def test_the_chinese_answers_give_the_analysis_fillers_and_figures_to_find(zh):
    answers = column(zh, "SELECT text FROM answers WHERE regexp_matches(text, '[\u4e00-\u9fff]')")
    analyses = [analyse(text) for text in answers]
    fillers = {word for a in analyses for word in a.fillers}
    assert {"嗯", "那个"} <= fillers
    metrics = {metric for a in analyses for metric in a.metrics}
    assert {"百分之二十", "百分之十八"} <= metrics
    # The first version of the introduction is filled with 嗯 and 那个; the last is not.
    intro = column(
        zh,
        "SELECT w.text FROM answers w JOIN questions q ON q.id = w.question_id"
        " WHERE q.text = ? ORDER BY w.created_at",
        [chinese.QUESTIONS["intro"]],
    )
    assert analyse(intro[0]).fillers and not analyse(intro[-1]).fillers


def test_the_chinese_sample_tells_the_article_s_referral(zh):
    referral, outcome, company = zh.execute(
        "SELECT r.referral, i.outcome, c.name FROM reviews r"
        " JOIN interviews i ON i.id = r.interview_id JOIN companies c ON c.id = i.company_id"
        " WHERE r.referral <> ''"
    ).fetchone()
    assert (outcome, company) == ("referred", "青禾零售集团")
    assert "财务BP" in referral
    assert one(zh, "SELECT count(*) FROM actions WHERE text LIKE '下次面试前先热身%'") == 1


# --- the file and the command -----------------------------------------------------------


def test_write_sample_records_the_language_its_content_is_written_in(tmp_path):
    for lang in ("zh_CN", "en"):
        path = write_sample(tmp_path / "sample.duckdb", SAMPLE_NOW, lang=lang)
        journal = db.open_journal(str(path))
        try:
            assert journal.is_sample
            assert sample_language(journal) == lang
        finally:
            db.close_journal(str(path))


def test_a_language_without_a_sample_is_refused_in_words(tmp_path, journal):
    with pytest.raises(Exception, match="no sample in fr"):
        build_sample(journal, SAMPLE_NOW, "fr")


def test_coach_demo_lang_zh_cn_writes_the_chinese_sample(tmp_path):
    path = tmp_path / "演示.duckdb"
    result = subprocess.run(
        [str(COACH), "demo", "--lang", "zh_CN", str(path), "--now", "2026-03-16T18:30+00:00"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "15 interviews" in result.stdout
    assert "67 questions asked" in result.stdout
    con = db.connect(str(path), read_only=True)
    try:
        assert settings.get_setting(con, "language") == "zh_CN"
        assert one(con, "SELECT value FROM journal_meta WHERE key = 'sample_language'") == "zh_CN"
        assert "星河科技" in column(con, "SELECT name FROM companies")
    finally:
        con.close()


def test_the_demo_summary_is_said_in_chinese_when_the_command_speaks_chinese(tmp_path, capsys):
    from coach import cli

    status = cli.main(
        ["--lang", "zh_CN", "demo", str(tmp_path / "s.duckdb"), "--now", "2026-03-16T18:30+00:00"]
    )
    assert status == 0
    out = capsys.readouterr().out
    assert "示例日志已写入" in out
    assert "共 15 场面试（2 场即将进行），被问到 67 个问题" in out
    con = db.connect(str(tmp_path / "s.duckdb"), read_only=True)
    try:  # with no --lang, the sample is in the language the command speaks
        assert settings.get_setting(con, "language") == "zh_CN"
    finally:
        con.close()


# --- the app on the Chinese sample ------------------------------------------------------------


@pytest.fixture(scope="module")
def chinese_sample_file(tmp_path_factory) -> Path:
    """The Chinese sample dated today, so its coming interviews and due cards show."""
    path = tmp_path_factory.mktemp("zh") / "sample.duckdb"
    return write_sample(path, datetime.now(UTC), lang="zh_CN")


@pytest.fixture
def app(monkeypatch, tmp_path):
    opened: list[str] = []

    def make(database: Path) -> AppTest:
        monkeypatch.setenv("COACH_DB", str(database))
        monkeypatch.setenv("COACH_SAMPLE_DB", str(tmp_path / "sample.duckdb"))
        opened.extend([str(database), str(tmp_path / "sample.duckdb")])
        return AppTest.from_file(APP, default_timeout=30)

    yield make
    for path in opened:
        db.close_journal(path)


def shown(at: AppTest) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "metric")
    parts = [str(getattr(e, "value", "")) for kind in kinds for e in getattr(at, kind)]
    parts += [str(e.label) for e in at.button] + [str(e.label) for e in at.expander]
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    return "\n".join(parts)


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.url_path)
def test_every_page_runs_on_the_chinese_sample_in_chinese(app, spec, chinese_sample_file, tmp_path):
    copy = tmp_path / "chinese-sample.duckdb"
    shutil.copy(chinese_sample_file, copy)
    # AppTest reads a widget's value back through its format_func outside the script
    # run, where no session says Chinese: the test speaks it too, as the page does.
    with i18n.speaking("zh_CN"):
        at = app(copy).run()
        if not spec.default:
            at.switch_page(spec.path).run()
        at.run()
    assert not at.exception
    # The banner in Chinese: the sample's own setting made the session speak Chinese.
    assert any("示例日志" in m.value for m in at.markdown)


def test_the_chinese_sample_s_own_words_fill_the_pages(app, chinese_sample_file, tmp_path):
    copy = tmp_path / "chinese-sample.duckdb"
    shutil.copy(chinese_sample_file, copy)
    at = app(copy).run()
    assert "青禾零售集团" in shown(at)  # the target interview coming in three days
    at.switch_page("pages/interviews.py").run()
    at.session_state["interviews_tab"] = "held"
    at.run()
    assert not at.exception
    assert "曜阳新能源" in shown(at)


# --- the welcome page's button --------------------------------------------------------------


def explore(at: AppTest) -> AppTest:
    """Click the welcome page's "explore the sample" button (found by its icon: its label
    is in the language in use)."""
    found = [b for b in at.button if b.proto.icon == ":material/science:"]
    assert found, [b.label for b in at.button]
    return found[0].click().run()


def sample_on_disk(path: Path) -> tuple[str, list[str]]:
    journal = db.open_journal(str(path))
    cur = journal.cursor()
    try:
        return sample_language(journal), column(cur, "SELECT name FROM companies ORDER BY id")
    finally:
        cur.close()


def test_a_chinese_candidate_explores_a_chinese_sample(app, tmp_path):
    own = tmp_path / "journal.duckdb"
    speak_chinese(own)
    at = explore(app(own).run())
    assert not at.exception
    language, companies = sample_on_disk(tmp_path / "sample.duckdb")
    assert language == "zh_CN"
    assert "星河科技" in companies
    assert any("示例日志" in m.value for m in at.markdown)
    assert "青禾零售集团" in shown(at)
    # Their own journal is untouched, and still says Chinese.
    own_cur = db.open_journal(str(own)).cursor()
    assert own_cur.execute("SELECT count(*) FROM interviews").fetchone() == (0,)


def test_an_english_sample_on_disk_is_rewritten_in_chinese_for_a_chinese_candidate(app, tmp_path):
    write_sample(tmp_path / "sample.duckdb", SAMPLE_NOW, lang="en")
    own = tmp_path / "journal.duckdb"
    speak_chinese(own)
    at = explore(app(own).run())
    assert not at.exception
    language, companies = sample_on_disk(tmp_path / "sample.duckdb")
    assert (language, companies[0]) == ("zh_CN", "顺达物流")


def test_a_chinese_sample_on_disk_is_rewritten_in_english_for_an_english_candidate(app, tmp_path):
    write_sample(tmp_path / "sample.duckdb", SAMPLE_NOW, lang="zh_CN")
    at = explore(app(tmp_path / "journal.duckdb").run())
    assert not at.exception
    language, companies = sample_on_disk(tmp_path / "sample.duckdb")
    assert (language, companies[0]) == ("en", "Northwind Logistics")
    assert any("Sample journal" in m.value for m in at.markdown)


def test_a_sample_already_in_the_candidate_s_language_is_kept_with_what_they_did_in_it(
    app, tmp_path
):
    path = write_sample(tmp_path / "sample.duckdb", SAMPLE_NOW, lang="zh_CN")
    con = db.connect(str(path))
    con.execute("INSERT INTO companies (name) VALUES ('我在示例里加的公司')")
    con.close()
    own = tmp_path / "journal.duckdb"
    speak_chinese(own)
    at = explore(app(own).run())
    assert not at.exception
    assert "我在示例里加的公司" in sample_on_disk(path)[1]


def test_a_file_at_the_sample_s_path_that_is_not_a_sample_is_never_rewritten(app, tmp_path):
    path = tmp_path / "sample.duckdb"
    mine = db.open_journal(str(path))
    mine.write(lambda cur: cur.execute("INSERT INTO companies (name) VALUES ('Mine')"))
    db.close_journal(str(path))
    own = tmp_path / "journal.duckdb"
    speak_chinese(own)
    at = explore(app(own).run())
    assert not at.exception
    assert at.error  # it says the file is not a sample, and shows their own journal
    cur = db.open_journal(str(path)).cursor()  # this process has it open, as the app does
    assert column(cur, "SELECT name FROM companies") == ["Mine"]
    assert not db.open_journal(str(path)).is_sample


def test_a_link_to_the_sample_from_a_chinese_browser_writes_the_chinese_sample(app, tmp_path):
    """?journal=sample opens the sample before the page knows the journal's language
    choice: the browser's language decides then, not English."""
    at = app(tmp_path / "journal.duckdb")
    at.context = {"locale": "zh-CN"}
    at.query_params["journal"] = "sample"
    at.run()
    assert not at.exception
    language, companies = sample_on_disk(tmp_path / "sample.duckdb")
    assert (language, companies[0]) == ("zh_CN", "顺达物流")
