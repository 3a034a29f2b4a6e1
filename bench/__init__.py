"""The benchmark: a developer's tool, never imported by the app (an import contract says so).

`scripts/bench` runs it (`python -m bench`). Three steps, each a module:

1. **Journals** (`bench.journals`, this process): the sample journal, a heavy user's
   (`bench.heavy`, factor 1) and ten times that, each built once and kept in the bench
   folder under a name that holds the scale, the generator's version and digest, and
   the day (pages read the clock, so the journals are dated relative to today).
2. **Page scripts** (`bench.worker`, a fresh process, so its peak memory is the
   pages' own): streamlit's AppTest runs every view (a page in its default state and,
   unless `--quick`, each section of the larger pages) on every scale, interleaved
   round by round so that drift on a noisy machine hits all scales alike, together
   with two floors: an empty page, and a page drawing the same number of Altair charts
   from constant data. Pages remember their reads until the next write (coach.memo),
   so each view also runs on the heavy journal as the first run after a save:
   remembered reads and chart specs dropped before every run. Medians are reported.
3. **Browser** (`bench.browser`): cold start of the app on the heavy journal against
   an empty Streamlit app, and page switches in headless Chromium.

`bench.report` turns the figures into the table of docs/performance.md and checks
them against the targets; `bench.command` runs the three steps.
"""
