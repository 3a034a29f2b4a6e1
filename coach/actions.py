"""Improvement actions: what the candidate will do better, each tied to one of the four aspects.

A review suggests actions from its facts (`coach.review_rules.suggest_actions`), and
`sync_suggestions` keeps the interview's plan in step with them as the candidate goes:
a new suggestion is added once; a suggestion the candidate never touched disappears
when its facts change (the signal was corrected, the advice rewritten); a suggestion
the candidate edited, checked off or deleted is theirs and is never added back.

Which suggestions were already offered is remembered in the review
(`reviews.offered_actions`), so it goes when the review goes. A suggestion is worded
in the language in use when it is offered; it counts as offered in every language, so
switching language never brings back, in the other language, a suggestion the
candidate deleted or edited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from coach import edits, fields, i18n, vocabulary
from coach.db import Journal
from coach.errors import InvalidInput, NotFound
from coach.i18n import _
from coach.review_rules import ReviewFacts, SuggestedAction, suggest_actions

ACTION_LIMIT = fields.ACTION_LIMIT
OPEN_ELSEWHERE_LIMIT = 50
# Actions a review adds by itself; the candidate's own have source 'own'.
SUGGESTED_SOURCES = frozenset({"suggested", "advice", "referral", "bridge"})


@dataclass(frozen=True)
class Action:
    id: int
    interview_id: int | None
    aspect: str
    source: str
    text: str
    status: str
    created_at: datetime
    done_at: datetime | None
    interview_title: str = ""  # for actions of other interviews

    @property
    def done(self) -> bool:
        return self.status == "done"

    @property
    def aspect_label(self) -> str:
        return vocabulary.ASPECTS[self.aspect]

    @property
    def source_label(self) -> str:
        return vocabulary.ACTION_SOURCES[self.source]


_SELECT = """
    SELECT a.id, a.interview_id, a.aspect, a.source, a.text, a.status, a.created_at, a.done_at,
           coalesce(c.name || CASE WHEN i.role <> '' THEN ' · ' || i.role ELSE '' END, '')
    FROM actions a
    LEFT JOIN interviews i ON i.id = a.interview_id
    LEFT JOIN companies c ON c.id = i.company_id
"""


def list_actions(cur: duckdb.DuckDBPyConnection, interview_id: int) -> list[Action]:
    """The interview's plan, in aspect order, then oldest first."""
    rows = cur.execute(
        _SELECT
        + """ WHERE a.interview_id = ?
        ORDER BY array_position(?, a.aspect), a.created_at, a.id""",
        [interview_id, list(vocabulary.ASPECTS)],
    ).fetchall()
    return [Action(*row) for row in rows]


def open_actions_elsewhere(
    cur: duckdb.DuckDBPyConnection, interview_id: int | None, limit: int = OPEN_ELSEWHERE_LIMIT
) -> tuple[list[Action], int]:
    """Open actions from earlier reviews (newest first, at most `limit`), and how many in all."""
    total = cur.execute(
        "SELECT count(*) FROM actions a"
        " WHERE a.status = 'open' AND a.interview_id IS DISTINCT FROM ?",
        [interview_id],
    ).fetchone()[0]
    rows = cur.execute(
        _SELECT + " WHERE a.status = 'open' AND a.interview_id IS DISTINCT FROM ?"
        " ORDER BY a.created_at DESC, a.id DESC LIMIT ?",
        [interview_id, limit],
    ).fetchall()
    return [Action(*row) for row in rows], total


def _clean(text: str) -> str:
    return fields.check("actions", "text", text)


def _check_aspect(aspect: str) -> None:
    if aspect not in vocabulary.ASPECTS:
        raise InvalidInput(f"Unknown aspect {aspect!r}.")


def _require(cur, action_id: int) -> tuple:
    row = cur.execute(
        "SELECT interview_id, source, text FROM actions WHERE id = ?", [action_id]
    ).fetchone()
    if row is None:
        raise NotFound(_("That action no longer exists; it may have been deleted in another tab."))
    return row


def add_action(
    journal: Journal,
    interview_id: int | None,
    aspect: str,
    text: str,
    now: datetime,
    *,
    source: str = "own",
) -> int:
    text = _clean(text)
    _check_aspect(aspect)
    if source not in vocabulary.ACTION_SOURCES:
        raise InvalidInput(f"Unknown action source {source!r}.")

    def work(cur):
        if interview_id is not None and (
            cur.execute("SELECT 1 FROM interviews WHERE id = ?", [interview_id]).fetchone() is None
        ):
            raise NotFound(
                _("That interview no longer exists; it may have been deleted in another tab.")
            )
        return cur.execute(
            "INSERT INTO actions (interview_id, aspect, source, text, created_at)"
            " VALUES (?, ?, ?, ?, ?) RETURNING id",
            [interview_id, aspect, source, text, now],
        ).fetchone()[0]

    return journal.write(work)


