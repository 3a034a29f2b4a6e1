"""A realistic sample journal, in English or in Chinese: one deterministic generator for
the tests, the welcome page and `coach demo`.

`shape` holds the job search's facts (who, when, how each answer went); `english` and
`chinese` give them words; `build` turns the two into rows by the app's own rules; `files`
writes a sample file safely and counts what it holds.
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
