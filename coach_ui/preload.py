"""Streamlit's JavaScript for the other pages' widgets, fetched while the candidate reads
the first page.

Streamlit's browser code loads each kind of element the first time a page draws one (a
text area, a date input, a file uploader…): 5 to 20 files, fetched, compiled and run
while the click that opened the page waits. Measured on the heavy journal, that was most
of what a page's first visit cost beyond a later one (Your data 213 ms, 140 with its
files loaded beforehand; the review 266 ms, 194).

So every page ends its sidebar with a small script that, once the page's run has ended
and the browser is idle, imports those files. A module is loaded once per URL, so when
a page later draws its first text area Streamlit finds the code already there. The
files are Streamlit's own, served by this app: nothing is asked of any other host.

The names are those of the modules that draw the element kinds the app's pages use
(tests/test_preload.py checks each against the installed Streamlit, whose file names
carry a hash that changes with every release; tests/browser/test_preload_e2e.py that no
page fetches any other). The data grid (half a megabyte, only in the card browser and
the import previews) and the chart library (Insights' chart sections) are left to load
when needed.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import streamlit as st

# Streamlit's browser modules by name (each file is NAME.HASH.js): the element kinds the
# pages draw, most likely needed first (the review, practice, insights, data pages').
MODULES = (
    "TextInput",
    "DateInput",
    "TimeInput",
    "ButtonGroup",  # segmented controls and pills
    "TextArea",
    "Checkbox",  # checkboxes and toggles
    "AudioInput",
    "wavesurfer.esm",  # the audio input's recorder: it loads these once drawn
    "record.esm",
    "Audio",
    "DownloadButton",
    "FileUploader",
    "StreamlitSyntaxHighlighter",  # st.code
    "Metric",
    "Selectbox",
    "PageLink",
    "Radio",
    "NumberInput",
    "Slider",
    "Toast",
)
# Where the installed Streamlit keeps its browser code, each file named NAME.HASH.js.
SCRIPTS = Path(st.__file__).parent / "static" / "static" / "js"
# Once the page's run has ended (the first run of a fresh server takes a while, and the
# server answers these requests too) and the browser is idle; once per browser tab. The
# files are found beside Streamlit's own entry script, wherever the app is served.
_SCRIPT = """<script>
(() => {
  if (window.coachPreloaded) return;
  window.coachPreloaded = true;
  const files = %s;
  const entry = document.querySelector('script[type="module"][src*="/static/js/index."]');
  const base = entry ? entry.src : new URL("static/js/", document.baseURI).href;
  const load = () => files.forEach((file) => import(new URL(file, base).href).catch(() => {}));
  const app = () => document.querySelector('[data-testid="stApp"]');
  const drawn = () => app() && app().dataset.testScriptState === "notRunning";
  let waited = 0;
  const when = () => {
    if (drawn() || waited >= 10000) return requestIdleCallback(load, { timeout: 2000 });
    waited += 250;
    setTimeout(when, 250);
  };
  setTimeout(when, 250);
})();
</script>"""


def chunk_file(name: str, folder: Path = SCRIPTS) -> str | None:
    """The file of Streamlit's browser module `name`, or None unless exactly one has it."""
    pattern = re.compile(re.escape(name) + r"\.[A-Za-z0-9_-]{8}\.js")
    found = [path.name for path in folder.glob(f"{name}.*.js") if pattern.fullmatch(path.name)]
    return found[0] if len(found) == 1 else None


@functools.cache
def chunk_files() -> tuple[str, ...]:
    """Each module's file, in MODULES order; a module without one is left out (a
    Streamlit release that renamed it: the page then loads it when needed)."""
    return tuple(file for name in MODULES if (file := chunk_file(name)) is not None)


def script() -> str:
    return _SCRIPT % json.dumps(list(chunk_files()))


def draw() -> None:
    """The preloading script, as an element of its own (it shows nothing)."""
    st.html(script(), unsafe_allow_javascript=True)
