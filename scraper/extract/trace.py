"""The engine's decisions, recorded when asked: what was kept, what was dropped and why.

Extraction takes an optional ``Trace``. Without one (the normal case) nothing is
recorded and nothing is measured for it; with one, each stage notes its decisions as
it makes them, so ``scraper explain`` shows the very pass that made the record:

- ``clean``: never-content elements, hidden elements, blocks with a boilerplate
  class or id (the word that named them);
- ``document``: a government document's attribute block, read into ``document``;
- ``score``: the chosen container and its runner-up, with their scores;
- ``render``: link lists, disclaimer blocks, captions moved to ``images``, the
  headline inside the article;
- ``tidy``: each rendered line kept or dropped, with the rule that dropped it;
- ``metadata``: where every field came from, and the candidates that lost.

Positions are the document order of the parsed page (``index``), so the blocks can be
drawn as the page's outline whatever stage dropped them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Where the lines of a body taken from the page's JSON-LD ``articleBody`` stand.
STATED_PATH = 'script[type="application/ld+json"] articleBody'
# Longest text kept per block in a trace: enough to recognise it, not a copy of the page.
TRACE_TEXT_MAX = 600


# Reasons, in words a reader of the report understands. The block's detail (the class
# word, the rule) follows the reason in ``Block.detail``.
KEPT = "kept"
NEVER_CONTENT = "never-content"        # script, style, form control
HIDDEN = "hidden"                      # hidden attribute or style
BOILERPLATE_CLASS = "boilerplate class"
OUTSIDE = "outside the chosen block"
LINK_DENSE = "link-dense"
DISCLAIMER = "disclaimer"
CAPTION = "caption moved to images"
CAPTION_UNTAKEN = "read as a caption, but its picture had one: dropped"   # a CAPTION detail
HEADLINE = "headline"                  # the title, which is its own field
SUPERSEDED = "gave way to the stated articleBody"   # the reading was too short
DOCUMENT_BLOCK = "document attribute block"   # its fields are the record's ``document``
ENTRY_LIST = "a list of entries set in the article"   # slides, reviews (see ``entries``)
LINE_RULE = "line rule"                # tidy: editor, info, dateline, pager… (detail says which)


@dataclass
class Block:
    """One text block of the page and what became of it."""

    text: str
    kept: bool
    reason: str
    detail: str | None = None        # e.g. the class word "share", the line rule "editor line"
    score: float | None = None
    link_share: float | None = None
    path: str = ""
    depth: int = 0
    position: int = 0                # document order in the parsed page

    def to_json(self) -> dict[str, Any]:
        reason = f"{self.reason}: {self.detail}" if self.detail else self.reason
        return {"text": self.text, "kept": self.kept, "reason": reason,
                "score": None if self.score is None else round(self.score, 2),
                "link_share": None if self.link_share is None else round(self.link_share, 3),
                "path": self.path, "depth": self.depth}


@dataclass
class Container:
    """A candidate for the article's container."""

    path: str
    score: float
    tag: str
    text: str = ""                   # its opening words

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "score": round(self.score, 2), "tag": self.tag,
                "text": self.text}


@dataclass
class FieldSource:
    """Where one metadata field came from: ``source`` names the kind (``json-ld``,
    ``meta[property=og:title]``, ``<time>``, ``info line``, ``byline``, ``<title>``,
    ``<h1>``…), ``quote`` the text it was read from, ``candidates`` what else the page
    offered (``{"value", "from"}`` each), the winner included."""

    value: str | None
    source: str | None = None
    quote: str | None = None
    candidates: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "from": self.source, "quote": self.quote,
                "candidates": self.candidates}


class Trace:
    """The recorder the engine writes into when asked for an explanation."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.fields: dict[str, FieldSource] = {}
        self.container: Container | None = None
        self.runner_up: Container | None = None
        self._order: dict[int, int] = {}     # mem_id -> document position
        self._depth: dict[int, int] = {}

    # -- positions -------------------------------------------------------------------
    def index(self, tree: LexborHTMLParser) -> None:
        """Number every node of ``tree`` in document order (once, before anything is
        removed), so decisions made at any stage can be put back in order."""
        self._order.clear()
        self._depth.clear()
        root = tree.root
        if root is None:
            return
        stack: list[tuple[LexborNode, int]] = [(root, 0)]
        position = 0
        while stack:
            node, depth = stack.pop()
            self._order[node.mem_id] = position
            self._depth[node.mem_id] = depth
            position += 1
            children = []
            child = node.child
            while child is not None:
                children.append((child, depth + 1))
                child = child.next
            stack.extend(reversed(children))

    def position(self, node: LexborNode) -> int:
        return self._order.get(node.mem_id, -1)

    def depth(self, node: LexborNode) -> int:
        return self._depth.get(node.mem_id, 0)

    # -- recording -------------------------------------------------------------------
    def node(self, node: LexborNode, kept: bool, reason: str, detail: str | None = None, *,
             text: str | None = None, score: float | None = None,
             link_share: float | None = None) -> None:
        """A decision about a whole element (its text is read here, only when tracing)."""
        if text is None:
            text = node.text(deep=True, separator=" ")
        text = " ".join(text.split())
        if not text:
            return
        self.add(Block(text=clip(text), kept=kept, reason=reason, detail=detail, score=score,
                       link_share=link_share, path=css_path(node), depth=self.depth(node),
                       position=self.position(node)))

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def adopt(self, other: Trace) -> None:
        """Take the body's decisions from ``other``: the reading of the page that won."""
        self.blocks = other.blocks
        self.container, self.runner_up = other.container, other.runner_up
        self._order, self._depth = other._order, other._depth

    def ordered_blocks(self) -> list[Block]:
        """The blocks in document order; decisions at one position keep the order made."""
        return sorted(self.blocks, key=lambda b: b.position)

    def field(self, name: str, value: str | None, source: str | None, *,
              quote: str | None = None,
              candidates: list[tuple[str | None, str]] | None = None) -> None:
        self.fields[name] = FieldSource(
            value, source, clip(quote) if quote else None,
            [{"value": v, "from": f} for v, f in candidates or () if v])


def clip(text: str, limit: int = TRACE_TEXT_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def css_path(node: LexborNode | None) -> str:
    """A readable CSS path: ``body > div#main > div.content:nth-of-type(2)``."""
    parts: list[str] = []
    if node is not None and node.tag == "-text":
        node = node.parent   # a line that starts with loose text: the element holding it
    while node is not None and node.tag not in (None, "-document", "html"):
        tag = node.tag or "?"
        attrs = node.attributes
        part = tag
        ident = attrs.get("id")
        if ident:
            part += f"#{ident.strip().split()[0]}" if ident.strip() else ""
        else:
            classes = (attrs.get("class") or "").split()
            if classes:
                part += "." + ".".join(classes[:2])
        parts.append(part)
        node = node.parent
    return " > ".join(reversed(parts))
