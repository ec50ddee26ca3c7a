"""Scaling over cores: ``scraper extract -j N`` and the datatrove step, pages per second.

``-j`` scaling: the speed pages are written as files (``SCALING_REPEAT`` copies of the
set, so that pool start-up is a small share of a run) and ``scraper extract -q -j N``
runs over them as a user runs it, in a subprocess, for each N; the wall-clock time of
the fastest of ``rounds`` runs counts, the runs of each N alternating. The outputs are
compared byte for byte with ``-j 1``'s.

datatrove: the same pages as WARC files (one per task), read by
``ScraperWarcReader``, extracted by ``ScraperExtractor`` and written by datatrove's
``JsonlWriter`` under ``LocalPipelineExecutor`` with 2 tasks and 1 or 2 workers,
wall-clock time of the whole run (process start-up included); pages are those the
extraction step was given.

Wall-clock time on a shared machine moves with whatever else runs: quote a ratio
from one run. ``python -m bench.scaling`` runs this section alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .speed import SpeedPage, default_speed_pages
from .warc_read import write_archive

ROUNDS = 3
# Copies of the speed pages in a -j run: about 1,200 pages, several seconds with -j 1.
SCALING_REPEAT = 3
JOBS = (1, 2)
# Tasks of the datatrove run: its WARC files, and its most workers.
DATATROVE_TASKS = 2


@dataclass(frozen=True)
class ScalingResult:
    what: str            # "scraper extract -j 2", "datatrove, 2 workers"
    workers: int
    pages: int
    wall_seconds: float
    identical: bool | None = None   # output bytes equal to one worker's (-j runs)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.wall_seconds if self.wall_seconds > 0 else float("inf")


def _extract_run(files: list[str], jobs: int, out: Path) -> float:
    command = [sys.executable, "-m", "scraper", "-q", "extract", "-j", str(jobs), *files]
    started = time.perf_counter()
    with out.open("wb") as stream:
        subprocess.run(command, stdout=stream, check=False)
    return time.perf_counter() - started


def run_jobs_scaling(pages: list[SpeedPage], rounds: int = ROUNDS,
                     jobs: tuple[int, ...] = JOBS) -> list[ScalingResult]:
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as folder:
        root = Path(folder)
        files = []
        for number, page in enumerate(pages * SCALING_REPEAT):
            path = root / f"page-{number:05d}.html"
            path.write_bytes(page.raw)
            files.append(str(path))
        best = {n: float("inf") for n in jobs}
        for _ in range(rounds):
            for n in jobs:
                best[n] = min(best[n], _extract_run(files, n, root / f"out-{n}.jsonl"))
        first = (root / f"out-{jobs[0]}.jsonl").read_bytes()
        results = []
        for n in jobs:
            same = (root / f"out-{n}.jsonl").read_bytes() == first
            print(f"[scaling] extract -j {n}: {len(files)} pages, best {best[n]:.2f} s wall",
                  file=sys.stderr, flush=True)
            results.append(ScalingResult(f"scraper extract -j {n}", n, len(files), best[n], same))
    return results


def run_datatrove_scaling(pages: list[SpeedPage], workers: tuple[int, ...] = JOBS
                          ) -> list[ScalingResult]:
    """The datatrove pipeline over the pages (skipped, empty, without datatrove)."""
    try:
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.writers import JsonlWriter

        from scraper.datatrove import ScraperExtractor, ScraperWarcReader
    except ImportError:
        print("[scaling] datatrove not installed: pip install 'scraper[datatrove]'",
              file=sys.stderr)
        return []
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-datatrove-") as folder:
        root = Path(folder)
        (root / "warc").mkdir()
        for task in range(DATATROVE_TASKS):
            write_archive(pages[task::DATATROVE_TASKS], root / "warc" / f"part-{task}.warc.gz",
                          gzip=True)
        for n in workers:
            started = time.perf_counter()
            LocalPipelineExecutor(
                pipeline=[ScraperWarcReader(str(root / "warc")), ScraperExtractor(),
                          JsonlWriter(str(root / f"out-{n}"))],
                tasks=DATATROVE_TASKS, workers=n, logging_dir=str(root / f"logs-{n}")).run()
            seconds = time.perf_counter() - started
            extracted = _extracted_pages(root / f"logs-{n}")
            print(f"[scaling] datatrove, {n} worker(s): {extracted} pages, {seconds:.2f} s wall",
                  file=sys.stderr, flush=True)
            results.append(ScalingResult(f"datatrove LocalPipelineExecutor, {n} worker(s)", n,
                                         extracted, seconds))
    return results


def _extracted_pages(logs: Path) -> int:
    """Pages the extraction step was given, from the run's stats."""
    steps = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    return sum(int(step["stats"].get("total", 0)) for step in steps if "scraper" in step["name"])


def scaling_section(results: list[ScalingResult]) -> list[str]:
    lines = ["### Scaling over cores (wall clock, start-up included)", "",
             "| run | pages | wall s | pages/s | ÷ 1 worker | output = 1 worker's |",
             "|---|---|---|---|---|---|"]
    single = {}
    for r in results:
        kind = r.what.split(" -j")[0].split(",")[0]
        if r.workers == 1:
            single[kind] = r
        base = single.get(kind)
        ratio = f"{r.pages_per_second / base.pages_per_second:.2f}×" if base else "–"
        same = "–" if r.identical is None else ("yes" if r.identical else "NO")
        lines.append(f"| {r.what} | {r.pages} | {r.wall_seconds:.2f} | "
                     f"{r.pages_per_second:.1f} | {ratio} | {same} |")
    return [*lines, ""]


def main() -> int:
    pages = default_speed_pages()
    results = run_jobs_scaling(pages) + run_datatrove_scaling(pages)
    print("\n".join(scaling_section(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
