"""Lists of titled entries taken for the article: a thread of customer reviews, the
panels of an FAQ, the slides of a slideshow. Many short entries, each a few paragraphs,
together outscore an article that stands beside them or around them.

A chosen block is such a list when most of its text sits in entries built alike (the
same tag and class) that each open with a title (see ``entry_patterns``). The article is
then looked for again on the page without the list. When it holds the list (a slideshow
set in a story), the list leaves it and it is the article; when it stands beside the list
(a product's text above its reviews, a landing page's sections around its FAQ), the
node holding both is.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from . import entry_patterns as E
from . import patterns as P
from .extent import settle
from .hints import class_and_id
from .measures import TextRuns, common_ancestor, is_ancestor
from .score import Ranking, rank_candidates

__all__ = ["Beside", "beside_entries", "titled_entries"]


@dataclass(frozen=True)
class Beside:
    """The article found beside a list of entries: the ``core`` and ``nodes`` to render,
    and the list when it is to leave the article it sits in (``dropped``; None: it is
    rendered with it), with the page's text ``runs`` and their ``ranking`` without it."""

    core: list[LexborNode]
    nodes: list[LexborNode]
    dropped: LexborNode | None = None
    runs: TextRuns | None = None
    ranking: Ranking | None = None


def titled_entries(node: LexborNode) -> bool:
    """Whether ``node`` is a list of titled entries rather than an article."""
    if node.tag == "article" or \
            (node.attributes.get("itemprop") or "").lower() == P.ARTICLE_BODY_ITEMPROP:
        return False
    items = _entries(node)   # the cheap test first: most articles are paragraphs
    if len(items) < E.ENTRY_MIN_ITEMS or node.css_first(E.ENTRY_HEADLINE) is not None:
        return False
    inside = sum(len(item.text(deep=True, separator=" ")) for item in items)
    if inside < E.ENTRY_TEXT_SHARE * len(node.text(deep=True, separator=" ")):
        return False
    return sum(map(_titled, items)) >= E.ENTRY_TITLED_SHARE * len(items)


def _entries(node: LexborNode) -> list[LexborNode]:
    """The most frequent shape (tag and class) among ``node``'s element children, as
    its elements; none when that shape is a paragraph's (an article's own text)."""
    shapes: dict[tuple[str, str | None], list[LexborNode]] = {}
    for child in node.iter(include_text=False):
        if child.tag not in E.ENTRY_SKIPPED_TAGS:
            shapes.setdefault((child.tag, child.attributes.get("class")), []).append(child)
    if not shapes:
        return []
    (tag, _), items = max(shapes.items(), key=lambda shape: len(shape[1]))
    if tag in P.PARAGRAPH_TAGS and tag not in ("li", "dd"):
        return []
    return items


def _titled(item: LexborNode) -> bool:
    """Whether ``item`` opens with a title (its first block with text is or holds a
    heading, or is named a title) and has text of its own below it."""
    first = None
    for child in item.iter(include_text=False):
        if child.tag in E.ENTRY_SKIPPED_TAGS and child.tag != "a":
            continue
        if (child.text(deep=True) or "").strip():
            first = child
            break
    if first is None:
        return False
    rest = len((item.text(deep=True) or "").strip()) - len((first.text(deep=True) or "").strip())
    if rest < E.ENTRY_MIN_REST:
        return False
    if first.tag in E.ENTRY_HEADINGS or first.css_first("h1, h2, h3, h4, h5, h6") is not None:
        return True
    return E.ENTRY_TITLE_CLASS.search(class_and_id(first.attributes)) is not None


def beside_entries(entries: LexborNode, runs: TextRuns, anchor_lengths: dict[int, int],
                   score: float) -> Beside | None:
    """The article beside or around ``entries`` (a list chosen with ``score``), from the
    page's text ``runs`` without the list; None when no block outside it is believed."""
    key = entries.mem_id
    outside = {mem_id: run for mem_id, run in runs.items()
               if run[0].mem_id != key and not is_ancestor(entries, run[0])}
    ranking = rank_candidates(outside, anchor_lengths)
    if ranking is None or ranking.ranked[0].score < E.ENTRY_ARTICLE_MIN_SCORE:
        return None
    best = ranking.ranked[0]
    if is_ancestor(best.node, entries) and best.score >= E.ENTRY_EMBED_SHARE * score:
        core, nodes = settle(best, ranking)
        return Beside(core, nodes, dropped=entries, runs=outside, ranking=ranking)
    holder = common_ancestor(entries, best.node)
    if holder is None or holder.tag in ("body", "html"):
        return None
    return Beside([holder], [holder])
