"""Insights on screen, weak spots: the signal heatmap (a click lists its asks) and
the dimensions ranked by weak answers.
"""

from __future__ import annotations

import streamlit as st

from coach import vocabulary
from coach.i18n import _
from coach.insights import weak_spots
from coach.insights.filters import Filters
from coach.text import md
from coach.wording import moment_text
from coach_ui.frame import PageContext
from coach_ui.insights.show import draw_chart, takeaway_or_empty

CELL = "insights_cell"  # the fallback selectbox of heatmap cells


CELL_SEEN = "insights_cell_seen"  # the chart selection last applied to it


def section(ctx: PageContext, chosen: Filters) -> None:
    dimensions = ctx.remember(weak_spots.dimension_weakness, chosen, ctx.minute)
    take = weak_spots.weakness_takeaway(dimensions)
    st.subheader(_("Where you are weak"))
    if not takeaway_or_empty(take):
        return
    cells = ctx.remember(weak_spots.signal_cells, chosen, ctx.minute)
    left, right = st.columns([3, 2])
    with left:
        st.caption(
            _("Answers by dimension and the interviewer's signal. Click a cell to list them.")
        )
        event = draw_chart(
            weak_spots.heatmap_chart, cells, on_select="rerun", key="insights_heatmap"
        )
    with right:
        st.caption(
            _(
                "Dimensions ranked by their share of weak answers. Doubted answers (good by "
                "your score, yet probed for details) are counted apart: see the tooltip."
            )
        )
        draw_chart(weak_spots.weakness_chart, dimensions)
    options = [(c.dimension, c.signal) for c in cells]
    labels = {
        (c.dimension, c.signal): _("{dimension} × {signal} ({n})").format(
            dimension=c.dimension_label, signal=c.signal_label, n=c.asks
        )
        for c in cells
    }
    clicked = _clicked_cell(event)
    if clicked != st.session_state.get(CELL_SEEN):
        st.session_state[CELL_SEEN] = clicked
        if clicked in labels:
            st.session_state[CELL] = clicked
    if st.session_state.get(CELL) not in labels:
        st.session_state.pop(CELL, None)
    cell = st.selectbox(
        _("Answers in one cell"),
        options,
        index=None,
        format_func=labels.get,
        placeholder=_("Click a cell above, or choose a dimension × signal here"),
        key=CELL,
    )
    if cell is not None:
        _ask_listing(ctx, chosen, *cell, labels[cell])


def _clicked_cell(event) -> tuple[str, str] | None:
    try:
        points = event["selection"][weak_spots.HEATMAP_SELECTION]
    except (KeyError, TypeError):
        return None
    if not points:
        return None
    point = points[0]
    if "dimension" in point and "signal" in point:
        return point["dimension"], point["signal"]
    return None


def _ask_listing(ctx: PageContext, chosen: Filters, dimension: str, signal: str, label: str):
    asks = weak_spots.asks_in_cell(ctx.cur, chosen, ctx.now, dimension, signal)
    st.markdown(_("**{cell}**: latest first").format(cell=md(label)))
    for ask in asks:
        with st.container(border=True):
            badges = []
            if ask.self_score is not None:
                score = _("Self score: {score}").format(
                    score=vocabulary.SELF_SCORES[ask.self_score]
                )
                badges.append(f":gray-badge[{score}]")
            if ask.cause:
                badges.append(f":orange-badge[{vocabulary.CAUSES[ask.cause]}]")
            st.markdown(f"**{md(ask.question)}** " + " ".join(badges))
            st.caption(f"{md(ask.company)} · {moment_text(ask.scheduled_at)}")
            if ask.answer_notes:
                st.markdown(_("*What I said:* {text}").format(text=md(ask.answer_notes)))
            if ask.what_went_wrong:
                st.markdown(_("*What went wrong:* {text}").format(text=md(ask.what_went_wrong)))
            if ask.best_answer:
                st.markdown(_("*Best answer so far:* {text}").format(text=md(ask.best_answer)))
