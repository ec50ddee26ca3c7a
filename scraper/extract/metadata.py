"""Page metadata: title, dates, source (来源), author, editor, language, site."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser


@dataclass
class Metadata:
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None
    language: str | None = None
    site: str | None = None


def extract_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    """Read the page's metadata without changing the tree."""
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node is not None else None
    html = tree.css_first("html")
    language = html.attributes.get("lang") if html is not None else None
    site = urlsplit(url).hostname if url else None
    return Metadata(title=title or None, language=language or None, site=site)
