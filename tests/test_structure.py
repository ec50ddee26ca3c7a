"""Markdown and clean HTML of the article: the same blocks as ``body``, with structure.

Markdown is checked through a real CommonMark/GFM parser (markdown-it-py): what we
write is parsed back and its headings, table cells, list items and pictures compared
with the source article. HTML is checked with the project's parser (selectolax).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

from scraper import extract

ROOT = Path(__file__).resolve().parent.parent
STRUCTURE_PAGE = ROOT.parent / "shared" / "pages" / "structure.html"
STRUCTURE_URL = "https://www.gl.gov.cn/zwgk/tzgg/202407/t20240715_1.html"
SAMPLES = sorted(p for p in (ROOT / "samples" / "pages").iterdir() if (p / "source.html").is_file())
# The tags and attributes clean HTML may hold.
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "thead",
                "tbody", "tr", "th", "td", "blockquote", "pre", "code", "figure", "img",
                "figcaption", "strong", "em", "a", "br"}
ALLOWED_ATTRIBUTES = {"href", "src", "alt", "colspan", "rowspan"}

GFM = MarkdownIt("commonmark").enable("table")


def markdown_html(markdown: str) -> LexborHTMLParser:
    """Our Markdown as a GFM reader sees it."""
    return LexborHTMLParser(f"<html><body>{GFM.render(markdown)}</body></html>")


def words(text: str) -> str:
    return " ".join(text.split())


def text_of(tree: LexborHTMLParser) -> str:
    """The text a reader sees, captions left out: they are ``images``, not ``body``."""
    for caption in tree.css("figcaption"):
        caption.decompose()
    body = tree.body
    return words(body.text(deep=True, separator=" ")) if body is not None else ""


@cache
def structure_page():  # type: ignore[no-untyped-def]
    return extract(STRUCTURE_PAGE.read_bytes(), url=STRUCTURE_URL, markdown=True, html=True)


def _source_article() -> LexborHTMLParser:
    return LexborHTMLParser(STRUCTURE_PAGE.read_bytes()).css_first("#zoom")


# ---------------------------------------------------------------- the structure page

def test_structure_page_headings_keep_their_levels() -> None:
    tree = markdown_html(structure_page().markdown)
    headings = [(node.tag, words(node.text())) for node in tree.css("h1, h2, h3, h4, h5, h6")]
    source = [(node.tag, words(node.text())) for node in _source_article().css("h2, h3")]
    assert headings == source   # h2 stays above h3; the headline is not repeated


def test_structure_page_table_is_a_pipe_table_with_its_cells() -> None:
    tree = markdown_html(structure_page().markdown)
    ours = [[words(c.text()) for c in row.css("th, td")] for row in tree.css("table tr")]
    source = [[words(c.text()) for c in row.css("th, td")]
              for row in _source_article().css("table tr")]
    assert ours == source
    assert tree.css_first("table thead th") is not None


def test_structure_page_lists_are_lists() -> None:
    tree = markdown_html(structure_page().markdown)
    for kind in ("ol", "ul"):
        ours = [words(li.text()) for li in tree.css(f"{kind} > li")]
        source = [words(li.text()) for li in _source_article().css(f"{kind} > li")]
        assert ours == source and len(ours) == 3


def test_structure_page_quote_and_picture() -> None:
    tree = markdown_html(structure_page().markdown)
    quote = tree.css_first("blockquote")
    assert quote is not None and "留改拆" in quote.text()
    image = tree.css_first("img")
    assert image is not None
    assert image.attributes["src"] == "https://www.gl.gov.cn/images/2024/07/road.jpg"


def test_structure_page_body_has_a_line_per_table_row() -> None:
    body = structure_page().body.split("\n")
    assert "街道\t常住人口(万人)\t增长率" in body
    assert "东街街道\t6.8\t1.2%" in body
    assert "分享到" not in structure_page().body and "相关信息" not in structure_page().body


def test_structure_page_html_has_the_same_structure() -> None:
    tree = LexborHTMLParser(structure_page().html)
    assert [n.tag for n in tree.css("h2, h3")] == ["h2", "h3", "h3", "h2"]
    assert len(tree.css("table tbody tr")) == 3 and len(tree.css("table thead th")) == 3
    assert len(tree.css("ol > li")) == 3 and len(tree.css("ul > li")) == 3
    assert tree.css_first("blockquote") is not None
    figure = tree.css_first("figure img")
    assert figure is not None and figure.attributes["src"].startswith("https://www.gl.gov.cn/")


# ---------------------------------------------------------------- every sample page

def _sample(path: Path):  # type: ignore[no-untyped-def]
    url = json.loads((path / "expected.json").read_text(encoding="utf-8")).get("url") \
        if (path / "expected.json").is_file() else None
    return extract((path / "source.html").read_bytes(), url=url, markdown=True, html=True)


@pytest.mark.parametrize("path", [*SAMPLES, STRUCTURE_PAGE.parent],
                         ids=[p.name for p in SAMPLES] + ["structure"])
def test_markdown_and_html_hold_exactly_the_body(path: Path) -> None:
    article = structure_page() if path == STRUCTURE_PAGE.parent else _sample(path)
    body = words(article.body)
    assert text_of(markdown_html(article.markdown)) == body
    assert text_of(LexborHTMLParser(f"<html><body>{article.html}</body></html>")) == body


@pytest.mark.parametrize("path", [*SAMPLES, STRUCTURE_PAGE.parent],
                         ids=[p.name for p in SAMPLES] + ["structure"])
def test_html_holds_only_structural_tags_and_attributes(path: Path) -> None:
    article = structure_page() if path == STRUCTURE_PAGE.parent else _sample(path)
    tree = LexborHTMLParser(f"<html><body>{article.html}</body></html>")
    for node in tree.body.traverse():
        if node.tag in ("body", "-text"):
            continue
        assert node.tag in ALLOWED_TAGS
        assert set(node.attributes) <= ALLOWED_ATTRIBUTES


def test_seed_page_bold_subheads_stay_marked() -> None:
    page = ROOT / "samples" / "pages" / "seed-fznews-gbk"
    markdown = _sample(page).markdown
    assert "**重塑机制**" in markdown.split("\n")
    tree = markdown_html(markdown)
    assert "重塑机制" in [words(n.text()) for n in tree.css("p > strong")]


# ---------------------------------------------------------------- rules, one page each

ARTICLE = ("<html><body><div class='nav'><a href='/'>Home</a></div><article>{}</article>"
           "</body></html>")
PROSE = ("The council met on Tuesday and agreed on the budget for the coming year, "
         "after a long debate about roads, schools and the new library. ")


def md(inner: str, url: str | None = "https://example.com/news/a.html", **flags: bool) -> str:
    return extract(ARTICLE.format(f"<p>{PROSE}</p>{inner}<p>{PROSE}</p>"), url,
                   markdown=True, **flags).markdown or ""


def test_records_keep_their_keys_unless_structure_is_asked_for() -> None:
    page = ARTICLE.format(f"<p>{PROSE}</p>")
    plain = extract(page).to_record()
    assert "markdown" not in plain and "html" not in plain
    keys = list(extract(page, markdown=True, html=True).to_record())
    assert keys[keys.index("body") + 1: keys.index("body") + 3] == ["markdown", "html"]


def test_relative_heading_levels() -> None:
    text = md("<h3>Section</h3><p>" + PROSE + "</p><h4>Detail</h4><p>" + PROSE + "</p>")
    assert "## Section" in text.split("\n") and "### Detail" in text.split("\n")


def test_nested_lists_are_indented_and_parse_as_nested() -> None:
    text = md("<ul><li>one<ul><li>inner a</li><li>inner b</li></ul></li><li>two</li></ul>"
              "<ol><li>first</li><li>second</li></ol>")
    tree = markdown_html(text)
    assert [words(n.text()) for n in tree.css("ul ul > li")] == ["inner a", "inner b"]
    assert [words(n.text()) for n in tree.css("ol > li")] == ["first", "second"]


def test_pre_is_a_fenced_block_that_keeps_its_lines() -> None:
    text = md("<pre>def f():\n    return 1 * 2</pre>")
    code = markdown_html(text).css_first("pre code")
    assert code is not None and code.text() == "def f():\n    return 1 * 2\n"


@pytest.mark.parametrize("sentence", [
    "Pipes | inside * stars and _underscores_ stay text.",
    "# not a heading",
    "1. not a list item",
    "- not a bullet",
    "> not a quote",
    "[not](a link) and `not code` and <b>not html</b> &amp; entity",
], ids=["inline", "heading", "ordered", "bullet", "quote", "link-code-html"])
def test_markdown_syntax_in_text_is_escaped(sentence: str) -> None:
    from html import escape
    text = md(f"<p>{escape(sentence)}</p>")
    tree = markdown_html(text)
    assert sentence in [words(p.text()) for p in tree.css("p")]
    assert tree.css_first("h1, ol, ul, blockquote, code, a, b") is None


def test_emphasis_and_links() -> None:
    inner = ("<p>A <strong>bold</strong> word, an <em>emphasis</em> and "
             "<a href='/other.html'>a link</a> in a sentence of the article.</p>")
    plain = md(inner)
    assert "**bold**" in plain and "*emphasis*" in plain
    assert "](" not in plain and "a link" in plain
    linked = md(inner, links=True)
    assert "[a link](https://example.com/other.html)" in linked
    relative = md(inner, url=None, links=True)
    assert "[a link](/other.html)" in relative


def test_unsafe_links_and_markup_never_reach_the_html() -> None:
    inner = ("<p onclick='x()' style='color:red'>Click <a href='javascript:alert(1)'>here</a>"
             " or <a href='https://example.com/ok'>there</a> <script>alert(2)</script></p>")
    html = extract(ARTICLE.format(f"<p>{PROSE}</p>{inner}"), "https://example.com/a",
                   html=True, links=True).html or ""
    assert "javascript:" not in html and "onclick" not in html and "script" not in html
    assert 'href="https://example.com/ok"' in html


def test_a_stated_body_has_markdown_and_html_too() -> None:
    # A page a script fills in: the body is the JSON-LD articleBody, not a rendering,
    # and asking for structure still gives its paragraphs.
    import json as _json
    stated = [PROSE * 2, "A second paragraph with a * star and a | pipe. " + PROSE]
    page = ("<html><head><title>T</title><script type='application/ld+json'>"
            + _json.dumps({"@type": "NewsArticle", "headline": "T",
                           "articleBody": "\n".join(stated)})
            + "</script></head><body><div id='root'></div></body></html>")
    article = extract(page, "https://example.com/a", markdown=True, html=True)
    assert article.body.split("\n") == [" ".join(s.split()) for s in stated]
    assert [words(p.text()) for p in markdown_html(article.markdown).css("p")] == \
        article.body.split("\n")
    assert [words(p.text()) for p in LexborHTMLParser(article.html).css("p")] == \
        article.body.split("\n")
