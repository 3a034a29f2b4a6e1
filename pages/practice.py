"""Practice: rehearse weak answers on a spaced-repetition schedule until they are solid."""

import streamlit as st

from coach import practice
from coach_ui import frame, practice_cards, practice_queue

ctx = frame.start("practice")
SECTIONS = {
    "today": ":material/today: Today's queue",
    "cram": ":material/event_upcoming: Cram",
    "cards": ":material/style: Card browser",
    "settings": ":material/tune: Settings",
}

st.title("Practice")
progress = practice.progress(ctx.cur, ctx.now)
if progress.total_cards:
    practice_queue.progress_strip(ctx, progress)
# The section is kept in the URL (?section=cram), so a refresh or a bookmark returns to it.
if st.session_state.get(practice_queue.SECTION) not in SECTIONS:
    asked = st.query_params.get("section")
    st.session_state[practice_queue.SECTION] = asked if asked in SECTIONS else "today"
section = st.segmented_control(
    "Section",
    list(SECTIONS),
    format_func=SECTIONS.get,
    required=True,
    key=practice_queue.SECTION,
    label_visibility="collapsed",
)
if section == "today":
    st.query_params.pop("section", None)
else:
    st.query_params["section"] = section

if section == "cram":
    practice_queue.cram(ctx, progress)
elif section == "cards":
    practice_cards.browser(ctx)
elif section == "settings":
    practice_cards.settings(ctx)
else:
    practice_queue.today(ctx, progress)
