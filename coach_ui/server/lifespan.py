"""The app server's lifespan (serve.py): warm up as it starts, close the journal as it stops.

uvicorn runs the end of the lifespan when it stops gracefully: on Ctrl+C, on SIGTERM,
and on SIGHUP, which coach_ui.server.launch turns into SIGTERM. Closing the journal there
checkpoints it, so the file alone holds every write (docs/durability.md). uvicorn then
re-raises SIGTERM, which ends the process before Python's exit hooks would run.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from coach import db
from coach_ui.server import warm_up


@asynccontextmanager
async def lifespan(app) -> AsyncIterator[None]:
    async with warm_up.lifespan(app):
        try:
            yield
        finally:
            db.close_all()
