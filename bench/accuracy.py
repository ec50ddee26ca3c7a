"""Accuracy: run every engine over every page of a dataset and score the results.

Bodies are scored by the datasets' own ``score.py`` (imported, not copied); metadata
(on datasets whose truth labels every field of ``META_FIELDS``, i.e. zh-dev) by
``bench.metadata``. Pages may be spread over a process pool (``jobs``); the results
do not depend on it.
"""

from __future__ import annotations

import json
import logging
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from .datasets import Dataset, PageRef
from .engines import ENGINES, META_FIELDS, Prediction
from .metadata import FieldScore, check_field, score_metadata

log = logging.getLogger(__name__)

# Bootstrap resamples score.py uses for the ± of body scores (fixed seed: repeatable).
BOOTSTRAP = 1000
# How often (in pages) progress is reported on stderr.
PROGRESS_EVERY = 100
# Pages handed to a pool worker at once: large enough to amortise the hand-over.
POOL_CHUNK = 8


@dataclass
class EngineResult:
    """One engine on one dataset."""

    engine: str
    dataset: str
    scores: dict[str, Any]                  # score.py's result for the dataset
    metadata: dict[str, FieldScore] = field(default_factory=dict)
    errors: int = 0

    @property
    def body(self) -> dict[str, Any]:
        """The headline numbers: ``body`` (full truth) or ``segments`` (with/without)."""
        return self.scores.get("body") or self.scores.get("segments") or {}


def has_metadata_truth(dataset: Dataset) -> bool:
    """Every page carries every field of ``META_FIELDS`` and each field is stated somewhere.

    dragnet's truth has the keys but leaves them all null: it labels bodies only.
    """
    return bool(dataset.pages) and all(
        all(name in page.truth for name in META_FIELDS) for page in dataset.pages) and all(
        any(page.truth[name] is not None for page in dataset.pages) for name in META_FIELDS)


def predict_page(page: PageRef, engines: tuple[str, ...], with_metadata: bool
                 ) -> dict[str, Prediction]:
    """Every engine's prediction for one page; an engine that fails gives an error."""
    raw = page.read()
    out: dict[str, Prediction] = {}
    for name in engines:
        try:
            out[name] = ENGINES[name].run(raw, page.url, with_metadata)
        except Exception as exc:  # the benchmark records and counts every failure
            log.debug("%s failed on %s/%s", name, page.dataset, page.id, exc_info=True)
            out[name] = Prediction(error=f"{type(exc).__name__}: {exc}")
    return out


def _predict_all(dataset: Dataset, engines: tuple[str, ...], with_metadata: bool,
                 jobs: int) -> list[dict[str, Prediction]]:
    work = partial(predict_page, engines=engines, with_metadata=with_metadata)
    total = len(dataset.pages)
    results: list[dict[str, Prediction]] = []
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for result in pool.map(work, dataset.pages, chunksize=POOL_CHUNK):
                results.append(result)
                _progress(dataset.name, len(results), total)
    else:
        for page in dataset.pages:
            results.append(work(page))
            _progress(dataset.name, len(results), total)
    return results


def _progress(name: str, done: int, total: int) -> None:
    if done % PROGRESS_EVERY == 0 or done == total:
        print(f"[accuracy] {name}: {done}/{total} pages", file=sys.stderr, flush=True)


def run_dataset(dataset: Dataset, engines: tuple[str, ...], scorer: ModuleType, *,
                jobs: int = 1, out_dir: Path | None = None) -> list[EngineResult]:
    """Score each engine on ``dataset``; write predictions and per-page scores to ``out_dir``."""
    engines = tuple(e for e in engines if ENGINES[e].accuracy)
    with_metadata = has_metadata_truth(dataset)
    predictions = _predict_all(dataset, engines, with_metadata, jobs)
    truth = dataset.truth
    results: list[EngineResult] = []
    for name in engines:
        preds = [p[name] for p in predictions]
        texts = {page.id: pred.text for page, pred in zip(dataset.pages, preds)}
        per_page: list[dict[str, Any]] = []
        scores = scorer.score_dataset(truth, texts, n_bootstrap=BOOTSTRAP, per_page=per_page)
        result = EngineResult(name, dataset.name, scores,
                              errors=sum(p.error is not None for p in preds))
        if with_metadata:
            fields = ENGINES[name].meta_fields
            result.metadata = score_metadata(fields, truth, [asdict(p) for p in preds])
            for row, want, pred in zip(per_page, truth, preds):
                row.update({f"{f}_ok": check_field(f, want.get(f), getattr(pred, f))
                            for f in fields})
        if out_dir is not None:
            _write_outputs(out_dir / dataset.name, name, dataset.pages, preds, per_page)
        results.append(result)
    return results


def _write_outputs(directory: Path, engine: str, pages: list[PageRef],
                   preds: list[Prediction], per_page: list[dict[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / f"{engine}.jsonl").open("w", encoding="utf-8") as out:
        for page, pred in zip(pages, preds):
            out.write(json.dumps({"id": page.id, **asdict(pred)}, ensure_ascii=False) + "\n")
    with (directory / f"{engine}.pages.jsonl").open("w", encoding="utf-8") as out:
        for row in per_page:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
