"""A transcript's text as cues: who said what, and when.

WebVTT is read with webvtt-py and SRT with srt; the speaker is the cue's voice tag
(`<v Jane Doe>`, as Teams writes it) or a `Name:` before its text (as Zoom writes it).
Plain text is our own small parser, for the usual exports of meeting tools:

    Jane Doe: Tell me about yourself.            (no times)
    [00:01:02] Jane Doe: Tell me about yourself.
    00:01:02 Jane Doe: Tell me about yourself.
    张三(00:01:02)：请先做一下自我介绍。
    Jane Doe  1:02                               (a heading line, its words below)
    Tell me about yourself.

A line that names no speaker continues the cue before it. A "name" in lower-case words
that appears only once while others repeat is taken for words that happen to hold a
colon ("The point is: …"), not for a speaker, so it stays in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta

import srt
import webvtt
from webvtt.errors import MalformedFileError

from coach.errors import InvalidInput
from coach.i18n import _

FORMATS = ("vtt", "srt", "text")


@dataclass(frozen=True)
class Cue:
    speaker: str | None
    text: str
    start_ms: int | None = None
    end_ms: int | None = None  # None in plain text: the next cue's start ends it


_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# A speaker's name: a few words, no sentence punctuation; "Speaker 1" and "张三" too.
_NAME = r"[^\s:：\[\]()（）<>\d?？!！。,，;；\"“”][^:：\[\]()（）<>?？!！。,，;；\"“”]{0,39}?"
_OPEN, _CLOSE = r"[\[(（]", r"[\])）]"
_COLON = r"\s*[:：]\s*"
_LINE_PATTERNS = [
    # [00:01:02] Jane: text   ·   00:01:02 - Jane: text
    re.compile(rf"^{_OPEN}?(?P<time>{_TIME}){_CLOSE}?\s*[-–—]?\s*(?P<name>{_NAME}){_COLON}(?P<text>.*)$"),
    # Jane (00:01:02): text   ·   张三（00:01:02）：text
    re.compile(rf"^(?P<name>{_NAME})\s*{_OPEN}\s*(?P<time>{_TIME})\s*{_CLOSE}{_COLON}(?P<text>.*)$"),
    # Jane: text   ·   [Jane] text
    re.compile(rf"^(?P<name>{_NAME}){_COLON}(?P<text>.*\S.*)$"),
    re.compile(rf"^\[(?P<name>{_NAME})\]\s+(?P<text>.*\S.*)$"),
]  # fmt: skip
_HEADING_PATTERNS = [
    # Jane Doe  1:02   ·   Jane Doe (00:01:02)   ·   [Jane Doe] 00:01:02   ·   张三 00:05
    re.compile(rf"^\[?(?P<name>{_NAME})\]?\s*{_OPEN}?(?P<time>{_TIME}){_CLOSE}?$"),
    # 00:01:02 Jane Doe
    re.compile(rf"^{_OPEN}?(?P<time>{_TIME}){_CLOSE}?\s+(?P<name>{_NAME})$"),
]
_TIME_ONLY = re.compile(rf"^{_OPEN}?{_TIME}{_CLOSE}?$")
_SRT_START = re.compile(r"\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_MOST_WORDS = 4


def read_cues(text: str) -> tuple[str, list[Cue]]:
    """The transcript's format ("vtt", "srt" or "text") and its cues, in order."""
    start = text.lstrip("\ufeff \t\n")
    if start.startswith("WEBVTT"):
        return "vtt", _settle(_vtt(start))
    if _SRT_START.match(start):
        return "srt", _settle(_srt(start))
    return "text", _settle(_plain(start))


def _vtt(text: str) -> list[Cue]:
    try:
        captions = webvtt.WebVTT.from_string(text).captions
    except MalformedFileError as error:
        raise InvalidInput(
            _(
                "That WebVTT file is damaged ({error}). Export the transcript again, or save "
                "it as plain text with one “Name: words” line each."
            ).format(error=str(error).rstrip("."))
        ) from error
    cues = []
    for caption in captions:
        words = " ".join(line.strip() for line in caption.text.splitlines() if line.strip())
        speaker = caption.voice.strip() if caption.voice else None
        if speaker is None:
            speaker, words = _named(words)
        cues.append(
            Cue(speaker, words, caption.start_time.in_milliseconds(),
                caption.end_time.in_milliseconds())
        )  # fmt: skip
    return cues


