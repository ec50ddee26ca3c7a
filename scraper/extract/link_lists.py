"""Link-dense blocks the renderer reads all the same: a list of headline links that is
a post of its own (a link roll, a week's headlines), and a list inside the article whose
items say more than their links and after which the article's prose goes on (a list of
sources, of steps with references). A paragraph of the article that is mostly link is
read when it is a sentence around its links (``linked_sentence``). Any other link-dense
block is a link list and goes.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import patterns as P
from .measures import anchors, stripped_length


def link_roll(node: LexborNode) -> bool:
    """A list of LINK_ROLL_MIN_ITEMS or more links that read as headlines: their text
    is LINK_ROLL_MIN_LEN characters long on average (a menu's links are words)."""
    lengths = [len((anchor.text(deep=True) or "").strip()) for anchor in anchors(node)]
    lengths = [length for length in lengths if length]
    return len(lengths) >= P.LINK_ROLL_MIN_ITEMS and \
        sum(lengths) >= P.LINK_ROLL_MIN_LEN * len(lengths)


def linked_sentence(node: LexborNode, text: str) -> bool:
    """Whether a paragraph that is mostly link (its ``text`` stripped) reads as a sentence
    around its links, not as links (``P.LINKED_SENTENCE_END``); the caller knows it has
    words of its own."""
    return len(text.split()) >= P.LINKED_SENTENCE_MIN_WORDS \
        and P.LINKED_SENTENCE_END.search(text) is not None \
        and len(anchors(node)) <= P.LINKED_SENTENCE_MAX_LINKS


def list_within(node: LexborNode) -> LexborNode | None:
    """``node`` when it is a list (ARTICLE_LIST_TAGS), or the list it only wraps."""
    while node.tag not in P.ARTICLE_LIST_TAGS:
        inner: LexborNode | None = None
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                if not (child.text_content or "").isspace():
                    return None
            elif tag != "-comment":
                if inner is not None:
                    return None
                inner = child
        if inner is None:
            return None
        node = inner
    return node


def is_article_list(listed: LexborNode, block: LexborNode, bounds: set[int],
                  link_lengths: dict[int, int]) -> bool:
    """Whether ``listed`` (the list ``block`` is or wraps) is the article's own (see
    ARTICLE_LIST_TAGS): its items say more than their links, and the article's prose
    goes on after ``block``."""
    return _items_say_more(listed, link_lengths) and _prose_follows(block, bounds, link_lengths)


def _items_say_more(node: LexborNode, link_lengths: dict[int, int]) -> bool:
    """Whether most items of the list hold text of their own beside their links."""
    items = [child for child in node.iter() if child.tag == "li"]
    if not items or node.css_first("img") is not None:   # a list of teaser cards
        return False
    own = 0
    for item in items:
        length = stripped_length(item)
        if length and link_lengths.get(item.mem_id, 0) < length * P.ARTICLE_LIST_ITEM_LINK_SHARE:
            own += 1
    return own * 2 > len(items)


def _prose_follows(node: LexborNode, bounds: set[int], link_lengths: dict[int, int]) -> bool:
    """Whether at least ARTICLE_LIST_PROSE_AFTER characters outside links follow ``node``
    among its siblings, or a wrapper's that holds nothing else, below the ``bounds``
    nodes: the prose of the article the list sits in, not of a column beside it."""
    need = P.ARTICLE_LIST_PROSE_AFTER
    current: LexborNode | None = node
    while current is not None and current.mem_id not in bounds:
        sibling = current.next
        while sibling is not None:
            tag = sibling.tag
            if tag == "-text":
                need -= len((sibling.text_content or "").strip())
            elif isinstance(tag, str) and not tag.startswith("-"):
                need -= stripped_length(sibling) - link_lengths.get(sibling.mem_id, 0)
            if need <= 0:
                return True
            sibling = sibling.next
        parent = current.parent
        if parent is None or stripped_length(parent) != stripped_length(current):
            return False
        current = parent
    return False
