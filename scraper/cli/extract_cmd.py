"""``scraper extract``: HTML files (or stdin) in, one JSON Lines record each out."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import ScraperError
from ..extract import ENGINES, extract
from ..models import error_record
from ..output import write_line
from .exits import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE

NAME = "extract"
HELP = "extract articles from saved HTML files or stdin"
DESCRIPTION = """\
Read each HTML file (or stdin when no path or '-' is given), extract the article and
print one JSON Lines record per input, in input order. An input that fails yields an
error record instead, never a missing line.

examples:
  scraper extract page.html
  scraper extract --url https://www.fznews.com.cn/a.shtml < page.html
  scraper extract samples/pages/*/source.html > articles.jsonl
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="HTML files; '-' or nothing reads stdin")
    parser.add_argument("--url", help="the page's URL (only with a single input); used to "
                        "resolve links and name the site")
    parser.add_argument("--charset", help="decode the input with this charset instead of detecting it")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="scraper",
                        help="extraction engine (default: %(default)s; 'trafilatura' for comparison)")


def _inputs(paths: list[str]) -> Iterator[tuple[str, BinaryIO | None, str | None]]:
    """(name, stream or None, error message) per input, in order; opening errors inline."""
    for path in paths or ["-"]:
        if path == "-":
            yield "-", sys.stdin.buffer, None
            continue
        try:
            yield path, open(path, "rb"), None
        except OSError as exc:
            yield path, None, exc.strerror or str(exc)


def run(args: argparse.Namespace) -> int:
    if args.url and len(args.paths) > 1:
        print("scraper extract: --url names one page; give a single input", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    out = sys.stdout
    for name, stream, problem in _inputs(args.paths):
        if stream is None:
            failed += 1
            write_line(out, error_record("read", "OSError", problem or "cannot read", input=name))
            continue
        try:
            with stream if stream is not sys.stdin.buffer else _noclose(stream):
                data = stream.read()
            article = extract(data, url=args.url, http_charset=args.charset, engine=args.engine)
            record = article.to_record(input=name)
        except ScraperError as exc:
            failed += 1
            record = error_record(exc.stage, type(exc).__name__, str(exc), input=name)
        write_line(out, record)
    return EXIT_SOME_FAILED if failed else EXIT_OK


class _noclose:
    """Context manager that leaves stdin open."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream

    def __enter__(self) -> BinaryIO:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        return None
