"""Fetch throughput and memory against a local server, beside a plain httpx loop.

    python -m bench.bench_fetch            # under two minutes on 2 cores
    python -m bench.bench_fetch --quick    # a smoke run, fewer pages, no memory runs

A separate, cheap process (``bench/fetch_server.py``) serves the sample pages
(``samples/pages/*/source.html``) on ``HOSTS`` loopback ports, each answer held back by
a latency that stands in for a real server, so that concurrency matters. Every table is
measured at each of ``LATENCIES`` in the same run. Each port is a host to the fetcher
(its own robots.txt, politeness gate and connections). The fetcher runs with
robots.txt on, no per-host delay and ``concurrency // HOSTS`` requests per host.
Client CPU is the benchmark process's CPU time per page (all its threads, plus its
extraction workers when there are any); server CPU is the server process's. Peak
memory is the resident set of a fresh process that streams N pages (VmHWM, counted
from after imports). Figures depend on the machine: read them as ratios. Nothing here
asserts; it prints a markdown report.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import resource
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import httpx

from bench.fetch_server import LocalServer, load_pages, proc_cpu_seconds
from scraper.extract import extract
from scraper.fetch import FetchConfig, Fetcher
from scraper.fetch.result import content_type_charset

LATENCIES = (0.03, 0.1)  # seconds the server waits before each answer; real portals: 0.1-0.5
HOSTS = 16               # loopback ports, each a separate host to the fetcher
CONCURRENCY = (1, 16, 64)
TARGET_CONCURRENCY = 64  # where the goal is judged
TARGET_RATIO = 20.0      # the goal: this many times the plain loop's pages/s
EXTRACT_WORKERS = 2      # extraction processes in the worker row (the machine's cores)
# Seconds of serial fetching (plain loop, concurrency 1) per run: pages = this / latency.
SERIAL_SECONDS = {"full": 4.0, "quick": 1.2}
# Pages per concurrent run, without and with extraction: a few seconds each.
PAGES = {"full": {16: 800, 64: 3000}, "quick": {16: 200, 64: 600}}
EXTRACT_PAGES = {"full": {16: 400, 64: 800}, "quick": {16: 100, 64: 200}}
MEMORY_PAGES = (1000, 5000)   # pages streamed by the fetcher in the memory runs
MEMORY_SEQUENTIAL_PAGES = 500  # the plain loop is slow: fewer pages
# Extraction jobs queued per worker process: keeps workers busy, bounds memory.
EXTRACT_WINDOW_PER_WORKER = 4


# -- extraction, inline or in worker processes ---------------------------------------------


def extract_page(content: bytes, url: str, charset: str | None) -> int:
    """Extract one page; the body's length (a small answer to send back)."""
    return len(extract(content, url=url, http_charset=charset).body)


def _warm() -> int:
    """Occupy a worker long enough that each gets one: all started, all imported."""
    time.sleep(0.3)
    return os.getpid()


class Extractor:
    """Runs ``extract_page`` inline (``pool`` None) or in a process pool, keeping at most
    ``EXTRACT_WINDOW_PER_WORKER`` jobs per worker queued, so memory stays flat."""

    def __init__(self, pool: concurrent.futures.ProcessPoolExecutor | None, workers: int) -> None:
        self.pool = pool
        self.window = workers * EXTRACT_WINDOW_PER_WORKER
        self.pending: deque[concurrent.futures.Future[int]] = deque()

    def submit(self, content: bytes, url: str, charset: str | None) -> None:
        if self.pool is None:
            extract_page(content, url, charset)
            return
        self.pending.append(self.pool.submit(extract_page, content, url, charset))
        while len(self.pending) > self.window:
            self.pending.popleft().result()

    def drain(self) -> None:
        while self.pending:
            self.pending.popleft().result()


# -- the measured runs ------------------------------------------------------------------


@dataclass
class Run:
    name: str
    latency: float
    concurrency: int
    extraction: bool
    pages: int
    failed: int
    seconds: float
    client_cpu: float   # seconds
    server_cpu: float   # seconds

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    def per_page_ms(self, cpu: float) -> float:
        return cpu / self.pages * 1000 if self.pages else 0.0


def sequential(urls: Iterator[str], with_extraction: bool) -> tuple[int, int]:
    """The baseline: one httpx.Client, one GET after another."""
    pages = failed = 0
    with httpx.Client(timeout=20.0) as client:
        for url in urls:
            pages += 1
            try:
                response = client.get(url)
            except httpx.HTTPError:
                failed += 1
                continue
            if with_extraction:
                extract_page(response.content, url,
                             content_type_charset(response.headers.get("content-type")))
    return pages, failed


