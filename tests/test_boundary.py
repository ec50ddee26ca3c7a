"""The per-input boundary of each command: an engine fault on one page is that page's
error record (or failed page), and the others go on. Errors of the machine (a full
disk, an output folder that cannot be created) are one line on stderr and exit 1,
and the next run repairs what they left."""

from __future__ import annotations

import errno
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import LoopbackServer, respond
from portal import Portal, expected_urls, demo_articles

import scraper.batch
import scraper.cli.fetch_cmd
import scraper.overrides
import scraper.output
import scraper.state
from scraper.cli import main
from scraper.cli.exits import EXIT_OK, EXIT_SOME_FAILED

PAGE = ("<html><head><title>{title}</title></head><body><article>"
        "<p>{title}: the first paragraph of a real article, long enough to be prose.</p>"
        "<p>A second paragraph closes the article with another full sentence.</p>"
        "</article></body></html>")
BAD = "BADPAGE"   # a page holding this word makes the engine raise


class EngineFault(RuntimeError):
    pass


def _faulty(real: Any) -> Any:
    """``real`` (an extraction function), raising on pages that hold BAD."""
    def extract(content: str | bytes, *args: Any, **kwargs: Any) -> Any:
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
        if BAD in text:
            raise EngineFault("the engine broke\non this page")
        return real(content, *args, **kwargs)
    return extract


def _records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


# ---- scraper extract ----

