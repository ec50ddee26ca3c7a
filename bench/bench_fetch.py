"""Fetch throughput and memory against a local server, beside a plain httpx loop.

    python -m bench.bench_fetch            # about two minutes on 2 cores
    python -m bench.bench_fetch --quick    # a smoke run, fewer pages

A separate process serves the sample pages (``samples/pages/*/source.html``) on
``HOSTS`` loopback ports, each answer held back by ``LATENCY`` seconds to stand in for
a real server, so that concurrency matters. Each port is a host to the fetcher (its
own robots.txt, politeness gate and connections). The fetcher runs with robots.txt on,
no per-host delay and ``concurrency // HOSTS`` requests per host. Peak memory is the
resident set of a fresh process that streams N pages (VmHWM, counted from after
imports). Figures depend on the machine: read them as ratios. Nothing here asserts; it prints a markdown report.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import httpx

from scraper.extract import extract
from scraper.fetch import Fetcher, FetchConfig
from scraper.fetch.result import content_type_charset

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pages"
LATENCY = 0.03          # seconds the local server waits before each answer (a real server's)
HOSTS = 16              # loopback ports, each a separate host to the fetcher
CONCURRENCY = (1, 16, 64)
# Pages per measured run: enough for a few seconds each, bounded so the bench ends soon.
PAGES = {"sequential": 150, 1: 150, 16: 800, 64: 3000}
QUICK_PAGES = {"sequential": 40, 1: 40, 16: 200, 64: 600}
MEMORY_PAGES = (1000, 5000)   # pages streamed by the fetcher in the memory runs
MEMORY_SEQUENTIAL_PAGES = 500  # the plain loop is slow at LATENCY: fewer pages
ROBOTS = b"User-agent: *\nAllow: /\n"


# -- the local server (its own process) -------------------------------------------------


def _load_pages() -> list[bytes]:
    pages = [p.read_bytes() for p in sorted(SAMPLES.glob("*/source.html"))]
    return pages or [b"<html><body>" + b"<p>Paragraph of a page.</p>" * 200 + b"</body></html>"]


async def _serve(conn: Connection, latency: float) -> None:
    pages = _load_pages()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1]
                await asyncio.sleep(latency)
                if path == b"/robots.txt":
                    body, kind = ROBOTS, b"text/plain"
                else:
                    body, kind = pages[hash(path) % len(pages)], b"text/html"
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                             b"\r\n%s" % (kind, len(body), body))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512)
               for _ in range(HOSTS)]
    conn.send([s.sockets[0].getsockname()[1] for s in servers])
    await asyncio.Event().wait()   # until the parent terminates this process


def _server_main(conn: Connection, latency: float) -> None:
    asyncio.run(_serve(conn, latency))


class LocalServer:
    """The page server process; a context manager that always stops it."""

    def __init__(self, latency: float) -> None:
        parent, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_server_main, args=(child, latency),
                                               daemon=True)
        self.process.start()
        self.ports: list[int] = parent.recv()

    def urls(self, count: int, tag: str) -> Iterator[str]:
        for i in range(count):
            yield f"http://127.0.0.1:{self.ports[i % len(self.ports)]}/{tag}/{i}.html"

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.join(5)


# -- the measured runs ------------------------------------------------------------------


@dataclass
class Run:
    name: str
    concurrency: int
    extraction: bool
    pages: int
    failed: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def _extract(content: bytes, url: str, charset: str | None) -> None:
    extract(content, url=url, http_charset=charset)


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
                _extract(response.content, url,
                         content_type_charset(response.headers.get("content-type")))
    return pages, failed


def fetched(urls: Iterator[str], concurrency: int, with_extraction: bool) -> tuple[int, int]:
    config = FetchConfig(concurrency=concurrency, per_host_concurrency=max(1, concurrency // HOSTS),
                         per_host_delay=0.0)
    pages = failed = 0
    with Fetcher(config) as fetcher:
        for result in fetcher.fetch_many(urls):
            pages += 1
            if not result.ok:
                failed += 1
            elif with_extraction:
                _extract(result.content or b"", result.final_url or result.url, result.charset)
    return pages, failed


def measure(name: str, concurrency: int, extraction: bool,
            work: Callable[[], tuple[int, int]]) -> Run:
    start = time.perf_counter()
    pages, failed = work()
    run = Run(name, concurrency, extraction, pages, failed, time.perf_counter() - start)
    print(f"  {name:<22} c={concurrency:<3} extract={'yes' if extraction else 'no ':<3} "
          f"{run.pages:>5} pages {run.seconds:6.2f}s {run.rate:8.1f}/s failed={failed}",
          file=sys.stderr)
    return run


def throughput(server: LocalServer, counts: dict[object, int]) -> list[Run]:
    runs: list[Run] = []
    for extraction in (False, True):
        tag = "x" if extraction else "f"
        runs.append(measure("plain httpx loop", 1, extraction, lambda: sequential(
            server.urls(counts["sequential"], f"seq{tag}"), extraction)))
        for c in CONCURRENCY:
            runs.append(measure("Fetcher", c, extraction, lambda c=c: fetched(
                server.urls(counts[c], f"c{c}{tag}"), c, extraction)))
    return runs


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
        fetched(urls, 64, False)
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


def report(runs: list[Run], memory: list[tuple[str, int, float]], latency: float) -> str:
    base = {r.extraction: r.rate for r in runs if r.name == "plain httpx loop"}
    lines = [
        "# Fetch throughput",
        "",
        f"Local server: {HOSTS} loopback ports (hosts), {latency * 1000:.0f} ms latency per "
        f"answer, {len(_load_pages())} sample pages served in turn. Fetcher: robots.txt on, "
        "no per-host delay, concurrency // hosts requests per host.",
        "",
        "| client | concurrency | extraction | pages | seconds | pages/s | vs plain loop | failed |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        ratio = r.rate / base[r.extraction] if base.get(r.extraction) else 0.0
        lines.append(f"| {r.name} | {r.concurrency} | {'yes' if r.extraction else 'no'} | "
                     f"{r.pages} | {r.seconds:.2f} | {r.rate:.1f} | {ratio:.1f}x | {r.failed} |")
    lines += ["", "## Peak memory (fresh process, no extraction)", "",
              "| client | pages | peak RSS (MiB) |", "|---|---:|---:|"]
    lines += [f"| {name} | {count} | {mib:.1f} |" for name, count, mib in memory]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_fetch", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer pages, no memory runs")
    parser.add_argument("--latency", type=float, default=LATENCY,
                        help="server latency in seconds (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("bench/out/fetch.md"))
    parser.add_argument("--memory-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        mode, count, *ports = args.memory_child
        _memory_child(mode, int(count), [int(p) for p in ports])
        return 0
    with LocalServer(args.latency) as server:
        runs = throughput(server, QUICK_PAGES if args.quick else PAGES)
        memory: list[tuple[str, int, float]] = []
        if not args.quick:
            memory.append(("plain httpx loop", MEMORY_SEQUENTIAL_PAGES,
                           peak_rss("sequential", MEMORY_SEQUENTIAL_PAGES, server.ports)))
            memory += [("Fetcher c=64", n, peak_rss("fetcher", n, server.ports))
                       for n in MEMORY_PAGES]
    text = report(runs, memory, args.latency)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
