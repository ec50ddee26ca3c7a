"""The exactly-once journal: each crash point between intent, write and commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.journal import Journal, reconcile, settle_archives
from scraper.output import AppendFile, dumps
from scraper.state import EMITTED, PENDING, State

SITE, URL, HASH = "s", "https://example.com/2024/01/15/a.html", "h1"


@pytest.fixture
def state(tmp_path: Path) -> State:
    with State(tmp_path / "state.sqlite3") as opened:
        opened.add_articles(SITE, [URL])
        yield opened


def record(url: str = URL) -> dict:
    return {"schema": 1, "crawl": {"site": SITE, "url": url, "content_hash": HASH}, "title": "标题"}


def article_state(state: State) -> str:
    return state.db.execute("SELECT state FROM pages WHERE url=?", (URL,)).fetchone()[0]


def line(url: str = URL) -> bytes:
    return (dumps(record(url)) + "\n").encode()


def test_emit_writes_one_line_and_marks_emitted(state: State, tmp_path: Path) -> None:
    out = tmp_path / "out" / "s.jsonl"
    with Journal(state, run=1) as journal:
        journal.emit(SITE, URL, HASH, record(), out)
    assert out.read_bytes() == line()
    assert article_state(state) == EMITTED and state.intents() == []
    assert state.emitted_url(SITE, HASH) == URL


def test_killed_after_intent_before_write_stays_pending(state: State, tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    out.write_bytes(line("https://example.com/other.html"))
    state.add_intent(SITE, URL, HASH, str(out), out.stat().st_size, run=1)
    result = reconcile(state)
    assert (result.dropped, article_state(state), state.intents()) == (1, PENDING, [])
    assert state.to_fetch(SITE, 10) == [URL]


def test_killed_mid_write_cuts_the_half_line(state: State, tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    first = line("https://example.com/other.html")
    out.write_bytes(first + line()[:25])
    state.add_intent(SITE, URL, HASH, str(out), len(first), run=1)
    assert reconcile(state).truncated == 1
    assert out.read_bytes() == first
    assert article_state(state) == PENDING


def test_killed_after_write_before_commit_keeps_the_record(state: State, tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    out.write_bytes(line())
    state.add_intent(SITE, URL, HASH, str(out), 0, run=1)
    assert reconcile(state).kept == 1
    assert article_state(state) == EMITTED and state.emitted_url(SITE, HASH) == URL
    assert out.read_bytes() == line()


def test_intent_for_a_missing_file_is_dropped(state: State, tmp_path: Path) -> None:
    state.add_intent(SITE, URL, HASH, str(tmp_path / "gone.jsonl"), 0, run=1)
    assert reconcile(state).dropped == 1
    assert article_state(state) == PENDING


def test_append_file_appends_whole_lines(tmp_path: Path) -> None:
    handle = AppendFile(tmp_path / "new" / "f.jsonl")
    handle.append({"a": "一"})
    handle.append({"b": 2})
    handle.close()
    assert (tmp_path / "new" / "f.jsonl").read_text(encoding="utf-8") == '{"a":"一"}\n{"b":2}\n'


# ---- the WARC note (settle_archives) ----

GZ_MEMBER = b"\x1f\x8b\x08\x00" + b"a response, as far as this test cares"


def archive_with_orphan(state: State, tmp_path: Path) -> tuple[Path, int]:
    """A WARC whose last member is URL's response, noted before it was appended."""
    path = tmp_path / "s.warc.gz"
    path.write_bytes(GZ_MEMBER)
    offset = path.stat().st_size
    state.note_archived(SITE, URL, str(path), offset)
    path.write_bytes(GZ_MEMBER + GZ_MEMBER)
    return path, offset


def test_a_response_whose_outcome_is_missing_is_cut(state: State, tmp_path: Path) -> None:
    path, _ = archive_with_orphan(state, tmp_path)
    assert settle_archives(state) == 1
    assert path.read_bytes() == GZ_MEMBER and state.archived() == []
    assert article_state(state) == PENDING


@pytest.mark.parametrize("outcome", ["emitted", "failed"])
def test_a_response_whose_outcome_is_recorded_stays(state: State, tmp_path: Path,
                                                    outcome: str) -> None:
    path, _ = archive_with_orphan(state, tmp_path)
    if outcome == "emitted":
        with Journal(state, run=1) as journal:
            journal.emit(SITE, URL, HASH, record(), tmp_path / "s.jsonl")
    else:   # failed, to be retried: the retry is a fetch of its own
        state.article_failed(SITE, URL, status=200, error="extract: no article text found",
                             max_attempts=3)
    assert settle_archives(state) == 0
    assert path.read_bytes() == GZ_MEMBER + GZ_MEMBER and state.archived() == []


def test_a_note_whose_response_never_came_cuts_nothing(state: State, tmp_path: Path) -> None:
    path = tmp_path / "s.warc.gz"
    path.write_bytes(GZ_MEMBER)
    state.note_archived(SITE, URL, str(path), path.stat().st_size)
    assert settle_archives(state) == 0 and path.read_bytes() == GZ_MEMBER


def test_bytes_that_are_no_record_are_left_alone(state: State, tmp_path: Path) -> None:
    path, _ = archive_with_orphan(state, tmp_path)
    path.write_bytes(GZ_MEMBER + b"not gzip at all")
    assert settle_archives(state) == 0
    assert path.read_bytes() == GZ_MEMBER + b"not gzip at all"
