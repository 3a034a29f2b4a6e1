"""Entry point: navigation over the pages; nothing else.

Each page draws its own frame (coach_ui.frame.start), so it looks and behaves the
same when Streamlit runs it without this script (a deep link on a fresh server).

The pages carry no icon here: navigation is hidden (the sidebar's links are drawn by the
frame), so a page's icon would only become the tab's favicon, and a Material icon there
is fetched from a font host on the internet. The frame sets an emoji favicon instead.
"""

import streamlit as st

from coach_ui.pages import PAGES

st.navigation(
    [st.Page(p.path, title=p.title, url_path=p.url_path, default=p.default) for p in PAGES],
    position="hidden",
).run()
