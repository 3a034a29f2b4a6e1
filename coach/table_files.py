"""Every journal table as a CSV or Parquet file, together in one zip archive.

For use in a spreadsheet or a notebook; the JSON export (coach.transfer) is the one
to re-import.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import duckdb

from coach.transfer import TABLES, _primary_key

FORMATS = {"csv": "(FORMAT csv, HEADER true)", "parquet": "(FORMAT parquet)"}


def tables_zip(cur: duckdb.DuckDBPyConnection, file_format: str) -> bytes:
    """A zip holding one `<table>.<format>` file per journal table."""
    if file_format not in FORMATS:
        raise ValueError(f"Unknown table file format {file_format!r}; use csv or parquet.")
    options = FORMATS[file_format]
    buffer = io.BytesIO()
    with (
        tempfile.TemporaryDirectory(prefix="coach-export-") as folder,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for table in TABLES:
            target = Path(folder) / f"{table}.{file_format}"
            order = ", ".join(_primary_key(table))
            # Table names and options are fixed above; the path is ours, quoted for SQL.
            quoted = str(target).replace("'", "''")
            cur.execute(
                f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{quoted}' {options}"  # noqa: S608
            )
            archive.write(target, arcname=target.name)
    return buffer.getvalue()
