"""``extract`` never raises on HTML, however broken; only binary bytes are NotHTMLError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper import Article, NotHTMLError, extract
from scraper.encoding import looks_binary

# Examples per property: enough to find crashes, small enough for a fast suite.
EXAMPLES = 100
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Pieces of markup that random documents are built from: the structures extractors
# trip over (unclosed and misnested tags, comments, CDATA, scripts, entities, tables).
TAGS = ("div", "p", "span", "a", "table", "tr", "td", "ul", "li", "h1", "br", "img",
        "script", "style", "article", "section", "font", "center", "b", "noscript")
FRAGMENTS = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(TAGS).map(lambda t: f'<{t} class="content" id="x">'),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "&nbsp;", "&#0;", "&#x110000;",
                     "&amp", "<", ">", "<!DOCTYPE html>", "<meta charset='gb2312'>",
                     "<title>", "<html>", "<body>", "\x00", "\u3000", "来源：新华社",
                     "2024-08-06 09:47", "【责任编辑:徐匆】"]),
    st.text(max_size=40),
)
HTML_LIKE = st.lists(FRAGMENTS, max_size=60).map("".join)


def _allowed(data: bytes) -> Article | None:
    """Extract ``data``; NotHTMLError is allowed only for binary bytes."""
    try:
        return extract(data)
    except NotHTMLError:
        assert looks_binary(data), "NotHTMLError on bytes that are not binary"
        return None


@FUZZ
@given(st.text())
def test_any_text_extracts(text: str) -> None:
    assert isinstance(extract(text), Article)


@FUZZ
@given(HTML_LIKE)
def test_html_like_text_extracts(html: str) -> None:
    assert isinstance(extract(html, url="https://example.com/a.html"), Article)


@FUZZ
@given(st.lists(st.one_of(FRAGMENTS, st.sampled_from(["\xa0", "\u2003", "\x1c", "\t\r\n", "\u200b"])),
                max_size=60).map("".join))
def test_body_whitespace_is_normalised(html: str) -> None:
    # Spaces between words and line breaks between paragraphs are the only whitespace
    # a body holds (the spread check counts characters by that).
    body = extract(f"<html><body><div>{html}</div></body></html>").body
    assert body == "\n".join(" ".join(line.split()) for line in body.split("\n"))
    assert "\n\n" not in body and not body.startswith("\n") and not body.endswith("\n")


@FUZZ
@given(HTML_LIKE, st.sampled_from(["utf-8", "gb18030", "utf-16", "big5hkscs"]))
def test_html_like_bytes_extract(html: str, codec: str) -> None:
    data = html.encode(codec, "replace")
    _allowed(data)


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_extract_or_are_binary(data: bytes) -> None:
    _allowed(data)


@FUZZ
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=400))
def test_printable_text_as_utf8_bytes_is_never_binary(text: str) -> None:
    assert isinstance(extract(text.encode("utf-8")), Article)


def _nested(depth: int) -> str:
    return "<div>" * depth + "<p>deep paragraph with words</p>" + "</div>" * depth


def _big_page() -> str:
    """Over 5 MB: 1 MB of paragraphs and a 4 MB inline script (a page's embedded state)."""
    paragraph = "<p>" + "正文内容，长段落。" * 60 + "</p>\n"
    state = "<script>window.__STATE__ = '" + "x" * 4_200_000 + "';</script>"
    return "<html><body><article>" + paragraph * 650 + "</article>" + state + "</body></html>"


NASTY = {
    "empty": "",
    "whitespace": " \n\t\r\u3000\xa0 ",
    "nested-divs-10000": _nested(10_000),
    "nested-unclosed-10000": "<div><span>" * 5_000 + "text",
    "unclosed-tags": "<html><body><div><p>one<p>two<table><tr><td>three<b><i>four",
    "nul-bytes": "<html><body><p>a\x00b</p>\x00<div>\x00</div></body></html>",
    "only-comment": "<!-- nothing here -->",
    "only-script": "<script>var a = '<p>not text</p>';</script>",
    "lone-surrogate": "<p>\ud800 broken</p>",
    "big-page-5mb": _big_page(),
}


def _extract_shallow(html: str | bytes) -> Article:
    """``extract``, with a RecursionError reported in one line: pytest takes minutes to
    analyse a traceback thousands of frames deep."""
    try:
        return extract(html)
    except RecursionError as exc:
        problem = f"RecursionError: {exc}"
    pytest.fail(problem, pytrace=False)  # outside the handler: no chained traceback


@pytest.mark.parametrize("html", list(NASTY.values()), ids=list(NASTY))
def test_nasty_text(html: str) -> None:
    assert isinstance(_extract_shallow(html), Article)


@pytest.mark.parametrize("html", list(NASTY.values()), ids=list(NASTY))
def test_nasty_bytes(html: str) -> None:
    assert isinstance(_extract_shallow(html.encode("utf-8", "surrogatepass")), Article)


def test_big_page_is_over_5_mb() -> None:
    assert len(NASTY["big-page-5mb"].encode("utf-8")) > 5_000_000


def test_empty_input_gives_empty_body() -> None:
    assert extract(b"").body == ""
    assert extract("").body == ""


def test_nested_divs_keep_their_text() -> None:
    assert "deep paragraph" in _extract_shallow(_nested(10_000)).body


def test_nul_bytes_do_not_cut_the_text() -> None:
    body = extract("<html><body><p>a\x00b</p><p>after</p></body></html>").body
    assert "a" in body and "b" in body and "after" in body
