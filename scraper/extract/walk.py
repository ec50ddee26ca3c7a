"""One pass over the page: boilerplate blocks set aside, text runs measured.

Finding the boilerplate-hinted blocks and measuring the text that scores the rest
used to be two walks over every element. Done together, top-down, the subtree of a
block marked as boilerplate is never entered: its descendants need no hint, no
ancestor check and no measuring. Iterative, so thousands of nested elements cannot
exhaust Python's recursion.

Whether a hinted block goes depends on the page's text outside links, the whole
page's. Reading all of it (and every anchor) up front cost a third of the walk, for
an answer most blocks do not need: a menu is far shorter than the prose the walk
meets anyway. So hinted blocks are set aside unentered, and judged once the walk is
over against the prose it measured; only a block long enough to matter has the page
measured in full.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import hint_patterns as H
from . import patterns as P
from .hints import attribute_hint, never_article
from .measures import TextRuns, link_length, stripped_length, text_length

_HINTED = frozenset(P.HINTED_BLOCK_TAGS)
_BOILERPLATE = frozenset(P.BOILERPLATE_TAGS)
_HINTABLE = _HINTED | _BOILERPLATE
# Every hintable tag is a block: the text inside a hinted block is credited to it or to
# blocks inside it, never to a block around it, so a block walked later only adds runs.
assert _HINTABLE <= P.BLOCK_TAGS


def tag_ids(names: Iterable[str]) -> frozenset[int]:
    """The parser's numbers for these tags (each a tag of HTML, whose number is fixed).
    The walk tells nodes apart by number: reading a node's tag name makes a new string
    each time, at twice the cost, and the walk reads every node's."""
    document = LexborHTMLParser("")
    return frozenset(document.create_node(name).tag_id for name in names)


_TEXT_ID = LexborHTMLParser("<p>text</p>").css_first("p").first_child.tag_id   # type: ignore[union-attr]
_ANCHOR_ID, = tag_ids(("a",))
_VOID_IDS = tag_ids(P.VOID_TAGS)
_BLOCK_IDS = tag_ids(P.BLOCK_TAGS)
_HINTABLE_IDS = tag_ids(_HINTABLE)
_BOILERPLATE_IDS = tag_ids(_BOILERPLATE)


@dataclass
class _Deferred:
    """A strongly hinted block met by the walk and not entered yet."""

    node: LexborNode
    inside_link: bool
    position: int   # how many blocks had runs when it was met (document order)


def _prose_length(node: LexborNode, memo: dict[int, int] | None = None) -> int:
    """Characters of the node's text outside links (text nodes stripped)."""
    return stripped_length(node) - link_length(node, memo)


def _length_reaching(node: LexborNode, limit: float) -> int | None:
    """The node's ``stripped_length`` when it reaches ``limit``, else None. Its untrimmed
    text length, an upper bound read for less, settles most short blocks first."""
    if text_length(node) < limit:
        return None
    length = stripped_length(node)
    return length if length >= limit else None


def _pruned(node: LexborNode, page_prose: int, memo: dict[int, int] | None,
            block_prose: int | None = None) -> bool:
    """Whether a strongly hinted block goes, on a page of ``page_prose``: when it holds
    less than MAX_PRUNED_SHARE of it, or, when it is never the article (a comment
    thread, the sidebar: ``hints.never_article``), when the page holds an article's
    worth of prose outside it (a thread or a sidebar can be longer than a short post)."""
    limit = page_prose * P.MAX_PRUNED_SHARE
    if block_prose is None:
        length = _length_reaching(node, limit)
        if length is None:
            return True
        block_prose = length - link_length(node, memo)
    if block_prose < limit:
        return True
    return never_article(node.attributes) and \
        page_prose - block_prose >= P.NEVER_ARTICLE_OUTSIDE_MIN


def walk(body: LexborNode, *, use_hints: bool = True,
         anchor_lengths: dict[int, int] | None = None) -> tuple[list[LexborNode], TextRuns]:
    """The boilerplate blocks to remove, and the text runs of everything else.

    A strongly hinted block (nav/aside/footer, or a class/id such as ``breadcrumb``,
    ``share``, ``xgxw``) is set aside unless it holds MAX_PRUNED_SHARE of the page's
    text outside links (menus are links: a page wrapper named after its menu holds
    most of the prose, a menu never does); weak hints only lower scores later. Each text
    node is credited to its nearest block, and counted as link text when any ancestor is an ``<a>``.

    ``anchor_lengths``, when given, is filled with the anchors measured here (see
    ``measures.link_length``): choosing and rendering ask for the same anchors.
    The nodes removed afterwards are never asked for again, and nothing creates nodes
    that could take their ids.
    """
    runs: TextRuns = {}
    doomed: list[LexborNode] = []
    if not use_hints:
        _walk_into(body, False, runs, doomed, None, None)
        return doomed, runs
    deferred: list[_Deferred] = []
    prose = _walk_into(body, False, runs, doomed, None, deferred)
    if deferred:
        runs = _settle(body, deferred, prose, runs, doomed, anchor_lengths)
    return doomed, runs


