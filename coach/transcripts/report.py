"""A transcript and its preview as lines of plain text, for the `coach` command."""

from __future__ import annotations

from coach import vocabulary
from coach.transcripts.preview import Preview, clock_text, duration_text
from coach.transcripts.turns import Transcript

ANSWER_WORDS = 90  # characters of each answer shown


def transcript_lines(transcript: Transcript, file_name: str) -> list[str]:
    kind = vocabulary.TRANSCRIPT_FORMATS[transcript.format]
    lines = [
        f"{file_name}: {kind}, {transcript.cue_count:,} captions, "
        f"{len(transcript.speakers)} speakers"
    ]
    for speaker in transcript.speakers:
        spoke = (
            f"spoke {duration_text(speaker.spoken_ms)}"
            if speaker.spoken_ms is not None
            else f"{speaker.characters:,} characters"
        )
        lines.append(f"  {speaker.name}: {spoke} in {speaker.turns} turns")
    return lines


def preview_lines(preview: Preview) -> list[str]:
    rows = preview.rows
    interrupted = sum(r.interrupted for r in rows)
    lines = [
        f"{len(rows)} question{'s' * (len(rows) != 1)} found in the others' words, "
        f"with {preview.candidate} as you"
        + (f"; {interrupted} offered as interrupted" if interrupted else "")
        + ":"
    ]
    width = len(str(len(rows)))
    for number, row in enumerate(rows, start=1):
        when = clock_text(row.asked_ms)
        lines.append(f"{number:>{width}}. {f'[{when}] ' if when else ''}{row.question}")
        answer = " ".join(row.answer.split())
        if len(answer) > ANSWER_WORDS:
            answer = answer[: ANSWER_WORDS - 1].rstrip() + "…"
        flags = " · interrupted" if row.interrupted else ""
        timed = duration_text(row.answer_ms)
        lines.append(f"{' ' * width}  answered ({timed}{flags}): {answer or '(nothing)'}")
    return lines
