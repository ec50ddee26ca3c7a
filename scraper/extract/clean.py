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
    positive = not P.POSITIVE_WORDS.isdisjoint(words) or any(s in text for s in P.POSITIVE_STEMS)
    if (not P.NEGATIVE_WORDS.isdisjoint(words) or any(s in text for s in P.NEGATIVE_STEMS)
            or any(word.startswith(P.NEGATIVE_CLASS_PREFIXES) for word in text.split())):
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
    protected = _majority_chain(body)
    doomed = []
    for node in body.css(P.PRUNE_SELECTOR):
        tag = node.tag
        if tag in ("body", "html", "main", "article"):
            continue
        hint = P.STRONG_NEGATIVE if tag in P.BOILERPLATE_TAGS else class_hint(node)
        # Weak hints only lower a block's score; strong ones remove it.
        if hint <= P.STRONG_NEGATIVE and node.mem_id not in protected:
            doomed.append(node)
    _decompose_all(doomed)


def _majority_chain(body: LexborNode) -> set[int]:
    """The elements holding at least MAX_PRUNED_SHARE of the page's text.

    They nest (two disjoint blocks cannot both hold most of the text), so they form
    one chain down from ``body``, found by descending into the child that holds it.
    """
    limit = len(body.text(deep=True, strip=True)) * P.MAX_PRUNED_SHARE
    chain: set[int] = set()
    node: LexborNode | None = body
    while node is not None:
        parent, node = node, None
        for child in parent.iter(include_text=False):
            if len(child.text(deep=True, strip=True)) >= limit > 0:
                chain.add(child.mem_id)
                node = child
                break
    return chain


def _decompose_all(nodes: list[LexborNode]) -> None:
    """Decompose each node once, descendants before ancestors, so none is freed twice."""
    seen: set[int] = set()
    for node in reversed(nodes):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()
