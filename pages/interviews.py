"""Interviews: companies and interviews, upcoming and held, added, edited and deleted."""

import streamlit as st

from coach import companies as company_store
from coach import interviews as interview_store
from coach.i18n import _
from coach_ui import frame, lazy
from coach_ui.forms import company_form, interview_form
from coach_ui.interview_rows import (
    DELETING,
    EDITING,
    company_row,
    held_kind_chosen,
    held_kind_filter,
    interview_row,
    set_flag,
    upcoming_by_kind,
)

ctx = frame.start("interviews")
TAB = "interviews_tab"  # the open tab: "upcoming", "held" or "companies"
SHOWN_HELD = "interviews_shown_held"
SHOWN_COMPANIES = "interviews_shown_companies"
COMPANY_CHOICES = 200  # company names offered in the forms' company box
STEP = 10  # held interviews and companies listed at first, and added by "Show more"
st.session_state.setdefault(EDITING, None)
st.session_state.setdefault(DELETING, None)
st.session_state.setdefault(SHOWN_HELD, STEP)
st.session_state.setdefault(SHOWN_COMPANIES, STEP)

# Only the rows shown are loaded: the companies listed, and for the forms' company box
# the names of the most recent ones (typing any other name finds it).
companies, company_total = company_store.company_page(
    ctx.cur, limit=st.session_state[SHOWN_COMPANIES]
)
company_names = company_store.recent_company_names(ctx.cur, limit=COMPANY_CHOICES)
# Only the rows shown are loaded and drawn, so the page costs the same at any journal size.
listed = interview_store.interview_page(
    ctx.cur, ctx.now, held_limit=st.session_state[SHOWN_HELD], held_kind=held_kind_chosen()
)
upcoming, held = listed.upcoming, listed.held
interviews = upcoming or held

st.title(_("Interviews"))

adding = lazy.expander(
    _("Add an interview"), key="interviews_adding", expanded=not interviews, icon=":material/add:"
)
if adding.open:
    with adding:
        added = interview_form(ctx.journal, company_names, ctx.now, name="interviews_new")
    if added is not None:
        # Open the tab the new interview is listed in.
        held_now = interview_store.get_interview(ctx.cur, added).scheduled_at <= ctx.now
        st.session_state[TAB] = "held" if held_now else "upcoming"
        st.toast(_("Interview added."), icon=":material/check:")
        st.rerun()

# Only the open tab is drawn: the browser lays out one list, not three.
shown_tab, tab = lazy.open_tab(
    TAB,
    {
        "upcoming": _("Upcoming ({n})").format(n=len(upcoming)),
        "held": _("Held ({n})").format(n=listed.held_total),
        "companies": _("Companies ({n})").format(n=company_total),
    },
)
with tab:
    if shown_tab == "upcoming":
        if not upcoming:
            st.info(
                _("No upcoming interviews. Add one above when it is booked."),
                icon=":material/event:",
            )
        upcoming_by_kind(ctx, company_names, upcoming)
    elif shown_tab == "held":
        if held or held_kind_chosen():
            held_kind_filter()
        if not held:
            st.info(
                _("No interviews of this kind held yet.")
                if held_kind_chosen()
                else _(
                    "No interviews held yet. After an interview, add it here and review it "
                    "the same evening."
                ),
                icon=":material/history:",
            )
        shown = st.session_state[SHOWN_HELD]
        for interview in held[:shown]:
            interview_row(ctx, company_names, interview, held_row=True)
        if listed.held_total > shown:
            st.button(
                _("Show {n} more of {left}").format(
                    n=min(STEP, listed.held_total - shown), left=listed.held_total - shown
                ),
                key="interviews_more_held",
                on_click=set_flag,
                args=(SHOWN_HELD, shown + STEP),
            )
    else:
        adding_company = lazy.expander(
            _("Add a company"), key="interviews_adding_company", icon=":material/add_business:"
        )
        if adding_company.open:
            with adding_company:
                if company_form(ctx.journal, name="interviews_new_company") is not None:
                    st.toast(_("Company added."), icon=":material/check:")
                    st.rerun()
        if not companies:
            st.info(
                _("No companies yet. Add one here, or while adding an interview."),
                icon=":material/domain:",
            )
        shown_companies = st.session_state[SHOWN_COMPANIES]
        for company in companies:
            company_row(ctx, company)
        if company_total > shown_companies:
            st.button(
                _("Show {n} more of {left}").format(
                    n=min(STEP, company_total - shown_companies),
                    left=company_total - shown_companies,
                ),
                key="interviews_more_companies",
                on_click=set_flag,
                args=(SHOWN_COMPANIES, shown_companies + STEP),
            )
