"""A crawl run's discovery: list pages, feeds and sitemaps read into candidate article URLs.

Breadth first in rounds: the start pages, feeds and sitemaps of every site are fetched
together; their next pages and child sitemaps form the next round. Each source's
article URLs are recorded in the state with its validators (ETag, Last-Modified), so
an unchanged feed or sitemap answers 304 next run. A source that fails is logged and
kept in the state; it never stops the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

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


class Discovery:
    """One run's discovery over a group of sites (see the module docstring)."""

    def __init__(self, state: State, counts: RunCounts,
                 archive: Callable[[SiteConfig, FetchResult], None],
                 progress: Callable[[str, int], None]) -> None:
        self.state = state
        self.counts = counts
        self.archive = archive     # puts a fetched response in the site's WARC archive
        self.progress = progress

    def run(self, fetcher: Fetcher, sites: list[SiteConfig]) -> dict[str, Found]:
        found = {site.name: Found() for site in sites}
        frontier = [Source(s, u, LIST) for s in sites for u in s.start_urls]
        frontier += [Source(s, u, FEED) for s in sites for u in s.feeds]
        frontier += [Source(s, u, SITEMAP) for s in sites for u in s.sitemaps]
        while frontier:
            sources = list({(s.site.name, s.url): s for s in frontier}.values())
            for source in sources:
                found[source.site.name].visited.update((source.url, canonical(source.url)))
            results = fetcher.fetch_many((self._request(s) for s in sources), ordered=True)
            frontier = []
            for source, result in zip(sources, results, strict=True):
                frontier += self._read_source(source, result, found[source.site.name])
            self.progress("discovering", 0)
        return found

    def _request(self, source: Source) -> FetchRequest:
        if source.kind == LIST:  # list pages are read whole every run
            return FetchRequest(source.url)
        headers = self.state.validators(source.site.name, source.url).headers()
        return FetchRequest(source.url, headers=headers or None, content_types=XML_TYPES)

    def _read_source(self, source: Source, result: FetchResult, found: Found) -> list[Source]:
        site = source.site
        if not result.ok:
            self._source_failed(source, result.status, str(result.error))
            return []
        self.archive(site, result)
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

