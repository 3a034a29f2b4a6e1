"""The Interviews page's rows: one interview or company, with its edit and delete flows.

Kept out of pages/interviews.py so the page script stays short (Streamlit compiles a
page's script for each run in tests; imported modules are compiled once).
"""

from __future__ import annotations

import streamlit as st

from coach import companies as company_store
from coach import deletion, palette, vocabulary, wording
from coach import interviews as interview_store
from coach.i18n import N_, _, ngettext
from coach.text import md
from coach_ui import links
from coach_ui.formatting import badge, kind_badge, outcome_badge, relative_day
from coach_ui.forms import company_form, interview_form
from coach_ui.frame import PageContext
from coach_ui.review_start import open_review, review_button_label

EDITING = "interviews_editing"  # ("interview" | "company", id) being edited
DELETING = "interviews_deleting"  # ("interview" | "company", id) awaiting confirmation


def set_flag(flag: str, value) -> None:
    st.session_state[flag] = value


def confirm_delete(
    ctx: PageContext, what: str, item_id: int, title: str, impact: deletion.DeletionImpact
) -> None:
    with st.container(border=True):
        also = impact.describe()
        asked = [_("Delete **{title}**?").format(title=md(title))]
        if also:
            asked.append(_("This also deletes {things}.").format(things=wording.series(also)))
        asked.append(
            _(
                "Questions stay in your question bank, with their cards and answers. "
                "This cannot be undone."
            )
        )
        st.warning(wording.sentences(*asked), icon=":material/delete:")
        yes, no, _space = st.columns([1, 1, 4])
        if yes.button(_("Delete"), type="primary", key=f"interviews_yes_{what}_{item_id}"):
            if what == "company":
                company_store.delete_company(ctx.journal, item_id)
            else:
                interview_store.delete_interview(ctx.journal, item_id)
            set_flag(DELETING, None)
            st.toast(_("Deleted {title}.").format(title=md(title)), icon=":material/delete:")
            st.rerun()
        no.button(
            _("Cancel"),
            key=f"interviews_no_{what}_{item_id}",
            on_click=set_flag,
            args=(DELETING, None),
        )


def interview_row(
    ctx: PageContext,
    company_names: list[str],
    interview: interview_store.Interview,
    *,
    held_row: bool,
) -> None:
    key = ("interview", interview.id)
    with st.container(border=True):
        if st.session_state[EDITING] == key:
            saved = interview_form(
                ctx.journal,
                company_names,
                ctx.now,
                name=f"interviews_edit_{interview.id}",
                existing=interview,
                on_saved=lambda: saved_and_closed(_("Interview saved.")),
            )
            finish_editing(saved, cancel_key=f"interviews_cancel_{interview.id}")
            return
        text, actions = _row_columns()
        kind = interview.company_kind
        badges = kind_badge(kind, vocabulary.COMPANY_KINDS[kind])
        if held_row:
            badges += " " + outcome_badge(interview.outcome, vocabulary.OUTCOMES[interview.outcome])
            status = palette.REVIEW_STATUS[interview.review_status or "none"]
            badges += " " + badge(status, interview.review_label)
        text.markdown(f"**{md(interview.title)}** {badges}")
        details = [
            wording.moment_text(interview.scheduled_at.astimezone(ctx.now.tzinfo)),
            relative_day(interview.scheduled_at, ctx.now),
            vocabulary.INTERVIEW_FORMATS[interview.format],
        ]
        if interview.interviewer:
            details.append(_("with {interviewer}").format(interviewer=interview.interviewer))
        text.caption(md(" · ".join(details)))
        if not held_row:
            with text.container(horizontal=True):
                links.prepare(interview.id)
                links.cram(interview.id)
        if held_row and text.button(
            review_button_label(interview),
            key=f"interviews_review_{interview.id}",
            icon=":material/rate_review:",
            type="primary" if interview.review_status != "completed" else "secondary",
        ):
            open_review(interview.id)
        edit_and_delete(
            ctx,
            actions,
            actions,
            key,
            interview.title,
            deletion.interview_deletion_impact,
            key_suffix=str(interview.id),
        )


