"""Streamlit's code for the other pages' widgets is fetched while the first page is read
(coach_ui.preload); the browser half is tests/browser/test_preload_e2e.py."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from coach_ui import preload
from coach_ui.pages import PAGES, app_root


def test_every_module_has_one_file_in_the_installed_streamlit():
    # A Streamlit release that renames one would quietly stop preloading it.
    assert [name for name in preload.MODULES if preload.chunk_file(name) is None] == []


def test_a_module_is_found_by_its_exact_name_and_only_when_one_file_has_it(tmp_path):
    for name in ("Metric.AbCd_-12.js", "TextArea.AAAAAAAA.js", "TextArea.BBBBBBBB.js",
                 "MetricHelp.CCCCCCCC.js", "Slider.js"):  # fmt: skip
        (tmp_path / name).write_text("")
    assert preload.chunk_file("Metric", tmp_path) == "Metric.AbCd_-12.js"
    assert preload.chunk_file("TextArea", tmp_path) is None  # two: which one is unknown
    assert preload.chunk_file("Slider", tmp_path) is None  # no hash: not Streamlit's
    assert preload.chunk_file("Radio", tmp_path) is None


def test_the_script_names_every_file_and_loads_them_once_per_tab():
    script = preload.script()
    assert script.startswith("<script>") and script.endswith("</script>")
    assert json.dumps(list(preload.chunk_files())) in script
    assert "if (window.coachPreloaded) return;" in script
    assert "requestIdleCallback" in script  # after the page is drawn, not while
    assert "notRunning" in script  # and its run has ended: a first run takes a while


def test_every_page_ends_its_sidebar_with_the_preloading_script(app_journal):
    at = AppTest.from_file(str(app_root() / "streamlit_app.py"), default_timeout=30).run()
    for spec in PAGES:
        at.switch_page(spec.path).run()
        assert not at.exception, spec.path
        last = list(at.sidebar)[-1]
        assert last.type == "html", spec.path
        assert last.proto.unsafe_allow_javascript, spec.path
        assert last.proto.body == preload.script(), spec.path
