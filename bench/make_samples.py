"""Regenerate ``samples/pages/``: golden pages copied from the eval datasets.

    python -m bench.make_samples [--eval-dir ../shared/eval]

Each sample gets ``samples/pages/<slug>/source.html`` (the page's original bytes, not
gzip) and ``expected.json``, built from the dataset's hand-made truth, never from our
engine's output; ``samples/pages/README.md`` lists every page with its origin and
licence. Review the diff after running it.

Hand-written pages (``samples/pages/gov-*``: pages written here for what no dataset
labels, with their ``expected.json`` written by hand, ``"dataset": "hand-written"``) are
left as they are and listed in the README from their own ``expected.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .datasets import DEFAULT_EVAL_DIR, PageRef, load_dataset

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO_ROOT / "samples" / "pages"

# The golden pages, each chosen for what it exercises.
ZH_DEV_PAGES = {
    "cw-0d931936": "sina 2005, gb2312 declared, GBK bytes",
    "cw-33a95b71": "sohu 2005, gb2312 declared, table layout",
    "cw-47f387e6": "cbzw 2021, gbk declared",
    "cw-6820ebe7": "qianlong 2005, GBK bytes with no charset declared anywhere",
    "cw-b26fbb82": "people.com.cn 2022, gb2312 declared, GBK bytes",
    "cw-274a65d9": "dahe 2022, UTF-8, date-only published, a captioned image",
    "cw-9890f458": "yunnan daily 2022, UTF-8, byline inside the last paragraph",
    "cw-aefcf136": "tibet e-paper 2022, UTF-8, date-only published",
    "gne-people-1": "people.com.cn 2019, declares gb2312 but is UTF-8 (saved from a browser)",
    "gne-baijiahao-2": "baidu baijiahao 2019, browser-rendered DOM",
    "gne-cjddsb-1": "cjddsb 2019, two captions",
    "seed-fznews-gbk": "synthetic portal page, GBK, every kind of boilerplate",
    "seed-fznews-tables": "synthetic portal page, 2000s table layout, sidebar before the body",
}
# aeb pages by id prefix (ids are SHA-256 hex), with what each exercises.
AEB_PREFIXES = {
    "14cc2a0ca5": "sciencealert, English",
    "0ec95c7261": "entermedia.co.kr, Korean, no charset declared",
    "85439e26c4": "lhpat-tm.com, Japanese",
    "c4a3637c66": "gto-normativy.ru, Russian",
    "d90bda7ed1": "panarmenian.net, English, no lang attribute",
}
AEB_ORIGIN = {
    "repo": "scrapinghub/article-extraction-benchmark",
    "commit": "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010",
    "licence": "MIT (benchmark repository); page text belongs to its publisher",
}
# The fields each dataset's truth labels (the others are not checked).
ZH_DEV_FIELDS = ("title", "published", "source", "author", "body", "captions")
AEB_FIELDS = ("body",)


@dataclass(frozen=True)
class Sample:
    slug: str
    page: PageRef
    note: str
    expected: dict[str, Any]


def _zh_dev_sample(page: PageRef, note: str) -> Sample:
    truth = page.truth
    origin = truth.get("origin") or {}
    expected: dict[str, Any] = {
        "dataset": "zh-dev", "id": page.id, "url": page.url, "note": note,
        "origin": {"repo": origin.get("repo"), "commit": origin.get("commit"),
                   "path": origin.get("path"), "licence": origin.get("licence")},
        "encoding": truth.get("encoding"), "declared_charset": truth.get("declared_charset"),
        "labelled": list(ZH_DEV_FIELDS),
        **{name: truth.get(name) for name in ZH_DEV_FIELDS},
    }
    return Sample(page.id, page, note, expected)


def _aeb_sample(page: PageRef, note: str) -> Sample:
    host = (urlsplit(page.url or "").hostname or "page").removeprefix("www.").split(".")[0]
    expected: dict[str, Any] = {
        "dataset": "aeb", "id": page.id, "url": page.url, "note": note,
        "origin": {**AEB_ORIGIN, "path": f"html/{page.id}.html.gz"},
        "labelled": list(AEB_FIELDS),
        **{name: page.truth.get(name) for name in AEB_FIELDS},
    }
    return Sample(f"aeb-{host}-{page.id[:8]}", page, note, expected)


def collect(eval_dir: Path) -> list[Sample]:
    zh = {p.id: p for p in load_dataset(eval_dir, "zh-dev").pages}
    aeb = load_dataset(eval_dir, "aeb").pages
    samples = [_zh_dev_sample(zh[i], note) for i, note in ZH_DEV_PAGES.items()]
    for prefix, note in AEB_PREFIXES.items():
        matches = [p for p in aeb if p.id.startswith(prefix)]
        if len(matches) != 1:
            raise SystemExit(f"aeb: {len(matches)} pages with id prefix {prefix}")
        samples.append(_aeb_sample(matches[0], note))
    for sample in samples:
        _check(sample)
    return samples


def _check(sample: Sample) -> None:
    """A caption the tests look for must not also be article text."""
    body = "".join((sample.expected.get("body") or "").split())
    for caption in sample.expected.get("captions") or []:
        if "".join(caption.split()) in body:
            raise SystemExit(f"{sample.slug}: caption {caption!r} also occurs in the body")


HAND_WRITTEN = "hand-written"


def hand_written(target: Path) -> list[dict[str, Any]]:
    """The ``expected.json`` of the hand-written samples under ``target``, by slug."""
    found = []
    for path in sorted(target.glob("*/expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if expected.get("dataset") == HAND_WRITTEN:
            found.append(expected)
    return found


def _row(expected: dict[str, Any], slug: str, note: str) -> str:
    origin = expected["origin"]
    where = origin["repo"] or ("written here" if expected["dataset"] == HAND_WRITTEN
                               else "synthetic (zh-dev seed page)")
    return (f"| `{slug}` | {expected['dataset']} | {note} | {where} "
            f"`{origin.get('path') or '-'}` | {origin['licence'] or '-'} |")


def _readme(samples: list[Sample], hand: list[dict[str, Any]]) -> str:
    rows = "\n".join([_row(s.expected, s.slug, s.note) for s in samples]
                     + [_row(e, e["id"], e["note"]) for e in hand])
    return f"""# Golden sample pages

