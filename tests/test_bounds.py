"""Bounds on hostile pages: what is cut before parsing, what is never cut, and what the
record and the crawl say about it. The hostile pages are made by code
(bench/hostile_pages.py), never stored; only output properties are checked."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import scraper.overrides
from portal import Portal
from scraper import Article, extract
from scraper.cli import main
from scraper.extract import bound_patterns as B
from scraper.extract import depth
from scraper.extract.bounds import ATTRIBUTES, DEPTH, OPTIONS, bound


def _load_pages() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "bench" / "hostile_pages.py"
    spec = importlib.util.spec_from_file_location("hostile_pages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


H = _load_pages()
PARAGRAPH = H.PARAGRAPH
DEEP = B.MAX_DEPTH + 50


def _padded(html: str) -> str:
    """``html`` with enough harmless tags after it that the depth scan runs."""
    return html + "<br>" * (B.DEPTH_SCAN_MIN_TAGS + 1)


# ---- the four hostile pages, at full size ----

def test_nested_divs_keep_the_paragraph_and_say_depth_was_cut() -> None:
    article = extract(H.nested_divs())
    assert article.body == PARAGRAPH
    assert article.truncated == (DEPTH,)
    assert article.to_record()["truncated"] == ["depth"]


def test_unclosed_blocks_keep_every_line() -> None:
    count = 50_000
    article = extract(H.unclosed_blocks(count))
    lines = article.body.split("\n")
    assert lines[-1] == PARAGRAPH
    # Each dropped block is still a line; the chosen block is the deep one holding
    # nearly all of them (those nested above it are outside it).
    assert set(lines[:-1]) == {"段落文字"}
    assert count - B.MAX_DEPTH <= len(lines) - 1 <= count
    assert article.truncated == (DEPTH,)


def test_attribute_flood_keeps_the_article() -> None:
    article = extract(H.attribute_flood())
    assert article.body == "\n".join([PARAGRAPH] * 20)
    assert article.truncated == (ATTRIBUTES,)


def test_huge_article_is_read_whole_and_not_cut() -> None:
    sections = 70_000
    article = extract(H.huge_article(sections))
    lines = article.body.split("\n")
    paragraphs = [line for line in lines if line.endswith(PARAGRAPH)]
    assert [p.split("：")[0] for p in paragraphs] == [str(n) for n in range(sections)]
    assert lines[0] == "第0节" and lines[-1].startswith(f"{sections - 1}：")
    assert article.truncated == ()
    assert "truncated" not in article.to_record()


# ---- what the cut does ----

def test_text_below_the_depth_bound_keeps_its_order_and_lines() -> None:
    page = _padded("<html><body>" + "<div>" * DEEP + "<p>一</p><div>二</div><span>三</span>四"
                   + "</div>" * DEEP + "<p>五</p></body></html>")
    article = extract(page)
    assert article.body == "一\n二\n三四\n五"
    assert article.truncated == (DEPTH,)


def test_depth_cut_drops_only_tags_below_the_bound() -> None:
    page = _padded("<div>" * DEEP + "x" + "</div>" * DEEP)
    cut = bound(page)
    assert cut.cuts == (DEPTH,)
    assert cut.text.count("<div>") == B.MAX_DEPTH and cut.text.count("</div>") == B.MAX_DEPTH


def test_attributes_past_the_bound_are_dropped_and_the_tag_closed() -> None:
    attrs = " ".join(f'a{i}="{i}"' for i in range(B.MAX_ATTRIBUTES + 700))
    page = f"<div id=top {attrs}><p>{PARAGRAPH}</p></div>" + " x=1" * B.ATTRIBUTE_SCAN_MIN_EQUALS
    cut = bound(page)
    assert cut.cuts == (ATTRIBUTES,)
    assert f'a{B.MAX_ATTRIBUTES - 2}="' in cut.text and f'a{B.MAX_ATTRIBUTES}="' not in cut.text
    assert f"><p>{PARAGRAPH}</p></div>" in cut.text


def test_a_select_keeps_its_first_options() -> None:
    options = 3 * B.MAX_SELECT_OPTIONS
    page = _padded(f"<p>{PARAGRAPH}</p><select>" + "<option>choice" * options + "</select>")
    cut = bound(page)
    assert cut.cuts == (OPTIONS,)
    assert cut.text.count("<option>") == B.MAX_SELECT_OPTIONS
    article = extract(page)
    assert article.body == PARAGRAPH and article.truncated == (OPTIONS,)


def test_tables_nested_in_cells_keep_their_text() -> None:
    count = 3_000
    page = _padded("<html><body>" + "<table><tr><td>" * count + f"<p>{PARAGRAPH}</p>")
    article = extract(page)
    assert article.body == PARAGRAPH and article.truncated == (DEPTH,)


def _elements(html: str) -> tuple[int, Counter[str]]:
    """The depth of the parsed page's tree, and its elements by tag."""
    tree = LexborHTMLParser(html)
    tags: Counter[str] = Counter()
    deepest = 0
    stack = [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if node.tag != "-text":
            tags[node.tag] += 1
        child = node.child
        while child is not None:
            stack.append((child, depth + 1))
            child = child.next
    return deepest, tags


def test_deeper_nested_tables_add_nothing_past_the_cut() -> None:
    # Below the bound a table's rows and cells are dropped too: they would be rows of
    # the deepest table kept, thousands of them, not flat text.
    cut = bound(H.nested_tables(5_000))
    assert cut.text == bound(H.nested_tables(10_000)).text and cut.cuts == (DEPTH,)
    depth, tags = _elements(cut.text)
    assert tags["table"] <= B.MAX_DEPTH and tags["tr"] < B.MAX_DEPTH
    assert extract(H.nested_tables(5_000)).body == PARAGRAPH


def test_flat_text_is_text_and_line_breaks() -> None:
    # Below the bound only text and line breaks are left: one line per dropped block,
    # and no element for the parser or the renderer to walk but the breaks.
    count = 6_000
    depth, tags = _elements(bound(H.unclosed_blocks(count)).text)
    assert depth <= B.MAX_DEPTH + 3
    assert count - B.MAX_DEPTH <= tags.pop("br") <= count
    assert sum(tags.values()) <= 2 * B.MAX_DEPTH


def _lines_run(page: str) -> int:
    """The lines of Python run to extract ``page``: the engine's work, counted."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        extract(page)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("build", [H.nested_divs, H.unclosed_blocks, H.nested_tables],
                         ids=["nested-divs", "unclosed-blocks", "nested-tables"])
def test_work_grows_linearly_with_the_depth(build: Callable[[int], str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # Twice the nesting, at most about twice the work: the cut, the flat text's lines and
    # what is left of the tree all grow linearly (counted in lines of Python run, not
    # time). Below the bound generated nesting takes a few steps whatever its depth, each
    # a bounded number of regex and string passes over the page.
    monkeypatch.setattr(B, "DEPTH_SCAN_MIN_TAGS", 1_000)
    small, large = _lines_run(build(1_500)), _lines_run(build(3_000))
    assert large <= 2.2 * small


def _crossing(count: int) -> str:
    """A page whose open elements cross the bound at every other tag."""
    return "<body>" + "<div>" * B.MAX_DEPTH + "<div>x</div>" * count


def _deep_links(count: int) -> str:
    """Links below the bound, each closing the one before."""
    return "<body>" + "<div>" * B.MAX_DEPTH + "<a href=#>x" * count


def _mismatched_ends(count: int) -> str:
    """Nesting below the bound closed by end tags in another order."""
    return "<body>" + "<div><span>" * count + "x" + "</div>" * count


@pytest.mark.parametrize("build", [_crossing, _deep_links, _mismatched_ends],
                         ids=["crossing", "deep-links", "mismatched-ends"])
def test_tags_read_one_by_one_grow_linearly(build: Callable[[int], str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # Pages where the tags below the bound must be read one by one: still linear.
    monkeypatch.setattr(B, "DEPTH_SCAN_MIN_TAGS", 1_000)
    small, large = _lines_run(build(1_500)), _lines_run(build(3_000))
    assert small < large <= 2.2 * small
    assert bound(_padded(build(1_500))).cuts == (DEPTH,)


@pytest.mark.parametrize("page", [
    # tags inside scripts, comments and styles are not elements
    _padded("<div><script>" + "<div>" * DEEP + "</script><p>text</p></div>"),
    _padded("<div><!--" + "<div>" * DEEP + "--><p>text</p></div>"),
    _padded("<style>" + "<div>" * DEEP + "</style><p>text</p>"),
    # elements whose end tag may be left out, void and self-closed ones never nest
    _padded("<ul>" + "<li>item" * DEEP + "</ul>"),
    _padded("<table>" + "<tr><td>cell" * DEEP + "</table>"),
    _padded("<svg>" + '<path d="M0 0"/>' * DEEP + "</svg>"),
    _padded("<p>" + "line<br>" * DEEP),
    # closed elements, however many; a link or a button closes the one open
    _padded("<div><span>x</span></div>" * DEEP),
    _padded("<p>" + "<a href=#>link" * DEEP + "</p>"),
    _padded("<button>a" * DEEP),
    # a select of fewer options than the bound
    _padded("<select>" + "<option>x" * B.MAX_SELECT_OPTIONS + "</select>"),
    # long tags with few attributes (a data: image, inline JSON)
    '<img src="data:image/png;base64,' + "A" * 50_000 + '">' + " x=1" * 5_000,
    "<div data-state='" + '{"a": 1, "b": 2} ' * 5_000 + "'>text</div>" + " x=1" * 5_000,
], ids=["script", "comment", "style", "li", "td", "svg-paths", "br", "closed", "unclosed-links",
        "unclosed-buttons", "select", "data-image", "json-attribute"])
def test_normal_structures_are_never_cut(page: str) -> None:
    assert bound(page).cuts == ()
    assert bound(page).text is page


@pytest.mark.parametrize("page", [
    "<div>" * 13_000 + "正文" * 100,                        # deep, with CJK text
    "<p " + " ".join(f"a{i}='值{i}'" for i in range(300)) + ">文字</p>",   # crowded tag
    "<p>" + "长的文字段落没有标签" * 2_000 + "</p>",              # sparse: text, few tags
    "<p>\ud800 = < x</p>",                                # a lone surrogate
])
def test_counts_from_the_utf8_given_are_the_texts(page: str) -> None:
    # The caller's UTF-8 (the page as it came, or as the parser will read it) gives the
    # cuts the text itself gives.
    given = bound(page, page.encode("utf-8", "ignore"))
    assert (given.text, given.cuts) == (bound(page).text, bound(page).cuts)


def test_small_pages_are_not_scanned() -> None:
    page = "<div>" * 1_000 + "x"   # deeper than the bound, but too few tags to be slow
    assert bound(page).text is page


# ---- what the crawl says ----

def test_crawl_logs_a_cut_page_and_writes_its_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    real = scraper.overrides.extract_page
    cut_urls: list[str] = []

    def extract_page(content: bytes, url: str, *args: Any, **kwargs: Any) -> Any:
        article = real(content, url, *args, **kwargs)
        if not cut_urls and article.body:
            cut_urls.append(url)
            article.truncated = (DEPTH,)   # as bound() reports it for a deep page
        return article

    monkeypatch.setattr(scraper.overrides, "extract_page", extract_page)
    with Portal(tmp_path) as portal:
        main(["crawl", "-c", str(portal.config)])
        records = {r["crawl"]["url"]: r for r in portal.records()}
    (url,) = cut_urls
    assert records[url]["truncated"] == ["depth"]
    assert all("truncated" not in r for u, r in records.items() if u != url)
    (warning,) = [r for r in caplog.records if "cut before extraction" in r.getMessage()]
    assert warning.levelname == "WARNING" and url in warning.getMessage()
    assert "depth" in warning.getMessage()


def test_attribute_flood_with_markup_in_its_values_is_cut_too() -> None:
    attrs = " ".join(f'a{i}="<b>"' for i in range(B.MAX_ATTRIBUTES * 4))
    article = extract(f"<div {attrs}><p>{PARAGRAPH}</p></div>" + " x=1" * B.ATTRIBUTE_SCAN_MIN_EQUALS)
    assert article.truncated == (ATTRIBUTES,)
    assert PARAGRAPH in article.body


# ---- the cut keeps every character of text ----

NESTING_TAGS = ("div", "span", "section", "font", "b", "blockquote", "ul", "table", "svg",
                "x-item", "o:p")


def _text_of(html: str) -> str:
    """The characters outside tags, without whitespace (the tags built below hold no '>'
    in their attributes)."""
    return "".join(re.sub(r"<[^>]*>", "", html).split())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(NESTING_TAGS), st.booleans(),
                          st.text(alphabet="ab 甲乙", max_size=4)),
                min_size=1, max_size=40),
       st.integers(min_value=B.MAX_DEPTH - 20, max_value=B.MAX_DEPTH + 300))
def test_depth_cut_keeps_every_character_of_text(steps: list[tuple[str, bool, str]],
                                                 depth: int) -> None:
    # ``depth`` open elements, then random nesting with text, some closed, some not.
    parts = ["<div>"] * depth
    for tag, closed, text in steps:
        parts.append(f"<{tag} class=c>{text}" + (f"</{tag}>" if closed else ""))
    page = _padded("".join(parts) + "</div>" * depth)
    cut = bound(page)
    assert _text_of(cut.text) == _text_of(page)
    assert (DEPTH in cut.cuts) == (cut.text is not page)
    assert isinstance(extract(page), Article)


def test_attributes_without_values_are_bounded_too() -> None:
    attrs = " ".join(f"a{i}" for i in range(B.MAX_ATTRIBUTES * 100))
    article = extract(f"<html><body><div {attrs}><p>{PARAGRAPH}</p></div></body></html>")
    assert article.truncated == (ATTRIBUTES,)
    assert article.body == PARAGRAPH


def test_a_page_crowded_with_attributes_keeps_fewer_on_each_tag(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # As on a 40 MB page of elements with 200 attributes each, on a smaller one.
    monkeypatch.setattr(B, "MANY_ATTRIBUTES", 5_000)
    element = "<div " + " ".join(f'a{i}="{i}"' for i in range(60)) + f"><p>{PARAGRAPH}</p></div>"
    page = "<html><body>" + element * 100 + "</body></html>"
    cut = bound(page)
    assert cut.cuts == (ATTRIBUTES,)
    last = B.MAX_ATTRIBUTES_CROWDED_PAGE - 1
    assert cut.text.count(f'a{last}="{last}">') == 100 and f'a{last + 1}=' not in cut.text
    assert extract(page).body == "\n".join([PARAGRAPH] * 100)


# ---- the two readings of the depth cut agree ----

# Tags of every kind the rules tell apart: blocks, inline elements, end tags that may be
# left out, void and self-closed ones, links and buttons, selects and options, names in
# other cases (and the Kelvin sign, which lowers to a k), raw-text look-alikes.
FUZZ_TAGS = ("div", "DIV", "span", "p", "li", "td", "tr", "table", "a", "A", "button", "nobr",
             "select", "option", "optgroup", "br", "img", "hr", "section", "b", "x-item", "o:p",
             "h2", "scripts", "titlex", "\u212aey")
FUZZ_PIECES = st.one_of(
    st.builds("<{}{}>".format, st.sampled_from(FUZZ_TAGS),
              st.sampled_from(["", " class=c", "/", " a='/'", " x=<y", ' t=">"'])),
    st.builds("</{}{}>".format, st.sampled_from(FUZZ_TAGS), st.sampled_from(["", " ", " x=<z"])),
    st.sampled_from(["a", " ", "\n", "甲乙", " b ", "<", "< x", "&nbsp;", "<!DOCTYPE html>",
                     "<!-- c -->", "<!-- <div> -->", "<!--", "<script>var a='<div>';</script>",
                     "<style>p{}</style>", "<SCRIPT>x</script >", "<title>t<div></title>"]),
    # runs as generated nesting has them
    st.sampled_from(["<div>" * 12, "</div>" * 12, "<div>\n" * 12, "</div>\n" * 12,
                     "<div><span><p>t" * 6, "</span></div>" * 6, "<a>x" * 8, "<option>o" * 8]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(FUZZ_PIECES, max_size=60), limit=st.integers(min_value=1, max_value=10),
       end=st.sampled_from(["", "<div class="]))
def test_both_readings_cut_the_same(pieces: list[str], limit: int, end: str) -> None:
    # A small bound, so that short pages cross it, leave it and cross it again, and few
    # options to a select, so that they are cut too.
    page = "".join(pieces) + end
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(B, "MAX_SELECT_OPTIONS", 3)
        assert depth.flatten(page, limit) == depth.flatten_tokens(page, limit)


@pytest.mark.parametrize("build", [H.nested_divs, H.unclosed_blocks, H.nested_tables],
                         ids=["nested-divs", "unclosed-blocks", "nested-tables"])
def test_generated_nesting_is_not_read_tag_by_tag(build: Callable[[int], str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    page = build(3_000)
    expected = depth.flatten_tokens(page, B.MAX_DEPTH)

    def tag_by_tag(text: str, limit: int) -> None:
        raise AssertionError("read tag by tag")

    monkeypatch.setattr(depth, "flatten_tokens", tag_by_tag)
    assert depth.flatten(page, B.MAX_DEPTH) == expected is not None
