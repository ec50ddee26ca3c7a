"""``explain``: the blocks kept and dropped with their reasons, the container, and where
each metadata field came from, all from the pass that makes the record.

``tests/pages/structure.html`` is a hand-made government page (headings, a data table,
lists, a quote, a caption, share/print/related/footer boxes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper import extract
from scraper.extract import trace as T
from scraper.extract.explain import Explanation, explain

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "pages").glob("*/source.html"))
STRUCTURE = ROOT / "tests" / "pages" / "structure.html"
FZNEWS_URL = "https://www.fznews.com.cn/news/2024-08/06/a.shtml"


def explained(path: Path, url: str | None = FZNEWS_URL) -> Explanation:
    return explain(path.read_bytes(), url)


def block_with(explanation: Explanation, words: str) -> T.Block:
    found = [b for b in explanation.blocks if words in b.text]
    assert found, f"no block holds {words!r}"
    return found[0]


@pytest.mark.parametrize("path", [*SAMPLES, STRUCTURE], ids=lambda p: p.parent.name
                         if p.name == "source.html" else p.stem)
def test_kept_blocks_in_order_are_the_body_and_the_record_is_extracts(path: Path) -> None:
    page = path.read_bytes()
    explanation = explain(page, FZNEWS_URL)
    assert explanation.kept_text() == explanation.article.body
    assert explanation.article == extract(page, FZNEWS_URL)
    positions = [b.position for b in explanation.blocks]
    assert positions == sorted(positions)   # document order
    assert set(explanation.fields) == {"title", "published", "modified", "source", "author",
                                       "editor", "language", "site", "channel", "document"}


GBK_DROPPED = {
    "版权与免责声明": "boilerplate class: copyright",
    "日新闻排行榜": "boilerplate class: rank",
    "相关新闻": "boilerplate class: xgxw",
    "专题推荐": "outside the chosen block",
    "【责任编辑:徐匆】": "line rule: editor line (outside the core block, not prose)",
}
TABLES_DROPPED = {
    "版权与免责声明": "disclaimer",
    "日新闻排行榜": "outside the chosen block",
    "相关新闻": "line rule: under a related-articles heading",
    "专题推荐": "outside the chosen block",
}


@pytest.mark.parametrize("slug, dropped", [("seed-fznews-gbk", GBK_DROPPED),
                                           ("seed-fznews-tables", TABLES_DROPPED)])
def test_seed_page_boilerplate_is_dropped_with_its_reason(slug: str,
                                                          dropped: dict[str, str]) -> None:
    explanation = explained(ROOT / "samples" / "pages" / slug / "source.html")
    for words, reason in dropped.items():
        block = block_with(explanation, words)
        assert not block.kept and block.to_json()["reason"] == reason, words
        assert block.path.startswith("body > ")


def test_editor_mark_in_a_layout_table_is_dropped_with_a_reason() -> None:
    explanation = explained(ROOT / "samples" / "pages" / "seed-fznews-tables" / "source.html")
    block = block_with(explanation, "【责任编辑:徐匆】")
    assert not block.kept and block.reason
    assert explanation.article.editor == "徐匆"


@pytest.mark.parametrize("slug", ["seed-fznews-gbk", "seed-fznews-tables"])
def test_source_is_traced_to_the_info_line(slug: str) -> None:
    field = explained(ROOT / "samples" / "pages" / slug / "source.html").fields["source"]
    assert field.value == "福州晚报"
    assert field.source == "info line (来源 label)"
    assert field.quote is not None and "来源:福州晚报" in field.quote


def test_structure_page_blocks_and_fields() -> None:
    explanation = explained(STRUCTURE, "https://www.gl.gov.cn/zwgk/2024/a.html")
    reasons = {words: block_with(explanation, words).to_json()["reason"]
               for words in ("分享到", "打印本页", "相关信息", "主办单位", "当前位置")}
    assert reasons == {"分享到": "boilerplate class: share", "打印本页": "boilerplate class: print",
                       "相关信息": "boilerplate class: related",
                       "主办单位": "boilerplate class: footer", "当前位置": "boilerplate class: crumb"}
    info = block_with(explanation, "浏览次数")
    assert not info.kept and info.detail is not None and info.detail.startswith("info line")
    assert block_with(explanation, "改造后的杨桥路焕然一新").reason == T.CAPTION
    source = explanation.fields["source"]
    assert (source.value, source.source) == ("区住建局", "info line (来源 label)")
    assert "来源:区住建局" in (source.quote or "")
    assert explanation.container is not None and explanation.container.path.endswith("div#zoom")
    assert explanation.runner_up is not None


def test_metadata_sources_name_the_tag_and_the_losers() -> None:
    page = """<html lang="en"><head><title>Bridge to reopen in May | City Times</title>
    <meta property="og:title" content="Bridge to reopen in May - City Times">
    <meta property="og:site_name" content="City Times">
    <meta property="article:published_time" content="2024-03-01T08:00:00Z">
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished":
      "2024-03-02T09:00:00+01:00", "author": {"name": "Jane Roe"}}</script></head>
    <body><h1>Bridge to reopen in May</h1>
    <p>The old bridge over the river will reopen to traffic in May, the city said on
    Friday, after two years of repairs to its deck and its railings.</p></body></html>"""
    fields = explain(page, "https://citytimes.example/a").fields
    assert fields["title"].source == "<h1>, which begins <title>"
    assert {c["from"] for c in fields["title"].candidates} >= {"<title>", "<meta og:title>"}
    published = fields["published"]
    assert (published.value, published.source) == ("2024-03-02T09:00:00+01:00", "JSON-LD")
    assert {"value": "2024-03-01T08:00:00Z", "from": "<meta article:published_time>"} \
        in published.candidates
    assert (fields["author"].value, fields["author"].source) == ("Jane Roe", "JSON-LD author")
    assert (fields["site"].value, fields["site"].source) == ("City Times", "<meta og:site_name>")
    assert {"value": "citytimes.example", "from": "the URL's host"} in fields["site"].candidates
    assert (fields["language"].value, fields["language"].source) == ("en", "<html lang>")


def test_link_dense_and_hidden_blocks_carry_their_measure() -> None:
    paragraph = "这是一段足够长的正文内容，用来让评分选中文章所在的区块，并且包含多个句子。" * 3
    links = "".join(f'<a href="/n{i}">新闻标题第{i}条</a> ' for i in range(8))
    page = (f"<html><body><div class=main><p>{paragraph}</p><div>{links}</div>"
            f"<p>{paragraph}</p></div><div style='display:none'>隐藏的文字内容</div>"
            "</body></html>")
    explanation = explain(page)
    dense = block_with(explanation, "新闻标题第0条")
    assert (dense.kept, dense.reason) == (False, T.LINK_DENSE)
    assert dense.link_share is not None and dense.link_share > 0.9
    assert block_with(explanation, "隐藏的文字内容").reason == T.HIDDEN
    assert explanation.kept_text() == explanation.article.body


def test_a_stated_body_replaces_the_page_blocks() -> None:
    import json
    lines = ["The old bridge will reopen to traffic in May, the city said on Friday.",
             "Repairs to its deck and its railings took two years and cost more than planned."]
    data = {"@type": "NewsArticle", "headline": "Bridge", "articleBody": "\n".join(lines)}
    page = (f'<html><head><script type="application/ld+json">{json.dumps(data)}</script>'
            '</head><body><div id="root"><p>Loading…</p></div></body></html>')
    explanation = explain(page)
    assert explanation.article.body == "\n".join(lines)
    assert explanation.kept_text() == explanation.article.body
    assert all(b.path == T.STATED_PATH for b in explanation.blocks if b.kept)


def test_author_from_the_articles_last_line_is_traced_there() -> None:
    paragraph = "<p>" + "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。" * 4 + "</p>"
    page = ("<html lang='zh'><head><title>绿色制造名单公布</title></head><body>"
            "<h1>绿色制造名单公布</h1><div>2005-04-27 14:32 来源：云南日报</div>"
            f"<div class=content>{paragraph * 200}"
            "<p>最后一段。这是结尾的一段文字，内容足够长。（记者 胡晓蓉）</p></div></body></html>")
    explanation = explain(page)
    author = explanation.fields["author"]
    assert (author.value, author.source) == ("胡晓蓉", "byline opening or closing the article")
    assert author.quote is not None and "（记者 胡晓蓉）" in author.quote
    assert explanation.article.author == "胡晓蓉"


def test_title_from_the_line_above_the_date_is_traced_there() -> None:
    body = "<p>" + "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。" * 4 + "</p>"
    page = ("<html><head><meta charset=utf-8><title>国内新闻--雅虎新闻</title></head><body>"
            "<div><a href=/>首页</a> <a href=/gn>国内新闻</a></div>"
            "<table><tr><td><b>哈尔滨今起集中供暖</b></td></tr>"
            f"<tr><td>2005-04-27 14:32 来源：新华网</td></tr><tr><td>{body}</td></tr></table>"
            "</body></html>")
    title = explain(page).fields["title"]
    assert (title.value, title.source) == ("哈尔滨今起集中供暖", "the line above the date")
    assert {"value": "国内新闻--雅虎新闻", "from": "<title>"} in title.candidates


def test_channel_says_where_it_came_from() -> None:
    crumb = ('<html><head><meta charset=utf-8><title>市政府召开常务会议</title></head><body>'
             '<div class="crumbs"><a href="/">首页</a> &gt; <a href="/xw">政务要闻</a> &gt; 正文</div>'
             '<h1>市政府召开常务会议</h1><p>' + "会议研究部署了近期重点工作，要求各部门抓好落实。" * 4
             + '</p></body></html>')
    channel = explain(crumb, "http://www.fuzhou.gov.cn/a.html").fields["channel"]
    assert (channel.value, channel.source) == ("政务要闻", "breadcrumb element (div.crumbs)")
    assert channel.quote == "首页 > 政务要闻 > 正文"
    meta = crumb.replace("</title>", '</title><meta name="ColumnName" content="政策文件">')
    channel = explain(meta, "http://www.fuzhou.gov.cn/a.html").fields["channel"]
    assert (channel.value, channel.source) == ("政策文件", "<meta columnname>")
