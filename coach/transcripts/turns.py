"""A transcript as speaker turns: consecutive cues of one speaker make one turn.

Speaking time is measured from the cue times: a cue lasts from its start to its end
(WebVTT, SRT) or, in plain text that gives only start times, to the start of the next
cue. The last cue of a plain-text transcript has no end, so its time is unknown (None)
rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coach import fields, wording
from coach.errors import InvalidInput
from coach.i18n import N_, _
from coach.transcripts import asking, files
from coach.transcripts.cues import Cue, join_text, read_cues


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str
    start_ms: int | None
    end_ms: int | None
    spoken_ms: int | None  # the sum of its cues' durations; None when not measured


@dataclass(frozen=True)
class Speaker:
    name: str
    turns: int
    spoken_ms: int | None
    characters: int
    asking_turns: int  # turns that ask a question
    sample: str  # the first words of their longest turn


@dataclass(frozen=True)
class Transcript:
    format: str  # a key of vocabulary.TRANSCRIPT_FORMATS
    text: str  # as decoded: what is kept if the candidate asks
    cue_count: int
    turns: tuple[Turn, ...]
    speakers: tuple[Speaker, ...]  # the most talkative first

    @property
    def timed(self) -> bool:
        return any(t.spoken_ms is not None for t in self.turns)

    def speaker(self, name: str) -> Speaker:
        for speaker in self.speakers:
            if speaker.name == name:
                return speaker
        known = wording.list_text(s.name for s in self.speakers)
        raise InvalidInput(
            _("No one called “{name}” speaks in this transcript; its speakers are {known}.")
            .format(name=name, known=known)
        )  # fmt: skip

    def guess_candidate(self, known_names: tuple[str, ...] = ()) -> str:
        """A name the candidate chose before, else a speaker labelled as the candidate
        (候选人, 我, Candidate…), else whoever asked least and spoke most among those
        not labelled as an interviewer (面试官, HR, Interviewer…)."""
        for speaker in self.speakers:
            if speaker.name in known_names:
                return speaker.name
        for speaker in self.speakers:
            if _CANDIDATE_LABEL.match(speaker.name.strip()):
                return speaker.name
        others = [s for s in self.speakers if not _INTERVIEWER_LABEL.search(s.name)]
        return min(
            others or self.speakers,
            key=lambda s: (s.asking_turns / s.turns > 0.5, -(s.spoken_ms or s.characters)),
        ).name


# Names a meeting tool or a typed transcript gives by role rather than by person.
_CANDIDATE_LABEL = re.compile(
    r"^(?:候选人|应聘者|求职者|面试者|我|本人|candidate|interviewee|me)\s*\d*$", re.IGNORECASE
)
_INTERVIEWER_LABEL = re.compile(
    r"面试官|考官|招聘官|招聘方|^hr\b|^hrbp\b|interviewer|recruiter", re.IGNORECASE
)


def read_transcript(data: bytes) -> Transcript:
    """The uploaded file as turns and speakers, or InvalidInput saying what is wrong."""
    text = files.decode(data)
    if len(text) > fields.TRANSCRIPT_LIMIT:
        raise InvalidInput(
            _(
                "That transcript is {n} characters long; the limit is {limit}. "
                "Import one call at a time."
            ).format(n=wording.number(len(text)), limit=wording.number(fields.TRANSCRIPT_LIMIT))
        )
    kind, cues = read_cues(text)
    if not cues:
        raise InvalidInput(
            _("That file holds no captions or lines of speech. {how}").format(
                how=_(files.EXPORT_AGAIN)
            )
        )
    if cues[0].speaker is None:  # then no cue names its speaker (coach.transcripts.cues)
        raise InvalidInput(_(_NO_SPEAKERS).format(how=_(_NAMES_HOW)))
    turns = _turns(_timed(cues))
    speakers = _speakers(turns)
    if len(speakers) < 2:
        raise InvalidInput(
            _(
                "Only one speaker ({name}) is named in that transcript; an interview needs "
                "the interviewer's words and yours. {how}"
            ).format(name=speakers[0].name, how=_(_NAMES_HOW))
        )
    return Transcript(kind, text, len(cues), tuple(turns), tuple(speakers))


_NAMES_HOW = N_(
    "Turn on speaker names in the meeting tool's transcript settings and export it "
    "again, or begin each line with the speaker's name and a colon (“Jane: Tell me about "
    "yourself”)."
)
_NO_SPEAKERS = N_("No speakers are named in that transcript. {how}")


def _timed(cues: list[Cue]) -> list[Cue]:
    """Plain-text cues end where the next one starts; times are kept from the start."""
    ended = []
    for index, cue in enumerate(cues):
        end = cue.end_ms
        if end is None and cue.start_ms is not None and index + 1 < len(cues):
            following = cues[index + 1].start_ms
            end = following if following is not None and following >= cue.start_ms else None
        ended.append(Cue(cue.speaker, cue.text, cue.start_ms, end))
    return ended


def _duration(cue: Cue) -> int | None:
    if cue.start_ms is None or cue.end_ms is None:
        return None
    return max(0, cue.end_ms - cue.start_ms)


def _turns(cues: list[Cue]) -> list[Turn]:
    turns: list[Turn] = []
    for cue in cues:
        duration = _duration(cue)
        if turns and turns[-1].speaker == cue.speaker:
            last = turns[-1]
            spoken = (
                None if last.spoken_ms is None or duration is None else last.spoken_ms + duration
            )
            end = cue.end_ms if cue.end_ms is not None else last.end_ms
            text = join_text(last.text, cue.text)
            turns[-1] = Turn(last.speaker, text, last.start_ms, end, spoken)
        else:
            turns.append(Turn(cue.speaker, cue.text, cue.start_ms, cue.end_ms, duration))
    return turns


def _speakers(turns: list[Turn]) -> list[Speaker]:
    found: dict[str, dict] = {}
    for turn in turns:
        entry = found.setdefault(
            turn.speaker, {"turns": 0, "spoken": None, "chars": 0, "asking": 0, "longest": ""}
        )
        entry["turns"] += 1
        if turn.spoken_ms is not None:
            entry["spoken"] = (entry["spoken"] or 0) + turn.spoken_ms
        entry["chars"] += len(turn.text)
        entry["asking"] += bool(asking.question_in(turn.text, limit=fields.QUESTION_LIMIT))
        if len(turn.text) > len(entry["longest"]):
            entry["longest"] = turn.text
    speakers = [
        Speaker(name, e["turns"], e["spoken"], e["chars"], e["asking"], e["longest"][:160])
        for name, e in found.items()
    ]
    return sorted(speakers, key=lambda s: (-(s.spoken_ms or 0), -s.characters, s.name))
