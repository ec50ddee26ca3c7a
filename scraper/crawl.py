"""One scheduled run: discover → skip known → fetch → extract → write → state.

``run_crawl(config)`` takes the crawl lock (``LockedError`` if another run holds it),
settles what a killed run left behind (``scraper.journal.reconcile``), then for each
group of sites sharing one politeness setting:

1. discovery (``scraper.crawl_sources``), breadth first in rounds: start pages, feeds
   and sitemaps of every site are fetched together; their next pages and child
   sitemaps form the next round. Each source's article URLs are recorded in the state
   with its validators.
2. the site's pending and failed articles (this run's finds and earlier backlog,
   oldest first, at most ``max_new``) are fetched, interleaved across sites; a URL
   two sites hold is fetched once and read by each.
3. each page is extracted; a multi-page article's other pages are fetched and
   stitched into one record written under page 1 (``scraper.stitch``; its other pages
   become ``page`` rows, never articles of their own); content already written under
   another URL is a duplicate; anything else is written exactly once through the
   journal, its attachments downloaded first when asked for (``scraper.downloads``).

Failures are logged (warning while retries remain, error when a page is given up)
and kept in the state; ``scraper state`` lists them. They never go to the output. A
page that kills the crawl's process counts a failed attempt at the next run
(``scraper.inflight``).
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import chain, zip_longest
from pathlib import Path

from .archive import Archives, WarcFile, archivable
from .config import Config, CrawlConfig, SiteConfig
from .crawl_sources import Discovery, Responses, validators_of
from .downloads import download_attachments, site_directory
from .errors import OutputError, ScraperError
from .fetch import Fetcher, FetchConfig, FetchResult
from .fetch.robots import RobotsRulesStore
from .inflight import DIED, InFlight, inflight_path
from .journal import STDOUT, Journal, Reconciled, reconcile, settle_archives
from .lock import CrawlLock, lock_path
from .models import Article, require_article
from .overrides import PageJob, content_hash, extract_job, lost_page
from .state import DEAD, DUPLICATE, EMITTED, TO_FETCH, RunCounts, State
from .stitch import stitch
from .urls import canonical
from .workers import ordered_map

log = logging.getLogger(__name__)

# Longest silence between two reads of a response, capped by the page timeout.
READ_TIMEOUT = 10.0

# Names the writer in the warcinfo record of each WARC archive.
SOFTWARE = "scraper crawl"
# Called as pages finish: (phase, counts so far, article pages planned in this phase).
Progress = Callable[[str, RunCounts, int], None]


@dataclass(frozen=True)
class CrawlOptions:
    output: str | None = None           # overrides crawl.output; "-" is stdout
    sites: tuple[str, ...] = ()         # crawl only these sites (all when empty)
    progress: Progress | None = None    # called as pages finish (for a terminal display)


@dataclass
class RunResult:
    run: int
    counts: RunCounts
    seconds: float
    reconciled: Reconciled


def run_crawl(config: Config, options: CrawlOptions = CrawlOptions()) -> RunResult:
    """One whole run (see the module docstring). Raises ``LockedError`` when locked."""
    started = time.monotonic()
    sites = _selected(config, options.sites)
    with CrawlLock(lock_path(config.state_path)), State(config.state_path) as state:
        reconciled = reconcile(state)
        reconciled.archived = settle_archives(state)   # after reconcile: it reads the outcomes
        if reconciled.kept or reconciled.truncated or reconciled.archived:
            log.info("settled an interrupted run: %d record(s) kept, %d half line(s) cut, "
                     "%d archived response(s) cut", reconciled.kept, reconciled.truncated,
                     reconciled.archived)
        run = state.start_run(os.getpid())
        counts = RunCounts()
        robots: RobotsRulesStore = {}   # each host's robots.txt asked once per run, by every group
        status = "interrupted"
        try:
            with Journal(state, run) as journal, Archives(software=SOFTWARE) as archives, \
                    InFlight(inflight_path(config.state_path)) as inflight:
                crawl = _Run(config, state, journal, run, options, counts, archives=archives,
                             inflight=inflight)
                crawl.settle_left_over()
                crawl.open_archives(sites)
                for delay, group in _groups(config.crawl, sites):
                    with Fetcher(fetch_config(config.crawl, delay), robots=robots) as fetcher:
                        crawl.group(fetcher, group)
            status = "done"
        finally:
            state.finish_run(run, counts, time.monotonic() - started, status)
    return RunResult(run, counts, time.monotonic() - started, reconciled)


def fetch_config(crawl: CrawlConfig, delay: float) -> FetchConfig:
    return FetchConfig(user_agent=crawl.user_agent, timeout=crawl.timeout,
                       connect_timeout=min(crawl.connect_timeout, crawl.timeout),
                       read_timeout=min(READ_TIMEOUT, crawl.timeout), retries=crawl.retries,
                       max_bytes=crawl.max_bytes, concurrency=crawl.concurrency,
                       per_host_concurrency=crawl.per_host_concurrency, per_host_delay=delay,
                       robots=crawl.robots)


def output_target(config: Config, pattern: str, site: str, now: datetime) -> Path | str:
    """The file a site's records go to this run, or ``-`` for stdout."""
    if pattern == STDOUT:
        return STDOUT
    name = pattern.format(site=site, date=now.strftime("%Y-%m-%d"), month=now.strftime("%Y-%m"),
                          year=now.strftime("%Y"))
    return config.resolve(name)