Real pages with their expected records, checked field by field by
`tests/test_samples.py` (and the two fznews portal pages by `tests/test_seed_pages.py`).
Generated by `python -m bench.make_samples` from the hand-made truth of the evaluation
datasets (`../shared/eval/zh-dev`, `../shared/eval/aeb`), never from our engine's output.
Do not edit the files by hand: rerun the script and review the diff. The exception are
the hand-written pages (`gov-*`, dataset `hand-written`): government pages written here,
each with an `expected.json` written by hand, which the script keeps and lists.

- `<slug>/source.html`: the page's original bytes (GBK pages stay GBK; aeb pages are
  the benchmark's UTF-8 files, un-gzipped).
- `<slug>/expected.json`: origin, the fields the dataset labels (`labelled`) and their
  values. zh-dev labels title, published, source, author, body and captions (null = the
  page shows none; conventions in zh-dev's README); aeb labels only the body.

## Licences

- zh-dev pages `cw-*`: from `immortal-autumn/Chinese-Web-Content-Extraction-Dataset`
  @ `99d0ef08419109b5489b12e38f771f25b952d774`, MIT (repository LICENSE, © 2022 Elwin).
- zh-dev pages `gne-*`: from `GeneralNewsExtractor/GeneralNewsExtractor`
  @ `3d5a67c65f4d6c8e13c3047754a4c18fc0b0754a`; its LICENSE file is GPL-3.0 while its
  pyproject says MIT.
- zh-dev pages `seed-*`: synthetic pages built around the visible text of a real
  fznews.com.cn article.
- aeb pages: from `scrapinghub/article-extraction-benchmark`
  @ `4a3bc979f76c0df73cb95fe272e2fc1b96f9f010`, MIT.
- hand-written pages `gov-*`: markup and text written for this repository; names,
  numbers and addresses are invented.
- In every case the page text belongs to its original publisher; these are test
  fixtures for evaluation only, not for redistribution beyond that.

## Pages

| slug | dataset | what it exercises | origin | licence |
|---|---|---|---|---|
{rows}
"""


def write(samples: list[Sample], target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        directory = target / sample.slug
        directory.mkdir(exist_ok=True)
        (directory / "source.html").write_bytes(sample.page.read())
        (directory / "expected.json").write_text(
            json.dumps(sample.expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (target / "README.md").write_text(_readme(samples, hand_written(target)), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.make_samples", description=__doc__)
    parser.add_argument("--eval-dir", type=Path, default=REPO_ROOT / DEFAULT_EVAL_DIR)
    parser.add_argument("--out", type=Path, default=SAMPLES_DIR)
    args = parser.parse_args(argv)
    samples = collect(args.eval_dir.resolve())
    write(samples, args.out)
    print(f"wrote {len(samples)} samples to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
