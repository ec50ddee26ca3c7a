"""DOM pruning before scoring: drop what is never content and what is hinted as boilerplate."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P

# Elements hidden from readers are not part of what they read.
HIDDEN_SELECTOR = (
    '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
    '[style*="visibility:hidden"], [style*="visibility: hidden"]'
)


def class_hint(node: LexborNode, cache: dict[str, int]) -> int:
    """+1 for an article-like class/id, -2 for a boilerplate one, -1 for a weakly
    boilerplate one (``side``, ``rail``), 0 for neither or both."""
    attrs = node.attributes
    value = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
    if not value:
        return 0
    hint = cache.get(value)
    if hint is None:
        hint = _hint(value)
        cache[value] = hint
    return hint


def _hint(value: str) -> int:
    text = P.hint_text(value)
    positive = P.POSITIVE_WORDS.search(text) is not None or P.POSITIVE_STEMS.search(text) is not None
    if (P.NEGATIVE_WORDS.search(text) or P.NEGATIVE_STEMS.search(text)
            or any(word.startswith(P.NEGATIVE_CLASS_PREFIXES) for word in text.split())):
        return 0 if positive else P.STRONG_NEGATIVE
    if P.WEAK_NEGATIVE_WORDS.search(text):
        return 0 if positive else P.WEAK_NEGATIVE
    return 1 if positive else 0


def prune(tree: LexborHTMLParser, hints: dict[str, int], *, use_hints: bool = True) -> None:
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
    total = len(body.text(deep=True, strip=True)) or 1
    limit = total * P.MAX_PRUNED_SHARE
    doomed = []
    for node in body.css(", ".join(P.BOILERPLATE_TAGS) + ", [class], [id]"):
        if node.tag in ("body", "html", "main", "article"):
            continue
        hint = P.STRONG_NEGATIVE if node.tag in P.BOILERPLATE_TAGS else class_hint(node, hints)
        # Weak hints only lower a block's score; strong ones remove it.
        if hint > P.STRONG_NEGATIVE:
            continue
        if len(node.text(deep=True, strip=True)) >= limit:
            continue
        doomed.append(node)
    _decompose_all(doomed)


def _decompose_all(nodes: list[LexborNode]) -> None:
    """Decompose each node once, descendants before ancestors, so none is freed twice."""
    seen: set[int] = set()
    for node in reversed(nodes):
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            node.decompose()
