"""A page's elements of given tags, found in one walk over the whole document.

The parser's ``tree.tags(name)`` (and ``strip_tags``, built on it) walks the whole
document once per name and compares every element's name with it. Metadata reads
five tags (``<meta>``, ``<script>``, ``<title>``, ``<h1>``, ``<time>``) and drops the
never-content ones (``patterns.DROP_TAGS``, eighteen more) from the same fresh tree:
one walk that tells elements apart by the parser's tag numbers finds all of them for
the cost of three of the parser's walks.
"""

from __future__ import annotations

from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements by tag name: each name's elements in document order.
ByTag = dict[str, list[LexborNode]]
# Tag names by the parser's number for them (see ``tag_numbers``).
TagNumbers = dict[int, str]


def tag_numbers(names: Iterable[str]) -> TagNumbers:
    """The tag names by the parser's numbers for them. Each must be a tag of HTML, whose
    number is fixed: a name HTML does not know gets a number of its own in each page."""
    names = tuple(names)
    fresh, other = LexborHTMLParser(""), LexborHTMLParser("")
    other.create_node("x-unknown")   # would take the number an unknown name gets
    numbers = {fresh.create_node(name).tag_id: name for name in names}
    if len(numbers) != len(names) or \
            any(other.create_node(name).tag_id != number for number, name in numbers.items()):
        raise ValueError(f"tag names repeated or unknown to HTML: {names}")
    return numbers


def elements_by_tag(tree: LexborHTMLParser, numbers: TagNumbers) -> ByTag:
    """For each name of ``numbers``, what ``tree.tags(name)`` gives: its elements in
    the whole document, in document order."""
    found: ByTag = {name: [] for name in numbers.values()}
    root = tree.root
    if root is None:
        return found
    document = root.parent or root   # where the parser's own search starts
    for node in document.traverse():
        name = numbers.get(node.tag_id)
        if name is not None:
            found[name].append(node)
    return found
