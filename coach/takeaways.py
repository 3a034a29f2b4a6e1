"""One-line takeaways: pure functions from the insights' query results to one sentence.

Each returns a `Takeaway`: the sentence, and whether the data were enough to draw the
chart at all. When they are not, the sentence is the honest empty state, saying what
is missing ("Rate at least 3 interviews to see a trend; you have rated 1.").

"Earlier" and "later" always split the interviews in two halves by date (the later
half gets the odd one out); "since <day>" names the day of the first later interview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from coach.insights import (
    WEAK_SIGNALS,
    CalibrationCell,
    DayCount,
    DimensionWeakness,
    MeanHalves,
    RatedInterview,
    RecallBin,
    RecurringQuestion,
    RelationshipPoint,
    RelationshipSummary,
    Retention,
    SignalHalves,
    SignalShares,
    StoryTally,
)
from coach.wording import day_text, plural, quote

MIN_RATED = 3
MIN_DECIDED = 3
MIN_ASKS = 5
MIN_SIGNAL_INTERVIEWS = 4
MIN_HARMONY = 3
MIN_RETENTION_REHEARSALS = 5

SIGNAL_NOUNS = {
    "interrupted": "interruptions",
    "confused": "confused looks",
    "probed": "probing for details",
}


@dataclass(frozen=True)
class Takeaway:
    text: str
    enough: bool = True  # False: too few data to draw the chart; `text` says why


def _change(before: float, after: float, fmt: str) -> str:
    """'rose from 2.3 to 2.8' / 'fell from …' / 'held at …', judged on the shown values."""
    a, b = format(before, fmt), format(after, fmt)
    if a == b:
        return f"held at {a}"
    return f"{'rose' if after > before else 'fell'} from {a} to {b}"


def _halves(n: int) -> int:
    """Index of the first 'later' item."""
    return n // 2


# --- 1. Overall trend -------------------------------------------------------------


def rating_takeaway(rated: Sequence[RatedInterview] | MeanHalves) -> Takeaway:
    """From the rated interviews, or from `insights.rating_halves` (summed in SQL)."""
    halves = (
        rated
        if isinstance(rated, MeanHalves)
        else _mean_halves_of([r.rating for r in rated], [r.scheduled_at for r in rated])
    )
    if halves.count < MIN_RATED:
        return Takeaway(
            f"Rate at least {MIN_RATED} interviews to see a trend; you have rated {halves.count}.",
            enough=False,
        )
    since = day_text(halves.since)
    return Takeaway(
        f"Your average rating {_change(halves.before, halves.after, '.1f')} (of 4) since {since}."
    )


def _mean_halves_of(values: list[float], moments: list[datetime]) -> MeanHalves:
    """`insights.MeanHalves` of per-interview values already loaded, oldest first."""
    if not values:
        return MeanHalves(0, None, None, None)
    split = _halves(len(values))
    before = values[:split]
    return MeanHalves(
        len(values),
        moments[split],
        sum(before) / len(before) if before else None,
        sum(values[split:]) / (len(values) - split),
    )


def calibration_takeaway(cells: Sequence[CalibrationCell]) -> Takeaway:
    """Over- or under-confident: do the interviews rated well go forward, the others not?"""
    decided = sum(c.interviews for c in cells if c.result != "pending")
    if decided < MIN_DECIDED:
        return Takeaway(
            f"Compare your ratings with outcomes once {MIN_DECIDED} rated interviews have an "
            f"outcome; {decided} {'has' if decided == 1 else 'have'} one so far.",
            enough=False,
        )

    def count(high: bool, result: str | None = None) -> int:
        return sum(
            c.interviews
            for c in cells
            if (c.rating >= 3) == high and c.result != "pending" and result in (None, c.result)
        )

    high, high_forward = count(True), count(True, "forward")
    low, low_forward = count(False), count(False, "forward")
    if low and low_forward * 2 >= low:
        return Takeaway(
            f"You may be under-confident: {low_forward} of {low} interviews you rated "
            "below satisfied still went forward."
        )
    if high and high_forward * 2 < high:
        return Takeaway(
            f"You may be over-confident: only {high_forward} of {high} interviews you "
            "rated satisfied or better went forward."
        )
    parts = []
    if high:
        parts.append(
            f"{high_forward} of {high} interviews you rated satisfied or better went forward"
        )
    if low:
        parts.append(f"{low_forward} of {low} you rated lower")
    return Takeaway("Your ratings match the outcomes: " + ", against ".join(parts) + ".")


# --- 2. Where I am weak -----------------------------------------------------------


def weakness_takeaway(dimensions: Sequence[DimensionWeakness], top: int = 3) -> Takeaway:
    asks = sum(d.asks for d in dimensions)
    if asks < MIN_ASKS:
        return Takeaway(
            f"Record at least {MIN_ASKS} questions in your reviews to see where you are weak; "
            f"you have {asks}.",
            enough=False,
        )
    weakest = [d for d in dimensions if d.weak and d.asks >= 2][:top]
    if not weakest:
        return Takeaway(f"None of your {asks} recorded answers was weak. Keep it up.")
    listed = [f"{weakest[0].label} ({weakest[0].weak} of {weakest[0].asks} answers weak)"]
    listed += [f"{d.label} ({d.weak} of {d.asks})" for d in weakest[1:]]
    return Takeaway(f"Weakest: {', '.join(listed)}.")


# --- 3. Are the fixes working -----------------------------------------------------


def halves_of(shares: Sequence[SignalShares]) -> SignalHalves:
    """`insights.signal_halves` from per-interview shares already loaded."""
    split = _halves(len(shares))
    names = ("asks", *WEAK_SIGNALS)

    def total(part: Sequence[SignalShares]) -> dict[str, int]:
        return {name: sum(getattr(s, name) for s in part) for name in names}

    return SignalHalves(
        interviews=len(shares),
        since=shares[split].scheduled_at if shares else None,
        before=total(shares[:split]),
        after=total(shares[split:]),
    )


def _signal_split(halves: SignalHalves, signal: str) -> tuple[int, int, int, int]:
    before, after = halves.before, halves.after
    return before[signal], before["asks"], after[signal], after["asks"]


def fixes_enough(shares: Sequence[SignalShares] | SignalHalves) -> Takeaway | None:
    count = shares.interviews if isinstance(shares, SignalHalves) else len(shares)
    if count < MIN_SIGNAL_INTERVIEWS:
        return Takeaway(
            f"Review at least {MIN_SIGNAL_INTERVIEWS} interviews with their questions to see "
            f"whether the fixes work; you have {count}.",
            enough=False,
        )
    return None


def _halves_from(shares: Sequence[SignalShares] | SignalHalves) -> SignalHalves:
    return shares if isinstance(shares, SignalHalves) else halves_of(shares)


def signal_takeaway(
    shares: Sequence[SignalShares] | SignalHalves, signal: str = "interrupted"
) -> Takeaway:
    """'Interruptions fell from 12% of answers to 6% since 4 February (4 of 34, then 2 of 33).'

    From per-interview shares, or from `insights.signal_halves` (cheaper: summed in SQL)."""
    short = fixes_enough(shares)
    if short:
        return short
    halves = _halves_from(shares)
    x, n, y, m = _signal_split(halves, signal)
    since = day_text(halves.since)
    a, b = f"{x / n:.0%}", f"{y / m:.0%}"
    noun = SIGNAL_NOUNS[signal].capitalize()
    verb = "held at" if a == b else ("rose from" if y / m > x / n else "fell from")
    span = f"{a} of answers" if a == b else f"{a} of answers to {b}"
    return Takeaway(f"{noun} {verb} {span} since {since} ({x} of {n}, then {y} of {m}).")


def fixes_takeaway(shares: Sequence[SignalShares] | SignalHalves) -> Takeaway:
    """All three weak signals in one line, earlier half against later half."""
    short = fixes_enough(shares)
    if short:
        return short
    halves = _halves_from(shares)
    since = day_text(halves.since)
    parts = []
    for signal, noun in SIGNAL_NOUNS.items():
        x, n, y, m = _signal_split(halves, signal)
        parts.append(f"{noun} {_change(x / n, y / m, '.0%')}")
    return Takeaway(f"Share of answers since {since}: " + "; ".join(parts) + ".")


# --- 4. Relationship --------------------------------------------------------------


def relationship_takeaway(
    points: Sequence[RelationshipPoint] | RelationshipSummary,
) -> Takeaway:
    """From the relationship points, or from `insights.relationship_summary`."""
    if isinstance(points, RelationshipSummary):
        summary = points
    else:
        rated = [p for p in points if p.harmony is not None]
        paced = [p for p in points if p.pace is not None]
        summary = RelationshipSummary(
            _mean_halves_of([p.harmony for p in rated], [p.scheduled_at for p in rated]),
            len(paced),
            sum(p.pace == "too_fast" for p in paced),
            sum(p.pace == "too_slow" for p in paced),
        )
    harmony = summary.harmony
    if harmony.count < MIN_HARMONY:
        return Takeaway(
            f"Record the harmony of at least {MIN_HARMONY} interviews to see a trend; "
            f"you have {harmony.count}.",
            enough=False,
        )
    since = day_text(harmony.since)
    text = f"Harmony {_change(harmony.before, harmony.after, '.1f')} (of 5) since {since}"
    if summary.paced:
        text += f"; the pace felt too fast in {summary.too_fast} of {summary.paced} interviews"
        if summary.too_slow:
            text += f" and too slow in {summary.too_slow}"
    return Takeaway(text + ".")


# --- 5. Stories -------------------------------------------------------------------


def story_takeaway(tallies: Sequence[StoryTally], uncovered: Sequence[str]) -> Takeaway:
    if not tallies:
        return Takeaway(
            "Your story bank is empty: add the success stories you want to tell, then "
            "record in each review which ones you told.",
            enough=False,
        )
    if not any(t.used for t in tallies):
        return Takeaway(
            f"None of your {plural(len(tallies), 'story', 'stories')} has been recorded as "
            "told, partly told or missed in these interviews yet.",
            enough=False,
        )
    parts = []
    missed = max(tallies, key=lambda t: (t.missed, -t.story_id))
    if missed.missed:
        parts.append(
            f"{quote(missed.title)} was missed {plural(missed.missed, 'time')} when it was relevant"
        )
    untold = [t for t in tallies if not t.told]
    if untold:
        parts.append(f"{len(untold)} of {len(tallies)} not yet told in full")
    if uncovered:
        parts.append(f"skills not yet shown: {', '.join(uncovered[:5])}")
    if not parts:
        return Takeaway(
            f"All {len(tallies)} stories have been told in full at least once, and none was missed."
        )
    text = "; ".join(parts)
    return Takeaway(text[0].upper() + text[1:] + ".")


# --- 6. Recurring questions -------------------------------------------------------


def recurring_takeaway(rows: Sequence[RecurringQuestion], desired: float) -> Takeaway:
    if not rows:
        return Takeaway(
            "No question has come up at two or more companies yet.",
            enough=False,
        )
    top = rows[0]
    weak = [r for r in rows if r.recall_today is not None and r.recall_today < desired]
    unrehearsed = [r for r in rows if r.recall_today is None and r.weak_asks]
    text = (
        f"{plural(len(rows), 'question')} came up at two or more companies, led by "
        f"{quote(top.text, 45)} ({top.companies} companies)"
    )
    if weak:
        text += f"; {len(weak)} below {desired:.0%} predicted recall today"
    if unrehearsed:
        text += f"; {len(unrehearsed)} answered weakly and never rehearsed"
    return Takeaway(text + ".")


# --- 7. Rehearsal -----------------------------------------------------------------


def rehearsal_takeaway(days: Sequence[DayCount], today: date) -> Takeaway:
    if not days:
        return Takeaway("No rehearsals in this period yet.", enough=False)
    total = sum(d.count for d in days)
    week = sum(d.count for d in days if 0 <= (today - d.day).days < 7)
    return Takeaway(
        f"{plural(total, 'rehearsal')} on {plural(len(days), 'day')}; {week} in the last 7 days."
    )


def forecast_takeaway(days: Sequence[DayCount]) -> Takeaway:
    total = sum(d.count for d in days)
    if not total:
        return Takeaway(f"No cards come due in the next {len(days)} days.", enough=False)
    busiest = max(days, key=lambda d: (d.count, -d.day.toordinal()))
    return Takeaway(
        f"{plural(days[0].count, 'card')} due today (overdue included) and "
        f"{total - days[0].count} more over the next {len(days) - 1} days; the busiest day is "
        f"{busiest.day:%a} {day_text(busiest.day)} with {busiest.count}."
    )


def recall_takeaway(bins: Sequence[RecallBin], desired: float) -> Takeaway:
    total = sum(b.cards for b in bins)
    if not total:
        return Takeaway("No card has been rehearsed yet, so there is no recall to predict.", False)
    above = sum(b.cards for b in bins if b.low >= desired - 1e-9)
    return Takeaway(
        f"{above} of {plural(total, 'rehearsed card')} would be recalled with at least "
        f"{desired:.0%} probability today."
    )


def retention_takeaway(retention: Retention) -> Takeaway:
    if retention.total < MIN_RETENTION_REHEARSALS:
        return Takeaway(
            f"True retention needs at least {MIN_RETENTION_REHEARSALS} rehearsals of cards "
            f"already in review; there are {retention.total}.",
            enough=False,
        )
    share = retention.share or 0.0
    verdict = "on target" if share >= retention.desired - 0.02 else "below target"
    return Takeaway(
        f"You recalled {share:.0%} of answers on cards already in review "
        f"({retention.passed} of {retention.total}), {verdict} ({retention.desired:.0%})."
    )
