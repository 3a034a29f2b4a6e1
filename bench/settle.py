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

_SHOWN = """
  const shown = ([selector, text]) => [...document.querySelectorAll(selector)]
    .some((node) => text === null || node.innerText.includes(text));
  const expected = () => have.every(shown) && !lack.some(shown);
"""
_ARM = f"""({{have, lack}}) => {{
  {_SHOWN}
  window.__benchArmed = true;
  return [window.__benchFinished, expected()];
}}"""

# Rarely, React draws a short run's start and end in one go and the state is never seen
# `running`: then what the click shows, new since the click and drawn as `notRunning`
# for two frames in a row, settles it too.
_SETTLE = f"""
async ({{before, shownBefore, have, lack, timeout}}) => {{
  {_SHOWN}
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const deadline = performance.now() + timeout;
  let quiet = 0;
  for (;;) {{
    const app = document.querySelector('[data-testid="stApp"]');
    const idle = app && app.dataset.testScriptState === 'notRunning'
      && window.__benchClickedAt !== null && expected();
    quiet = idle ? quiet + 1 : 0;
    if (idle && (window.__benchFinished > before || (!shownBefore && quiet > 2))) break;
    if (performance.now() > deadline) {{
      throw new Error('not settled: ' + JSON.stringify({{
        finished: window.__benchFinished, before, have: have.map(shown),
        lack: lack.map(shown), state: app && app.dataset.testScriptState}}));
    }}
    await frame();
  }}
  await frame();
  return performance.now() - window.__benchClickedAt;
}}
"""

TIMEOUT_MS = 60_000
Expect = Sequence[tuple[str, str | None]]  # (CSS selector, text it contains, or None)


def heading(text: str | None = None) -> tuple[str, str | None]:
    return ('[data-testid="stMain"] h1', text)


def main_text(text: str) -> tuple[str, str | None]:
    return ('[data-testid="stMain"]', text)


def _expect(have: Expect, lack: Expect) -> dict:
    return {"have": [list(e) for e in have], "lack": [list(e) for e in lack]}


def arm(page, have: Expect = (), lack: Expect = ()) -> tuple[int, bool]:
    """Get the page ready to time the next click: its count of finished runs, and
    whether it shows already what the click should show."""
    finished, shown = page.evaluate(_ARM, _expect(have, lack))
    return finished, shown


def until_settled(page, armed: tuple[int, bool], have: Expect = (), lack: Expect = ()) -> float:
    """Ms from the armed click to the settled page (see the module's docstring)."""
    before, shown_before = armed
    return page.evaluate(
        _SETTLE,
        {"before": before, "shownBefore": shown_before, **_expect(have, lack),
         "timeout": TIMEOUT_MS},
    )  # fmt: skip


def timed_click(page, target, have: Expect = (), lack: Expect = ()) -> float:
    """Click the locator `target`; ms until the page has settled showing `have`, not `lack`."""
    # A tab in the background paints no frames (and runs timers once a second).
    page.bring_to_front()
    target.wait_for(state="visible", timeout=TIMEOUT_MS)
    armed = arm(page, have, lack)
    target.click()
    return until_settled(page, armed, have, lack)
