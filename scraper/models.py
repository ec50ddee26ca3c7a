"""The records scraper produces, and their JSON Lines form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import NoArticleError
from .urls import canonical as _canonical

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Image:
    url: str
    caption: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A document the article links to (附件): a PDF, Word or spreadsheet file, an archive."""

    url: str                     # absolute
    name: str                    # the link's text, else the file name
    type: str                    # the file's extension, lower case: "pdf", "docx", "ofd"…
    path: str | None = None      # where it was saved, once downloaded
    # Why a download asked for failed: {"stage", "status", "message"} (see ``downloads``).
    error: dict[str, Any] | None = None


# The fields of a government document's attribute block (政府信息公开), in record order.
# See ``scraper.extract.document``.
DOCUMENT_FIELDS = ("index_no", "issuer", "doc_no", "written", "published", "topic",
                   "validity", "category")


@dataclass
class Article:
    """One extracted article. ``body`` holds paragraphs separated by ``\\n``."""

    url: str | None = None
    site: str | None = None
    channel: str | None = None     # the site's section (栏目): ColumnName, else breadcrumbs
    title: str | None = None
    published: str | None = None   # ISO 8601, with the page's UTC offset when known
    modified: str | None = None
    source: str | None = None      # 来源: the original publisher
    author: str | None = None      # writers/reporters, never the editor
    editor: str | None = None      # 责任编辑
    language: str | None = None
    body: str = ""
    images: list[Image] = field(default_factory=list)
    # A government document's own fields (DOCUMENT_FIELDS present on the page only);
    # None when the page states none of them.
    document: dict[str, str] | None = None
    attachments: list[Attachment] = field(default_factory=list)
    encoding: str | None = None    # the codec used, when decoded from bytes
    # The same blocks as ``body`` with their structure, only when asked for
    # (``extract(..., markdown=True, html=True)``): GitHub-flavoured Markdown, and
    # minimal clean HTML safe to show in another page.
    markdown: str | None = None
    html: str | None = None
    # The article's pages in order, as the page's pager names them (this page included);
    # [] when it names no other page. See ``scraper.extract.pager``.
    page_urls: list[str] = field(default_factory=list)
    # The pages whose bodies ``body`` holds, in order, once pages were stitched
    # (``scraper.stitch``); None for a page read alone.
    stitched: list[str] | None = None

    @property
    def pages_read(self) -> list[str]:
        """The URLs of the pages in ``body``: the stitched ones, else this page's own."""
        if self.stitched is not None:
            return self.stitched
        return [self.url] if self.url else []

    @property
    def pages_missing(self) -> list[str]:
        """The article's pages named by its pager whose text ``body`` lacks."""
        read = set(self.pages_read)
        if self.url and self.stitched is None:
            read.add(_canonical(self.url))
        return [u for u in self.page_urls if u not in read]
    # What was cut from a hostile page before parsing ("depth", "attributes", "options"; see
    # ``extract/bounds.py``); empty for every normal page.
    truncated: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return len(self.body)

    def to_record(self, **context: Any) -> dict[str, Any]:
        """The JSON Lines record, keys in their documented, stable order.

        ``context`` (``input``, fetch details…) follows ``schema``. ``markdown`` and
        ``html`` follow ``body`` when they were asked for; ``document`` precedes ``body``
        when the page states a document's fields; ``truncated`` closes the record when
        the page was cut.
        """
        record = {
            "schema": SCHEMA_VERSION,
            **context,
            "url": self.url,
            "site": self.site,
            "channel": self.channel,
            "title": self.title,
            "published": self.published,
            "modified": self.modified,
            "source": self.source,
            "author": self.author,
            "editor": self.editor,
            "language": self.language,
        }
        if self.document:
            record["document"] = {k: self.document[k] for k in DOCUMENT_FIELDS
                                  if self.document.get(k)}
        record["body"] = self.body
        if self.markdown is not None:
            record["markdown"] = self.markdown
        if self.html is not None:
            record["html"] = self.html
        record["images"] = [{"url": i.url, "caption": i.caption} for i in self.images]
        record["attachments"] = [_attachment(a) for a in self.attachments]
        record["encoding"] = self.encoding
        record["length"] = self.length
        record["pages"] = max(1, len(self.pages_read))
        record["page_urls"] = list(self.pages_read)
        record["pages_missing"] = self.pages_missing
        if self.truncated:
            record["truncated"] = list(self.truncated)
        return record


def require_article(article: Article) -> Article:
    """``article``, or ``NoArticleError`` when its body holds no text.

    The one test of "no article text" that ``scraper extract``, ``scraper fetch`` and
    the crawl share, made on the page that was found (before a multi-page article's
    other pages are stitched in), so that each reports such a page as the crawl does:
    a failure with stage ``extract``, never an empty record."""
    if not article.body.strip():
        raise NoArticleError("no article text found")
    return article


def _attachment(attachment: Attachment) -> dict[str, Any]:
    """An attachment's record: ``path`` only once it was downloaded, ``error`` only when
    its download failed."""
    out: dict[str, Any] = {"url": attachment.url, "name": attachment.name,
                           "type": attachment.type}
    if attachment.path is not None:
        out["path"] = attachment.path
    if attachment.error is not None:
        out["error"] = dict(attachment.error)
    return out


def error_record(stage: str, error_type: str, message: str, **context: Any) -> dict[str, Any]:
    """A record standing in for an input that failed: ``context`` (input, url…) first."""
    return {"schema": SCHEMA_VERSION, **context,
            "error": {"stage": stage, "type": error_type, "message": one_line(message)}}


def one_line(message: str, limit: int = 500) -> str:
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
