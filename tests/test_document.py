"""``document``: a government document's attribute block read from every layout, the
block left out of the body, and never a block from a stray label."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract.document import drop_block, find_block, may_hold_block, read_value
from scraper.extract.explain import explain
from scraper.extract import trace as T

# The document's text, long enough to be an article, below every block.
TEXT = ("<h1>关于做好防汛工作的通知</h1><div class='content'>"
        "<p>各县（市）区应急管理局：</p>"
        "<p>为切实做好今年防汛工作，确保人民群众生命财产安全，现就有关事项通知如下。"
        "一、提高思想认识，各地要充分认识防汛工作的重要性和紧迫性，坚决克服麻痹思想。</p>"
        "<p>二、加强隐患排查，对重点部位开展拉网式排查，发现问题立即整改，确保不留死角。"
        "三、做好应急准备，储备充足的防汛物资，加强值班值守，确保信息畅通。</p></div>")
FIELDS = {"index_no": "11350100003590XXXX/2024-00123", "issuer": "福州市应急管理局",
          "doc_no": "榕应急〔2024〕12号", "written": "2024-03-15"}

LAYOUTS = {
    "two-column-table": (
        "<table class='xxgk'><tr><td>索引号：</td><td>11350100003590XXXX/2024-00123</td></tr>"
        "<tr><td>发文机关：</td><td>福州市应急管理局</td></tr>"
        "<tr><td>发文字号：</td><td>榕应急〔<span>2024</span>〕12号</td></tr>"
        "<tr><td>成文日期：</td><td>2024年03月15日</td></tr></table>"),
    "four-column-table": (
        "<table><tr><th>索 引 号</th><td>11350100003590XXXX/2024-00123</td>"
        "<th>发文机关</th><td>福州市应急管理局</td></tr>"
        "<tr><th>名　　称</th><td colspan='3'>关于做好防汛工作的通知</td></tr>"
        "<tr><th>文　　号</th><td>榕应急〔2024〕12号</td><th>成文日期</th><td>2024-03-15</td></tr>"
        "</table>"),
    "ul-li-spans": (
        "<ul class='info'><li><span>索 引 号：</span>11350100003590XXXX/2024-00123</li>"
        "<li><span>发文机关：</span>福州市应急管理局</li>"
        "<li><span>文&nbsp;&nbsp;&nbsp;&nbsp;号：</span>榕应急〔2024〕12号</li>"
        "<li><span>成文日期：</span>二〇二四年三月十五日</li></ul>"),
    "dl-dt-dd": (
        "<dl><dt>索引号:</dt><dd>11350100003590XXXX/2024-00123</dd><dt>发文机关:</dt>"
        "<dd>福州市应急管理局</dd><dt>发文字号:</dt><dd>榕应急〔2024〕12号</dd>"
        "<dt>成文日期:</dt><dd>2024-03-15</dd></dl>"),
    "labelled-divs": (
        "<div class='xxgk-row'><label>索引号</label><span>11350100003590XXXX/2024-00123</span></div>"
        "<div class='xxgk-row'><label>发文机关</label><span>福州市应急管理局</span></div>"
        "<div class='xxgk-row'><label>发文字号</label><span>榕应急〔2024〕12号</span></div>"
        "<div class='xxgk-row'><label>成文日期</label><span>2024-03-15</span></div>"),
    "bold-paragraphs": (
        "<p><b>索引号：</b>11350100003590XXXX/2024-00123</p><p><b>发文机关：</b>福州市应急管理局</p>"
        "<p><b>发文字号：</b>榕应急〔2024〕12号</p><p><b>成文日期：</b>2024年3月15日</p>"),
    "two-fields-a-line": (
        "<div><p>索引号：11350100003590XXXX/2024-00123　　发文机关：福州市应急管理局</p>"
        "<p>发文字号：榕应急〔2024〕12号　　成文日期：2024-03-15</p></div>"),
}


def page(block: str) -> str:
    return (f"<html lang='zh-CN'><head><title>关于做好防汛工作的通知</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> <a href='/zwgk/'>政务公开</a></div>"
            f"{block}{TEXT}<div class='footer'>主办单位：福州市应急管理局</div></body></html>")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_same_fields(layout: str) -> None:
    assert extract(page(LAYOUTS[layout])).document == FIELDS


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_block_leaves_the_body(layout: str) -> None:
    body = extract(page(LAYOUTS[layout])).body
    for word in ("索", "发文机关", "11350100003590XXXX", "榕应急", "成文日期", "名称"):
        assert word not in body
    assert body.startswith("各县（市）区应急管理局：")


@pytest.mark.parametrize("label, key", [
    ("索引号", "index_no"), ("索 引 号", "index_no"), ("索取号", "index_no"),
    ("信息索引号", "index_no"),
    ("发文机关", "issuer"), ("发布机构", "issuer"), ("发布机关", "issuer"), ("发文单位", "issuer"),
    ("发文字号", "doc_no"), ("文　　号", "doc_no"), ("文 号", "doc_no"),
    ("成文日期", "written"), ("发布日期", "published"),
    ("主题分类", "topic"), ("主 题 词", "topic"),
    ("有 效 性", "validity"), ("时　　效", "validity"),
    ("体裁分类", "category"), ("公文种类", "category"),
], ids=lambda v: v.replace(" ", "_").replace("\u3000", "_"))
@pytest.mark.parametrize("colon", ["：", ":", ""], ids=["full-colon", "half-colon", "no-colon"])
def test_each_label_variant(label: str, key: str, colon: str) -> None:
    values = {"index_no": "A-1", "issuer": "福州市财政局", "doc_no": "榕财〔2024〕1号",
              "written": "2024-03-15", "published": "2024-03-18", "topic": "财政",
              "validity": "有效", "category": "通知"}
    others = [k for k in ("index_no", "doc_no", "validity") if k != key][:2]
    labels = {"index_no": "索引号", "doc_no": "文号", "validity": "有效性"}
    rows = [(label, values[key])] + [(labels[k], values[k]) for k in others]
    html = "<table>" + "".join(f"<tr><td>{lab}{colon}</td><td>{val}</td></tr>"
                               for lab, val in rows) + "</table>"
    block = find_block(LexborHTMLParser(page(html)))
    assert block is not None and block.fields[key] == values[key]


def test_a_time_stated_with_the_publication_date_is_kept() -> None:
    assert read_value("published", "2024-03-18 16:05") == "2024-03-18T16:05:00+08:00"
    assert read_value("written", "2024年3月15日 16:05") == "2024-03-15"


@pytest.mark.parametrize("value", ["无", "—", "/", " ", "不是日期"])
def test_a_value_that_states_nothing_is_left_out(value: str) -> None:
    assert read_value("doc_no" if value != "不是日期" else "written", value) is None


@pytest.mark.parametrize("html", [
    "<p>根据文号：榕政〔2024〕3号文件的要求，我们做了很多工作。</p>",
    "<p>文号：榕政〔2024〕3号</p><p>发布日期：2024-01-01</p>",
    "<div class='info'>发布日期：2024-01-01 发布机构：福州市财政局 来源：福州日报</div>",
    "<ul><li><a href='/1'>主题分类</a></li><li><a href='/2'>体裁分类</a></li>"
    "<li><a href='/3'>组配分类</a></li><li><a href='/4'>索引号</a></li></ul>",
    "<table><tr><td>索引号</td><td>主题分类</td><td>成文日期</td></tr></table>",
], ids=["label-in-prose", "two-weak-labels", "news-info-line", "catalogue-menu",
        "labels-without-values"])
def test_no_block_without_several_labels_with_values(html: str) -> None:
    assert find_block(LexborHTMLParser(page(html))) is None
    assert extract(page(html)).document is None


@pytest.mark.parametrize("html, may", [
    ("<p>An English page, with “quotes” and no Han character.</p>", False),
    ("<p>普通新闻，没有任何标签。来源：福州日报</p>", False),
    ("<p>根据文号：榕政〔2024〕3号文件的要求。</p>", False),
    ("<p>标题：X</p><p>发布日期：2024-01-01</p><p>关键词：防汛</p>", False),
    ("<td>索&nbsp;引&nbsp;号：</td><td>A-1</td><td>文&#12288;&#12288;号：</td>", True),
    (LAYOUTS["ul-li-spans"], True),
], ids=["english", "chinese-news", "one-label", "no-field-only-blocks-carry",
        "entity-spaced-labels", "block"])
def test_pages_without_labels_of_a_block_are_ruled_out_from_their_html(html: str, may: bool) -> None:
    assert may_hold_block(html) is may


def test_labels_far_apart_are_not_one_block() -> None:
    filler = "".join(f"<p>第{i}段。</p>" for i in range(12))
    html = f"<p>索引号：A-1</p>{filler}<p>文号：榕财〔2024〕1号</p>{filler}<p>有效性：有效</p>"
    assert find_block(LexborHTMLParser(page(html))) is None


def test_the_trace_says_the_block_was_dropped_and_by_which_labels() -> None:
    explanation = explain(page(LAYOUTS["ul-li-spans"]))
    dropped = [b for b in explanation.blocks if b.reason == T.DOCUMENT_BLOCK]
    assert len(dropped) == 1 and not dropped[0].kept
    assert "11350100003590XXXX" in dropped[0].text and dropped[0].detail == \
        "labelled 索引号, 发文机关, 文号, 成文日期"
    assert explanation.article.document == FIELDS
    field = explanation.fields["document"]
    assert field.source == "the attribute block (政府信息公开)"
    assert field.quote == "labelled 索引号, 发文机关, 文号, 成文日期"


def test_drop_block_removes_only_the_block() -> None:
    tree = LexborHTMLParser(page(LAYOUTS["bold-paragraphs"]))
    block = find_block(tree)
    assert block is not None and [n.tag for n in block.nodes] == ["p", "p", "p", "p"]
    drop_block(block)
    assert tree.css_first("div.content") is not None and "发文机关" not in tree.body.text()


def test_a_stitched_document_has_page_ones_block_else_the_last_pages_signature() -> None:
    from scraper.models import Article
    from scraper.stitch import _assemble

    urls = ["http://gov.example/a.htm", "http://gov.example/a_1.htm"]
    signature = {"issuer": "福州市人民政府", "written": "2024-03-01"}

    def pages(block: dict[str, str] | None) -> dict[str, Article]:
        first = Article(url=urls[0], title="通知", body="第一页的正文。", page_urls=urls,
                        document=block)
        last = Article(url=urls[1], title="通知", body="第二页的正文。\n福州市人民政府\n2024年3月1日",
                       page_urls=urls, document=signature)
        return dict(zip(urls, [first, last]))

    block = {"index_no": "A-1", "doc_no": "榕政〔2024〕1号"}
    assert _assemble(urls, pages(block), urls).document == block
    stitched = _assemble(urls, pages(None), urls)
    assert stitched.document == signature and stitched.body.endswith("2024年3月1日")


def test_the_older_catalogue_block_leaves_the_body_whole() -> None:
    block = ("<table><tr><td>索 引 号：</td><td>000014349/2009-00012</td><td>信息分类：</td>"
             "<td>综合政务\\通知</td></tr><tr><td>发布机构：</td><td>国务院办公厅</td><td>生成日期：</td>"
             "<td>2009年03月02日</td></tr><tr><td>名　　称：</td><td colspan='3'>关于做好防汛工作的通知</td></tr>"
             "<tr><td>文　　号：</td><td>国办发〔2009〕12号</td><td>主 题 词：</td><td>防汛</td></tr>"
             "<tr><td>内容概述：</td><td colspan='3'>部署防汛工作。</td></tr></table>")
    article = extract(page(block))
    assert article.document == {"index_no": "000014349/2009-00012", "issuer": "国务院办公厅",
                                "doc_no": "国办发〔2009〕12号", "topic": "防汛"}
    assert "综合政务" not in article.body and "部署防汛工作" not in article.body
