"""The rehearsal cards as an Anki deck (.apkg), to rehearse on a phone.

One note per active or suspended card: the question on the front; the best answer
version so far and the fix to rehearse on the back. Ids are fixed and note guids come
from the question id, so importing a newer export into Anki updates the same notes.

The deck is written in the language in use at export time: its name, the note type's
field names and the card's own words. Each language has its own note type (its own
fixed id), so Anki never sees one note type with two sets of field names.
"""

from __future__ import annotations

import functools
import html
import tempfile
from pathlib import Path

import duckdb
import genanki

from coach import i18n
from coach.i18n import _, pgettext
from coach.review_rules import diagnose
from coach.vocabulary import dimension_label

# Fixed, randomly chosen once: Anki identifies the note type and deck by these.
MODEL_ID = 1_607_392_319
MODEL_IDS = {i18n.ENGLISH: MODEL_ID, i18n.CHINESE: 1_607_392_320}
DECK_ID = 2_059_400_110

CSS = (
    ".card{font-family:sans-serif;font-size:20px;text-align:left}"
    ".q{font-weight:bold}.ctx{color:#667;font-size:15px;margin-top:6px}"
    ".fix{margin-top:12px;color:#2f6f73}"
)


def model() -> genanki.Model:
    """The note type in the language in use."""
    return _model(i18n.current())


@functools.cache
def _model(lang: str) -> genanki.Model:
    with i18n.speaking(lang):
        question, context = _("Question"), pgettext("Anki field", "Context")
        answer, fix = _("Answer"), pgettext("Anki field", "Fix")
        fix_label = html.escape(_("Fix to rehearse:"))
        return genanki.Model(
            MODEL_IDS[lang],
            _("Interview Coach question"),
            fields=[{"name": question}, {"name": context}, {"name": answer}, {"name": fix}],
            templates=[
                {
                    "name": pgettext("Anki card type", "Rehearse"),
                    "qfmt": f"<div class=q>{{{{{question}}}}}</div>"
                    f"<div class=ctx>{{{{{context}}}}}</div>",
                    "afmt": f"{{{{FrontSide}}}}<hr id=answer><div>{{{{{answer}}}}}</div>"
                    f"<div class=fix><b>{fix_label}</b> "
                    f"{{{{{fix}}}}}</div>",
                }
            ],
            css=CSS,
        )


# The English note type, as it has always been.
MODEL = _model(i18n.ENGLISH)


def _field(text: str) -> str:
    # Anki fields are HTML: the candidate's text is shown as text, line breaks kept.
    return html.escape(text).replace("\n", "<br>")


def deck_notes(cur: duckdb.DuckDBPyConnection) -> list[genanki.Note]:
    rows = cur.execute(
        """
        SELECT q.id, q.text, q.dimension, coalesce(d.label, q.dimension),
               (SELECT a.text FROM answers a WHERE a.question_id = q.id
                ORDER BY a.created_at DESC, a.id DESC LIMIT 1),
               (SELECT list(DISTINCT c.name ORDER BY c.name)
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
    note_type = model()
    separator = pgettext("list separator", ", ")
    for question_id, text, key, label, answer, companies, signal, score, cause in rows:
        dimension = dimension_label(key, label)
        context = (
            _("{dimension} · asked at {companies}").format(
                dimension=dimension, companies=separator.join(companies)
            )
            if companies
            else dimension
        )
        fix = diagnose(signal, score, cause).fix if companies else _("Prepare an answer.")
        notes.append(
            genanki.Note(
                model=note_type,
                fields=[
                    _field(text),
                    _field(context),
                    _field(answer or _("No answer version kept yet.")),
                    _field(fix),
                ],
                guid=genanki.guid_for("interview-coach-question", question_id),
            )
        )
    return notes


def anki_deck(cur: duckdb.DuckDBPyConnection, *, name: str | None = None) -> bytes:
    """The .apkg file's bytes, in the language in use (the deck named after the app)."""
    deck = genanki.Deck(DECK_ID, name or _("Interview Coach"))
    for note in deck_notes(cur):
        deck.add_note(note)
    with tempfile.TemporaryDirectory(prefix="coach-anki-") as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()
