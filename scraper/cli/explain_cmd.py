"""``scraper explain``: one page in, a report of what extraction kept, dropped and why."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..encoding import require_content
from ..errors import NoArticleError, ScraperError
from ..extract.explain import explain
from ..fetch import DEFAULT_USER_AGENT, Fetcher, FetchConfig
from ..models import Article, require_article
from ..output import write_line
from ..report import render_report
from .exits import EXIT_OK, EXIT_SOME_FAILED

NAME = "explain"
HELP = "show what extraction kept and dropped on one page, and why"
DESCRIPTION = """\
Extract one page, recording every decision, and write a self-contained HTML report:
the record; the page's text blocks in document order, kept (green) or dropped (red,
grey) with the reason, score and link share that decided; the chosen container and
its runner-up; and where each metadata field came from, with the candidates that lost.

PAGE is an HTML file, '-' for stdin, or an http(s) URL (fetched politely: robots.txt,
retries of transient faults). The report goes to PAGE.explain.html, or explain.html
for a URL or stdin, unless -o names it; its path is printed. --json prints the same
as one JSON object instead ({"record", "blocks", "fields", "container", "runner_up"}),
and writes the report only when -o is given. A page in which no article text is found
(which `scraper extract` reports as an error) is still explained, with a line on
stderr saying so: the blocks show why each was dropped.

examples:
  scraper explain page.html                       # writes page.html.explain.html
  scraper explain https://www.fznews.com.cn/a.shtml -o report.html
  scraper explain --json page.html | jq '.blocks[] | select(.kept | not) | .reason'
"""

# The report's name for an input that is not a file (a URL, stdin).
DEFAULT_REPORT = "explain.html"
# Suffix added to a file's name for its report.
REPORT_SUFFIX = ".explain.html"

_DEFAULTS = FetchConfig()


class InputError(Exception):
    """The page could not be read or fetched: one line for stderr."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", metavar="PAGE", help="HTML file, '-' for stdin, or an http(s) URL")
    parser.add_argument("--url", help="the page's URL (for a file or stdin; a fetched page "
                        "has its own); used to resolve links and name the site")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the report to FILE (default: PAGE.explain.html, or "
                        f"{DEFAULT_REPORT} for a URL or stdin)")
    parser.add_argument("--json", action="store_true",
                        help="print the explanation as one JSON object on stdout")
    parser.add_argument("--charset",
                        help="decode the page with this charset instead of detecting it")
    parser.add_argument("--timeout", type=float, default=_DEFAULTS.timeout, metavar="SECONDS",
                        help="deadline of the download of a URL (default: %(default)s)")
    parser.add_argument("--user-agent", default=DEFAULT_USER_AGENT, metavar="STRING",
                        help="User-Agent header, also matched against robots.txt")
    parser.add_argument("--no-robots", action="store_true", help="do not obey robots.txt")


def _is_url(page: str) -> bool:
    return page.lower().startswith(("http://", "https://"))


def _read(args: argparse.Namespace) -> tuple[bytes, str | None, str | None, dict[str, Any]]:
    """The page's bytes, its URL, its HTTP charset and the record's context."""
    if _is_url(args.page):
        return _fetch(args)
    if args.page == "-":
        return sys.stdin.buffer.read(), args.url, args.charset, {"input": "-"}
    try:
        data = Path(args.page).read_bytes()
    except OSError as exc:
        raise InputError(f"{args.page}: {exc.strerror or exc}") from exc
    return data, args.url, args.charset, {"input": args.page}


def _fetch(args: argparse.Namespace) -> tuple[bytes, str | None, str | None, dict[str, Any]]:
    config = FetchConfig(user_agent=args.user_agent, timeout=args.timeout,
                         connect_timeout=min(_DEFAULTS.connect_timeout, args.timeout),
                         read_timeout=min(_DEFAULTS.read_timeout, args.timeout),
                         robots=not args.no_robots)
    with Fetcher(config) as fetcher:
        result = fetcher.fetch(args.page)
    if result.error is not None or result.content is None:
        raise InputError(f"{args.page}: {result.error or 'no content'}")
    context = {"input": args.page, "final_url": result.final_url, "status": result.status,
               "fetched_at": result.fetched_at}
    return (result.content, args.url or result.final_url or args.page,
            args.charset or result.charset, context)


def _report_path(args: argparse.Namespace) -> Path:
    if args.output:
        return Path(args.output)
    if _is_url(args.page) or args.page == "-":
        return Path(DEFAULT_REPORT)
    return Path(args.page + REPORT_SUFFIX)


def run(args: argparse.Namespace) -> int:
    try:
        data, url, charset, context = _read(args)
        require_content(data)   # nothing to explain on an empty page
        explanation = explain(data, url, http_charset=charset)
    except InputError as exc:   # names the page already
        print(f"scraper explain: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except ScraperError as exc:   # the page was read, but is empty or not HTML
        print(f"scraper explain: {args.page}: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    result = explanation.to_json(**context)
    _warn_if_empty(args, explanation.article)
    if args.json:
        write_line(sys.stdout, result)
        if not args.output:
            return EXIT_OK
    path = _report_path(args)
    try:
        path.write_text(render_report(result, page=args.page), encoding="utf-8")
    except OSError as exc:
        print(f"scraper explain: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    print(path, file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK


def _warn_if_empty(args: argparse.Namespace, article: Article) -> None:
    """One line on stderr when the page has no article text: the explanation is what
    shows why."""
    try:
        require_article(article)
    except NoArticleError as exc:
        print(f"scraper explain: {args.page}: {exc}; the explanation shows why each "
              "block was dropped", file=sys.stderr)
