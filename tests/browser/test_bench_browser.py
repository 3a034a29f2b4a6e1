"""The bench's browser half on tiny journals: every figure it promises, and its targets.

No timing assertions (machines are noisy): only that each click, first visit and floor
is measured and reported.
"""

from __future__ import annotations

from bench import browser as bench_browser
from bench import clicks, heavy, journals, report
from coach import db
from coach_ui.pages import PAGES


def test_a_quick_browser_run_times_every_click_first_visit_and_floor(tmp_path):
    now = journals.bench_now()
    sample = journals.journal_path(tmp_path, "sample", now)
    journals.build_journal(sample, "sample", now)
    small = tmp_path / "journals" / "heavy.duckdb"
    db.open_journal(str(small), now=now).write(lambda cur: heavy.build_heavy(cur, now, 0.01))
    db.close_journal(str(small))  # the bench's servers open it next

    result = bench_browser.measure(
        tmp_path, {"sample": sample, "heavy": small}, quick=True, log=lambda _: None
    )

    assert set(result["interactions"]) == set(clicks.INTERACTIONS)
    for name, figures in result["interactions"].items():
        assert figures["sample_ms"] > 0 and figures["heavy_ms"] > 0, name
    assert set(result["first_visit_ms"]) == {spec.url_path for spec in PAGES}
    assert all(ms > 0 for ms in result["first_visit_ms"].values())
    assert result["empty_rerun_ms"] > 0
    assert result["empty_switch_ms"] == result["page_switch_ms"]["empty"] > 0
    assert result["cold_start_s"] > 0
    checked = {what for what, _, _ in report.checks({"pages": {}, "peak_rss_mb": 1, **result})}
    assert {f"click {name}: heavy ≤ 1.3x sample" for name in clicks.INTERACTIONS} <= checked
    assert {f"first visit to {s.url_path} ≤ 2.0x switch to an empty page" for s in PAGES} <= checked
    # The bench clicked in copies: the journals it was given are as built.
    for built in (sample, small):
        cur = db.open_journal(str(built)).cursor()
        assert cur.execute(
            "SELECT count(*) FROM companies WHERE name LIKE 'Bench%'"
        ).fetchone() == (0,)
        db.close_journal(str(built))
