"""The pager reader (scraper.extract.pager) on the pager shapes real pages carry.

The markup below is cut from real pages (named with each case): the pager itself and
just enough of its surroundings (the body before it, the list or comments around it)
for the reader to judge where it sits. Whole pages come from samples/pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract.page_urls import shares_stem
from scraper.extract.pager import read_pager

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pages"

# An article body: sentences, as the block before an article's own pager holds.
BODY = "<div class=\"content\">" + "".join(
    f"<p>第{i}段：记者从有关部门获悉，相关工作正在推进。各项措施已经落实到位。群众反映良好。</p>"
    for i in range(1, 4)) + "</div>"


def pages(html: str, url: str | None) -> list[str]:
    return read_pager(LexborHTMLParser(html), html.encode(), url)


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><h1>标题</h1>{body}</body></html>"


# ---------------------------------------------------------------- the TRS script

GOV = "http://www.example.gov.cn/zwgk/202408/"


def test_trs_call_names_every_page_in_order() -> None:
    # the shape TRS WCM article templates print: the pager is drawn by the script alone
    html = page(BODY + '<div id="pagenav"></div><script language="JavaScript">'
                'createPageHTML(3, 1, "t20240806_5521", "html");</script>')
    assert pages(html, GOV + "t20240806_5521_1.html") == [
        GOV + "t20240806_5521.html", GOV + "t20240806_5521_1.html", GOV + "t20240806_5521_2.html"]


def test_trs_call_with_variables_set_above_it() -> None:
    # var currentPage/countPage with 上一页/下一页 in comments (banyuetan.org's template
    # carries the same variables for its own setPage script)
    html = page(BODY + """<script>
var currentPage = 0;//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = 2//共多少页
createPageHTML(countPage, currentPage, "t20240806_5521", "shtml");
</script>""")
    assert pages(html, GOV + "t20240806_5521.shtml") == [
        GOV + "t20240806_5521.shtml", GOV + "t20240806_5521_1.shtml"]


def test_trs_call_with_element_id_first_and_record_count_last() -> None:
    html = page(BODY + "<div id='page_div'></div>"
                "<script>createPageHTML('page_div', 2, 0, 't20240806_5521', 'html', 2);</script>")
    assert pages(html, GOV + "t20240806_5521.html") == [
        GOV + "t20240806_5521.html", GOV + "t20240806_5521_1.html"]


def test_channel_trs_call_on_an_article_page_is_not_its_pager() -> None:
    html = page(BODY + '<script>createPageHTML(5, 0, "index", "shtml");</script>')
    assert pages(html, GOV + "t20240806_5521.html") == []


def test_trs_function_definition_names_no_pages() -> None:
    html = page(BODY + "<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, "
                "_sPageExt){ if(_nPageCount == null || _nPageCount<=1){ return; } }</script>")
    assert pages(html, GOV + "t20240806_5521.html") == []


def test_single_page_set_page_script_names_no_pages() -> None:
    # banyuetan.org (trafi): countPage = 1, 上一页/下一页 only in comments
    html = page(BODY + """<div id="listPage" class="listpage"></div>
<script>
var currentPage = 1,//所在页从0开始
prevPage = currentPage - 1,//上一页
nextPage = currentPage + 1,//下一页
countPage = 1;
setPage(document.getElementById("listPage"), countPage , currentPage);
</script>""")
    url = "http://www.banyuetan.org/chcontent/jrt/20191230/1000200033136171577956287380194268_1.html"
    assert pages(html, url) == []


# ---------------------------------------------------------------- pagers of links

NEWS = "http://www.example.com.cn/news/2024/"


def test_chinese_pager_of_links_from_its_middle_page() -> None:
    pager = ('<div class="pages"><a href="t20240806_1.shtml">上一页</a> <a href="t20240806_1.shtml">[1]</a>'
             ' <span>[2]</span> <a href="t20240806_3.shtml">[3]</a> <a href="t20240806_3.shtml">下一页</a></div>')
    assert pages(page(BODY + pager), NEWS + "t20240806_2.shtml") == [
        NEWS + "t20240806_1.shtml", NEWS + "t20240806_2.shtml", NEWS + "t20240806_3.shtml"]


def test_faz_paginator_under_the_article() -> None:
    # faz.net (trafi): the current page is a bare number, then 2 and "Nächste Seite"
    p2 = "https://www.faz.net/aktuell/wirtschaft/streaming-modell-16604622-p2.html"
    html = page("<p>Text. Mehr Text. Noch mehr.</p>" + f"""<ul class="nvg-Paginator">
