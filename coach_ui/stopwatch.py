"""A stopwatch the browser runs by itself: the time spent on a card, against its target.

It was a fragment rerun every second (`st.fragment(run_every=1)`): a script run, a
message and a redraw a second while a candidate thinks, and a click that landed on one
waited for it. Here the browser counts: CSS animates two registered integer properties
(minutes and seconds) from the moment the card appeared, shows them through CSS
counters, and turns the time red once the target has passed. No JavaScript, no request:
only the HTML below, drawn once per script run.
"""

from __future__ import annotations

import html

import streamlit as st

from coach import palette
from coach.i18n import _

# The properties and animations a stopwatch uses, drawn with it: a <style> alone would go
# to the page's event container, where it would take the place of a toast shown just
# before (the grade's). The "<" of "<integer>" is written as a CSS escape: Streamlit's
# sanitiser drops a <style> whose text looks like a tag.
STYLE = """
<style>
@property --coach-minutes { syntax: '\\3C integer>'; inherits: true; initial-value: 0; }
@property --coach-seconds { syntax: '\\3C integer>'; inherits: true; initial-value: 0; }
@keyframes coach-minutes { from { --coach-minutes: 0; } to { --coach-minutes: 600; } }
@keyframes coach-seconds { from { --coach-seconds: 0; } to { --coach-seconds: 60; } }
@keyframes coach-late { from, to { color: var(--coach-late-colour); } }
.coach-stopwatch {
  font-size: 1rem; line-height: 1.6;
  animation:
    coach-minutes 36000s steps(600, end) var(--coach-from) 1 forwards,
    coach-seconds 60s steps(60, end) var(--coach-from) infinite;
  counter-reset: coach-m var(--coach-minutes) coach-s var(--coach-seconds);
}
.coach-stopwatch .coach-icon {
  font-family: "Material Symbols Rounded"; font-size: 1.25rem; vertical-align: -0.25rem;
  color: inherit; font-weight: normal;
}
.coach-stopwatch .coach-spent { font-weight: 600; }
.coach-stopwatch .coach-spent::after {
  content: counter(coach-m) ":" counter(coach-s, decimal-leading-zero);
}
.coach-stopwatch .coach-target {
  color: var(--coach-muted);
  animation: coach-late 1s step-end var(--coach-late-after) 1 forwards;
}
</style>
"""
GRAY = palette.HEX["gray"]  # as :gray[...] draws it
RED = palette.HEX["red"]  # as :red[...] draws it


def clock(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def stopwatch_html(elapsed_s: float, target_s: int) -> str:
    """The stopwatch `elapsed_s` seconds after the card appeared, with its target.

    A negative animation delay starts the count where it stands; the time turns red
    `target_s - elapsed_s` seconds from now (at once, if already past)."""
    spent = max(0.0, elapsed_s)
    label = html.escape(
        _("Time spent on this card, against its target of {target}").format(target=clock(target_s))
    )
    # Half a second on: the count then rounds to the nearest second, as `clock` does.
    style = (
        f"--coach-from: -{spent + 0.5:.3f}s; --coach-late-after: {target_s - spent:.3f}s; "
        f"--coach-late-colour: {RED}; --coach-muted: {GRAY};"
    )
    return (
        f'<div class="coach-stopwatch" role="timer" aria-label="{label}" '
        f'title="{label}" style="{style}">'
        '<span class="coach-icon" aria-hidden="true">timer</span> '
        f'<span class="coach-spent"></span> '
        f'<span class="coach-target">/ {clock(target_s)}</span></div>'
    )


def stopwatch(elapsed_s: float, target_s: int) -> None:
    st.html(STYLE + stopwatch_html(elapsed_s, target_s))
