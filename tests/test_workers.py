"""Extraction on every core: ordered, bounded, and byte-identical to one process."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

import scraper.cli.extract_cmd
import scraper.workers
from crashers import KILL_MARK, run_or_die
from scraper.cli import main
from scraper.workers import cpu_count, ordered_map, resolve_jobs
from warcs import Response, page, write_warc

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples" / "pages").glob("*/source.html"))


def test_results_come_in_input_order() -> None:
    assert list(ordered_map(str, range(100), 2, chunk=3)) == [str(n) for n in range(100)]


def test_isolated_items_run_in_a_worker_with_one_job_too() -> None:
    # the worker is another process: its pid differs from this one's
    pids = set(ordered_map(_pid, range(10), 1, isolated=True))
    assert len(pids) == 1 and os.getpid() not in pids


def _pid(_: int) -> int:
    return os.getpid()


def test_one_job_runs_in_this_process() -> None:
    # a lambda cannot be sent to a worker: only the in-process path can run it
    assert list(ordered_map(lambda n: n * 2, range(5), 1)) == [0, 2, 4, 6, 8]


def test_input_is_read_lazily_within_the_window() -> None:
    pulled = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(200):
            pulled += 1
            yield n

    chunk, window = 4, 3
    ahead = []
    for done, _ in enumerate(ordered_map(abs, numbers(), 2, chunk=chunk, window=window), 1):
        ahead.append(pulled - done)
    assert pulled == 200
    # never more than the window's chunks (plus the one being handed out) read ahead
    assert max(ahead) <= chunk * (window + 1)


def test_zero_jobs_means_every_core() -> None:
    assert resolve_jobs(0) == cpu_count() >= 1 and resolve_jobs(3) == 3
    with pytest.raises(ValueError):
        resolve_jobs(-1)


def _run(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, bytes]:
    code = main(["-q", "extract", *argv])
    sys.stdout.flush()
    return code, capfd.readouterr().out.encode("utf-8")


def test_jobs_output_is_byte_identical(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "pages.warc.gz"
    write_warc(archive, [Response(f"http://example.com/{n}", page(f"Page {n}")) for n in range(30)])
    inputs = [*map(str, SAMPLES), str(archive), str(tmp_path / "missing.html"), *map(str, SAMPLES)]
    one = _run(capfd, "-j", "1", *inputs)
    two = _run(capfd, "-j", "2", *inputs)
    assert one[0] == two[0] == 1          # the missing file fails in both
    assert len(one[1].splitlines()) == 2 * len(SAMPLES) + 30 + 1
    assert two[1] == one[1]


@pytest.mark.parametrize("value", ["-1", "two"])
def test_bad_jobs_is_a_usage_error(value: str) -> None:
    assert main(["extract", "-j", value, "x.html"]) == 2


def _die_on_seven(n: int) -> int:
    """Kills its own process on 7, as a crash in native code or the OOM killer would."""
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * 10


def _lost(n: int, reason: str) -> str:
    return f"lost {n}: {reason}"


def test_a_dying_worker_loses_only_its_item() -> None:
    got = list(ordered_map(_die_on_seven, range(40), 2, chunk=3, lost=_lost))
    assert got[:7] == [n * 10 for n in range(7)] and got[8:] == [n * 10 for n in range(8, 40)]
    assert got[7] == "lost 7: the worker process was killed by SIGKILL"


def test_a_dying_workers_signal_is_read_under_a_fork_server(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A fork server's worker reports its status on a pipe that only one reader gets:
    # the pool's own thread and the cause's reader must not both read it (the loser
    # took "exit code 255"). Several deaths in a row give the race its chances.
    monkeypatch.setattr(scraper.workers, "_start_method",
                        lambda: multiprocessing.get_context("forkserver"))
    got = list(ordered_map(_die_on_seven, [7] * 8, 1, lost=_lost, isolated=True))
    assert got == ["lost 7: the worker process was killed by SIGKILL"] * 8


def test_without_lost_a_dying_worker_stops_the_map() -> None:
    with pytest.raises(BrokenProcessPool):
        list(ordered_map(_die_on_seven, range(20), 2, chunk=3))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_writes_an_error_record_for_a_page_that_kills_its_worker(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        jobs: str) -> None:
    monkeypatch.setattr(scraper.cli.extract_cmd, "run_job", run_or_die)
    names = []
    for n in range(12):
        path = tmp_path / f"{n}.html"
        text = KILL_MARK if n == 5 else f"Page {n} says something."
        path.write_text(f"<html><body><article><p>{text} {'Words here. ' * 20}</p></article></body></html>")
        names.append(str(path))
    code, out = _run(capfd, "-j", jobs, *names)
    records = [json.loads(line) for line in out.decode().splitlines()]
    assert code == 1 and [r["input"] for r in records] == names
    assert records[5]["error"] == {"stage": "extract", "type": "WorkerLost",
                                   "message": "the worker process was killed by SIGKILL"}
    assert all("body" in r and "error" not in r for i, r in enumerate(records) if i != 5)
