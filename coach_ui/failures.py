"""Failures on a page: always a sentence that says what happened and what to do.

`show` draws an error the domain raised (a `JournalError`). `on_script_error` is the
app's last resort (st.App's hook, see serve.py): an error no page caught is shown as
its sentence when it is one we know (a full disk, a damaged journal), else as a plain
apology; the traceback goes to the terminal only (`client.showErrorDetails = "none"`).
"""

from __future__ import annotations

import streamlit as st

from coach import db, failures
from coach.errors import JournalCorrupt, JournalError
from coach.i18n import _
from coach.text import md


def show(error: JournalError) -> None:
    if isinstance(error, JournalCorrupt) and error.command:
        st.error(md(error.summary), icon=":material/error:")
        st.code(error.command, language="bash", wrap_lines=True)
        return
    st.error(md(str(error)), icon=":material/error:")


def on_script_error(error: Exception) -> bool:
    """Show `error` as a sentence; True tells Streamlit not to draw its own message."""
    explained = failures.explain(error, _database())
    if explained is None:  # Streamlit has logged it, with its traceback, to the terminal
        st.error(
            _(
                "Something went wrong on this page. Reload the page to carry on: what you "
                "saved before is in your journal. The details are in the terminal that runs "
                "Interview Coach."
            ),
            icon=":material/error:",
        )
        return True
    show(explained)
    return True


def _database() -> str:
    # The journal this browser session uses: the sample's when it is open (frame.py).
    from coach_ui import frame

    return db.sample_database() if frame.using_sample() else db.default_database()