<li class="nvg-Paginator_Item nvg-Paginator_Item-current"> 1 </li>
<li class="nvg-Paginator_Item"><a class="nvg-Paginator_Link" href="{p2}"> 2 </a></li>
<li class="nvg-Paginator_Item-to-next-page"><a class="nvg-Paginator_Link" href="{p2}">
<span class="nvg-Paginator_Text-next-page"><span class="btn-Base_Icon"></span> Nächste Seite </span></a></li></ul>""")
    url = "https://www.faz.net/aktuell/wirtschaft/streaming-modell-16604622.html"
    assert pages(html, url) == [url, p2]


def test_interia_article_pagination() -> None:
    # menway.interia.pl (trafi): ,nPack,2 pages and "Następna strona"
    path = "/historia/news-angus-barbieri-nie-jadl-przez-382-dni,nId,5222535"
    html = page(BODY + f"""<footer class="article-footer"><div class="article-pagination">
<ul><li class="current"><span>1</span></li><li><a href="{path},nPack,2"><span>2</span></a></li>
<li class="next"><a href="{path},nPack,2"><span class="pagination-box"><span class="pagination-item">
<b>Następna</b> strona</span></span></a></li></ul></div></footer>""")
    base = "https://menway.interia.pl"
    assert pages(html, base + path) == [base + path, base + path + ",nPack,2"]


def test_numbered_links_alone() -> None:
    pager = '<p class="fy"><b>1</b> <a href="5521_2.html">2</a> <a href="5521_3.html">3</a></p>'
    assert pages(page(BODY + pager), NEWS + "5521.html") == [
        NEWS + "5521.html", NEWS + "5521_2.html", NEWS + "5521_3.html"]


def test_pager_of_the_body_may_name_pages_outside_the_stem() -> None:
    # show.php?id=…&page=2 style portals: the pager right under the body is trusted
    pager = ('<div class="pager"><span>1</span> <a href="content_77.htm">2</a>'
             ' <a href="content_77.htm">下一页</a></div>')
    assert pages(page(BODY + pager), NEWS + "content_76.htm") == [
        NEWS + "content_76.htm", NEWS + "content_77.htm"]


def test_pager_that_loops_back_to_page_one() -> None:
    pager = ('<div class="pages"><a href="t20240806_1.shtml">[1]</a> <span>[2]</span>'
             ' <a href="t20240806_1.shtml">[1]</a> <a href="t20240806_1.shtml">下一页</a></div>')
    assert pages(page(BODY + pager), NEWS + "t20240806_2.shtml") == [
        NEWS + "t20240806_1.shtml", NEWS + "t20240806_2.shtml"]


# ---------------------------------------------------------------- rel links

def test_zeit_link_rel_next() -> None:
    url = "https://www.zeit.de/2019/43/klimaschutz-banken-unternehmen-fracking"
    head = f'<link rel="canonical" href="{url}"><link rel="next" href="{url}/seite-2">'
    assert pages(page(BODY, head), url) == [url, url + "/seite-2"]


def test_rel_prev_from_page_two_back_to_page_one() -> None:
    # WordPress paged posts: /story/ and /story/2/
    url = "https://example.com/2024/08/06/long-story/"
    head = f'<link rel="prev" href="{url}">'
    assert pages(page(BODY, head), url + "2/") == [url, url + "2/"]


# ---------------------------------------------------------------- never pages

def test_previous_and_next_article_links_in_a_real_page() -> None:
    # cjddsb.com (zh-dev): <a rel="prev">上一篇…</a> <a rel="next">下一篇…</a>, also bare
    # rel links to the neighbouring articles 532600.html and 532602.html
    source = (SAMPLES / "gne-cjddsb-1" / "source.html").read_bytes()
    assert extract(source, url="http://www.cjddsb.com/ym/xhy/532601.html").page_urls == []


def test_wordpress_rel_links_to_neighbouring_posts() -> None:
    # archiv.krimiblog.de (trafi): ?p=2866 / ?p=2905 are other posts, not pages
    head = ('<link rel="prev" href="http://archiv.krimiblog.de/?p=2866">'
            '<link rel="next" href="http://archiv.krimiblog.de/?p=2905">')
    body = (BODY + '<a href="http://archiv.krimiblog.de/?p=2866" rel="prev">« Vorheriger Beitrag</a>'
            '<a href="http://archiv.krimiblog.de/?p=2905" rel="next">Nachfolgender Beitrag »</a>')
    assert pages(page(body, head), "http://archiv.krimiblog.de/?p=2895") == []


def test_comment_pagination() -> None:
    # aerobuzz.de (trafi): the comments' pager, ?paged1=2#pagination_comms
    html = page(BODY + """<div class="menu menu_comments"><h2 id="pagination_comms">
