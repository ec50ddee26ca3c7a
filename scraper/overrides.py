"""Per-site extraction: the extraction engine plus a site's configured overrides.

A site may force an encoding (pages that lie about their charset in every header) and
give CSS selectors for the title, body or date when the heuristics miss them. The
engine runs first; each configured selector that matches replaces its field.
Also here: the content hash that recognises one article under two URLs.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .config import Selectors, SiteConfig
from .encoding import decode, require_content
from .errors import ScraperError
from .extract import dates, extract
from .models import Article, one_line

log = logging.getLogger(__name__)

# A fetched page to extract in a worker process: (content, url, site, HTTP charset).
PageJob = tuple[bytes, str, SiteConfig, "str | None"]

# Attributes that carry a machine-readable date on <time> and <meta> nodes.
DATE_ATTRIBUTES = ("datetime", "content")


def extract_page(content: bytes, url: str, site: SiteConfig, *,
                 http_charset: str | None = None) -> Article:
    """Decode (honouring a forced encoding), extract, then apply the site's selectors.

    Raises ``EmptyInputError`` for an empty page (no bytes, or only whitespace) and
    ``NotHTMLError`` for data that is not HTML at all."""
    require_content(content)
    if site.encoding:
        text, codec = content.decode(site.encoding, "replace"), site.encoding
    else:
        decoded = decode(content, http_charset)
        text, codec = decoded.text, decoded.encoding
    article = extract(text, url=url, markdown=site.markdown, html=site.html)
    article.encoding = codec
    if site.selectors.any():
        apply_selectors(article, text, site.selectors)
    return article


def extract_job(job: PageJob | None) -> Article | ScraperError | None:
    """``extract_page`` for a worker process: the error is returned, not raised, so
    that it reaches the run's per-page boundary whole. None for no page."""
    if job is None:
        return None
    content, url, site, charset = job
    try:
        return extract_page(content, url, site, http_charset=charset)
    except ScraperError as exc:
        return exc
    except Exception as exc:  # an engine fault fails this page only, never the run
        log.debug("extracting %s failed", url, exc_info=True)
        return ScraperError(one_line(f"{type(exc).__name__}: {exc}"))   # stage "extract"


def lost_page(job: PageJob | None, reason: str) -> ScraperError:
    """The failure of a page whose worker process died on it: the page fails, not the run."""
    return ScraperError(f"WorkerLost: {reason}")   # stage "extract"


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
        published = parse_date(value) if value else None
        if published:
            return published
    return parse_date(node.text())


def parse_date(text: str) -> str | None:
    """ISO 8601 from a printed or machine-written date (the extraction's date reader)."""
    found = dates.parse_date(text) or dates.find_date(text)
    return found.iso() if found is not None else None


def content_hash(article: Article) -> str:
    """A hash of the normalised title and body: equal for one article under two URLs."""
    def norm(text: str | None) -> str:
        return " ".join(unicodedata.normalize("NFKC", text or "").split())
    lines = [norm(article.title)] + [norm(line) for line in article.body.splitlines()]
    payload = "\n".join(line for line in lines if line)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
