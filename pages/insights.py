"""Insights: trends across interviews, and a readiness brief before the next target interview."""

import streamlit as st

from coach.i18n import _
from coach.insights.filters import journal_counts
from coach_ui import frame
from coach_ui.insights import SECTIONS
from coach_ui.insights.brief import arrive, leave_brief
from coach_ui.insights.glance import at_a_glance, filters
from coach_ui.insights.show import BRIEF_SECTION, SECTION

ctx = frame.start("insights")

st.title(_("Insights"))
interviews, reviewed = ctx.remember(journal_counts, ctx.minute)
if not interviews:
    st.info(
        _(
            "Nothing to show yet. Insights appear once you have held and reviewed a few "
            "interviews: trends, weak spots, and a readiness brief before the next one."
        ),
        icon=":material/insights:",
    )
    st.page_link("pages/interviews.py", label=_("Add an interview"), icon=":material/add:")
    st.stop()

chosen = filters(ctx)
arrive()  # a Prepare link (?interview=12) opens that interview's brief
# The section is known before its control is drawn (widget state), so the glance makes
# the whole readiness brief only when the brief section will show it.
shown = st.session_state.get(SECTION, BRIEF_SECTION)
at_a_glance(ctx, chosen, with_brief=shown in (None, BRIEF_SECTION))
# The options are the sections' English names, the same in every language (so the
# section chosen survives a change of language); each is shown translated.
section = st.segmented_control(
    _("Section"),
    list(SECTIONS),
    format_func=_,
    default=next(iter(SECTIONS)),
    required=True,
    key=SECTION,
    label_visibility="collapsed",
)
# The section finds what the glance loaded remembered (ctx.remember): the brief, above
# all, is costly to make twice.
SECTIONS[section or BRIEF_SECTION](ctx, chosen)
if section != BRIEF_SECTION:
    leave_brief()
