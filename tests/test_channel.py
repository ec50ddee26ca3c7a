"""The channel (栏目): from <meta> tags, else from the page's breadcrumb."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.metadata import extract_metadata

TITLE = "市政府召开第十二次常务会议"
BODY = "<p>" + "会议研究部署了近期重点工作，要求各部门提高站位、压实责任、抓好落实。" * 4 + "</p>"


def channel(crumb: str = "", head: str = "") -> str | None:
    html = (f"<html><head><meta charset=utf-8><title>{TITLE}_福州市人民政府</title>{head}</head>"
            f"<body><div class=nav><a href=/>首页</a> <a href=/zwgk>政务公开</a> "
            f"<a href=/hd>互动交流</a></div>{crumb}<h1>{TITLE}</h1>"
            f"<div class=article>{BODY}</div><div class=footer>版权所有：福州市人民政府</div>"
            "</body></html>")
    return extract_metadata(LexborHTMLParser(html), "http://www.fuzhou.gov.cn/a.html").channel


# ---------------------------------------------------------------- <meta>

@pytest.mark.parametrize("tag", [
    '<meta name="ColumnName" content="政策文件">',
    '<meta name="columnname" content="政策文件">',
    '<meta name="COLUMNNAME" content=" 政策文件 ">',
    '<meta property="article:section" content="政策文件">',
    '<meta property="og:article:section" content="政策文件">',
], ids=["ColumnName", "lower-case", "upper-case-spaces", "article-section", "og-article-section"])
def test_channel_from_meta(tag: str) -> None:
    assert channel(head=tag) == "政策文件"


def test_meta_wins_over_breadcrumb() -> None:
    crumb = '<div class="crumbs"><a>首页</a> &gt; <a>工作动态</a></div>'
    assert channel(crumb, '<meta name="ColumnName" content="政策文件">') == "政策文件"


@pytest.mark.parametrize("value", ["Uncategorized", "null", "", "Startseite", "首页"])
def test_meta_that_names_no_section_is_passed_over(value: str) -> None:
    crumb = '<div class="crumbs"><a>首页</a> &gt; <a>工作动态</a></div>'
    assert channel(crumb, f'<meta property="article:section" content="{value}">') == "工作动态"


# ---------------------------------------------------------------- breadcrumbs

CRUMBS = " &gt; ".join(f"<a href=/{i}>{name}</a>" for i, name in
                       enumerate(("首页", "政务公开", "政策文件")))


@pytest.mark.parametrize("crumb", [
    f"<div>当前位置：{CRUMBS} &gt; 正文</div>",
    f"<div><span>您现在的位置：</span>{CRUMBS}</div>",
    f"<table><tr><td>您的位置: {CRUMBS} &gt; 详情</td></tr></table>",
    "<p>现在位置：首页 &gt;&gt; 政务公开 &gt;&gt; 政策文件 &gt;&gt; 正文</p>",
    f'<div class="breadcrumb">{CRUMBS}</div>',
    f'<ol class="breadcrumb"><li><a>首页</a></li><li><a>政务公开</a></li><li><a>政策文件</a></li>'
    f'<li>{TITLE}</li></ol>',
    f'<div class="w1000 crumbs">{CRUMBS} &gt; {TITLE}</div>',
    f'<div id="position">您所在的位置：{CRUMBS}</div>',
    f'<div class="location">当前位置：{CRUMBS}</div>',
    f'<div class="dqwz">{CRUMBS} » 内容</div>',
    '<div class="mbx"><a>首页</a><img src=arrow.gif><a>政务公开</a><img src=arrow.gif>'
    '<a>政策文件</a></div>',
    "<div>当前位置：<a>首页</a> / <a>政务公开</a> / <a>政策文件</a></div>",
], ids=["label-div", "label-span-you-are", "label-td-details", "label-plain-text",
        "class-breadcrumb", "ol-li-title-last", "class-crumbs-title-last", "id-position",
        "class-location-labelled", "class-dqwz", "picture-separators", "slash-separators"])
def test_channel_from_breadcrumb(crumb: str) -> None:
    assert channel(crumb) == "政策文件"


@pytest.mark.parametrize("crumb", [
    "<div>当前位置：<a>首页</a> &gt; 正文</div>",
    '<div class="breadcrumb"><a>首页</a></div>',
    '<div class="breadcrumb"><a>Home</a> › <a>Startseite</a></div>',
], ids=["home-then-page", "home-only", "home-words"])
def test_never_home_nor_the_page(crumb: str) -> None:
    assert channel(crumb) is None


@pytest.mark.parametrize("crumb", [
    '<div class="location">福州市 鼓楼区</div>',
    '<ul class="tag-link-position"><li><a>安全生产</a> / <a>应急管理</a></li></ul>',
    "<div class=info>发布时间：2024-03-18 来源：福州日报</div>",
], ids=["place-widget", "tag-cloud", "info-line"])
def test_not_a_breadcrumb(crumb: str) -> None:
    assert channel(crumb) is None


def test_headline_with_a_separator_is_not_crumbs() -> None:
    title = "福州 - 全市安全生产大检查启动"
    html = (f"<html><head><meta charset=utf-8><title>{title}</title></head><body>"
            f'<div class="breadcrumb"><a>首页</a> &gt; <a>工作动态</a> &gt; {title}</div>'
            f"<h1>{title}</h1><div>{BODY}</div></body></html>")
    assert extract_metadata(LexborHTMLParser(html), None).channel == "工作动态"


def test_shortened_headline_crumb_is_skipped() -> None:
    crumb = f'<div class="crumbs"><a>首页</a> &gt; <a>工作动态</a> &gt; {TITLE[:6]}…</div>'
    assert channel(crumb) == "工作动态"
