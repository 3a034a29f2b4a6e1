"""Your data: export, import, calendars, backups and restore of the journal."""

import streamlit as st

from coach import anki, report, table_files, transfer
from coach.calendars import exporting
from coach.errors import JournalError
from coach.i18n import _
from coach.text import md
from coach_ui import backups_section, calendar_import, failures, frame

ctx = frame.start("data")
journal = ctx.journal
stamp = f"{ctx.now:%Y-%m-%d}"

st.title(_("Your data"))
st.caption(
    _(
        "Your journal is one file on this computer. The app listens on this computer only "
        "(localhost), sends no usage statistics, and needs no account."
    )
)
st.markdown(_("**Journal:** {path}").format(path=md(journal.database)))

st.subheader(_("Export"))
st.markdown(
    _(
        "Files are made when you click. The JSON file holds everything and is the one to "
        "import again, here or on another computer."
    )
)
exports = [
    (
        _("Whole journal (JSON)"),
        lambda: transfer.export_json(journal.cursor(), now=ctx.now),
        f"interview-coach-{stamp}.json",
        "application/json",
        _("Everything, to re-import with nothing lost."),
    ),
    (
        _("Tables as CSV (zip)"),
        lambda: table_files.tables_zip(journal.cursor(), "csv"),
        f"interview-coach-{stamp}-csv.zip",
        "application/zip",
        _("One CSV file per table, for a spreadsheet."),
    ),
    (
        _("Tables as Parquet (zip)"),
        lambda: table_files.tables_zip(journal.cursor(), "parquet"),
        f"interview-coach-{stamp}-parquet.zip",
        "application/zip",
        _("One Parquet file per table, for a notebook."),
    ),
    (
        _("Interview reports"),
        lambda: report.reports_zip(journal.cursor(), ctx.now),
        f"interview-coach-{stamp}-reports.zip",
        "application/zip",
        _("Each reviewed interview as a Markdown report."),
    ),
    (
        _("Anki deck"),
        lambda: anki.anki_deck(journal.cursor()),
        f"interview-coach-{stamp}.apkg",
        "application/octet-stream",
        _("An Anki deck of your cards, to rehearse on a phone."),
    ),
    (
        _("Calendar (.ics)"),
        lambda: exporting.calendar_ics(journal.cursor(), ctx.now),
        f"interview-coach-{stamp}.ics",
        "text/calendar",
        _("Upcoming interviews, and the days to rehearse before each target interview."),
    ),
]
columns = st.columns(3) + st.columns(3)
for column, (label, make, file_name, mime, help_text) in zip(columns, exports, strict=False):
    with column.container(border=True, height="stretch"):
        st.markdown(f"**{label}**")
        st.caption(help_text)
        st.download_button(
            _("Download"),
            data=make,
            file_name=file_name,
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
            key=f"data_export_{file_name}",
        )

st.subheader(_("Import"))
st.markdown(
    _(
        "Merge a JSON export into this journal. The whole file is checked first; a file "
        "with any problem changes nothing. Rows already here are not added twice, every "
        "other row is added, and the summary says which and why."
    )
)
with st.form("data_import", border=False):
    upload = st.file_uploader(_("JSON export"), type=["json"], key="data_upload")
    submitted = st.form_submit_button(
        _("Check and import"), icon=":material/upload:", key="data_import_submit"
    )
if submitted:
    if upload is None:
        st.error(_("Choose a JSON export file first."))
    else:
        try:
            with st.spinner(_("Checking and importing…")):
                summary = transfer.import_json(journal, upload.getvalue())
        except JournalError as error:
            failures.show(error)
        else:
            st.success(summary.describe(), icon=":material/check:")

calendar_import.section(ctx)
backups_section.section(ctx)
