"""Practice: rehearse weak answers on a spaced-repetition schedule until they are solid."""

import streamlit as st

from coach import practice
from coach.i18n import N_, _
from coach_ui import frame, practice_cards, practice_queue

ctx = frame.start("practice")
SECTIONS = {
    "today": (":material/today:", N_("Today's queue")),
    "cram": (":material/event_upcoming:", N_("Cram")),
    "cards": (":material/style:", N_("Card browser")),
    "settings": (":material/tune:", N_("Settings")),
}

st.title(_("Practice"))
progress = practice.progress(ctx.cur, ctx.now)
if progress.total_cards:
    practice_queue.progress_strip(ctx, progress)
# The section (and the interview crammed for, or reviewed) is kept in the URL
# (?section=cram&interview=12), so links, a refresh or a bookmark return to it.
practice_queue.arrive(SECTIONS)
section = st.segmented_control(
    _("Section"),
    list(SECTIONS),
    format_func=lambda key: f"{SECTIONS[key][0]} {_(SECTIONS[key][1])}",
    required=True,
    key=practice_queue.SECTION,
    label_visibility="collapsed",
)
interview = None
if section == "cram":
    interview = practice_queue.cram(ctx, progress)
elif section == "cards":
    practice_cards.browser(ctx)
elif section == "settings":
    practice_cards.settings(ctx)
else:
    interview = practice_queue.today(ctx, progress)
practice_queue.settle(section, interview)
