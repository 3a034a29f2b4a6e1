"""Texts compared by their words: similar role titles, and skills a question asks for.

Role titles rarely repeat exactly ("Junior Data Analyst", "Marketing Analytics Lead"),
yet the questions asked for them do. Two texts are related when they share a *word
key*, made like this:

- Letters are folded (case, full width), and the text is cut into words at anything
  that is not a letter or a digit.
- Words that say nothing about the job are dropped: seniority ("junior", "senior",
  "lead", "head", "intern"…) and a few small words ("of", "and", "the"…); for
  question text also the words every question uses ("tell", "about", "describe"…).
- A word's key is its first five letters, after a plural "s": so "analyst",
  "analysts" and "analytics" share the key "analy", "market" and "marketing" share
  "marke", and "manager" and "management" share "manag". A shorter word is its own
  key ("data", "sql").
- Chinese, Japanese and Korean are written without spaces between words, so a run of
  those characters gives its pairs of neighbouring characters: "数据分析师" (data
  analyst) gives 数据, 据分, 分析, 析师 and shares 分析 (analysis) with "市场分析经理"
  (marketing analysis manager). A single character alone is too common to count
  (师, 员); a run of one character is kept as it is. Seniority pairs (高级, 初级, 资深,
  实习…) are dropped like their English words.

This is deliberately small and explainable rather than a full stemmer: it joins the
word families that matter for job titles, and a wrong match costs a likely question
the candidate can skip.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

KEY_LENGTH = 5


def word_set(text: str) -> frozenset[str]:
    """The words of `text`, as a set (for word lists written as one string)."""
    return frozenset(text.split())


# Words about rank or contract, not about the work: they never make two roles alike.
SENIORITY = word_set(
    "junior senior jr sr lead leader head chief principal staff associate assistant "
    "intern internship trainee graduate apprentice entry level mid i ii iii iv v "
    "deputy acting interim temporary temp contract freelance part full time"
)
SMALL_WORDS = word_set("a an and at for in of on or the to with")
# Words nearly every interview question uses: they say nothing about a skill.
QUESTION_WORDS = word_set(
    "about after again all also am any are as ask asked be been before being but by can "
    "could describe did do does doing done example explain from give had has have how i "
    "if into is it its just know like me more most my need not now one our out please "
    "say should so some tell than that their them then there these they thing things "
    "think this those through time times us very walk was we were what when where which "
    "who why will would yes you your yourself"
)
CJK_SENIORITY = frozenset({"高级", "初级", "中级", "资深", "实习", "助理", "主任", "首席"})
CJK_QUESTION_WORDS = frozenset(
    {"什么", "如何", "怎么", "为什", "你的", "我们", "你们", "一个", "一下", "介绍"}
)

_CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"  # Hangul
)
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _word_key(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:KEY_LENGTH]


def _cjk_keys(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def word_keys(
    text: str, *, ignore: Iterable[str] = (), ignore_cjk: Iterable[str] = ()
) -> frozenset[str]:
    """The word keys of `text` (see the module's docstring), without the words in
    `ignore` and the character pairs in `ignore_cjk`."""
    folded = _fold(text)
    ignored, ignored_cjk = frozenset(ignore), frozenset(ignore_cjk)
    keys: set[str] = set()
    for run in _CJK_RUN.findall(folded):
        keys.update(k for k in _cjk_keys(run) if k not in ignored_cjk)
    for word in _WORD.findall(_CJK_RUN.sub(" ", folded)):
        if word not in ignored:
            keys.add(_word_key(word))
    return frozenset(keys)


def role_keys(title: str) -> frozenset[str]:
    """The keys of a role title, without seniority and small words."""
    return word_keys(title, ignore=SENIORITY | SMALL_WORDS, ignore_cjk=CJK_SENIORITY)


def question_keys(text: str) -> frozenset[str]:
    """The keys of a question or a skill, without the words every question uses."""
    return word_keys(
        text, ignore=QUESTION_WORDS | SMALL_WORDS, ignore_cjk=CJK_QUESTION_WORDS | CJK_SENIORITY
    )


def same_role(a: str, b: str) -> bool:
    """The same title, up to case, spacing and punctuation ("Data analyst" = "data-analyst")."""
    words_a = " ".join(_WORD.findall(_fold(a)))
    return bool(words_a) and words_a == " ".join(_WORD.findall(_fold(b)))


def similar_roles(a: str, b: str) -> bool:
    """Two role titles that share a word key: "Junior Data Analyst" and "Marketing
    Analytics Lead" (through analyst/analytics), but not "Data Analyst" and "Chef"."""
    return bool(role_keys(a) & role_keys(b))
