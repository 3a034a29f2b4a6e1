"""Exported Markdown shows the candidate's text as typed, in another program too.

The review reports and the readiness brief of a journal of hostile text
(tests/hostile.py) are rendered by markdown-it (CommonMark, GFM tables, strikethrough
and bare-link detection, as GitHub or an editor's preview would): every field reads
exactly as typed, and no image, link or bold HTML is made from it.
"""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from coach import db, readiness, report
from coach.text import md
from tests import hostile

PLACES = [
    "**x**",
    "![i](http://evil.test/i.png)",
    "$a$ and $b$",
    "--",
    "<b>b</b>",
    "[x](javascript:x)",
]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


def render(markdown: str) -> _Page:
    page = _Page()
    page.feed(MarkdownIt("gfm-like").render(markdown))
    return page


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, str]:
    path = tmp_path_factory.mktemp("hostile") / "journal.duckdb"
    now = datetime.now().astimezone()
    ids = hostile.build(path, now)
    journal = db.open_journal(str(path))
    cur = journal.cursor()
    try:
        brief = readiness.readiness_brief(cur, ids["upcoming"], now)
        return {
            "review report": report.to_markdown(report.load_report(cur, ids["interview"]), now),
            "readiness brief": readiness.brief_markdown(brief, now),
        }
    finally:
        cur.close()
        db.close_journal(str(path))


@pytest.mark.parametrize("document", ["review report", "readiness brief"])
def test_exported_markdown_shows_every_field_as_typed(exported, document):
    page = render(exported[document])
    text = "".join(page.text)
    assert hostile.OPEN in text
    assert hostile.shown_wrongly(text) == []
    assert not {"img", "a", "b", "script"} & set(page.tags)


@pytest.mark.parametrize("typed", PLACES)
def test_each_hostile_piece_alone_reads_back_as_typed(typed):
    for markdown in (md(typed), f"- {md(typed)}", f"| {md(typed)} |\n|---|", f"# {md(typed)}"):
        page = render(markdown)
        assert "".join(page.text).replace("\u2060", "").strip() == typed
        assert not {"img", "a", "b", "strong", "em", "code"} & set(page.tags)
