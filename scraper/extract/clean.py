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
    """+1 for an article-like class/id, -1 for a boilerplate one, 0 for neither or both."""
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
    tokens = P.hint_tokens(value)
    lowered = value.lower()
    negative = bool(tokens & P.NEGATIVE_TOKENS) or any(s in lowered for s in P.NEGATIVE_STEMS)
    positive = bool(tokens & P.POSITIVE_TOKENS) or any(s in lowered for s in P.POSITIVE_STEMS)
    return (1 if positive else 0) - (1 if negative else 0) if positive != negative else 0


def prune(tree: LexborHTMLParser, hints: dict[str, int]) -> None:
    """Remove never-content tags, hidden elements and boilerplate-hinted blocks in place.

    A hinted block is spared when it holds most of the page's text: a page whose whole
    layout sits in ``<div class="sidebar-layout">`` must not lose its article.
    """
    tree.strip_tags(list(P.DROP_TAGS))
    body = tree.body
    if body is None:
        return
    for node in reversed(body.css(HIDDEN_SELECTOR)):
        node.decompose()
    total = len(body.text(deep=True, strip=True)) or 1
    limit = total * P.MAX_PRUNED_SHARE
    # Reverse document order removes descendants before their ancestors, so no node
    # is touched after an ancestor freed it.
    for node in reversed(body.css(", ".join(P.BOILERPLATE_TAGS) + ", [class], [id]")):
        if node.tag in ("body", "html", "main", "article"):
            continue
        if node.tag in P.BOILERPLATE_TAGS or class_hint(node, hints) < 0:
            if len(node.text(deep=True, strip=True)) < limit:
                node.decompose()
