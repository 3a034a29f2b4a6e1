"""Guided review: the four-part review of one interview, ending in an improvement plan."""

import streamlit as st

from coach import reviews
from coach_ui import edit_state, frame, review_start, review_steps
from coach_ui import review_widgets as w
from coach_ui.review_questions import questions_step

ctx = frame.start("review")
edit_state.show_unsaved()  # text typed into what another tab removed, to copy
interview = review_start.resolve(ctx)
if interview is None:
    st.stop()

review = reviews.start_review(ctx.journal, interview.id, ctx.now)
step = review_steps.header(ctx, interview, review)
w.show_notices()
{
    "overall": review_steps.overall,
    "questions": questions_step,
    "relationship": review_steps.relationship,
    "strengths": review_steps.strengths,
    "plan": review_steps.plan,
    "summary": review_steps.summary,
}[step](ctx, review)
review_steps.navigation(ctx, review, step)
