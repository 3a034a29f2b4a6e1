"""The app's pages, in sidebar order. One list serves st.navigation and the sidebar."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from coach.i18n import N_, _


@functools.cache
def app_root() -> Path:
    """The folder of what Streamlit serves: streamlit_app.py, serve.py, pages/, .streamlit/.

    In a checkout (and an editable install of it) that is the repository itself; an
    installed wheel carries the same files in coach_ui/app/ (pyproject.toml,
    force-include). PageSpec.path is relative to it.
    """
    package = Path(__file__).resolve().parent
    packaged = package / "app"
    return packaged if (packaged / "streamlit_app.py").is_file() else package.parent


@dataclass(frozen=True)
class PageSpec:
    path: str  # relative to the repo root, as st.Page and st.page_link expect
    title_en: str  # marked with N_: translated each time it is read
    icon: str
    default: bool = False

    @property
    def title(self) -> str:
        """The page's name in the language in use."""
        return _(self.title_en)

    @property
    def url_path(self) -> str:
        # The file's stem: the same URL Streamlit gives the file when it runs the
        # pages/ folder directly (a deep link on a fresh server, see coach_ui.frame).
        return self.path.removeprefix("pages/").removesuffix(".py")


PAGES: list[PageSpec] = [
    PageSpec("pages/home.py", N_("Home"), ":material/home:", default=True),
    PageSpec("pages/interviews.py", N_("Interviews"), ":material/event:"),
    PageSpec("pages/review.py", N_("Guided review"), ":material/rate_review:"),
    PageSpec("pages/practice.py", N_("Practice"), ":material/exercise:"),
    PageSpec("pages/insights.py", N_("Insights"), ":material/insights:"),
    PageSpec("pages/data.py", N_("Your data"), ":material/database:"),
]


def page(key: str) -> PageSpec:
    """The page whose url_path is `key`."""
    return next(p for p in PAGES if p.url_path == key)
