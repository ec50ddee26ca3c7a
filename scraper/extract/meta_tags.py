"""Machine-readable metadata: ``<meta>`` tags, JSON-LD, ``<title>``, ``<h1>``, ``<time>``."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from . import meta_patterns as P
from .elements import ByTag, elements_by_tag, tag_numbers

log = logging.getLogger(__name__)


@dataclass
class StructuredMeta:
    """What ``<meta>`` tags and JSON-LD say, before it is weighed against the page."""

    metas: dict[str, str] = field(default_factory=dict)   # lower-cased name -> first content
    page_title: str | None = None   # the first <title>'s text
    h1: list[str] = field(default_factory=list)            # texts of <h1> elements
    time_value: str | None = None   # the first <time datetime> value
    headline: str | None = None
    published: str | None = None
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    # The article's text as JSON-LD states it (``articleBody``), lines kept: the body
    # of a page whose DOM a script fills in.
    article_body: str | None = None

    def first(self, names: tuple[str, ...]) -> str | None:
        """The content of the first of ``names`` that the page has, non-empty."""
        for name in names:
            value = self.metas.get(name)
            if value:
                return value
        return None


def site_domain(meta: StructuredMeta) -> str | None:
    """The host a <meta name="SiteDomain"> names, without "www."."""
    value = "".join((meta.first(P.SITE_DOMAIN_META) or "").split())
    if not value:
        return None
    try:
        host = urlsplit(value if "//" in value else "//" + value).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _add_meta(metas: dict[str, str], attrs: dict[str, str | None]) -> None:
    """Record a <meta> content under its name, property, itemprop or http-equiv (first wins)."""
    content = " ".join((attrs.get("content") or "").split())
    if not content:
        return
    for key in ("property", "name", "itemprop", "http-equiv"):
        name = attrs.get(key)
        if name:
            metas.setdefault(name.strip().lower(), content)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _walk(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, following @graph and nested lists."""
    if depth > 4:
        return
    for item in _as_list(data):
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if graph is not None:
                yield from _walk(graph, depth + 1)
        elif isinstance(item, list):
            yield from _walk(item, depth + 1)


def _is_article(item: dict[str, Any]) -> bool:
    types = _as_list(item.get("@type"))
    return any(isinstance(t, str) and t.lower() in P.ARTICLE_TYPES for t in types)


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD author/publisher value."""
    names: list[str] = []
    for item in _as_list(value):
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"])
    return [" ".join(n.split()) for n in names if n and n.strip()]


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _read_jsonld(raw: str, meta: StructuredMeta) -> None:
    """Fill ``meta`` from the article objects of one JSON-LD script."""
    if not raw or len(raw) > P.JSONLD_MAX_CHARS:
        return
    try:
        data = json.loads(raw)
    except ValueError as error:
        log.debug("skipping JSON-LD that does not parse: %s", error)
        return
    for item in _walk(data):
        if not _is_article(item):
            continue
        meta.headline = meta.headline or _text(item.get("headline") or item.get("name"))
        meta.published = meta.published or _text(item.get("datePublished")
                                                  or item.get("dateCreated"))
        meta.modified = meta.modified or _text(item.get("dateModified"))
        meta.authors = meta.authors or _names(item.get("author") or item.get("creator"))
        publishers = _names(item.get("publisher"))
        meta.publisher = meta.publisher or (publishers[0] if publishers else None)
        meta.article_body = meta.article_body or _lines(item.get("articleBody"))


def _lines(value: Any) -> str | None:
    """A text value with its line breaks kept and each line's whitespace normalised."""
    if not isinstance(value, str):
        return None
    lines = [" ".join(line.split()) for line in value.splitlines()]
    return "\n".join(line for line in lines if line) or None


# The tags read here, by the parser's numbers for them (see ``elements``).
STRUCTURED_TAGS = ("meta", "script", "title", "h1", "time")
STRUCTURED_TAG_NUMBERS = tag_numbers(STRUCTURED_TAGS)


def read_structured(tree: LexborHTMLParser, found: ByTag | None = None) -> StructuredMeta:
    """<title>, <meta>, JSON-LD, <h1> and <time> of a page. ``found``: the page's elements
    of STRUCTURED_TAGS (``elements.elements_by_tag``), when the caller has them.

    Found by one walk over the tree, not CSS queries: the first CSS query on a tree
    costs more than the walk.
    """
    if found is None:
        found = elements_by_tag(tree, STRUCTURED_TAG_NUMBERS)
    meta = StructuredMeta()
    for node in found["meta"]:
        _add_meta(meta.metas, node.attributes)
    for node in found["script"]:
        if (node.attributes.get("type") or "").strip().lower() == P.JSONLD_TYPE:
            _read_jsonld(node.text(), meta)
    titles = found["title"]
    if titles:
        meta.page_title = " ".join(titles[0].text().split()) or None
    meta.h1 = [" ".join(node.text(separator=" ").split()) for node in found["h1"]]
    for node in found["time"]:
        value = node.attributes.get("datetime")
        if value:
            meta.time_value = value
            break
    return meta
