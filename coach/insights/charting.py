"""What every Insights chart builder shares: the spec cache, colours, times for Vega.

Builders reshape the (small) query results into rows of inline data and add encodings, tooltips
and colours (coach.palette); they aggregate nothing. Times are given to Vega as local
ISO strings without an offset, which the browser reads as its own local time (the app
runs on the candidate's computer), so a 10:00 interview shows at 10:00.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import ParamSpec, TypeVar

import altair as alt

from coach import i18n, palette
from coach.i18n import _

HEIGHT = 260


P = ParamSpec("P")


R = TypeVar("R")


def validated_once(builder: Callable[P, R]) -> Callable[P, R]:
    """Build without Altair's validation of every intermediate object (its "debug
    mode"): building the layered charts costs a fraction of the time. The tests
    validate every finished chart (tests/test_charts.py, tests/test_insights_page.py)."""

    @functools.wraps(builder)
    def build(*args: P.args, **kwargs: P.kwargs) -> R:
        with alt.utils.schemapi.debug_mode(False):
            return builder(*args, **kwargs)

    return build


def spec(builder: Callable[..., alt.TopLevelMixin], rows: Sequence, *extra) -> dict:
    """The Vega-Lite spec of `builder(rows, *extra)`, a fresh copy for the caller.

    Built once per distinct input (rows are frozen dataclasses, so they hash): a page
    draws the same rows again on every rerun until the journal changes. Not validated
    against the Vega-Lite schema here: that costs 5–15 ms a chart, the first run after
    every save, for charts whose shape is fixed by code the tests validate."""
    # The language is part of the input: a chart's titles and labels are said in it.
    return json.loads(_spec_text(i18n.current(), builder, tuple(rows), *extra))


def forget_specs() -> None:
    """Build every spec afresh (to time a page after a save)."""
    _spec_text.cache_clear()


@functools.lru_cache(maxsize=64)
def _spec_text(lang: str, builder: Callable[..., alt.TopLevelMixin], rows: tuple, *extra) -> str:
    with i18n.speaking(lang):
        made = builder(rows, *extra).to_dict(validate=False)
    # Altair's default theme sizes charts at 300 px; Streamlit sizes them itself.
    config = made.get("config", {})
    view = config.get("view", {})
    view.pop("continuousWidth", None)
    view.pop("continuousHeight", None)
    if not view:
        config.pop("view", None)
    if not config:
        made.pop("config", None)
    return json.dumps(made)


def frame(rows: list[dict]) -> dict:
    """The rows as Vega-Lite inline data, which Altair moves as they are into the spec's
    top-level `datasets`, as it does a DataFrame's rows. Not a DataFrame: pandas costs a
    first visit to the insights page about 0.5 s to import (more on a busy machine), and
    building a chart from it takes twice as long; not `alt.Data(values=…)`, which Altair
    walks value by value (five times as long).

    A layered chart takes its data once, on the layer (`alt.layer(a, b, data=…)`): given
    to each layer, Altair compares the copies by hashing their text renderings."""
    return {"values": rows}


def vega_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def vega_day(day: date) -> str:
    return day.strftime("%Y-%m-%dT00:00:00")


# Vega-Lite formats dates with d3's English month and day names only, and fetching its
# other locales would be a web request. English keeps its formats; Chinese dates are
# written in numbers and CJK characters d3 needs no locale for ("3月2日"), and the
# weekday is looked up by number in an expression.
_CHINESE_WEEKDAYS = "['周日', '周一', '周二', '周三', '周四', '周五', '周六']"


def day_axis() -> alt.Axis:
    """A time axis labelled by day: '02 Mar' / '3月2日'."""
    return alt.Axis(format="%-m月%-d日" if i18n.is_chinese() else "%d %b")


def weekday_axis() -> alt.Axis:
    """A time axis of the coming days: 'Mon 02' / '周一 2日'."""
    if i18n.is_chinese():
        return alt.Axis(
            labelExpr=f"{_CHINESE_WEEKDAYS}[day(datum.value)] + ' ' "
            "+ timeFormat(datum.value, '%-d日')"
        )
    return alt.Axis(format="%a %d")


def date_tooltip(field: str, title: str | None = None) -> alt.Tooltip:
    """A tooltip of a time field as a date: 'Mon 02 Mar 2026' / '2026年3月2日'.

    `field` is an encoding shorthand without its type ('when', 'yearmonthdate(day)')."""
    fmt = "%Y年%-m月%-d日" if i18n.is_chinese() else "%a %d %b %Y"
    return alt.Tooltip(f"{field}:T", title=title or _("Date"), format=fmt)


def colour_scale(colours: dict[str, str]) -> alt.Scale:
    """Labels shown -> colour names of coach.palette, as an Altair colour scale."""
    domain, hexes = palette.scale(colours)
    return alt.Scale(domain=domain, range=hexes)


def shorten(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
