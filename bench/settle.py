"""Timing a click in the browser itself: from the click to the settled page.

"Settled" is the issue's definition: a script run that started after the click has
finished (Streamlit's script state back to `notRunning`), what the click should show is
on the page, and the next animation frame has been painted. Both ends are read from the
page's own clock (`performance.now()`), so Playwright's round trips are not counted.

Why a run counter and not the script state alone: after a click the state turns
`running` only 30-300 ms later (docs FACTS), so a page that is `notRunning` right after a
click has usually not started yet. A MutationObserver counts the runs that *finished*
(the attribute leaving `running`), which no later poll can miss.
"""

from __future__ import annotations

from collections.abc import Sequence

# Installed in every page of a bench browser context before Streamlit's own scripts.
INIT_SCRIPT = """
window.__benchFinished = 0;
window.__benchArmed = false;
window.__benchClickedAt = null;
// Only the first click after arming: a download button clicks a link of its own.
addEventListener('click', () => {
  if (window.__benchArmed) {
    window.__benchClickedAt = performance.now();
    window.__benchArmed = false;
  }
}, true);
new MutationObserver((records) => {
  for (const record of records) {
    if (record.oldValue === 'running') window.__benchFinished += 1;
  }
}).observe(document, {
  subtree: true, attributes: true, attributeOldValue: true,
  attributeFilter: ['data-test-script-state'],
});
"""

_ARM = "() => { window.__benchArmed = true; return window.__benchFinished; }"

_SETTLE = """
async ({before, have, lack, timeout}) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const shown = ([selector, text]) => [...document.querySelectorAll(selector)]
    .some((node) => text === null || node.innerText.includes(text));
  const deadline = performance.now() + timeout;
  for (;;) {
    const app = document.querySelector('[data-testid="stApp"]');
    if (app && app.dataset.testScriptState === 'notRunning'
        && window.__benchFinished > before && window.__benchClickedAt !== null
        && have.every(shown) && !lack.some(shown)) break;
    if (performance.now() > deadline) {
      throw new Error('not settled: ' + JSON.stringify({
        finished: window.__benchFinished, before, have: have.map(shown),
        lack: lack.map(shown), state: app && app.dataset.testScriptState}));
    }
    await frame();
  }
  await frame();
  return performance.now() - window.__benchClickedAt;
}
"""

TIMEOUT_MS = 60_000
Expect = Sequence[tuple[str, str | None]]  # (CSS selector, text it contains, or None)


def heading(text: str | None = None) -> tuple[str, str | None]:
    return ('[data-testid="stMain"] h1', text)


def main_text(text: str) -> tuple[str, str | None]:
    return ('[data-testid="stMain"]', text)


def arm(page) -> int:
    """Get the page ready to time the next click; return its count of finished runs."""
    return page.evaluate(_ARM)


def until_settled(page, before: int, have: Expect = (), lack: Expect = ()) -> float:
    """Ms from the armed click to the settled page (see the module's docstring)."""
    return page.evaluate(
        _SETTLE,
        {"before": before, "have": [list(e) for e in have], "lack": [list(e) for e in lack],
         "timeout": TIMEOUT_MS},
    )  # fmt: skip


def timed_click(page, target, have: Expect = (), lack: Expect = ()) -> float:
    """Click the locator `target`; ms until the page has settled showing `have`, not `lack`."""
    # A tab in the background paints no frames (and runs timers once a second).
    page.bring_to_front()
    target.wait_for(state="visible", timeout=TIMEOUT_MS)
    before = arm(page)
    target.click()
    return until_settled(page, before, have, lack)
