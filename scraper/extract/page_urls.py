"""Which URLs are pages of one article, by their spelling: the pager reader's URL rules.

``shares_stem(a, b)`` is true when one URL is the other plus a page suffix
(``t…_5521.shtml`` → ``t…_5521_1.shtml``, ``…/story`` → ``…/story/seite-2``,
``story-123.html`` → ``story-123-p2.html``, ``story.html`` → ``story.html?page=2``), or
both are one stem with two page suffixes. Patterns: ``pager_patterns``.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urljoin, urlsplit

from ..urls import canonical
from . import pager_patterns as G

__all__ = ["resolve", "same_directory", "same_path", "shares_stem"]


def resolve(own: str, href: str) -> str | None:
    """``href`` made absolute and canonical against ``own``; None when it is no page
    link (a fragment, a script) or leads to another host."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    target = urljoin(own, href)
    if not target.startswith(("http://", "https://")):
        return None
    target = canonical(target)
    return target if urlsplit(target).netloc == urlsplit(own).netloc else None


def same_path(a: str, b: str) -> bool:
    return urlsplit(a).path == urlsplit(b).path


def same_directory(a: str, b: str) -> bool:
    return urlsplit(a).path.rsplit("/", 1)[0] == urlsplit(b).path.rsplit("/", 1)[0]


def shares_stem(a: str, b: str) -> bool:
    """Whether two canonical URLs are pages of one article by their spelling alone:
    one is the other plus a page suffix (``_2``, ``-p2``, ``/seite-2``, ``?page=2``), or
    both are one stem with two page suffixes."""
    pa, pb = urlsplit(a), urlsplit(b)
    if pa.netloc != pb.netloc or a == b:
        return False
    page_a, rest_a = _page_param(pa.query)
    page_b, rest_b = _page_param(pb.query)
    if rest_a != rest_b:
        return False
    path_a, ext_a = _split_extension(pa.path)
    path_b, ext_b = _split_extension(pb.path)
    if path_a == path_b:
        return ext_a == ext_b and page_a != page_b
    if page_a is not None or page_b is not None or (ext_a and ext_b and ext_a != ext_b):
        return False
    return _page_of(path_a, path_b) or _page_of(path_b, path_a) or _one_stem(path_a, path_b)


def _page_param(query: str) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    page = None
    rest = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        if G.PAGE_PARAM.match(name) and value.isdigit() and int(value) <= G.MAX_PAGE_NUMBER:
            page = value
        else:
            rest.append((name, value))
    return page, tuple(rest)


def _split_extension(path: str) -> tuple[str, str]:
    path = path.rstrip("/")
    match = G.PAGE_EXTENSION.search(path)
    return (path[:match.start()], match.group().lower()) if match else (path, "")


def _page_of(first: str, other: str) -> bool:
    """``other`` is ``first`` plus one page suffix."""
    match = G.MARKED_PAGE_SUFFIX.search(other) or G.BARE_PAGE_SUFFIX.search(other)
    return match is not None and other[:match.start()] == first


def _one_stem(a: str, b: str) -> bool:
    """``a`` and ``b`` are one stem with two page suffixes (pages 2 and 3)."""
    marked_a, marked_b = G.MARKED_PAGE_SUFFIX.search(a), G.MARKED_PAGE_SUFFIX.search(b)
    if marked_a and marked_b:
        return a[:marked_a.start()] == b[:marked_b.start()]
    bare_a, bare_b = G.BARE_PAGE_SUFFIX.search(a), G.BARE_PAGE_SUFFIX.search(b)
    if not (bare_a and bare_b) or "/" in (a[bare_a.start()], b[bare_b.start()]):
        return False
    stem = a[:bare_a.start()]
    return stem == b[:bare_b.start()] and G.ARTICLE_ID_END.search(stem) is not None
