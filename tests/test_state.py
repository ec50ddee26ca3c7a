"""The SQLite crawl state: discovery, failures, duplicates, runs, reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.state import DEAD, FAILED, FEED, RunCounts, State, StateError, Validators

SITE = "s"
A, B, C = (f"https://example.com/2024/01/15/{n}.html" for n in "abc")


@pytest.fixture
def state(tmp_path: Path) -> Iterator[State]:
    with State(tmp_path / "deep" / "state.sqlite3") as opened:
        yield opened


def test_add_articles_counts_new_and_done(state: State) -> None:
    assert state.add_articles(SITE, [A, B]) == (2, 0)
    state.mark_duplicate(SITE, B, "h", status=200, validators=Validators(), of=A)
    assert state.add_articles(SITE, [A, B, C]) == (1, 1)


def test_same_url_in_two_sites_is_two_rows(state: State) -> None:
    state.add_articles("one", [A])
    assert state.add_articles("two", [A]) == (1, 0)


def test_to_fetch_lists_pending_oldest_first_up_to_limit(state: State) -> None:
    state.add_articles(SITE, [A, B, C])
    assert state.to_fetch(SITE, 2) == [A, B]


@pytest.mark.parametrize("failures, expected", [(1, FAILED), (2, FAILED), (3, DEAD)],
                         ids=["first", "second", "third-is-dead"])
def test_failures_become_dead_at_max_attempts(state: State, failures: int, expected: str) -> None:
    state.add_articles(SITE, [A])
    for _ in range(failures):
        outcome = state.article_failed(SITE, A, status=500, error="http: 500", max_attempts=3)
    assert outcome == expected
    assert (A in state.to_fetch(SITE, 10)) == (expected == FAILED)


def test_source_validators_are_kept_for_conditional_requests(state: State) -> None:
    state.source_done(SITE, "https://example.com/rss.xml", FEED, status=200,
                      validators=Validators('"v1"', "Mon, 15 Jan 2024 08:00:00 GMT"), articles=[A])
    headers = state.validators(SITE, "https://example.com/rss.xml").headers()
    assert headers == {"If-None-Match": '"v1"', "If-Modified-Since": "Mon, 15 Jan 2024 08:00:00 GMT"}
    assert state.to_fetch(SITE, 10) == [A]


def test_unfinished_run_is_marked_killed_by_the_next(state: State) -> None:
    first = state.start_run(pid=1)
    second = state.start_run(pid=2)
    state.finish_run(second, RunCounts(written=3), 1.5, "done")
    runs = {r["id"]: r for r in state.recent_runs()}
    assert runs[first]["status"] == "killed"
    assert (runs[second]["status"], runs[second]["written"]) == ("done", 3)


def test_reports_count_states_and_list_failures(state: State) -> None:
    state.add_articles(SITE, [A, B])
    state.article_failed(SITE, B, status=None, error="timeout: too slow", max_attempts=3)
    assert state.site_counts() == {SITE: {"pending": 1, "failed": 1}}
    [failure] = state.failures()
    assert (failure.url, failure.error, failure.attempts) == (B, "timeout: too slow", 1)


def test_a_file_that_is_not_sqlite_is_a_state_error(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StateError, match="state.sqlite3"):
        State(path)
