"""Insights on screen, stories: told, partly told, missed; skills not yet shown."""

from __future__ import annotations

import streamlit as st

from coach.i18n import _
from coach.insights import stories
from coach.insights.filters import Filters
from coach.text import md
from coach_ui.frame import PageContext
from coach_ui.insights.show import bold, draw_chart, takeaway_or_empty


def section(ctx: PageContext, chosen: Filters) -> None:
    tallies = ctx.remember(stories.story_tallies, chosen, ctx.minute)
    uncovered = ctx.remember(stories.uncovered_skills, chosen, ctx.minute)
    st.subheader(_("Stories told, partly told and missed"))
    if takeaway_or_empty(stories.story_takeaway(tallies, uncovered)):
        draw_chart(stories.stories_chart, [t for t in tallies if t.used])
    left, right = st.columns(2)
    with left:
        st.markdown(bold(_("Not yet told in full")))
        untold = [t for t in tallies if not t.told]
        if not untold:
            st.caption(_("Every story has been told in full at least once."))
        for t in untold:
            line = (
                _("{story} (partly {partly}, missed {missed})")
                if t.used
                else _("{story} (never used)")
            )
            st.markdown("- " + line.format(story=md(t.title), partly=t.partly, missed=t.missed))
    with right:
        st.markdown(bold(_("Skills no fully told story shows yet")))
        if not uncovered:
            st.caption(_("Every skill in your stories has been shown in a story told in full."))
        else:
            st.markdown(" ".join(f":orange-badge[{md(s)}]" for s in uncovered))
            st.caption(_("Skills come from your stories; bridge to a story that shows them."))
