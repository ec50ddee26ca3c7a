"""The standfirst: the paragraph that sums the article up, set in the article's header
above the block chosen as the article (``p.lead``, ``h2.article-subheadline``,
``p#stand-first``, ``div.intro-text``).

Scoring chooses the block of the article's paragraphs; the standfirst sits apart from
them, next to the headline, and is lost with the header. It is taken back when a block
named a standfirst (STANDFIRST_HINT) stands just before the chosen nodes (before them
or before one of their STANDFIRST_LEVELS nearest ancestors), with at most STANDFIRST_GAP_MAX
characters of other text between the two (a byline, a date, a share bar) and no
headline (the one thing that stands between a site's tagline and the article), and
reads as a sentence or two of prose rather than a link or a picture.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import hint_patterns as H
from . import patterns as P
from .hints import class_and_id
from .measures import holds_any, holds_elements, link_share, stripped_length, weighted_length

_HEADLINES = ", ".join(sorted(P.HEADLINE_TAGS))


def standfirst(nodes: list[LexborNode]) -> LexborNode | None:
    """The standfirst just before ``nodes`` (the chosen nodes, in document order), if any.

    Read backwards from the first node, nearest first: its earlier siblings, then its
    parent's, up to STANDFIRST_LEVELS, until the text passed exceeds the gap allowed.
    """
    if not nodes:
        return None
    gap = 0
    node: LexborNode | None = nodes[0]
    for _ in range(P.STANDFIRST_LEVELS):
        if node is None or node.tag in ("body", "html", "-document"):
            return None
        sibling = node.prev
        while sibling is not None:
            if sibling.tag != "-text":
                found = _inside(sibling, P.STANDFIRST_GAP_MAX - gap)
                if found is not None:
                    return found
            gap += _length(sibling)
            if gap > P.STANDFIRST_GAP_MAX:
                return None
            sibling = sibling.prev
        node = node.parent
    return None


def _inside(block: LexborNode, room: int) -> LexborNode | None:
    """``block`` or the last standfirst inside it, when the text after that standfirst
    inside ``block`` leaves the gap within ``room``."""
    if _reads_as_standfirst(block):
        return block
    if block.tag in P.VOID_TAGS:
        return None
    for candidate in reversed(_named_inside(block)):
        if not _reads_as_standfirst(candidate):
            continue
        after, node = 0, candidate
        while node is not None and node.mem_id != block.mem_id and after <= room:
            after += _text_after(node)
            node = node.parent
        return candidate if after <= room else None
    return None


def _named_inside(block: LexborNode) -> list[LexborNode]:
    """The elements inside ``block``, in document order, whose class or id holds one of
    STANDFIRST_STEMS. Read by a walk over its elements: the few a header holds are
    tested faster that way than by the parser's selector engine, which tries each
    stem's attribute selector on every element."""
    named: list[LexborNode] = []
    nodes = block.traverse()
    next(nodes, None)   # the block itself, tested by the caller
    for node in nodes:
        attrs = node.attributes
        for value in (attrs.get("class"), attrs.get("id")):
            if value and holds_any(value.lower(), P.STANDFIRST_STEMS):
                named.append(node)
                break
    return named


def _length(node: LexborNode) -> int:
    """The node's text length; more than any gap allows for the page's headline (a
    site's tagline, a blog's subtitle stand above the headline, a standfirst below)."""
    tag = node.tag
    if tag == "-text":
        return len((node.text_content or "").strip())
    if tag in P.HEADLINE_TAGS or (tag not in P.VOID_TAGS and holds_elements(node)
                                  and node.css_first(_HEADLINES) is not None):
        return P.STANDFIRST_GAP_MAX + 1
    return stripped_length(node)


def _text_after(node: LexborNode) -> int:
    """``_length`` of the siblings after ``node``."""
    total, sibling = 0, node.next
    while sibling is not None:
        total += _length(sibling)
        sibling = sibling.next
    return total


def _reads_as_standfirst(node: LexborNode) -> bool:
    """Named a standfirst, a sentence or two long, few links, no picture."""
    attrs = node.attributes
    name = H.hint_text(class_and_id(attrs))
    if P.STANDFIRST_HINT.search(name) is None:
        return False
    text = node.text(deep=True, separator=" ")
    length = weighted_length(text)
    if not P.STANDFIRST_MIN_LEN <= length <= P.STANDFIRST_MAX_LEN:
        return False
    if node.css_first("img, figure, picture, video") is not None:
        return False
    return link_share(node) <= P.STANDFIRST_LINK_SHARE_MAX
