"""A crawl run's discovery: list pages, feeds and sitemaps read into candidate article URLs.

Breadth first in rounds: the start pages, feeds and sitemaps of every site are fetched
together; their next pages and child sitemaps form the next round. Each source's
article URLs are recorded in the state with its validators (ETag, Last-Modified), so
an unchanged feed or sitemap answers 304 next run. A source that fails is logged and
kept in the state; it never stops the run.

A URL is asked once per run however many sites name it (one site's sitemap index
listing another site's sitemap): the response is kept (``Responses``) and read by each
site in turn. The one exception is a ``304`` to one site's validators, which carries
no body: a site without those validators asks again, unconditionally.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig
from .discover import Filter, parse_feed, parse_list_page, parse_sitemap
from .errors import ScraperError
from .fetch import Fetcher, FetchRequest, FetchResult
from .models import one_line
from .state import FEED, LIST, SITEMAP, RunCounts, State, Validators
from .urls import canonical

log = logging.getLogger(__name__)

# Media types accepted for feeds and sitemaps: servers label them every possible way.
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
             "application/rdf+xml", "application/x-gzip", "application/gzip",
             "application/octet-stream", "text/*")
# Body bytes of responses a run keeps for other sites' sources; past this, a source
# that another site named earlier in the run is fetched again.
KEPT_BYTES = 64 << 20
# Puts a source's response in the site's WARC archive unless the archive file is in
# the set already (two sites sharing one file); adds the file to the set.
Archive = Callable[[SiteConfig, FetchResult, set[Path]], None]


@dataclass(frozen=True)
class Source:
    site: SiteConfig
    url: str
    kind: str            # LIST, FEED or SITEMAP
    depth: int = 1       # list page number, or sitemap nesting level


@dataclass
class Found:
    """One site's candidate article URLs from this run's discovery, in order."""

    urls: dict[str, None] = field(default_factory=dict)
    sitemaps: int = 0
    visited: set[str] = field(default_factory=set)


@dataclass
class Response:
    """A source's response, as asked (``request``), and the archive files holding it."""

    request: FetchRequest
    result: FetchResult
    archived: set[Path] = field(default_factory=set)


# Two requests are one when they have the same canonical URL and accept the same types.
Key = tuple[str, tuple[str, ...] | None]


def request_key(request: FetchRequest) -> Key:
    """What makes two requests one: the URL (canonical) and the media types accepted."""
    return canonical(request.url), request.content_types


class Responses:
    """A run's source responses by URL, kept for a later round or group of sites to read
    instead of fetching the URL again (at most ``KEPT_BYTES`` of bodies; none when
    ``keep`` is false: a run over one site never names a URL twice)."""

    def __init__(self, *, keep: bool = True, budget: int = KEPT_BYTES) -> None:
        self.keep = keep
        self.budget = budget
        self._kept: dict[Key, Response] = {}

    def answer(self, request: FetchRequest) -> Response | None:
        """The kept response that answers ``request``: any but a 304 to other validators."""
        kept = self._kept.get(request_key(request))
        if kept is None or (kept.result.status == 304 and kept.request.headers != request.headers):
            return None
        return kept

    def add(self, request: FetchRequest, result: FetchResult) -> Response:
        response = Response(request, result)
        size = len(result.content or b"")
        if self.keep and size <= self.budget:
            self.budget -= size
            self._kept[request_key(request)] = response
        return response

    def fetch(self, fetcher: Fetcher, requests: list[FetchRequest]) -> Iterator[Response]:
        """One response per request, in order, as they come: kept ones, the rest fetched,
        each URL once (a response is held only until the last request it answers)."""
        unanswered = {request_key(r) for r in requests if self.answer(r) is None}
        todo: dict[Key, FetchRequest] = {}   # in the order the requests first name them
        for request in requests:
            key = request_key(request)
            if key in unanswered:
                todo[key] = _merged(todo[key], request) if key in todo else request
        uses = Counter(key for key in map(request_key, requests) if key in todo)
        results = fetcher.fetch_many(todo.values(), ordered=True)
        fresh: dict[Key, Response] = {}
        for request in requests:
            key = request_key(request)
            if key not in todo:
                yield self._kept[key]
                continue
            # a fresh response serves every request of its URL: a 200 is anyone's, and a
            # 304 came from a request whose validators all of them share (``_merged``)
            response = fresh.get(key) or self.add(todo[key], next(results))
            uses[key] -= 1
            if uses[key]:
                fresh[key] = response
            else:
                fresh.pop(key, None)
            yield response


