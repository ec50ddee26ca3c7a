"""Text measures (measures.py) and block scoring: the choice of the article node."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract import patterns as P
from scraper.extract.measures import (Lengths, link_len, link_share, prose_length, punctuation_count,
                                     text_len, weighted_length)
from scraper.extract.extent import choose_article
from scraper.extract.score import score_candidates, spread_article
from scraper.extract.walk import walk

SENTENCE = "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。"


def paragraphs(count: int, *, label: str = "第", repeat: int = 2) -> str:
    """``count`` distinct prose paragraphs of ``repeat`` sentences each."""
    return "".join(f"<p>{label}{i}段。{SENTENCE * repeat}</p>" for i in range(count))


ARTICLE = paragraphs(5)


def ids(nodes: list[LexborNode]) -> list[str | None]:
    return [node.attributes.get("id") or node.tag for node in nodes]


def choose(body: str) -> tuple[list[str | None], list[str | None]]:
    """The ids (or tags) of the core nodes and of the nodes to render."""
    root = LexborHTMLParser(f"<html><body>{body}</body></html>").body
    assert root is not None
    core, nodes = choose_article(root)
    return ids(core), ids(nodes)


def first(html: str, selector: str = "div") -> LexborNode:
    node = LexborHTMLParser(html).css_first(selector)
    assert node is not None
    return node


# ---------------------------------------------------------------- text measures

@pytest.mark.parametrize("text, expected", [
    ("abc", 3),
    ("中文", 6),
    ("中a", 4),
    ("あい", 6),
    ("a b\n\tc ", 3),
    ("中 文\u3000", 6),
    (" \n\t", 0),
    ("", 0),
], ids=["latin", "cjk", "mixed", "kana", "latin-whitespace", "cjk-whitespace",
        "only-whitespace", "empty"])
def test_weighted_length(text: str, expected: int) -> None:
    assert weighted_length(text) == expected


def test_weighted_length_counts_cjk_more_than_latin() -> None:
    assert weighted_length("新闻") > weighted_length("ne")


@pytest.mark.parametrize("text", [
    "他说，这是真的。你呢？好！",
    "One, two. Three? 3.77 and 1,000 end.",
    "混合 text, 中文：结尾.",
    "a.b,c;d!e?f:",
    "",
], ids=["full-width", "latin", "mixed", "marks-inside-words", "empty"])
def test_punctuation_count_matches_the_pattern(text: str) -> None:
    assert punctuation_count(text) == len(P.PUNCTUATION.findall(text))


@pytest.mark.parametrize("html, expected", [
    ("<div>abcd<a href=/x>efgh</a></div>", 0.5),
    ("<div><a href=/x>abcd</a></div>", 1.0),
    ("<div>abcdefgh</div>", 0.0),
    ("<div></div>", 0.0),
    ("<div>ab<a>cd</a><p><a>efgh</a></p></div>", 0.75),
    ("<div>abcd<a name=b>efgh</a></div>", 0.0),
    ("<div><a name=b href=/x>abcd</a></div>", 1.0),
], ids=["half", "all-links", "no-links", "empty", "nested-anchors", "bookmark-is-no-link",
        "named-link-is-a-link"])
def test_link_share(html: str, expected: float) -> None:
    assert link_share(first(html)) == pytest.approx(expected)


# ---------------------------------------------------------------- choosing the article

def test_prose_block_wins_over_longer_link_list() -> None:
    links = "".join(f"<li><a href=/n{i}>这是一条很长的相关新闻标题链接，第{i}条新闻的标题文字</a></li>"
                    for i in range(40))
    core, _ = choose(f"<div id=art>{ARTICLE}</div><ul id=links>{links}</ul>")
    assert core == ["art"]


# Old portal layout: a left column of channel links (and a contact line) comes first.
SIDE_MENU = "".join(f"<a href=/c{i}>通知公告栏目第{i}项链接标题文字</a><br>" for i in range(30))
SIDE_CONTACT = "<p>地址：福州市鼓楼区某某路一号，邮编：350001，电话：0591-12345678。</p>"


def table_page(side: str) -> str:
    return f"<table><tr><td id=left>{side}</td><td id=right>{ARTICLE}</td></tr></table>"


def test_prose_block_wins_over_link_column_before_it_in_table_layout() -> None:
    core, _ = choose(table_page(SIDE_MENU))
    assert core == ["right"]


def test_link_column_with_contact_line_is_not_merged_into_the_article() -> None:
    # The column's one punctuated line gives it a raw score at the sibling threshold;
    # its text is mostly links, so it is not part of the article.
    core, _ = choose(table_page(SIDE_MENU + SIDE_CONTACT))
    assert core == ["right"]


def test_prose_block_wins_over_teaser_list_wrapped_in_anchors() -> None:
    teasers = "".join(f"<a href=/t{i}><div><p>预告{i}：{SENTENCE * 2}</p></div></a>" for i in range(8))
    core, _ = choose(f"<div id=teasers>{teasers}</div><div id=art>{ARTICLE}</div>")
    assert core == ["art"]


def test_article_split_into_lead_and_body_wrappers_is_taken_whole() -> None:
    lead = "<div id=lead><p>导语：会议今天召开。</p></div>"
    _, nodes = choose(f"<div id=wrap>{lead}<div id=art>{ARTICLE}</div></div>"
                      f"<div id=other><p>其他。</p></div>")
    assert nodes == ["wrap"]


def test_wrapper_adding_much_more_text_is_not_taken() -> None:
    more = paragraphs(5, label="另一篇")
    core, nodes = choose(f"<div id=wrap><div id=art>{ARTICLE}</div>"
                         f"<ul id=more>{''.join(f'<li><a href=/{i}>{SENTENCE}{i}</a></li>' for i in range(20))}</ul>"
                         f"</div><div id=other>{more}</div>")
    assert core == ["art"] and nodes == ["art"]


def test_paragraph_siblings_of_the_article_are_merged() -> None:
    core, _ = choose(f"<div id=wrap><div id=art>{ARTICLE}</div>"
                     f"<p id=tail>尾段。{SENTENCE * 3}</p><p id=end>全文完。</p></div>")
    assert core == ["art", "tail", "end"]


def test_link_heavy_paragraph_sibling_is_not_merged() -> None:
    links = "".join(f"<a href=/{i}>相关链接标题{i}号</a>" for i in range(8))
    core, _ = choose(f"<div id=wrap><div id=art>{ARTICLE}</div><p id=links>{links}</p></div>")
    assert core == ["art"]


def test_long_archive_list_with_dated_links_loses_to_the_article() -> None:
    # Dated items score as short prose and bare title links add none, so the list's
    # raw score is long; most of its text is links, which must count against it twice.
    items = "".join(
        f"<li>Am 12. März 2019, drei Kommentare, <a href=/a{i}>Eintrag {i}</a>.</li>" if i % 2 else
        f"<li><a href=/a{i}>Ein sehr langer Archivtitel für den Beitrag Nummer {i} im Archiv</a></li>"
        for i in range(120))
    core, _ = choose(f"<div id=art>{ARTICLE}</div><ul id=archive>{items}</ul>")
    assert core == ["art"]


def test_title_heading_scores_its_container_not_itself() -> None:
    # A heading is a line of its container; as a candidate of its own, a title with an
    # article-like class ("entry-title") beat short photo posts.
    root = LexborHTMLParser("<html><body><article id=post><h1 class=entry-title>Zusammenarbeit "
                            "im April, Teil eins der Serie, mit Fotos.</h1></article></body></html>").body
    assert root is not None
    scored = {cand.node.tag for cand in score_candidates(walk(root, use_hints=False)[1]).values()}
    assert "h1" not in scored and "article" in scored


def rendered_ids(body: str) -> set[str | None]:
    """The ids of the nodes chosen for rendering and of everything inside them."""
    root = LexborHTMLParser(f"<html><body>{body}</body></html>").body
    assert root is not None
    return {node.attributes.get("id") for part in choose_article(root)[1]
            for node in [part, *part.css("[id]")]}


def builder_article(extra: str = "") -> str:
    """An <article> laid out by a page builder: one long section and short ones."""
    rows = "".join(f"<section class=s{i}><div class=inner><p id=row{i}>第{i}节。{SENTENCE * 2}</p></div></section>"
                   for i in range(4))
    return (f"<article id=post><header id=head><h1>标题</h1><p>导语：{SENTENCE}</p></header>"
            f"<div class=row><div class=col><div id=main>{ARTICLE}</div></div></div>{rows}{extra}</article>")


def test_article_element_is_rendered_whole_but_for_its_header() -> None:
    assert choose(f"<div id=page>{builder_article()}</div>")[0] == ["main"]
    assert rendered_ids(f"<div id=page>{builder_article()}</div>") >= {"row0", "row3", "main"}
    assert "head" not in rendered_ids(f"<div id=page>{builder_article()}</div>")


def test_article_element_full_of_links_is_not_taken() -> None:
    links = "".join(f"<li><a href=/r{i}>相关文章标题第{i}篇，链接文字很长很长很长</a></li>" for i in range(30))
    ids = rendered_ids(f"<div id=page>{builder_article(f'<ul id=related>{links}</ul>')}</div>")
    assert "related" not in ids and "row3" not in ids


def test_page_without_prose_falls_back_to_the_root() -> None:
    core, nodes = choose("<div>短</div>")
    assert core == nodes == ["body"]


# ---------------------------------------------------------------- articles spread over sections

def spread(body: str) -> str | None:
    root = LexborHTMLParser(f"<html><body>{body}</body></html>").body
    assert root is not None
    holder = spread_article(root, walk(root, use_hints=False)[1])
    return holder.attributes.get("id") or holder.tag


def test_spread_article_holds_every_well_scored_section() -> None:
    # A product page: description, details and reviews in separate nested sections.
    body = (f"<div id=page><div id=product><div id=desc>{paragraphs(3)}</div>"
            f"<div id=tabs><div><div id=details>{paragraphs(2, label='细节')}</div></div></div></div>"
            f"<div id=reviews>{paragraphs(2, label='评价')}</div></div><div id=annex>{paragraphs(2, label='附录')}</div>")
    assert spread(body) == "body"
    assert spread(f"<div id=page><div id=product><div id=desc>{paragraphs(3)}</div>"
                  f"<div id=tabs><div id=details>{paragraphs(2, label='细节')}</div></div></div></div>") == "product"


def test_spread_article_leaves_out_weak_blocks() -> None:
    weak = "<p>注：本页信息仅供参考，以实际为准。</p>"
    body = (f"<div id=page><div id=product><div id=desc>{paragraphs(5)}</div>"
            f"<div id=details>{paragraphs(4, label='细节')}</div></div><div id=note>{weak}</div></div>")
    assert spread(body) == "product"


def test_prose_length_counts_text_outside_links_without_whitespace() -> None:
    root = LexborHTMLParser("<html><body><p>ab cd <a href=/x>efgh</a></p><div>  xy  </div></body></html>").body
    assert root is not None
    runs = walk(root, use_hints=False)[1]
    # "ab cd efgh" has 8 letters of which the link holds 4 of 11 raw characters.
    assert prose_length(runs) == round(8 * (1 - 4 / 11)) + 2


def test_lengths_of_a_parent_add_up_from_its_children() -> None:
    html = ("<html><body><div id=wrap>lead <b>bold</b><!-- note --><div id=art><p>正文 text "
            "<a href=/1>link one</a></p></div><a href=/2>tail <a href=/3>nested</a></a>"
            "<script>var x</script></div></body></html>")
    root = LexborHTMLParser(html).body
    assert root is not None
    art, wrap = root.css_first("#art"), root.css_first("#wrap")
    assert art is not None and wrap is not None
    parent, text, links = Lengths().up(art)
    assert parent.mem_id == wrap.mem_id
    assert (text, links) == (text_len(wrap), link_len(wrap))


def sectioned_article(between: str = "<figure><img src=/p.jpg></figure>",
                      other_class: str = "part") -> str:
    """An article laid out as sections of one build, each a wrapper around a deep
    content block (the paragraphs score up to three levels, never the wrapper)."""
    def section(i: int, count: int, cls: str) -> str:
        inner = "".join(f"<p>第{i}部分第{j}段。{SENTENCE * 2}</p>" for j in range(count))
        return f"<div class={cls} id=part{i}><section><div><div><div id=body{i}>{inner}</div></div></div></section></div>"
    return (f"<div id=post>{section(0, 6, 'part')}{between}{section(1, 3, other_class)}{between}"
            f"{section(2, 2, other_class)}</div><div id=aside><p>{SENTENCE}</p></div>")


def test_sections_built_like_the_chosen_one_are_kept() -> None:
    core, nodes = choose(sectioned_article())
    assert core == ["part0", "part1", "part2"] and nodes == core


def test_wrapped_block_alone_stays_as_found() -> None:
    # Neighbours of another build are not sections of it: the block found is the core.
    core, _ = choose(sectioned_article(other_class="promo"))
    assert core == ["body0"]


# Whitespace of every kind str.split() knows, ASCII (with the separators \x1c-\x1f)
# and not, among letters, CJK and punctuation.
_MIXED = "ab é中，。 \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000"


@pytest.mark.parametrize("text", ["", " ", "word", " two  words ", "a\x1cb\x1fc", "a\x85b",
                                  "中文\u3000段落", "x" * 700 + " y"])
def test_nonspace_length_counts_what_split_keeps(text: str) -> None:
    from scraper.extract.measures import nonspace_length
    assert nonspace_length(text) == sum(map(len, text.split()))


def test_nonspace_length_agrees_with_split_on_generated_text() -> None:
    from hypothesis import given, strategies as st
    from scraper.extract.measures import nonspace_length

    @given(st.text(alphabet=_MIXED, max_size=40) | st.text(max_size=40))
    def check(text: str) -> None:
        assert nonspace_length(text) == sum(map(len, text.split()))

    check()


@pytest.mark.parametrize("html", [
    "<p>text <a href=x>link</a></p><a>alone</a><a><b>bold link</b></a><br><img src=y>",
    "<td>cell</td><span><!-- note --></span><a></a><div>\n</div><a href=z>plain</a>",
    "<ul><li><a>one</a><li>two <a>three</a></ul><a><div><a>nested</a></div></a>",
    "<p><a name=top>bookmark</a> <a name=n href=/x>named link</a> <a id=i>id only</a></p>",
])
def test_anchors_are_what_the_query_finds(html: str) -> None:
    # The shortcut for a node with nothing but text below it gives what the query gives.
    from scraper.extract.measures import anchors, holds_elements
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    for node in tree.body.traverse():
        assert [a.mem_id for a in anchors(node)] == [a.mem_id for a in node.css(P.LINK_ANCHORS)]
        if not holds_elements(node):
            assert all(found.mem_id == node.mem_id for found in node.css("*"))


def test_text_length_bounds_the_stripped_length() -> None:
    # The cheap read decides "shorter than" exactly as the stripped read would.
    from hypothesis import given, strategies as st
    from scraper.extract.measures import stripped_length, text_length

    pieces = st.sampled_from(["<p>", "</p>", "<a>", "</a>", "<div>", " ", "\n", "\xa0",
                              "\u3000", "字", "word", "<br>", "\t"])

    @given(st.lists(pieces, max_size=30))
    def check(parts: list[str]) -> None:
        tree = LexborHTMLParser("<div id=r>" + "".join(parts) + "</div>")
        for node in tree.css("#r, #r *"):
            assert text_length(node) >= stripped_length(node)

    check()
