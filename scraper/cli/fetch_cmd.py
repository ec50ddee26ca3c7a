"""``scraper fetch``: URLs in, one JSON Lines record each out (fetched, decoded, extracted)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from ..archive import ArchiveError, WarcFile
from ..downloads import download_attachments
from ..encoding import require_content
from ..errors import FetchError, OutputError, ScraperError
from ..extract import extract
from ..extract.options import PLAIN, Options
from ..fetch import DEFAULT_USER_AGENT, Fetcher, FetchConfig, FetchResult
from ..models import Article, error_record, one_line, require_article
from ..output import write_line
from ..stitch import DEFAULT_MAX_PAGES, stitch
from .exits import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from .structure_args import add_structure_arguments, structure_options

log = logging.getLogger(__name__)

NAME = "fetch"
HELP = "fetch pages and extract their articles"
DESCRIPTION = """\
Fetch each URL (politely: robots.txt, a per-host delay and concurrency limit, retries
of transient faults honouring Retry-After), decode and extract it, and print one JSON
Lines record per URL, in input order: the extraction record plus final_url, status,
fetched_at. A URL that fails yields a record with an "error" object (stage, status,
attempts, message) instead, never a missing line; so does a 200 with an empty body
(stage "empty") and a page in which no article text is found (stage "extract",
type "NoArticleError").

A multi-page article (上一页 [1] [2] 下一页, the TRS pager script, rel="next") gives one
record: its other pages on the same host are fetched the same polite way and
stitched (body in page order, "url" is page 1, "pages" and "page_urls" say which were
read); a page that fails is listed in "pages_missing" and makes the exit code 1.

With --attachments DIR, the documents each article links to (its "attachments": PDF,
Word, Excel, WPS, OFD files, archives) are downloaded the same polite way, under the
same size limit (--max-bytes), into DIR as <sha256 of the content>.<type> (one file
for the same content twice), each written whole before its record is printed; the
record's attachment then says where ("path"). A download that fails keeps the record:
that attachment gets an "error" (stage, status, message) instead of a path, and a
warning is logged.

examples:
  scraper fetch https://www.gov.cn/zhengce/ > pages.jsonl
  scraper fetch -i urls.txt --concurrency 16 --delay 2
  grep -v '^#' urls.txt | scraper fetch -i - --no-robots --timeout 30
  scraper fetch -i urls.txt --warc pages.warc.gz > pages.jsonl
  scraper fetch --attachments files/ https://www.gov.cn/zhengce/content/t20240806_5521.html
  scraper fetch --no-follow-pages https://www.gov.cn/zhengce/content/t20240806_5521_1.html
