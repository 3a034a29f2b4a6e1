"""The practice stopwatch counts in the browser itself: no script run a second."""

from __future__ import annotations

from coach_ui.stopwatch import RED, STYLE, stopwatch_html

# The stopwatch's minutes, seconds and its target's colour, as the browser computes them.
READ = """() => {
  const watch = document.querySelector('.coach-stopwatch');
  const style = getComputedStyle(watch);
  return {
    minutes: Number(style.getPropertyValue('--coach-minutes')),
    seconds: Number(style.getPropertyValue('--coach-seconds')),
    target: getComputedStyle(watch.querySelector('.coach-target')).color,
  };
}"""
RED_RGB = "rgb({}, {}, {})".format(*(int(RED[i : i + 2], 16) for i in (1, 3, 5)))


def stopwatch_page(page, elapsed_s: float, target_s: int) -> None:
    page.set_content(f"<html><head>{STYLE}</head><body>{stopwatch_html(elapsed_s, target_s)}"
                     "</body></html>")  # fmt: skip


def test_a_stopwatch_starts_where_the_attempt_stands(page):
    stopwatch_page(page, elapsed_s=75.2, target_s=120)
    shown = page.evaluate(READ)
    assert (shown["minutes"], shown["seconds"]) == (1, 15)
    assert shown["target"] != RED_RGB  # 1:15 of 2:00: not late yet


def test_past_its_target_the_target_turns_red(page):
    stopwatch_page(page, elapsed_s=130, target_s=120)
    shown = page.evaluate(READ)
    assert (shown["minutes"], shown["seconds"]) == (2, 10)
    assert shown["target"] == RED_RGB


def test_the_stopwatch_turns_red_the_moment_the_target_passes(page):
    stopwatch_page(page, elapsed_s=58.5, target_s=60)
    assert page.evaluate(READ)["target"] != RED_RGB
    page.wait_for_function(f"() => ({READ})().target === '{RED_RGB}'", timeout=5_000)
    assert page.evaluate(READ)["minutes"] == 1
