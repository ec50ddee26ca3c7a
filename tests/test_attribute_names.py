"""Naming the queried attributes on a page changes no query's answer, only its cost."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.attribute_names import QUERIED_ATTRIBUTES, name_queried_attributes, parse_page
from scraper.extract.clean import HIDDEN_SELECTOR, hidden_elements
from scraper.extract.meta_patterns import ANY_BYLINE_SELECTOR

PAGES = {
    "none": "<p>Plain text, no attribute the queries test.</p><div class=x>more</div>",
    "upper-case-values": '<div aria-hidden="TRUE">a</div><p HIDDEN>b</p>'
                         '<span itemprop="Author">c</span><div aria-hidden="true">d</div>',
    "several": '<div hidden>a<p hidden>b</p></div><p aria-hidden="true">c</p>'
               '<span itemprop="author"><b itemprop="name">Jane</b></span>'
               '<a rel="Author" itemprop="author">John</a><p class="byline">By them</p>',
    "empty-values": '<p hidden="">a</p><p aria-hidden="">b</p><p itemprop="">c</p>',
    "in-svg": '<svg><g hidden><text itemprop="author">x</text></g></svg><p>text</p>',
}
QUERIES = [HIDDEN_SELECTOR, ANY_BYLINE_SELECTOR, "[hidden]", '[aria-hidden="true"]',
           "[itemprop=author] [itemprop=name]", "[itemprop]", "*"]


def found(tree: LexborHTMLParser, query: str) -> list[str]:
    return [node.html or "" for node in tree.css(query)]


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("query", QUERIES)
def test_query_finds_the_same_elements_in_the_same_order(page: str, query: str) -> None:
    plain, named = LexborHTMLParser(page), LexborHTMLParser(page)
    name_queried_attributes(named)
    assert found(named, query) == found(plain, query)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_hidden_elements_unchanged(page: str) -> None:
    plain, named = LexborHTMLParser(page), LexborHTMLParser(page)
    name_queried_attributes(named)
    assert plain.body is not None and named.body is not None
    assert [n.html for n in hidden_elements(named.body)] == [n.html for n in hidden_elements(plain.body)]


def test_the_named_element_is_not_in_the_page() -> None:
    page = PAGES["several"]
    plain, named = LexborHTMLParser(page), LexborHTMLParser(page)
    name_queried_attributes(named)
    assert named.html == plain.html
    assert len(named.css("div")) == len(plain.css("div"))
    for name in QUERIED_ATTRIBUTES:
        assert all(node.tag != "div" or node.attributes.get(name) != ""
                   for node in named.css(f"[{name}]"))


def test_upper_case_values_match_as_before() -> None:
    tree = LexborHTMLParser(PAGES["upper-case-values"])
    name_queried_attributes(tree)
    # aria-hidden and itemprop compare exactly: "TRUE" and "Author" are not matched.
    assert found(tree, '[aria-hidden="true"]') == ['<div aria-hidden="true">d</div>']
    assert found(tree, "[itemprop=author]") == []
    assert found(tree, "[hidden]") == ['<p hidden="">b</p>']


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_a_page_parsed_for_extraction_reads_as_the_plain_parse(page: str) -> None:
    plain, parsed = LexborHTMLParser(page), parse_page(page)
    assert parsed.html == plain.html
    for query in QUERIES:
        assert found(parsed, query) == found(plain, query)
