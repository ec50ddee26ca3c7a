"""``extract`` never raises on odd trees: processing instructions, comments and CDATA
in odd places, unknown and namespaced tags, templates, framesets, SVG and MathML."""

from __future__ import annotations

import html as html_lib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper import Article, extract
from scraper.encoding import looks_binary

# Shrunk examples of big trees are long; hypothesis warns when it prints them.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the strategies below put only where no reader sees them (comments, processing
# instructions): they must never reach the body.
HIDDEN_WORD = "zzhiddenzz"

TAGS = (
    # ordinary structure
    "div", "p", "span", "a", "table", "tbody", "tr", "td", "ul", "li", "h1", "h2",
    "article", "section", "main", "header", "nav", "footer", "center", "font", "b",
    "pre", "blockquote", "figure", "figcaption", "img", "br", "noscript",
    # the odd ones
    "template", "frameset", "frame", "noframes", "iframe", "svg", "math", "mi", "mo",
    "foreignObject", "desc", "title", "text", "g", "annotation-xml", "select", "option",
    "object", "embed", "marquee", "plaintext", "xmp", "textarea", "head", "body", "html",
    "x-widget", "my-element", "o:p", "v:shape", "svg:rect", "st1:chsdate", "w:wrap",
)
ATTRIBUTES = st.sampled_from((
    "", ' class="content"', ' id="main"', ' class="nav"', ' class="footer share"',
    ' style="display:none"', ' hidden', ' xmlns="http://www.w3.org/2000/svg"',
    ' xmlns:o="urn:schemas-microsoft-com:office:office"', ' xlink:href="#a"',
    ' encoding="text/html"', ' align="center"', ' src="/a.jpg"', ' href="/b.html"',
    ' class', ' =x', ' a="<?php ?>"',
))
WORDS = st.sampled_from((
    "新华社北京电，记者从有关部门获悉。", "这是一段很长的正文内容，讲述了事情的经过和结果。",
    "The committee met on Tuesday, and it agreed on the budget.", "首页", "返回顶部",
    "来源：新华社", "2024-08-06 09:47", "&amp;", "&nbsp;", "&#0;", "<", ">", "]]>", "-->",
    "\u3000", "\xa0", "\u200b",
))
# Elements whose contents the parser reads as text, markup included: what sits inside
# them is not hidden.
RAW_TEXT = ("<plaintext", "<xmp", "<noframes", "<iframe", "<noscript", "<textarea", "<title")
# Markup that is not an element: each in its hidden form (the word inside never shows).
NON_ELEMENTS = st.sampled_from((
    f"<?php echo '{HIDDEN_WORD}'; ?>", f"<?xml version='1.0' {HIDDEN_WORD}?>",
    f"<!-- {HIDDEN_WORD} -->", f"<!--{HIDDEN_WORD}--!>", f"<!{HIDDEN_WORD}>",
    f"<?{HIDDEN_WORD}>", "<![CDATA[cdata text]]>", "<!DOCTYPE html>", "<!---->",
    "</>", "</ p>", "<p/>", "<div/>",
))


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(lambda tag, attrs, inner, closed: f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else ""),
                     st.sampled_from(TAGS), ATTRIBUTES, children, st.booleans())


NODES = st.recursive(
    st.one_of(WORDS, NON_ELEMENTS, st.text(max_size=20)),
    lambda children: _element(st.lists(children, max_size=6).map("".join)),
    max_leaves=60,
)
DOCUMENTS = st.lists(NODES, max_size=8).map(lambda parts: "<html><body>" + "".join(parts) + "</body></html>")


def _extract(page: str) -> Article:
    article = extract(page, url="https://example.com/a.html")
    assert isinstance(article, Article)
    return article


@FUZZ
@given(DOCUMENTS)
def test_odd_trees_extract(page: str) -> None:
    body = _extract(page).body
    # Nothing a reader cannot see comes out, and the body's whitespace is normalised.
    if not any(tag in page for tag in RAW_TEXT):
        assert HIDDEN_WORD not in body
    assert body == "\n".join(" ".join(line.split()) for line in body.split("\n"))
    assert "\n\n" not in body


@FUZZ
@given(DOCUMENTS)
def test_odd_trees_as_bytes_extract_the_same(page: str) -> None:
    # Deterministic, and the same whether given as text or as its UTF-8 bytes.
    article = _extract(page)
    assert _extract(page).to_record() == article.to_record()
    data = page.encode("utf-8")
    if not looks_binary(data):   # control characters make bytes binary data, not HTML
        assert _extract(data).body == article.body


PARAGRAPH = "这是一段很长的正文内容，讲述了事情的经过和结果。" * 4


@given(NON_ELEMENTS, st.sampled_from(("td", "p", "div", "li", "span", "a", "svg", "math",
                                      "template", "o:p", "x-widget")))
@FUZZ
def test_non_element_inside_the_article_keeps_the_text(odd: str, tag: str) -> None:
    # ``<?php … ?>`` inside ``<td>`` once stopped rendering; the text around it stays.
    page = (f"<html><body><table><tr><td><p>{PARAGRAPH}</p><{tag}>{odd}</{tag}>"
            f"<p>{PARAGRAPH}</p></td></tr></table></body></html>")
    body = _extract(page).body
    assert PARAGRAPH in body
    assert HIDDEN_WORD not in body


def test_processing_instruction_in_a_cell() -> None:
    page = ("<html><body><table><tr><td><?php echo $x; ?>"
            f"<p>{html_lib.escape(PARAGRAPH)}</p></td></tr></table></body></html>")
    assert _extract(page).body == PARAGRAPH


def test_page_whose_every_block_scores_below_zero() -> None:
    # Found by the fuzzing above: a short page of boilerplate-named blocks only.
    page = '<html><body><ul><B CLASS=NAV><figcaption class="nav">新华社北京电，记者从有关部门获悉。</body></html>'
    assert isinstance(_extract(page), Article)
