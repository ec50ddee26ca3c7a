"""``scraper extract``: HTML files (or stdin) in, one JSON Lines record each out."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from ..batch import Job, lost_job, report, run_job
from ..extract import ENGINES
from ..output import write_dumped
from ..warc_reader import SNIFF_BYTES, WarcFault, is_warc, read_warc_stream, sniff, summary
from ..workers import ordered_map
from .structure_args import add_structure_arguments, structure_options
from .exits import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE

NAME = "extract"
HELP = "extract articles from saved HTML files or stdin"
DESCRIPTION = """\
Read each HTML file (or stdin when no path or '-' is given), extract the article and
print one JSON Lines record per input, in input order. An input that fails yields an
error record instead, never a missing line; so does an empty input (no bytes, or only
whitespace: "stage": "empty") and a page in which no article text is found ("stage":
"extract", "type": "NoArticleError").

A WARC file (.warc or .warc.gz, recognised by its content, not its name, on stdin
too) among the inputs yields one record per archived HTML response with a 2xx status, in
file order, with the archived URL, the HTTP charset and a "warc" object (file, offset,
record_id, date); other records (redirects and error responses too) are skipped and
counted on stderr. A truncated or corrupt record
yields an error record and reading goes on.

-j N extracts in N worker processes (0: one per core); the output is the same,
byte for byte, as with one. Pages are never extracted in the main process, so a page
that crashes its worker (native code, out of memory) yields an error record of its
own and the others go on, with -j 1 too.

examples:
  scraper extract page.html
  scraper extract --url https://www.fznews.com.cn/a.shtml < page.html
  scraper extract samples/pages/*/source.html > articles.jsonl
  scraper extract -j 0 archive/*.warc.gz > articles.jsonl
  curl -s https://example.org/crawl.warc.gz | scraper extract > articles.jsonl
  scraper extract --markdown --url https://www.example.gov.cn/t1.html page.html
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="HTML files; '-' or nothing reads stdin")
    parser.add_argument("--url", help="the page's URL (only with a single input); used to "
                        "resolve links and name the site")
    parser.add_argument("--charset", help="decode the input with this charset instead of detecting it")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="scraper",
                        help="extraction engine (default: %(default)s; 'trafilatura' for comparison)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                        help="worker processes (default: %(default)s; 0: one per core)")
    add_structure_arguments(parser)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("expected 0 (all cores) or more")
    return jobs


def _jobs_of(args: argparse.Namespace, notes: list[str]) -> Iterator[Job]:
    """One job per HTML input and per archived HTML response, in input order.

    A WARC file's summary line is added to ``notes`` once the file is read."""
    for path in args.paths or ["-"]:
        if path == "-":
            yield from _stdin_jobs(args, notes)
            continue
        try:
            archive = sniff(path)
        except OSError as exc:
            yield Job(path, failure=("read", "OSError", exc.strerror or str(exc)))
            continue
        if archive:
            yield from _warc_jobs(path, args, notes)
        else:
            yield Job(path, path=path, url=args.url, charset=args.charset, engine=args.engine,
                      options=structure_options(args))


def _stdin_jobs(args: argparse.Namespace, notes: list[str]) -> Iterator[Job]:
    """stdin as one HTML page, or as a WARC file when it starts like one. A WARC is
    spooled to a temporary file first: the reader seeks to resume after a damaged
    record, and an archive may not fit in memory."""
    stdin = sys.stdin.buffer
    head = stdin.read(SNIFF_BYTES)
    if not is_warc(head):
        yield Job("-", content=head + stdin.read(), url=args.url, charset=args.charset,
                  engine=args.engine, options=structure_options(args))
        return
    with tempfile.TemporaryFile() as spool:
        spool.write(head)
        shutil.copyfileobj(stdin, spool)
        spool.seek(0)
        yield from _warc_jobs("-", args, notes, spool)


def _warc_jobs(path: str, args: argparse.Namespace, notes: list[str],
               stream: BinaryIO | None = None) -> Iterator[Job]:
    """The jobs of the WARC file at ``path``, or of ``stream`` (named ``path``) when
    given."""
    if stream is None:
        with open(path, "rb") as opened:
            yield from _warc_jobs(path, args, notes, opened)
        return
    skipped: Counter[str] = Counter()
    pages = faults = 0
    for item in read_warc_stream(stream, path, skipped):
        if isinstance(item, WarcFault):
            faults += 1
            yield Job(path, url=item.url, warc=item.warc(),
                      failure=("warc", "WarcError", item.message))
            continue
        pages += 1
        yield Job(path, content=item.content, url=item.url,
                  charset=args.charset or item.http_charset, engine=args.engine,
                  options=structure_options(args), warc=item.warc())
    notes.append(summary(path, pages, faults, skipped))


def run(args: argparse.Namespace) -> int:
    if args.url and len(args.paths) > 1:
        print("scraper extract: --url names one page; give a single input", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    out = sys.stdout
    notes: list[str] = []
    # isolated: a page that crashes native code costs its own record, never the batch
    for done in ordered_map(run_job, _jobs_of(args, notes), args.jobs, lost=lost_job,
                            isolated=True):
        failed += done.failed
        report(done)
        write_dumped(out, done.line)
    if not args.quiet:
        for note in notes:
            print(f"scraper extract: {note}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK
