"""The attribute names that the whole-page queries test, made known to a freshly parsed page.

The CSS engine tests ``[name]`` and ``[name=value]`` by the number the page's table of
attribute names gives ``name``. A name no element of the page carries has no number
there, and the engine then looks the name up again at every element it tests: on such
a page ``[hidden]`` costs twice what it costs where one element has the attribute.
Most pages carry neither ``hidden`` nor ``aria-hidden`` (tested by the hidden elements'
query, on every page) nor ``itemprop`` (by the byline query). Setting them on one
element that is created for the purpose and never put in the tree gives each name its
number once per page; no query can find that element, so what every query finds is
unchanged.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

# The attribute names, outside the engine's built-in table, that a query over the whole
# page tests: ``clean.HIDDEN_SELECTOR`` and ``meta_patterns.ANY_BYLINE_SELECTOR``.
QUERIED_ATTRIBUTES = ("hidden", "aria-hidden", "itemprop")


def parse_page(data: str | bytes) -> LexborHTMLParser:
    """A page parsed for extraction: with QUERIED_ATTRIBUTES named, before anything
    queries it or removes a node from it."""
    tree = LexborHTMLParser(data)
    name_queried_attributes(tree)
    return tree


def name_queried_attributes(tree: LexborHTMLParser) -> None:
    """Give ``tree``'s table of attribute names every one of QUERIED_ATTRIBUTES. Call it
    before the tree loses any node: the element it creates must not take the memory
    (and so the ``mem_id``) of a node removed earlier."""
    holder = tree.create_node("div")   # never inserted: no query or walk reaches it
    for name in QUERIED_ATTRIBUTES:
        holder.attrs[name] = ""
