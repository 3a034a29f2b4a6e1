"""Remembered reads: kept until the journal's next write, never after it."""

from __future__ import annotations

import duckdb
import pytest

from coach.memo import Memo


def company_counter(calls: list[int]):
    """A read of the number of companies that notes each time it runs in `calls`."""

    def count_companies(cur: duckdb.DuckDBPyConnection) -> int:
        calls.append(1)
        return cur.execute("SELECT count(*) FROM companies").fetchone()[0]

    return count_companies


def add_company(cur: duckdb.DuckDBPyConnection, name: str) -> None:
    cur.execute("INSERT INTO companies (name, kind) VALUES (?, 'target')", [name])


def test_a_read_is_run_once_until_the_journal_changes(journal):
    calls: list[int] = []
    count_companies = company_counter(calls)
    assert journal.remember(count_companies) == 0
    assert journal.remember(count_companies) == 0
    assert len(calls) == 1


def test_after_a_write_the_read_runs_again_and_sees_it(journal):
    calls: list[int] = []
    count_companies = company_counter(calls)
    journal.remember(count_companies)
    journal.write(lambda cur: add_company(cur, "Acme"))
    assert journal.remember(count_companies) == 1
    assert len(calls) == 2


def test_a_failed_write_also_makes_reads_run_again(journal):
    calls: list[int] = []
    count_companies = company_counter(calls)
    journal.remember(count_companies)

    def fail(cur):
        add_company(cur, "Rolled back")
        raise RuntimeError("injected")

    with pytest.raises(RuntimeError):
        journal.write(fail)
    assert journal.remember(count_companies) == 0
    assert len(calls) == 2


def test_a_write_committed_while_a_read_runs_is_seen_by_the_next_read(journal):
    count_companies = company_counter([])

    def read_then_someone_saves(cur):
        found = count_companies(cur)
        journal.write(lambda other: add_company(other, "Saved meanwhile"))
        return found

    assert journal.remember(read_then_someone_saves) == 0
    assert journal.remember(read_then_someone_saves) == 1


def test_different_arguments_are_different_reads(journal):
    def named(cur, name: str, *, upper: bool = False) -> str:
        return name.upper() if upper else name

    assert journal.remember(named, "acme") == "acme"
    assert journal.remember(named, "acme", upper=True) == "ACME"
    assert journal.remember(named, "beta") == "beta"


def test_the_memo_keeps_only_the_most_recently_used_results():
    memo = Memo(size=2)
    made: list[str] = []

    def make(value: str):
        return lambda: made.append(value) or value

    memo.get("a", make("a"))
    memo.get("b", make("b"))
    memo.get("a", make("a"))  # used again: now the most recent
    memo.get("c", make("c"))  # "b" goes
    memo.get("a", make("a"))
    memo.get("b", make("b"))
    assert made == ["a", "b", "c", "b"]
    assert len(memo) == 2
