"""The frame every page starts with: page config, journal, sidebar, sample banner.

Why every page calls `start` itself instead of relying on streamlit_app.py: with a
`pages/` folder next to the entry script, Streamlit runs a page file *without* the
entry script when a freshly started server's first visit is a deep link (and in
AppTest reruns). Drawing the frame in each page keeps every page identical however it
is reached; the sidebar is our own `st.page_link` list, and Streamlit's automatic one
is hidden (`client.showSidebarNavigation = false`), so both modes show the same links.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import duckdb
import streamlit as st

from coach import db, i18n
from coach.days import candidate_zone, unknown_zone
from coach.errors import JournalError
from coach.i18n import _
from coach.text import md
from coach_ui import failures, language, preload
from coach_ui.pages import PAGES, page
from coach_ui.server import warm_up

T = TypeVar("T")

# Layout that holds in any language. Streamlit draws a metric's label and a button's
# label on one line, cut off with an ellipsis when the column is narrow: a Chinese
# label has no spaces and is longer than its English in a narrow column (at 1,000 px,
# "距下一场目标…" on Home, "Next: 问题与…" in the review, a streak of "0 d…" days on
# Practice). Wrapped, they read whole.
# No web font: the system's own CJK font draws Chinese (the theme's font is "sans-serif").
LAYOUT_CSS = """<style>
[data-testid="stMetricLabel"] .stMarkdownEllipsis,
[data-testid="stMetricLabel"] .stMarkdownEllipsis p,
[data-testid="stMetricValue"] .stMarkdownEllipsis,
[data-testid="stMetricValue"] .stMarkdownEllipsis p,
[data-testid^="stBaseButton"] .stMarkdownEllipsis,
[data-testid^="stBaseButton"] .stMarkdownEllipsis p {
  white-space: normal;
  overflow: visible;
  text-overflow: clip;
}
/* The review's "Just had an interview?" form sits in a side column: narrower than 300 px
   (a 1,000-1,200 px window), its paired fields go one under the other, not cut to
   "e.g. Da". */
