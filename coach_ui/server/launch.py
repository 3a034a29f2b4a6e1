"""`python -m coach_ui.server.launch ARGS`, what `coach app` and scripts/run start:
`streamlit run serve.py ARGS`, stopped by Ctrl+C without alarm, and by a closed terminal
(SIGHUP) as by `kill` (SIGTERM).

serve.py is found through app_root(), in the checkout or the installed package, and
Streamlit reads the `.streamlit/config.toml` beside it whatever the working folder.

Served through st.App (serve.py), Streamlit leaves signals to uvicorn, which stops the
server cleanly on Ctrl+C and then raises the interrupt again; Streamlit's command line
(click) reports that as "Aborted!" with exit status 1, as if something had gone wrong.
"""

from __future__ import annotations

import signal
import sys

import click
from streamlit.web import cli

from coach_ui.pages import app_root

SERVE = app_root() / "serve.py"


def _hang_up(signum, frame) -> None:
    # Closing the terminal (or logging out) sends SIGHUP, which would end the process
    # at once; as SIGTERM, uvicorn stops the server gracefully and the lifespan closes
    # the journal (coach_ui.server.lifespan).
    signal.raise_signal(signal.SIGTERM)


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGHUP, _hang_up)
    try:
        cli.main(["run", str(SERVE), *argv], prog_name="streamlit", standalone_mode=False)
    except click.Abort:
        print("  Stopped.", file=sys.stderr)
    except click.ClickException as error:  # a bad option: shown as streamlit shows it
        error.show()
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
