"""Insights, one test module per section (as coach/insights/ has one module per section)."""