def _settle(body: LexborNode, deferred: list[_Deferred], walked_prose: int, runs: TextRuns,
            doomed: list[LexborNode], memo: dict[int, int] | None) -> TextRuns:
    """Judge the hinted blocks the walk set aside; walk the ones that stay and put
    their runs where the walk met them. Returns the runs in document order.

    The page's prose is the prose walked plus the prose of the set-aside blocks that
    sit outside links. Bounds on it settle most blocks without reading the page again:
    a block shorter than MAX_PRUNED_SHARE of the prose walked goes unmeasured; the
    prose of the longer ones is measured, which narrows the bounds for the rest. Only
    a block the bounds cannot settle, or one that stays (the blocks inside it are
    judged as it is walked), has the page's prose measured in full.

    (The bounds hold as long as no anchor holds another, which the HTML parser makes
    rare; the full measure would count such an inner anchor twice.)
    """
    share = P.MAX_PRUNED_SHARE
    short = walked_prose * share
    long: list[tuple[_Deferred, int]] = []
    for entry in deferred:
        length = _length_reaching(entry.node, short)
        if length is None:   # most: a menu is far shorter than the prose
            doomed.append(entry.node)
        else:
            long.append((entry, length))
    if not long:
        return runs
    prose = [(entry, length - link_length(entry.node, memo)) for entry, length in long]
    lowest = walked_prose + sum(p for entry, p in prose if not entry.inside_link)
    if all(p < lowest * share for _, p in prose):
        doomed.extend(entry.node for entry, _ in prose)
        return runs
    page_prose = _prose_length(body, memo)
    kept: list[tuple[int, TextRuns]] = []
    for entry, block_prose in prose:
        if _pruned(entry.node, page_prose, memo, block_prose):
            doomed.append(entry.node)
            continue
        inner: TextRuns = {}
        _walk_into(entry.node, entry.inside_link, inner, doomed, page_prose, None, memo)
        kept.append((entry.position, inner))
    return _spliced(runs, kept) if kept else runs


def _spliced(runs: TextRuns, kept: list[tuple[int, TextRuns]]) -> TextRuns:
    """``runs`` with each kept block's runs put back at its position, in document order."""
    items = list(runs.items())
    merged: TextRuns = {}
    start = 0
    for position, inner in kept:
        merged.update(items[start:position])
        merged.update(inner)
        start = position
    merged.update(items[start:])
    return merged


def _walk_into(root: LexborNode, in_link: bool, runs: TextRuns, doomed: list[LexborNode],
               page_prose: int | None, deferred: list[_Deferred] | None,
               memo: dict[int, int] | None = None) -> int:
    """Walk ``root`` (a block), adding to ``runs``; return the characters of its text
    outside links that were walked (text nodes stripped).

    Strongly hinted blocks are judged against ``page_prose`` when it is known, set aside
    in ``deferred`` when that is given, and walked like any other block when neither is.
    """
    prose = 0
    # One frame per open element: (its remaining children, its nearest block, that
    # block's key in ``runs``, inside a link). Text nodes are read as they are met, so
    # runs keep document order; text nodes of ASCII whitespace only are skipped by the
    # parser's iterator already. The block's key is read once, as the block is entered,
    # not at each of its text nodes. Comments are entered like elements: they hold
    # nothing, and are never blocks.
    stack: list[tuple[Iterator[LexborNode], LexborNode, int, bool]] = [
        (root.iter(include_text=True, skip_empty=True), root, root.mem_id, in_link)]
    hints = page_prose is not None or deferred is not None
    while stack:
        children, block, key, in_link = stack[-1]
        for child in children:
            tag_id = child.tag_id
            if tag_id == _TEXT_ID:
                text = child.text_content
                if text and not text.isspace():
                    entry = runs.get(key)
                    if entry is None:
                        entry = runs[key] = [block, [], 0]
                    entry[1].append(text)
                    if in_link:
                        entry[2] += len(text)
                    else:
                        prose += len(text.strip())
                continue
            if tag_id in _VOID_IDS:   # holds nothing (a line break of flat text, an image)
                continue
            # Strongly hinted: boilerplate by semantics, or by a strong class/id hint.
            if hints and tag_id in _HINTABLE_IDS and (
                    tag_id in _BOILERPLATE_IDS
                    or attribute_hint(child.attributes) <= H.STRONG_NEGATIVE):
                if deferred is not None:
                    deferred.append(_Deferred(child, in_link, len(runs)))
                    continue
                if _pruned(child, page_prose, memo):
                    doomed.append(child)
                    continue
            children_of = child.iter(include_text=True, skip_empty=True)
            if tag_id in _BLOCK_IDS:
                stack.append((children_of, child, child.mem_id, in_link))   # never an <a>
            else:
                stack.append((children_of, block, key, in_link or tag_id == _ANCHOR_ID))
            break   # enter the child; this frame resumes after it
        else:
            stack.pop()
    return prose
