"""Backups on *Your data*: the copies kept, a failed backup, backing up and restoring.

A failed backup is also shown on Home (`failure_notice`): a daily backup fails in the
background, where no error would otherwise reach the candidate.
"""

from __future__ import annotations

import streamlit as st

from coach import backups, db, failures, restore
from coach.errors import JournalError
from coach.i18n import _, ngettext
from coach.text import md, md_line
from coach_ui.formatting import when
from coach_ui.frame import PageContext

CONFIRM = "data_restore_confirm"  # the backup path awaiting "Restore" or "Cancel"
RESTORED = "data_restored"  # the message of the last restore, shown once


def failure_notice(ctx: PageContext) -> None:
    """The last failed backup, with its reason, until a backup succeeds."""
    if not db.is_file_database(ctx.journal.database):
        return
    failure = ctx.journal.backup_failure()
    if failure is None:
        return
    headline = _("**The {kind} backup of {moment} failed.**").format(
        kind=md(failure.kind()), moment=when(failure.at, ctx.now)
    )
    # Said again in the language in use; a folder's name may hold Markdown characters.
    st.error(f"{headline} {md(failure.sentence())}", icon=":material/backup:")


def section(ctx: PageContext) -> None:
    journal = ctx.journal
    st.subheader(_("Backups"))
    if not db.is_file_database(journal.database):
        st.info(_("This journal is not a file on disk, so it has no backup copies."))
        return
    if message := st.session_state.pop(RESTORED, None):
        st.success(md(message), icon=":material/settings_backup_restore:")
    st.markdown(
        _(
            "A copy is kept on the first open of each day (the newest seven), before any "
            "upgrade of the journal's format, and before a restore replaces the journal."
        )
    )
    if st.button(_("Back up now"), icon=":material/backup:", key="data_backup_now"):
        try:
            made = journal.backup(now=ctx.now)
        except JournalError:
            pass  # recorded: failure_notice below says what and why
        else:
            st.toast(_("Backed up to {name}").format(name=md(made.name)), icon=":material/check:")
    failure_notice(ctx)
    found = backups.list_backups(journal.database)
    if not found:
        st.caption(_("No backups yet."))
        return
    ahead = backups.future_dated(journal.database, ctx.now)
    if ahead:
        st.info(
            ngettext(
                "{n} backup is dated after now: the computer's clock was ahead when it was "
                "made. It is kept, and not counted among the seven daily copies, so newer "
                "copies are never deleted to make room for it.",
                "{n} backups are dated after now: the computer's clock was ahead when they "
                "were made. They are kept, and not counted among the seven daily copies, so "
                "newer copies are never deleted to make room for them.",
                len(ahead),
            ).format(n=len(ahead)),
            icon=":material/schedule:",
        )
    # A Markdown table, not st.dataframe: a first visit to this page would otherwise
    # wait for pandas and pyarrow to load (about a second on a busy machine).
    header = _("| Taken | Kind | Size (MB) | File |")
    st.markdown(
        f"{header}\n|---|---|--:|---|\n"
        + "\n".join(
            f"| {md_line(when(b.taken_at, ctx.now))} | {md_line(backups.kind_label(b.reason))} | "
            f"{b.path.stat().st_size / 1e6:.2f} | {md_line(str(b.path))} |"
            for b in found
        )
    )
    restore_form(ctx, found)


def restore_form(ctx: PageContext, found: list[backups.Backup]) -> None:
    database = ctx.journal.database
    st.markdown(_("**Restore a backup**"))
    by_path = {str(b.path): b for b in found}
    chosen = st.selectbox(
        _("Backup to restore"),
        list(by_path),
        format_func=lambda p: (
            f"{when(by_path[p].taken_at, ctx.now)} · {backups.kind_label(by_path[p].reason)}"
        ),
        key="data_restore_choice",
    )
    st.caption(_("Or from a terminal, with the app stopped:"))
    st.code(
        failures.restore_command(by_path[chosen].path, database), language="bash", wrap_lines=True
    )
    if st.session_state.get(CONFIRM) != chosen:
        if st.button(
            _("Restore this backup…"),
            icon=":material/settings_backup_restore:",
            key="data_restore_start",
        ):
            st.session_state[CONFIRM] = chosen
            st.rerun()
        return
    backup = by_path[chosen]
    st.warning(
        _(
            "Replace your journal with the copy of {moment}? What you saved since then is "
            "not in that copy. Your journal as it is now is kept as a backup first, so you "
            "can restore it again."
        ).format(moment=when(backup.taken_at, ctx.now)),
        icon=":material/warning:",
    )
    yes, no, _rest = st.columns([1, 1, 4])
    if no.button(_("Cancel"), key="data_restore_cancel"):
        st.session_state.pop(CONFIRM, None)
        st.rerun()
    if yes.button(_("Restore"), type="primary", key="data_restore_yes"):
        st.session_state.pop(CONFIRM, None)
        try:
            with st.spinner(_("Restoring…")), db.closed_for_replacement(database):
                restored = restore.restore(database, backup.path, now=ctx.now)
        except JournalError as error:
            st.error(md(str(error)), icon=":material/error:")
            return
        st.session_state[RESTORED] = restored.describe(database)
        st.rerun()
