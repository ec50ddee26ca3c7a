"""Stitching: one article from the pages of a multi-page article (分页).

``stitch(fetcher, article, extract_one, max_pages=…)`` takes the article extracted from
the page that was found (any of its pages), fetches the other pages its pager names
(``Article.page_urls``, see ``scraper.extract.pager``) through the same ``Fetcher`` —
so robots.txt, the per-host delay and the retries apply to them as to any page — and
follows the pagers of those pages too, until every page is read, at most ``max_pages``
in all, on the found page's host only.

The result is one ``Article``: ``url`` is page 1 whichever page was found first; the
headline, dates, source, author and editor come from page 1 (else the first page that
states them; each page's extraction already keeps its info and editor lines out of
its body); ``body`` is the pages' bodies in order, without the lines a later page
repeats from page 1 at its start or end (a lead box, a notice) and without a page whose
body is page 1's again; ``images`` are merged; ``markdown`` and ``html``, when asked
for, are the kept pages' one after another. Pages that failed are listed in
``Stitched.failed``; the caller decides whether the article waits for them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from .config import CrawlConfig
from .errors import ScraperError
from .fetch import Fetcher, FetchResult
from .models import Article, Attachment, Image
from .urls import canonical, host_of

_Linked = TypeVar("_Linked", Image, Attachment)

log = logging.getLogger(__name__)

# Pages stitched into one article at most, the found page included (config
# ``crawl.max_pages``, ``scraper fetch --max-pages``).
DEFAULT_MAX_PAGES = CrawlConfig.max_pages

# Extracts one fetched page; raises ``ScraperError`` when it cannot.
PageExtractor = Callable[[FetchResult], Article]


@dataclass
class Stitched:
    article: Article
    failed: dict[str, str] = field(default_factory=dict)   # page URL -> why it is missing
    fetched: int = 0                                        # pages fetched besides the found one

    @property
    def first_url(self) -> str | None:
        return self.article.url

    @property
    def complete(self) -> bool:
        return not self.failed


def stitch(fetcher: Fetcher, found: Article, extract_one: PageExtractor, *,
           max_pages: int = DEFAULT_MAX_PAGES,
           fetched: Callable[[FetchResult], object] | None = None,
           pages: dict[str, FetchResult] | None = None) -> Stitched:
    """The whole article of which ``found`` is one page (see the module docstring).

    ``fetched``, when given, sees every further page's response first (a WARC archive
    keeps them as it keeps the found page's). ``pages``, when given, holds further
    pages fetched already (another site's stitch of the same article): they are read
    from it instead of being fetched again, and the pages fetched are added to it."""
    if len(found.page_urls) < 2 or max_pages < 2 or not found.url:
        return Stitched(found)
    own = canonical(found.url)
    order = list(found.page_urls) if own in found.page_urls else [own]
    read: dict[str, Article] = {own: found}
    failed: dict[str, str] = {}
    host = host_of(own)
    count = fresh = 0   # further pages read; of those, fetched (not in ``pages``)
    while count < max_pages - 1:
        todo = [url for url in order[:max_pages] if url not in read and url not in failed
                and host_of(url) == host][:max_pages - 1 - count]
        if not todo:
            break
        for result, new in _responses(fetcher, todo, pages):
            count += 1
            fresh += new
            if fetched is not None:
                fetched(result)
            page, error = _read_page(result, extract_one)
            if page is None:
                failed[result.url] = error
                continue
            read[result.url] = page
            order = merge_order(order, page.page_urls)
    article = _assemble(order[:max_pages], read, order)
    # Pages on another host and past max_pages are not fetched: they show in the
    # record's pages_missing, but only pages that failed make the article wait.
    if len(order) > max_pages:
        log.info("%s: %d pages, only the first %d read (max_pages)", article.url, len(order),
                 max_pages)
    return Stitched(article, failed, fresh)


def _responses(fetcher: Fetcher, urls: list[str], pages: dict[str, FetchResult] | None
               ) -> Iterator[tuple[FetchResult, bool]]:
    """Each URL's response in order, and whether it was fetched now (not in ``pages``)."""
    known = dict(pages or {})
    results = fetcher.fetch_many([url for url in urls if url not in known])   # in order, lazily
    for url in urls:
        if url in known:
            yield known[url], False
            continue
        result = next(results)
        if pages is not None:
            pages[url] = result
        yield result, True


def _read_page(result: FetchResult, extract_one: PageExtractor) -> tuple[Article | None, str]:
    if not result.ok:
        stage = getattr(result.error, "stage", "fetch")
        return None, f"{stage}: {result.error}"
    try:
        return extract_one(result), ""
    except ScraperError as exc:
        return None, f"{exc.stage}: {exc}"


def merge_order(order: list[str], named: list[str]) -> list[str]:
    """``order`` with the pages of ``named`` it lacks, each placed after the page that
    precedes it in ``named`` (or before the one that follows it)."""
    out = list(order)
    for index, url in enumerate(named):
        if url in out:
            continue
        before = next((u for u in reversed(named[:index]) if u in out), None)
        after = next((u for u in named[index + 1:] if u in out), None)
        if before is not None:
            out.insert(out.index(before) + 1, url)
        elif after is not None:
            out.insert(out.index(after), url)
        else:
            out.append(url)
    return out


def _assemble(window: list[str], read: dict[str, Article], order: list[str]) -> Article:
    pages = [(url, read[url]) for url in window if url in read]
    first = pages[0][1]
    lines = first.body.splitlines()
    bodies = [first.body]
    stitched = [pages[0][0]]
    images = list(first.images)
    kept = [first]
    for url, page in pages[1:]:
        own = _own_lines(page.body.splitlines(), lines, page.title or first.title)
        if not own:
            continue   # page 1 again under another URL: nothing of its own
        stitched.append(url)
        kept.append(page)
        bodies.append("\n".join(own))
        images += page.images
    articles = [page for _, page in pages]
    # Page 1's attribute block; without one, the closing signature, on the last page.
    document = first.document or kept[-1].document
    return Article(
        url=window[0], site=_first(articles, "site"), channel=_first(articles, "channel"),
        title=_first(articles, "title"),
        published=_first(articles, "published"), modified=_first(articles, "modified"),
        source=_first(articles, "source"), author=_first(articles, "author"),
        editor=_first(articles, "editor"), language=_first(articles, "language"),
        body="\n".join(b for b in bodies if b), images=_unique(images),
        document=document, attachments=_unique([a for page in kept for a in page.attachments]),
        encoding=first.encoding, page_urls=list(order), stitched=stitched,
        markdown=_joined([page.markdown for page in kept], "\n\n"),
        html=_joined([page.html for page in kept], "\n"),
        truncated=tuple(dict.fromkeys(cut for page in kept for cut in page.truncated)))


def _own_lines(lines: list[str], first: list[str], title: str | None) -> list[str]:
    """A later page's lines without what it repeats of page 1 at its start and end."""
    if lines == first:
        return []
    start = 0
    while start < min(len(lines), len(first)) and lines[start] == first[start]:
        start += 1
    end = len(lines)
    while end > start and len(lines) - end < len(first) and lines[end - 1] == first[end - len(lines) - 1]:
        end -= 1
    own = lines[start:end]
    if own and title and own[0] == title:
        own = own[1:]
    return own


def _joined(parts: list[str | None], separator: str) -> str | None:
    """The pages' Markdown or HTML one after another, when it was asked for."""
    present = [part for part in parts if part is not None]
    return separator.join(present) if present else None


def _first(articles: list[Article], name: str) -> str | None:
    return next((getattr(a, name) for a in articles if getattr(a, name)), None)


def _unique(items: list[_Linked]) -> list[_Linked]:
    """Images or attachments, each URL once, in the order the pages hold them."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out
