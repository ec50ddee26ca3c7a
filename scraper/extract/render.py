"""Rendering the chosen nodes as paragraphs, with images and their captions kept apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from ..models import Image
from . import line_patterns as L
from . import patterns as P
from .measures import share_of, stripped_length, weighted_length

# Attributes that hold an image's address, lazy-loading ones first.
IMAGE_SOURCE_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-url", "src")
# The page title is metadata: a heading of the first rank inside the article is not body.
SKIP_IN_BODY = frozenset(("h1",))
# Containers that are pruned when their text is mostly links.
assert P.SHORT_LINK_DENSITY_MAX <= P.LINK_DENSITY_MAX   # short blocks have the lower share
LINK_LIST_TAGS = frozenset(("div", "ul", "ol", "dl", "table", "section", "p", "li", "span",
                            "tbody", "tr", "td", "center", "font"))


@dataclass
class Rendered:
    lines: list[str] = field(default_factory=list)
    # Per line: True when it comes from the core node (the best-scored block) rather
    # than from the wrapper it was widened to.
    core: list[bool] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def _is_centered(tag: str, attrs: dict[str, str | None]) -> bool:
    if tag == "center":
        return True
    align, style = attrs.get("align"), attrs.get("style")
    return ((align is not None and align.lower() == "center")
            or (style is not None and P.CENTERED.search(style) is not None))


def _caption_hinted(attrs: dict[str, str | None]) -> bool:
    value = attrs.get("class") or attrs.get("id")
    return bool(value) and _caption_class(value)


@lru_cache(maxsize=P.HINT_CACHE_SIZE)
def _caption_class(value: str) -> bool:
    """Whether a class/id names a caption block; memoised like the boilerplate hints."""
    return not P.CAPTION_HINT.isdisjoint(P.hint_words(P.hint_text(value)))


def _shorter_than(text: str, limit: int) -> bool:
    """``weighted_length(text) < limit``, reading only a head of a long text when that
    head already reaches the limit."""
    head = text[: limit * 4]
    length = weighted_length(head)
    if length >= limit or len(head) == len(text):
        return length < limit
    return weighted_length(text) < limit


def caption_like(compact: str, *, centered: bool) -> bool:
    """Whether a short line under a picture reads as its caption (whitespace removed)."""
    if not 0 < len(compact) <= P.CAPTION_MAX_LEN or P.WORK_TITLE.fullmatch(compact):
        return False
    clauses = len(P.CLAUSE_PUNCTUATION.findall(compact))
    return (centered or len(compact) <= P.CAPTION_PLAIN_MAX_LEN) and clauses <= P.CAPTION_MAX_CLAUSES


class _Renderer:
    def __init__(self, url: str | None, core_ids: set[int], link_lengths: dict[int, int]) -> None:
        self.url = url
        self.core_ids = core_ids
        self.link_lengths = link_lengths   # per element holding anchors
        self.in_core = not core_ids
        self.out = Rendered()
        self.buffer: list[str] = []
        # True while the last finished block held an image and no text: the next short
        # block is its caption.
        self.after_image = False
        self.block_had_image = False
        self.link_depth = 0   # > 0 while inside an <a>
        self.depth = 0        # nesting of elements being rendered
        self.centered = 0     # > 0 inside a centred block
        # True after a picture that starts a line: the next line may be its caption
        # (``<center><img><br>caption</center>``).
        self.line_after_image = False

    def flush(self) -> str:
        if not self.buffer:   # called at every block boundary, most often with nothing
            return ""
        line = " ".join("".join(self.buffer).split())
        if not line.isascii() and P.INVISIBLE_CHARS.search(line):
            # removed, they may leave a space at an end or two spaces together
            line = " ".join(P.INVISIBLE_CHARS.sub("", line).split())
        self.buffer.clear()
        if line and self.line_after_image:
            self.line_after_image = False
            # Only in a centred block: a line after a picture in running text is as
            # likely the next item of a list of pictures as their caption.
            if self.centered > 0 and caption_like(line.replace(" ", ""), centered=True):
                self.caption(line)
                return ""
        if line:
            self.out.lines.append(line)
            self.out.core.append(self.in_core)
        return line

    def image(self, node: LexborNode) -> None:
        attrs = node.attributes
        src = next((attrs[a] for a in IMAGE_SOURCE_ATTRS if attrs.get(a)), None)
        if src and not src.startswith("data:"):
            self.out.images.append(Image(urljoin(self.url, src) if self.url else src, attrs.get("alt") or None))
        self.block_had_image = True

    def caption(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.out.captions.append(text)
        if self.out.images and self.out.images[-1].caption in (None, ""):
            last = self.out.images[-1]
            self.out.images[-1] = Image(last.url, text)

    def is_caption(self, node: LexborNode, attrs: dict[str, str | None], text: str,
                   hinted: bool) -> bool:
        compact = "".join(text.split())
        if hinted:   # named a caption: a sentence or two about the picture
            return 0 < len(compact) <= P.CAPTION_HINTED_MAX_LEN
        if not 0 < len(compact) <= P.CAPTION_MAX_LEN:
            return False
        if node.css_first("img") is not None:
            return False
        return caption_like(compact, centered=self.centered > 0 or
                            _is_centered(node.tag, attrs))

    def block(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "figcaption":
            self.flush()
            self.caption(node.text(deep=True))
            return
        attrs = node.attributes
        if tag in LINK_LIST_TAGS:
            text: str | None = None
            links = self.link_lengths.get(node.mem_id)
            if self.link_depth or links is not None:
                # Only blocks with anchors (or inside one) can be link lists.
                density = 1.0 if self.link_depth else share_of(links or 0, stripped_length(node))
                if tag in P.PARAGRAPH_TAGS and self.in_core:
                    if density > P.CORE_PARAGRAPH_LINK_DENSITY_MAX:
                        return
                elif density > P.SHORT_LINK_DENSITY_MAX:
                    # A link list when over the share for any block, or over the lower
                    # share for short ones: only between the two is the text read.
                    if density > P.LINK_DENSITY_MAX:
                        return
                    text = node.text(deep=True)
                    if _shorter_than(text, P.SHORT_BLOCK_LEN):
                        return
            if not self.in_core:
                # Around the article, a copyright/disclaimer block goes whole.
                text = node.text(deep=True) if text is None else text
                if L.DISCLAIMER_BLOCK.search(text, 0, L.DISCLAIMER_HEAD_LEN):
                    return
            # Only a block under a picture, or one with a caption class, can be a caption.
            hinted = _caption_hinted(attrs)
            if hinted or self.after_image:
                text = node.text(deep=True) if text is None else text
                if self.is_caption(node, attrs, text, hinted):
                    self.flush()
                    self.caption(text)
                    self.after_image = False
                    return
        self.flush()
        self.block_had_image = False
        self.line_after_image = False
        centered = _is_centered(tag, attrs)
        self.centered += centered
        self.children(node)
        line = self.flush()
        self.centered -= centered
        if line:
            self.after_image = False
        elif self.block_had_image:
            self.after_image = True

    def children(self, node: LexborNode) -> None:
        if self.depth >= P.MAX_RENDER_DEPTH:
            # Pathological nesting (thousands of unclosed divs): take the text as lines
            # instead of recursing further.
            self.flush()
            self.buffer.append(node.text(deep=True, separator="\n"))
            for line in "".join(self.buffer).splitlines():
                self.buffer = [line]
                self.flush()
            self.buffer = []
            return
        self.depth += 1
        try:
            self._children(node)
        finally:
            self.depth -= 1

    def _children(self, node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.buffer.append(child.text_content or "")
            elif tag == "br":
                if self.flush():
                    self.after_image = False
            elif tag in SKIP_IN_BODY:
                continue
            elif tag == "img":
                self.image(child)
                self.line_after_image = not "".join(self.buffer).strip()
            elif tag in P.BLOCK_TAGS:
                if not self.in_core and child.mem_id in self.core_ids:
                    self.flush()
                    self.in_core = True
                    self.block(child)
                    self.flush()
                    self.in_core = False
                else:
                    self.block(child)
            elif tag.startswith("-"):
                continue
            elif tag == "a":
                self.link_depth += 1
                self.children(child)
                self.link_depth -= 1
            else:
                self.children(child)


def _link_lengths(nodes: list[LexborNode], memo: dict[int, int]) -> dict[int, int]:
    """For every element of ``nodes`` that holds an ``<a>`` (or is one): the length of
    the text in its anchors, as ``measures.link_length`` gives it.

    One query per rendered node instead of one per block: each anchor adds its length
    to itself and to its ancestors up to the rendered node it was found in.
    """
    lengths: dict[int, int] = {}
    for root in nodes:
        top = root.mem_id
        if top in lengths:   # inside a node summed already (nodes come in document order)
            continue
        for anchor in root.css("a"):
            key = anchor.mem_id
            length = memo.get(key)
            if length is None:
                length = memo[key] = stripped_length(anchor)
            node: LexborNode | None = anchor
            while node is not None:
                key = node.mem_id
                lengths[key] = lengths.get(key, 0) + length
                if key == top:
                    break
                node = node.parent
    return lengths


def render(nodes: list[LexborNode], url: str | None, core: list[LexborNode] | None = None,
           anchor_lengths: dict[int, int] | None = None) -> Rendered:
    """Paragraph lines of ``nodes``; lines outside the ``core`` nodes (when given) are flagged."""
    core_ids = {node.mem_id for node in core or ()}
    renderer = _Renderer(url, core_ids, _link_lengths(nodes, {} if anchor_lengths is None
                                                      else anchor_lengths))
    for node in nodes:
        renderer.in_core = not core_ids or node.mem_id in core_ids
        # The chosen nodes themselves are rendered whole; the pruning rules apply inside.
        renderer.flush()
        renderer.children(node)
        renderer.flush()
    return renderer.out
