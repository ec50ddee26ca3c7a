"""Attachments (附件): which links are documents, what each is, and the 附件 lines kept
in ``body`` (scraper.extract.attachments)."""

from __future__ import annotations

import pytest

from scraper import Attachment, extract
from scraper.extract.attachment_patterns import DOCUMENT_EXTENSIONS

URL = "https://www.example.gov.cn/zwgk/tzgg/202403/t20240318_123.html"
PROSE = ("<p>各市、县人民政府，省直各单位：现将《某某省数字政府建设实施方案》印发给你们，"
         "请结合实际认真贯彻落实。数字政府建设是推进国家治理体系和治理能力现代化的重要举措，"
         "各地各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。</p>"
         "<p>各地要建立健全工作机制，统筹推进政务数据共享，提升一网通办水平，"
         "不断增强人民群众的获得感和满意度。</p>")
NAV = ('<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> '
       '<a href="/guide.pdf">办事指南.pdf</a></div>')
FOOTER = ('<div class="footer"><a href="/about.html">关于我们</a> '
          '<a href="/sitemap.xlsx">网站地图.xlsx</a> 版权所有：某某省人民政府</div>')


def page(article: str, *, after: str = "", head: str = "") -> str:
    """A government notice page: navigation, the article (prose, then ``article``),
    ``after`` right below the article's text, a footer."""
    return (f"<html><head><title>通知</title>{head}</head><body>{NAV}"
            f'<div class="main"><h1>关于印发某某省数字政府建设实施方案的通知</h1>'
            f'<div class="TRS_Editor">{PROSE}{article}</div>{after}</div>{FOOTER}</body></html>')


def attachments(html: str, url: str | None = URL) -> list[Attachment]:
    return extract(html, url=url).attachments


@pytest.mark.parametrize("ext", DOCUMENT_EXTENSIONS)
def test_each_document_extension_is_an_attachment_of_that_type(ext: str) -> None:
    html = page(f'<p>附件：<a href="./P0201.{ext.upper()}">实施方案.{ext}</a></p>')
    assert attachments(html) == [Attachment(
        url=f"https://www.example.gov.cn/zwgk/tzgg/202403/P0201.{ext.upper()}",
        name=f"实施方案.{ext}", type=ext)]


@pytest.mark.parametrize("href", ["/zwgk/t1.html", "photo.jpg", "#top", "javascript:print()",
                                  "mailto:a@example.gov.cn", "/login.html?next=/a.pdf"],
                         ids=["page", "image", "fragment", "script", "mail", "page-with-file-query"])
def test_links_to_pages_and_pictures_are_not_attachments(href: str) -> None:
    assert attachments(page(f'<p>附件：<a href="{href}">材料.pdf</a></p>')) == []


def test_relative_urls_resolve_against_the_page_and_base_href() -> None:
    html = page('<p>附件：<a href="../files/a.pdf">甲.pdf</a></p>')
    assert attachments(html)[0].url == "https://www.example.gov.cn/zwgk/tzgg/files/a.pdf"
    based = page('<p>附件：<a href="files/a.pdf">甲.pdf</a></p>',
                 head='<base href="https://files.example.gov.cn/up/">')
    assert attachments(based)[0].url == "https://files.example.gov.cn/up/files/a.pdf"


def test_without_a_page_url_the_href_is_kept_as_written() -> None:
    html = page('<p>附件：<a href="files/a.pdf">甲.pdf</a></p>')
    assert attachments(html, url=None)[0].url == "files/a.pdf"


@pytest.mark.parametrize("text", ["", "下载", "点击下载", "Download", "附件"],
                         ids=["empty", "xiazai", "dianji-xiazai", "download", "fujian"])
def test_name_falls_back_to_the_percent_decoded_file_name(text: str) -> None:
    html = page(f'<p>附件：<a href="/up/%E5%90%8D%E5%8D%95%202024.xlsx">{text}</a></p>')
    assert attachments(html)[0].name == "名单 2024.xlsx"


def test_a_query_value_naming_the_file_gives_its_type_and_name() -> None:
    html = page('<p>附件：<a href="/down.jsp?id=7&amp;file=/u/%E8%A1%A8.docx">下载</a></p>')
    found = attachments(html)
    assert [(a.type, a.name) for a in found] == [("docx", "表.docx")]
    assert found[0].url == "https://www.example.gov.cn/down.jsp?id=7&file=/u/%E8%A1%A8.docx"


