"""Deleting interviews, and telling the candidate beforehand what else would go."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from coach.db import Journal
from coach.i18n import ngettext


@dataclass(frozen=True)
class DeletionImpact:
    """What else goes when a company or an interview is deleted."""

    interviews: int = 0
    asks: int = 0
    reviews: int = 0
    actions: int = 0
    story_uses: int = 0
    transcripts: int = 0

    def describe(self) -> list[str]:
        counts = [
            (self.interviews, ngettext("{n} interview", "{n} interviews", self.interviews)),
            (self.reviews, ngettext("{n} review", "{n} reviews", self.reviews)),
            (
                self.asks,
                ngettext(
                    "{n} recorded question and answer",
                    "{n} recorded questions and answers",
                    self.asks,
                ),
            ),
            (
                self.actions,
                ngettext("{n} improvement action", "{n} improvement actions", self.actions),
            ),
            (self.story_uses, ngettext("{n} story use", "{n} story uses", self.story_uses)),
            (
                self.transcripts,
                ngettext("{n} kept transcript", "{n} kept transcripts", self.transcripts),
            ),
        ]
        return [text.format(n=n) for n, text in counts if n]


def _impact(cur, where: str, params: list) -> DeletionImpact:
    # `where` is one of two fixed clauses chosen below, never user text.
    row = cur.execute(
        f"""
        WITH doomed AS (SELECT id FROM interviews WHERE {where})
        SELECT (SELECT count(*) FROM doomed),
               (SELECT count(*) FROM asks WHERE interview_id IN (SELECT id FROM doomed)),
               (SELECT count(*) FROM reviews WHERE interview_id IN (SELECT id FROM doomed)),
               (SELECT count(*) FROM actions WHERE interview_id IN (SELECT id FROM doomed)),
               (SELECT count(*) FROM story_uses WHERE interview_id IN (SELECT id FROM doomed)),
               (SELECT count(*) FROM transcripts WHERE interview_id IN (SELECT id FROM doomed))
        """,  # noqa: S608
        params,
    ).fetchone()
    return DeletionImpact(*row)


def company_deletion_impact(cur: duckdb.DuckDBPyConnection, company_id: int) -> DeletionImpact:
    return _impact(cur, "company_id = ?", [company_id])


def interview_deletion_impact(cur: duckdb.DuckDBPyConnection, interview_id: int) -> DeletionImpact:
    impact = _impact(cur, "id = ?", [interview_id])
    return DeletionImpact(
        0, impact.asks, impact.reviews, impact.actions, impact.story_uses, impact.transcripts
    )


def delete_interviews_where(journal: Journal, where: str, params: list) -> None:
    """Delete matching interviews and everything recorded in them, child tables first.

    DuckDB rejects deleting children and then their parent inside one transaction
    (its foreign-key check does not see the uncommitted child deletes), so each table
    is its own statement. If interrupted midway, only part of what the candidate
    asked to delete is gone and deleting again finishes it: nothing else is touched.
    Questions stay in the bank, and their cards and answer versions with them; the
    interview's prediction snapshots go with it.
    """
    doomed = f"(SELECT id FROM interviews WHERE {where})"  # noqa: S608 - fixed clause
    statements = [
        f"UPDATE answers SET ask_id = NULL WHERE ask_id IN "  # noqa: S608
        f"(SELECT id FROM asks WHERE interview_id IN {doomed})",
        f"DELETE FROM asks WHERE interview_id IN {doomed}",  # noqa: S608
        f"DELETE FROM story_uses WHERE interview_id IN {doomed}",  # noqa: S608
        f"DELETE FROM actions WHERE interview_id IN {doomed}",  # noqa: S608
        f"DELETE FROM transcripts WHERE interview_id IN {doomed}",  # noqa: S608
        f"DELETE FROM reviews WHERE interview_id IN {doomed}",  # noqa: S608
        f"DELETE FROM predicted_questions WHERE prediction_id IN (SELECT id FROM predictions"  # noqa: S608
        f" WHERE interview_id IN {doomed})",
        f"DELETE FROM predictions WHERE interview_id IN {doomed}",  # noqa: S608
        f"DELETE FROM interviews WHERE {where}",  # noqa: S608
    ]
    for statement in statements:
        journal.write(lambda cur, statement=statement: cur.execute(statement, params))
