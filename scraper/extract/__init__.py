"""Article extraction: HTML in, ``Article`` out. Pure: no I/O, deterministic.

Pipeline: decode (bytes only) → parse → pager (the article's other pages, read before
anything is dropped) → metadata (structured data first, then the
visible text once scripts, styles and controls are dropped) → document (a government
document's attribute block, read and dropped) → clean (prune boilerplate) → score
(choose the article node) → render (paragraphs, images) → tidy (drop info/editor lines
that sit inside the body) → signature (a document's issuer and date, when no block
gave them).
"""

from __future__ import annotations

from collections.abc import Callable

from ..encoding import decode
from ..errors import NotHTMLError
from ..models import Article
from .attribute_names import parse_page
from .body import extract_body
from .bounds import bound
from .document import drop_block, find_block, may_hold_block
from .metadata import block_published, body_author, extract_metadata
from .options import PLAIN, Options
from .pager import holds_cjk, read_pager
from .provenance import record_body_fields, record_document
from .signature import read_signature
from .trace import Trace

__all__ = ["extract", "extract_text", "Options", "ENGINES"]


def _to_text(html: str | bytes, http_charset: str | None) -> tuple[str, str | None, bytes | None]:
    """The page's text, the encoding it was decoded from, and the input itself when it
    is exactly that text in UTF-8 (see ``Decoded.utf8``)."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        decoded = decode(bytes(html), http_charset)
        return decoded.text, decoded.encoding, decoded.utf8
    if not isinstance(html, str):
        raise NotHTMLError(f"expected str or bytes, got {type(html).__name__}")
    return html, None, None


def _parser_input(text: str, utf8: bytes | None = None) -> tuple[str, bytes]:
    """The text without NUL characters, and its UTF-8 form for the parser.

    Lexbor stops at NUL; such characters carry nothing in an HTML page. The parser
    encodes text to UTF-8 this same way anyway: encoding once here lets the NUL test
    run over bytes (a fast byte search), where a test over non-Latin text reads it a
    character at a time. ``utf8``, when given, is that encoding already (most pages
    arrive as UTF-8), and is not made again.
    """
    data = text.encode("utf-8", "ignore") if utf8 is None else utf8
    if b"\x00" in data:   # in UTF-8, a zero byte is only ever the NUL character
        return text.replace("\x00", ""), data.replace(b"\x00", b"")
    return text, data


def extract(page: str | bytes, url: str | None = None, *, http_charset: str | None = None,
            engine: str = "scraper", markdown: bool = False, html: bool = False,
            links: bool = False) -> Article:
    """Extract the article of one page.

    ``page`` is text or raw bytes (decoded by ``scraper.encoding.decode``, which may use
    ``http_charset``). ``markdown`` and ``html`` also fill ``Article.markdown`` and
    ``Article.html``, rendered from the same blocks as ``body``; ``links`` keeps links
    in them. Never raises on HTML, however broken; raises ``NotHTMLError`` only for
    input that is not HTML at all (binary data).
    """
    text, encoding, utf8 = _to_text(page, http_charset)
    options = Options(markdown, html, links) if markdown or html or links else PLAIN
    return ENGINES[engine](text, url, encoding, utf8, options, None)


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """Only the article body, as paragraphs separated by newlines."""
    return extract(html, url).body


def _scraper_engine(text: str, url: str | None, encoding: str | None,
                    utf8: bytes | None = None, options: Options = PLAIN,
                    trace: Trace | None = None) -> Article:
    if utf8 is None:   # the parser reads UTF-8: encoded once, for the bounds' counts too
        utf8 = text.encode("utf-8", "ignore")
    bounded = bound(text, utf8)
    if bounded.cuts:   # the parser reads the page as cut, not the bytes given
        text, utf8 = bounded.text, None
    text, data = _parser_input(text, utf8)
    tree = parse_page(data)
    if trace is not None:
        trace.index(tree)
    # Pager words and document labels are looked for only on a page with CJK text.
    cjk = holds_cjk(data)
    page_urls = read_pager(tree, data, url, cjk)   # before scripts and pager blocks are dropped
    meta = extract_metadata(tree, url, trace)   # also drops the never-content elements
    # The attribute block is read once metadata has read the page, then leaves the body.
    # Its labels are looked for in the visible text metadata read (else in the HTML).
    labelled = meta.visible_text if meta.visible_text is not None else text
    block = find_block(tree) if cjk and may_hold_block(labelled) else None
    if block is not None:
        drop_block(block, trace)
    body = extract_body(tree, url, title=meta.title, source=text, never_content_dropped=True,
                        options=options, trace=trace, stated_body=meta.stated_body,
                        without_document=block is not None)
    document = block.fields if block is not None else read_signature(tree, body.text)
    author = meta.author or body_author(meta.language, body.text)
    published = block_published(meta, block.fields if block is not None else None)
    if trace is not None:
        record_body_fields(trace, meta, author, body.editor, body.text, published)
        record_document(trace, document, block.labels if block is not None else None)
    return Article(url=url, site=meta.site, channel=meta.channel, title=meta.title,
                   published=published, modified=meta.modified, source=meta.source, author=author,
                   editor=meta.editor or body.editor, language=meta.language,
                   body=body.text, images=body.images, document=document,
                   attachments=body.attachments, encoding=encoding,
                   markdown=body.markdown, html=body.html, page_urls=page_urls,
                   truncated=bounded.cuts)


def _trafilatura_engine(text: str, url: str | None, encoding: str | None,
                        utf8: bytes | None = None, options: Options = PLAIN,
                        trace: Trace | None = None) -> Article:
    """trafilatura's extraction in our record, for side-by-side comparison."""
    import trafilatura  # imported lazily: slow to import, only for comparison

    doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, favor_precision=False)
    if doc is None:
        return Article(url=url, encoding=encoding)
    get = doc.as_dict().get if hasattr(doc, "as_dict") else doc.get
    return Article(url=url, site=get("sitename"), title=get("title"), published=get("date"),
                   author=get("author"), language=get("language"),
                   body=get("text") or "", encoding=encoding)


# An engine takes the page's text, its URL, the encoding it was decoded from, when the
# input was exactly that text in UTF-8 those bytes (see ``_to_text``), the options and
# a trace to record its decisions in (ours only).
Engine = Callable[[str, str | None, str | None, bytes | None, Options, Trace | None], Article]
ENGINES: dict[str, Engine] = {
    "scraper": _scraper_engine,
    "trafilatura": _trafilatura_engine,
}
