"""Answer analysis: length, speaking time, fillers, numbers and STAR coverage.

The analysis fits the question when its dimension is given: STAR coverage only for
behavioural and past-experience questions (the ones that ask for a story), and no
"no numbers" warning for career-planning, motivation and other questions, whose
answers rarely need a figure. A number word inside a duration ("about four
minutes", "十五分钟") is not evidence, so it is not counted as a number.

Used on the answer notes of an ask and on what was said in a rehearsal. The
analysis is a set of cheap, explainable heuristics, not language understanding:
every figure can be traced back to a regular expression or a constant below, so
the candidate can see why the app says what it says.

Chinese, Japanese and Korean text has no reliable word boundaries, so CJK text
is measured in characters (Han, kana, Hangul syllables) rather than words. A mixed
answer (Chinese with English terms, or English with a Chinese phrase) is measured by
its parts: its CJK part in characters at that language's rate, its Latin part in
words at the English rate; `length_text` says both. All patterns are compiled once
and run in linear time, so a 100 KB paste is fine.

What the analysis shows a person (units, STAR parts and hints, the pace it assumes)
is said in the language in use (coach.i18n); the keys it stores (`unit`, `part`) are
the same in every language.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from coach.i18n import N_, _, ngettext

# --- Speaking rates -----------------------------------------------------------
# Figures for calm, clear interview speech (not fast conversation), used both to
# estimate how long an answer takes to say and as the yardstick for a rehearsal.
#
# English: 150 words a minute is the usual figure for presentations and
# audiobooks (the common range is 140-160).
ENGLISH_WORDS_PER_MINUTE = 150
# Mandarin: one Han character is one syllable; measured news and conversational
# rates sit around 200-300 syllables a minute, so 250 is the midpoint.
CHINESE_CHARS_PER_MINUTE = 250
# Japanese: about 300 characters (kanji and kana together) a minute is the figure
# broadcasters and speech coaches use ("1分間に300字").
JAPANESE_CHARS_PER_MINUTE = 300
# Korean: counted in Hangul syllable blocks; 250 a minute is a calm, clear pace
# (announcers read faster, around 300-350).
KOREAN_SYLLABLES_PER_MINUTE = 250

RATES = {
    "en": ENGLISH_WORDS_PER_MINUTE,
    "zh": CHINESE_CHARS_PER_MINUTE,
    "ja": JAPANESE_CHARS_PER_MINUTE,
    "ko": KOREAN_SYLLABLES_PER_MINUTE,
}
# The CJK languages as a sentence names them ("the part in Chinese").
LANGUAGE_NAMES = {"zh": N_("Chinese"), "ja": N_("Japanese"), "ko": N_("Korean")}

# --- Character classes --------------------------------------------------------
# 々 (kanji repeat mark) and 〇 (ideographic zero) are read aloud like kanji.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007\U00020000-\U0003134f"
# The katakana range skips ・ (U+30FB), a middle dot that is punctuation; ー (the
# long-vowel mark) stays because it is spoken as a beat.
KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
HANGUL = "\uac00-\ud7a3"
CJK_CHARS = HAN + KANA + HANGUL

_CJK = re.compile(f"[{CJK_CHARS}]")
_HAN = re.compile(f"[{HAN}]")
_KANA = re.compile(f"[{KANA}]")
_HANGUL = re.compile(f"[{HANGUL}]")
_LETTER = re.compile(r"[^\W\d_]")
# A word is a run of letters or digits; apostrophes and hyphens join words
# ("don't", "e-mail"), and . or , join digits ("10,000", "3.5"), so a number
# is never counted as two words.
_WORD = re.compile(r"[^\W_]+(?:(?:['’-]|(?<=\d)[.,](?=\d))[^\W_]+)*")

# --- Fillers ------------------------------------------------------------------
# A curated list rather than a clever detector: "like" is left out because it is
# a filler only sometimes, and a false alarm costs the candidate's trust.
ENGLISH_FILLERS = (
    "um", "uh", "you know", "sort of", "kind of", "basically", "actually", "I mean", "literally",
)  # fmt: skip
# Chinese: hesitation sounds and the tag "对吧" are fillers nearly wherever they
# occur, so they count anywhere. "那个" (that), "这个" (this), "就是" (is / exactly),
# "然后" (then) and "其实" (in fact) are ordinary words far more often than fillers
# ("那个项目", "然后我决定…"); they count only in a filler's position: standing alone
# before a pause ("那个，我觉得…") or before another filler ("然后嗯…", "就是就是").
CHINESE_FILLERS = ("嗯", "呃", "唔", "对吧", "怎么说呢")
CHINESE_PAUSE_FILLERS = ("那个", "这个", "就是说", "就是", "然后", "其实")
JAPANESE_FILLERS = ("えーと", "あの", "えー", "なんか")
# Korean writes spaces between words and these syllables also occur inside
# ordinary words (어 in 어떻게, 그 in 그래서), so they count only standing alone.
KOREAN_FILLERS = ("음", "어", "그", "뭐", "약간")


def _alternation(words: tuple[str, ...]) -> str:
    # Longest first, so えーと is found as itself and not as えー plus と.
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# A pause after a word: punctuation, an ellipsis, a dash, a space, or the end.
_PAUSE = r"(?=\s*(?:[，,、；;…。.！!？?—~～\s]|$))"
_AFTER_FILLER = rf"(?=\s*(?:{_alternation(CHINESE_FILLERS + CHINESE_PAUSE_FILLERS)}))"
_FILLER = re.compile(
    rf"\b(?:{_alternation(ENGLISH_FILLERS)})\b"
    rf"|(?:{_alternation(CHINESE_PAUSE_FILLERS)})(?:{_PAUSE}|{_AFTER_FILLER})"
    rf"|{_alternation(CHINESE_FILLERS + JAPANESE_FILLERS)}"
    rf"|(?<!\w)(?:{_alternation(KOREAN_FILLERS)})(?!\w)",
    re.IGNORECASE,
)
_FILLER_KEYS = {
    w.casefold(): w
    for w in ENGLISH_FILLERS
    + CHINESE_FILLERS
    + CHINESE_PAUSE_FILLERS
    + JAPANESE_FILLERS
    + KOREAN_FILLERS
}

# --- Numbers and metrics ------------------------------------------------------
# A number must not continue a Latin word ("Q3", "mp3") or another number.
_NOT_AFTER = r"(?<![0-9A-Za-z\u00c0-\u024f])"
_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:\s?(?:k|m|bn|million|billion|thousand)(?![A-Za-z])|万|萬|亿|億)?"
_SUFFIX = r"(?:\s?(?:%|％|percent(?![A-Za-z])|per\s+cent(?![A-Za-z])|x(?![A-Za-z])|×|倍|割|成))"
_CJK_DIGIT = "零〇一二两兩三四五六七八九十百千万萬亿億"
# Chinese measure words that make a lone numeral a count: 三个人, 两家公司, 五名同事.
_MEASURE = "个|個|名|位|人|家|项|項|次|件|条|條|款|种|種|套|台|份|笔|筆|场|場|轮|輪|支|批"
# "one" alone is left out: it is far more often a pronoun ("the one I chose").
_SPELLED_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion|dozen)"
)
_METRIC = re.compile(
    "|".join(
        (
            # $1.2M, € 300k, ¥5,000
            rf"[$€£¥₩]\s?{_NUM}{_SCALE}",
            # 30%, 3x, 2 times as fast, 40 percent, 3倍
            rf"{_NOT_AFTER}{_NUM}{_SUFFIX}",
            rf"{_NOT_AFTER}{_NUM}\s(?:times)(?![A-Za-z])",
            # 百分之三十, 百分之20
            rf"百分之[\d{_CJK_DIGIT}点]+",
            # twenty, forty-five, two hundred, three percent
            rf"\b{_SPELLED_WORD}(?:(?:[\s-]+(?:and\s+)?){_SPELLED_WORD})*"
            r"(?:\s+(?:percent|per\s+cent|times)\b)?\b",
            # 三十, 五百, 一万; a lone numeral only with a unit (三倍, 三割) or a
            # measure word (三个, 两家, 五名), because a lone 一 is mostly part of a
            # word (一下, 一起) and 一个 is "a" far more often than "one".
            rf"[{_CJK_DIGIT}]{{2,}}(?:倍|割|成)?"
            rf"|[{_CJK_DIGIT}](?:倍|割|成)"
            rf"|[{_CJK_DIGIT.replace('一', '')}](?:{_MEASURE})",
            # plain numbers last, so the forms above win where they apply: 2019, 10,000, 10k
            rf"{_NOT_AFTER}{_NUM}{_SCALE}",
        )
    ),
    re.IGNORECASE,
)

# A spelled-out or CJK number followed by one of these is a duration ("about four
# minutes", "十五分钟", "两个月"): how long something took, not a result. A duration in
# digits ("from 8 days to 5") is left counted: figures written as digits are usually
# the result the candidate means to give.
_DURATION_AFTER = re.compile(
    r"\s*(?:个|個)?\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|seconds?"
    r"|secs?|分钟|分鐘|小时|小時|天|周|週|星期|个月|月|年|秒|日間|時間|分間|시간|분|개월|주|년|초)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_ASCII_DIGIT = re.compile(r"[0-9]")

# --- Fitting the question -----------------------------------------------------
# Dimensions (coach.vocabulary.DIMENSIONS) whose questions ask for a story: the answer
# is checked for situation, task, action and result.
STAR_DIMENSIONS = frozenset({"behavioural", "past_experience"})
# Dimensions whose answers are about plans, reasons or oneself: a missing number is
# no weakness there.
NO_NUMBERS_DIMENSIONS = frozenset({"career_planning", "motivation_fit", "other"})

# --- STAR ---------------------------------------------------------------------
# Labels and hints are marked here and translated where shown (StarHint).
STAR_PARTS = {
    "situation": N_("Situation"),
    "task": N_("Task"),
    "action": N_("Action"),
    "result": N_("Result"),
}

STAR_HINTS = {
    "situation": N_("Set the scene in one sentence: where were you, and what was going on?"),
    "task": N_("Say what was at stake: what were you responsible for, or what needed solving?"),
    "action": N_("Say what you did yourself: 'I …', not only 'we …'."),
    "result": N_("End with the result, ideally with a number: what changed because of you?"),
}

# Cues are deliberately plain phrases a candidate would actually say. English
# cues match whole words; CJK cues match anywhere, as CJK has no spaces.
_STAR_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "situation": (
        (
            "situation",
            "background",
            "context",
            "at the time",
            "when I was",
            "while I was",
            "we were",
            "our team",
            "the team",
            "the company",
            "my previous role",
            "my last job",
            "my last role",
            "at my previous",
            "last year",
            "the project",
        ),
        (
            "当时",
            "背景",
            "那时",
            "之前",
            "公司",
            "团队",
            "项目中",
            "去年",
            "在上一家",
            "我在",
            "當時",
            "團隊",
            "前職",
            "以前",
            "会社",
            "チーム",
            "プロジェクトで",
            "당시",
            "배경",
            "이전",
            "회사",
            "팀",
            "프로젝트에서",
        ),
    ),
    "task": (
        (
            "task",
            "my goal",
            "the goal",
            "goal was",
            "objective",
            "my role",
            "responsible",
            "I was asked",
            "I needed to",
            "I had to",
            "we needed to",
            "we had to",
            "challenge",
            "the problem",
            "deadline",
        ),
        (
            "任务",
            "目标",
            "负责",
            "需要",
            "挑战",
            "问题是",
            "职责",
            "要求",
            "难点",
            "任務",
            "目標",
            "負責",
            "課題",
            "担当",
            "必要",
            "求められ",
            "과제",
            "목표",
            "담당",
            "역할",
            "업무",
            "문제",
        ),
    ),
    "action": (
        (
            "I built",
            "I led",
            "I decided",
            "I created",
            "I designed",
            "I wrote",
            "I organised",
            "I organized",
            "I introduced",
            "I implemented",
            "I proposed",
            "I negotiated",
            "I analysed",
            "I analyzed",
            "I set up",
            "I started",
            "I changed",
            "I made",
            "I worked with",
            "I talked to",
            "I spoke to",
            "I convinced",
            "I fixed",
            "I ran",
            "I took",
            "I automated",
            "I developed",
            "I launched",
            "I trained",
            "I personally",
            "I then",
            "my approach",
        ),
        (
            "我决定",
            "我设计",
            "我带领",
            "我主导",
            "我推动",
            "我组织",
            "我开发",
            "我提出",
            "我实施",
            "我建立",
            "我采取",
            "我做了",
            "我负责",
            "我先",
            "我通过",
            "我主动",
            "我把",
            "我找",
            "我和",
            "我决定",
            "我決定",
            "我帶領",
            "我設計",
            "私が",
            "提案し",
            "実施し",
            "導入し",
            "作成し",
            "主導し",
            "取り組",
            "決めまし",
            "開発し",
            "改善し",
            "제가",
            "주도",
            "제안",
            "도입",
            "결정했",
            "개발했",
            "설계했",
            "진행했",
        ),
    ),
    "result": (
        (
            "result",
            "as a result",
            "outcome",
            "increased",
            "reduced",
            "decreased",
            "improved",
            "saved",
            "grew",
            "cut",
            "achieved",
            "delivered",
            "launched on time",
            "won",
            "led to",
            "percent",
            "faster",
            "doubled",
            "halved",
        ),
        (
            "%",
            "％",
            "结果",
            "最终",
            "提升",
            "提高",
            "降低",
            "减少",
            "增长",
            "节省",
            "实现",
            "成功",
            "达到",
            "最后",
            "效果",
            "缩短",
            "上线",
            "带来",
            "结果",
            "結果",
            "最終",
            "節省",
            "達到",
            "成果",
            "向上",
            "削減",
            "改善",
            "増加",
            "達成",
            "短縮",
            "결과",
            "성과",
            "향상",
            "감소",
            "증가",
            "절감",
            "개선",
            "달성",
        ),
    ),
}


def _cue_pattern(english: tuple[str, ...], cjk: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation(english)})\b|{_alternation(cjk)}", re.IGNORECASE)


_STAR = {part: _cue_pattern(*cues) for part, cues in _STAR_CUES.items()}


# --- Results ------------------------------------------------------------------
@dataclass(frozen=True)
class StarHint:
    part: str  # a key of STAR_PARTS
    covered: bool

    @property
    def label(self) -> str:
        """'Situation' / '情境', in the language in use."""
        return _(STAR_PARTS[self.part])

    @property
    def hint(self) -> str:
        """What to add, in the language in use; empty when the part is covered."""
        return "" if self.covered else _(STAR_HINTS[self.part])


@dataclass(frozen=True)
class Analysis:
    script: str  # "latin" or "cjk"
    language: str  # "en" (any Latin-script text), "zh", "ja" or "ko"
    length: int
    unit: str  # "words" or "characters"
    estimated_seconds: float
    typical_rate: int  # units per minute behind estimated_seconds
    fillers: dict[str, int]  # filler -> count, most frequent first
    filler_count: int
    metrics: tuple[str, ...]  # numbers and metrics as written, in order
    star: tuple[StarHint, ...]  # situation, task, action, result; () when not asked for
    spoken_seconds: float | None = None
    speaking_rate: float | None = None  # units per minute, when spoken_seconds was given
    # Whether a missing number is worth a warning for this question (see the docstring).
    numbers_expected: bool = True
    # The parts of the answer: CJK characters, and Latin-script words (with numbers
    # when the answer is mostly Latin; a number in CJK text is read in that language).
    characters: int = 0
    words: int = 0
    cjk_language: str = ""  # "zh", "ja" or "ko": the language of its CJK part, if any

    @property
    def mixed(self) -> bool:
        """Both a CJK part and a Latin-script part: measured, and said, by its parts."""
        return bool(self.characters and self.words)

    @property
    def unit_label(self) -> str:
        """The unit of `length`, in the language in use ('words' / '字')."""
        return _("words") if self.unit == "words" else _("characters")

    @property
    def length_text(self) -> str:
        """'27 words', '31 characters', or both parts of a mixed answer, the larger first."""
        characters = ngettext("{n} character", "{n} characters", self.characters).format(
            n=self.characters
        )
        words = ngettext("{n} word", "{n} words", self.words).format(n=self.words)
        if not self.mixed:
            return characters if self.unit == "characters" else words
        if self.unit == "characters":
            return _("{characters} and {words}").format(characters=characters, words=words)
        return _("{words} and {characters}").format(characters=characters, words=words)

    @property
    def pace_text(self) -> str:
        """The pace behind `estimated_seconds`, as one sentence."""
        if self.mixed:
            return _(
                "Estimated at {characters} characters a minute for the part in {language} "
                "and {words} words a minute for the rest, a calm interview pace."
            ).format(
                characters=RATES[self.cjk_language],
                language=_(LANGUAGE_NAMES[self.cjk_language]),
                words=ENGLISH_WORDS_PER_MINUTE,
            )
        if self.unit == "characters":
            return _("Estimated at {n} characters a minute, a calm interview pace.").format(
                n=self.typical_rate
            )
        return _("Estimated at {n} words a minute, a calm interview pace.").format(
            n=self.typical_rate
        )

    @property
    def rate_label(self) -> str:
        """`rate_unit` in the language in use."""
        return _("words per minute") if self.unit == "words" else _("characters per minute")

    @property
    def speaking_rate_wpm(self) -> float | None:
        """Words per minute; only meaningful for Latin-script text."""
        return self.speaking_rate if self.unit == "words" else None

    @property
    def rate_unit(self) -> str:
        return "words per minute" if self.unit == "words" else "characters per minute"

    @property
    def has_metrics(self) -> bool:
        return bool(self.metrics)

    @property
    def missing_star(self) -> tuple[str, ...]:
        return tuple(h.part for h in self.star if not h.covered)

    @property
    def star_expected(self) -> bool:
        return bool(self.star)

    @property
    def lacks_numbers(self) -> bool:
        """No number, where this question's answer would be stronger with one."""
        return self.numbers_expected and not self.metrics


