"""``scraper crawl``: one scheduled run over the sites of a config file (for cron)."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import time
from dataclasses import replace
from typing import TextIO

from ..config import DEFAULT_CONFIG, Config, load_config
from ..crawl import CrawlOptions, run_crawl
from ..errors import ConfigError, OutputError, ScraperError
from ..lock import LockedError
from ..state import RunCounts, StateError
from .exits import EXIT_LOCKED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE

NAME = "crawl"
HELP = "crawl the configured sites once and write each new article exactly once"
DESCRIPTION = """\
Discover article URLs on each site's list pages, feeds and sitemaps, skip what earlier
runs already did, fetch and extract the rest, and append each new article once to the
JSON Lines output. Made to run from cron: a run killed at any moment loses and repeats
nothing; a second run while one is going exits at once with code 75.

On stderr: a one-line summary at the end (nothing but errors with --quiet), a progress
line when stderr is a terminal, a warning per failed page (retried by later runs) and
an error when a page is given up.

examples:
  scraper crawl                         # ./config.toml
  scraper crawl -c /etc/scraper/config.toml --quiet
  scraper crawl -c config.toml --site fznews -o - | jq .title
  scraper crawl --no-follow-pages       # each page of a multi-page article alone

crontab:
  */15 * * * * scraper crawl -c /srv/news/config.toml --quiet
"""

# Least time between two redraws of the terminal progress line.
PROGRESS_INTERVAL = 0.1


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-c", "--config", default=DEFAULT_CONFIG, metavar="FILE",
                        help="config file (default: ./%(default)s)")


def read_config(path: str, command: str) -> Config | None:
    """The config at ``path``, or None after printing why it cannot be used."""
    try:
        return load_config(path)
    except ConfigError as exc:
        print(f"scraper {command}: {exc}", file=sys.stderr)
        return None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_argument(parser)
    parser.add_argument("-o", "--output", metavar="PATTERN",
                        help="write records here instead of crawl.output ('-' is stdout); "
                        "may use {site} {date} {month} {year}")
    parser.add_argument("--site", action="append", default=[], metavar="NAME",
                        help="crawl only this site (repeatable)")
    parser.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="print only errors (for cron)")
    parser.add_argument("--max-pages", type=int, metavar="N",
                        help="pages of one multi-page article stitched into its record "
                        "(default: crawl.max_pages)")
    parser.add_argument("--no-follow-pages", action="store_true",
                        help="write each page alone (crawl.max_pages = 1)")


def run(args: argparse.Namespace) -> int:
    quiet = bool(getattr(args, "quiet", False))
    config = read_config(args.config, NAME)
    if config is None:
        return EXIT_USAGE
    if args.no_follow_pages or args.max_pages is not None:
        pages = 1 if args.no_follow_pages else args.max_pages
        if pages < 1:
            print(f"scraper crawl: --max-pages must be at least 1, got {pages}", file=sys.stderr)
            return EXIT_USAGE
        config = replace(config, crawl=replace(config.crawl, max_pages=pages))
    progress = _Progress(sys.stderr) if sys.stderr.isatty() and not quiet else None
    options = CrawlOptions(output=args.output, sites=tuple(args.site),
                           progress=progress.update if progress else None)
    try:
        if progress:
            progress.attach()
        result = run_crawl(config, options)
    except LockedError as exc:
        print(f"scraper crawl: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except OutputError as exc:   # the machine's fault (disk full): the next run repairs it
        print(f"scraper crawl: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except StateError as exc:
        print(f"scraper crawl: state database: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.Error as exc:   # a full disk under the state: the journal settles the rest
        print(f"scraper crawl: cannot write the state database {config.state_path}: {exc}",
              file=sys.stderr)
        return EXIT_SOME_FAILED
    except ScraperError as exc:
        print(f"scraper crawl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if progress:
            progress.detach()
    if not quiet:
        print(f"scraper crawl: {summary(result.counts, result.seconds)}", file=sys.stderr)
    return EXIT_SOME_FAILED if result.counts.failed else EXIT_OK


def summary(counts: RunCounts, seconds: float) -> str:
    """The end-of-run line: discovered, new, fetched, failed, skipped, seconds."""
    return (f"discovered {counts.discovered}, new {counts.new}, fetched {counts.fetched}, "
            f"written {counts.written}, duplicates {counts.duplicates}, failed {counts.failed}, "
            f"skipped {counts.skipped}, {seconds:.1f}s")


class _Progress(logging.Filter):
    """One line redrawn in place on a terminal, wiped before each log line."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def attach(self) -> None:
        for handler in logging.getLogger().handlers:
            handler.addFilter(self)

    def detach(self) -> None:
        for handler in logging.getLogger().handlers:
            handler.removeFilter(self)
        self.clear()

    def filter(self, record: logging.LogRecord) -> bool:
        self.clear()
        self.last = 0.0  # redraw at the next update
        return True

    def update(self, phase: str, counts: RunCounts, total: int) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_INTERVAL:
            return
        self.last = now
        if phase == "discovering":
            line = f"discovering: {counts.new} new article URLs"
        else:
            line = (f"fetching: {counts.fetched}/{total}, written {counts.written}, "
                    f"duplicates {counts.duplicates}")
        line += f", failed {counts.failed} ({now - self.started:.0f}s)"
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