def _selected(config: Config, names: tuple[str, ...]) -> tuple[SiteConfig, ...]:
    if not names:
        return config.sites
    unknown = [n for n in names if n not in {s.name for s in config.sites}]
    if unknown:
        known = ", ".join(s.name for s in config.sites)
        raise ScraperError(f"no site named {unknown[0]!r} in {config.path} (sites: {known})")
    return tuple(s for s in config.sites if s.name in names)


def _groups(crawl: CrawlConfig, sites: Iterable[SiteConfig]) -> list[tuple[float, list[SiteConfig]]]:
    """Sites grouped by their per-host delay: one fetcher serves each group."""
    groups: dict[float, list[SiteConfig]] = {}
    for site in sites:
        groups.setdefault(crawl.per_host_delay if site.delay is None else site.delay, []).append(site)
    return list(groups.items())


class _Run:
    """The stages of one run over one or more groups of sites."""

    def __init__(self, config: Config, state: State, journal: Journal, run: int,
                 options: CrawlOptions, counts: RunCounts, *,
                 archives: Archives | None = None, inflight: InFlight | None = None) -> None:
        self.config = config
        self.state = state
        self.journal = journal
        self.run = run
        self.options = options
        self.counts = counts
        self.now = datetime.now(timezone.utc)
        self.output = options.output or config.crawl.output
        self.archives = archives
        # Pages extracted in this process are named while they are (see scraper.inflight).
        self.inflight = inflight if config.crawl.workers == 1 else None
        # Further pages of the articles two sites hold, by the found page's URL (fetch_articles).
        self._pages: dict[str, dict[str, FetchResult]] = {}
        # Sources' responses, for every site and group of the run to read (each URL asked once).
        self.responses = Responses(keep=len(_selected(config, options.sites)) > 1)

    def settle_left_over(self) -> None:
        """A page that killed the last run's process counts a failed attempt."""
        left = self.inflight.left_over() if self.inflight is not None else None
        if left is not None and self.state.state_of(*left) in TO_FETCH:
            self._article_failed(SiteConfig(name=left[0]), left[1], None, f"extract: {DIED}")

    def open_archives(self, sites: Iterable[SiteConfig]) -> None:
        """Open the sites' WARC archives before fetching: a torn tail left by a killed
        run is cut off, and a file that is no WARC stops the run (``ArchiveError``)."""
        for site in sites:
            self._archive_of(site)

    def archive(self, site: SiteConfig, result: FetchResult, *, article: bool = False) -> None:
        """Put the fetched response in the site's WARC archive (when one is configured),
        durably, before anything derived from it is written. An ``article``'s place is
        noted in the state first, so that a run killed before its outcome is recorded
        leaves nothing the next run archives again (``journal.settle_archives``)."""
        archive = self._archive_of(site)
        if archive is None:
            return
        if article and archivable(result):
            self.state.note_archived(site.name, result.url, str(archive.path), archive.size())
        archive.add(result)

    def archive_source(self, site: SiteConfig, result: FetchResult, archived: set[Path]) -> None:
        """A list page, feed or sitemap's response, in the site's archive unless that
        file is in ``archived`` already (a source two sites read, one file for both)."""
        archive = self._archive_of(site)
        if archive is None or archive.path in archived:
            return
        archived.add(archive.path)
        archive.add(result)

    def _archive_of(self, site: SiteConfig) -> WarcFile | None:
        pattern = self.config.crawl.warc
        if pattern is None or self.archives is None:
            return None
        return self.archives.open(Path(output_target(self.config, pattern, site.name, self.now)))

    def group(self, fetcher: Fetcher, sites: list[SiteConfig]) -> None:
        found = Discovery(self.state, self.counts, self.archive_source, self._progress,
                          self.responses).run(fetcher, sites)
        for site in sites:
            urls = list(found[site.name].urls)
            self.counts.discovered += len(urls)
            self.counts.skipped += self.state.count_done(site.name, urls)
        queues = [[(site, url) for url in self.state.to_fetch(site.name, site.max_new)]
                  for site in sites]
        todo = [item for item in chain.from_iterable(zip_longest(*queues)) if item is not None]
        self.fetch_articles(fetcher, todo)

    # ---- articles ----

    def fetch_articles(self, fetcher: Fetcher, todo: list[tuple[SiteConfig, str]]) -> None:
        owners: dict[str, list[SiteConfig]] = {}  # one URL may belong to two sites
        for site, url in todo:
            owners.setdefault(url, []).append(site)
        # each URL is fetched once and read by each of its sites; so are the further
        # pages of a multi-page article two sites hold (kept until the last has read them)
        self._pages = {url: {} for url, sites in owners.items() if len(sites) > 1}
        results = fetcher.fetch_many(iter(owners), ordered=False)
        for site, result, extracted in self._extracted(results, owners):
            sites = owners[result.url]
            if site is sites[0]:
                self.counts.fetched += 1
            try:
                self._article(site, result, extracted, fetcher)
            except OutputError:
                raise   # the machine's fault, not the page's: the run stops, the page stays pending
            except ScraperError as exc:
                self._article_failed(site, result.url, result.status, f"{exc.stage}: {exc}")
            if self.inflight is not None:
                self.inflight.end()
            if site is sites[-1]:
                self._pages.pop(result.url, None)
            self._progress("fetching", len(todo))

    def _extracted(self, results: Iterable[FetchResult], owners: dict[str, list[SiteConfig]]
                   ) -> Iterator[tuple[SiteConfig, FetchResult, Article | ScraperError | None]]:
        """Each fetched page with its extraction, done in ``[crawl] workers`` processes
        as pages arrive; pages go out to the workers and come back in one order."""
        sent: deque[tuple[SiteConfig, FetchResult]] = deque()

        def jobs() -> Iterator[PageJob | None]:
            for result in results:
                for site in owners[result.url]:
                    sent.append((site, result))
                    if self.inflight is not None:
                        self.inflight.begin(site.name, result.url)   # extracted in this process
                    yield _job(site, result) if result.ok else None

        for extracted in ordered_map(extract_job, jobs(), self.config.crawl.workers, chunk=1,
                                     lost=lost_page):
            site, result = sent.popleft()
            yield site, result, extracted

    def _article(self, site: SiteConfig, result: FetchResult,
                 extracted: Article | ScraperError | None, fetcher: Fetcher) -> None:
        if not result.ok:
            error = result.error
            stage = getattr(error, "stage", "fetch")
            self._article_failed(site, result.url, result.status, f"{stage}: {error}")
            return
        self.archive(site, result, article=True)
        if self.state.state_of(site.name, result.url) not in (None, *TO_FETCH):
            return   # written meanwhile, as a page of an article found under another URL
        article = _article_of(extracted)
        if article.truncated:
            log.warning("%s: %s was cut before extraction (%s beyond the bounds); its record "
                        "says so", site.name, result.url, ", ".join(article.truncated))
        require_article(article)   # else a failed page, retried by later runs
        if article.page_urls:
            whole = self._whole_article(fetcher, site, result, article)
            if whole is None:
                return
            article = whole
        # a stitched article is known by its page 1, whichever page was found first
        key = result.url
        if article.stitched is not None and article.url \
                and article.url != canonical(result.final_url or result.url):
            key = article.url
        digest = content_hash(article)
        earlier = self.state.emitted_url(site.name, digest)
        if earlier is not None:
            self.counts.duplicates += 1
            self.state.mark_duplicate(site.name, result.url, digest, status=result.status,
                                      validators=validators_of(result), of=earlier)
            log.info("%s: %s repeats %s; not written again", site.name, result.url, earlier)
            return
        # its attachments on disk (when asked for) before the record that names them
        article = download_attachments(fetcher, article, site_directory(self.config, site))
        record = article.to_record(crawl={
            "site": site.name, "url": key, "fetched_at": result.fetched_at,
            "status": result.status, "run": self.run, "content_hash": digest})
        target = output_target(self.config, self.output, site.name, self.now)
        self.journal.emit(site.name, key, digest, record, target, status=result.status,
                          validators=validators_of(result))
        self.counts.written += 1
        if article.page_urls:
            self.state.mark_pages(site.name, [u for u in (*article.page_urls, result.url) if u != key],
                                  of=key)

    def _whole_article(self, fetcher: Fetcher, site: SiteConfig, result: FetchResult,
                       article: Article) -> Article | None:
        """The article stitched from its pages; None when it is not to be written now:
        its page 1 is already written, or a page failed and attempts remain."""
        first = article.page_urls[0]
        if first != canonical(result.final_url or result.url) \
                and self.state.state_of(site.name, first) in (EMITTED, DUPLICATE):
            self.state.mark_pages(site.name, [result.url], of=first)
            log.info("%s: %s is a page of %s, already written", site.name, result.url, first)
            return None
        stitched = stitch(fetcher, article, lambda page: _article_of(extract_job(_job(site, page))),
                          max_pages=self.config.crawl.max_pages,
                          fetched=lambda page: self.archive(site, page),
                          pages=self._pages.get(result.url))
        self.counts.fetched += stitched.fetched
        if stitched.failed:
            why = "; ".join(f"{url}: {error}" for url, error in stitched.failed.items())
            if self.state.attempts(site.name, result.url) + 1 < self.config.crawl.max_attempts:
                self._article_failed(site, result.url, result.status, f"page failed: {why}")
                return None
            log.error("%s: %s written without %d of its pages after %d attempts: %s", site.name,
                      stitched.article.url, len(stitched.failed), self.config.crawl.max_attempts, why)
        return stitched.article

    def _article_failed(self, site: SiteConfig, url: str, status: int | None, error: str) -> None:
        self.counts.failed += 1
        limit = self.config.crawl.max_attempts
        state = self.state.article_failed(site.name, url, status=status, error=error, max_attempts=limit)
        if state == DEAD:
            log.error("%s: giving up on %s after %d attempts: %s", site.name, url, limit, error)
        else:
            log.warning("%s: %s failed (retried next run): %s", site.name, url, error)

    def _progress(self, phase: str, total: int) -> None:
        if self.options.progress is not None:
            self.options.progress(phase, self.counts, total)


def _job(site: SiteConfig, result: FetchResult) -> PageJob:
    return (result.content or b"", result.final_url or result.url, site, result.charset)


def _article_of(extracted: Article | ScraperError | None) -> Article:
    """The extracted article; the extraction's error is raised to the per-page boundary."""
    if not isinstance(extracted, Article):
        raise extracted or ScraperError("extract: the page was not extracted")
    return extracted
