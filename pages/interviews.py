"""Interviews: companies and interviews, upcoming and held, added, edited and deleted."""

import streamlit as st

from coach import companies as company_store
from coach import deletion, vocabulary
from coach import interviews as interview_store
from coach.text import md
from coach_ui import frame
from coach_ui.formatting import KIND_COLOURS, OUTCOME_COLOURS, relative_day, when
from coach_ui.forms import company_form, interview_form
from coach_ui.review_start import open_review, review_button_label

ctx = frame.start("interviews")
EDITING = "interviews_editing"  # ("interview" | "company", id) being edited
DELETING = "interviews_deleting"  # ("interview" | "company", id) awaiting confirmation
SHOWN_HELD = "interviews_shown_held"
SHOWN_COMPANIES = "interviews_shown_companies"
st.session_state.setdefault(EDITING, None)
st.session_state.setdefault(DELETING, None)
st.session_state.setdefault(SHOWN_HELD, 20)
st.session_state.setdefault(SHOWN_COMPANIES, 20)

companies = company_store.list_companies(ctx.cur)
# Only the rows shown are loaded and drawn, so the page costs the same at any journal size.
listed = interview_store.interview_page(ctx.cur, ctx.now, held_limit=st.session_state[SHOWN_HELD])
upcoming, held = listed.upcoming, listed.held
interviews = upcoming or held

st.title("Interviews")

with st.expander("Add an interview", expanded=not interviews, icon=":material/add:"):
    if interview_form(ctx.journal, companies, ctx.now, name="interviews_new") is not None:
        st.toast("Interview added.", icon=":material/check:")
        st.rerun()


def set_flag(flag: str, value) -> None:
    st.session_state[flag] = value


def confirm_delete(what: str, item_id: int, title: str, impact: deletion.DeletionImpact) -> None:
    with st.container(border=True):
        also = impact.describe()
        st.warning(
            f"Delete **{md(title)}**?"
            + (f" This also deletes {', '.join(also)}." if also else "")
            + " Questions stay in your question bank, with their cards and answers."
            " This cannot be undone.",
            icon=":material/delete:",
        )
        yes, no, _ = st.columns([1, 1, 4])
        if yes.button("Delete", type="primary", key=f"interviews_yes_{what}_{item_id}"):
            if what == "company":
                company_store.delete_company(ctx.journal, item_id)
            else:
                interview_store.delete_interview(ctx.journal, item_id)
            set_flag(DELETING, None)
            st.toast(f"Deleted {md(title)}.", icon=":material/delete:")
            st.rerun()
        no.button(
            "Cancel",
            key=f"interviews_no_{what}_{item_id}",
            on_click=set_flag,
            args=(DELETING, None),
        )


def interview_row(interview: interview_store.Interview, *, held_row: bool) -> None:
    key = ("interview", interview.id)
    with st.container(border=True):
        if st.session_state[EDITING] == key:
            saved = interview_form(
                ctx.journal,
                companies,
                ctx.now,
                name=f"interviews_edit_{interview.id}",
                existing=interview,
            )
            st.button(
                "Cancel",
                key=f"interviews_cancel_{interview.id}",
                on_click=set_flag,
                args=(EDITING, None),
            )
            if saved is not None:
                set_flag(EDITING, None)
                st.toast("Interview saved.", icon=":material/check:")
                st.rerun()
            return
        text, buttons = st.columns([5, 1], vertical_alignment="center")
        kind = interview.company_kind
        badges = f":{KIND_COLOURS[kind]}-badge[{vocabulary.COMPANY_KINDS[kind]}]"
        if held_row:
            colour = OUTCOME_COLOURS[interview.outcome]
            badges += f" :{colour}-badge[{vocabulary.OUTCOMES[interview.outcome]}]"
            review_colour = {"completed": "green", "draft": "orange"}.get(
                interview.review_status or "", "red"
            )
            badges += f" :{review_colour}-badge[{interview.review_label}]"
        text.markdown(f"**{md(interview.title)}** {badges}")
        details = [
            when(interview.scheduled_at, ctx.now),
            relative_day(interview.scheduled_at, ctx.now),
            vocabulary.INTERVIEW_FORMATS[interview.format],
        ]
        if interview.interviewer:
            details.append(f"with {interview.interviewer}")
        text.caption(md(" · ".join(details)))
        if held_row and text.button(
            review_button_label(interview),
            key=f"interviews_review_{interview.id}",
            icon=":material/rate_review:",
            type="primary" if interview.review_status != "completed" else "secondary",
        ):
            open_review(interview.id)
        edit, delete = buttons.columns(2)
        edit.button(
            ":material/edit:",
            key=f"interviews_edit_{interview.id}",
            help="Edit this interview",
            on_click=set_flag,
            args=(EDITING, key),
        )
        delete.button(
            ":material/delete:",
            key=f"interviews_delete_{interview.id}",
            help="Delete this interview",
            on_click=set_flag,
            args=(DELETING, key),
        )
        if st.session_state[DELETING] == key:
            confirm_delete(
                "interview",
                interview.id,
                interview.title,
                deletion.interview_deletion_impact(ctx.cur, interview.id),
            )


