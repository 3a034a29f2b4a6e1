"""Errors a person can act on: each message says what happened and what to do."""

from __future__ import annotations


class JournalError(Exception):
    """A problem with the journal; the message says how to resolve it."""


class JournalLocked(JournalError):
    """Another process holds the journal file."""


class JournalTooNew(JournalError):
    """The file was written by a newer version of Interview Coach."""


class NotAJournal(JournalError):
    """The file is a DuckDB database, but not an Interview Coach journal."""


class InvalidInput(JournalError):
    """Input that cannot be saved as given; nothing was written."""


class NotFound(JournalError):
    """The row asked for no longer exists (deleted in another tab, perhaps)."""


class BackupFailed(JournalError):
    """A backup copy could not be made; the journal itself is unchanged.

    `cause`, `folder` and `detail` say it again in another language (coach.backups.sentence).
    """

    def __init__(
        self, message: str, *, cause: str | None = None, folder: str = "", detail: str = ""
    ) -> None:
        super().__init__(message)
        self.cause, self.folder, self.detail = cause, folder, detail


class RestoreRefused(JournalError):
    """A backup was not restored; the journal is as it was."""


class JournalCorrupt(JournalError):
    """The journal file is damaged; the message names the newest backup to restore.

    `command` is the shell command that restores it (also at the end of the message),
    for a page to offer in a copyable block.
    """

    def __init__(self, message: str, command: str | None = None) -> None:
        super().__init__(f"{message} {command}" if command else message)
        self.summary = message
        self.command = command


class DiskFull(JournalError):
    """Nothing was saved: the disk holding the journal is full."""
