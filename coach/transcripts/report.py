"""A transcript and its preview as lines of plain text, for the `coach` command."""

from __future__ import annotations

from coach import vocabulary, wording
from coach.i18n import _, ngettext
from coach.transcripts.preview import Preview, clock_text, duration_text
from coach.transcripts.turns import Transcript

ANSWER_WORDS = 90  # characters of each answer shown


def transcript_lines(transcript: Transcript, file_name: str) -> list[str]:
    kind = vocabulary.TRANSCRIPT_FORMATS[transcript.format]
    captions = ngettext("{n} caption", "{n} captions", transcript.cue_count).format(
        n=wording.number(transcript.cue_count)
    )
    speakers = ngettext("{n} speaker", "{n} speakers", len(transcript.speakers)).format(
        n=len(transcript.speakers)
    )
    lines = [
        _("{file}: {kind}, {captions}, {speakers}").format(
            file=file_name, kind=kind, captions=captions, speakers=speakers
        )
    ]
    for speaker in transcript.speakers:
        if speaker.spoken_ms is not None:
            said = ngettext(
                "{name}: spoke {time} in {n} turn",
                "{name}: spoke {time} in {n} turns",
                speaker.turns,
            ).format(name=speaker.name, time=duration_text(speaker.spoken_ms), n=speaker.turns)
        else:
            said = ngettext(
                "{name}: {chars} characters in {n} turn",
                "{name}: {chars} characters in {n} turns",
                speaker.turns,
            ).format(name=speaker.name, chars=wording.number(speaker.characters), n=speaker.turns)
        lines.append(f"  {said}")
    return lines


def preview_lines(preview: Preview) -> list[str]:
    rows = preview.rows
    interrupted = sum(r.interrupted for r in rows)
    if interrupted:
        found = ngettext(
            "{n} question found in the others' words, with {me} as you; {cut} offered as "
            "interrupted:",
            "{n} questions found in the others' words, with {me} as you; {cut} offered as "
            "interrupted:",
            len(rows),
        )
    else:
        found = ngettext(
            "{n} question found in the others' words, with {me} as you:",
            "{n} questions found in the others' words, with {me} as you:",
            len(rows),
        )
    lines = [found.format(n=len(rows), me=preview.candidate, cut=interrupted)]
    width = len(str(len(rows)))
    for number, row in enumerate(rows, start=1):
        when = clock_text(row.asked_ms)
        lines.append(f"{number:>{width}}. {f'[{when}] ' if when else ''}{row.question}")
        answer = " ".join(row.answer.split())
        if len(answer) > ANSWER_WORDS:
            answer = answer[: ANSWER_WORDS - 1].rstrip() + "…"
        timed = duration_text(row.answer_ms)
        if row.interrupted:
            timed = _("{time} · interrupted").format(time=timed)
        said = _("answered ({time}): {answer}").format(time=timed, answer=answer or _("(nothing)"))
        lines.append(f"{' ' * width}  {said}")
    return lines
