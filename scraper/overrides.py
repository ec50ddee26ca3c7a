"""Per-site extraction: the extraction engine plus a site's configured overrides.

A site may force an encoding (pages that lie about their charset in every header) and
give CSS selectors for the title, body or date when the heuristics miss them. The
engine runs first; each configured selector that matches replaces its field.
Also here: the content hash that recognises one article under two URLs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .config import Selectors, SiteConfig
from .encoding import decode
from .extract import extract
from .models import Article

# Dates as portals print them: 2024-01-15 10:30, 2024/1/15, 2024.01.15, 2024年1月15日 10:30:05
DATE_TEXT = re.compile(
    r"""(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?
        (?:\s*T?\s*(?P<H>\d{1,2})[:时](?P<M>\d{2})(?:[:分](?P<S>\d{2}))?)?""", re.VERBOSE)
# Attributes that carry a machine-readable date on <time> and <meta> nodes.
DATE_ATTRIBUTES = ("datetime", "content")


def extract_page(content: bytes, url: str, site: SiteConfig, *,
                 http_charset: str | None = None) -> Article:
    """Decode (honouring a forced encoding), extract, then apply the site's selectors.

    Raises ``NotHTMLError`` for data that is not HTML at all."""
    if site.encoding:
        text, codec = content.decode(site.encoding, "replace"), site.encoding
    else:
        decoded = decode(content, http_charset)
        text, codec = decoded.text, decoded.encoding
    article = extract(text, url=url)
    article.encoding = codec
    if site.selectors.any():
        apply_selectors(article, text, site.selectors)
    return article


def apply_selectors(article: Article, html: str, selectors: Selectors) -> None:
    """Replace the fields whose selector matches a node with text in it."""
    tree = LexborHTMLParser(html.replace("\x00", ""))
    if selectors.title:
        node = tree.css_first(selectors.title)
        title = _one_line(node.text()) if node is not None else ""
        if title:
            article.title = title
    if selectors.body:
        nodes = tree.css(selectors.body)
        body = "\n".join(filter(None, (_paragraphs(n) for n in nodes)))
        if body:
            article.body = body
    if selectors.date:
        node = tree.css_first(selectors.date)
        published = _node_date(node) if node is not None else None
        if published:
            article.published = published


def _paragraphs(node: LexborNode) -> str:
    lines = (_one_line(line) for line in node.text(separator="\n").splitlines())
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _node_date(node: LexborNode) -> str | None:
    for name in DATE_ATTRIBUTES:
        value = node.attributes.get(name)
        if value and parse_date(value):
            return parse_date(value)
    return parse_date(node.text())


def parse_date(text: str) -> str | None:
    """``2024-01-15T10:30:00`` (or ``2024-01-15``) from a printed date; None if none."""
    match = DATE_TEXT.search(text)
    if match is None:
        return None
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    if match["H"] is None:
        return f"{y:04d}-{m:02d}-{d:02d}"
    seconds = int(match["S"] or 0)
    return f"{y:04d}-{m:02d}-{d:02d}T{int(match['H']):02d}:{int(match['M']):02d}:{seconds:02d}"


def content_hash(article: Article) -> str:
    """A hash of the normalised title and body: equal for one article under two URLs."""
    def norm(text: str | None) -> str:
        return " ".join(unicodedata.normalize("NFKC", text or "").split())
    lines = [norm(article.title)] + [norm(line) for line in article.body.splitlines()]
    payload = "\n".join(line for line in lines if line)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
