"""``scraper state``: what the crawl state holds: per-site counts, runs, failures."""

from __future__ import annotations

import argparse
import sys

from ..state import DEAD, DUPLICATE, EMITTED, FAILED, PAGE, PENDING, State, StateError
from .crawl_cmd import add_config_argument, read_config
from .exits import EXIT_OK, EXIT_USAGE

NAME = "state"
HELP = "show per-site counts, recent runs and recent failures of the crawl state"
DESCRIPTION = """\
Print, from the state database named in the config: article counts per site (written,
duplicates, later pages of multi-page articles, pending, failed and to be retried,
dead), the last runs and the most recent failures with their errors.

examples:
  scraper state
  scraper state -c /etc/scraper/config.toml --failures 50
"""

COLUMNS = (EMITTED, DUPLICATE, PAGE, PENDING, FAILED, DEAD)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_argument(parser)
    parser.add_argument("--runs", type=int, default=5, metavar="N",
                        help="last runs to show (default: %(default)s)")
    parser.add_argument("--failures", type=int, default=10, metavar="N",
                        help="recent failures to show (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    config = read_config(args.config, NAME)
    if config is None:
        return EXIT_USAGE
    path = config.state_path
    if not path.exists():
        print(f"{path}: no state yet (no crawl has run)")
        return EXIT_OK
    try:
        with State(path) as state:
            print(report(state, [s.name for s in config.sites], args.runs, args.failures))
    except StateError as exc:
        print(f"scraper state: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def report(state: State, sites: list[str], runs: int, failures: int) -> str:
    counts = state.site_counts()
    names = sites + sorted(set(counts) - set(sites))
    width = max([len("site")] + [len(n) for n in names])
    lines = [f"{'site':<{width}}  " + "  ".join(f"{c:>9}" for c in COLUMNS)]
    for name in names:
        row = counts.get(name, {})
        lines.append(f"{name:<{width}}  " + "  ".join(f"{row.get(c, 0):>9}" for c in COLUMNS))
    recent = state.recent_runs(runs)
    if recent:
        lines += ["", "runs:"]
        for r in recent:
            lines.append(f"  #{r['id']} {r['started']} {r['status']}: discovered {r['discovered']}, "
                         f"new {r['new']}, fetched {r['fetched']}, written {r['written']}, "
                         f"failed {r['failed']}, {r['seconds'] or 0:.1f}s")
    failed = state.failures(failures)
    if failed:
        lines += ["", "recent failures:"]
        for f in failed:
            lines.append(f"  {f.when} {f.site} {f.kind} {f.state} (attempts {f.attempts}) "
                         f"{f.url}: {f.error}")
    return "\n".join(lines)
