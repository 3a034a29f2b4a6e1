"""Confirming a recorded question against the bank: the same question, or a new one,
and its dimension. Shared by the typed questions and a transcript's."""

from __future__ import annotations

import streamlit as st

from coach import questions as question_bank
from coach import wording
from coach.i18n import _
from coach.questions import Proposal
from coach.reviews import NewAsk
from coach.text import md

NEW = "new"


def link_and_dimension(
    key: str, index: int, proposal: Proposal, dimensions: dict[str, str]
) -> NewAsk:
    """The bank question a proposal repeats (or none) and its dimension, as the
    candidate confirms them; widgets keyed `{key}_link_{index}` and `_dimension_`."""
    if proposal.matches:
        options = [m.question_id for m in proposal.matches] + [NEW]
        by_id = {m.question_id: m for m in proposal.matches}
        confident = proposal.matches[0].score >= question_bank.CONFIDENT_MATCH
        link = st.radio(
            _("Asked before? ({number})").format(number=index + 1),
            options,
            index=0 if confident else len(options) - 1,
            format_func=lambda o, by_id=by_id: (
                _("No, a new question")
                if o == NEW
                else _("Same as “{question}” (asked {times}×, {alike} alike)").format(
                    question=md(by_id[o].text),
                    times=by_id[o].asked,
                    alike=wording.percent(by_id[o].score / 100),
                )
            ),
            key=f"{key}_link_{index}",
            label_visibility="collapsed",
        )
    else:
        link = NEW
        st.caption(_("New question"))
    dimension = st.selectbox(
        _("Dimension ({number})").format(number=index + 1),
        list(dimensions),
        index=list(dimensions).index(proposal.dimension),
        format_func=dimensions.get,
        key=f"{key}_dimension_{index}",
        help=_("Suggested from your question bank; change it if it is wrong."),
    )
    return NewAsk(proposal.text, None if link == NEW else link, dimension)
