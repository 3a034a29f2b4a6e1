"""What a person feels: clicks timed from the click to the settled page (bench.settle).

One bench app server per journal (the sample's and the heavy one's, each a copy with a
few bench rows added, so the cached journals stay as built), and in each a browser tab
per page, kept open as a candidate keeps it: a review's questions step, the practice
queue, the insights page, and the bench's empty page. Round by round, each group of
clicks runs on the sample, then on the heavy journal, so drift on a busy machine hits
both alike; the first round warms up and is not counted.

The clicks (INTERACTIONS): set an interviewer's signal in a review; add five pasted
questions; reveal a card; grade it; open the cram view; switch an insights section;
open the readiness brief; download the brief. The floor is the same kind of click on
the bench's empty page: a button that runs the page again, which shows one line.
"""

from __future__ import annotations

import random
import shutil
import statistics
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.settle import INIT_SCRIPT, arm, heading, main_text, timed_click, until_settled
from coach import companies, db, interviews, reviews
from coach.interviews import InterviewFields

INTERACTIONS = (
    "signal",
    "paste_questions",
    "reveal_card",
    "grade_card",
    "open_cram",
    "insights_section",
    "open_brief",
    "download_brief",
)
EMPTY_RERUN_LABEL = "Run again"
PASTED = 5  # questions pasted at once
SIGNALS = ("Interrupted", "Positive")  # alternated: one weak, one strong
# What each signal shows in its question's card once saved.
SIGNAL_SHOWS = {"Interrupted": "Why was it weak?", "Positive": "responded well"}
CHART_SECTION = "Overall trend"  # an insights section with two charts
DOWNLOAD = "Download the brief (Markdown)"
BRIEF_SECTION = "Readiness brief"


@dataclass(frozen=True)
class Fixture:
    """Bench rows added to a journal copy: what the clicks need, on any journal."""

    signal_interview: int
    signal_ask: int
    paste_interviews: tuple[int, ...]  # one fresh review per round of pasting


def _words(rng: random.Random, count: int) -> str:
    """Made-up words: pasted questions that match nothing in any question bank."""
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    return " ".join(
        "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        for _ in range(count)
    )


def pasted_questions(round_number: int) -> list[str]:
    rng = random.Random(f"bench-paste-{round_number}")
    return [f"How would you {_words(rng, 5)}" for _ in range(PASTED)]


def prepare_copy(source: Path, target: Path, rounds: int, now: datetime) -> Fixture:
    """Copy the (closed) journal `source` to `target` and add the clicks' rows to it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in (target, target.with_name(target.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(target.parent / "backups", ignore_errors=True)
    shutil.copyfile(source, target)
    journal = db.open_journal(str(target), now=now)
    try:
        company = companies.add_company(journal, "Bench Clicks Ltd", "practice")

        def held(role: str, hours_ago: float) -> int:
            interview = interviews.add_interview(
                journal,
                InterviewFields(
                    company_id=company,
                    scheduled_at=now - timedelta(hours=hours_ago),
                    role=role,
                ),
            )
            reviews.start_review(journal, interview, now)
            reviews.set_step(journal, interview, "questions", now)
            return interview

        signal_interview = held("Signal analyst", 30)
        asks = reviews.add_asks(
            journal,
            signal_interview,
            [reviews.NewAsk(q) for q in pasted_questions(-1)],
            now,
        )
        paste = tuple(held(f"Paste analyst {n}", 40 + n) for n in range(rounds))
        # Enough cards due for a reveal and a grade each round, on any journal.
        due = now - timedelta(days=1)
        journal.write(
            lambda cur: cur.execute(
                "UPDATE cards SET due = ? WHERE id IN (SELECT id FROM cards WHERE status ="
                " 'active' AND coalesce(last_review < ?, true) ORDER BY id LIMIT ?)",
                [due, due, rounds + 5],
            )
        )
    finally:
        db.close_journal(str(target))
    return Fixture(signal_interview, asks[0], paste)


class Tabs:
    """One journal's server and its open tabs."""

    def __init__(self, browser, server, fixture: Fixture) -> None:
        self.server = server
        self.fixture = fixture
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(INIT_SCRIPT)
        self.review = self._open(f"/review?interview={fixture.signal_interview}",
                                 heading("Review"))  # fmt: skip
        self.paste = self.context.new_page()
        self.practice = self._open("/practice", heading("Practice"))
        self.insights = self._open("/insights", main_text(DOWNLOAD))
        # The empty page is no file of pages/, which a deep link needs: reach it by its link.
        self.empty = self._open("/", heading())
        self.empty.get_by_test_id("stSidebar").get_by_text("Empty page").click()
        self.empty.get_by_text("Run number 0").wait_for()

    def _open(self, path: str, shows):
        page = self.context.new_page()
        goto(page, self.server.url + path, shows)
        return page

    def screenshots(self, prefix: Path) -> None:
        """Every tab as it stands, to see why a click did not settle."""
        for number, page in enumerate(self.context.pages):
            page.screenshot(path=f"{prefix}-{number}.png")

    def close(self) -> None:
        self.context.close()


def goto(page, url: str, shows) -> None:
    """Load `url` and wait until it shows `shows` and its script has finished (not timed)."""
    page.bring_to_front()
    page.goto(url)
    page.wait_for_function(
        """([selector, text]) => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.dataset.testScriptState === 'notRunning'
                && [...document.querySelectorAll(selector)]
                    .some((n) => text === null || n.innerText.includes(text));
        }""",
        arg=list(shows),
        timeout=60_000,
        polling="raf",
    )


def _in_main(page):
    return page.get_by_test_id("stMain")