<span class="soulignement">Frequenz 123,45</span><div class="pagination">
<span class="prev disabled"><strong class="icon-chevron-left" rel="prev"></strong></span>
<span class="next"><a href="?paged1=2#pagination_comms" class="icon-chevron-right" rel="next"></a>
</span></div></h2></div>
<div id="comments"><p>好文章。</p><div class="pages"><a href="?page=2">下一页</a> <a href="?page=2">2</a></div></div>""")
    assert pages(html, "https://aerobuzz.de/militar/cae-bildet-piloten-aus/") == []


def test_list_pager_on_the_article_path() -> None:
    # osw.waw.pl (trafi): a Drupal view of older items under the article pages itself
    # with ?page=1 on the article's own path, after a list of teasers
    path = "/pl/publikacje/analizy/2021-04-20/rosyjskie-zamachy-w-czechach"
    html = page(BODY + f"""<section class="views-element-container"><div class="view-content">
<ul><li><a href="/pl/a">Analiza pierwsza</a></li><li><a href="/pl/b">Analiza druga</a></li></ul></div>
<nav role="navigation"><h4 class="sr-only">Stronicowanie</h4><ul class="pager js-pager__items">
<li class="next"><a href="{path}?page=1" title="Przejdź do następnej strony" rel="next">
<span class="sr-only">Następna strona</span><span aria-hidden="true">starsze</span></a></li></ul></nav>
</section>""")
    assert pages(html, "https://www.osw.waw.pl" + path) == []


def test_channel_pager_on_an_article_page() -> None:
    # templates that print the channel's list and pager beside every article
    html = page(BODY + """<div class="more"><ul><li><a href="/news/t1.shtml">其他新闻一</a></li>
<li><a href="/news/t2.shtml">其他新闻二</a></li></ul>
<div class="page"><a href="/news/index.shtml">首页</a> <a href="/news/index_1.shtml">下一页</a>
<a href="/news/index_2.shtml">3</a></div></div>""")
    assert pages(html, NEWS + "t20240806_5521.shtml") == []


def test_a_page_without_url_names_no_pages() -> None:
    pager = '<div class="pages"><a href="t20240806_2.shtml">下一页</a></div>'
    assert pages(page(BODY + pager), None) == []


# ---------------------------------------------------------------- stems

@pytest.mark.parametrize(("a", "b", "same"), [
    ("http://h/a/t20240806_5521.shtml", "http://h/a/t20240806_5521_1.shtml", True),
    ("http://h/a/t20240806_5521_1.shtml", "http://h/a/t20240806_5521_2.shtml", True),
    ("http://h/a/story", "http://h/a/story/seite-2", True),
    ("http://h/a/story-16604622.html", "http://h/a/story-16604622-p2.html", True),
    ("http://h/a/story.html", "http://h/a/story.html?page=2", True),
    ("http://h/a/532601.html", "http://h/a/532602.html", False),          # neighbours
    ("http://h/a/t20240806_5521.shtml", "http://h/a/t20240806_5522.shtml", False),
    ("http://h/a/art_12.html", "http://h/a/art_13.html", False),          # no article id
    ("http://h/2024/0806/12", "http://h/2024/0806/13", False),            # path segments
    ("http://h/?p=2895", "http://h/?p=2905", False),                      # WordPress post ids
    ("http://h/a/story.html", "http://h/a/story.html?page=2&partial=teaser", False),
    ("http://h/a/t1_1.shtml", "http://other/a/t1_2.shtml", False),        # another host
], ids=["trs", "trs-later-pages", "seite", "faz-p2", "query", "numeric-neighbours",
        "trs-neighbours", "short-stem", "path-numbers", "post-ids", "other-params", "host"])
def test_shares_stem(a: str, b: str, same: bool) -> None:
    assert shares_stem(a, b) is same
    assert shares_stem(b, a) is same
