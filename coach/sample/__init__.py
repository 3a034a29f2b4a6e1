"""A realistic sample journal, in English or in Chinese: one deterministic generator for
the tests, the welcome page and `coach demo`.

`build` makes the rows the same way for every language; `english` and `chinese` hold
each language's job search; `files` writes a sample file safely and counts what it holds.
"""

from coach.sample.build import CONTENT, build_sample
from coach.sample.files import (
    SampleSummary,
    is_sample_file,
    sample_language,
    summarize,
    write_sample,
)

__all__ = [
    "CONTENT",
    "SampleSummary",
    "build_sample",
    "is_sample_file",
    "sample_language",
    "summarize",
    "write_sample",
]