def _merged(one: FetchRequest, other: FetchRequest) -> FetchRequest:
    """One request for two sites' requests of a URL: conditional only when they agree."""
    return one if one.headers == other.headers else FetchRequest(one.url, content_types=one.content_types)


class Discovery:
    """One run's discovery over a group of sites (see the module docstring)."""

    def __init__(self, state: State, counts: RunCounts, archive: Archive,
                 progress: Callable[[str, int], None], responses: Responses | None = None) -> None:
        self.state = state
        self.counts = counts
        self.archive = archive
        self.progress = progress
        self.responses = responses if responses is not None else Responses(keep=False)

    def run(self, fetcher: Fetcher, sites: list[SiteConfig]) -> dict[str, Found]:
        found = {site.name: Found() for site in sites}
        frontier = [Source(s, u, LIST) for s in sites for u in s.start_urls]
        frontier += [Source(s, u, FEED) for s in sites for u in s.feeds]
        frontier += [Source(s, u, SITEMAP) for s in sites for u in s.sitemaps]
        while frontier:
            sources = list({(s.site.name, s.url): s for s in frontier}.values())
            for source in sources:
                found[source.site.name].visited.update((source.url, canonical(source.url)))
            responses = self.responses.fetch(fetcher, [self._request(s) for s in sources])
            frontier = []
            for source, response in zip(sources, responses, strict=True):
                frontier += self._read_source(source, response, found[source.site.name])
            self.progress("discovering", 0)
        return found

    def _request(self, source: Source) -> FetchRequest:
        if source.kind == LIST:  # list pages are read whole every run
            return FetchRequest(source.url)
        headers = self.state.validators(source.site.name, source.url).headers()
        return FetchRequest(source.url, headers=headers or None, content_types=XML_TYPES)

    def _read_source(self, source: Source, response: Response, found: Found) -> list[Source]:
        site, result = source.site, response.result
        if not result.ok:
            self._source_failed(source, result.status, str(result.error))
            return []
        self.archive(site, result, response.archived)
        validators = validators_of(result)
        if result.status == 304:
            self.state.source_done(site.name, source.url, source.kind, status=304,
                                   validators=validators)
            return []
        try:
            articles, more = self._parse_source(source, result, found)
        except ScraperError as exc:
            self._source_failed(source, result.status, f"{exc.stage}: {exc}")
            return []
        except Exception as exc:  # a fault on one source must not stop the run
            log.debug("%s: reading %s failed", site.name, source.url, exc_info=True)
            self._source_failed(source, result.status,
                                one_line(f"discover: {type(exc).__name__}: {exc}"))
            return []
        if more and source.kind == SITEMAP:
            # an index answering 304 would hide its children, which may not all be read yet
            validators = Validators()
        new, _ = self.state.source_done(site.name, source.url, source.kind, status=result.status,
                                        validators=validators, articles=articles)
        self.counts.new += new
        found.urls.update(dict.fromkeys(articles))
        return more

    def _parse_source(self, source: Source, result: FetchResult,
                      found: Found) -> tuple[list[str], list[Source]]:
        site, content = source.site, result.content or b""
        accept = Filter(site).accepts
        more: list[Source] = []
        if source.kind == LIST:
            page = parse_list_page(content, result.final_url or source.url,
                                   charset=site.encoding or result.charset)
            articles = [link.url for link in page.links if accept(link.url, link.text)]
            if page.next_url and source.depth < site.max_list_pages \
                    and page.next_url not in found.visited:
                more.append(Source(site, page.next_url, LIST, source.depth + 1))
        elif source.kind == FEED:
            articles = [url for url in parse_feed(content, source.url) if accept(url)]
        else:
            sitemap = parse_sitemap(content, source.url)
            articles = [url for url in sitemap.pages if accept(url)]
            for child in sitemap.children:
                if found.sitemaps < site.max_sitemaps and child not in found.visited:
                    found.sitemaps += 1
                    more.append(Source(site, child, SITEMAP, source.depth + 1))
        return articles, more

    def _source_failed(self, source: Source, status: int | None, error: str) -> None:
        self.counts.failed += 1
        self.state.source_failed(source.site.name, source.url, source.kind, status=status,
                                 error=error)
        log.error("%s: %s %s failed: %s", source.site.name, source.kind, source.url, error)


def validators_of(result: FetchResult) -> Validators:
    return Validators(result.headers.get("etag"), result.headers.get("last-modified"))

