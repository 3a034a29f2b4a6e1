"""Insights: trends across interviews, aggregated in DuckDB into small results.

Every query takes a cursor, the page's `Filters` and `now` (aware, in the candidate's
zone). Only held interviews count (scheduled at or before `now`); the filters narrow
them by date, company kind and company. Each query returns at most a few hundred
rows, whatever the size of the journal, so the page never holds a whole table.

The rehearsal queries (section 7) ignore the company filters: a rehearsal belongs to a
card, not to an interview. They honour the date range.

Chart builders are in `coach.charts`, the one-line takeaways in `coach.takeaways`, the
readiness brief in `coach.readiness`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import duckdb
import fsrs

from coach import vocabulary
from coach.days import day_number, day_start, from_day_number, local_day_sql
from coach.recall import recall_params, recall_sql
from coach.review_rules import WEAK_ASK_SQL
from coach.reviews import Advice
from coach.scheduling import utc

NO_SIGNAL = "none"  # the heatmap's key for asks recorded without a signal
SIGNAL_LABELS = {**vocabulary.SIGNALS, NO_SIGNAL: "No signal"}
WEAK_SIGNALS = ("interrupted", "confused", "probed")
# Outcomes that mean the interview went forward.
FORWARD_OUTCOMES = ("advanced", "offer", "referred")
LISTING_LIMIT = 50
RECURRING_LIMIT = 30


# --- Filters ----------------------------------------------------------------------


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


def _local(moment: datetime, now: datetime) -> datetime:
    return moment.astimezone(now.tzinfo)


def _scheduler(cur: duckdb.DuckDBPyConnection) -> fsrs.Scheduler:
    from coach.scheduling import scheduler_for

    return scheduler_for(cur, fuzzing=False)


# --- 1. Overall trend -------------------------------------------------------------


@dataclass(frozen=True)
class RatedInterview:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    round: str
    rating: int  # 1-4, vocabulary.OVERALL_RATINGS
    self_state: int | None
    outcome: str

    @property
    def went_forward(self) -> bool | None:
        if self.outcome == "pending":
            return None
        return self.outcome in FORWARD_OUTCOMES


def rated_interviews(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    latest: int | None = None,
) -> list[RatedInterview]:
    """Held interviews with an overall rating, oldest first; with `latest`, only the
    latest that many (for a chart; the takeaway uses `rating_halves`)."""
    rows = cur.execute(
        f"""
        SELECT * FROM (
            SELECT i.id, i.scheduled_at, c.name, c.kind, i.round, r.overall_rating,
                   r.self_state, i.outcome
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE r.overall_rating IS NOT NULL AND {HELD}
            ORDER BY i.scheduled_at DESC, i.id DESC
            {_limit(latest)}
        )
        ORDER BY scheduled_at, id
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [RatedInterview(r[0], _local(r[1], now), *r[2:]) for r in rows]


def _limit(latest: int | None) -> str:
    return "" if latest is None else f"LIMIT {int(latest)}"


@dataclass(frozen=True)
class MeanHalves:
    """A per-interview value, oldest first, split into an earlier and a later half (the
    later one starts at interview n // 2): the mean of each half."""

    count: int
    since: datetime | None  # the first later interview, in the candidate's zone
    before: float | None
    after: float | None


def _mean_halves(
    cur: duckdb.DuckDBPyConnection, value: str, where: str, params: dict, now: datetime
) -> MeanHalves:
    """`value` over the held interviews `i` (with company `c`, review `r`) matching
    `where`; both are fixed fragments of this module."""
    row = cur.execute(
        f"""
        WITH numbered AS (
            SELECT i.scheduled_at, {value} AS value,
                   row_number() OVER (ORDER BY i.scheduled_at, i.id) - 1
                   >= count(*) OVER () // 2 AS later
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE {where} AND {HELD}
        )
        SELECT count(*), min(scheduled_at) FILTER (WHERE later),
               avg(value) FILTER (WHERE NOT later), avg(value) FILTER (WHERE later)
        FROM numbered
        """,  # noqa: S608 - fixed fragments only
        params,
    ).fetchone()
    return MeanHalves(row[0], None if row[1] is None else _local(row[1], now), row[2], row[3])


