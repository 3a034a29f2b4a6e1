"""Streamlit glue shared by the pages: the frame every page starts with, and widgets.

The domain lives in `coach`, which never imports streamlit; this package is the thin
layer between the two.
"""
