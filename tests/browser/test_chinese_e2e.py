"""In Chinese, in a real browser: the language chosen in the sidebar, then Home → a review
step → Practice → Insights, each in Chinese, with nothing cut off or overflowing at
1,400 and 1,000 px wide. Screenshots of every page at both widths go to
artifacts/chinese/ to be looked at.

The text anchors are the words this area translates (the sidebar, the page titles, Home);
the other areas' pages bring their own.
"""

from __future__ import annotations

from playwright.sync_api import expect

from coach import db
from tests.bilingual import bilingual_journal
from tests.browser.conftest import ARTIFACTS

WIDTHS = (1400, 1000)
SHOTS = "chinese"

# Whatever a candidate reads in a box: buttons, metrics, table cells, the review stepper,
# the sidebar's links, badges and tabs. An element (or a child of it) whose content is
# wider than its box either spills out or is cut off (an ellipsis, overflow: hidden).
OVERFLOWING = """
() => {
  const boxes = [
    'button', '[data-testid="stMetric"]', 'td', 'th', '[data-testid="stButtonGroup"]',
    '[data-testid="stPageLink"]', '[data-baseweb="tab"]',
  ];
  const found = [];
  for (const box of document.querySelectorAll(boxes.join(','))) {
    if (!box.checkVisibility()) continue;  // hidden: nothing to read
    for (const el of [box, ...box.querySelectorAll('*')]) {
      if (!el.clientWidth || el.closest('[data-testid="stTooltipIcon"]')) continue;
      if (el.tagName === 'svg' || el.tagName === 'INPUT') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const text = (el.innerText || el.textContent || '').trim().slice(0, 60);
        found.push(`${box.tagName.toLowerCase()}[${box.dataset.testid || ''}] `
          + `${el.scrollWidth}>${el.clientWidth}: ${text}`);
        break;
      }
    }
  }
  return found;
}
"""


def look_at(page, name: str) -> None:
    """At each width: nothing overflows its box; a screenshot of the whole page."""
    folder = ARTIFACTS / SHOTS
    folder.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(400)  # the layout follows the new width
        page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        assert page.evaluate(OVERFLOWING) == [], f"{name} at {width} px"


def go(page, click_until, label: str, title: str) -> None:
    """Open a page from the sidebar's links, by its Chinese name."""
    link = page.get_by_test_id("stSidebar").get_by_role("link", name=label)
    click_until(page, link, page.get_by_test_id("stMain").locator("h1").first)
    expect(page).to_have_title(f"{title} · 面试教练")


def test_a_chinese_candidate_walks_home_review_practice_and_insights_in_chinese(
    app_server, page, wait_for_app, click_until, settled, tmp_path
):
    path = tmp_path / "journal.duckdb"
    bilingual_journal(path)
    db.close_journal(str(path))
    server = app_server(db_path=path)

    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(server.url + "/")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    sidebar = page.get_by_test_id("stSidebar")
    expect(main.locator("h1", has_text="What to do next")).to_be_visible()

    # The choice, in the sidebar: each language is named in its own language.
    settled(page)
    sidebar.get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="简体中文").click()
    expect(main.locator("h1", has_text="接下来做什么")).to_be_visible()
    expect(page).to_have_title("首页 · 面试教练")
    for label in ("首页", "面试", "引导复盘", "练习", "洞察", "你的数据"):
        expect(sidebar.get_by_role("link", name=label)).to_be_visible()
    expect(main.get_by_text("待复盘的面试")).to_be_visible()
    expect(main.get_by_text("即将到来", exact=True)).to_be_visible()
    expect(main.get_by_text("3 天后").first).to_be_visible()
    look_at(page, "home")

    # A review step: the Chinese interview waits for its review.
    page.set_viewport_size({"width": 1400, "height": 900})
    start = main.locator(".st-key-home_review_1 button")
    click_until(page, start, main.get_by_test_id("stButtonGroup").first)
    expect(page).to_have_title("引导复盘 · 面试教练")
    expect(main.get_by_text("字节跳动").first).to_be_visible()
    look_at(page, "review")

    page.set_viewport_size({"width": 1400, "height": 900})
    go(page, click_until, "练习", "练习")
    look_at(page, "practice")

    page.set_viewport_size({"width": 1400, "height": 900})
    go(page, click_until, "洞察", "洞察")
    look_at(page, "insights")

    # The other pages, to be looked at too.
    for label in ("面试", "你的数据"):
        page.set_viewport_size({"width": 1400, "height": 900})
        go(page, click_until, label, label)
        look_at(page, {"面试": "interviews", "你的数据": "data"}[label])

    # The choice is the journal's: a new tab opens in Chinese.
    other = page.context.new_page()
    other.goto(server.url + "/")
    wait_for_app(other)
    expect(other.get_by_test_id("stMain").locator("h1", has_text="接下来做什么")).to_be_visible()
    other.close()
