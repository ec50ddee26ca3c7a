"""A datatrove pipeline step: ``ScraperExtractor`` stands where ``Trafilatura()`` stands.

Installed with ``pip install 'scraper[datatrove]'``. Each document's ``text`` (the
HTML, as datatrove's ``WarcReader`` gives it) becomes the article body (or its
Markdown, with ``markdown=True``), and the
article's title, published, source, author, editor, language and images go into
``doc.metadata`` beside the reader's ``url`` and ``date``. Pages without article text
are dropped and counted (``empty`` in the step's stats)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from scraper.datatrove import ScraperExtractor

    LocalPipelineExecutor(pipeline=[WarcReader("archive/"), ScraperExtractor(),
                                    JsonlWriter("out/")], tasks=2).run()

``ScraperWarcReader`` may stand where datatrove's ``WarcReader`` stands: it passes on
the pages ``scraper extract`` reads from the same archive (each HTML response by its
HTTP content type, or by its body when the type says nothing), decoded with the
archived HTTP charset, and counts damaged records and skipped ones in its stats.
datatrove's reader keeps only what ``WARC-Identified-Payload-Type`` (set in Common
Crawl's archives) or else libmagic's guess calls HTML, and decodes by UTF-8 or
cchardet's guess.

Like datatrove's own extractors, each document is extracted in a sandbox process with
a time limit, so that one pathological page costs that page only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.typeshelper import StatHints

from .encoding import decode
from .errors import ScraperError
from .extract import extract
from .warc_reader import WarcFault, read_warc_stream

# The article fields the step puts into ``doc.metadata``.
METADATA_FIELDS = ("title", "published", "source", "author", "editor", "language", "channel",
                   "images")
# Seconds one document may take: ours needs milliseconds; the limit only catches a page
# that would hang a task. (datatrove's default of 1 s suits trafilatura.)
DEFAULT_TIMEOUT = 5.0
# Stats counted beside datatrove's total/forwarded/dropped.
STAT_EMPTY = "empty"            # no article text found: dropped
STAT_TIMEOUT = "timeout"
STAT_BROKEN = "broken_process"
STAT_ERROR = "clean_error"      # the extractor raised (input that is not HTML at all)
STAT_DAMAGED = "damaged"        # a truncated or corrupt WARC record (ScraperWarcReader)
STAT_UNDECODABLE = "undecodable"


class ScraperExtractor(BaseExtractor):
    """scraper's extraction as a datatrove step (see the module docstring).

    ``markdown=True`` sets ``doc.text`` to the article as Markdown (headings, lists,
    tables, links as ``extract(..., markdown=True)`` renders them) instead of plain
    paragraphs.
    """

    name = "📰 scraper"
    _requires_dependencies = ["selectolax"]

    def __init__(self, markdown: bool = False, timeout: float = DEFAULT_TIMEOUT) -> None:
        super().__init__(timeout)
        self.markdown = markdown

    def extract(self, text: str) -> str:
        """The body alone (datatrove's extractor interface); ``run`` uses ``article_fields``."""
        return str(article_fields(text, None, self.markdown)["text"])

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None, False)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    fields = self._fields(sandbox, doc)
                if fields is None:
                    continue
                yield from self._forward(doc, fields)

    def _fields(self, sandbox: ExtractorSandbox, doc: Document) -> dict[str, Any] | None:
        url = doc.metadata.get("url")
        try:
            return sandbox.process_document((doc.text, url, self.markdown), article_fields)
        except TimeoutError:
            self.stat_update(STAT_TIMEOUT)
        except EOFError:
            self.stat_update(STAT_BROKEN)
        except Exception:  # datatrove's convention: count it, drop the page, go on
            self.stat_update(STAT_ERROR)
        return None

    def _forward(self, doc: Document, fields: dict[str, Any]) -> Iterator[Document]:
        text = fields.pop("text")
        if not text.strip():
            self.stat_update(STAT_EMPTY)
            self.stat_update(StatHints.dropped)
            return
        doc.text = text
        doc.metadata.update(fields)
        self.stat_update(StatHints.forwarded)
        self.update_doc_stats(doc)
        yield doc


def article_fields(html: str, url: str | None, markdown: bool) -> dict[str, Any]:
    """The document text and metadata of one page (runs in the sandbox process)."""
    article = extract(html, url=url, markdown=markdown)
    text = article.markdown if markdown else article.body
    record = article.to_record()
    return {"text": text or "", **{name: record[name] for name in METADATA_FIELDS}}


class ScraperWarcReader(BaseDiskReader):
    """WARC files in, one document per HTML response, as ``scraper extract`` reads them.

    Takes ``BaseDiskReader``'s arguments (``data_folder``, ``glob_pattern``, ``limit``…).
    Documents carry ``url``, ``date`` and ``warc_offset`` in their metadata and the
    record id as their id.
    """

    name = "🕷 scraper WARC"
    _requires_dependencies = ["fastwarc"]

    def read_file(self, filepath: str) -> DocumentsPipeline:
        skipped: Counter[str] = Counter()
        with self.data_folder.open(filepath, "rb", compression=None) as stream:
            for number, item in enumerate(read_warc_stream(stream, filepath, skipped)):
                with self.track_time():
                    document = self._document(item, filepath, number)
                if document is not None:
                    yield document
        for why, count in skipped.items():
            self.stat_update(f"skipped {why}", value=count)

    def _document(self, item: Any, filepath: str, number: int) -> Document | None:
        if isinstance(item, WarcFault):
            self.stat_update(STAT_DAMAGED)
            return None
        try:
            text = decode(item.content, item.http_charset).text
        except ScraperError:
            self.stat_update(STAT_UNDECODABLE)
            return None
        return self.get_document_from_dict(
            {"text": text, "id": item.record_id, "url": item.url, "date": item.date,
             "warc_offset": item.offset}, filepath, number)