def company_row(company: company_store.Company) -> None:
    key = ("company", company.id)
    with st.container(border=True):
        if st.session_state[EDITING] == key:
            saved = company_form(
                ctx.journal, name=f"interviews_company_{company.id}", existing=company
            )
            st.button(
                "Cancel",
                key=f"interviews_cancel_company_{company.id}",
                on_click=set_flag,
                args=(EDITING, None),
            )
            if saved is not None:
                set_flag(EDITING, None)
                st.toast("Company saved.", icon=":material/check:")
                st.rerun()
            return
        text, buttons = st.columns([5, 1], vertical_alignment="center")
        count = company.interview_count
        text.markdown(
            f"**{md(company.name)}** :{KIND_COLOURS[company.kind]}-badge[{company.kind_label}]"
        )
        text.caption(
            f"{count} interview{'s' if count != 1 else ''}"
            + (f" · {md(company.notes)}" if company.notes else "")
        )
        edit, delete = buttons.columns(2)
        edit.button(
            ":material/edit:",
            key=f"interviews_edit_company_{company.id}",
            help="Edit this company",
            on_click=set_flag,
            args=(EDITING, key),
        )
        delete.button(
            ":material/delete:",
            key=f"interviews_delete_company_{company.id}",
            help="Delete this company",
            on_click=set_flag,
            args=(DELETING, key),
        )
        if st.session_state[DELETING] == key:
            confirm_delete(
                "company",
                company.id,
                company.name,
                deletion.company_deletion_impact(ctx.cur, company.id),
            )


upcoming_tab, held_tab, companies_tab = st.tabs(
    [
        f"Upcoming ({len(upcoming)})",
        f"Held ({listed.held_total})",
        f"Companies ({len(companies)})",
    ]
)
with upcoming_tab:
    if not upcoming:
        st.info("No upcoming interviews. Add one above when it is booked.", icon=":material/event:")
    for interview in upcoming:
        interview_row(interview, held_row=False)
with held_tab:
    if not held:
        st.info(
            "No interviews held yet. After an interview, add it here and review it the "
            "same evening.",
            icon=":material/history:",
        )
    shown = st.session_state[SHOWN_HELD]
    for interview in held[:shown]:
        interview_row(interview, held_row=True)
    if listed.held_total > shown:
        st.button(
            f"Show {min(20, listed.held_total - shown)} more of {listed.held_total - shown}",
            on_click=set_flag,
            args=(SHOWN_HELD, shown + 20),
        )
with companies_tab:
    with st.expander("Add a company", icon=":material/add_business:"):
        if company_form(ctx.journal, name="interviews_new_company") is not None:
            st.toast("Company added.", icon=":material/check:")
            st.rerun()
    if not companies:
        st.info(
            "No companies yet. Add one here, or while adding an interview.",
            icon=":material/domain:",
        )
    shown_companies = st.session_state[SHOWN_COMPANIES]
    for company in companies[:shown_companies]:
        company_row(company)
    if len(companies) > shown_companies:
        st.button(
            f"Show {min(20, len(companies) - shown_companies)} more of "
            f"{len(companies) - shown_companies}",
            key="interviews_more_companies",
            on_click=set_flag,
            args=(SHOWN_COMPANIES, shown_companies + 20),
        )
