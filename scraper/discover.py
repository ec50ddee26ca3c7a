"""Discovery: list pages, RSS/Atom feeds and sitemaps in, candidate article URLs out.

Pure functions over fetched bytes; the crawl does the fetching. Every URL that leaves
this module is absolute and canonical (``scraper.urls.canonical``).

- ``parse_list_page``: the links of a channel page, and its next page (``rel=next``, a
  "下一页"/"Next" link, or the TRS ``createPageHTML(...)`` script Chinese portals use).
- ``parse_feed``: the item links of RSS 2.0, RSS 1.0 (RDF) and Atom.
- ``parse_sitemap``: page URLs of a ``urlset`` (news sitemaps included) or the child
  sitemaps of a ``sitemapindex``; gzip-compressed sitemaps are unpacked.
- ``Filter``: the site's include/exclude patterns, or the article-URL heuristics.
"""

from __future__ import annotations

import logging
import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from .config import SiteConfig
from .encoding import decode
from .errors import DecodeError
from .urls import canonical, looks_like_article, on_domains

log = logging.getLogger(__name__)

# Link texts of "next page" links on channel pages ("»" and "more" are left out: they
# often mean "last page" or "another channel").
NEXT_PAGE_TEXTS = frozenset({"下一页", "下页", "下一頁", "后页", "next", "next page", "next »",
                             "older posts", "older entries", "›", ">"})
# TRS WCM channel pages build their pager in script:
# createPageHTML(10, 0, "index", "shtml") → index_1.shtml is page 2.
TRS_PAGER = re.compile(
    r"""createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']""")
# Anchors whose text is shorter than this are navigation, not headlines, when the
# heuristics decide (a Chinese headline has at least a few characters).
MIN_HEADLINE_CHARS = 4
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Link:
    url: str            # canonical, absolute
    text: str = ""      # anchor text, when found on a list page


@dataclass
class ListPage:
    links: list[Link] = field(default_factory=list)
    next_url: str | None = None


@dataclass
class Sitemap:
    pages: list[str] = field(default_factory=list)      # from a urlset
    children: list[str] = field(default_factory=list)   # from a sitemapindex


class Filter:
    """Which discovered URLs are the site's articles."""

    def __init__(self, site: SiteConfig) -> None:
        self.site = site

    def accepts(self, url: str, text: str | None = None) -> bool:
        """``text`` is the anchor text for links from list pages, None for feeds/sitemaps."""
        if any(p.search(url) for p in self.site.exclude):
            return False
        if self.site.include:
            return any(p.search(url) for p in self.site.include)
        if not on_domains(url, self.site.domains) or not looks_like_article(url):
            return False
        return text is None or len(text) >= MIN_HEADLINE_CHARS


def parse_list_page(data: bytes, url: str, *, charset: str | None = None) -> ListPage:
    """The links and the next page of a channel page fetched from ``url``."""
    text = decode(data, charset).text
    tree = LexborHTMLParser(text.replace("\x00", ""))
    base = url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = urljoin(url, base_node.attributes.get("href") or "")
    page = ListPage()
    seen: set[str] = set()
    for anchor in tree.css("a[href]"):
        absolute = _absolute(base, anchor.attributes.get("href"))
        if absolute is None:
            continue
        label = " ".join((anchor.text() or anchor.attributes.get("title") or "").split())
        if page.next_url is None and _is_next(anchor.attributes.get("rel"), label) \
                and absolute != canonical(url):
            page.next_url = absolute
        if absolute not in seen:
            seen.add(absolute)
            page.links.append(Link(absolute, label))
    if page.next_url is None:
        page.next_url = _trs_next(text, url)
    return page


def _absolute(base: str, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    absolute = urljoin(base, href)
    if not absolute.startswith(("http://", "https://")):
        return None
    return canonical(absolute)


def _is_next(rel: str | None, label: str) -> bool:
    if rel and "next" in rel.lower().split():
        return True
    return label.lower() in NEXT_PAGE_TEXTS


def _trs_next(text: str, url: str) -> str | None:
    match = TRS_PAGER.search(text)
    if match is None:
        return None
    count, current, stem, ext = int(match[1]), int(match[2]), match[3], match[4]
    if current + 1 >= count:
        return None
    return canonical(urljoin(url, f"{stem}_{current + 1}.{ext}"))


def parse_feed(data: bytes, url: str) -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, in feed order."""
    root = _xml_root(data, url)
    links: list[str] = []
    for item in root.iter():
        name = _local(item.tag)
        if name == "item":
            link = _child_text(item, "link") or _permalink_guid(item) or item.get(_RDF_ABOUT)
        elif name == "entry":
            link = _atom_link(item)
        else:
            continue
        absolute = _absolute(url, link)
        if absolute and absolute not in links:
            links.append(absolute)
    return links


_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"


def _permalink_guid(item: etree._Element) -> str | None:
    for child in item:
        if _local(child.tag) == "guid" and (child.get("isPermaLink") or "true") != "false":
            text = (child.text or "").strip()
            return text if text.startswith(("http://", "https://")) else None
    return None


def _atom_link(entry: etree._Element) -> str | None:
    fallback = None
    for child in entry:
        if _local(child.tag) != "link":
            continue
        rel = child.get("rel") or "alternate"
        if rel == "alternate":
            return child.get("href")
        fallback = fallback or child.get("href")
    return fallback


def parse_sitemap(data: bytes, url: str) -> Sitemap:
    """The page URLs of a urlset, or the child sitemaps of a sitemapindex."""
    root = _xml_root(unpack(data), url)
    result = Sitemap()
    target = result.children if _local(root.tag) == "sitemapindex" else result.pages
    for entry in root:
        if _local(entry.tag) not in ("url", "sitemap"):
            continue
        absolute = _absolute(url, _child_text(entry, "loc"))
        if absolute:
            target.append(absolute)
    return result


def unpack(data: bytes, limit: int = 50_000_000) -> bytes:
    """Gunzip ``data`` when it is gzip-compressed (``.xml.gz`` sitemaps); bounded."""
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit)
    except zlib.error as exc:
        raise DecodeError(f"broken gzip data: {exc}") from exc
    if inflater.unconsumed_tail:
        raise DecodeError(f"gzip data unpacks to more than {limit} bytes")
    return out


def _xml_root(data: bytes, url: str) -> etree._Element:
    """Parse XML leniently (feeds are often slightly broken), without entities or network."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                             huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(data.lstrip(), parser=parser)
    except etree.XMLSyntaxError as exc:
        raise DecodeError(f"{url}: not XML: {exc}") from exc
    if root is None:
        raise DecodeError(f"{url}: not XML (nothing parseable)")
    return root


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if _local(child.tag) == name:
            text = (child.text or "").strip()
            return text or child.get("href")
    return None


__all__ = ["Filter", "Link", "ListPage", "Sitemap", "parse_list_page", "parse_feed",
           "parse_sitemap", "unpack"]
