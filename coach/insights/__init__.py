"""Insights: trends across interviews, aggregated in DuckDB into small results.

One module per section of the page, each holding that section's queries, its one-line
takeaways and its chart builders: `overall`, `weak_spots`, `fixes`, `relationship`,
`stories`, `recurring`, `rehearsal`, `predictions`. Beside them, what they share:
`filters` (which interviews count), `halves` (earlier against later), `takeaway`, and
`charting` (the chart spec cache; the colours are coach.palette's). Each query returns
at most a few hundred rows, whatever the size of the journal, so the page never holds
a whole table.

The readiness brief is a feature of its own (coach.likely, coach.readiness): Home, the
cram view and the review's scorecard use it too; Insights only shows it.
"""
