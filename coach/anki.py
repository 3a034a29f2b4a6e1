"""The rehearsal cards as an Anki deck (.apkg), to rehearse on a phone.

One note per active or suspended card: the question on the front; the best answer
version so far and the fix to rehearse on the back. Ids are fixed and note guids come
from the question id, so importing a newer export into Anki updates the same notes.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import duckdb
import genanki

from coach.review_rules import diagnose

# Fixed, randomly chosen once: Anki identifies the note type and deck by these.
MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110

MODEL = genanki.Model(
    MODEL_ID,
    "Interview Coach question",
    fields=[{"name": "Question"}, {"name": "Context"}, {"name": "Answer"}, {"name": "Fix"}],
    templates=[
        {
            "name": "Rehearse",
            "qfmt": "<div class=q>{{Question}}</div><div class=ctx>{{Context}}</div>",
            "afmt": "{{FrontSide}}<hr id=answer><div>{{Answer}}</div>"
            "<div class=fix><b>Fix to rehearse:</b> {{Fix}}</div>",
        }
    ],
    css=".card{font-family:sans-serif;font-size:20px;text-align:left}"
    ".q{font-weight:bold}.ctx{color:#667;font-size:15px;margin-top:6px}"
    ".fix{margin-top:12px;color:#2f6f73}",
)


def _field(text: str) -> str:
    # Anki fields are HTML: the candidate's text is shown as text, line breaks kept.
    return html.escape(text).replace("\n", "<br>")


def deck_notes(cur: duckdb.DuckDBPyConnection) -> list[genanki.Note]:
    rows = cur.execute(
        """
        SELECT q.id, q.text, coalesce(d.label, q.dimension),
               (SELECT a.text FROM answers a WHERE a.question_id = q.id
                ORDER BY a.created_at DESC, a.id DESC LIMIT 1),
               (SELECT string_agg(DISTINCT c.name, ', ' ORDER BY c.name)
                FROM asks k JOIN interviews i ON i.id = k.interview_id
                JOIN companies c ON c.id = i.company_id WHERE k.question_id = q.id),
               last.signal, last.self_score, last.cause
        FROM cards card
        JOIN questions q ON q.id = card.question_id
        LEFT JOIN dimensions d ON d.key = q.dimension
        LEFT JOIN LATERAL (
            SELECT k.signal, k.self_score, k.cause FROM asks k
            JOIN interviews i ON i.id = k.interview_id
            WHERE k.question_id = q.id ORDER BY i.scheduled_at DESC, k.id DESC LIMIT 1
        ) last ON true
        WHERE card.status <> 'retired'
        ORDER BY q.id
        """
    ).fetchall()
    notes = []
    for question_id, text, dimension, answer, companies, signal, score, cause in rows:
        context = dimension + (f" · asked at {companies}" if companies else "")
        fix = diagnose(signal, score, cause).fix if companies else "Prepare an answer."
        notes.append(
            genanki.Note(
                model=MODEL,
                fields=[
                    _field(text),
                    _field(context),
                    _field(answer or "No answer version kept yet."),
                    _field(fix),
                ],
                guid=genanki.guid_for("interview-coach-question", question_id),
            )
        )
    return notes


def anki_deck(cur: duckdb.DuckDBPyConnection, *, name: str = "Interview Coach") -> bytes:
    """The .apkg file's bytes."""
    deck = genanki.Deck(DECK_ID, name)
    for note in deck_notes(cur):
        deck.add_note(note)
    with tempfile.TemporaryDirectory(prefix="coach-anki-") as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()
