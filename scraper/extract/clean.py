"""DOM pruning before scoring: drop what is never content and what is hinted as boilerplate."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P
from .hints import class_hint, hint_of
from .walk import TextRuns, walk

__all__ = ["prune", "class_hint", "hint_of", "HIDDEN_SELECTOR"]

# Elements hidden from readers are not part of what they read.
HIDDEN_SELECTOR = (
    '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
    '[style*="visibility:hidden"], [style*="visibility: hidden"], '
    # the utility class alone (Bootstrap's display:none); "hidden md:block" shows on screens
    '[class="hidden"]'
)


def prune(tree: LexborHTMLParser, *, use_hints: bool = True) -> TextRuns:
    """Remove never-content tags, hidden elements and boilerplate-hinted blocks in place;
    return the text runs of what is left (see ``walk.walk``).

    A hinted block is spared when it holds most of the page's text (a whole layout
    inside ``<div class="sidebar-layout">``); weakly hinted ones (``side``, ``rail``…)
    are only scored down, never removed. ``use_hints=False`` keeps every hinted
    block: the fallback when pruning left too little.
    """
    tree.strip_tags(list(P.DROP_TAGS))
    body = tree.body
    if body is None:
        return {}
    _decompose_all(body.css(HIDDEN_SELECTOR))
    doomed, runs = walk(body, use_hints=use_hints)
    _decompose_all(doomed)
    return runs


def _decompose_all(nodes: list[LexborNode]) -> None:
    """Decompose each node once, descendants before ancestors, so none is freed twice."""
    seen: set[int] = set()
    for node in reversed(nodes):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()
