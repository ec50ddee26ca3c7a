"""Text and node measures shared by scoring, rendering and tidying: weighted length
(CJK counts more), sentence punctuation, link share, text lengths.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborNode

from . import patterns as P

# The text runs the walk measures, per block (by mem_id): [block node, its text runs in
# order, characters inside links]. Named here, below the walk: the walk fills them,
# these measures and scoring read them.
TextRuns = dict[int, list]


# The ASCII characters that ``str.split()`` splits on.
_ASCII_WHITESPACE = bytes(code for code in range(128) if chr(code).isspace())


def nonspace_length(text: str) -> int:
    """Characters of ``text`` that are not whitespace: ``sum(map(len, text.split()))``.
    ASCII text is counted as bytes with its whitespace deleted in one pass, with no
    string made per word: a tenth of the split's cost on a paragraph of English."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_WHITESPACE))
    return sum(map(len, text.split()))


def weighted_length(text: str) -> int:
    """Characters without whitespace, a CJK character counting as ``CJK_WEIGHT``."""
    length = nonspace_length(text)
    if text.isascii():   # no CJK to count
        return length
    return length + (P.CJK_WEIGHT - 1) * sum(map(len, P.CJK_RUN.findall(text)))


# A weighted length at or above this earns every length point a paragraph can get.
LENGTH_POINTS_CAP = P.CHARS_PER_POINT * P.MAX_LENGTH_POINTS


def weighted_length_upto(text: str, cap: int) -> int:
    """``min(weighted_length(text), cap)``. A head of ``2 * cap`` characters mostly
    reaches the cap already, so long paragraphs are not measured whole."""
    if len(text) > 2 * cap:
        head = weighted_length(text[: 2 * cap])
        if head >= cap:
            return cap
    return weighted_length(text)


# PUNCTUATION in two parts: the full-width marks counted by ``str.count`` (a fast scan
# each, where the regex tries both alternatives at every character), the Latin marks,
# which need the lookahead, by a regex. tests/test_score.py checks that the
# sum equals PUNCTUATION's count.
_FULL_WIDTH_MARKS = "，。、；！？："
_LATIN_MARKS = re.compile(r"[,;.!?:](?=\s|$)")


def punctuation_count(text: str) -> int:
    """``len(P.PUNCTUATION.findall(text))``, computed faster."""
    count = len(_LATIN_MARKS.findall(text))
    if text.isascii():
        return count
    return count + sum(map(text.count, _FULL_WIDTH_MARKS))


