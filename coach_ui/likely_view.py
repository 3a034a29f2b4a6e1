"""The likely questions as the brief and the cram view list them: one Markdown element,
each question with its recall on the day and its reasons in full."""

from __future__ import annotations

import streamlit as st

from coach.i18n import _, ngettext, pgettext
from coach.likely import LikelyQuestion
from coach.text import md


def recall_badge(question: LikelyQuestion) -> str:
    on_the_day = _("{recall} on the day").format(recall=question.recall_text)
    if question.to_rehearse:
        text = _("new") if not question.rehearsed else on_the_day
        return f":orange-badge[{text}]"
    if question.card_id is None:
        return ":green-badge[" + _("answered well") + "]"
    if question.card_status == "retired":
        return ":gray-badge[" + _("card retired") + "]"
    if question.card_status == "suspended":
        return ":gray-badge[" + _("card suspended") + "]"
    return f":green-badge[{on_the_day}]"


def likely_list(
    questions: tuple[LikelyQuestion, ...], *, done_today: frozenset[int] = frozenset()
) -> None:
    """Draw `questions` as one list (Streamlit's cost is per element)."""
    items = []
    done = " :green-badge[" + _("rehearsed today") + "]"
    separator = pgettext("between reasons", "; ")
    for q in questions:
        points = ngettext("{n} point", "{n} points", q.score).format(n=q.score)
        items.append(
            f"- **{md(q.text)}** {recall_badge(q)}{done if q.card_id in done_today else ''} "
            f":small[{points}]  \n"
            f"  :small[{md(separator.join(q.reasons))}]"
        )
    st.markdown("\n".join(items))