def signal(tabs: Tabs, round_number: int) -> dict[str, float]:
    chosen = SIGNALS[round_number % 2]
    card = tabs.review.locator(f".st-key-review_ask_{tabs.fixture.signal_ask}")
    selector = f".st-key-review_ask_{tabs.fixture.signal_ask}"
    other = SIGNALS[(round_number + 1) % 2]
    ms = timed_click(
        tabs.review,
        card.get_by_role("radio", name=chosen, exact=True),
        have=[(selector, SIGNAL_SHOWS[chosen])],
        lack=[(selector, SIGNAL_SHOWS[other])],
    )
    return {"signal": ms}


def paste_questions(tabs: Tabs, round_number: int) -> dict[str, float]:
    page = tabs.paste
    interview = tabs.fixture.paste_interviews[round_number]
    goto(page, f"{tabs.server.url}/review?interview={interview}",
         main_text("2. Questions and answers"))  # fmt: skip
    questions = pasted_questions(round_number)
    _in_main(page).get_by_label("Questions, one per line").fill("\n".join(questions))
    ms = timed_click(
        page,
        _in_main(page).get_by_role("button", name="Add these questions"),
        have=[main_text(f"Q{PASTED}. {questions[-1]}")],
    )
    return {"paste_questions": ms}


def practice(tabs: Tabs, round_number: int) -> dict[str, float]:
    """Reveal the card on screen, grade it Good; then open the cram view and come back."""
    page = tabs.practice
    main = _in_main(page)
    grades = "How did it go?"
    reveal = timed_click(
        page,
        main.get_by_role("button", name="Reveal the best answer"),
        have=[main_text(grades)],
    )
    grade = timed_click(
        page,
        main.locator(".st-key-practice_grade_3 button"),  # Good
        lack=[main_text(grades)],
    )
    cram = timed_click(
        page,
        main.get_by_role("radio", name="Cram", exact=False),
        have=[main_text("Cram for")],
    )
    timed_click(  # back to today's queue, not counted
        page,
        main.get_by_role("radio", name="Today's queue", exact=False),
        have=[main_text("Reveal the best answer")],
        lack=[main_text("Cram for")],
    )
    return {"reveal_card": reveal, "grade_card": grade, "open_cram": cram}


def insights(tabs: Tabs, round_number: int) -> dict[str, float]:
    """From the brief to a chart section and back; then download the brief."""
    page = tabs.insights
    main = _in_main(page)
    section = timed_click(
        page,
        main.get_by_role("radio", name=CHART_SECTION, exact=True),
        have=[('[data-testid="stMain"] h3', "Overall rating over time")],
        lack=[main_text(DOWNLOAD)],
    )
    brief = timed_click(
        page,
        main.get_by_role("radio", name=BRIEF_SECTION, exact=True),
        have=[main_text(DOWNLOAD)],
    )
    button = main.get_by_role("button", name=DOWNLOAD)
    button.wait_for(state="visible")
    page.bring_to_front()
    with page.expect_download() as download:
        armed = arm(page)
        button.click()
        downloaded = until_settled(page, armed, have=[main_text(DOWNLOAD)])
    download.value.cancel()
    return {"insights_section": section, "open_brief": brief, "download_brief": downloaded}


def empty_rerun(tabs: Tabs, round_number: int) -> dict[str, float]:
    page = tabs.empty
    shown = page.get_by_test_id("stMain").get_by_text("Run number", exact=False).first.inner_text()
    runs = int(shown.split()[-1])
    ms = timed_click(
        page,
        page.get_by_role("button", name=EMPTY_RERUN_LABEL),
        have=[main_text(f"Run number {runs + 1}")],
    )
    return {"empty_rerun": ms}


GROUPS = (signal, paste_questions, practice, insights, empty_rerun)


def measure(browser, start_server, journals: dict[str, Path], workdir: Path, rounds: int,
            log=print) -> dict:  # fmt: skip
    """Median ms of each click on each journal, and of the empty page's rerun.

    `start_server(database)` starts a bench app server on a journal and returns it
    healthy (bench.browser.Server); `journals` maps "sample" and "heavy" to built ones.
    """
    now = datetime.now(UTC)
    total = rounds + 1  # the first round warms up
    tabs, servers = {}, []
    try:
        for scale, source in journals.items():
            copy = workdir / "clicks" / scale / f"{scale}.duckdb"
            fixture = prepare_copy(source, copy, total, now)
            server = start_server(copy)
            servers.append(server)
            tabs[scale] = Tabs(browser, server, fixture)
        times: dict[str, dict[str, list[float]]] = {scale: {} for scale in tabs}
        for round_number in range(total):
            for group in GROUPS:
                for scale, tab in tabs.items():
                    try:
                        found = group(tab, round_number)
                    except Exception:
                        tab.screenshots(workdir / "clicks" / f"failed-{group.__name__}-{scale}")
                        raise
                    for name, ms in found.items():
                        if round_number:
                            times[scale].setdefault(name, []).append(ms)
            log(f"  clicks: round {round_number + 1} of {total}")
    finally:
        for tab in tabs.values():
            tab.close()
        for server in servers:
            server.stop()
    median = {
        scale: {name: round(statistics.median(ms), 1) for name, ms in found.items()}
        for scale, found in times.items()
    }
    empty = [ms for found in times.values() for ms in found.get("empty_rerun", [])]
    return {
        "interactions": {
            name: {f"{scale}_ms": median[scale][name] for scale in tabs} for name in INTERACTIONS
        },
        "empty_rerun_ms": round(statistics.median(empty), 1),
    }