def _count(pattern: re.Pattern[str], text: str) -> int:
    # Deleting the matches and comparing lengths counts single-character matches
    # without building a list of 100,000 one-character strings.
    return len(text) - len(pattern.sub("", text))


def _language(cjk: int, text: str) -> str:
    hangul = _count(_HANGUL, text)
    if hangul * 2 > cjk:
        return "ko"
    # Japanese always mixes kana in; Chinese uses the odd の for style only.
    if _count(_KANA, text) * 10 >= cjk:
        return "ja"
    return "zh"


def _fillers(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in _FILLER.finditer(text):
        key = _FILLER_KEYS[" ".join(match.group().split()).casefold()]
        counts[key] = counts.get(key, 0) + 1
    # dicts keep first-seen order, and sorted() is stable: ties stay in text order.
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _metrics(text: str) -> tuple[str, ...]:
    found = []
    for match in _METRIC.finditer(text):
        number = match.group().strip()
        if number.casefold() == "one":
            continue
        if not _ASCII_DIGIT.search(number) and _DURATION_AFTER.match(text, match.end()):
            continue  # a number word inside a duration: not evidence
        found.append(number)
    return tuple(found)


def _star(text: str) -> tuple[StarHint, ...]:
    return tuple(StarHint(part, _STAR[part].search(text) is not None) for part in STAR_PARTS)


def analyse(
    text: str, spoken_seconds: float | None = None, *, dimension: str | None = None
) -> Analysis:
    """Analyse an answer (notes or a rehearsal transcript).

    `spoken_seconds`, when given, is how long the candidate actually spoke; the
    speaking rate is then reported in words (or CJK characters) per minute.
    `dimension`, the question's, fits the analysis to it (see the module's docstring);
    None checks everything.
    """
    if spoken_seconds is not None and (not math.isfinite(spoken_seconds) or spoken_seconds < 0):
        raise ValueError(f"spoken_seconds must be a positive number, not {spoken_seconds!r}")
    text = text or ""

    cjk = _count(_CJK, text)
    cjk_language = _language(cjk, text) if cjk else ""
    # The Latin-script part: words and numbers outside the CJK text.
    tokens = _WORD.findall(_CJK.sub(" ", text)) if cjk else _WORD.findall(text)
    # Each part at its own rate: the CJK characters at their language's, the Latin
    # words (and numbers) at the English one. The part that takes longer to say
    # gives the answer its script and its unit.
    cjk_minutes = cjk / RATES[cjk_language] if cjk else 0.0
    latin_minutes = len(tokens) / ENGLISH_WORDS_PER_MINUTE
    minutes = cjk_minutes + latin_minutes
    if cjk_minutes > latin_minutes:
        script, language, unit, length = "cjk", cjk_language, "characters", cjk
        # A number inside CJK text is read in that language: it takes time to say
        # (counted at the word rate, as a Latin word) but is no English word.
        words = sum(1 for token in tokens if _LETTER.search(token))
    else:
        script, language, unit = "latin", "en", "words"
        length = words = len(tokens)

    fillers = _fillers(text)
    rate = None
    if spoken_seconds:  # zero seconds gives no meaningful rate
        rate = round(length * 60 / spoken_seconds, 1)
    return Analysis(
        script=script,
        language=language,
        length=length,
        unit=unit,
        estimated_seconds=round(minutes * 60, 1),
        typical_rate=RATES[language],
        fillers=fillers,
        filler_count=sum(fillers.values()),
        metrics=_metrics(text),
        star=_star(text) if dimension is None or dimension in STAR_DIMENSIONS else (),
        spoken_seconds=spoken_seconds,
        speaking_rate=rate,
        numbers_expected=dimension not in NO_NUMBERS_DIMENSIONS,
        characters=cjk,
        words=words,
        cjk_language=cjk_language,
    )
