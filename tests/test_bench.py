"""The bench (scripts/bench): the heavy generator, the figures it writes, and its report.

No timing assertions here: machines are noisy. The bench itself reports the figures.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bench import clicks, command, domain, heavy, journals, report
from coach import cli, db, vocabulary
from coach_ui.pages import PAGES

NOW = datetime(2026, 3, 16, 12, tzinfo=UTC)
TABLES = [
    "companies", "interviews", "reviews", "questions", "asks", "answers", "stories",
    "story_uses", "actions", "cards", "rehearsals", "predictions", "predicted_questions",
]  # fmt: skip


def build(path, factor: float = 0.02, now: datetime = NOW) -> str:
    path = str(path)
    journal = db.open_journal(path, now=now)
    journal.write(lambda cur: heavy.build_heavy(cur, now, factor))
    return path


def dump(path: str) -> dict[str, list[tuple]]:
    """Every row of every table, without row identities (random by design)."""
    from coach.tables import UID, columns

    cur = db.open_journal(path).cursor()

    def rows(table: str) -> list[tuple]:
        has_uid = any(c.name == UID for c in columns(cur, table))
        return cur.execute(
            f"SELECT * {'EXCLUDE (uid)' if has_uid else ''} FROM {table} ORDER BY ALL"  # noqa: S608
        ).fetchall()

    return {t: rows(t) for t in TABLES}


@pytest.fixture
def tiny(tmp_path):
    path = build(tmp_path / "tiny.duckdb")
    yield path
    db.close_journal(path)


def test_a_tiny_heavy_journal_fills_every_table_in_proportion(tiny):
    cur = db.open_journal(tiny).cursor()
    counts = {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    shape = heavy.Shape.heavy(0.02)
    assert counts["interviews"] == shape.interviews
    assert counts["asks"] == shape.asks
    assert 0 < counts["rehearsals"] <= shape.rehearsals
    assert all(counts[t] > 0 for t in TABLES), counts


def test_the_generated_journal_is_consistent(tiny):
    cur = db.open_journal(tiny).cursor()
    # A few interviews are still to come; none of them has asks or a review.
    upcoming = cur.execute("SELECT count(*) FROM interviews WHERE scheduled_at > ?", [NOW])
    assert upcoming.fetchone()[0] >= 2
    assert cur.execute(
        "SELECT count(*) FROM asks a JOIN interviews i ON i.id = a.interview_id"
        " WHERE i.scheduled_at > ?",
        [NOW],
    ).fetchone() == (0,)
    # Questions are distinct within an interview; signals and scores use the vocabulary.
    assert cur.execute(
        "SELECT count(*) FROM (SELECT interview_id, question_id FROM asks GROUP BY ALL"
        " HAVING count(*) > 1)"
    ).fetchone() == (0,)
    signals = {r[0] for r in cur.execute("SELECT DISTINCT signal FROM asks").fetchall()}
    assert signals <= set(vocabulary.SIGNALS)
    # Each card's counters and dates agree with its rehearsals.
    assert cur.execute(
        """
        SELECT count(*) FROM cards c
        LEFT JOIN (SELECT card_id, count(*) AS n, max(rated_at) AS last FROM rehearsals
                   GROUP BY card_id) r ON r.card_id = c.id
        WHERE c.reps <> coalesce(r.n, 0) OR c.last_review IS DISTINCT FROM r.last
           OR (c.last_review IS NOT NULL AND c.due <= c.last_review)
           OR c.lapses > c.reps OR c.is_leech <> (c.lapses >= 4)
        """
    ).fetchone() == (0,)
    assert cur.execute("SELECT max(rated_at) < ? FROM rehearsals", [NOW]).fetchone() == (True,)


def test_the_app_can_add_rows_after_the_generated_ids(tiny):
    from coach import companies

    journal = db.open_journal(tiny)
    top = journal.cursor().execute("SELECT max(id) FROM companies").fetchone()[0]
    assert companies.add_company(journal, "A company added later") == top + 1


def test_the_generator_is_deterministic(tmp_path):
    first, second = build(tmp_path / "a.duckdb"), build(tmp_path / "b.duckdb")
    try:
        assert dump(first) == dump(second)
    finally:
        db.close_journal(first)
        db.close_journal(second)


def test_a_quick_run_writes_the_documented_figures_for_every_page(tmp_path):
    # Tiny journals where the bench keeps its built ones: it finds them and builds nothing.
    now = journals.bench_now()
    journals.build_journal(journals.journal_path(tmp_path, "sample", now), "sample", now)
    for scale, factor in {"heavy": 0.01, "x10": 0.02}.items():
        path = journals.journal_path(tmp_path, scale, now)
        path.parent.mkdir(parents=True, exist_ok=True)
        db.open_journal(str(path), now=now).write(
            lambda cur, f=factor: heavy.build_heavy(cur, now, f)
        )
        db.close_journal(str(path))  # the bench's worker process opens it next
    out = tmp_path / "bench.json"

    command.bench(workdir=tmp_path, quick=True, browser=False, json_path=out, log=lambda _: None)

    written = json.loads(out.read_text())
    assert set(written["pages"]) == {spec.url_path for spec in PAGES}
    for name, figures in written["pages"].items():
        for key in ("sample_ms", "heavy_ms", "x10_ms", "floor_ms", "heavy_after_save_ms"):
            assert figures[key] > 0, (name, key, figures)
    assert written["peak_rss_mb"] > 0 and written["peak_rss_all_scales_mb"] > 0
    assert written["cold_start_s"] is None and written["cold_start_empty_s"] is None  # no browser
    assert written["quick"] is True
    shown = report.table(written)
    assert all(f"| {spec.url_path} |" in shown for spec in PAGES)


def test_the_report_reads_figures_as_a_table_and_names_a_missed_target():
    page = {"sample_ms": 40.0, "heavy_ms": 45.0, "x10_ms": 60.0, "floor_ms": 30.0}
    after_save = {"heavy_after_save_ms": 70.0}  # the first run after a save: nothing remembered
    result = {
        "pages": {"home": {**page, **after_save, "empty_ms": 3.0, "charts": 0}},
        "peak_rss_mb": 300.0,
        "cold_start_s": 3.1,
        "cold_start_empty_s": 2.9,
        "page_switch_ms": {"empty": 200.0, "home": 300.0},
    }
    assert "| home | 0 | 40 | 45 | 60 | 30 | 1.12x | 1.50x | +15 | 70 |" in report.table(result)
    assert all(met for _, met, _ in report.checks(result))
    slow = {**result, "pages": {"home": {**result["pages"]["home"], "heavy_ms": 200.0}}}
    assert "MISSED home: heavy ≤ 1.5x sample" in report.summary(slow)


def test_the_bench_is_a_developer_script_not_a_user_command(capsys):
    args = command.build_parser().parse_args(["--quick", "--json", "out.json", "--no-browser"])
    assert args.quick and args.no_browser and str(args.json) == "out.json"
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["bench"])
    assert "invalid choice: 'bench'" in capsys.readouterr().err


def test_the_domain_bench_prints_the_sample_build_and_both_analyses(capsys):
    domain.main(["--runs", "1"])
    rows = capsys.readouterr().out.splitlines()[2:]
    assert [row.split("|")[1].strip() for row in rows] == [
        "build the sample journal",
        "analyse a 100 KB English answer",
        "analyse a 100 KB Chinese answer",
    ]
    assert all(float(row.split("|")[2]) > 0 for row in rows)


CLICKS = {name: {"sample_ms": 300.0, "heavy_ms": 330.0} for name in clicks.INTERACTIONS}
FELT = {
    "page_switch_ms": {"empty": 200.0, "home": 280.0},
    "empty_switch_ms": 200.0,
    "first_visit_ms": {spec.url_path: 390.0 for spec in PAGES},
    "interactions": CLICKS,
    "empty_rerun_ms": 200.0,
}


def test_the_report_shows_every_click_and_first_visit_and_their_targets():
    page = {"sample_ms": 40.0, "heavy_ms": 45.0, "x10_ms": 60.0, "floor_ms": 30.0}
    result = {
        "pages": {"home": {**page, "empty_ms": 3.0, "charts": 0}},
        "peak_rss_mb": 300.0,
        **FELT,
    }
    shown = report.table(result)
    for name in clicks.INTERACTIONS:
        assert f"| {name} | 300 | 330 | 1.10x | +130 |" in shown
    assert "Empty page's rerun (the floor of a click): 200 ms." in shown
    assert "insights 390" in shown and "a switch to an empty page: 200" in shown
    checked = {what for what, _, _ in report.checks(result)}
    for name in clicks.INTERACTIONS:
        assert f"click {name}: heavy ≤ 1.3x sample" in checked
        assert f"click {name}: heavy ≤ empty rerun + 150 ms" in checked
    for spec in PAGES:
        assert f"first visit to {spec.url_path} ≤ 2.0x switch to an empty page" in checked
    assert "switch to home ≤ 1.5x switch to an empty page" in checked
    assert report.summary(result) == f"Targets: {len(checked)} of {len(checked)} met."


def test_the_report_names_a_slow_click_a_slow_first_visit_and_a_slow_switch():
    slow = {
        **FELT,
        "page_switch_ms": {"empty": 200.0, "home": 320.0},
        "interactions": {**CLICKS, "grade_card": {"sample_ms": 300.0, "heavy_ms": 400.0}},
        "first_visit_ms": {"insights": 450.0},
    }
    summary = report.summary({"pages": {}, "peak_rss_mb": 300.0, **slow})
    assert "MISSED click grade_card: heavy ≤ 1.3x sample: 400 ms vs 300 ms = 1.33x" in summary
    assert "MISSED click grade_card: heavy ≤ empty rerun + 150 ms: 400 ms vs 200 + 150" in summary
    assert "MISSED first visit to insights ≤ 2.0x switch to an empty page: 450 ms" in summary
    assert "MISSED switch to home ≤ 1.5x switch to an empty page: 320 ms" in summary
    assert summary.startswith("Targets: 15 of 19 met.")  # memory, a switch, 16 clicks, 1 visit
