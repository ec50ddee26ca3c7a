"""DOM pruning: never-content tags, hidden elements and boilerplate-hinted blocks go."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract import hint_patterns as H
from scraper.extract.clean import HIDDEN_SELECTOR, hidden_elements, class_hint, hint_of, prune

# The article: enough text that a small block beside it holds well under half the page.
ARTICLE = "<p>" + "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。" * 6 + "</p>"
MARK = "MARKER"


def pruned_text(block: str, *, use_hints: bool = True) -> str:
    """The body text left after pruning a page of ARTICLE followed by ``block``."""
    tree = LexborHTMLParser(f"<html><body><div class=article>{ARTICLE}</div>{block}</body></html>")
    prune(tree, use_hints=use_hints)
    assert tree.body is not None
    return tree.body.text()


def hint_of_node(html: str) -> int:
    node = LexborHTMLParser(html).css_first("body > *")
    assert node is not None
    return class_hint(node)


# ---------------------------------------------------------------- never content, hidden

@pytest.mark.parametrize("block", [
    f"<script>var x = '{MARK}';</script>",
    f"<style>.{MARK} {{ color: red }}</style>",
    f"<noscript>{MARK}</noscript>",
    f"<iframe>{MARK}</iframe>",
    f"<template><p>{MARK}</p></template>",
    f"<select><option>{MARK}</option></select>",
    f"<button>{MARK}</button>",
], ids=["script", "style", "noscript", "iframe", "template", "select-option", "button"])
def test_never_content_tags_go(block: str) -> None:
    assert MARK not in pruned_text(block)


@pytest.mark.parametrize("block", [
    f"<p hidden>{MARK}</p>",
    f'<p style="display:none">{MARK}</p>',
    f'<p style="color: red; display: none">{MARK}</p>',
    f'<p style="visibility:hidden">{MARK}</p>',
    f'<p aria-hidden="true">{MARK}</p>',
    f'<span class="hidden"><span>{MARK}</span></span>',
], ids=["hidden-attr", "display-none", "display-none-spaced", "visibility-hidden", "aria-hidden",
        "hidden-class"])
def test_hidden_elements_go(block: str) -> None:
    assert MARK not in pruned_text(block)


def test_hidden_elements_go_even_without_hints() -> None:
    assert MARK not in pruned_text(f"<p hidden>{MARK}</p>", use_hints=False)


@pytest.mark.parametrize("block", [
    f"<div class=author-info><p>{MARK}</p></div>",
    f"<div id=about_author><p>{MARK}</p></div>",
    f"<section class='autor-box'><p>{MARK}</p></section>",
], ids=["author-info", "about_author", "autor"])
def test_authors_box_goes_even_without_hints(block: str) -> None:
    assert MARK not in pruned_text(block, use_hints=False)


@pytest.mark.parametrize("block", [
    f"<div class=share><p>{MARK}</p></div>",
    f"<div class='post author-admin'><p>{MARK}</p></div>",
    f"<span class=author>{MARK}</span>",
], ids=["other-hint", "post-naming-its-author", "inline-byline"])
def test_only_the_authors_box_goes_without_hints(block: str) -> None:
    assert MARK in pruned_text(block, use_hints=False)


def test_hidden_on_small_screens_only_stays() -> None:
    assert MARK in pruned_text(f'<span class="hidden md:block">{MARK}</span>')


def test_aria_hidden_false_stays() -> None:
    assert MARK in pruned_text(f'<p aria-hidden="false">{MARK}</p>')


@pytest.mark.parametrize("tag", ["nav", "aside", "footer"])
def test_boilerplate_html5_tags_go(tag: str) -> None:
    assert MARK not in pruned_text(f"<{tag}>{MARK}</{tag}>")


# ---------------------------------------------------------------- class/id hints

@pytest.mark.parametrize("block, kept", [
    (f'<div class="printable">{MARK}</div>', True),
    (f'<div class="col-md-6 print-full">{MARK}</div>', True),
    (f'<div class="print-area">{MARK}</div>', True),
    (f'<div class="printable--none">{MARK}</div>', False),
    (f'<div class="print-link">{MARK}</div>', False),
    (f'<div class="print">{MARK}</div>', False),
], ids=["printable-stays", "print-full-stays", "print-area-stays", "printable-none-goes",
        "print-link-goes", "print-button-goes"])
def test_print_classes_that_name_the_printout_are_content(block: str, kept: bool) -> None:
    # A print stylesheet marks what a printout holds (a recipe card) and what it leaves out.
    assert (MARK in pruned_text(block)) is kept


@pytest.mark.parametrize("block", [
    f'<div class="breadcrumb">{MARK}</div>',
    f'<div id="comments">{MARK}</div>',
    f'<div class="share-bar">{MARK}</div>',
    f'<div class="bdshare_t">{MARK}</div>',
    f'<div class="xgxw"><h3>相关新闻</h3><p>{MARK}</p></div>',
    f'<ul class="rank_list"><li>{MARK}</li></ul>',
    f'<div class="copyright_box">{MARK}</div>',
    f'<table id="footer"><tr><td>{MARK}</td></tr></table>',
    f'<div class="topNav">{MARK}</div>',
    f'<div id="offcanvas-top">{MARK}</div>',
    f'<div class="m-author"><div class="m-author__description"><p>{MARK}</p></div></div>',
    f'<div class="jetpack_subscription_widget"><p>{MARK}</p></div>',
    f'<div id="wh-signup-block"><p>Sign up for email updates. {MARK}</p></div>',
    f'<form class="sign-up-form"><p>Get our deals in your inbox. {MARK}</p></form>',
], ids=["breadcrumb", "comments-id", "share-bar", "bdshare", "xgxw-related-news", "rank-list",
        "copyright-box", "footer-table", "camel-top-nav", "offcanvas-drawer", "author-box",
        "subscription-widget", "signup-block", "sign-up-form"])
def test_strong_boilerplate_hint_goes(block: str) -> None:
    assert MARK not in pruned_text(block)


@pytest.mark.parametrize("block", [
    f'<div class="left-side">{MARK}</div>',
    f'<div class="widget">{MARK}</div>',
    f'<div class="rail">{MARK}</div>',
], ids=["left-side", "widget", "rail"])
def test_weak_boilerplate_hint_stays(block: str) -> None:
    assert MARK in pruned_text(block)


@pytest.mark.parametrize("block", [
    f'<span class="share">{MARK}</span>',
    f'<a class="comment" href="#">{MARK}</a>',
], ids=["span", "anchor"])
def test_inline_elements_are_not_pruned_by_hint(block: str) -> None:
    assert MARK in pruned_text(block)


def test_hinted_block_holding_most_of_the_page_is_spared() -> None:
    html = (f'<html><body><div class="sidebar-layout">{ARTICLE}{MARK}</div>'
            "<p>页脚。</p></body></html>")
    tree = LexborHTMLParser(html)
    prune(tree)
    assert tree.body is not None
    assert MARK in tree.body.text()


def test_wrapper_named_after_its_menu_is_spared_when_it_holds_most_of_the_prose() -> None:
    # A mobile menu repeats the site's links outside the wrapper: by characters the
    # wrapper holds under half the page, by text outside links it holds nearly all.
    menu = "".join(f"<a href=/m{i}>Navigationspunkt Nummer {i}</a>" for i in range(60))
    html = (f'<html><body><div class="mobile-menu">{menu}</div>'
            f'<div id="left-navigation_page-wrapper">{menu[:400]}{ARTICLE}{MARK}</div></body></html>')
    tree = LexborHTMLParser(html)
    prune(tree, use_hints=True)
    assert tree.body is not None
    assert MARK in tree.body.text()


# A reader's comment, several times: a thread longer than the article it follows.
_COMMENT = "<p>" + "I read this twice and I still disagree with the second half of it. " * 3 + "</p>"


@pytest.mark.parametrize("opening", [
    'div id="comments"', 'div id="disqus_thread"', 'ol class="commentlist"',
    'div id="jc_commentsDiv"', 'div id="respond"',
], ids=["comments", "disqus", "commentlist", "camel-case", "respond"])
def test_comment_thread_longer_than_the_article_goes(opening: str) -> None:
    tag = opening.split()[0]
    html = (f"<html><body><div class=article>{ARTICLE * 2}</div>"
            f"<{opening}>{_COMMENT * 12}{MARK}</{tag}></body></html>")
    tree = LexborHTMLParser(html)
    prune(tree)
    assert tree.body is not None
    assert MARK not in tree.body.text() and "正文" in tree.body.text()


def test_comment_named_block_is_spared_when_it_wraps_the_page_text() -> None:
    html = (f'<html><body><div id="comments-wrap">{ARTICLE}{_COMMENT * 3}{MARK}</div>'
            "<p>页脚。</p></body></html>")
    tree = LexborHTMLParser(html)
    prune(tree)
    assert tree.body is not None
    assert MARK in tree.body.text()


# An "about me" box: a sidebar longer than the short post beside it.
_PROFILE = "<p>" + "Copywriter in New York for nineteen years, writing about ads, and more. " * 3 + "</p>"


def test_sidebar_longer_than_a_short_post_goes() -> None:
    html = (f"<html><body><div class=post>{ARTICLE * 2}</div>"
            f'<div id="sidebar">{_PROFILE * 6}{MARK}</div></body></html>')
    tree = LexborHTMLParser(html)
    prune(tree)
    assert tree.body is not None
    assert MARK not in tree.body.text() and "正文" in tree.body.text()


def test_layout_wrapper_named_after_its_sidebar_is_spared() -> None:
    html = (f'<html><body><div class="sidebar-wrapper">{ARTICLE * 6}{MARK}</div>'
            f"<div class=footer-info>{ARTICLE * 2}</div></body></html>")
    tree = LexborHTMLParser(html)
    prune(tree)
    assert tree.body is not None
    assert MARK in tree.body.text()


def test_live_commentary_is_the_article_not_a_comment_thread() -> None:
    html = (f"<html><body><div class=article>{ARTICLE * 2}</div>"
            f'<div class="live-match-comments">{_COMMENT * 12}{MARK}</div></body></html>')
    tree = LexborHTMLParser(html)
    prune(tree)
    assert tree.body is not None
    assert MARK in tree.body.text()


def test_menu_with_more_characters_than_the_article_still_goes() -> None:
    menu = "".join(f"<li><a href=/m{i}>栏目导航链接第{i}项</a></li>" for i in range(80))
    assert MARK not in pruned_text(f'<ul class="nav">{menu}<li>{MARK}</li></ul>')


def test_block_inside_a_pruned_block_goes_with_it() -> None:
    block = f'<div class="related"><div class="comments"><p>{MARK}</p></div><p>相关</p></div>'
    text = pruned_text(block)
    assert MARK not in text and "相关" not in text


@pytest.mark.parametrize("block, kept", [
    (f'<div class="hidden-xs">{MARK}</div>', False),
    (f'<div class="no-print">{MARK}</div>', False),
    (f'<div class="ads-top">{MARK}</div>', False),
    (f'<div class="field--label-hidden">{MARK}</div>', True),
    (f'<div class="has-ads">{MARK}</div>', True),
], ids=["hidden-xs-goes", "no-print-goes", "ads-top-goes", "label-hidden-stays",
        "has-ads-stays"])
def test_utility_class_words_count_only_at_class_start(block: str, kept: bool) -> None:
    assert (MARK in pruned_text(block)) is kept


@pytest.mark.parametrize("block", [
    f'<div class="breadcrumb">{MARK}</div>',
    f'<div id="comments">{MARK}</div>',
    f"<nav>{MARK}</nav>",
], ids=["breadcrumb", "comments", "nav-tag"])
def test_without_hints_hinted_blocks_stay(block: str) -> None:
    assert MARK in pruned_text(block, use_hints=False)


def test_without_hints_never_content_tags_still_go() -> None:
    assert MARK not in pruned_text(f"<script>{MARK}</script>", use_hints=False)


def test_prune_of_page_without_body_does_not_raise() -> None:
    tree = LexborHTMLParser("")
    prune(tree)


# ---------------------------------------------------------------- hint values

@pytest.mark.parametrize("value, expected", [
    ("article", 1),
    ("main-content", 1),
    ("newsContent", 1),
    ("isMain", 1),
    ("nav", H.STRONG_NEGATIVE),
    ("breadcrumbs", H.STRONG_NEGATIVE),
    ("sharebox", H.STRONG_NEGATIVE),
    ("topNav", H.STRONG_NEGATIVE),
    ("left-side", H.WEAK_NEGATIVE),
    ("widget", H.WEAK_NEGATIVE),
    ("article nav", 0),
    ("mainNav", 0),
    ("content widget", 0),
    ("clearfix", 0),
    ("canvas", 0),
    ("", 0),
], ids=["positive", "positive-hyphen", "positive-camel-stem", "positive-camel-token",
        "negative", "negative-stem", "negative-stem-compound", "negative-camel",
        "weak", "weak-widget", "both", "both-camel-main-nav", "positive-beats-weak", "neither",
        "nav-inside-a-word", "empty"])
def test_hint_of(value: str, expected: int) -> None:
    assert hint_of(value) == expected


@pytest.mark.parametrize("value", [
    "module box nav nocontent", "robots-nocontent sd-block", "generic noContent",
    "col-12 no-content", "content nocontent",
], ids=["google-nocontent-beside-nav", "yahoo-robots-nocontent", "camel-no-content",
        "hyphenated", "beside-a-positive-word"])
def test_a_block_declared_not_content_is_boilerplate(value: str) -> None:
    # The class says "not content" to search engines; its "content" is no positive hint.
    assert hint_of(value) == H.STRONG_NEGATIVE


@pytest.mark.parametrize("value", ["nocontents", "contentno", "main-content"],
                         ids=["longer-word", "reversed", "plain-content"])
def test_content_words_that_do_not_say_not_content(value: str) -> None:
    assert hint_of(value) == 1


@pytest.mark.parametrize("value", [
    "article-author clearfix", "author-content", "post-author-bio", "blog_author_description",
    "entry authorBox", "author-info content",
], ids=["article-author", "author-content", "post-author-bio", "underscores", "camel-beside-entry",
        "beside-a-positive-class"])
def test_authors_box_is_boilerplate_whatever_article_word_it_carries(value: str) -> None:
    assert hint_of(value) == H.STRONG_NEGATIVE


@pytest.mark.parametrize("value", [
    "hentry post publish author-admin category-news",
    "entry-author-bobsutton entry-type-post entry",
    "post-author-name content",
], ids=["wordpress-author-class", "blogger-author-class", "author-name-beside-content"])
def test_a_post_that_names_its_author_is_no_authors_box(value: str) -> None:
    # An author word beside an article word, as before: neither wins.
    assert hint_of(value) == 0


def test_authors_box_inside_the_article_wrapper_goes() -> None:
    page = (f"<html><body><div class='post author-kgs'><div class=entry-content>{ARTICLE}"
            f"<section class='article-author'><p>{MARK} is a contributing writer.</p></section>"
            "</div></div></body></html>")
    tree = LexborHTMLParser(page)
    prune(tree)
    assert tree.body is not None
    text = tree.body.text()
    assert "正文" in text and MARK not in text


def test_teaser_column_declared_not_content_goes() -> None:
    teasers = "".join(f'<div class="entry"><h5><a href="/p{i}">Post {i}</a></h5>'
                      f'<p class="summary">{MARK}: what it says.</p></div>' for i in range(2))
    assert MARK not in pruned_text(f'<div class="box module nocontent">{teasers}</div>')


def test_camel_case_humps_split_into_words() -> None:
    assert H.hint_words(H.hint_text("mainNav")) >= {"main", "nav"}


@pytest.mark.parametrize("html, expected", [
    ('<div class="content">x</div>', 1),
    ('<div id="breadcrumb">x</div>', H.STRONG_NEGATIVE),
    ('<div class="wrap" id="sidebar">x</div>', H.STRONG_NEGATIVE),
    ('<div class="side" id="article">x</div>', 0),
    ("<div>x</div>", 0),
], ids=["class-positive", "id-negative", "class-and-id-joined", "class-weak-id-positive",
        "no-attributes"])
def test_class_hint_reads_class_and_id(html: str, expected: int) -> None:
    assert hint_of_node(f"<html><body>{html}</body></html>") == expected


@pytest.mark.parametrize("html", [
    f'<div hidden><p style="display:none">{MARK}</p></div><p aria-hidden="true">x</p>',
    '<p style="color: none">keep</p><p style="visibility: hidden">a</p><p class="hidden">b</p>',
    '<p style="DISPLAY:NONE">case</p><p aria-hidden="false">kept</p><p class="hidden x">kept</p>',
], ids=["nested", "styles", "case-and-near-misses"])
def test_hidden_elements_found_as_the_selector_finds_them(html: str) -> None:
    body = LexborHTMLParser(f"<html><body>{html}</body></html>").body
    assert body is not None
    expected = [node.mem_id for node in body.css(HIDDEN_SELECTOR)]
    assert [node.mem_id for node in hidden_elements(body)] == expected


def test_printed_part_key_is_in_every_match() -> None:
    # The substring test before the search never turns a match away.
    from hypothesis import given, strategies as st

    @given(st.text(alphabet="printablefuloarehdn-_ x", max_size=30))
    def check(text: str) -> None:
        if H.PRINTED_PART.search(text) is not None:
            assert H.PRINTED_PART_KEY in text

    check()
