"""The evaluation datasets: truth records, page bytes, and the shared scorer.

A dataset folder (``../shared/eval/<name>``) holds ``truth.jsonl`` and
``html/<id>.html.gz`` (or plain ``html/<id>.html``); ``score.py`` sits beside the
datasets and is imported from its path, never copied.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

# The datasets the benchmark knows, in the order the table lists them.
DATASETS = ("zh-dev", "aeb", "trafi", "dragnet")
# Where the evaluation data lives, relative to the repository root.
DEFAULT_EVAL_DIR = Path("..") / "shared" / "eval"
SCORER_FILE = "score.py"


class DatasetError(Exception):
    """A dataset folder, page file or the scorer is missing or malformed."""


@dataclass(frozen=True)
class PageRef:
    """One page of a dataset: where its bytes are and what is true about it."""

    dataset: str
    id: str
    path: Path
    truth: dict[str, Any]

    @property
    def url(self) -> str | None:
        url = self.truth.get("url")
        return url if isinstance(url, str) and url else None

    def read(self) -> bytes:
        """The page's original bytes (gunzipped when stored compressed)."""
        data = self.path.read_bytes()
        return gzip.decompress(data) if self.path.suffix == ".gz" else data


@dataclass(frozen=True)
class Dataset:
    name: str
    directory: Path
    pages: list[PageRef]

    @property
    def truth(self) -> list[dict[str, Any]]:
        return [page.truth for page in self.pages]


def _page_path(directory: Path, page_id: str) -> Path:
    for name in (f"{page_id}.html", f"{page_id}.html.gz"):
        path = directory / "html" / name
        if path.is_file():
            return path
    raise DatasetError(f"{directory}: no html/{page_id}.html or .html.gz")


def load_dataset(eval_dir: Path, name: str, limit: int | None = None) -> Dataset:
    """The dataset ``name`` under ``eval_dir``; its first ``limit`` pages when given."""
    directory = eval_dir / name
    truth_file = directory / "truth.jsonl"
    if not truth_file.is_file():
        raise DatasetError(f"{truth_file}: not found (is --eval-dir right?)")
    pages: list[PageRef] = []
    with truth_file.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if "id" not in record:
                raise DatasetError(f"{truth_file}:{number}: record without 'id'")
            page_id = str(record["id"])
            pages.append(PageRef(name, page_id, _page_path(directory, page_id), record))
            if limit is not None and len(pages) >= limit:
                break
    return Dataset(name, directory, pages)


def load_scorer(eval_dir: Path) -> ModuleType:
    """``score.py`` from the eval folder, imported as a module (load_truth, score_dataset…)."""
    path = eval_dir / SCORER_FILE
    spec = importlib.util.spec_from_file_location("eval_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise DatasetError(f"{path}: scorer not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("score_dataset", "load_truth", "load_predictions"):
        if not hasattr(module, name):
            raise DatasetError(f"{path}: has no {name}()")
    return module
