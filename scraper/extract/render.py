"""Rendering the chosen nodes as paragraphs, with images and their captions kept apart.

One walk over the chosen nodes gives the body's lines. When structure is asked for
(Markdown/HTML) or decisions are traced, the same walk also notes each line's block
(``structure.Mark``: heading, list item, quote, code, table row) and its inline
emphasis and links, as marker characters inside a copy of the line; the Markdown and
HTML renderings are made from those, so they hold exactly the body's text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from ..models import Attachment, Image
from . import line_patterns as L
from . import patterns as P
from . import structure as S
from . import trace as T
from .attachments import document_link
from .captions import caption_hinted, caption_like, is_caption, is_centered
from .link_lists import is_article_list, link_roll, linked_sentence, list_within
from .measures import link_lengths_within, share_of, shorter_than, stripped_length
from .tables import Grid, data_table_rows

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
    # The document links read, as the page writes them (see ``attachments``).
    attachments: list[Attachment] = field(default_factory=list)
    # With structure or a trace only: one mark per line, the pictures by the line they
    # stand before (line index, image index), and the blocks dropped while rendering.
    marks: list[S.Mark] | None = None
    figures: list[tuple[int, int]] = field(default_factory=list)
    dropped: list[T.Block] = field(default_factory=list)


class _Renderer:
    def __init__(self, url: str | None, core_ids: set[int], link_lengths: dict[int, int],
                 structured: bool = False, trace: T.Trace | None = None,
                 links: bool = False, link_rolls: bool = False,
                 attachment_ids: frozenset[int] | None = None,
                 document_links: Callable[[LexborNode], Attachment | None] = document_link
                 ) -> None:
        self.url = url
        # Lists of headline links are read as text (see ``render``); > 0 inside one.
        self.link_rolls = link_rolls
        self.in_roll = 0
        self.core_ids = core_ids
        # Where the search for the prose after a list stops (see ``link_lists``): the
        # core blocks, or without a core the rendered nodes (set by ``render``).
        self.bounds = core_ids
        # Attachment blocks (附件 lines) and what is inside them: article text, however
        # many links they hold (see ``attachments``). None: the page links no document.
        self.documents = attachment_ids is not None
        self.attachment_ids = attachment_ids or frozenset()
        self.document_link = document_links
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
        # Structure (None when neither structure nor a trace is asked for): the open
        # blocks, and the node where the buffered line starts.
        self.trace = trace
        self.links = links
        self.context: list[LexborNode] | None = [] if structured or trace is not None else None
        if self.context is not None:
            self.out.marks = []
        self.line_start: LexborNode | None = None

    def flush(self) -> str:
        if not self.buffer:   # called at every block boundary, most often with nothing
            return ""
        raw = "".join(self.buffer)
        self.buffer.clear()
        markup: str | None = None
        if self.context is not None and S.MARKERS.search(raw) is not None:
            markup = _normalised(raw)
            raw = S.MARKERS.sub("", raw)
        line = _normalised(raw)
        if line and self.line_after_image:
            self.line_after_image = False
            # Only in a centred block: a line after a picture in running text is as
            # likely the next item of a list of pictures as their caption.
            if self.centered > 0 and caption_like(line.replace(" ", ""), centered=True):
                self.drop_line(line, T.CAPTION, self.caption(line))
                return ""
        if line:
            self.out.lines.append(line)
            # A link roll read in a short body is the post, wherever it sits.
            self.out.core.append(self.in_core or self.in_roll > 0)
            if self.out.marks is not None:
                self.out.marks.append(S.mark_for(self.context or [], markup, self.line_start,
                                                 self.trace))
        return line

    def drop_line(self, text: str, reason: str, detail: str | None = None) -> None:
        if self.trace is not None and self.line_start is not None:
            self.trace_drop(self.line_start, reason, detail, text=text)

    def trace_drop(self, node: LexborNode, reason: str, detail: str | None = None, *,
                   text: str | None = None, link_share: float | None = None) -> None:
        trace = self.trace
        if trace is None:
            return
        text = " ".join((node.text(deep=True, separator=" ") if text is None else text).split())
        if text:
            self.out.dropped.append(T.Block(
                text=T.clip(text), kept=False, reason=reason, detail=detail,
                link_share=link_share, path=T.css_path(node), depth=trace.depth(node),
                position=trace.position(node)))

    def image(self, node: LexborNode) -> None:
        attrs = node.attributes
        src = next((attrs[a] for a in IMAGE_SOURCE_ATTRS if attrs.get(a)), None)
        if src and not src.startswith("data:"):
            if self.out.marks is not None:
                self.out.figures.append((len(self.out.lines), len(self.out.images)))
            self.out.images.append(Image(urljoin(self.url, src) if self.url else src, attrs.get("alt") or None))
        self.block_had_image = True

    def caption(self, text: str) -> str | None:
        """Take ``text`` as a caption; for a trace, say so when no picture took it."""
        text = " ".join(text.split())
        if not text:
            return None
        self.out.captions.append(text)
        if self.out.images and self.out.images[-1].caption in (None, ""):
            last = self.out.images[-1]
            self.out.images[-1] = Image(last.url, text)
            return None
        return T.CAPTION_UNTAKEN

    def block(self, node: LexborNode) -> None:
        tag = node.tag
        if tag == "figcaption":
            self.flush()
            self.trace_drop(node, T.CAPTION, self.caption(node.text(deep=True)))
            return
        attrs = node.attributes
        if self.link_rolls and not self.in_roll and tag in P.LINK_ROLL_TAGS and link_roll(node):
            self.in_roll += 1
            try:
                self.block(node)
            finally:
                self.in_roll -= 1
            return
        if tag in LINK_LIST_TAGS and node.mem_id not in self.attachment_ids:
            gone, text = self.link_list(node, tag)
            if gone:
                return
            if not self.in_core:
                # Around the article, a copyright/disclaimer block goes whole.
                text = node.text(deep=True) if text is None else text
                if L.DISCLAIMER_BLOCK.search(text, 0, L.DISCLAIMER_HEAD_LEN):
                    self.trace_drop(node, T.DISCLAIMER, text=text)
                    return
            # Only a block under a picture, or one with a caption class, can be a caption.
            hinted = caption_hinted(attrs)
            if hinted or self.after_image:
                text = node.text(deep=True) if text is None else text
                if is_caption(node, attrs, text, hinted=hinted, in_centered=self.centered > 0):
                    self.flush()
                    self.trace_drop(node, T.CAPTION, self.caption(text), text=text)
                    self.after_image = False
                    return
            if tag == "table":
                rows = data_table_rows(node)
                if rows is not None:
                    self.table(node, rows)
                    return
        self.flush()
        self.block_had_image = False
        self.line_after_image = False
        centered = is_centered(tag, attrs)
        self.centered += centered
        context = self.context
        if context is not None:
            context.append(node)
        self.children(node)
        line = self.flush()
        if context is not None:
            context.pop()
        self.centered -= centered
        if line:
            self.after_image = False
        elif self.block_had_image:
            self.after_image = True

    def link_list(self, node: LexborNode, tag: str) -> tuple[bool, str | None]:
        """Whether ``node`` was taken as a link list (dropped, or rendered as a list of
        the article's own), and its text when that had to be read to tell."""
        links = self.link_lengths.get(node.mem_id)
        if self.in_roll or not (self.link_depth or links is not None):
            return False, None   # only blocks with anchors (or inside one) can be link lists
        density = 1.0 if self.link_depth else share_of(links or 0, stripped_length(node))
        if tag in P.PARAGRAPH_TAGS and self.in_core:
            if density > P.CORE_PARAGRAPH_LINK_DENSITY_MAX:
                text = node.text(deep=True).strip()
                if not P.PRINTED_ADDRESS.fullmatch(text) and \
                        not (density < 1.0 and linked_sentence(node, text)):
                    self.trace_drop(node, T.LINK_DENSE, link_share=density)
                    return True, None
            return False, None
        if density <= P.SHORT_LINK_DENSITY_MAX:
            return False, None
        if self.article_list(node):
            return True, None
        if self.in_core and self.wraps_prose(node):
            return False, None   # read child by child: each link list still goes
        # A link list when over the share for any block, or over the lower share for
        # short ones: only between the two is the text read.
        if density > P.LINK_DENSITY_MAX:
            self.trace_drop(node, T.LINK_DENSE, link_share=density)
            return True, None
        text = node.text(deep=True)
        if shorter_than(text, P.SHORT_BLOCK_LEN):
            self.trace_drop(node, T.LINK_DENSE, "short", text=text, link_share=density)
            return True, text
        return False, text

    def wraps_prose(self, node: LexborNode) -> bool:
        """Whether ``node`` opens with a paragraph of prose (WRAPPED_PROSE_MIN long, almost
        without links) before its link lists: the article's own paragraph is not dropped
        with the "Transcript | Download" and "Related" lines under it. Teasers and
        sidebar widgets open with their links (a headline, a list of archives)."""
        before = 0   # link text met before the paragraph
        for element in node.css("a, p"):
            if element.tag == "a":
                before += self.link_lengths.get(element.mem_id, 0)
                if before > P.WRAPPED_PROSE_LEAD_LINKS_MAX:
                    return False
                continue
            length = stripped_length(element)
            if length >= P.WRAPPED_PROSE_MIN and share_of(
                    self.link_lengths.get(element.mem_id, 0), length) <= P.SHORT_LINK_DENSITY_MAX:
                return True
        return False

    def article_list(self, node: LexborNode) -> bool:
        """Render ``node`` whatever its links when it is a list of the article's own (see
        ``link_lists.is_article_list``); False when it is not."""
        if not self.in_core or node.mem_id in self.bounds:
            return False
        listed = list_within(node)
        if listed is None or not is_article_list(listed, node, self.bounds, self.link_lengths):
            return False
        self.in_roll += 1
        try:
            self.block(node)
        finally:
            self.in_roll -= 1
        return True

    def table(self, node: LexborNode, rows: Grid) -> None:
        """A data table: one line per row, its cells separated by tabs (see ``tables``)."""
        self.flush()
        self.block_had_image = False
        self.line_after_image = False
        context = self.context
        if context is not None:
            context.append(node)
        header = True   # the first row heads a Markdown table
        for row in rows:
            cells: list[str] = []
            markups: list[str] = []
            for cell in row:
                plain, markup = self.cell_text(cell) if cell is not None else ("", "")
                cells.append(plain)
                markups.append(markup)
            if not any(cells):
                continue
            self.out.lines.append(S.CELL_SEPARATOR.join(cells))
            # A link roll read in a short body is the post, wherever it sits.
            self.out.core.append(self.in_core or self.in_roll > 0)
            if self.out.marks is not None:
                first = next(cell for cell in row if cell is not None)
                self.out.marks.append(S.row_mark(node, markups, header, first, self.trace))
            header = False
        if context is not None:
            context.pop()

    def cell_text(self, cell: LexborNode) -> tuple[str, str]:
        """A cell's text as one line (its own lines joined by a space), and its markup."""
        lines, marks = self.out.lines, self.out.marks
        first = len(lines)
        self.children(cell)
        self.flush()
        texts = lines[first:]
        del lines[first:], self.out.core[first:]
        markup = " ".join(texts)
        if marks is not None:
            markup = " ".join(m.markup if m.markup is not None else t
                              for m, t in zip(marks[first:], texts))
            del marks[first:]
        return " ".join(texts), markup

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
                if not self.buffer:
                    self.line_start = child
                text = child.text_content or ""
                if self.context is not None and S.MARKERS.search(text) is not None:
                    text = S.MARKERS.sub("", text)   # the page's own: never read as markup
                self.buffer.append(text)
            elif tag == "br":
                if self.flush():
                    self.after_image = False
            elif tag in SKIP_IN_BODY:
                self.trace_drop(child, T.HEADLINE)
                continue
            elif tag == "img":
                self.image(child)
                self.line_after_image = not "".join(self.buffer).strip()
            elif tag in P.BLOCK_TAGS:
                if not self.in_core and (child.mem_id in self.core_ids
                                         or child.mem_id in self.attachment_ids):
                    self.flush()
                    self.in_core = True
                    self.block(child)
                    self.flush()
                    self.in_core = False
                else:
                    self.block(child)
            elif not isinstance(tag, str) or tag.startswith("-"):
                continue   # comments, processing instructions, the doctype
            elif tag == "a":
                found = self.document_link(child) if self.documents else None
                if found is not None:
                    self.out.attachments.append(found)
                self.link_depth += 1
                if self.context is not None and self.links:
                    self.inline(child, S.link_open(child.attributes.get("href"), self.url),
                                S.LINK_CLOSE)
                else:
                    self.children(child)
                self.link_depth -= 1
            elif self.context is not None and tag in S.INLINE_MARKS:
                opening, closing = S.INLINE_MARKS[tag]
                self.inline(child, opening, closing)
            else:
                self.children(child)

    def inline(self, node: LexborNode, opening: str, closing: str) -> None:
        """Inline markup around a node's text, as marker characters in the line."""
        if not self.buffer:
            self.line_start = node
        self.buffer.append(opening)
        self.children(node)
        self.buffer.append(closing)


def _normalised(text: str) -> str:
    """One line: whitespace runs as single spaces, invisible characters gone."""
    line = " ".join(text.split())
    if not line.isascii() and P.INVISIBLE_CHARS.search(line):
        # removed, they may leave a space at an end or two spaces together
        line = " ".join(P.INVISIBLE_CHARS.sub("", line).split())
    return line


def render(nodes: list[LexborNode], url: str | None, core: list[LexborNode] | None = None,
           anchor_lengths: dict[int, int] | None = None, *, structured: bool = False,
           links: bool = False, trace: T.Trace | None = None,
           link_rolls: bool = False, attachment_ids: frozenset[int] | None = None,
           document_links: Callable[[LexborNode], Attachment | None] = document_link) -> Rendered:
    """Paragraph lines of ``nodes``; lines outside the ``core`` nodes (when given) are
    flagged, except those of attachment blocks (``attachment_ids``: the blocks and what
    is in them), which are kept whatever their links; without ``attachment_ids`` no link
    is looked at as a document (``document_links``: what each anchor links to, worked
    out once per page). ``structured`` (or a ``trace``) also marks each line's
    block and inline markup (``Rendered.marks``); ``links`` keeps links in that markup.
    ``link_rolls`` reads lists of headline links as text rather than dropping them as
    link lists (a post that is a link roll, see ``body``)."""
    core_ids = {node.mem_id for node in core or ()}
    renderer = _Renderer(url, core_ids, link_lengths_within(nodes, {} if anchor_lengths is None
                                                      else anchor_lengths),
                         structured, trace, links, link_rolls, attachment_ids, document_links)
    if not core_ids:
        renderer.bounds = {node.mem_id for node in nodes}
    for node in nodes:
        renderer.in_core = not core_ids or node.mem_id in core_ids \
            or node.mem_id in renderer.attachment_ids
        # The chosen nodes themselves are rendered whole; the pruning rules apply inside.
        renderer.flush()
        renderer.children(node)
        renderer.flush()
    return renderer.out