def test_extract_turns_an_engine_fault_into_that_inputs_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(scraper.batch, "extract", _faulty(scraper.batch.extract))
    paths = []
    for title in ("alpha", BAD, "zulu"):
        paths.append(tmp_path / f"{title}.html")
        paths[-1].write_text(PAGE.format(title=title), encoding="utf-8")
    assert main(["extract", *map(str, paths)]) == EXIT_SOME_FAILED
    captured = capsys.readouterr()
    first, bad, last = _records(captured.out)
    assert first["body"].startswith("alpha:") and last["body"].startswith("zulu:")
    assert bad == {"schema": 1, "input": str(paths[1]),
                   "error": {"stage": "extract", "type": "EngineFault",
                             "message": "the engine broke on this page"}}
    (logged,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert logged.getMessage().endswith("BADPAGE.html: extraction failed: EngineFault: "
                                        "the engine broke on this page")
    assert logged.exc_info is None   # one line; the traceback only at debug level


def test_extract_of_a_processing_instruction_page_succeeds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "php.html"
    page.write_text("<table><tr><td><?php echo $x; ?>" + PAGE.format(title="php") + "</td></tr></table>",
                    encoding="utf-8")
    assert main(["extract", str(page)]) == EXIT_OK
    (record,) = _records(capsys.readouterr().out)
    assert record["body"].startswith("php: the first paragraph")


# ---- scraper fetch ----

def test_fetch_turns_an_engine_fault_into_that_urls_record(
        loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(scraper.cli.fetch_cmd, "extract", _faulty(scraper.cli.fetch_cmd.extract))
    good = loopback.route("/good", respond(PAGE.format(title="good")))
    bad = loopback.route("/bad", respond(PAGE.format(title=BAD)))
    assert main(["fetch", "--delay", "0", "--retries", "0", bad, good]) == EXIT_SOME_FAILED
    captured = capsys.readouterr()
    failed, ok = _records(captured.out)
    assert failed["input"] == bad and failed["status"] == 200
    assert failed["error"] == {"stage": "extract", "type": "EngineFault", "status": 200,
                               "attempts": 1, "message": "the engine broke on this page"}
    assert ok["body"].startswith("good:")
    (logged,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "extraction failed: EngineFault" in logged.getMessage() and logged.exc_info is None


# ---- scraper crawl ----

@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    with Portal(tmp_path) as running:
        yield running


def _crawl(portal: Portal) -> int:
    return main(["crawl", "-c", str(portal.config)])


def _article_path(portal: Portal, index: int) -> str:
    from portal import serve
    return serve.Item(**demo_articles()[index]).path


def test_crawl_counts_an_engine_fault_as_a_failed_page_and_goes_on(
        portal: Portal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture) -> None:
    broken = _article_path(portal, 2)
    real = scraper.overrides.extract_page

    def extract_page(content: bytes, url: str, *args: Any, **kwargs: Any) -> Any:
        if url.endswith(broken):
            raise EngineFault("the engine broke")
        return real(content, url, *args, **kwargs)

    monkeypatch.setattr(scraper.overrides, "extract_page", extract_page)
    expected = expected_urls(portal, demo_articles())
    assert _crawl(portal) == EXIT_SOME_FAILED
    written = [r["crawl"]["url"] for r in portal.records()]
    assert set(written) == {url for url in expected if not url.endswith(broken)}
    (warning,) = [r for r in caplog.records if "EngineFault" in r.getMessage()]
    assert warning.levelname == "WARNING" and "retried next run" in warning.getMessage()
    assert "extract: EngineFault: the engine broke" in warning.getMessage()
    caplog.clear()
    # Retried by the next run, given up after max_attempts (2), never blocking a run.
    assert _crawl(portal) == EXIT_SOME_FAILED
    assert any("giving up" in r.getMessage() for r in caplog.records)
    _crawl(portal)
    assert portal.hits(broken) == 2
    assert Counter(r["crawl"]["url"] for r in portal.records()).most_common(1)[0][1] == 1
    assert main(["state", "-c", str(portal.config)]) == EXIT_OK
    assert "EngineFault" in capsys.readouterr().out


# ---- errors of the machine ----

def _full_disk_after(monkeypatch: pytest.MonkeyPatch, lines: int) -> None:
    """os.write in the output writer: ``lines`` whole writes, then half of the next line
    and ENOSPC, as a disk filling up mid-record does."""
    real = os.write
    calls = Counter[str]()

    def write(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] <= lines:
            return real(fd, data)
        if calls["n"] == lines + 1:
            return real(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(scraper.output.os, "write", write)


def test_full_disk_is_one_line_and_the_next_run_repairs_the_torn_line(
        portal: Portal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with monkeypatch.context() as patch:
        _full_disk_after(patch, 3)
        assert _crawl(portal) == EXIT_SOME_FAILED
    err = capsys.readouterr().err.strip().splitlines()
    assert "Traceback" not in "\n".join(err)
    (line,) = [line for line in err if "No space left on device" in line]
    assert line.startswith("scraper crawl: cannot write ") and ".jsonl" in line and "errno 28" in line
    torn = [p for p in (portal.root / "data").rglob("*.jsonl") if not p.read_bytes().endswith(b"\n")]
    assert len(torn) == 1   # half a record is on disk
    _crawl(portal)
    written = [r["crawl"]["url"] for r in portal.records()]   # every line parses again
    assert Counter(written).most_common(1)[0][1] == 1
    assert set(written) == expected_urls(portal, demo_articles())


def test_output_folder_that_cannot_be_created_is_one_line(
        portal: Portal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real = Path.mkdir

    def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
        if "data" in self.parts:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self))
        real(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(Path, "mkdir", mkdir)
        assert _crawl(portal) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"scraper crawl: cannot create the output folder {portal.root / 'data'}" in err
    assert "No such file or directory (errno 2)" in err
    _crawl(portal)   # the folder can be made again: nothing lost, nothing twice
    written = [r["crawl"]["url"] for r in portal.records()]
    assert sorted(written) == sorted(expected_urls(portal, demo_articles()))


def test_output_folder_under_a_file_is_one_line(tmp_path: Path, portal: Portal,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (portal.root / "data").write_text("not a folder", encoding="utf-8")
    assert _crawl(portal) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"scraper crawl: cannot create the output folder {portal.root / 'data'}" in err


class _FullStream:
    name = "<stdout>"

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        pass


def test_extract_to_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.html"
    page.write_text(PAGE.format(title="a"), encoding="utf-8")
    monkeypatch.setattr("sys.stdout", _FullStream())
    assert main(["extract", str(page)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert err == "scraper extract: cannot write <stdout>: No space left on device (errno 28)\n"


def test_full_disk_under_the_state_database_is_one_line_and_loses_nothing(
        portal: Portal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL), made real by capping the
    database at the size it has when the run opens it."""
    real = scraper.state.State.__init__

    def capped(self: scraper.state.State, path: Any) -> None:
        real(self, path)
        pages = self.db.execute("PRAGMA page_count").fetchone()[0]
        self.db.execute(f"PRAGMA max_page_count = {pages}")

    with monkeypatch.context() as patch:
        patch.setattr(scraper.state.State, "__init__", capped)
        assert _crawl(portal) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (line,) = [line for line in err.splitlines() if "full" in line]
    assert line.startswith("scraper crawl: cannot write the state database ") \
        and "state.sqlite3" in line and "database or disk is full" in line
    assert _crawl(portal) in (EXIT_OK, EXIT_SOME_FAILED)   # the next run, with room again
    written = [r["crawl"]["url"] for r in portal.records()]
    assert Counter(written).most_common(1)[0][1] == 1
    assert set(written) == expected_urls(portal, demo_articles())