def rating_halves(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> MeanHalves:
    """The mean overall rating, earlier half against later half of `rated_interviews`."""
    return _mean_halves(
        cur, "r.overall_rating", "r.overall_rating IS NOT NULL", filters.params(now), now
    )


RESULTS = {"forward": "Went forward", "stopped": "Stopped", "pending": "Pending"}


@dataclass(frozen=True)
class CalibrationCell:
    rating: int  # 1-4
    result: str  # a key of RESULTS: the outcome went forward, stopped, or is pending
    interviews: int


def calibration(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[CalibrationCell]:
    """Rated held interviews counted by (own rating, whether the outcome went forward)."""
    rows = cur.execute(
        f"""
        SELECT r.overall_rating,
               CASE WHEN i.outcome = 'pending' THEN 'pending'
                    WHEN i.outcome IN $forward THEN 'forward' ELSE 'stopped' END AS result,
               count(*)
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE r.overall_rating IS NOT NULL AND {HELD}
        GROUP BY ALL ORDER BY ALL
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "forward": list(FORWARD_OUTCOMES)},
    ).fetchall()
    return [CalibrationCell(*row) for row in rows]


# --- 2. Where I am weak -----------------------------------------------------------


@dataclass(frozen=True)
class SignalCell:
    dimension: str
    dimension_label: str
    signal: str  # a key of SIGNAL_LABELS
    asks: int

    @property
    def signal_label(self) -> str:
        return SIGNAL_LABELS[self.signal]


_ASKS_FROM = """
    FROM asks a
    JOIN interviews i ON i.id = a.interview_id
    JOIN companies c ON c.id = i.company_id
    JOIN questions q ON q.id = a.question_id
    LEFT JOIN dimensions d ON d.key = q.dimension
"""


def signal_cells(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[SignalCell]:
    """Asks counted by (dimension, signal), in the dimensions' order."""
    rows = cur.execute(
        f"""
        SELECT q.dimension, coalesce(any_value(d.label), q.dimension),
               coalesce(a.signal, '{NO_SIGNAL}') AS sig, count(*)
        {_ASKS_FROM}
        WHERE {HELD}
        GROUP BY q.dimension, sig
        ORDER BY coalesce(any_value(d.position), 1000), q.dimension,
                 array_position($signals, sig)
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "signals": list(SIGNAL_LABELS)},
    ).fetchall()
    return [SignalCell(*row) for row in rows]


@dataclass(frozen=True)
class DimensionWeakness:
    dimension: str
    label: str
    asks: int
    weak: int  # asks weak by the review method's rule (self score, signal or cause)
    avg_self_score: float | None

    @property
    def weak_share(self) -> float:
        return self.weak / self.asks if self.asks else 0.0


MIN_ASKS_TO_RANK = 2


def dimension_weakness(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[DimensionWeakness]:
    """Dimensions, weakest first: by share of weak asks, then by number of weak asks.

    Dimensions with fewer than MIN_ASKS_TO_RANK asks come last: one answer says too
    little to rank on.
    """
    rows = cur.execute(
        f"""
        SELECT q.dimension, coalesce(any_value(d.label), q.dimension), count(*) AS asks,
               count(*) FILTER (WHERE {WEAK_ASK_SQL}) AS weak, avg(a.self_score)
        {_ASKS_FROM}
        WHERE {HELD}
        GROUP BY q.dimension
        ORDER BY (asks < {MIN_ASKS_TO_RANK}), weak / asks DESC, weak DESC,
                 coalesce(any_value(d.position), 1000), q.dimension
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [DimensionWeakness(*row) for row in rows]


@dataclass(frozen=True)
class AskListing:
    ask_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    question: str
    self_score: int | None
    signal: str | None
    cause: str | None
    answer_notes: str
    what_went_wrong: str
    best_answer: str | None  # the latest saved answer to the question, if any


def asks_in_cell(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    dimension: str,
    signal: str,
    *,
    limit: int = LISTING_LIMIT,
) -> list[AskListing]:
    """The asks of one heatmap cell, latest first, with what was said and the best answer."""
    rows = cur.execute(
        f"""
        SELECT a.id, i.scheduled_at, c.name, q.text, a.self_score, a.signal, a.cause,
               a.answer_notes, a.what_went_wrong,
               (SELECT arg_max(w.text, w.created_at) FROM answers w
                WHERE w.question_id = a.question_id)
        {_ASKS_FROM}
        WHERE {HELD} AND q.dimension = $dimension
          AND coalesce(a.signal, '{NO_SIGNAL}') = $signal
        ORDER BY i.scheduled_at DESC, a.position
        LIMIT $limit
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "dimension": dimension, "signal": signal, "limit": limit},
    ).fetchall()
    return [AskListing(r[0], _local(r[1], now), *r[2:]) for r in rows]


# --- 3. Are the fixes working -----------------------------------------------------


@dataclass(frozen=True)
class SignalShares:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    asks: int
    interrupted: int
    confused: int
    probed: int

    def share(self, signal: str) -> float:
        return getattr(self, signal) / self.asks


def signal_shares(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    latest: int | None = None,
) -> list[SignalShares]:
    """Per held interview with recorded asks, oldest first: asks and weak-signal counts.

    With `latest`, only the latest that many interviews (for a chart; the takeaways
    use `signal_halves`, over all of them)."""
    limit = "" if latest is None else f"LIMIT {int(latest)}"
    rows = cur.execute(
        f"""
        SELECT * FROM (
            SELECT i.id, any_value(i.scheduled_at) AS held_at, any_value(c.name),
                   any_value(c.kind), count(*),
                   count(*) FILTER (WHERE a.signal = 'interrupted'),
                   count(*) FILTER (WHERE a.signal = 'confused'),
                   count(*) FILTER (WHERE a.signal = 'probed')
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
            GROUP BY i.id
            ORDER BY held_at DESC, i.id DESC
            {limit}
        )
        ORDER BY held_at, id
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [SignalShares(r[0], _local(r[1], now), *r[2:]) for r in rows]


@dataclass(frozen=True)
class SignalHalves:
    """Held interviews with recorded asks, split into an earlier and a later half (the
    later one starts at interview n // 2, oldest first): their asks and weak signals."""

    interviews: int
    since: datetime | None  # the first later interview, in the candidate's zone
    before: dict[str, int]  # "asks" and each weak signal -> count, earlier half
    after: dict[str, int]  # the same, later half


def signal_halves(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> SignalHalves:
    """What `signal_shares` gives the takeaways, summed in SQL: a few numbers, however
    many interviews the journal holds."""
    counts = ", ".join(
        f"sum({column}) FILTER (WHERE NOT later), sum({column}) FILTER (WHERE later)"
        for column in ("asks", *WEAK_SIGNALS)
    )
    row = cur.execute(
        f"""
        WITH per AS (
            SELECT i.id, any_value(i.scheduled_at) AS held_at, count(*) AS asks,
                   count(*) FILTER (WHERE a.signal = 'interrupted') AS interrupted,
                   count(*) FILTER (WHERE a.signal = 'confused') AS confused,
                   count(*) FILTER (WHERE a.signal = 'probed') AS probed
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
            GROUP BY i.id
        ),
        numbered AS (
            SELECT *, row_number() OVER (ORDER BY held_at, id) - 1
                      >= count(*) OVER () // 2 AS later
            FROM per
        )
        SELECT count(*), min(held_at) FILTER (WHERE later), {counts}
        FROM numbered
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchone()
    names = ("asks", *WEAK_SIGNALS)
    values = [v or 0 for v in row[2:]]
    return SignalHalves(
        interviews=row[0],
        since=None if row[1] is None else _local(row[1], now),
        before={name: values[2 * k] for k, name in enumerate(names)},
        after={name: values[2 * k + 1] for k, name in enumerate(names)},
    )


# --- 4. Relationship --------------------------------------------------------------


@dataclass(frozen=True)
class RelationshipPoint:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    kind: str
    harmony: int | None  # 1-5
    pace: str | None  # a key of vocabulary.PACES


def relationship_points(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    latest_with_harmony: int | None = None,
) -> list[RelationshipPoint]:
    """Held interviews whose review recorded harmony or pace, oldest first; with
    `latest_with_harmony`, only the latest that many with a harmony (for a chart; the
    takeaway uses `relationship_summary`)."""
    where = (
        "r.harmony IS NOT NULL"
        if latest_with_harmony is not None
        else ("(r.harmony IS NOT NULL OR r.pace IS NOT NULL)")
    )
    rows = cur.execute(
        f"""
        SELECT * FROM (
            SELECT i.id, i.scheduled_at, c.name, c.kind, r.harmony, r.pace
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE {where} AND {HELD}
            ORDER BY i.scheduled_at DESC, i.id DESC
            {_limit(latest_with_harmony)}
        )
        ORDER BY scheduled_at, id
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [RelationshipPoint(r[0], _local(r[1], now), *r[2:]) for r in rows]


@dataclass(frozen=True)
class RelationshipSummary:
    """What `relationship_points` gives the takeaway, summed in SQL."""

    harmony: MeanHalves  # over the interviews with a harmony
    paced: int  # interviews with a pace recorded
    too_fast: int
    too_slow: int


def relationship_summary(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> RelationshipSummary:
    params = filters.params(now)
    harmony = _mean_halves(cur, "r.harmony", "r.harmony IS NOT NULL", params, now)
    paced, fast, slow = cur.execute(
        f"""
        SELECT count(*), count(*) FILTER (WHERE r.pace = 'too_fast'),
               count(*) FILTER (WHERE r.pace = 'too_slow')
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE r.pace IS NOT NULL AND {HELD}
        """,  # noqa: S608 - fixed fragments only
        params,
    ).fetchone()
    return RelationshipSummary(harmony, paced, fast, slow)


def advice_received(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    limit: int = LISTING_LIMIT,
) -> list[Advice]:
    """Advice interviewers gave, latest first."""
    rows = cur.execute(
        f"""
        SELECT i.id, i.scheduled_at, c.name, i.round, i.interviewer, r.advice
        FROM interviews i
        JOIN companies c ON c.id = i.company_id
        JOIN reviews r ON r.interview_id = i.id
        WHERE trim(r.advice) <> '' AND {HELD}
        ORDER BY i.scheduled_at DESC, i.id DESC
        LIMIT $limit
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "limit": limit},
    ).fetchall()
    return [Advice(r[0], _local(r[1], now), *r[2:]) for r in rows]


@dataclass(frozen=True)
class FollowUp:
    text: str
    done: bool


@dataclass(frozen=True)
class LaterInterview:
    scheduled_at: datetime  # in the candidate's zone
    role: str
    round: str
    outcome: str
    upcoming: bool


@dataclass(frozen=True)
class Referral:
    interview_id: int
    scheduled_at: datetime  # in the candidate's zone
    company: str
    interviewer: str
    referral: str
    outcome: str  # of the interview where the referral was made
    follow_ups: list[FollowUp]  # actions from the referral, oldest first
    later: list[LaterInterview]  # later interviews at the same company, oldest first


def referrals(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    limit: int = LISTING_LIMIT,
) -> list[Referral]:
    """Referrals received, latest first, with what came of them."""
    # The lists are gathered for the shown referrals only: as correlated subqueries
    # over every referral they cost 8 ms on a heavy journal, for six rows.
    rows = cur.execute(
        f"""
        WITH shown AS (
            SELECT i.id, i.scheduled_at, i.company_id, c.name, i.interviewer, r.referral,
                   i.outcome
            FROM interviews i
            JOIN companies c ON c.id = i.company_id
            JOIN reviews r ON r.interview_id = i.id
            WHERE trim(r.referral) <> '' AND {HELD}
            ORDER BY i.scheduled_at DESC, i.id DESC
            LIMIT $limit
        ),
        follow_ups AS (
            SELECT s.id, list({{'text': x.text, 'done': x.status = 'done'}}
                              ORDER BY x.created_at, x.id) AS items
            FROM shown s JOIN actions x ON x.interview_id = s.id AND x.source = 'referral'
            GROUP BY s.id
        ),
        later AS (
            SELECT s.id, list({{'at': j.scheduled_at, 'role': j.role, 'round': j.round,
                                'outcome': j.outcome}} ORDER BY j.scheduled_at, j.id) AS items
            FROM shown s
            JOIN interviews j ON j.company_id = s.company_id AND j.scheduled_at > s.scheduled_at
            GROUP BY s.id
        )
        SELECT s.id, s.scheduled_at, s.name, s.interviewer, s.referral, s.outcome,
               f.items, l.items
        FROM shown s
        LEFT JOIN follow_ups f ON f.id = s.id
        LEFT JOIN later l ON l.id = s.id
        ORDER BY s.scheduled_at DESC, s.id DESC
        """,  # noqa: S608 - fixed fragments only
        {**filters.params(now), "limit": limit},
    ).fetchall()
    return [
        Referral(
            interview_id=r[0],
            scheduled_at=_local(r[1], now),
            company=r[2],
            interviewer=r[3],
            referral=r[4],
            outcome=r[5],
            follow_ups=[FollowUp(x["text"], x["done"]) for x in r[6] or []],
            later=[
                LaterInterview(
                    _local(x["at"], now), x["role"], x["round"], x["outcome"], x["at"] > now
                )
                for x in r[7] or []
            ],
        )
        for r in rows
    ]


# --- 5. Stories -------------------------------------------------------------------


@dataclass(frozen=True)
class StoryTally:
    story_id: int
    title: str
    told: int  # interviews where it was told fully
    partly: int
    missed: int
    skills: tuple[str, ...]

    @property
    def used(self) -> int:
        return self.told + self.partly + self.missed


def story_tallies(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[StoryTally]:
    """Every story with its uses in the filtered interviews; most told first."""
    rows = cur.execute(
        f"""
        WITH uses AS (
            SELECT su.story_id, su.use
            FROM story_uses su
            JOIN interviews i ON i.id = su.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
        )
        SELECT s.id, s.title,
               count(u.use) FILTER (WHERE u.use = 'told') AS told,
               count(u.use) FILTER (WHERE u.use = 'partly') AS partly,
               count(u.use) FILTER (WHERE u.use = 'missed') AS missed,
               any_value(s.skills)  -- a JSON array of texts
        FROM stories s LEFT JOIN uses u ON u.story_id = s.id
        GROUP BY s.id, s.title
        ORDER BY told DESC, partly DESC, missed, s.title, s.id
        LIMIT 200
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [StoryTally(*row[:5], tuple(json.loads(row[5]))) for row in rows]


def uncovered_skills(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> list[str]:
    """Skills that no story told in full (in the filtered interviews) demonstrates.

    The skills come from the stories themselves (the journal keeps no separate list of
    skills a role needs): these are the strengths the candidate prepared but has not yet
    shown an interviewer. Compared case-insensitively; sorted.
    """
    rows = cur.execute(
        f"""
        WITH told AS (
            SELECT DISTINCT su.story_id
            FROM story_uses su
            JOIN interviews i ON i.id = su.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE su.use = 'told' AND {HELD}
        ),
        skills AS (
            SELECT s.id, unnest(from_json(s.skills, '["VARCHAR"]')) AS skill FROM stories s
        )
        SELECT min(skill)
        FROM skills
        WHERE trim(skill) <> ''
        GROUP BY lower(skill)
        HAVING NOT bool_or(id IN (SELECT story_id FROM told))
        ORDER BY lower(min(skill))
        LIMIT 200
        """,  # noqa: S608 - fixed fragments only
        filters.params(now),
    ).fetchall()
    return [row[0] for row in rows]


# --- 6. Recurring questions -------------------------------------------------------


@dataclass(frozen=True)
class RecurringQuestion:
    question_id: int
    text: str
    dimension_label: str
    companies: int  # distinct companies that asked it
    asks: int
    weak_asks: int
    card_status: str | None  # None: no card
    recall_today: float | None  # predicted recall now; None without a rehearsed card


def recurring_questions(
    cur: duckdb.DuckDBPyConnection,
    filters: Filters,
    now: datetime,
    *,
    min_companies: int = 2,
    limit: int = RECURRING_LIMIT,
) -> list[RecurringQuestion]:
    """Bank questions asked at `min_companies` or more companies, most widely asked first."""
    recall = recall_sql("k")
    rows = cur.execute(
        f"""
        WITH asked AS (
            SELECT a.question_id, count(DISTINCT i.company_id) AS companies, count(*) AS asks,
                   count(*) FILTER (WHERE {WEAK_ASK_SQL}) AS weak
            FROM asks a
            JOIN interviews i ON i.id = a.interview_id
            JOIN companies c ON c.id = i.company_id
            WHERE {HELD}
            GROUP BY a.question_id
            HAVING count(DISTINCT i.company_id) >= $min_companies
        )
        SELECT q.id, q.text, coalesce(d.label, q.dimension), s.companies, s.asks, s.weak,
               k.status, CASE WHEN k.last_review IS NULL THEN NULL ELSE {recall} END AS recall
        FROM asked s
        JOIN questions q ON q.id = s.question_id
        LEFT JOIN dimensions d ON d.key = q.dimension
        LEFT JOIN cards k ON k.question_id = q.id
        ORDER BY s.companies DESC, s.asks DESC, recall NULLS FIRST, q.id
        LIMIT $limit
        """,  # noqa: S608 - fixed fragments only
        {
            **filters.params(now),
            **recall_params(_scheduler(cur), now),
            "min_companies": min_companies,
            "limit": limit,
        },
    ).fetchall()
    return [RecurringQuestion(*row) for row in rows]


# --- 7. Rehearsal -----------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


REHEARSAL_DAYS_LIMIT = 400


def rehearsals_per_day(
    cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime
) -> list[DayCount]:
    """Rehearsals per calendar day in the candidate's zone, for days with any; oldest first.

    Without a start date, the last REHEARSAL_DAYS_LIMIT days with rehearsals.
    """
    params = {**filters.rehearsal_params(), "now": utc(now)}
    today = now.date()

    def per_day(first: date, floor: datetime | None) -> list[tuple]:
        day, zone_params = local_day_sql("r.rated_at", now.tzinfo, first, today)
        return cur.execute(
            f"""
            SELECT day, n FROM (
                SELECT {day} AS day, count(*) AS n
                FROM rehearsals r
                WHERE r.rated_at <= $now
                  AND ($since::TIMESTAMPTZ IS NULL OR r.rated_at >= $since)
                  AND ($until::TIMESTAMPTZ IS NULL OR r.rated_at < $until)
                  AND ($floor::TIMESTAMPTZ IS NULL OR r.rated_at >= $floor)
                GROUP BY day
                ORDER BY day DESC
                LIMIT {REHEARSAL_DAYS_LIMIT}
            ) ORDER BY day
            """,  # noqa: S608 - fixed fragments only
            {**params, **zone_params, "floor": None if floor is None else utc(floor)},
        ).fetchall()

    # First only the last REHEARSAL_DAYS_LIMIT calendar days: when each had a rehearsal
    # they are the answer, and older rehearsals are never read. Otherwise look further.
    first_day = today - timedelta(days=REHEARSAL_DAYS_LIMIT - 1)
    rows = per_day(first_day, day_start(first_day, now.tzinfo))
    if len(rows) < REHEARSAL_DAYS_LIMIT:
        earliest = _earliest_rehearsal(cur, params)
        if earliest is not None and earliest.astimezone(now.tzinfo).date() < first_day:
            rows = per_day(earliest.astimezone(now.tzinfo).date(), None)
    return [DayCount(from_day_number(day), n) for day, n in rows]


def _earliest_rehearsal(cur: duckdb.DuckDBPyConnection, params: dict) -> datetime | None:
    """The first rehearsal the filters let through: where the days to count begin."""
    return cur.execute(
        """
        SELECT min(r.rated_at) FROM rehearsals r
        WHERE r.rated_at <= $now
          AND ($since::TIMESTAMPTZ IS NULL OR r.rated_at >= $since)
          AND ($until::TIMESTAMPTZ IS NULL OR r.rated_at < $until)
        """,
        params,
    ).fetchone()[0]


FORECAST_DAYS = 14


def due_forecast(
    cur: duckdb.DuckDBPyConnection, now: datetime, *, days: int = FORECAST_DAYS
) -> list[DayCount]:
    """Active cards coming due on each of the next `days` days, today first.

    Today's count includes every card already overdue. Every day is listed, zeros too.
    """
    today = now.date()
    day, zone_params = local_day_sql("k.due", now.tzinfo, today, today + timedelta(days=days))
    rows = dict(
        cur.execute(
            f"""
            SELECT greatest({day}, $today) AS day, count(*)
            FROM cards k
            WHERE k.status = 'active' AND {day} < $today + $days
            GROUP BY ALL
            """,  # noqa: S608 - fixed fragments only
            {**zone_params, "today": day_number(today), "days": days},
        ).fetchall()
    )
    return [
        DayCount(today + timedelta(days=n), rows.get(day_number(today) + n, 0)) for n in range(days)
    ]


@dataclass(frozen=True)
class RecallBin:
    low: float  # the bin is [low, low + RECALL_BIN); the last bin includes 1.0
    cards: int


RECALL_BINS = 20
RECALL_BIN = 1 / RECALL_BINS


def recall_distribution(cur: duckdb.DuckDBPyConnection, now: datetime) -> list[RecallBin]:
    """Active, rehearsed cards by predicted recall now, in RECALL_BINS bins of 5 points."""
    recall = recall_sql("k")
    rows = dict(
        cur.execute(
            f"""
            SELECT least({RECALL_BINS - 1}, floor({recall} * {RECALL_BINS}))::INTEGER AS bin,
                   count(*)
            FROM cards k
            WHERE k.status = 'active' AND k.last_review IS NOT NULL
            GROUP BY bin
            """,  # noqa: S608 - fixed fragments only
            recall_params(_scheduler(cur), now),
        ).fetchall()
    )
    return [RecallBin(round(n / RECALL_BINS, 2), rows.get(n, 0)) for n in range(RECALL_BINS)]


@dataclass(frozen=True)
class Retention:
    passed: int  # rehearsals graded Hard, Good or Easy
    total: int  # rehearsals of cards that had been rehearsed before
    desired: float  # the scheduler's target

    @property
    def share(self) -> float | None:
        return self.passed / self.total if self.total else None


def true_retention(cur: duckdb.DuckDBPyConnection, filters: Filters, now: datetime) -> Retention:
    """The share of passing grades among rehearsals of cards already in review.

    With day-level scheduling (no learning steps) a card is in review from its first
    rehearsal on, so every rehearsal after a card's first one counts. (A card reset
    after a rewrite is counted as continuing; the journal keeps no reset marker.)
    """
    # Every rehearsal in range, less each card's first one: two aggregates, far cheaper
    # than numbering all of a card's rehearsals with a window.
    passed, total = cur.execute(
        """
        WITH scoped AS (
            SELECT r.card_id, r.grade, r.rated_at, r.id
            FROM rehearsals r
            WHERE r.rated_at <= $now AND ($until::TIMESTAMPTZ IS NULL OR r.rated_at < $until)
        ),
        firsts AS (
            SELECT arg_min(grade, (rated_at, id)) AS grade, min(rated_at) AS rated_at
            FROM scoped
            GROUP BY card_id
        ),
        every AS (
            SELECT count(*) FILTER (WHERE grade > 1) AS passed, count(*) AS total
            FROM scoped
            WHERE $since::TIMESTAMPTZ IS NULL OR rated_at >= $since
        ),
        first AS (
            SELECT count(*) FILTER (WHERE grade > 1) AS passed, count(*) AS total
            FROM firsts
            WHERE $since::TIMESTAMPTZ IS NULL OR rated_at >= $since
        )
        SELECT every.passed - first.passed, every.total - first.total FROM every, first
        """,
        {**filters.rehearsal_params(), "now": utc(now)},
    ).fetchone()
    return Retention(passed, total, _scheduler(cur).desired_retention)


# --- At a glance ------------------------------------------------------------------


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
