"""One walk for a page's elements by tag: the same elements as the parser's own lookups."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract import patterns as P
from scraper.extract.clean import DROP_TAG_NUMBERS, drop_never_content
from scraper.extract.elements import elements_by_tag, tag_numbers
from scraper.extract.meta_tags import STRUCTURED_TAG_NUMBERS

# Pages where a tag name could be read two ways: foreign (SVG, MathML) elements of the
# same name, upper case, prefixed and custom names, template contents, elements outside
# <body> or after </html>, drop tags inside one another, and nothing at all.
TRICKY = [
    "<svg><script>x</script><style>y</style><title>t</title><a>z</a></svg><p>q",
    "<math><mi>x</mi><title>m</title></math><TITLE>T</TITLE><SCRIPT>s</SCRIPT>",
    "<template><script>a</script><meta name=x content=y></template><h1>h</h1>",
    "<select><option>1<option>2</select><noscript><h1>n</h1><script>z</script></noscript>",
    "<div><svg:script>x</svg:script><x-script>y</x-script><my-meta></my-meta></div>",
    "<frameset><noframes><meta name=a content=b></noframes></frameset>",
    "<table><tr><td><select><option>a</select><textarea>t</textarea></table><time datetime=1>",
    "<html><head><meta charset=utf8></head><body><meta name=late content=1><title>2nd</title>",
    "<p>text</p></body></html><script>after</script><!--c--><meta name=z content=q>",
    "<?php echo 1 ?><td><object><embed></object>",
    "<button><select><option>x</option></select></button><audio><video>v</video></audio>",
    "<dialog open>d<map><area></map></dialog><ruby>x<rt>y</rt><rp>(</rp></ruby><canvas>c</canvas>",
    "",
    "plain text",
]
READ_AND_DROPPED = STRUCTURED_TAG_NUMBERS | DROP_TAG_NUMBERS


@pytest.mark.parametrize("html", TRICKY)
def test_elements_are_what_the_parser_finds_by_name(html: str) -> None:
    tree = LexborHTMLParser(html)
    found = elements_by_tag(tree, READ_AND_DROPPED)
    assert set(found) == set(READ_AND_DROPPED.values())
    for name, nodes in found.items():
        assert [node.mem_id for node in nodes] == [node.mem_id for node in tree.tags(name)], name


@pytest.mark.parametrize("html", TRICKY)
def test_drop_leaves_the_tree_strip_tags_leaves(html: str) -> None:
    ours, theirs = LexborHTMLParser(html), LexborHTMLParser(html)
    drop_never_content(ours)
    theirs.strip_tags(list(P.DROP_TAGS))
    assert ours.html == theirs.html


def test_drop_takes_elements_found_before() -> None:
    tree = LexborHTMLParser("<p>kept<script>var a</script><select><option>no</select></p>")
    found = elements_by_tag(tree, READ_AND_DROPPED)
    drop_never_content(tree, None, found)
    assert tree.body is not None and tree.body.text() == "kept"
    assert [node.text() for node in found["script"]] == ["var a"]   # read before the drop


def test_tag_numbers_refuse_names_html_does_not_know() -> None:
    assert set(tag_numbers(("p", "div")).values()) == {"p", "div"}
    with pytest.raises(ValueError):
        tag_numbers(("p", "x-custom"))
    with pytest.raises(ValueError):
        tag_numbers(("p", "p"))
