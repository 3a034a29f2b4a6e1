"""The likely questions as the brief and the cram view list them: one Markdown element,
each question with its recall on the day and its reasons in full."""

from __future__ import annotations

import streamlit as st

from coach.likely import LikelyQuestion
from coach.text import md


def recall_badge(question: LikelyQuestion) -> str:
    if question.to_rehearse:
        text = "new" if not question.rehearsed else f"{question.recall_text} on the day"
        return f":orange-badge[{text}]"
    if question.card_id is None:
        return ":green-badge[answered well]"
    if question.card_status in ("retired", "suspended"):
        return f":gray-badge[card {question.card_status}]"
    return f":green-badge[{question.recall_text} on the day]"


def likely_list(
    questions: tuple[LikelyQuestion, ...], *, done_today: frozenset[int] = frozenset()
) -> None:
    """Draw `questions` as one list (Streamlit's cost is per element)."""
    items = []
    for q in questions:
        done = " :green-badge[rehearsed today]" if q.card_id in done_today else ""
        items.append(
            f"- **{md(q.text)}** {recall_badge(q)}{done} :small[{q.score} points]  \n"
            f"  :small[{md('; '.join(q.reasons))}]"
        )
    st.markdown("\n".join(items))
