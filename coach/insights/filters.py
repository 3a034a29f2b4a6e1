"""Which held interviews Insights looks at, and what the page's filters offer.

Every query of the sections takes a cursor, the page's `Filters` and `now` (aware, in
the candidate's zone). Only held interviews count (scheduled at or before `now`); the
filters narrow them by date, company kind and company (`HELD`, a WHERE fragment over
interviews `i` and companies `c`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import fsrs

from coach.days import day_start
from coach.scheduling import utc

LISTING_LIMIT = 50


@dataclass(frozen=True)
class Filters:
    """Which held interviews the insights look at. None means no limit."""

    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    kind: str | None = None  # a key of vocabulary.COMPANY_KINDS
    company_id: int | None = None

    @classmethod
    def for_days(
        cls,
        first: date | None,
        last: date | None,
        now: datetime,
        *,
        kind: str | None = None,
        company_id: int | None = None,
    ) -> Filters:
        """From calendar days `first` to `last` (both included), in `now`'s zone."""
        zone = now.tzinfo
        return cls(
            since=None if first is None else day_start(first, zone),
            until=None if last is None else day_start(last + timedelta(days=1), zone),
            kind=kind,
            company_id=company_id,
        )

    def params(self, now: datetime) -> dict[str, Any]:
        return {
            "now": utc(now),
            "since": None if self.since is None else utc(self.since),
            "until": None if self.until is None else utc(self.until),
            "kind": self.kind,
            "company": self.company_id,
        }

    def rehearsal_params(self) -> dict[str, Any]:
        return {
            "since": None if self.since is None else utc(self.since),
            "until": None if self.until is None else utc(self.until),
        }


# Held interviews `i` of companies `c` that pass the filters; named parameters.
HELD = """
    i.scheduled_at <= $now
    AND ($since::TIMESTAMPTZ IS NULL OR i.scheduled_at >= $since)
    AND ($until::TIMESTAMPTZ IS NULL OR i.scheduled_at < $until)
    AND ($kind::VARCHAR IS NULL OR c.kind = $kind)
    AND ($company::BIGINT IS NULL OR i.company_id = $company)
"""


@dataclass(frozen=True)
class FilterChoices:
    companies: dict[int, str]  # id -> name, by name
    first_day: date | None  # of the earliest interview, in the candidate's zone
    last_day: date | None  # of the latest held interview (or today)


def filter_choices(cur: duckdb.DuckDBPyConnection, now: datetime) -> FilterChoices:
    companies = dict(cur.execute("SELECT id, name FROM companies ORDER BY name, id").fetchall())
    first = cur.execute("SELECT min(scheduled_at) FROM interviews").fetchone()[0]
    return FilterChoices(
        companies=companies,
        first_day=None if first is None else first.astimezone(now.tzinfo).date(),
        last_day=now.date(),
    )


def in_zone(moment: datetime, now: datetime) -> datetime:
    return moment.astimezone(now.tzinfo)


def scheduler_of(cur: duckdb.DuckDBPyConnection) -> fsrs.Scheduler:
    from coach.scheduling import scheduler_for

    return scheduler_for(cur, fuzzing=False)


def latest_clause(latest: int | None) -> str:
    return "" if latest is None else f"LIMIT {int(latest)}"


def journal_counts(cur: duckdb.DuckDBPyConnection, now: datetime) -> tuple[int, int]:
    """(interviews, held interviews with recorded asks): whether there is anything to show."""
    return cur.execute(
        """
        SELECT (SELECT count(*) FROM interviews),
               (SELECT count(DISTINCT a.interview_id) FROM asks a
                JOIN interviews i ON i.id = a.interview_id WHERE i.scheduled_at <= ?)
        """,
        [utc(now)],
    ).fetchone()