def test_a_script_link_shown_as_a_file_name_is_that_file() -> None:
    html = page('<p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;id=12">'
                '申请表.doc</a></p>')
    assert [(a.type, a.name) for a in attachments(html)] == [("doc", "申请表.doc")]


def test_each_url_once_without_fragment_and_only_web_addresses() -> None:
    html = page('<p>附件：<a href="a.pdf">甲.pdf</a></p><p>请下载<a href="a.pdf#page=2">甲</a>'
                '并填写<a href="file:///C:/Users/x/b.docx">乙.docx</a>。</p>')
    assert [a.url for a in attachments(html)] == [
        "https://www.example.gov.cn/zwgk/tzgg/202403/a.pdf"]


def test_links_in_navigation_footer_and_sidebars_are_not_taken() -> None:
    side = ('<div class="sidebar"><h3>政策文件</h3><ul><li><a href="/p1.pdf">政策一.pdf</a></li>'
            '<li><a href="/p2.pdf">政策二.pdf</a></li></ul></div>')
    html = page('<p>附件：<a href="a.pdf">甲.pdf</a></p>', after=side)
    assert [a.name for a in attachments(html)] == ["甲.pdf"]


def test_an_unlabelled_list_of_files_below_the_article_is_not_taken() -> None:
    below = '<ul><li><a href="/p1.pdf">政策一.pdf</a></li><li><a href="/p2.pdf">政策二.pdf</a></li></ul>'
    assert attachments(page("", after=below)) == []


def test_a_document_linked_in_a_sentence_is_an_attachment() -> None:
    html = page('<p>申请人应当填写<a href="/u/sqb.doc">申请表</a>，并于三月底前报送。</p>')
    assert [(a.name, a.type) for a in attachments(html)] == [("申请表", "doc")]


def test_the_fujian_line_stays_in_body_as_the_page_shows_it() -> None:
    article = extract(page('<p>附件：<a href="./P020240318612345678901.pdf">'
                           '某某省数字政府建设实施方案.pdf</a></p>'), url=URL)
    assert article.body.splitlines()[-1] == "附件：某某省数字政府建设实施方案.pdf"


def test_a_label_line_and_one_paragraph_per_file_stay_in_body() -> None:
    html = page('<p>附件：</p><p><a href="a.pdf">1.实施方案.pdf</a></p>'
                '<p><a href="b.docx">2.申报表.docx</a></p>')
    article = extract(html, url=URL)
    assert article.body.splitlines()[-3:] == ["附件：", "1.实施方案.pdf", "2.申报表.docx"]
    assert [a.type for a in article.attachments] == ["pdf", "docx"]


@pytest.mark.parametrize("after", [
    '<div class="fj"><p>相关附件：</p><ul><li><a href="/u/a.pdf">实施方案</a></li>'
    '<li><a href="/u/b.xlsx">任务清单</a></li></ul></div>',
    '<div class="fj">附件：<a href="/u/a.pdf">实施方案</a><br><a href="/u/b.xlsx">任务清单</a></div>',
    '<p>附件1：<a href="/u/a.pdf">实施方案</a></p><p>附件2：<a href="/u/b.xlsx">任务清单</a></p>',
], ids=["label-then-list", "label-and-links", "numbered-lines"])
def test_fujian_lines_just_below_the_article_are_read_and_kept(after: str) -> None:
    article = extract(page("", after=after), url=URL)
    assert [(a.name, a.type) for a in article.attachments] == [("实施方案", "pdf"),
                                                              ("任务清单", "xlsx")]
    assert "实施方案" in article.body and "任务清单" in article.body
    assert article.body.rindex("实施方案") > article.body.index("获得感")


def test_a_page_without_documents_has_none() -> None:
    article = extract(page('<p>详见<a href="/zwgk/t2.html">相关解读</a>。</p>'), url=URL)
    assert article.attachments == [] and article.to_record()["attachments"] == []


def test_explain_shows_the_fujian_lines_below_the_article_as_kept() -> None:
    from scraper.extract.explain import explain

    below = '<div class="fj"><p>附件：</p><ul><li><a href="/u/a.pdf">实施方案.pdf</a></li></ul></div>'
    explained = explain(page("", after=below), url=URL)
    assert explained.kept_text() == explained.article.body
    fj = [b for b in explained.blocks if "实施方案.pdf" in b.text]
    assert fj and all(b.kept for b in fj)
