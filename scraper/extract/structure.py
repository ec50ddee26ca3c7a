"""The structure of rendered lines: which block each line is, and its inline markup.

The renderer writes inline markup into a copy of each line as marker characters
(Unicode noncharacters, which no page text holds and which are not whitespace), so the
line's plain text is the markup with the markers taken out, and Markdown or HTML
made from the markup holds exactly the body's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from . import trace as T

STRONG_OPEN, STRONG_CLOSE = "\ufdd0", "\ufdd1"
EM_OPEN, EM_CLOSE = "\ufdd2", "\ufdd3"
CODE_OPEN, CODE_CLOSE = "\ufdd4", "\ufdd5"
LINK_OPEN, LINK_HREF_END, LINK_CLOSE = "\ufdd6", "\ufdd7", "\ufdd8"
# Any marker, a link's address included (``LINK_OPEN href LINK_HREF_END``).
MARKERS = re.compile("\ufdd6[^\ufdd7]*\ufdd7|[\ufdd0-\ufdd8]")
# Inline elements kept as emphasis or code (links: only when asked for).
INLINE_MARKS = {
    "strong": (STRONG_OPEN, STRONG_CLOSE), "b": (STRONG_OPEN, STRONG_CLOSE),
    "em": (EM_OPEN, EM_CLOSE), "i": (EM_OPEN, EM_CLOSE),
    "code": (CODE_OPEN, CODE_CLOSE), "kbd": (CODE_OPEN, CODE_CLOSE),
    "samp": (CODE_OPEN, CODE_CLOSE), "tt": (CODE_OPEN, CODE_CLOSE),
}
# A table row in ``body``: its cells separated by a tab.
CELL_SEPARATOR = "\t"
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LIST_TAGS = frozenset(("ul", "ol"))
# Blocks that decide a line's kind, nearest first.
KIND_TAGS = frozenset((*HEADING_TAGS, "li", "pre", "dt", "dd"))


@dataclass
class Mark:
    """What one rendered line is.

    ``kind``: ``p``, ``h`` (``level`` 1–6), ``li``, ``pre`` or ``row``. ``lists`` is the
    chain of lists the line sits in (outermost first: ``(key, ordered)``), ``item`` the
    key of its list item; ``quote`` the depth of blockquotes around it. ``markup`` is the
    line with inline markers, when it has any; a row has ``cells`` instead.
    """

    kind: str = "p"
    level: int = 0
    lists: tuple[tuple[int, bool], ...] = ()
    item: int = 0
    quote: int = 0
    markup: str | None = None
    pre: LexborNode | None = None       # the <pre> a code line comes from
    cells: list[str] | None = None
    header: bool = False                # the first row of its table
    table: int = 0
    # For a trace: where the line starts in the page.
    path: str = ""
    depth: int = 0
    position: int = -1


def mark_for(context: list[LexborNode], markup: str | None, start: LexborNode | None,
             trace: T.Trace | None) -> Mark:
    """The mark of a line rendered inside the open blocks ``context`` (outermost first)."""
    mark = Mark(markup=markup)
    lists: list[tuple[int, bool]] = []
    for node in context:
        tag = node.tag
        if tag in LIST_TAGS:
            lists.append((node.mem_id, tag == "ol"))
        elif tag == "blockquote":
            mark.quote += 1
    mark.lists = tuple(lists)
    for node in reversed(context):
        tag = node.tag
        if tag in KIND_TAGS:
            if tag in HEADING_TAGS:
                mark.kind, mark.level = "h", HEADING_TAGS[tag]
            elif tag == "li":
                mark.kind, mark.item = "li", node.mem_id
            elif tag == "pre":
                mark.kind, mark.pre = "pre", node
            break
    if trace is not None and start is not None:
        _locate(mark, start, trace)
    return mark


def row_mark(table: LexborNode, cells: list[str], header: bool, first: LexborNode,
             trace: T.Trace | None) -> Mark:
    mark = Mark(kind="row", cells=cells, header=header, table=table.mem_id)
    if trace is not None:
        _locate(mark, first, trace)
    return mark


def _locate(mark: Mark, node: LexborNode, trace: T.Trace) -> None:
    element = node if isinstance(node.tag, str) and not node.tag.startswith("-") else node.parent
    mark.path = T.css_path(element)
    mark.depth = trace.depth(node)
    mark.position = trace.position(node)


def link_open(href: str | None, base: str | None) -> str:
    """The marker that opens a link to ``href`` (made absolute against ``base``)."""
    href = (href or "").strip()
    if href and base:
        try:
            href = urljoin(base, href)
        except ValueError:
            pass
    href = href.replace(" ", "%20").replace(LINK_HREF_END, "")
    return f"{LINK_OPEN}{href}{LINK_HREF_END}"


def plain(markup: str) -> str:
    """The text of a line of markup."""
    return " ".join(MARKERS.sub("", markup).split())


@dataclass
class Item:
    """One kept line with its mark, or a picture (``image`` set) where it stood."""

    mark: Mark
    text: str = ""                  # the body's line
    markup: str = ""                # the line with inline markers
    image: tuple[str, str | None] | None = None   # (url, caption)


def kept_items(marks: list[Mark], lines: list[str], images: list[tuple[str, str | None]],
               figures: list[tuple[int, int]], kept: list[str], kept_at: list[int]) -> list[Item]:
    """The kept lines (``kept`` at their indexes ``kept_at`` in ``lines``) and the
    pictures, in the order they stand in the article."""
    items: list[Item] = []
    pending = list(figures)
    picture = Mark(kind="img")
    position = 0
    for text, index in zip(kept, kept_at):
        while position < len(pending) and pending[position][0] <= index:
            items.append(Item(picture, image=images[pending[position][1]]))
            position += 1
        mark = marks[index]
        # A line tidy shortened (an editor's name cut off its end) keeps no markup.
        markup = mark.markup if mark.markup is not None and text == lines[index] else text
        items.append(Item(mark, text, markup))
    for _, image_index in pending[position:]:
        items.append(Item(picture, image=images[image_index]))
    return items
