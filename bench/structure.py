"""Structure kept: headings, list items and table rows of the source article that each
engine's Markdown keeps as such.

The source article's structure is what the page marks up inside the article: a
heading (``h2``–``h6``), list item or table row of the page counts when its text is in
the dataset's gold body (so navigation lists and sidebars do not). An engine keeps it
when its Markdown, read back by a GFM parser (markdown-it-py), has an element of the
same kind with the same text. Datasets with a full gold body only (zh-dev, aeb,
dragnet); trafilatura runs with ``output_format="markdown"`` and its tables and
formatting on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from scraper.encoding import decode

from .datasets import Dataset

# The kinds counted, each as CSS over the page and over the parsed Markdown.
KINDS = {"headings": "h2, h3, h4, h5, h6", "list items": "li", "table rows": "tr"}
# Shorter texts match anywhere by chance ("Home", "1").
MIN_CHARS = 4
# Items per page at most, so that one huge table does not outweigh every other page.
MAX_PER_PAGE = 50


@dataclass
class StructureScore:
    engine: str
    pages: int = 0
    source: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    kept: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))


def _squash(text: str) -> str:
    return "".join(text.split())


def _texts(tree: LexborHTMLParser, selector: str) -> list[str]:
    out = []
    for node in tree.css(selector):
        if selector == "li" and node.css_first("li") is not None:
            text = _squash(node.text(deep=False))     # the item's own line
        elif selector == "tr":
            text = "".join(_squash(c.text()) for c in node.css("th, td"))
        else:
            text = _squash(node.text())
        if len(text) >= MIN_CHARS:
            out.append(text)
    return out


def source_structure(raw: bytes, gold: str) -> dict[str, list[str]]:
    tree = LexborHTMLParser(decode(raw).text)
    squashed = _squash(gold)
    return {kind: [t for t in _texts(tree, css) if t in squashed][:MAX_PER_PAGE]
            for kind, css in KINDS.items()}


def markdown_structure(markdown: str) -> dict[str, set[str]]:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(markdown)
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    return {kind: set(_texts(tree, css)) for kind, css in KINDS.items()}


def _ours(raw: bytes, url: str | None) -> str:
    from scraper import extract

    return extract(raw, url=url, markdown=True).markdown or ""


def _trafilatura(raw: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(decode(raw).text, url=url, output_format="markdown",
                               include_tables=True, include_formatting=True) or ""


MARKDOWN_ENGINES: dict[str, Callable[[bytes, str | None], str]] = {
    "scraper": _ours, "trafilatura": _trafilatura}


def run_structure(datasets: Iterable[Dataset], engines: Iterable[str]) -> list[StructureScore]:
    scores = {name: StructureScore(name) for name in engines if name in MARKDOWN_ENGINES}
    for dataset in datasets:
        for page in dataset.pages:
            gold = page.truth.get("body")
            if not gold:
                continue
            raw = page.read()
            source = source_structure(raw, gold)
            if not any(source.values()):
                continue
            for name, score in scores.items():
                try:
                    found = markdown_structure(MARKDOWN_ENGINES[name](raw, page.url))
                except Exception:   # a peer's failure on one page counts as nothing kept
                    found = dict.fromkeys(KINDS, set())
                score.pages += 1
                for kind, items in source.items():
                    score.source[kind] += len(items)
                    score.kept[kind] += sum(item in found[kind] for item in items)
    return list(scores.values())


def structure_table(scores: list[StructureScore]) -> list[str]:
    lines = ["| engine | pages | " + " | ".join(KINDS) + " |",
             "|---|---|" + "---|" * len(KINDS)]
    for score in scores:
        cells = [f"{score.kept[k]}/{score.source[k]} ({score.kept[k] / score.source[k]:.0%})"
                 if score.source[k] else "–" for k in KINDS]
        lines.append(f"| {score.engine} | {score.pages} | " + " | ".join(cells) + " |")
    return lines
