"""Which interview the review page is about: from a button elsewhere, the URL, or a choice here.

The interview travels in `st.session_state["review_interview"]` (set by the Home and
Interviews buttons, because `st.switch_page` drops query parameters) and in
`st.query_params["interview"]` (kept across a browser refresh).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import streamlit as st

from coach import companies as company_store
from coach import interviews as interview_store
from coach import vocabulary, wording
from coach.errors import JournalError
from coach.i18n import _, ngettext
from coach.interviews import Interview, InterviewFields
from coach.text import md
from coach_ui import failures
from coach_ui.formatting import relative_day, when
from coach_ui.forms import ANY_DATE
from coach_ui.frame import PageContext

CHOSEN = "review_interview"
PAGE = "pages/review.py"
AWAITING_SHOWN = "review_awaiting_shown"  # how many awaiting interviews are listed
AWAITING_STEP = 10
PAST_SEARCH = "review_past_search"
PAST_SHOWN = 50  # completed reviews offered at once; a search finds older ones
SPOT_COMPANIES = 200  # companies offered in the spot form; typing finds any other


def open_review(interview_id: int) -> None:
    """From another page: open the review of `interview_id` (call outside callbacks)."""
    st.session_state[CHOSEN] = interview_id
    st.switch_page(PAGE)


def review_button_label(interview: Interview) -> str:
    if interview.review_status is None:
        return _("Start review")
    return _("Open review") if interview.review_status == "completed" else _("Continue review")


def awaiting_card(interview: Interview, now: datetime, *, key: str) -> bool:
    """A held interview awaiting its review, with its Start/Continue button; True if clicked.

    Shared by Home and the review picker.
    """
    # The button sits under the text: beside it, "Continue review" was cut off in the
    # half-width column on Home.
    with st.container(border=True):
        st.markdown(f"**{md(interview.title)}**")
        st.caption(
            f"{when(interview.scheduled_at, now)} · "
            f"{relative_day(interview.scheduled_at, now)} · {interview.review_label}"
        )
        return st.button(
            review_button_label(interview),
            key=key,
            type="primary",
            icon=":material/rate_review:",
        )


def chosen_interview_id() -> int | None:
    chosen = st.session_state.get(CHOSEN)
    if chosen is None:
        raw = st.query_params.get("interview", "")
        chosen = int(raw) if raw.isdigit() else None
    if chosen is not None:
        st.session_state[CHOSEN] = chosen
        if st.query_params.get("interview") != str(chosen):
            st.query_params["interview"] = str(chosen)
    return chosen


def choose(interview_id: int | None) -> None:
    if interview_id is None:
        st.session_state.pop(CHOSEN, None)
        st.query_params.pop("interview", None)
    else:
        st.session_state[CHOSEN] = interview_id
        st.query_params["interview"] = str(interview_id)


def resolve(ctx: PageContext) -> Interview | None:
    """The interview being reviewed, or None after drawing the picker."""
    interview_id = chosen_interview_id()
    if interview_id is not None:
        try:
            return interview_store.get_interview(ctx.cur, interview_id)
        except JournalError as error:
            choose(None)
            st.warning(
                _("{error} Choose another interview to review.").format(error=md(str(error))),
                icon=":material/info:",
            )
    picker(ctx)
    return None


def picker(ctx: PageContext) -> None:
    st.title(_("Guided review"))
    st.markdown(
        _(
            "Review an interview the same evening, while you remember it: how it went overall, "
            "every question and how the interviewer reacted, the relationship, the stories you "
            "told or missed, and a plan to do better next time. Everything saves as you go."
        )
    )
    shown = st.session_state.get(AWAITING_SHOWN, AWAITING_STEP)
    search = st.session_state.get(PAST_SEARCH, "")
    found = interview_store.review_picker(
        ctx.cur, ctx.now, awaiting_limit=shown, completed_limit=PAST_SHOWN, search=search
    )

    left, right = st.columns([4, 3], gap="large")
    with left:
        st.subheader(_("Held interviews to review"))
        if not found.held_total:
            st.info(
                _(
                    "No held interviews yet. Just had one? Add it on the right and start its "
                    "review straight away."
                ),
                icon=":material/event_available:",
            )
        elif not found.awaiting_total:
            st.success(_("Every held interview is reviewed."), icon=":material/task_alt:")
        for interview in found.awaiting:
            if awaiting_card(interview, ctx.now, key=f"review_pick_{interview.id}"):
                choose(interview.id)
                st.rerun()
        if found.awaiting_total > len(found.awaiting):
            more = found.awaiting_total - len(found.awaiting)
            st.caption(
                ngettext(
                    "{n} older interview also awaits a review.",
                    "{n} older interviews also await a review.",
                    more,
                ).format(n=more)
            )
            st.button(
                _("Show {n} more").format(n=min(more, AWAITING_STEP)),
                key="review_show_more",
                icon=":material/expand_more:",
                on_click=_show_more,
                args=(len(found.awaiting),),
            )
        if found.completed_total:
            past_reviews(ctx, found)
    with right, st.container(border=True):
        st.subheader(_("Just had an interview?"))
        st.caption(_("Add it here and start its review at once. You can add details later."))
        new_id = spot_form(ctx)
        if new_id is not None:
            choose(new_id)
            st.rerun()


def _show_more(listed: int) -> None:
    st.session_state[AWAITING_SHOWN] = listed + AWAITING_STEP


def past_reviews(ctx: PageContext, found: interview_store.ReviewPicker) -> None:
    """Reopen a completed review: the latest ones, or those matching a search."""
    st.subheader(_("Reopen a past review"))
    if found.completed_total > PAST_SHOWN:
        st.text_input(
            _("Find a past review"),
            key=PAST_SEARCH,
            placeholder=_("Company, role or round"),
            icon=":material/search:",
        )
        if found.completed_matching > len(found.completed):
            listed = (
                _(
                    "The latest {shown} of {total} matching completed reviews are listed; "
                    "search to find older ones."
                )
                if st.session_state.get(PAST_SEARCH)
                else _(
                    "The latest {shown} of {total} completed reviews are listed; search to "
                    "find older ones."
                )
            )
            st.caption(
                listed.format(
                    shown=wording.number(len(found.completed)),
                    total=wording.number(found.completed_matching),
                )
            )
        elif not found.completed:
            st.caption(_("No completed review matches that search."))
    by_id = {i.id: i for i in found.completed}
    past = st.selectbox(
        _("Completed reviews"),
        list(by_id),
        index=None,
        format_func=lambda i: f"{by_id[i].title} · {when(by_id[i].scheduled_at, ctx.now)}",
        placeholder=_("Choose a completed review to read or edit"),
        key="review_pick_past",
    )
    if past is not None and st.button(
        _("Open this review"), icon=":material/edit_note:", key="review_open_past"
    ):
        choose(past)
        st.rerun()


def spot_form(ctx: PageContext) -> int | None:
    """A short form for an interview that just happened; its id once saved."""
    # The most recent companies are offered; an older one is found when its name is typed.
    names = company_store.recent_company_names(ctx.cur, limit=SPOT_COMPANIES)
    default_time = (ctx.now - timedelta(hours=1)).replace(second=0, microsecond=0)
    default_time = default_time.replace(minute=default_time.minute // 15 * 15)
    # Keyed: at 1,000-1,200 px the side column is too narrow for two fields a row, and the
    # layout's CSS stacks them (frame.LAYOUT_CSS).
    with st.container(key="review_spot"), st.form("review_spot_form", enter_to_submit=False):
        company = st.selectbox(
            _("Company"),
            names,
            index=None,
            accept_new_options=True,
            placeholder=_("Choose, or type a new company"),
            key="review_spot_company",
        )
        role_col, round_col = st.columns(2)
        role = role_col.text_input(
            _("Role"), placeholder=_("e.g. Data analyst"), key="review_spot_role"
        )
        round_ = round_col.text_input(
            _("Round"), placeholder=_("e.g. First round"), key="review_spot_round"
        )
        day_col, time_col = st.columns(2)
        day = day_col.date_input(
            _("Date"), value=ctx.now.date(), key="review_spot_date", **ANY_DATE
        )
        at = time_col.time_input(
            _("Time"), value=default_time.time(), step=900, key="review_spot_time"
        )
        formats = list(vocabulary.INTERVIEW_FORMATS)
        interview_format = st.selectbox(
            _("Format"), formats, index=formats.index("video"),
            format_func=vocabulary.INTERVIEW_FORMATS.get, key="review_spot_format",
        )  # fmt: skip
        submitted = st.form_submit_button(
            _("Add and start the review"), type="primary", icon=":material/rate_review:"
        )
    if not submitted:
        return None
    if not company:
        st.error(_("Choose a company, or type the name of a new one."))
        return None
    try:
        company_id = company_store.find_or_add_company(ctx.journal, company)
        return interview_store.add_interview(
            ctx.journal,
            InterviewFields(
                company_id=company_id,
                scheduled_at=datetime.combine(day, at, tzinfo=ctx.now.tzinfo),
                role=role,
                round=round_,
                format=interview_format or "video",
            ),
        )
    except JournalError as error:
        failures.show(error)
        return None
