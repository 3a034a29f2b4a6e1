"""Insights, which interviews count, and what the filters offer."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from coach.insights import overall
from coach.insights.filters import Filters, filter_choices
from tests.insights.journal import ALL, NOW


def test_filters_for_days_cover_whole_days_in_the_candidates_zone():
    tokyo = timezone(timedelta(hours=9))
    chosen = Filters.for_days(date(2026, 3, 1), date(2026, 3, 9), NOW.astimezone(tokyo))
    assert chosen.since == datetime(2026, 3, 1, tzinfo=tokyo)
    assert chosen.until == datetime(2026, 3, 10, tzinfo=tokyo)


def test_filters_narrow_by_date_kind_and_company(small):
    def ids(chosen):
        return [r.interview_id for r in overall.rated_interviews(small, chosen, NOW)]

    assert ids(ALL) == [1, 2, 3, 4]
    assert ids(Filters(kind="target")) == [2, 4]
    assert ids(Filters(company_id=2)) == [1, 3]
    assert ids(Filters.for_days(date(2026, 3, 5), date(2026, 3, 9), NOW)) == [2, 3]
    assert ids(Filters(kind="undecided")) == []


def test_filter_choices_list_companies_and_the_first_day(small):
    choices = filter_choices(small, NOW)
    assert choices.companies == {1: "Acme", 2: "Beta"}
    assert choices.first_day == date(2026, 3, 1)
    assert choices.last_day == date(2026, 3, 16)
