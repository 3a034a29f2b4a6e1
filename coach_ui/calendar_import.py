"""*Your data*'s calendar import: an .ics file's events picked and confirmed as interviews.

The file is read when chosen; its events are shown in the candidate's zone (with the
invitation's own time beside it when it was written in another zone), those that look
like interviews ticked, each with its guessed company, role, round and format to
confirm or correct in the table. Nothing is stored until "Add"; the events read are
this session's UI flow only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

import streamlit as st

from coach import i18n, vocabulary, wording
from coach.calendars import importing
from coach.calendars.events import read_calendar
from coach.days import zone_name
from coach.errors import JournalError
from coach.i18n import _, ngettext
from coach.text import md, md_line
from coach_ui import failures
from coach_ui.frame import PageContext
from coach_ui.uninterrupted import uninterrupted

STATE = "data_calendar_import"
GENERATION = "data_calendar_generation"
ERROR = "data_calendar_error"
SHOW_ALL = "data_calendar_show_all"
DONE = "data_calendar_done"
UPLOAD_LIMIT_MB = 32


@dataclass
class _Reading:
    file_name: str
    offers: list[importing.Offer]
    generation: int = 0


def section(ctx: PageContext) -> None:
    st.subheader(_("Calendar"))
    st.markdown(
        _(
            "Add interviews from a calendar: an invitation's .ics attachment, or a whole "
            "calendar exported from Google, Outlook or Apple Calendar. You pick the events and "
            "confirm each company; times are shown in your time zone."
        )
    )
    if message := st.session_state.pop(DONE, None):
        st.success(md(message), icon=":material/event_available:")
    generation = st.session_state.setdefault(GENERATION, 0)
    key = f"data_calendar_upload_{generation}"
    st.file_uploader(
        _("Calendar file (.ics)"),
        key=key,
        max_upload_size=UPLOAD_LIMIT_MB,
        on_change=_read,
        args=(ctx, key),
    )
    if error := st.session_state.get(ERROR):
        st.error(md(error), icon=":material/error:")
    reading: _Reading | None = st.session_state.get(STATE)
    if reading is not None:
        _offers(ctx, reading)


@uninterrupted
def _read(ctx: PageContext, key: str) -> None:
    chosen = st.session_state.get(key)
    st.session_state.pop(ERROR, None)
    st.session_state.pop(STATE, None)
    if chosen is None:
        return
    cur = ctx.journal.cursor()
    try:
        events = read_calendar(chosen.getvalue(), zone=ctx.now.tzinfo)
        offers = importing.offers(cur, events)
    except JournalError as error:
        st.session_state[ERROR] = str(error)
        return
    finally:
        cur.close()
    st.session_state[STATE] = _Reading(chosen.name, offers)


def _when(offer: importing.Offer, zone: tzinfo) -> str:
    event = offer.event
    if event.all_day:
        return _("{day} (whole day)").format(day=wording.full_day(event.day))
    return wording.moment_text(offer.event.local_start(zone))


def _joined(parts: list[str]) -> str:
    # "3 look like interviews, 1 cancelled" as before in English; Chinese uses its comma.
    return ("，" if i18n.is_chinese() else ", ").join(parts)


def _offers(ctx: PageContext, reading: _Reading) -> None:
    offers = reading.offers
    counts = {status: sum(o.status == status for o in offers) for status in importing.STATUSES}
    picked = sum(o.picked for o in offers)
    found = ngettext("{n} event in {file}", "{n} events in {file}", len(offers)).format(
        n=wording.number(len(offers)), file=md_line(reading.file_name)
    )
    parts = [ngettext("{n} looks like interviews", "{n} look like interviews", picked)
             .format(n=wording.number(picked))]  # fmt: skip
    for status in ("here", "moved", "cancelled", "repeats"):
        if counts[status]:
            parts.append(importing.status_count(status, counts[status]))
    st.markdown(
        _("**{found}**: {details}.").format(
            found=found, details=("，" if i18n.is_chinese() else ", ").join(parts)
        )
    )
    show_all = st.toggle(
        _("Show every event"), key=SHOW_ALL, help=_("Otherwise only the events that look "
        "like interviews, and those already in your journal.")
    )  # fmt: skip
    # The zone itself, not today's offset: an invitation after a clock change shows at
    # its own local time (coach.days.candidate_zone gives ctx.now its zone).
    zone = ctx.now.tzinfo
    shown = [
        (index, offer)
        for index, offer in enumerate(offers)
        if show_all or offer.picked or offer.status in ("here", "moved")
    ]
    if not shown:
        st.info(
            _("No event looks like an interview. Turn on “Show every event” to pick one."),
            icon=":material/event_busy:",
        )
        _cancel()
        return
    # Imported here: only an invitation's preview needs pandas, not every visit to the page.
    import pandas as pd

    table = pd.DataFrame(
        {
            "import": [o.picked for _i, o in shown],
            "when": [_when(o, zone) for _i, o in shown],
            "zone": [o.event.as_written(zone) for _i, o in shown],
            "title": [o.event.title for _i, o in shown],
            "company": [o.guess.company for _i, o in shown],
            "role": [o.guess.role for _i, o in shown],
            "round": [o.guess.round for _i, o in shown],
            "format": [o.guess.format for _i, o in shown],
            "status": [_(importing.STATUSES[o.status]) for _i, o in shown],
            "why": [o.guess.company_reason for _i, o in shown],
        }
    )
    edited = st.data_editor(
        table,
        key=f"data_calendar_rows_{reading.generation}_{show_all}",
        hide_index=True,
        num_rows="fixed",
        disabled=["when", "zone", "title", "status", "why"],
        column_order=[
            "import",
            "when",
            "company",
            "title",
            "role",
            "round",
            "format",
            "zone",
            "status",
            "why",
        ],  # fmt: skip
        column_config={
            "import": st.column_config.CheckboxColumn(_("Add"), width="small"),
            "when": st.column_config.TextColumn(_("When ({zone})").format(zone=zone_name(zone))),
            "zone": st.column_config.TextColumn(
                _("As the invitation says"),
                help=_(
                    "The invitation's own time and zone, when it was written in another "
                    "zone than yours. “When” is that moment in your zone."
                ),
            ),
            "title": st.column_config.TextColumn(_("Event")),
            "company": st.column_config.TextColumn(
                _("Company"), help=_("Guessed: correct it if it is wrong."), max_chars=200
            ),
            "role": st.column_config.TextColumn(_("Role"), max_chars=200),
            "round": st.column_config.TextColumn(_("Round"), max_chars=200),
            "format": st.column_config.SelectboxColumn(
                _("Format"),
                options=list(vocabulary.INTERVIEW_FORMATS),
                format_func=vocabulary.INTERVIEW_FORMATS.get,
                required=True,
            ),
            "status": st.column_config.TextColumn(_("In your journal")),
            "why": st.column_config.TextColumn(_("Company guessed from")),
        },
    )
    picks = [
        importing.Pick(
            offers[index].event,
            _cell(row["company"]),
            _cell(row["role"]),
            _cell(row["round"]),
            row["format"] or "video",
        )
        for (index, _o), (_r, row) in zip(shown, edited.iterrows(), strict=True)
        if bool(row["import"])
    ]
    add, cancel = st.columns([3, 2])
    if add.button(
        ngettext("Add {n} interview", "Add {n} interviews", len(picks)).format(n=len(picks)),
        type="primary",
        icon=":material/event_available:",
        disabled=not picks,
        key="data_calendar_add",
    ):
        try:
            result = importing.import_picks(ctx.journal, picks, ctx.now)
        except JournalError as error:
            failures.show(error)
        else:
            st.session_state[DONE] = result.describe()
            _finish()
            st.rerun()
    with cancel:
        _cancel()


def _cell(value) -> str:
    import pandas as pd

    return "" if value is None or pd.isna(value) else str(value)


def _cancel() -> None:
    if st.button(_("Cancel"), key="data_calendar_cancel", icon=":material/close:"):
        _finish()
        st.rerun()


def _finish() -> None:
    st.session_state.pop(STATE, None)
    st.session_state.pop(ERROR, None)
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1
