"""Speed: pages per second of each engine over the same pages, in one process.

Method: the page bytes are loaded into memory first; each engine then gets a warm-up
on a few pages, and is timed over the whole page list, in this process. A pass over
the pages is interleaved: the list is cut into chunks of ``CHUNK_PAGES`` and every
engine runs each chunk in turn, so a slower or busier spell of the machine falls on
all engines alike instead of on whichever engine happened to be running then.
Each timed call starts from the raw bytes, so decoding (``scraper.encoding.decode``) is
included for every engine. A pass is repeated up to ``rounds`` times while the
engines' time budget lasts, and each engine's fastest pass counts (the least disturbed
by other work on the machine). Time is process CPU time (``time.process_time``), which other
processes on a shared machine disturb far less than wall-clock time; the wall-clock
time of the same pass is reported beside it.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .datasets import DATASETS, DEFAULT_EVAL_DIR, Dataset, load_dataset
from .engines import ENGINES

# Pages run through an engine before timing starts (imports, caches, lazy setup).
WARMUP_PAGES = 5
# Timed passes at most, and the CPU seconds (all engines) after which no new pass starts.
ROUNDS = 3
ROUND_BUDGET_SECONDS = 120.0
# Pages each engine runs before the next engine takes the same pages.
CHUNK_PAGES = 61
# Pages taken from a dataset larger than this, evenly spread over it: all of zh-dev (29)
# and aeb (181), 200 of trafi (990) and 200 of dragnet (1,036).
SAMPLE_PER_DATASET = 200


@dataclass(frozen=True)
class SpeedPage:
    raw: bytes
    url: str | None


@dataclass
class SpeedResult:
    engine: str
    pages: int
    cpu_seconds: float
    wall_seconds: float
    rounds: int
    errors: int

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.cpu_seconds if self.cpu_seconds > 0 else float("inf")

    @property
    def wall_pages_per_second(self) -> float:
        return self.pages / self.wall_seconds if self.wall_seconds > 0 else float("inf")


def sample_pages(datasets: list[Dataset], per_dataset: int = SAMPLE_PER_DATASET
                 ) -> list[SpeedPage]:
    """The speed page set: every page of small datasets, an even sample of large ones."""
    pages: list[SpeedPage] = []
    for dataset in datasets:
        refs = dataset.pages
        if len(refs) > per_dataset:
            step = len(refs) / per_dataset
            refs = [refs[int(i * step)] for i in range(per_dataset)]
        pages.extend(SpeedPage(ref.read(), ref.url) for ref in refs)
    return pages


def default_speed_pages() -> list[SpeedPage]:
    """The speed page set of every dataset in the default eval folder (for the bench
    sections that run alone: ``python -m bench.scaling``, ``python -m bench.warc_read``)."""
    eval_dir = (Path(__file__).resolve().parent.parent / DEFAULT_EVAL_DIR).resolve()
    return sample_pages([load_dataset(eval_dir, name) for name in DATASETS])


def _time_chunk(engine: str, pages: list[SpeedPage]) -> tuple[float, float, int]:
    run = ENGINES[engine].run
    errors = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for page in pages:
        try:
            run(page.raw, page.url, False)
        except Exception:  # counted; speed still covers the page
            errors += 1
    return time.process_time() - cpu, time.perf_counter() - wall, errors


def _interleaved_pass(engines: tuple[str, ...], pages: list[SpeedPage]
                      ) -> dict[str, tuple[float, float, int]]:
    """One pass over the pages for every engine, chunk by chunk, engines in turn."""
    totals = {engine: [0.0, 0.0, 0] for engine in engines}
    for start in range(0, len(pages), CHUNK_PAGES):
        chunk = pages[start:start + CHUNK_PAGES]
        for engine in engines:
            cpu, wall, errors = _time_chunk(engine, chunk)
            total = totals[engine]
            total[0] += cpu
            total[1] += wall
            total[2] += errors
    return {engine: (cpu, wall, int(errors)) for engine, (cpu, wall, errors) in totals.items()}


def run_speed(engines: tuple[str, ...], pages: list[SpeedPage], rounds: int = ROUNDS,
              budget: float = ROUND_BUDGET_SECONDS) -> list[SpeedResult]:
    """Time every engine over interleaved passes (see the module's docstring)."""
    for engine in engines:
        _time_chunk(engine, pages[:WARMUP_PAGES])
    passes: dict[str, list[tuple[float, float, int]]] = {engine: [] for engine in engines}
    spent = 0.0
    for _ in range(rounds):
        if spent >= budget and passes[engines[0]]:
            break  # enough passes for a stable figure
        for engine, result in _interleaved_pass(engines, pages).items():
            passes[engine].append(result)
            spent += result[0]
    results = []
    for engine in engines:
        cpu, wall, errors = min(passes[engine])
        print(f"[speed] {engine}: {len(pages)} pages, best of {len(passes[engine])}: "
              f"{cpu:.2f} s CPU", file=sys.stderr, flush=True)
        results.append(SpeedResult(engine, len(pages), cpu, wall, len(passes[engine]), errors))
    return results