def holds_any(text: str, keys: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``keys``: the cheap test run before a pattern or on
    a class name (lower-case both for a test that ignores case)."""
    for key in keys:   # a plain loop: a generator costs more than the tests
        if key in text:
            return True
    return False


# Characters from the most to the least frequent in text (Latin letters, English order;
# any other counts as rarer than all). ``any_key`` starts each key's test at its rarest
# character, which the regex engine then looks for alone.
_CHARACTERS_BY_FREQUENCY = " etaoinshrdlcumwfgypbvkjxqz"


def any_key(keys: Iterable[str]) -> re.Pattern[str]:
    """A pattern found in a text that holds one of ``keys``: ``holds_any`` for many keys
    at once, reading the text once where ``holds_any`` reads it once per key.

    Each key is matched from its rarest character, the part before it checked behind
    ("v(?<=adv)ice"): the alternatives then start with a few rare characters, and the
    engine skips every position that holds none of them without trying the keys."""
    words = set(keys)
    if not words or "" in words:
        raise ValueError("keys must be non-empty strings")
    by_rarest: dict[str, list[str]] = {}
    for word in sorted(words):
        at = max(range(len(word)), key=lambda index: (_rarity(word[index]), -index))
        head, rarest, tail = word[:at], word[at], word[at + 1:]
        behind = f"(?<={re.escape(head + rarest)})" if head else ""
        by_rarest.setdefault(rarest, []).append(behind + re.escape(tail))
    return re.compile("|".join(f"{re.escape(rarest)}(?:{'|'.join(rests)})"
                               for rarest, rests in by_rarest.items()))


def _rarity(character: str) -> int:
    """How rare ``character`` is in text, by ``_CHARACTERS_BY_FREQUENCY``."""
    index = _CHARACTERS_BY_FREQUENCY.find(character)
    return len(_CHARACTERS_BY_FREQUENCY) if index < 0 else index


def stripped_length(node: LexborNode) -> int:
    """Characters of the node's text, each text node stripped.

    Text nodes of whitespace only strip to nothing: the parser skips them
    (``skip_empty``) rather than decode each into a string first.
    """
    return len(node.text(deep=True, strip=True, skip_empty=True))


def text_length(node: LexborNode) -> int:
    """Characters of the node's text as it stands: at least ``stripped_length``, for
    less (the text is read as one string, where stripping makes one per text node)."""
    return len(node.text(deep=True, skip_empty=True))


def holds_elements(node: LexborNode) -> bool:
    """Whether an element may sit below ``node``: False when it has no child, or a text
    alone (a line break, a picture, a cell or a link of plain text). A query below such
    a node finds the node itself at most, and costs far more than this test: the parser
    reads the query's selector anew each time."""
    child = node.first_child
    return child is not None and (child.next is not None or child.tag != "-text")


def anchors(node: LexborNode) -> list[LexborNode]:
    """The links in the node, itself included: its anchors but bookmarks
    (``P.LINK_ANCHORS``)."""
    if holds_elements(node):
        return node.css(P.LINK_ANCHORS)
    if node.tag != "a":
        return []
    attrs = node.attributes
    return [node] if "href" in attrs or "name" not in attrs else []


def link_length(node: LexborNode, memo: dict[int, int] | None = None) -> int:
    """``stripped_length`` of the node's anchors, summed. With ``memo`` (anchor id to
    length, for one tree), an anchor measured for an enclosing block is not read again."""
    if memo is None:
        memo = {}
    total = 0
    for anchor in anchors(node):
        key = anchor.mem_id
        length = memo.get(key)
        if length is None:
            length = memo[key] = stripped_length(anchor)
        total += length
    return total


def link_share(node: LexborNode, memo: dict[int, int] | None = None) -> float:
    """Share of the node's text that sits in its anchors (text nodes stripped); ``memo``
    as for ``link_length``."""
    links = link_length(node, memo)
    if not links:   # most blocks: their text need not be read at all
        return 0.0
    return share_of(links, stripped_length(node))


def share_of(links: int, length: int) -> float:
    """``links`` over ``length``, capped at 1 (0 for no text): ``link_share`` from its
    two measures, for callers that have them already."""
    return min(1.0, links / length) if length else 0.0


def prose_length(runs: TextRuns) -> int:
    """Characters (without whitespace) of the page's text outside links, as measured
    by the walk; a run's link share is taken from its raw characters."""
    return sum(prose_lengths(runs))


def prose_lengths(runs: TextRuns) -> Iterator[int]:
    """``prose_length`` run by run, for callers that can stop once they know enough."""
    for _, texts, link_chars in runs.values():
        text = "".join(texts)
        if text:
            yield round(nonspace_length(text) * (1 - min(1, link_chars / len(text))))


def text_len(node: LexborNode) -> int:
    """Characters of the node's text without whitespace (widening's measure)."""
    return nonspace_length(node.text(deep=True))


def link_len(node: LexborNode) -> int:
    """``text_len`` of the node's anchors, summed."""
    return sum(map(text_len, anchors(node)))


class Lengths:
    """``text_len`` and ``link_len`` once per node: widening and the ``<article>`` check
    measure the same wrappers, whose text is the whole article."""

    def __init__(self) -> None:
        self.texts: dict[int, int] = {}
        self.links: dict[int, int] = {}

    def text(self, node: LexborNode) -> int:
        key = node.mem_id
        if key not in self.texts:
            self.texts[key] = text_len(node)
        return self.texts[key]

    def link(self, node: LexborNode) -> int:
        key = node.mem_id
        if key not in self.links:
            self.links[key] = link_len(node)
        return self.links[key]

    def up(self, child: LexborNode) -> tuple[LexborNode, int, int]:
        """The parent of ``child`` with its ``text_len`` and ``link_len``, summed from
        the child's (the article, already measured) and its siblings' instead of
        reading the whole wrapper again. Both measures add up over children: a
        node's text is its children's texts joined, and ``anchors`` of a child
        includes the child itself when it is a link."""
        parent = child.parent
        assert parent is not None
        key = parent.mem_id
        if key not in self.texts or key not in self.links:
            text, links = self.text(child), self.link(child)
            target = child.mem_id
            for sibling in parent.iter(include_text=True):
                if sibling.mem_id == target:
                    continue
                length = text_len(sibling)
                # Its anchors' text is part of its text: none when it has none.
                if length and sibling.tag != "-text":
                    links += self.link(sibling)
                text += length
            if parent.tag == "a":   # the wrapper is itself a link: all its text is
                links += text
            self.texts[key], self.links[key] = text, links
        return parent, self.texts[key], self.links[key]


def is_ancestor(ancestor: LexborNode, node: LexborNode) -> bool:
    """Whether ``ancestor`` holds ``node`` (a node does not hold itself)."""
    target = ancestor.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def common_ancestor(a: LexborNode, b: LexborNode) -> LexborNode | None:
    """The nearest node that is or holds both ``a`` and ``b`` (None: different trees)."""
    seen: set[int] = set()
    node: LexborNode | None = a
    while node is not None:
        seen.add(node.mem_id)
        node = node.parent
    node = b
    while node is not None and node.mem_id not in seen:
        node = node.parent
    return node


def nested(a: LexborNode, b: LexborNode) -> bool:
    """True when ``a`` and ``b`` are the same node or one holds the other."""
    return a.mem_id == b.mem_id or is_ancestor(a, b) or is_ancestor(b, a)


def shorter_than(text: str, limit: int) -> bool:
    """``weighted_length(text) < limit``, reading only a head of a long text when that
    head already reaches the limit."""
    head = text[: limit * 4]
    length = weighted_length(head)
    if length >= limit or len(head) == len(text):
        return length < limit
    return weighted_length(text) < limit


def link_lengths_within(nodes: list[LexborNode], memo: dict[int, int]) -> dict[int, int]:
    """For every element of ``nodes`` that holds an ``<a>`` (or is one): the length of
    the text in its anchors, as ``measures.link_length`` gives it.

    One query per rendered node instead of one per block: each anchor adds its length
    to itself and to its ancestors up to the rendered node it was found in.
    """
    lengths: dict[int, int] = {}
    for root in nodes:
        top = root.mem_id
        if top in lengths:   # inside a node summed already (nodes come in document order)
            continue
        for anchor in anchors(root):
            key = anchor.mem_id
            length = memo.get(key)
            if length is None:
                length = memo[key] = stripped_length(anchor)
            node: LexborNode | None = anchor
            while node is not None:
                key = node.mem_id
                lengths[key] = lengths.get(key, 0) + length
                if key == top:
                    break
                node = node.parent
    return lengths
