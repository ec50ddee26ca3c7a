"""One pass over the page: boilerplate blocks set aside, text runs measured.

Finding the boilerplate-hinted blocks and measuring the text that scores the rest
used to be two walks over every element. Done together, top-down, the subtree of a
block marked as boilerplate is never entered: its descendants need no hint, no
ancestor check and no measuring. Iterative, so thousands of nested elements cannot
exhaust Python's recursion.
"""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from . import patterns as P
from .hints import hint_of
from .measures import link_length, stripped_length

# Per block (by mem_id): [block node, its text runs in order, characters inside links].
TextRuns = dict[int, list]

_HINTED = frozenset(P.HINTED_BLOCK_TAGS)
_BOILERPLATE = frozenset(P.BOILERPLATE_TAGS)
_HINTABLE = _HINTED | _BOILERPLATE


def _strongly_hinted(child: LexborNode, tag: str) -> bool:
    """For a tag in _HINTABLE: boilerplate by semantics, or by a strong class/id hint."""
    if tag in _BOILERPLATE:
        return True
    attrs = child.attributes
    cls, ident = attrs.get("class"), attrs.get("id")
    return bool(cls or ident) and hint_of(f"{cls or ''} {ident or ''}") <= P.STRONG_NEGATIVE


def _prose_length(node: LexborNode, memo: dict[int, int] | None = None) -> int:
    """Characters of the node's text outside links (text nodes stripped)."""
    return stripped_length(node) - link_length(node, memo)


def _holds_less_prose(node: LexborNode, limit: float, memo: dict[int, int] | None) -> bool:
    length = stripped_length(node)
    return length < limit or length - link_length(node, memo) < limit


def walk(body: LexborNode, *, use_hints: bool = True,
         anchor_lengths: dict[int, int] | None = None) -> tuple[list[LexborNode], TextRuns]:
    """The boilerplate blocks to remove, and the text runs of everything else.

    A strongly hinted block (nav/aside/footer, or a class/id such as ``breadcrumb``,
    ``share``, ``xgxw``) is set aside unless it holds MAX_PRUNED_SHARE of the page's
    text outside links (menus are links: a page wrapper named after its menu holds
    most of the prose, a menu never does); weak hints only lower scores later. Each text
    node is credited to its nearest block, and counted as link text when any ancestor is an ``<a>``.

    ``anchor_lengths``, when given, is filled with the anchors measured for the pruning
    limit (see ``measures.link_length``): choosing and rendering ask for the same anchors.
    The nodes removed afterwards are never asked for again, and nothing creates nodes
    that could take their ids.
    """
    limit: float | None = None if use_hints else 0.0   # measured when first needed
    doomed: list[LexborNode] = []
    runs: TextRuns = {}
    # One frame per open element: (its remaining children, its nearest block, inside a
    # link). Text nodes are read as they are met, so runs keep document order; text
    # nodes of ASCII whitespace only are skipped by the parser's iterator already.
    stack: list[tuple[Iterator[LexborNode], LexborNode, bool]] = [
        (body.iter(include_text=True, skip_empty=True), body, False)]
    while stack:
        children, block, in_link = stack[-1]
        for child in children:
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                if text and not text.isspace():
                    entry = runs.get(block.mem_id)
                    if entry is None:
                        entry = runs[block.mem_id] = [block, [], 0]
                    entry[1].append(text)
                    if in_link:
                        entry[2] += len(text)
                continue
            if not tag or tag[0] == "-":   # comments and other non-element nodes
                continue
            if use_hints and tag in _HINTABLE and _strongly_hinted(child, tag):
                if limit is None:
                    limit = _prose_length(body, anchor_lengths) * P.MAX_PRUNED_SHARE
                if _holds_less_prose(child, limit, anchor_lengths):
                    doomed.append(child)
                    continue
            stack.append((child.iter(include_text=True, skip_empty=True),
                          child if tag in P.BLOCK_TAGS else block, in_link or tag == "a"))
            break   # enter the child; this frame resumes after it
        else:
            stack.pop()
    return doomed, runs