"""
# Names the writer in the warcinfo record of a new WARC archive.
SOFTWARE = "scraper fetch"

_DEFAULTS = FetchConfig()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="*", metavar="URL", help="pages to fetch")
    parser.add_argument("-i", "--input", metavar="FILE",
                        help="read URLs from FILE, one a line ('#' starts a comment; '-' is stdin)")
    parser.add_argument("--timeout", type=float, default=_DEFAULTS.timeout, metavar="SECONDS",
                        help="wall-clock deadline of one download, body included "
                        "(default: %(default)s)")
    parser.add_argument("--retries", type=int, default=_DEFAULTS.retries, metavar="N",
                        help="retries of transient faults after the first attempt "
                        "(default: %(default)s)")
    parser.add_argument("--max-bytes", type=int, default=_DEFAULTS.max_bytes, metavar="N",
                        help="largest body accepted, after decompression (default: %(default)s)")
    parser.add_argument("--concurrency", type=int, default=_DEFAULTS.concurrency, metavar="N",
                        help="requests in flight over all hosts (default: %(default)s)")
    parser.add_argument("--per-host", type=int, default=_DEFAULTS.per_host_concurrency,
                        metavar="N", help="requests in flight to one host (default: %(default)s)")
    parser.add_argument("--delay", type=float, default=_DEFAULTS.per_host_delay,
                        metavar="SECONDS", help="least time between two requests to one host "
                        "(default: %(default)s)")
    parser.add_argument("--user-agent", default=DEFAULT_USER_AGENT, metavar="STRING",
                        help="User-Agent header, also matched against robots.txt")
    parser.add_argument("--no-robots", action="store_true", help="do not obey robots.txt")
    parser.add_argument("--warc", metavar="FILE",
                        help="also archive every response in FILE (WARC/1.1, name ending in "
                        ".warc.gz; appended to, a torn tail from a killed run cut first); each "
                        "record is printed only after its response is in FILE, on disk")
    parser.add_argument("--attachments", metavar="DIR", type=Path,
                        help="download each article's attachments (PDF, Word, Excel… it "
                        "links to) into DIR, named by the SHA-256 of their content; the "
                        "record gives each one's path")
    add_structure_arguments(parser)
    parser.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N",
                        help="pages of one multi-page article fetched and stitched into its "
                        "record (default: %(default)s)")
    parser.add_argument("--no-follow-pages", action="store_true",
                        help="write each page alone, without fetching a multi-page "
                        "article's other pages")


def _config(args: argparse.Namespace) -> FetchConfig:
    return FetchConfig(user_agent=args.user_agent, timeout=args.timeout,
                       connect_timeout=min(_DEFAULTS.connect_timeout, args.timeout),
                       read_timeout=min(_DEFAULTS.read_timeout, args.timeout),
                       retries=args.retries, max_bytes=args.max_bytes,
                       concurrency=args.concurrency, per_host_concurrency=args.per_host,
                       per_host_delay=args.delay, robots=not args.no_robots)


def _read_url_lines(stream: TextIO) -> Iterator[str]:
    """The first word of each line; blank lines and words starting with '#' are skipped
    (a URL's own #fragment is kept: a comment is set off by whitespace)."""
    for line in stream:
        words = line.split()
        if words and not words[0].startswith("#"):
            yield words[0]


def _urls(args: argparse.Namespace, url_file: TextIO | None) -> Iterator[str]:
    yield from args.urls
    if url_file is not None:
        yield from _read_url_lines(url_file)


def record_for(result: FetchResult, options: Options = PLAIN, fetcher: Fetcher | None = None,
               max_pages: int = 1) -> dict[str, Any]:
    """The JSON Lines record of one fetched URL: extracted article, or an error.

    With a ``fetcher`` and ``max_pages`` above 1, a multi-page article's other pages
    are fetched and stitched into it (``scraper.stitch``)."""
    return _record(result, options, fetcher, max_pages)[0]


def _record(result: FetchResult, options: Options, fetcher: Fetcher | None, max_pages: int,
            fetched: Callable[[FetchResult], object] | None = None,
            attachments: Path | None = None) -> tuple[dict[str, Any], bool]:
    """``record_for``'s record, and whether every page of the article came. ``fetched``
    sees each further page of the article as it arrives (the WARC archive); the
    article's attachments are downloaded into ``attachments`` when it is given."""
    context: dict[str, Any] = {"input": result.url, "final_url": result.final_url,
                               "status": result.status, "fetched_at": result.fetched_at}
    if result.error is not None:
        return _error(result.error, context, attempts=result.attempts), False
    complete = True
    try:
        # the page found must hold article text; a later page of it need not
        article = require_article(_extract(result, options))
        if fetcher is not None and max_pages > 1 and article.page_urls:
            stitched = stitch(fetcher, article, lambda page: _extract(page, options),
                              max_pages=max_pages, fetched=fetched)
            article, complete = stitched.article, stitched.complete
            for url, why in stitched.failed.items():
                log.warning("%s: page %s is missing from its record: %s", result.url, url, why)
        if fetcher is not None:
            article = download_attachments(fetcher, article, attachments)
    except OutputError:
        raise   # the machine's fault (a full disk), not the page's
    except ScraperError as exc:
        return _error(exc, context, attempts=result.attempts), False
    except Exception as exc:  # the per-URL boundary: one bad page must not stop the run
        log.error("%s: extraction failed: %s: %s", result.url, type(exc).__name__,
                  one_line(str(exc)))
        log.debug("%s: extraction failed", result.url, exc_info=True)
        return _error(exc, context, attempts=result.attempts, stage="extract"), False
    return article.to_record(**context), complete


def _extract(result: FetchResult, options: Options) -> Article:
    """The page's article; ``EmptyInputError`` for a page with an empty body."""
    require_content(result.content or b"")
    return extract(result.content or b"", url=result.final_url or result.url,
                   http_charset=result.charset, markdown=options.markdown,
                   html=options.html, links=options.links)


def _error(exc: Exception, context: dict[str, Any], *, attempts: int,
           stage: str | None = None) -> dict[str, Any]:
    stage = stage or getattr(exc, "stage", "extract")
    record = error_record(stage, type(exc).__name__, str(exc), **context)
    status = exc.status if isinstance(exc, FetchError) else context["status"]
    record["error"] = {"stage": stage, "type": type(exc).__name__, "status": status,
                       "attempts": attempts, "message": record["error"]["message"]}
    return record


class _Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.done = self.failed = 0

    def step(self, result: FetchResult, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        if self.enabled:
            self.stream.write(f"\r\x1b[K{self.done} fetched, {self.failed} failed  "
                              f"{result.url[:60]}")
            self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class _NoArchive(Exception):
    """The --warc file cannot be appended to: a usage error, nothing is fetched."""


def _open_archive(name: str | None) -> WarcFile | None:
    if name is None:
        return None
    try:
        return WarcFile(Path(name), software=SOFTWARE)
    except ArchiveError as exc:   # an unwritable folder or a full disk is the machine's
        raise _NoArchive(str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    if not args.urls and not args.input:
        print("scraper fetch: give URLs or -i FILE", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.max_pages < 1:
            raise ValueError(f"--max-pages must be at least 1, got {args.max_pages}")
        config = _config(args)
    except ValueError as exc:
        print(f"scraper fetch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        url_file = None if not args.input else (
            sys.stdin if args.input == "-" else open(args.input, encoding="utf-8-sig"))
    except OSError as exc:
        print(f"scraper fetch: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    progress = _Progress(sys.stderr)
    archive: WarcFile | None = None
    try:
        archive = _open_archive(args.warc)
        with Fetcher(config) as fetcher:
            for result in fetcher.fetch_many(_urls(args, url_file)):
                if archive is not None:
                    archive.add(result)   # on disk before its record is printed
                record, ok = _record(result, structure_options(args), fetcher,
                                     1 if args.no_follow_pages else args.max_pages,
                                     archive.add if archive is not None else None,
                                     args.attachments)
                progress.step(result, ok)
                write_line(sys.stdout, record)
    except _NoArchive as exc:
        print(f"scraper fetch: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        progress.finish()
        if archive is not None:
            archive.close()
        if url_file is not None and url_file is not sys.stdin:
            url_file.close()
    return EXIT_SOME_FAILED if progress.failed else EXIT_OK
