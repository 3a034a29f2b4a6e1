"""How long a 90-minute transcript (1,500 cues) takes to preview: `python -m bench.transcripts`.

The issue's bar is a preview in under 2 s. This times, as medians of several runs:

- **read**: the file's bytes to speaker turns (decode, webvtt-py, grouping);
- **preview**: the turns to rows (question finding, answers, measured times);
- **bank**: matching the rows' questions to a question bank, as the review's
  confirmation does (coach.questions.propose), on the heavy journal's bank when given
  with `--journal` (bench/heavy.py makes one), else on an empty one;
- with `--browser`, the whole thing as a person meets it: the file chosen in the
  review's *Import a transcript*, to the preview's table on screen, in Chromium.

Figures go to standard output; nothing is asserted (a test checks the rows instead).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from bench.domain import median_ms

CUES = 1_500
QUESTIONS = 50
CUE_MS = 3_600  # 1,500 cues of 3.6 s: 90 minutes
_ASKED = [
    "Tell me about a time you led a project under a tight deadline",
    "How did you handle consolidation eliminations for the subsidiaries?",
    "Walk me through the migration project on your CV",
    "Why do you want to leave your current company?",
    "What are your salary expectations?",
    "How would you measure the success of a product launch?",
    "Describe a disagreement with your manager and how it ended",
    "Where do you see yourself in five years?",
    "请介绍一下你最近负责的项目。",
    "你为什么想加入我们公司？",
]


def _stamp(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1_000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def long_call() -> bytes:
    """A 90-minute Zoom-style WebVTT call: 50 questions, each answered over 29 cues
    with one back-channel from the interviewer in the middle."""
    per_question = CUES // QUESTIONS
    lines = ["WEBVTT", ""]
    for index in range(CUES):
        block, step = divmod(index, per_question)
        if step == 0:
            speaker = "Interviewer"
            words = f"{_ASKED[block % len(_ASKED)]} (part {block + 1})"
        elif step == per_question // 2:
            speaker, words = "Interviewer", "Mm-hmm."
        else:
            speaker = "Candidate"
            words = (
                f"In that role I owned the monthly close for {step} entities, cut it from five "
                f"days to three, and reported to the CFO every week, which taught me a lot."
            )
        start = index * CUE_MS
        lines += [str(index + 1), f"{_stamp(start)} --> {_stamp(start + CUE_MS - 200)}",
                  f"{speaker}: {words}", ""]  # fmt: skip
    return "\n".join(lines).encode()


def domain_figures(journal_path: str | None, runs: int) -> dict[str, float]:
    from coach import db
    from coach import questions as question_bank
    from coach.transcripts.preview import build_preview
    from coach.transcripts.turns import read_transcript

    data = long_call()
    transcript = read_transcript(data)
    preview = build_preview(transcript, "Candidate")
    database = journal_path or ":memory:"
    journal = db.open_journal(database)
    try:
        cur = journal.cursor()
        bank = cur.execute("SELECT count(*) FROM questions").fetchone()[0]
        texts = [row.question for row in preview.kept]
        figures = {
            "read_ms": median_ms(lambda: read_transcript(data), runs),
            "preview_ms": median_ms(lambda: build_preview(transcript, "Candidate"), runs),
            "bank_ms": median_ms(lambda: question_bank.propose(cur, texts), runs),
            "bank_questions": bank,
            "rows": len(preview.rows),
            "bytes": len(data),
        }
    finally:
        db.close_journal(database)
    figures["total_ms"] = figures["read_ms"] + figures["preview_ms"] + figures["bank_ms"]
    return figures


def browser_figure(runs: int) -> float:
    """Seconds from choosing the file to the preview's table, median of `runs`."""
    from playwright.sync_api import sync_playwright

    from bench.browser import CHROMIUM_ARGS
    from tests.browser.conftest import start_server, stop_server, wait_for_app
    from tests.browser.test_transcript_e2e import held_interview, open_questions_step

    times = []
    with tempfile.TemporaryDirectory(prefix="coach-bench-transcript-") as folder:
        work = Path(folder)
        call = work / "ninety-minutes.vtt"
        call.write_bytes(long_call())
        path = work / "journal.duckdb"
        interview_id = held_interview(path)
        server = start_server(work / "server", path)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS
                )
                for _ in range(runs):
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    page.goto(server.url + "/")
                    wait_for_app(page)
                    main = open_questions_step(page, server.url, interview_id)
                    chooser = main.locator('[data-testid="stFileUploaderDropzoneInput"]')
                    started = time.perf_counter()
                    chooser.set_input_files(str(call))
                    found = main.get_by_text(f"{QUESTIONS} questions found", exact=False)
                    found.wait_for(timeout=60_000)
                    times.append(time.perf_counter() - started)
                    # Leave the preview, so the next run starts from the upload again.
                    main.get_by_role("button", name="Cancel the import").click()
                    main.get_by_role("tab", name="Import a transcript").wait_for()
                    page.close()
                browser.close()
        finally:
            stop_server(server)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.transcripts", description=__doc__)
    parser.add_argument("--journal", help="a journal whose question bank to match against")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--browser", action="store_true", help="also time it in Chromium")
    args = parser.parse_args(argv)
    figures = domain_figures(args.journal, args.runs)
    print(
        f"A 90-minute call: {CUES:,} cues, {figures['bytes'] / 1024:,.0f} KB, "
        f"{figures['rows']} questions; bank of {figures['bank_questions']:,} questions; "
        f"medians of {args.runs} runs"
    )
    for name in ("read", "preview", "bank", "total"):
        print(f"  {name:<8} {figures[f'{name}_ms']:8.1f} ms")
    if args.browser:
        seconds = browser_figure(max(1, args.runs // 3))
        print(f"  browser  {seconds * 1000:8.0f} ms  (file chosen → preview on screen)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
