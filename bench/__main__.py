"""``python -m bench``: accuracy and speed of every engine in one run, as markdown."""

from __future__ import annotations

import argparse
import logging
import platform
import subprocess
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path

from .accuracy import EngineResult, run_dataset
from .datasets import DATASETS, DEFAULT_EVAL_DIR, Dataset, DatasetError, load_dataset, load_scorer
from .engines import ENGINES, FLOOR, OURS, OURS_MARKDOWN, SPEED_PEER, SPEED_PEER_SAME_FIELDS
from .hostile import ENGINES as HOSTILE_ENGINES
from .hostile import TIMEOUT_SECONDS as HOSTILE_TIMEOUT
from .hostile import HostileResult, run_hostile
from .report import render
from .scaling import ScalingResult, run_datatrove_scaling, run_jobs_scaling, scaling_section
from .structure import StructureScore, run_structure
from .speed import ROUNDS, SAMPLE_PER_DATASET, SpeedResult, run_speed, sample_pages
from .warc_read import WarcReadResult, run_warc_read, warc_read_section

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ENGINES = ("scraper", "trafilatura", "readability")
DEFAULT_OUT = Path("bench") / "out"
# Distributions whose versions the report names, so numbers can be compared across runs.
VERSIONED = ("trafilatura", "readability-lxml", "selectolax", "lxml")


def _names(value: str, known: Sequence[str], what: str) -> tuple[str, ...]:
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown {what}: {', '.join(unknown) or value!r} (choose from {', '.join(known)})")
    return names


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__,
        epilog="Progress goes to stderr; the markdown report to stdout.")
    parser.add_argument("--datasets", default=",".join(DATASETS),
                        type=lambda v: _names(v, DATASETS, "dataset"),
                        help="comma-separated datasets (default: %(default)s)")
    parser.add_argument("--engines", default=",".join(DEFAULT_ENGINES),
                        type=lambda v: _names(v, tuple(ENGINES), "engine"),
                        help=f"comma-separated engines (default: %(default)s); '{FLOOR}' "
                        "(a bare selectolax parse) is always added to the speed run")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="only the first N pages of each dataset")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="worker processes for the accuracy run (speed is always "
                        "measured in one process)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    parser.add_argument("--no-structure", action="store_true",
                        help="skip counting the structure each engine's Markdown keeps")
    parser.add_argument("--no-accuracy", action="store_true", help="skip the accuracy run")
    parser.add_argument("--no-scaling", action="store_true",
                        help="skip the scaling run (scraper extract -j 1 and -j 2, and the "
                        "datatrove step with 1 and 2 workers)")
    parser.add_argument("--no-warc", action="store_true",
                        help="skip the WARC read run (FastWARC against warcio)")
    parser.add_argument("--no-hostile", action="store_true",
                        help="skip the hostile pages (each page and engine in a fresh process)")
    parser.add_argument("--hostile-timeout", type=float, default=HOSTILE_TIMEOUT, metavar="S",
                        help="seconds after which an engine is stopped on a hostile page "
                        "(default: %(default)s)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, metavar="N",
                        help="timed passes per engine at most; the fastest counts "
                        "(default: %(default)s)")
    parser.add_argument("--speed-sample", type=int, default=SAMPLE_PER_DATASET, metavar="N",
                        help="pages per dataset in the speed set; larger datasets are "
                        "sampled evenly (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="predictions and per-page scores per dataset/engine "
                        "(default: %(default)s)")
    parser.add_argument("--eval-dir", type=Path, default=None,
                        help=f"evaluation data (default: {DEFAULT_EVAL_DIR} from the "
                        "repository root)")
    return parser


def _git_version() -> str:
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO_ROOT,
                              capture_output=True, text=True, check=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip()


def _header(datasets: list[Dataset], eval_dir: Path) -> list[str]:
    versions = []
    for name in VERSIONED:
        try:
            versions.append(f"{name} {importlib_metadata.version(name)}")
        except importlib_metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    pages = ", ".join(f"{d.name} {len(d.pages)}" for d in datasets)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [f"## Benchmark ({stamp}, scraper {_git_version()})", "",
            f"Python {platform.python_version()}; {'; '.join(versions)}.  ",
            f"Pages: {pages} (from {eval_dir})."]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    eval_dir = args.eval_dir or (REPO_ROOT / DEFAULT_EVAL_DIR).resolve()
    out_dir = args.out if args.out.is_absolute() else REPO_ROOT / args.out
    try:
        scorer = load_scorer(eval_dir)
        datasets = [load_dataset(eval_dir, name, args.limit) for name in args.datasets]
    except DatasetError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    accuracy: list[EngineResult] = []
    if not args.no_accuracy:
        for dataset in datasets:
            accuracy += run_dataset(dataset, args.engines, scorer, jobs=args.jobs,
                                    out_dir=out_dir)
    speed: list[SpeedResult] = []
    if not args.no_speed:
        engines = (FLOOR, *(e for e in args.engines if e != FLOOR))
        if SPEED_PEER in engines:
            engines = (*engines, SPEED_PEER_SAME_FIELDS)
        if OURS in engines:
            engines = (*engines, OURS_MARKDOWN)
        speed = run_speed(engines, sample_pages(datasets, args.speed_sample), args.rounds)
    structure: list[StructureScore] = []
    if not args.no_structure:
        print("[structure] Markdown of ours and trafilatura against the source articles",
              file=sys.stderr)
        structure = run_structure(datasets, args.engines)
    hostile: list[HostileResult] = []
    if not args.no_hostile:
        engines = tuple(e for e in HOSTILE_ENGINES if e in args.engines)
        hostile = run_hostile(engines, args.hostile_timeout)
    report = render(_header(datasets, eval_dir), accuracy, speed, structure, hostile)
    print("\n".join([report.rstrip("\n"), "", *_cores_and_archives(args, datasets)]))
    return 0


def _cores_and_archives(args: argparse.Namespace, datasets: list[Dataset]) -> list[str]:
    """The scaling and WARC read sections, each unless skipped."""
    if args.no_scaling and args.no_warc:
        return []
    pages = sample_pages(datasets, args.speed_sample)
    lines: list[str] = []
    if not args.no_scaling:
        scaling: list[ScalingResult] = run_jobs_scaling(pages) + run_datatrove_scaling(pages)
        lines += scaling_section(scaling)
    if not args.no_warc:
        warc: list[WarcReadResult] = run_warc_read(pages)
        lines += warc_read_section(warc)
    return lines


if __name__ == "__main__":
    sys.exit(main())
