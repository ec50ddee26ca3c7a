"""DOM pruning before scoring: drop what is never content and what is hinted as boilerplate."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P
from . import trace as T
from .elements import ByTag, elements_by_tag, tag_numbers
from .hints import author_box, boilerplate_word, class_hint, hint_of
from .measures import TextRuns, weighted_length
from .walk import walk

__all__ = ["prune", "drop_never_content", "class_hint", "hint_of", "hidden_elements", "stays_hidden",
           "HIDDEN_SELECTOR", "DROP_TAG_NUMBERS"]

# Elements hidden from readers are not part of what they read: the hidden attributes,
# the utility class alone (Bootstrap's display:none; "hidden md:block" shows on
# screens), and these inline styles.
_HIDDEN_STYLES = ("display:none", "display: none", "visibility:hidden", "visibility: hidden")
HIDDEN_SELECTOR = ", ".join(('[hidden]', '[aria-hidden="true"]',
                             *(f'[style*="{style}"]' for style in _HIDDEN_STYLES),
                             '[class="hidden"]'))
# The same elements found with fewer attribute tests per element (each CSS test runs on
# every element of the page); the styles are then checked exactly in Python, on the
# few elements whose style mentions "none" or "hidden".
_HIDDEN_QUERY = '[hidden], [aria-hidden="true"], [class="hidden"], [style*="none"], [style*="hidden"]'

# The parser's numbers for the never-content tags (see ``elements``).
DROP_TAG_NUMBERS = tag_numbers(P.DROP_TAGS)

# The elements whose class/id can mark a whole block (see ``walk``), when they have one.
_HINTED_SELECTOR = ", ".join(f"{tag}[class], {tag}[id]" for tag in P.HINTED_BLOCK_TAGS)

# Never-content elements not worth a line in a trace: code, not text anyone reads.
# (Options and ruby annotations are read with the element around them.)
TRACE_SILENT_TAGS = frozenset(("script", "style", "noscript", "template", "option", "rt", "rp"))


def hidden_elements(body: LexborNode) -> list[LexborNode]:
    """The elements that HIDDEN_SELECTOR matches, in document order."""
    found = []
    for node in body.css(_HIDDEN_QUERY):
        attrs = node.attributes
        if "hidden" in attrs or attrs.get("aria-hidden") == "true" or attrs.get("class") == "hidden" \
                or any(style in (attrs.get("style") or "") for style in _HIDDEN_STYLES):
            found.append(node)
    return found


def stays_hidden(node: LexborNode) -> bool:
    """Whether a hidden element still goes when ``prune`` reveals hidden text: it holds
    less than an article's worth (``P.MIN_BODY_LEN``)."""
    return weighted_length(node.text(deep=True)) < P.MIN_BODY_LEN


def drop_never_content(tree: LexborHTMLParser, trace: T.Trace | None = None,
                       found: ByTag | None = None) -> None:
    """Remove the elements whose text no reader sees as the page's (DROP_TAGS: scripts,
    styles, form controls…) in place. ``found``: those elements, when the caller has
    found them already (``elements.elements_by_tag`` with DROP_TAG_NUMBERS among its
    tags, on this tree as it stands)."""
    if trace is not None and tree.body is not None:
        for node in tree.body.css(", ".join(sorted(set(P.DROP_TAGS) - TRACE_SILENT_TAGS))):
            trace.node(node, False, T.NEVER_CONTENT, node.tag)
    if found is None:
        found = elements_by_tag(tree, DROP_TAG_NUMBERS)
    # Each leaves the tree with what it holds (one inside another is unlinked from it
    # too: both are out of the tree all the same).
    for name in P.DROP_TAGS:
        for node in found[name]:
            node.decompose(recursive=False)


def prune(tree: LexborHTMLParser, *, use_hints: bool = True,
          anchor_lengths: dict[int, int] | None = None,
          never_content_dropped: bool = False, trace: T.Trace | None = None,
          reveal_hidden: bool = False) -> TextRuns:
    """Remove never-content tags (unless ``never_content_dropped`` says that is done),
    hidden elements and boilerplate-hinted blocks in place; return the text runs of
    what is left (see ``walk.walk``).

    A hinted block is spared when it holds most of the page's text outside links (a
    whole layout inside ``<div class="sidebar-layout">``); weakly hinted ones (``side``,
    ``rail``…) are only scored down, never removed. ``use_hints=False`` keeps every hinted
    block but the author's boxes: the fallback when pruning left too little, which would
    otherwise read a short post's author bio as its text. ``reveal_hidden`` keeps the hidden
    elements that hold an article's worth of text (``P.MIN_BODY_LEN``): some pages hide
    the article until a script reveals it; their hidden menus, cards and dialogs still go.
    A ``trace`` records each removal.
    """
    if not never_content_dropped:
        drop_never_content(tree, trace)
    body = tree.body
    if body is None:
        return {}
    hidden = hidden_elements(body)
    if reveal_hidden:
        hidden = [node for node in hidden if stays_hidden(node)]
    if trace is not None:
        for node in outermost(hidden):
            trace.node(node, False, T.HIDDEN)
    _decompose_all(hidden)
    if not use_hints:
        _drop_author_boxes(body, trace)
    doomed, runs = walk(body, use_hints=use_hints, anchor_lengths=anchor_lengths)
    if trace is not None:
        for node in outermost(doomed):
            trace.node(node, False, T.BOILERPLATE_CLASS, boilerplate_word(node))
    _decompose_all(doomed)
    return runs


def _drop_author_boxes(body: LexborNode, trace: T.Trace | None) -> None:
    """Remove the blocks hinted as the author's box (see ``hints.author_box``)."""
    boxes = outermost([node for node in body.css(_HINTED_SELECTOR)
                       if node.attributes and author_box(node.attributes)])
    if trace is not None:
        for node in boxes:
            trace.node(node, False, T.BOILERPLATE_CLASS, boilerplate_word(node))
    _decompose_all(boxes)


def outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` (in document order) without those inside another of them, each once."""
    kept: list[LexborNode] = []
    ids = {node.mem_id for node in nodes}
    seen: set[int] = set()
    for node in nodes:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        parent = node.parent
        while parent is not None and parent.mem_id not in ids:
            parent = parent.parent
        if parent is None:
            kept.append(node)
    return kept


def _decompose_all(nodes: list[LexborNode]) -> None:
    """Decompose each node once, descendants before ancestors, so none is freed twice."""
    seen: set[int] = set()
    for node in reversed(nodes):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()
