"""Home's "Coming up" card: one upcoming interview, what to rehearse for it, and the way
to its brief and its cram view."""

from __future__ import annotations

import streamlit as st

from coach import likely, predictions, readiness
from coach.i18n import _
from coach.interviews import Interview
from coach.text import md
from coach_ui import links
from coach_ui.formatting import kind_badge, relative_day, when
from coach_ui.frame import PageContext


def coming_up(ctx: PageContext, interview: Interview) -> None:
    with st.container(border=True):
        kind = _("Target company") if interview.company_kind == "target" else _("Next interview")
        st.markdown(f"{kind_badge(interview.company_kind, kind)} **{md(interview.title)}**")
        st.caption(
            _("{moment} · {day}").format(
                moment=when(interview.scheduled_at, ctx.now),
                day=relative_day(interview.scheduled_at, ctx.now),
            )
        )
        # The same likely questions as the brief and the cram view (coach.likely).
        found = ctx.remember(likely.likely_questions, interview.id, ctx.minute)
        predictions.keep_due(ctx.journal, found, ctx.now, shown=False)  # on the day itself
        st.markdown(md(readiness.rehearse_first(found)))
        with st.container(horizontal=True):
            links.prepare(interview.id)
            links.cram(interview.id)