def fetched(urls: Iterator[str], concurrency: int, extractor: Extractor | None) -> tuple[int, int]:
    config = FetchConfig(concurrency=concurrency,
                         per_host_concurrency=max(1, concurrency // HOSTS), per_host_delay=0.0)
    pages = failed = 0
    with Fetcher(config) as fetcher:
        for result in fetcher.fetch_many(urls):
            pages += 1
            if not result.ok:
                failed += 1
            elif extractor is not None:
                extractor.submit(result.content or b"", result.final_url or result.url,
                                 result.charset)
        if extractor is not None:
            extractor.drain()
    return pages, failed


def _cpu_seconds() -> float:
    """CPU time of this process, all threads."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def measure(server: LocalServer, name: str, concurrency: int, extraction: bool,
            work: Callable[[], tuple[int, int]], pool_cpu: Callable[[], float] = lambda: 0.0,
            ) -> Run:
    cpu0, server0, pool0 = _cpu_seconds(), server.cpu_seconds(), pool_cpu()
    start = time.perf_counter()
    pages, failed = work()
    seconds = time.perf_counter() - start
    run = Run(name, server.latency, concurrency, extraction, pages, failed, seconds,
              _cpu_seconds() - cpu0 + pool_cpu() - pool0, server.cpu_seconds() - server0)
    print(f"  {server.latency * 1000:4.0f} ms {name:<30} c={concurrency:<3} "
          f"extract={'yes' if extraction else 'no ':<3} {run.pages:>5} pages "
          f"{run.seconds:6.2f}s {run.rate:8.1f}/s cpu {run.per_page_ms(run.client_cpu):5.2f} "
          f"ms/page failed={failed}", file=sys.stderr)
    return run


def throughput(server: LocalServer, size: str, workers: int) -> list[Run]:
    serial = max(10, round(SERIAL_SECONDS[size] / server.latency))
    runs: list[Run] = []
    for extraction in (False, True):
        tag = "x" if extraction else "f"
        counts = (EXTRACT_PAGES if extraction else PAGES)[size]
        inline = Extractor(None, 0) if extraction else None
        runs.append(measure(server, "plain httpx loop", 1, extraction, partial(
            sequential, server.urls(serial, f"seq{tag}"), extraction)))
        for c in CONCURRENCY:
            runs.append(measure(server, "Fetcher", c, extraction, partial(
                fetched, server.urls(counts.get(c, serial), f"c{c}{tag}"), c, inline)))
    if workers:
        runs.append(_worker_run(server, workers, EXTRACT_PAGES[size][TARGET_CONCURRENCY]))
    return runs


def _worker_run(server: LocalServer, workers: int, pages: int) -> Run:
    """Concurrency 64 with extraction in ``workers`` processes (started before timing)."""
    context = multiprocessing.get_context("spawn")   # no fork of the fetcher's threads
    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        pids = {job.result() for job in [pool.submit(_warm) for _ in range(workers)]}
        extractor = Extractor(pool, workers)
        return measure(server, f"Fetcher + {workers} extraction processes",
                       TARGET_CONCURRENCY, True,
                       partial(fetched, server.urls(pages, "w"), TARGET_CONCURRENCY, extractor),
                       pool_cpu=lambda: sum(proc_cpu_seconds(pid) for pid in pids))


# -- peak memory (fresh processes) ----------------------------------------------------------


def _reset_peak() -> None:
    """Start the peak-RSS count afresh (Linux), so imports do not set the peak."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def _memory_child(mode: str, count: int, ports: list[int]) -> None:
    urls = (f"http://127.0.0.1:{ports[i % len(ports)]}/m/{i}.html" for i in range(count))
    _reset_peak()
    if mode == "sequential":
        sequential(urls, False)
    else:
        fetched(urls, TARGET_CONCURRENCY, None)
    print(_peak_kib())


def _peak_kib() -> int:
    """This process's peak resident memory in KiB. VmHWM, not ru_maxrss: after fork and
    exec, ru_maxrss still counts the parent's memory at the fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_rss(mode: str, count: int, ports: list[int]) -> float:
    """Peak resident memory (MiB) of a fresh process streaming ``count`` pages."""
    out = subprocess.run([sys.executable, "-m", "bench.bench_fetch", "--memory-child", mode,
                          str(count), *map(str, ports)], capture_output=True, text=True,
                         check=True, timeout=600)
    return int(out.stdout.split()[-1]) / 1024


# -- report -------------------------------------------------------------------------------


def _ratio(run: Run, runs: list[Run]) -> float:
    base = next((r.rate for r in runs if r.name == "plain httpx loop"
                 and r.latency == run.latency and r.extraction == run.extraction), 0.0)
    return run.rate / base if base else 0.0


def _target_run(runs: list[Run], latency: float, extraction: bool = False) -> Run | None:
    return next((r for r in runs if r.name == "Fetcher" and r.latency == latency
                 and r.concurrency == TARGET_CONCURRENCY and r.extraction == extraction), None)


def _latency_table(runs: list[Run], latency: float) -> list[str]:
    lines = [f"### {latency * 1000:.0f} ms per answer", "",
             ("| client | concurrency | extraction | pages | seconds | pages/s | vs plain loop "
              "| client CPU ms/page | server CPU ms/page | failed |"),
             "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in (r for r in runs if r.latency == latency):
        lines.append(f"| {r.name} | {r.concurrency} | {'yes' if r.extraction else 'no'} | "
                     f"{r.pages} | {r.seconds:.2f} | {r.rate:.1f} | {_ratio(r, runs):.1f}x | "
                     f"{r.per_page_ms(r.client_cpu):.2f} | {r.per_page_ms(r.server_cpu):.2f} | "
                     f"{r.failed} |")
    return lines + [""]


def _verdicts(runs: list[Run], latencies: tuple[float, ...]) -> list[str]:
    lines = [(f"Target: at concurrency {TARGET_CONCURRENCY}, without extraction, at least "
              f"{TARGET_RATIO:g}x the plain loop."), ""]
    for latency in latencies:
        run = _target_run(runs, latency)
        if run is None:
            continue
        ratio = _ratio(run, runs)
        ceiling = 1000 / run.per_page_ms(run.client_cpu) if run.client_cpu else 0.0
        lines.append(f"* {latency * 1000:.0f} ms: {ratio:.1f}x "
                     f"({'met' if ratio >= TARGET_RATIO else 'not met'}); the fetcher used "
                     f"{run.per_page_ms(run.client_cpu):.2f} ms CPU per page, so one free core "
                     f"caps it near {ceiling:.0f} pages/s.")
        with_x = _target_run(runs, latency, extraction=True)
        if with_x is not None:
            cost = with_x.per_page_ms(with_x.client_cpu)
            lines.append(f"  With extraction in the consuming thread: {cost:.2f} ms CPU per "
                         f"page (fetch and extraction share one interpreter lock), a ceiling "
                         f"near {1000 / cost if cost else 0:.0f} pages/s; measured "
                         f"{with_x.rate:.1f}.")
    return lines + [""]


def report(runs: list[Run], memory: list[tuple[str, int, float]],
           latencies: tuple[float, ...]) -> str:
    lines = [
        "# Fetch throughput", "",
        (f"Local server: its own process (`bench/fetch_server.py`, asyncio protocol answering "
         f"from prebuilt bytes), {HOSTS} loopback ports (hosts), "
         f"{len(load_pages())} sample pages served in turn. Fetcher: robots.txt on, no "
         "per-host delay, concurrency // hosts requests per host. Client CPU: this process "
         "(all threads; plus the extraction processes in their row)."), "",
    ]
    for latency in latencies:
        lines += _latency_table(runs, latency)
    lines += _verdicts(runs, latencies)
    if memory:
        lines += ["## Peak memory (fresh process, no extraction)", "",
                  "| client | pages | peak RSS (MiB) |", "|---|---:|---:|"]
        lines += [f"| {name} | {count} | {mib:.1f} |" for name, count, mib in memory]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_fetch", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer pages, no memory runs")
    parser.add_argument("--latency", type=float, nargs="+", default=list(LATENCIES),
                        help="server latencies in seconds (default: %(default)s)")
    parser.add_argument("--extract-workers", type=int, default=EXTRACT_WORKERS,
                        help="extraction processes in the worker row, 0 for none "
                             "(default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("bench/out/fetch.md"))
    parser.add_argument("--memory-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        mode, count, *ports = args.memory_child
        _memory_child(mode, int(count), [int(p) for p in ports])
        return 0
    size = "quick" if args.quick else "full"
    latencies = tuple(args.latency)
    runs: list[Run] = []
    memory: list[tuple[str, int, float]] = []
    for latency in latencies:
        with LocalServer(latency, HOSTS) as server:
            runs += throughput(server, size, args.extract_workers)
            if not args.quick and latency == latencies[0]:
                memory.append(("plain httpx loop", MEMORY_SEQUENTIAL_PAGES,
                               peak_rss("sequential", MEMORY_SEQUENTIAL_PAGES, server.ports)))
                memory += [(f"Fetcher c={TARGET_CONCURRENCY}", n,
                            peak_rss("fetcher", n, server.ports)) for n in MEMORY_PAGES]
    text = report(runs, memory, latencies)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
