"""The engines under comparison, each turning a page's bytes into a ``Prediction``.

Every engine starts from the same raw bytes. The peers get the text decoded by
``scraper.encoding.decode`` (our decoder), so decoding is the same for all and only
extraction differs; ours decodes the bytes itself with that same function. Decoding is
therefore inside every engine's measured time.

Peer settings (library defaults unless said otherwise):

- ``trafilatura``: ``trafilatura.extract(text, url=url)`` with its defaults (plain text,
  ``favor_precision=False``, ``favor_recall=False``, ``include_comments=True``,
  ``include_tables=True``, ``fast=False`` so its readability/jusText fallbacks run).
  Metadata, when asked for: ``bare_extraction(text, url=url, with_metadata=True)``.
- ``readability``: ``readability.Document(text, url=url).summary(html_partial=True)``,
  rendered to text with lxml, one line per block element; title from ``short_title()``.
- ``parse``: a bare ``LexborHTMLParser(text)`` of the decoded text: the floor any
  selectolax-based extractor pays (speed only).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scraper.encoding import decode

# Metadata fields compared on zh-dev.
META_FIELDS = ("title", "published", "source", "author")

# Elements that start a new line when readability's HTML is rendered to text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
})


@dataclass
class Prediction:
    """What one engine produced for one page; None where it gives no value."""

    text: str = ""
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    error: str | None = None


Runner = Callable[[bytes, str | None, bool], Prediction]


@dataclass(frozen=True)
class Engine:
    name: str
    run: Runner                  # (raw bytes, url, with_metadata) -> Prediction
    meta_fields: tuple[str, ...]  # the metadata fields this engine can produce
    accuracy: bool = True         # False: measured for speed only


def _scraper(raw: bytes, url: str | None, with_metadata: bool) -> Prediction:
    from scraper.extract import extract

    article = extract(raw, url=url)
    return Prediction(text=article.body, title=article.title, published=article.published,
                      source=article.source, author=article.author)


def _scraper_markdown(raw: bytes, url: str | None, with_metadata: bool) -> Prediction:
    """Ours also rendering the Markdown: what ``--markdown`` costs beside the text."""
    from scraper.extract import extract

    article = extract(raw, url=url, markdown=True)
    return Prediction(text=article.body, title=article.title)


def _trafilatura(raw: bytes, url: str | None, with_metadata: bool) -> Prediction:
    import trafilatura

    text = decode(raw).text
    prediction = Prediction(text=trafilatura.extract(text, url=url) or "")
    if with_metadata:
        doc = trafilatura.bare_extraction(text, url=url, with_metadata=True)
        if doc is not None:
            prediction.title = doc.title
            prediction.published = doc.date
            prediction.author = doc.author
    return prediction


def _trafilatura_with_metadata(raw: bytes, url: str | None, with_metadata: bool) -> Prediction:
    """trafilatura producing the fields our record has (title, date, author…), for a
    like-for-like speed comparison: our engine always extracts them."""
    import trafilatura

    return Prediction(text=trafilatura.extract(decode(raw).text, url=url, with_metadata=True) or "")


def blocks_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one line per block, whitespace collapsed."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _readability(raw: bytes, url: str | None, with_metadata: bool) -> Prediction:
    from readability import Document

    doc = Document(decode(raw).text, url=url)
    prediction = Prediction(text=blocks_to_text(doc.summary(html_partial=True)))
    if with_metadata:
        prediction.title = doc.short_title() or None
    return prediction


def _parse(raw: bytes, url: str | None, with_metadata: bool) -> Prediction:
    from selectolax.lexbor import LexborHTMLParser

    LexborHTMLParser(decode(raw).text)
    return Prediction()


ENGINES: dict[str, Engine] = {
    "scraper": Engine("scraper", _scraper, META_FIELDS),
    "trafilatura": Engine("trafilatura", _trafilatura, ("title", "published", "author")),
    "readability": Engine("readability", _readability, ("title",)),
    "parse": Engine("parse", _parse, (), accuracy=False),
    "trafilatura+meta": Engine("trafilatura+meta", _trafilatura_with_metadata, (), accuracy=False),
    "scraper+markdown": Engine("scraper+markdown", _scraper_markdown, (), accuracy=False),
}
# The engine whose numbers the targets are about, and the peer its speed is compared to.
OURS = "scraper"
SPEED_PEER = "trafilatura"
FLOOR = "parse"
# Timed beside SPEED_PEER: the peer doing the same work as ours (body and metadata).
SPEED_PEER_SAME_FIELDS = "trafilatura+meta"
# Timed beside OURS: ours rendering Markdown too (``--markdown``).
OURS_MARKDOWN = "scraper+markdown"
