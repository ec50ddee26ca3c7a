"""Hostile pages: each page of ``hostile_pages.PAGES``, each engine, in a fresh process.

Method: a child process builds the page (not timed), imports the engine and extracts
once; it reports the CPU seconds of the extraction (``time.process_time``), its wall
seconds, its peak memory (``ru_maxrss``) and what our record says was cut. A fresh
process per page and engine, so that no page's memory or caches help another, and a
page that stalls an engine is stopped at ``timeout`` seconds and shown as such.

The budget a page must stay within: ``BUDGET_BASE_SECONDS`` plus
``BUDGET_SECONDS_PER_MB`` per MB of page, about ``PEER_RATIO_MAX`` times trafilatura's
time on it, and ``MEMORY_MAX_MB`` of memory.

``python -m bench.hostile`` runs this part alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .hostile_pages import PAGES

ENGINES = ("scraper", "trafilatura")
# Seconds after which an engine's process on one page is stopped.
TIMEOUT_SECONDS = 300.0
# A page's budget: a second plus half a second per MB, and at most about three times
# trafilatura's time; under 1.5 GB of memory.
BUDGET_BASE_SECONDS = 1.0
BUDGET_SECONDS_PER_MB = 0.5
PEER_RATIO_MAX = 3.0
MEMORY_MAX_MB = 1536

REPO_ROOT = Path(__file__).resolve().parent.parent

# What the child process runs: build, extract once, report as one JSON line.
_CHILD = """
import json, resource, sys, time
from bench.hostile_pages import PAGES
from scraper import extract
name, engine = sys.argv[1], sys.argv[2]
page = PAGES[name][0]()
size = len(page.encode("utf-8"))
# Both engines extract a tiny page first, so that neither's lazy imports and
# first-use setup are timed as the hostile page's work.
extract("<html><body><p>warm-up</p></body></html>", engine=engine)
cpu, wall = time.process_time(), time.perf_counter()
article = extract(page, engine=engine)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
print(json.dumps({"bytes": size, "cpu": cpu, "wall": wall, "body": len(article.body),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "truncated": list(article.truncated)}))
"""


@dataclass(frozen=True)
class HostileResult:
    page: str
    engine: str
    megabytes: float | None = None
    cpu_seconds: float | None = None     # None: stopped at the timeout, or failed
    wall_seconds: float | None = None
    memory_mb: float | None = None
    body_chars: int | None = None
    truncated: tuple[str, ...] = ()
    problem: str | None = None           # "timeout after 300 s", or the error's last line


def run_page(name: str, engine: str, timeout: float = TIMEOUT_SECONDS) -> HostileResult:
    """One page through one engine in a fresh process."""
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, name, engine], cwd=REPO_ROOT,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return HostileResult(name, engine, problem=f"timeout after {timeout:g} s")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return HostileResult(name, engine, problem=last)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return HostileResult(name, engine, report["bytes"] / 1e6, report["cpu"], report["wall"],
                         report["rss_mb"], report["body"], tuple(report["truncated"]))


def run_hostile(engines: tuple[str, ...] = ENGINES, timeout: float = TIMEOUT_SECONDS,
                progress: bool = True) -> list[HostileResult]:
    results = []
    for name in PAGES:
        for engine in engines:
            if progress:
                print(f"[hostile] {name}: {engine}", file=sys.stderr)
            results.append(run_page(name, engine, timeout))
    return results


def budget_seconds(megabytes: float) -> float:
    return BUDGET_BASE_SECONDS + BUDGET_SECONDS_PER_MB * megabytes


def _seconds(result: HostileResult | None) -> str:
    if result is None:
        return "–"
    if result.cpu_seconds is None:
        return result.problem or "failed"
    return f"{result.cpu_seconds:.2f}"


def hostile_table(results: list[HostileResult]) -> list[str]:
    """Markdown rows: per page, our time, memory and cuts beside trafilatura's time, the
    text each kept, and whether ours stays within the budget (time, ratio, memory)."""
    by_key = {(r.page, r.engine): r for r in results}
    lines = ["| page | MB | scraper CPU s | trafilatura CPU s | ÷ trafilatura | budget s "
             "| scraper peak MB | truncated | body chars (scraper / trafilatura) | met |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, (_, what) in PAGES.items():
        ours, peer = by_key.get((name, "scraper")), by_key.get((name, "trafilatura"))
        size = next((r.megabytes for r in (ours, peer) if r and r.megabytes), None)
        budget = budget_seconds(size) if size is not None else None
        lines.append("| " + " | ".join([
            what, f"{size:.1f}" if size is not None else "–", _seconds(ours), _seconds(peer),
            _ratio(ours, peer), f"{budget:.2f}" if budget is not None else "–",
            f"{ours.memory_mb:.0f}" if ours and ours.memory_mb is not None else "–",
            ", ".join(ours.truncated) if ours and ours.truncated else "–",
            f"{_chars(ours)} / {_chars(peer)}", _met(ours, peer, budget)]) + " |")
    return lines


def _chars(result: HostileResult | None) -> str:
    """The body's length: how much of the page an engine kept, beside its time."""
    return f"{result.body_chars:,}" if result and result.body_chars is not None else "–"


def hostile_met(results: list[HostileResult]) -> list[bool]:
    """Per page that ours ran on: whether it met its budget (see ``_met``)."""
    by_key = {(r.page, r.engine): r for r in results}
    met = []
    for name in PAGES:
        ours, peer = by_key.get((name, "scraper")), by_key.get((name, "trafilatura"))
        if ours is not None:
            size = next((r.megabytes for r in (ours, peer) if r and r.megabytes), None)
            met.append(_met(ours, peer, budget_seconds(size) if size else None) == "yes")
    return met


def _ratio(ours: HostileResult | None, peer: HostileResult | None) -> str:
    if ours is None or peer is None or ours.cpu_seconds is None:
        return "–"
    if peer.cpu_seconds is None:   # the peer was stopped: ours is far below it
        return f"< {ours.cpu_seconds / TIMEOUT_SECONDS:.2f}×" if peer.problem and \
            peer.problem.startswith("timeout") else "–"
    return f"{ours.cpu_seconds / max(peer.cpu_seconds, 1e-3):.2f}×"


def _met(ours: HostileResult | None, peer: HostileResult | None, budget: float | None) -> str:
    """yes: within the time budget, under the memory bound, and at most about
    PEER_RATIO_MAX times the peer's time (when the peer finished)."""
    if ours is None:
        return "–"
    if ours.cpu_seconds is None or budget is None or ours.memory_mb is None:
        return "**no**"
    met = ours.cpu_seconds <= budget and ours.memory_mb < MEMORY_MAX_MB
    if peer is not None and peer.cpu_seconds is not None:
        met = met and ours.cpu_seconds <= PEER_RATIO_MAX * peer.cpu_seconds
    return "yes" if met else "**no**"


def main() -> int:
    print("\n".join(hostile_table(run_hostile())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