def _srt(text: str) -> list[Cue]:
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        raise InvalidInput(
            _(
                "That SRT file is damaged (the captions stop making sense after line {line}). "
                "Export the transcript again, or save it as plain text with one “Name: words” "
                "line each."
            ).format(line=text[: error.actual_start].count(chr(10)) + 1)
        ) from error
    cues = []
    for subtitle in subtitles:
        lines = [line.strip() for line in subtitle.content.splitlines() if line.strip()]
        speaker, words = _named(" ".join(lines))
        cues.append(Cue(speaker, words, _ms(subtitle.start), _ms(subtitle.end)))
    return cues


def _ms(delta: timedelta) -> int:
    return round(delta.total_seconds() * 1000)


def _named(words: str) -> tuple[str | None, str]:
    """A cue's speaker from a `Name:` or `[Name]` before its words, and the words."""
    words = re.sub(r"^-\s*", "", words)  # "- Jane: …", a subtitle's dialogue dash
    for pattern in _LINE_PATTERNS[2:]:
        match = pattern.match(words)
        if match and _plausible(match["name"]):
            return match["name"].strip(), match["text"].strip()
    return None, words


def _plain(text: str) -> list[Cue]:
    cues: list[Cue] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _TIME_ONLY.match(line):
            continue
        cue = _line_cue(line)
        if cue is not None:
            cues.append(cue)
        elif cues:
            last = cues[-1]
            cues[-1] = replace(last, text=_join(last.text, line))
        else:
            cues.append(Cue(None, line))
    return cues


def _line_cue(line: str) -> Cue | None:
    # Headings first: "Li Wei  0:09" is a name and a time, not "Li Wei 0" saying "09".
    for pattern in _HEADING_PATTERNS:
        match = pattern.match(line)
        if match and _plausible(match["name"]):
            return Cue(match["name"].strip(), "", _time_ms(match["time"]))
    for pattern in _LINE_PATTERNS:
        match = pattern.match(line)
        if match and _plausible(match["name"]):
            time = match.groupdict().get("time")
            return Cue(match["name"].strip(), match["text"].strip(), _time_ms(time))
    return None


def _plausible(name: str) -> bool:
    name = name.strip()
    return bool(name) and len(name.split()) <= _MOST_WORDS and not name.lower().startswith("http")


def _time_ms(text: str | None) -> int | None:
    if not text:
        return None
    whole, _, fraction = text.replace(",", ".").partition(".")
    seconds = 0
    for part in whole.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds * 1000 + (int(fraction.ljust(3, "0")[:3]) if fraction else 0)


def _join(before: str, after: str) -> str:
    if not before:
        return after
    # Chinese, Japanese and Korean run on without a space.
    if _is_cjk(before[-1]) and _is_cjk(after[0]):
        return before + after
    return f"{before} {after}"


def _is_cjk(char: str) -> bool:
    # CJK punctuation and ideographs, kana, Hangul, full-width forms.
    return (
        "\u2e80" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uff00" <= char <= "\uffef"
    )


def join_text(before: str, after: str) -> str:
    """Two pieces of one speaker's words as one (no space between CJK characters)."""
    return _join(before.strip(), after.strip()) if after.strip() else before.strip()


def _wordy(name: str) -> bool:
    """Words rather than a name: a word in lower case ("The point", "So basically")."""
    return any(word[0].islower() for word in name.split()[1:]) or name.split()[0].islower()


def _settle(cues: list[Cue]) -> list[Cue]:
    """Cues with their speakers settled: a one-off name among repeated ones is words,
    a cue without a name is the previous speaker's, and empty cues are gone."""
    counts: dict[str, int] = {}
    for cue in cues:
        if cue.speaker is not None:
            counts[cue.speaker] = counts.get(cue.speaker, 0) + 1
    if not counts:  # no one is named: the caller says so
        return [cue for cue in cues if cue.text.strip()]
    repeated = sum(1 for n in counts.values() if n > 1) >= 2
    settled: list[Cue] = []
    for cue in cues:
        one_off = cue.speaker is not None and repeated and counts[cue.speaker] == 1
        if one_off and _wordy(cue.speaker):
            cue = replace(cue, speaker=None, text=join_text(f"{cue.speaker}:", cue.text))
        if cue.speaker is None:
            if not settled:
                continue  # words before anyone is named: a title, or silence
            if cue.start_ms is None or settled[-1].end_ms is None:
                previous = settled[-1]
                settled[-1] = replace(previous, text=join_text(previous.text, cue.text),
                                      end_ms=cue.end_ms or previous.end_ms)  # fmt: skip
                continue
            cue = replace(cue, speaker=settled[-1].speaker)
        settled.append(cue)
    return [cue for cue in settled if cue.text.strip()]
