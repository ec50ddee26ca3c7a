"""One input of ``scraper extract``: a ``Job`` in, its JSON Lines line out.

A job is small and picklable, so that worker processes can run it
(``scraper.workers``): a saved page is named by its path and read by whoever runs the
job; a page out of a WARC file, or read from stdin, travels with its bytes. The
result is the finished line, so ``-j N`` writes exactly the bytes ``-j 1`` writes.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, replace
from typing import Any

from .encoding import require_content
from .errors import ScraperError
from .extract import extract
from .extract.options import PLAIN, Options
from .models import error_record, one_line, require_article
from .output import dumps

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    input: str                          # the input as named on the command line ("-": stdin)
    path: str | None = None             # a file to read, when ``content`` is not given
    content: bytes | None = None
    url: str | None = None
    charset: str | None = None          # --charset, else the archived HTTP charset
    engine: str = "scraper"
    options: Options = PLAIN            # --markdown, --html, --links
    warc: dict[str, Any] | None = None  # the record's place in its WARC file
    failure: tuple[str, str, str] | None = None  # (stage, type, message): failed already


@dataclass(frozen=True)
class Done:
    line: str       # the JSON Lines record, without its newline
    failed: bool
    # An engine fault's one-line report and its traceback. The worker that met it does
    # not log them: whoever writes the line does (``report``), in input order, from
    # the process whose logging the user set up.
    fault: str | None = None
    trace: str | None = None


def report(done: Done) -> None:
    """Log the engine fault ``done`` carries, if any: one line, the traceback at debug."""
    if done.fault is not None:
        log.error("%s", done.fault)
    if done.trace is not None:
        log.debug("%s", done.trace)


def run_job(job: Job) -> Done:
    """Extract one input; any failure becomes its error record."""
    context: dict[str, Any] = {"input": job.input}
    if job.warc is not None:
        context["warc"] = job.warc
    if job.failure is not None:
        return _failed(job, context, *job.failure)
    try:
        data = job.content if job.content is not None else _read(job.path or job.input)
    except OSError as exc:
        return _failed(job, context, "read", "OSError", exc.strerror or str(exc))
    try:
        require_content(data)   # an empty input is an error record, not an empty article
        options = job.options
        article = extract(data, url=job.url, http_charset=job.charset, engine=job.engine,
                          markdown=options.markdown, html=options.html, links=options.links)
        require_article(article)   # a page without article text is an error record too
        return Done(dumps(article.to_record(**context)), False)
    except ScraperError as exc:
        return _failed(job, context, exc.stage, type(exc).__name__, str(exc))
    except Exception as exc:  # an engine fault on one input must not stop the batch
        failed = _failed(job, context, "extract", type(exc).__name__, str(exc))
        fault = f"{job.input}: extraction failed: {type(exc).__name__}: {one_line(str(exc))}"
        trace = f"{job.input}: extraction failed\n{traceback.format_exc().rstrip()}"
        return replace(failed, fault=fault, trace=trace)


def lost_job(job: Job, reason: str) -> Done:
    """The error record of a job whose worker process died on it (``workers.ordered_map``)."""
    log.error("%s: extraction failed: %s", job.input, reason)
    context: dict[str, Any] = {"input": job.input}
    if job.warc is not None:
        context["warc"] = job.warc
    return _failed(job, context, "extract", "WorkerLost", reason)


def _failed(job: Job, context: dict[str, Any], stage: str, kind: str, message: str) -> Done:
    if job.url is not None:
        context = {"input": job.input, "url": job.url, **context}
    return Done(dumps(error_record(stage, kind, message, **context)), True)


def _read(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()
