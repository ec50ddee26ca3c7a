"""A whole ``scraper crawl`` run against local portals, timed end to end.

    python -m bench.bench_crawl            # about a minute on 2 cores
    python -m bench.bench_crawl --quick    # a smoke run

``bench/crawl_server.py`` serves ``HOSTS`` portals on loopback ports (one list page,
``ARTICLES`` distinct articles each), every answer held back by ``--latency``. Each
measured run is a fresh ``python -m scraper crawl -q`` process (a fresh state and
output directory on disk) over all the portals at concurrency ``CONCURRENCY``
(``CONCURRENCY // HOSTS`` per host, no per-host delay, robots.txt on): discovery,
fetching, extraction, the exactly-once JSON Lines writes with their ``fsync`` and the
state commits, as cron runs it. Each variant runs ``--repeat`` times, the variants in
turn, so that a slow spell of the shared machine hits them alike. Client CPU is the
crawl process's (all threads), server CPU the portal process's. Nothing here
asserts; it prints a markdown report.

The variants are the HTTP transports under the fetcher: ``httpx`` (the library's own,
httpcore's pool) and, while it exists, ``own`` (``scraper/fetch/pool.py``); and
``own+warc``, the crawl on its own transport archiving every response (``[crawl]
warc``), for what archiving costs.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.crawl_server import LIST_PATH, PortalServer

HOSTS = 16          # loopback ports, each a portal (site) of its own
CONCURRENCY = 64    # requests in flight over all hosts
ARTICLES = {"full": 100, "quick": 25}   # articles per portal (all fetched: max_new)
LATENCY = 0.1       # seconds before each answer; real portals: 0.1-0.5
REPEAT = 3
# The transports compared, and the crawl on the fetcher's own with a WARC archive too
# (what archiving every response costs).
VARIANTS = ("own", "httpx", "own+warc")
DEFAULT_VARIANTS = ("own", "httpx")


def config_text(ports: list[int], articles: int, output: Path, *, warc: bool = False) -> str:
    lines = ["[crawl]", f"concurrency = {CONCURRENCY}",
             f"per_host_concurrency = {max(1, CONCURRENCY // len(ports))}",
             "per_host_delay = 0.0", "retries = 0", "timeout = 20",
             f'output = "{output}/data/{{site}}.jsonl"', f'state = "{output}/state.sqlite3"']
    if warc:
        lines.append(f'warc = "{output}/archive/{{site}}.warc.gz"')
    lines.append("")
    for i, port in enumerate(ports):
        lines += ["[[site]]", f'name = "portal{i}"',
                  f'start_urls = ["http://127.0.0.1:{port}{LIST_PATH.decode()}"]',
                  "include = ['/a/\\d+\\.html$']", "max_list_pages = 1",
                  f"max_new = {articles}", ""]
    return "\n".join(lines)


@dataclass
class Run:
    variant: str
    seconds: float
    written: int
    exit_code: int
    client_cpu: float
    server_cpu: float

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl_once(server: PortalServer, variant: str, articles: int) -> Run:
    workdir = Path(tempfile.mkdtemp(prefix="bench-crawl-", dir=Path("bench/out").resolve()))
    try:
        config = workdir / "config.toml"
        config.write_text(config_text(server.ports, articles, workdir,
                                      warc=variant.endswith("+warc")), encoding="utf-8")
        cpu0, server0 = _children_cpu(), server.cpu_seconds()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "bench.bench_crawl", "--child",
                               variant.removesuffix("+warc"), str(config)], timeout=600)
        seconds = time.perf_counter() - start
        written = sum(len(p.read_bytes().splitlines()) for p in workdir.glob("data/*.jsonl"))
        run = Run(variant, seconds, written, done.returncode, _children_cpu() - cpu0,
                  server.cpu_seconds() - server0)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"  {variant:<8} {run.written:>5} written {run.seconds:6.2f}s {run.rate:7.1f}/s "
          f"cpu {run.client_cpu / max(run.written, 1) * 1000:5.2f} ms/page "
          f"exit {run.exit_code}", file=sys.stderr)
    return run


def child(variant: str, config: str) -> int:
    """One crawl run, as ``scraper crawl -q`` runs it, on the chosen transport."""
    if variant == "own":
        import scraper.fetch.engine as engine
        if not hasattr(engine, "HostPoolTransport"):
            print("bench_crawl: this fetcher has no transport of its own", file=sys.stderr)
            return 2
    else:
        _use_library_transport()
    from scraper.cli import main as scraper_main
    return scraper_main(["crawl", "-c", config, "-q"])


def _use_library_transport() -> None:
    """Make the fetcher build httpx's own transport (httpcore's connection pool) as
    ``httpx.AsyncClient`` builds it from the fetcher's limits: up to ``concurrency``
    connections, all kept alive, HTTP/2 offered over TLS."""
    import httpx

    import scraper.fetch.engine as engine
    if not hasattr(engine, "HostPoolTransport"):
        return   # the library's transport is already the fetcher's own choice

    def library(per_host: int) -> httpx.AsyncBaseTransport:
        limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
        return httpx.AsyncHTTPTransport(limits=limits, http2=True)
    engine.HostPoolTransport = library  # type: ignore[assignment,misc]


def report(runs: list[Run], articles: int, templates: int) -> str:
    lines = ["# Crawl end to end", "",
             (f"`scraper crawl` in a fresh process per run: {HOSTS} portals on loopback ports, "
              f"{articles} distinct articles each ({templates} sample pages made distinct), "
              f"{LATENCY * 1000:.0f} ms per answer, concurrency {CONCURRENCY} "
              f"({CONCURRENCY // HOSTS} per host), robots.txt on, extraction and the "
              "exactly-once writes included."), "",
             "| variant | runs | written per run | seconds (median) | pages/s (median) "
             "| pages/s (best) | pages/s (each run) | crawl CPU ms/page (median) |",
             "|---|---:|---:|---:|---:|---:|---|---:|"]
    medians: dict[str, float] = {}
    best: dict[str, float] = {}
    for variant in dict.fromkeys(r.variant for r in runs):
        mine = [r for r in runs if r.variant == variant and r.written]
        if not mine:
            continue
        medians[variant] = statistics.median(r.rate for r in mine)
        best[variant] = max(r.rate for r in mine)
        cpu = statistics.median(r.client_cpu / r.written * 1000 for r in mine)
        lines.append(f"| {variant} | {len(mine)} | {mine[0].written} | "
                     f"{statistics.median(r.seconds for r in mine):.2f} | "
                     f"{medians[variant]:.1f} | {best[variant]:.1f} | "
                     f"{', '.join(f'{r.rate:.1f}' for r in mine)} | {cpu:.2f} |")
    own = [r.rate for r in runs if r.variant == "own"]
    lib = [r.rate for r in runs if r.variant == "httpx"]
    if own and len(own) == len(lib) and all(lib):
        paired = [o / h for o, h in zip(own, lib)]
        lines += ["", (f"own ÷ httpx, end to end: {best['own'] / best['httpx']:.2f}× (best "
                       f"runs: the least disturbed by other work on the machine), "
                       f"{medians['own'] / medians['httpx']:.2f}× "
                       f"(medians); run by run, in turn: "
                       f"{', '.join(f'{p:.2f}×' for p in paired)} "
                       f"(median {statistics.median(paired):.2f}×)")]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_crawl", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer articles, one run each")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs per transport")
    parser.add_argument("--variants", nargs="+", default=list(DEFAULT_VARIANTS),
                        choices=VARIANTS, help="default: %(default)s")
    parser.add_argument("--out", type=Path, default=Path("bench/out/crawl.md"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)
    size = "quick" if args.quick else "full"
    repeat = 1 if args.quick else args.repeat
    articles = ARTICLES[size]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    runs: list[Run] = []
    with PortalServer(LATENCY, HOSTS, articles) as server:
        for _ in range(repeat):
            runs += [crawl_once(server, v, articles) for v in args.variants]
    text = report(runs, articles, server.templates)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
