"""DOM pruning before scoring: drop what is never content and what is hinted as boilerplate."""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P

# Elements hidden from readers are not part of what they read.
HIDDEN_SELECTOR = (
    '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
    '[style*="visibility:hidden"], [style*="visibility: hidden"]'
)


def class_hint(node: LexborNode) -> int:
    """+1 for an article-like class/id, -2 for a boilerplate one, -1 for a weakly
    boilerplate one (``side``, ``rail``), 0 for neither or both."""
    attrs = node.attributes
    value = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return hint_of(value) if value != " " else 0


# A pure function of a string, memoised: class names repeat across the pages of a
# site and across sites (``clearfix``, ``container``), and the hint is the hot spot
# of pruning. The result never depends on what the cache holds.
@lru_cache(maxsize=P.HINT_CACHE_SIZE)
def hint_of(value: str) -> int:
    """The class/id hint of a ``"class id"`` string (see ``class_hint``)."""
    text = P.hint_text(value)
    words = P.hint_words(text)
    positive = not P.POSITIVE_WORDS.isdisjoint(words) or P.POSITIVE_STEMS.search(text) is not None
    if (not P.NEGATIVE_WORDS.isdisjoint(words) or P.NEGATIVE_STEMS.search(text)
            or P.NEGATIVE_PREFIXES.search(text)):
        return 0 if positive else P.STRONG_NEGATIVE
    if not P.WEAK_NEGATIVE_WORDS.isdisjoint(words):
        return 0 if positive else P.WEAK_NEGATIVE
    return 1 if positive else 0


def prune(tree: LexborHTMLParser, *, use_hints: bool = True) -> None:
    """Remove never-content tags, hidden elements and boilerplate-hinted blocks in place.

    A hinted block is spared when it holds most of the page's text (a whole layout
    inside ``<div class="sidebar-layout">``); weakly hinted ones (``side``, ``rail``…)
    are only scored down, never removed. ``use_hints=False`` keeps every hinted
    block: the fallback when pruning left too little.
    """
    tree.strip_tags(list(P.DROP_TAGS))
    body = tree.body
    if body is None:
        return
    _decompose_all(body.css(HIDDEN_SELECTOR))
    if not use_hints:
        return
    limit = len(body.text(deep=True, strip=True)) * P.MAX_PRUNED_SHARE
    body_id = body.mem_id
    doomed: list[LexborNode] = []
    doomed_ids: set[int] = set()
    # Document order puts ancestors first: a block inside one already doomed goes
    # with it, so only the outermost hinted blocks have their text measured.
    for node in body.css(P.PRUNE_SELECTOR):
        tag = node.tag
        if tag in ("body", "html", "main", "article"):
            continue
        hint = P.STRONG_NEGATIVE if tag in P.BOILERPLATE_TAGS else class_hint(node)
        # Weak hints only lower a block's score; strong ones remove it.
        if hint > P.STRONG_NEGATIVE or _inside(node, doomed_ids, body_id):
            continue
        if len(node.text(deep=True, strip=True)) < limit:
            doomed.append(node)
            doomed_ids.add(node.mem_id)
    _decompose_all(doomed)


def _inside(node: LexborNode, ids: set[int], stop: int) -> bool:
    """True when an ancestor of ``node`` (below the ``stop`` node) is in ``ids``."""
    if not ids:
        return False
    parent = node.parent
    while parent is not None:
        key = parent.mem_id
        if key == stop:
            return False
        if key in ids:
            return True
        parent = parent.parent
    return False


def _decompose_all(nodes: list[LexborNode]) -> None:
    """Decompose each node once, descendants before ancestors, so none is freed twice."""
    seen: set[int] = set()
    for node in reversed(nodes):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()
