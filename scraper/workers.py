"""Extraction on every core: an ordered, bounded map over worker processes.

``ordered_map(fn, items, jobs)`` yields ``fn(item)`` for each item in input order,
running the calls in ``jobs`` worker processes. A worker that dies (a crash in native
code, the kernel's out-of-memory killer) takes no other item with it: the items it may
have held run again one by one, each in a process of its own, and the one that kills
that process too yields ``lost(item, reason)`` in its place. It reads ``items`` lazily and keeps at
most ``window`` chunks in flight, so memory stays flat however long the input is: a
result is handed on before more input is read. With one job it is a plain ``map`` in
this process, unless the caller asks for ``isolated`` items: then one worker process
runs them, so that a crash costs one item there too.

Workers are forked from this process when it runs no other thread (``scraper
extract``): they start at once with everything already imported. A process with other
threads (a crawl's fetcher, which may hold a lock at that moment) starts them from a
fork server that has imported the extractor instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items sent to a worker at once: pages take milliseconds each, a round trip to a
# worker a fraction of one, so a few pages per trip keep the parent process's share
# (pickling, waking workers) small.
CHUNK_ITEMS = 8
# Chunks in flight per worker: enough that a worker never waits for the next while
# the parent writes results, few enough to keep memory flat.
CHUNKS_PER_WORKER = 4
# How long the cause of a worker's death is waited for (it is known within
# milliseconds; a busy machine may take longer), and how often it is looked at.
DEATH_WAIT_SECONDS = 5.0
DEATH_POLL_SECONDS = 0.02
# Modules the fork server imports once, so that workers start ready.
PRELOAD = ["scraper.batch", "scraper.overrides"]


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """Worker processes for ``jobs`` (0 means one per core)."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (all cores) or more, got {jobs}")
    return jobs or cpu_count()


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int, *,
                chunk: int = CHUNK_ITEMS, window: int | None = None,
                lost: Callable[[T, str], R] | None = None,
                isolated: bool = False) -> Iterator[R]:
    """``fn`` over ``items`` in ``jobs`` processes, results in input order (see module).

    ``fn`` must be a module-level function and items and results picklable. ``window``
    is the most chunks in flight (default ``CHUNKS_PER_WORKER`` per worker). ``lost``
    makes the result of an item whose process died; without it, that raises
    ``BrokenProcessPool``. ``isolated`` keeps items out of this process with one job too.
    """
    jobs = resolve_jobs(jobs)
    if jobs == 1 and not isolated:
        yield from map(fn, items)
        return
    window = window or jobs * CHUNKS_PER_WORKER
    context = _start_method()
    source = iter(items)
    pending: deque[tuple[list[T], Future[list[R]] | None]] = deque()
    while True:   # one pass per pool: a pool that loses a worker is broken for good
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts) as pool:
            try:
                while True:
                    while len(pending) < window and (batch := list(islice(source, chunk))):
                        # held before it is sent: a broken pool refuses it at submit
                        pending.append((batch, None))
                        pending[-1] = (batch, pool.submit(_run_chunk, fn, batch))
                    if not pending:
                        return
                    future = pending[0][1]
                    assert future is not None
                    yield from future.result()
                    pending.popleft()
            except BrokenProcessPool:
                suspects = [item for batch, _ in pending for item in batch]
                pending.clear()
            finally:
                for _, sent in pending:
                    if sent is not None:
                        sent.cancel()
        yield from _one_by_one(fn, suspects, context, lost)


def _one_by_one(fn: Callable[[T], R], items: list[T], context: multiprocessing.context.BaseContext,
                lost: Callable[[T, str], R] | None) -> Iterator[R]:
    """``fn`` over ``items`` after a worker died, each item in a process of its own, so
    that only the item that kills its process is lost."""
    for item in items:
        with ProcessPoolExecutor(1, mp_context=context, initializer=_ignore_interrupts) as pool:
            try:
                yield pool.submit(_run_chunk, fn, [item]).result()[0]
                continue
            except BrokenProcessPool as error:
                if lost is None:
                    raise
                reason = _death(pool) or str(error)
        yield lost(item, reason)


def _death(pool: ProcessPoolExecutor) -> str | None:
    """How the pool's one worker ended ("killed by signal 11", "exit code 1"), if known.

    The pool's manager thread joins a broken pool's workers itself; it is waited for
    first, so that the worker's status is read once. Two readers race: a forked
    worker's status goes to one wait only, and a fork server's worker reports its code
    on a pipe read once, the other reader taking code 255 in its place."""
    processes = list(getattr(pool, "_processes", {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(timeout=DEATH_WAIT_SECONDS)
    for process in processes:
        code = _exit_code(process)
        if code is not None and code < 0:
            try:
                return f"the worker process was killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"the worker process was killed by signal {-code}"
        if code:
            return f"the worker process exited with code {code}"
    return None


def _exit_code(process: multiprocessing.process.BaseProcess) -> int | None:
    """The exit code of a worker that has died, once known. The pool's own thread reaps
    the worker at the same time: when it wins, this process's wait finds no child and
    the code appears only once that thread has stored it, so it is waited for."""
    deadline = time.monotonic() + DEATH_WAIT_SECONDS
    while True:
        process.join(timeout=DEATH_POLL_SECONDS)
        code = process.exitcode
        if code is not None or time.monotonic() >= deadline:
            return code


def _start_method() -> multiprocessing.context.BaseContext:
    # Python forks the pool's processes before it starts its own manager thread, so a
    # process with one thread forks them safely.
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent stops the run
    (exit 130), so workers leave it to the parent instead of each printing a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_chunk(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(item) for item in batch]