def update_action(
    journal: Journal, action_id: int, *, text: str, aspect: str, read: dict | None = None
) -> None:
    """Change the action's text and aspect. `read`: the two as the saving tab showed them;
    one another tab changed since raises EditConflict and nothing is saved (coach.edits)."""
    text = _clean(text)
    _check_aspect(aspect)

    def work(cur):
        _require(cur, action_id)
        row = cur.execute("SELECT text, aspect FROM actions WHERE id = ?", [action_id]).fetchone()
        stored = {"text": row[0], "aspect": row[1]}
        changed = edits.changes(
            stored,
            {"text": text, "aspect": aspect},
            read,
            {"text": _("Action"), "aspect": _("Aspect")},
        )
        merged = {**stored, **changed}
        cur.execute(
            "UPDATE actions SET text = ?, aspect = ? WHERE id = ?",
            [merged["text"], merged["aspect"], action_id],
        )

    journal.write(work)


def set_done(journal: Journal, action_id: int, done: bool, now: datetime) -> None:
    def work(cur):
        _require(cur, action_id)
        cur.execute(
            "UPDATE actions SET status = ?, done_at = ? WHERE id = ?",
            ["done" if done else "open", now if done else None, action_id],
        )

    journal.write(work)


def delete_action(journal: Journal, action_id: int) -> None:
    journal.write(lambda cur: cur.execute("DELETE FROM actions WHERE id = ?", [action_id]))


# --- Suggestions --------------------------------------------------------------
def review_facts(cur: duckdb.DuckDBPyConnection, interview_id: int) -> ReviewFacts:
    """The facts of the interview's review that actions are suggested from."""
    review = cur.execute(
        "SELECT overall_rating, interviewer_reaction, harmony, pace, advice, referral,"
        " led_by_interviewer, nerves FROM reviews WHERE interview_id = ?",
        [interview_id],
    ).fetchone() or (None, None, None, None, "", "", False, None)
    asks = cur.execute(
        """
        SELECT q.text, a.signal, a.self_score, a.cause
        FROM asks a JOIN questions q ON q.id = a.question_id
        WHERE a.interview_id = ? ORDER BY a.position, a.id
        """,
        [interview_id],
    ).fetchall()
    uses = cur.execute(
        """
        SELECT s.title, u.use, u.missed_reason, bq.text
        FROM story_uses u JOIN stories s ON s.id = u.story_id
        LEFT JOIN asks b ON b.id = u.bridge_ask_id AND b.interview_id = u.interview_id
        LEFT JOIN questions bq ON bq.id = b.question_id
        WHERE u.interview_id = ? ORDER BY s.title, s.id
        """,
        [interview_id],
    ).fetchall()
    rating, reaction, harmony, pace, advice, referral, led, nerves = review
    return ReviewFacts(
        overall_rating=rating,
        interviewer_reaction=reaction,
        asks=asks,
        harmony=harmony,
        pace=pace,
        advice=advice,
        referral=referral,
        led_by_interviewer=bool(led),
        story_uses=uses,
        nerves=nerves,
    )


def offered(cur: duckdb.DuckDBPyConnection, interview_id: int) -> list[list[str]]:
    """The [aspect, text] pairs already offered to this interview's plan."""
    row = cur.execute(
        "SELECT offered_actions FROM reviews WHERE interview_id = ?", [interview_id]
    ).fetchone()
    return json.loads(row[0]) if row else []


@dataclass(frozen=True)
class SyncResult:
    added: tuple[SuggestedAction, ...]  # suggestions newly put in the plan
    withdrawn: int  # untouched suggestions removed because their facts changed


