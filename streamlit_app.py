"""Entry point: navigation over the pages; nothing else.

Each page draws its own frame (coach_ui.frame.start), so it looks and behaves the
same when Streamlit runs it without this script (a deep link on a fresh server).
"""

import streamlit as st

from coach_ui.pages import PAGES

st.navigation(
    [
        st.Page(p.path, title=p.title, icon=p.icon, url_path=p.url_path, default=p.default)
        for p in PAGES
    ],
    position="hidden",
).run()
