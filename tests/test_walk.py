"""The walk: hinted blocks judged after the walk, against bounds on the page's prose,
decide as if the page had been measured first."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract import hint_patterns as H
from scraper.extract import patterns as P
from scraper.extract.hints import hint_of, never_article
from scraper.extract.measures import link_length, stripped_length
from scraper.extract.measures import TextRuns
from scraper.extract.walk import walk

PROSE = "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。"
MENU = "".join(f"<a href=/m{i}>栏目{i}</a>" for i in range(12))


def body_of(html: str) -> LexborNode:
    body = LexborHTMLParser(html).body
    assert body is not None
    return body


def run_texts(runs: TextRuns) -> list[str]:
    return ["".join(texts) for _, texts, _ in runs.values()]


def test_runs_of_a_spared_hinted_block_keep_their_place() -> None:
    # The wrapper is hinted (a menu's name) but holds the article: it is walked after
    # the rest, and its runs still sit between the text before and after it.
    body = body_of(f"<body><p>前言{PROSE}</p><div id=nav-wrapper><p>正文{PROSE * 4}</p>"
                   f"<p>再一段{PROSE}</p></div><p>后记{PROSE}</p></body>")
    doomed, runs = walk(body)
    assert doomed == []
    assert [text[:2] for text in run_texts(runs)] == ["前言", "正文", "再一", "后记"]


def test_menu_inside_a_spared_block_is_judged_against_the_whole_page() -> None:
    body = body_of(f"<body><nav>{MENU}</nav><div class=sidebar-layout><p>{PROSE * 6}</p>"
                   f"<div class=share>{MENU}</div></div></body>")
    doomed, runs = walk(body)
    assert sorted(node.tag for node in doomed) == ["div", "nav"]
    assert run_texts(runs) == [PROSE * 6]


def test_runs_of_a_spared_hinted_block_inside_a_link_are_link_text() -> None:
    # Judged by its own text (the anchor around it is not its link), it stays; what it
    # holds is still read as link text.
    body = body_of(f"<body><p>{PROSE * 6}</p><a href=/x><div class=sidebar-layout>"
                   f"<p>{PROSE * 8}</p></div></a></body>")
    doomed, runs = walk(body)
    assert doomed == []
    assert [links for _, _, links in runs.values()] == [0, len(PROSE * 8)]


# ---------------------------------------------------------------- against the plain rule

def doomed_by_the_plain_rule(body: LexborNode) -> set[int]:
    """The rule stated plainly: measure the page's prose first, then every strongly
    hinted block outside a doomed one goes when it holds less than the share of it,
    or, never the article (a comment thread, div#sidebar), when the page has an
    article's worth of prose outside it."""
    page = stripped_length(body) - link_length(body)
    limit = page * P.MAX_PRUNED_SHARE
    doomed: set[int] = set()

    def visit(node: LexborNode) -> None:
        for child in node.iter():
            tag, attrs = child.tag, child.attributes
            hinted = tag in P.BOILERPLATE_TAGS or (
                tag in P.HINTED_BLOCK_TAGS and hint_of(
                    f"{attrs.get('class') or ''} {attrs.get('id') or ''}") <= H.STRONG_NEGATIVE)
            prose = stripped_length(child) - link_length(child)
            if hinted and (prose < limit or (
                    never_article(attrs) and page - prose >= P.NEVER_ARTICLE_OUTSIDE_MIN)):
                doomed.add(child.mem_id)
                continue
            visit(child)

    visit(body)
    return doomed


_LEAVES = st.sampled_from([
    f"<p>{PROSE}</p>", f"<p>{PROSE * 5}</p>", "<p>短句。</p>", MENU, f"<a href=/l>{PROSE}</a>",
    f"<p>{PROSE[:10]}<a href=/i>链接文字</a>{PROSE[10:]}</p>", " ",
])
_WRAPPERS = st.sampled_from(["div class=content", "div class=nav", "div class=share",
                             "div id=comments", "div class=live-comments", "div id=sidebar",
                             "div class=sidebar-wrapper",
                             "section", "nav", "aside", "a href=/w", "ul class=nav", "footer"])


def _wrap(pair: tuple[str, list[str]]) -> str:
    opening, inner = pair
    tag = opening.split()[0]
    if tag == "ul":
        return f"<{opening}>" + "".join(f"<li>{part}</li>" for part in inner) + f"</{tag}>"
    return f"<{opening}>{''.join(inner)}</{tag}>"


_PAGES = st.recursive(_LEAVES, lambda inner: st.tuples(_WRAPPERS, st.lists(inner, max_size=4)).map(_wrap),
                      max_leaves=14)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PAGES, min_size=1, max_size=5))
def test_walk_decides_as_the_plain_rule_and_keeps_document_order(parts: list[str]) -> None:
    html = f"<html><body>{''.join(parts)}</body></html>"
    body = body_of(html)
    doomed, runs = walk(body)
    assert {node.mem_id for node in doomed} == doomed_by_the_plain_rule(body)
    # The runs are those of the page without the doomed blocks, walked in order.
    for node in doomed:
        node.decompose()
    _, plain = walk(body, use_hints=False)
    assert [(key, texts, links) for key, (_, texts, links) in runs.items()] == \
        [(key, texts, links) for key, (_, texts, links) in plain.items()]


def test_tag_numbers_are_the_same_in_every_document() -> None:
    # The walk tells tags apart by the parser's numbers, taken once from an empty
    # document: each must be the number the tag has on any page, also on one whose
    # own made-up tags were numbered first.
    from scraper.extract.walk import tag_ids
    names = sorted(P.BLOCK_TAGS | P.VOID_TAGS | {"a"})
    page = LexborHTMLParser("<body><x-card><my-tag>文字</my-tag></x-card></body>")
    on_page = {node.tag: node.tag_id for node in page.root.traverse() if node.tag in names}
    for name in names:
        assert tag_ids([name]) == {page.create_node(name).tag_id}, name
    assert all(tag_ids([name]) == {number} for name, number in on_page.items())
    assert len(tag_ids(names)) == len(names)


def test_comments_and_made_up_tags_are_walked_like_inline_elements() -> None:
    body = body_of(f"<body><div><!-- 注释 --><x-card>{PROSE}<a href=/x>链接</a></x-card></div></body>")
    doomed, runs = walk(body)
    assert doomed == []
    ((block, texts, links),) = runs.values()
    assert block.tag == "div" and "".join(texts) == PROSE + "链接" and links == 2