def sync_suggestions(
    cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime
) -> SyncResult:
    """Bring the plan in step with the review's facts; run inside the caller's transaction."""
    facts = review_facts(cur, interview_id)
    suggestions = suggest_actions(facts)
    variants = _in_every_language(facts, suggestions)
    current = set().union(*variants)
    seen = [tuple(pair) for pair in offered(cur, interview_id)]
    seen_set = set(seen)
    stored = cur.execute(
        "SELECT id, aspect, source, text, status FROM actions WHERE interview_id = ?",
        [interview_id],
    ).fetchall()
    stored_pairs = {(aspect, text) for _, aspect, _, text, _ in stored}

    # An untouched suggestion (still open, wording and aspect as offered) whose facts
    # are gone is withdrawn, and may be offered again if the facts come back; one
    # offered in another language is reworded in the language in use.
    withdrawn = set()
    reworded = _rewordings(stored, seen_set, suggestions, variants)
    for action_id, aspect, source, text, status in stored:
        pair = (aspect, text)
        untouched = source in SUGGESTED_SOURCES and status == "open" and pair in seen_set
        if untouched and pair not in current:
            cur.execute("DELETE FROM actions WHERE id = ?", [action_id])
            withdrawn.add(pair)
        elif action_id in reworded:
            cur.execute(
                "UPDATE actions SET text = ? WHERE id = ?", [reworded[action_id][1], action_id]
            )
    renamed = dict(reworded.values())
    kept = [(p[0], renamed[p]) if p in renamed else p for p in seen if p not in withdrawn]

    added = []
    for suggestion, worded in zip(suggestions, variants, strict=True):
        pair = (suggestion.aspect, suggestion.text)
        if worded & seen_set or worded & stored_pairs:
            continue  # offered before (perhaps edited or deleted since), or already planned
        cur.execute(
            "INSERT INTO actions (interview_id, aspect, source, text, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [interview_id, suggestion.aspect, suggestion.source, suggestion.text, now],
        )
        kept.append(pair)
        added.append(suggestion)
    if kept != seen:
        # Asks and story uses belong to a review; make sure its draft row exists.
        cur.execute(
            "INSERT INTO reviews (interview_id, started_at, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            [interview_id, now, now],
        )
        cur.execute(
            "UPDATE reviews SET offered_actions = ? WHERE interview_id = ?",
            [json.dumps([list(p) for p in kept], ensure_ascii=False), interview_id],
        )
    return SyncResult(tuple(added), len(withdrawn))


def reword_suggestions(
    journal: Journal, cur: duckdb.DuckDBPyConnection, interview_id: int, now: datetime
) -> int:
    """Put the plan's untouched suggestions in the language in use (after the candidate
    switched language); how many were reworded. Writes only when one needs it."""
    facts = review_facts(cur, interview_id)
    suggestions = suggest_actions(facts)
    variants = _in_every_language(facts, suggestions)
    seen = {tuple(pair) for pair in offered(cur, interview_id)}
    stored = cur.execute(
        "SELECT id, aspect, source, text, status FROM actions WHERE interview_id = ?",
        [interview_id],
    ).fetchall()
    needed = len(_rewordings(stored, seen, suggestions, variants))
    if needed:
        journal.write(lambda write_cur: sync_suggestions(write_cur, interview_id, now))
    return needed


def reword_every_plan(journal: Journal, now: datetime) -> int:
    """Put every plan's untouched suggestions in the language in use; how many were
    reworded. Run when the candidate chooses a language, so that lists of actions on
    other pages (Home, Insights) read in it too, not only a plan opened again."""
    cur = journal.cursor()
    try:
        rows = cur.execute(
            "SELECT DISTINCT interview_id FROM actions WHERE status = 'open' AND source IN "
            "(SELECT unnest(?::VARCHAR[]))",
            [sorted(SUGGESTED_SOURCES)],
        ).fetchall()
        return sum(reword_suggestions(journal, cur, row[0], now) for row in rows)
    finally:
        cur.close()


def _rewordings(
    stored: list[tuple],
    seen: set[tuple[str, str]],
    suggestions: list[SuggestedAction],
    variants: list[set[tuple[str, str]]],
) -> dict[int, tuple[tuple[str, str], str]]:
    """Action id -> ((aspect, text) as offered, text in the language in use), for each
    untouched suggestion worded in another language."""
    wording_now = {}
    for suggestion, worded in zip(suggestions, variants, strict=True):
        for pair in worded:
            wording_now[pair] = suggestion.text
    found = {}
    for action_id, aspect, source, text, status in stored:
        pair = (aspect, text)
        untouched = source in SUGGESTED_SOURCES and status == "open" and pair in seen
        if untouched and pair in wording_now and wording_now[pair] != text:
            found[action_id] = (pair, wording_now[pair])
    return found


def _in_every_language(
    facts: ReviewFacts, suggestions: list[SuggestedAction]
) -> list[set[tuple[str, str]]]:
    """Each suggestion's (aspect, text) in every language the app speaks.

    The same facts give the same suggestions, in the same order, in every language;
    should a wording ever make two of them one in a language, that language is left
    out rather than pairing the wrong texts.
    """
    variants = [{(s.aspect, s.text)} for s in suggestions]
    for lang in i18n.LANGUAGES:
        if lang == i18n.current():
            continue
        with i18n.speaking(lang):
            other = suggest_actions(facts)
        if len(other) == len(suggestions):
            for pairs, said in zip(variants, other, strict=True):
                pairs.add((said.aspect, said.text))
    return variants