# Upcoming interviews are listed by the kind of their company, targets first.
KIND_GROUPS = {
    "target": (
        N_("Target interviews"),
        N_(
            "The ones that matter. Prepare for each: its brief carries over every lesson of "
            "your earlier interviews, practice ones included."
        ),
    ),
    "practice": (
        N_("Practice interviews"),
        N_(
            "Warm-ups at companies you are unlikely to join. Review each the same evening: its "
            "questions and weak answers carry over to the briefs of your target interviews."
        ),
    ),
    "undecided": (
        N_("Not marked yet"),
        N_(
            "Mark the company practice or target (Companies tab), so the app knows which "
            "interviews are warm-ups and which matter."
        ),
    ),
}


def upcoming_by_kind(
    ctx: PageContext, company_names: list[str], upcoming: list[interview_store.Interview]
) -> None:
    for kind, (heading, note) in KIND_GROUPS.items():
        group = [i for i in upcoming if i.company_kind == kind]
        if not group:
            continue
        st.markdown(f"##### :{palette.COMPANY_KIND[kind]}[{_(heading)}] ({len(group)})")
        st.caption(_(note))
        for interview in group:
            interview_row(ctx, company_names, interview, held_row=False)


HELD_KIND = "interviews_held_kind"  # the held interviews' company kind shown (None: all)


def held_kind_chosen() -> str | None:
    """The kind the held list is narrowed to (known before its control is drawn)."""
    kind = st.session_state.get(HELD_KIND)
    return kind if kind in vocabulary.COMPANY_KINDS else None


def held_kind_filter() -> None:
    """Practice and target interviews apart: narrow the held list to one kind."""
    st.segmented_control(
        _("Show"),
        list(vocabulary.COMPANY_KINDS),
        format_func=lambda k: _("{kind} only").format(kind=vocabulary.COMPANY_KINDS[k]),
        key=HELD_KIND,
        help=_("Practice interviews are warm-ups; target ones matter. Choose again to show all."),
    )


def company_row(ctx: PageContext, company: company_store.Company) -> None:
    key = ("company", company.id)
    with st.container(border=True):
        if st.session_state[EDITING] == key:
            saved = company_form(
                ctx.journal,
                name=f"interviews_company_{company.id}",
                existing=company,
                on_saved=lambda: saved_and_closed(_("Company saved.")),
            )
            finish_editing(saved, cancel_key=f"interviews_cancel_company_{company.id}")
            return
        text, actions = _row_columns()
        count = company.interview_count
        text.markdown(f"**{md(company.name)}** {kind_badge(company.kind, company.kind_label)}")
        text.caption(
            ngettext("{n} interview", "{n} interviews", count).format(n=wording.number(count))
            + (f" · {md(company.notes)}" if company.notes else "")
        )
        edit_and_delete(
            ctx,
            actions,
            actions,
            key,
            company.name,
            deletion.company_deletion_impact,
            key_suffix=f"company_{company.id}",
        )


def saved_and_closed(message: str) -> None:
    """An edit form saved (at once, or by "Keep mine" after a clash): close it, say so."""
    set_flag(EDITING, None)
    st.toast(message, icon=":material/check:")


def finish_editing(saved: int | None, *, cancel_key: str) -> None:
    """Under a row's edit form: a Cancel button, and the page drawn again once saved."""
    st.button(_("Cancel"), key=cancel_key, on_click=set_flag, args=(EDITING, None))
    if saved is not None:
        st.rerun()


def _row_columns():
    """A row's text, and its edit and delete buttons side by side at its right: in a
    column of their own each, the buttons were cut to a sliver at 1,000 px wide."""
    text, buttons = st.columns([4, 1], vertical_alignment="center")
    return text, buttons.container(horizontal=True, horizontal_alignment="right")


def edit_and_delete(
    ctx: PageContext, edit, delete, key: tuple[str, int], title: str, impact, *, key_suffix: str
) -> None:
    """A row's edit and delete buttons, and the delete confirmation when asked for.

    `key` is ("interview" | "company", id); `impact(cursor, id)` tells what else goes.
    """
    what, item_id = key
    edit.button(
        ":material/edit:",
        key=f"interviews_edit_{key_suffix}",
        help=_("Edit this interview") if what == "interview" else _("Edit this company"),
        on_click=set_flag,
        args=(EDITING, key),
    )
    delete.button(
        ":material/delete:",
        key=f"interviews_delete_{key_suffix}",
        help=_("Delete this interview") if what == "interview" else _("Delete this company"),
        on_click=set_flag,
        args=(DELETING, key),
    )
    if st.session_state[DELETING] == key:
        confirm_delete(ctx, what, item_id, title, impact(ctx.cur, item_id))
