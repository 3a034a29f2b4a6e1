"""Forms for companies and interviews, shared by the Interviews page (and later the review)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import streamlit as st

from coach import companies as company_store
from coach import interviews as interview_store
from coach import vocabulary
from coach.companies import Company
from coach.db import Journal
from coach.errors import JournalError
from coach.i18n import N_, _
from coach.interviews import Interview, InterviewFields
from coach_ui import edit_state, failures

# The widget accepts any date and the field's one rule (coach.fields, YEARS) checks it,
# saying why a year is refused: a date outside the widget's own limits is shown as
# invalid in the browser but never sent, so the form was saved with the default date
# instead, and said so nowhere.
ANY_DATE = {"min_value": date(1, 1, 1), "max_value": date(9999, 12, 31), "format": "YYYY-MM-DD"}

# Why the kind matters, in the app's own words (the welcome page says it too).
STRATEGY = N_(
    "Mark warm-ups at companies you are unlikely to join as practice, and the ones you "
    "want as target. Interview at practice companies first and review each: their "
    "questions and weak answers carry over to the brief for your target interviews, so "
    "you arrive with those lessons learnt."
)


def _form_key(name: str) -> str:
    # A generation counter in the key gives a blank form after a successful add,
    # while a failed save keeps what the candidate typed (clear_on_submit would not).
    generation = st.session_state.setdefault(f"forms_generation_{name}", 0)
    return f"{name}_{generation}"


def _reset(name: str) -> None:
    st.session_state[f"forms_generation_{name}"] += 1


def _keyed(form_key: str) -> Callable[[str], dict]:
    """Keys for a form's widgets: keyed, a widget keeps what was typed even when another
    tab's save changes the value it was drawn with (an edit form), or the language
    changes its label (any form). The add forms' keys carry the form's generation, so
    a successful add still gives a blank form."""
    return lambda field: {"key": f"{form_key}_{field}"}


def _checked_edit(
    name: str,
    form_key: str,
    save: Callable[[dict], int],
    read: dict,
    on_saved: Callable[[], None],
    *,
    display: Callable[[str, object], str],
) -> int | None:
    """Save an edit given what the form showed; a clash with another tab is shown."""

    def done(_: int) -> None:
        _reset(name)
        on_saved()

    saved = edit_state.checked_submit(
        form_key, save, read, done=done, start_over=lambda: _reset(name), display=display
    )
    if saved is None:
        edit_state.show_clash(form_key)
    return saved


def _interview_display(journal: Journal) -> Callable[[str, object], str]:
    def display(field: str, value: object) -> str:
        if field == "company_id":
            cur = journal.cursor()
            try:
                return company_store.get_company(cur, value).name
            except JournalError:
                return _("a company since deleted")
            finally:
                cur.close()
        options = {"format": vocabulary.INTERVIEW_FORMATS, "outcome": vocabulary.OUTCOMES}
        if field in options:
            return options[field].get(value, str(value))
        return edit_state.plain(field, value)

    return display


def interview_form(
    journal: Journal,
    company_names: list[str],
    now: datetime,
    *,
    name: str,
    existing: Interview | None = None,
    on_saved: Callable[[], None] = lambda: None,
) -> int | None:
    """Draw the add/edit interview form; return the interview id once saved.

    `company_names` are offered in the company box (the recent ones: any other is
    found when its name is typed). An edit is checked against what another tab saved
    since the form was drawn (coach_ui.edit_state); `on_saved` runs once it is saved."""
    names = list(company_names)
    if existing and existing.company not in names:
        names.append(existing.company)
    default_when = existing.scheduled_at.astimezone(now.tzinfo) if existing else None
    form_key = _form_key(name)
    keyed = _keyed(form_key)
    read = (
        edit_state.form_base(form_key, interview_store.interview_values(existing))
        if existing
        else None
    )
    with st.form(form_key, border=existing is not None, enter_to_submit=False):
        # Half the form each: the kind's three choices read whole at 1,000 px, in Chinese too.
        company_col, kind_col = st.columns(2)
        company_name = company_col.selectbox(
            _("Company"),
            names,
            index=names.index(existing.company) if existing else None,
            accept_new_options=True,
            placeholder=_("Choose, or type a new company"),
            help=_("Type a name that is not in the list to add a new company."),
            **keyed("company"),
        )
        new_kind = kind_col.segmented_control(
            _("Kind, if the company is new"),
            list(vocabulary.COMPANY_KINDS),
            format_func=vocabulary.COMPANY_KINDS.get,
            default="undecided",
            help=_(STRATEGY),
            **keyed("new_kind"),
        )
        role_col, round_col = st.columns(2)
        role = role_col.text_input(
            _("Role"),
            value=existing.role if existing else "",
            placeholder=_("e.g. Data analyst"),
            **keyed("role"),
        )
        round_ = round_col.text_input(
            _("Round"),
            value=existing.round if existing else "",
            placeholder=_("e.g. First round"),
            **keyed("round"),
        )
        date_col, time_col, format_col = st.columns(3)
        day = date_col.date_input(
            _("Date"),
            value=default_when.date() if default_when else now.date() + timedelta(days=1),
            **ANY_DATE,
            **keyed("day"),
        )
        at = time_col.time_input(
            _("Time"),
            value=default_when.time() if default_when else time(10, 0),
            step=900,
            **keyed("time"),
        )
        formats = list(vocabulary.INTERVIEW_FORMATS)
        interview_format = format_col.selectbox(
            _("Format"),
            formats,
            index=formats.index(existing.format) if existing else 1,
            format_func=vocabulary.INTERVIEW_FORMATS.get,
            **keyed("format"),
        )
        person_col, outcome_col = st.columns(2)
        interviewer = person_col.text_input(
            _("Interviewer"),
            value=existing.interviewer if existing else "",
            placeholder=_("Name and title, if you know them"),
            **keyed("interviewer"),
        )
        outcomes = list(vocabulary.OUTCOMES)
        outcome = outcome_col.selectbox(
            _("Outcome"),
            outcomes,
            index=outcomes.index(existing.outcome) if existing else 0,
            format_func=vocabulary.OUTCOMES.get,
            **keyed("outcome"),
        )
        notes = st.text_area(
            _("Notes"), value=existing.notes if existing else "", height=80, **keyed("notes")
        )
        label = _("Save changes") if existing else _("Add interview")
        submitted = st.form_submit_button(label, type="primary", icon=":material/save:")
    if not submitted:
        edit_state.show_clash(form_key)
        return None
    if not company_name:
        st.error(_("Choose a company, or type the name of a new one."))
        return None
    try:
        if existing and company_name == existing.company:
            company_id = existing.company_id
        else:  # an existing company (any case) is found; a new name is added
            company_id = company_store.find_or_add_company(journal, company_name, new_kind)
        fields = InterviewFields(
            company_id=company_id,
            scheduled_at=datetime.combine(day, at, tzinfo=now.tzinfo),
            role=role,
            round=round_,
            format=interview_format,
            interviewer=interviewer,
            outcome=outcome,
            notes=notes,
        )
        if existing:
            return _checked_edit(
                name,
                form_key,
                lambda read: (
                    interview_store.update_interview(journal, existing.id, fields, read=read)
                    or existing.id
                ),
                read,
                on_saved,
                display=_interview_display(journal),
            )
        interview_id = interview_store.add_interview(journal, fields)
    except JournalError as error:
        failures.show(error)
        return None
    _reset(name)
    return interview_id


def company_form(
    journal: Journal,
    *,
    name: str,
    existing: Company | None = None,
    on_saved: Callable[[], None] = lambda: None,
) -> int | None:
    """Draw the add/edit company form; return the company id once saved.

    An edit is checked as in `interview_form`."""
    kinds = list(vocabulary.COMPANY_KINDS)
    form_key = _form_key(name)
    keyed = _keyed(form_key)
    read = (
        edit_state.form_base(
            form_key, {"name": existing.name, "kind": existing.kind, "notes": existing.notes}
        )
        if existing
        else None
    )
    with st.form(form_key, border=existing is not None, enter_to_submit=True):
        name_col, kind_col = st.columns(2)
        company_name = name_col.text_input(
            _("Name"), value=existing.name if existing else "", **keyed("name")
        )
        kind = kind_col.segmented_control(
            _("Kind"),
            kinds,
            format_func=vocabulary.COMPANY_KINDS.get,
            default=existing.kind if existing else "undecided",
            **keyed("kind"),
        )
        st.caption(_(STRATEGY))
        notes = st.text_area(
            _("Notes"),
            value=existing.notes if existing else "",
            height=80,
            placeholder=_("Why this company, who you know there, what you have heard…"),
            **keyed("notes"),
        )
        label = _("Save changes") if existing else _("Add company")
        submitted = st.form_submit_button(label, type="primary", icon=":material/save:")
    if not submitted:
        edit_state.show_clash(form_key)
        return None
    try:
        if existing:
            return _checked_edit(
                name,
                form_key,
                lambda read: (
                    company_store.update_company(
                        journal, existing.id, company_name, kind or "undecided", notes, read=read
                    )
                    or existing.id
                ),
                read,
                on_saved,
                display=lambda field, v: (
                    vocabulary.COMPANY_KINDS.get(v, v)
                    if field == "kind"
                    else edit_state.plain(field, v)
                ),
            )
        else:
            company_id = company_store.add_company(
                journal, company_name, kind or "undecided", notes
            )
    except JournalError as error:
        failures.show(error)
        return None
    _reset(name)
    return company_id
