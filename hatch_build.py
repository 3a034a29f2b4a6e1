"""Build hook: the wheel carries what Streamlit serves (coach_ui.pages.app_root() finds it).

The repository keeps streamlit_app.py, serve.py, pages/ and .streamlit/ at its top,
where `streamlit run` and the tests use them as they are. A wheel has no such place, so
they go into coach_ui/app/. Only into a real wheel: hatchling would copy force-included
files into an editable install too, where they would go stale beside the checkout's.
"""

from __future__ import annotations

from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

APP_FILES = {
    "streamlit_app.py": "coach_ui/app/streamlit_app.py",
    "serve.py": "coach_ui/app/serve.py",
    "pages": "coach_ui/app/pages",
    ".streamlit/config.toml": "coach_ui/app/.streamlit/config.toml",
}


class AppFilesHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"].update(APP_FILES)
