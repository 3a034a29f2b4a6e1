"""What `scripts/run` serves: the app of streamlit_app.py, warmed up as the server starts.

`streamlit run serve.py` finds `app` below and serves streamlit_app.py through it; its
lifespan imports what the pages import while the first browser is still loading
(coach_ui.server.warm_up), and closes the journal when the server stops
(coach_ui.server.lifespan). `streamlit run streamlit_app.py` serves the same app, only
colder.
"""

import streamlit as st

from coach_ui.server.lifespan import lifespan

app = st.App("streamlit_app.py", lifespan=lifespan)
