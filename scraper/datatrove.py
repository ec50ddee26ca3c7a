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

Like datatrove's own extractors, each document is extracted in a sandbox process with
a time limit, so that one pathological page costs that page only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.utils.typeshelper import StatHints

from .extract import extract

# The article fields the step puts into ``doc.metadata``.
METADATA_FIELDS = ("title", "published", "source", "author", "editor", "language", "images")
# Seconds one document may take: ours needs milliseconds; the limit only catches a page
# that would hang a task. (datatrove's default of 1 s suits trafilatura.)
DEFAULT_TIMEOUT = 5.0
# Stats counted beside datatrove's total/forwarded/dropped.
STAT_EMPTY = "empty"            # no article text found: dropped
STAT_TIMEOUT = "timeout"
STAT_BROKEN = "broken_process"
STAT_ERROR = "clean_error"      # the extractor raised (input that is not HTML at all)


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
