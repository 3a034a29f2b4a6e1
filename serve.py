"""What `scripts/run` serves: the app of streamlit_app.py, for this computer only, warmed
up as the server starts.

`streamlit run serve.py` finds `app` below and serves streamlit_app.py through it:
- `LocalOnly` refuses requests addressed to any other host name and forbids framing
  (coach_ui.server.local_only);
- an error no page caught is shown as a sentence, never a traceback
  (coach_ui.failures.on_script_error);
- its lifespan imports what the pages import while the first browser is still loading
  (coach_ui.server.warm_up), and closes the journal when the server stops
  (coach_ui.server.lifespan).
`streamlit run streamlit_app.py` serves the same app, colder, and with only Streamlit's
own checks (`server.allowedHosts` for its WebSocket).
"""

import streamlit as st

from coach_ui.failures import on_script_error
from coach_ui.server.lifespan import lifespan
from coach_ui.server.local_only import MIDDLEWARE

app = st.App(
    "streamlit_app.py",
    lifespan=lifespan,
    middleware=MIDDLEWARE,
    on_script_error=on_script_error,
)