.st-key-review_spot { container-type: inline-size; }
@container (max-width: 300px) {
  .st-key-review_spot [data-testid="stHorizontalBlock"] { flex-direction: column; }
  .st-key-review_spot [data-testid="stColumn"] { width: 100%; flex: 1 1 auto; }
}
</style>"""
SAMPLE = "sample"
_JOURNAL_KEY = "coach_journal"


@dataclass(frozen=True)
class PageContext:
    journal: db.Journal
    cur: duckdb.DuckDBPyConnection
    now: datetime  # aware, in the candidate's own time zone

    @property
    def minute(self) -> datetime:
        """`now` to the minute: what a remembered read is given, so it is kept a minute."""
        return self.now.replace(second=0, microsecond=0)

    def remember(self, read: Callable[..., T], *args, **kwargs) -> T:
        """`read(cursor, *args, **kwargs)` as of the last write (see Journal.remember)."""
        return self.journal.remember(read, *args, **kwargs)


def start(key: str) -> PageContext:
    """Draw the frame for page `key` and hand the page its journal cursor and 'now'."""
    spec = page(key)
    warm_up.after_first_page()
    now = now_here()
    journal = _open_selected_journal(now)
    keeper = _language_keeper(journal)
    # The language first: the page's own title is said in it.
    language.choose(keeper.cursor())
    st.set_page_config(
        page_title=_("{page} · Interview Coach").format(page=spec.title),
        page_icon="🎯",  # an emoji: a Material icon favicon fetches a web font
        layout="wide",
    )
    st.html(LAYOUT_CSS)
    is_sample = journal.is_sample  # a query: asked once per run
    _sidebar(journal, keeper, is_sample=is_sample)
    if is_sample:
        # When COACH_DB itself names a sample there is no other journal to go back to.
        _sample_banner(can_leave=using_sample())
    return PageContext(journal=journal, cur=journal.cursor(), now=now)


def now_here() -> datetime:
    """The clock, in the candidate's time zone (coach.days.candidate_zone). Only the UI
    reads it; the domain is handed it."""
    return datetime.now(candidate_zone())


def using_sample() -> bool:
    # The query parameter keeps the choice across a browser refresh; session state
    # keeps it across page links, which drop query parameters.
    if st.query_params.get("journal") == SAMPLE:
        st.session_state[_JOURNAL_KEY] = SAMPLE
    chosen = st.session_state.get(_JOURNAL_KEY) == SAMPLE
    if chosen and st.query_params.get("journal") != SAMPLE:
        st.query_params["journal"] = SAMPLE
    return chosen


def open_sample(now: datetime) -> None:
    """Switch this browser session to the sample journal, in the language in use.

    There is one sample file, rewritten when the one on disk is in another language (or
    missing): a sample per language would need the session to remember which one it
    explores across a refresh, and the frame opens the sample by its path alone. The
    sample is made-up data, so rewriting it loses nothing of the candidate's.
    """
    from coach import sample  # deferred: only a click, or a missing file, needs it

    path = db.sample_database()
    lang = i18n.current()
    stale = False
    if Path(path).exists():
        try:
            journal = db.open_journal(path)
        except JournalError:
            journal = None  # locked or not a journal: opening it next says so
        # A file that is not a sample is left alone: opening it explains why it was not.
        stale = journal is not None and journal.is_sample
        stale = stale and sample.sample_language(journal) != lang
        if stale:
            db.close_journal(path)  # this process lets go of the file before it is replaced
    if stale or not Path(path).exists():
        with st.spinner(_("Writing the sample journal…")):
            sample.write_sample(path, now, lang=lang)
    st.session_state[_JOURNAL_KEY] = SAMPLE
    st.query_params["journal"] = SAMPLE


def leave_sample() -> None:
    st.session_state[_JOURNAL_KEY] = "own"
    st.query_params.pop("journal", None)


def _open_selected_journal(now: datetime) -> db.Journal:
    if using_sample():
        try:
            if not Path(db.sample_database()).exists():
                open_sample(now)
            journal = db.open_journal(db.sample_database())
            if journal.is_sample:
                return journal
            error = _("{path} is not a sample journal, so it was not opened.").format(
                path=db.sample_database()
            )
        except JournalError as failure:
            error = str(failure)
        leave_sample()
        st.error(
            _("Could not open the sample journal. {error} Showing your own journal.").format(
                error=md(error)
            )
        )
    try:
        return db.open_journal()
    except JournalError as failure:
        st.title(_("Interview Coach"))
        failures.show(failure)
        st.caption(_("Journal: {path}").format(path=md(db.default_database())))
        st.stop()
        raise  # st.stop() raises; this keeps type checkers and readers sure of it


def _language_keeper(journal: db.Journal) -> db.Journal:
    """The journal that keeps the language: the candidate's own, even while they explore
    the sample, so opening it or going back does not switch the language under them.
    (When COACH_DB names the sample itself, or the own journal cannot be opened, the
    open journal keeps it.)"""
    if not using_sample():
        return journal
    try:
        return db.open_journal()
    except JournalError:
        return journal


def _sidebar(journal: db.Journal, keeper: db.Journal, *, is_sample: bool) -> None:
    with st.sidebar:
        st.markdown("### :material/record_voice_over: " + _("Interview Coach"))
        for spec in PAGES:
            st.page_link(spec.path, label=spec.title, icon=spec.icon)
        st.divider()
        language.selector(keeper)
        where = _("Sample journal: {path}") if is_sample else _("Your journal: {path}")
        st.caption(where.format(path=md(journal.database)))
        problem = unknown_zone()
        if problem:
            st.warning(md(problem), icon=":material/schedule:")
        preload.draw()  # last: it shows nothing, and waits for the page to be drawn


def _sample_banner(*, can_leave: bool) -> None:
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(
            ":orange-badge[:material/science: "
            + _("Sample journal")
            + "] "
            + _("You are exploring made-up data. Nothing you do here touches your own journal.")
        )
        if can_leave and right.button(
            _("Back to my journal"), key="frame_leave_sample", width="stretch"
        ):
            leave_sample()
            st.rerun()
