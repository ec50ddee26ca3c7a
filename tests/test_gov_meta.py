"""The Chinese government-site meta convention, and document dates that are never
the publication date."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract import extract
from scraper.extract.metadata import Metadata, block_published, extract_metadata

BODY_TEXT = "<p>" + "各县（市）区人民政府，市直各有关单位：现将有关事项通知如下，请认真贯彻执行。" * 4 + "</p>"
TITLE = "关于印发福州市安全生产工作要点的通知"


def meta(html: str, url: str | None = "http://www.fuzhou.gov.cn/zwgk/t1.html") -> Metadata:
    return extract_metadata(LexborHTMLParser(html), url)


def gov_page(block: str, *, head: str = "", lang: str = "") -> str:
    """A government page: the headline, then the attribute block, then the text."""
    return (f"<html{lang}><head><meta charset=utf-8><title>{TITLE}_福州市人民政府</title>{head}"
            f"</head><body><div class=nav><a href=/>首页</a></div><h1>{TITLE}</h1>"
            f"{block}<div class=article>{BODY_TEXT}</div></body></html>")


TABLE_BLOCK = ("<table><tr><td>索引号：</td><td>11350100003590XXXX/2024-00123</td>"
               "<td>发文机关：</td><td>福州市应急管理局</td></tr>"
               "<tr><td>成文日期：</td><td>2024-03-15</td><td>发布日期：</td><td>2024-03-18</td></tr>"
               "</table>")


# ---------------------------------------------------------------- the meta convention

@pytest.mark.parametrize("name", ["PubDate", "pubdate", "PUBDATE"])
def test_pubdate_is_published_with_china_offset(name: str) -> None:
    head = f'<meta name="{name}" content="2024-03-18 16:05">'
    assert meta(gov_page("", head=head)).published == "2024-03-18T16:05:00+08:00"


def test_pubdate_keeps_a_stated_offset() -> None:
    head = '<meta name="PubDate" content="2024-03-18T16:05:00+09:00">'
    assert meta(gov_page("", head=head)).published == "2024-03-18T16:05:00+09:00"


@pytest.mark.parametrize("name", ["ArticleTitle", "articletitle"])
def test_article_title(name: str) -> None:
    html = (f'<html><head><meta charset=utf-8><title>福州市人民政府</title>'
            f'<meta name="{name}" content="{TITLE}"></head>'
            f"<body><div>{BODY_TEXT}</div></body></html>")
    assert meta(html).title == TITLE


@pytest.mark.parametrize("name", ["ContentSource", "contentsource"])
def test_content_source(name: str) -> None:
    head = f'<meta name="{name}" content="福州市应急管理局">'
    assert meta(gov_page("", head=head)).source == "福州市应急管理局"


@pytest.mark.parametrize("name", ["SiteName", "sitename"])
def test_site_name(name: str) -> None:
    head = f'<meta name="{name}" content="福州市人民政府">'
    assert meta(gov_page("", head=head)).site == "福州市人民政府"


# ---------------------------------------------------------------- document dates are never published

def test_written_date_never_wins_over_pubdate() -> None:
    """The issue's page: PubDate, 发布日期 and 成文日期 by the headline."""
    head = '<meta name="PubDate" content="2024-03-18 16:05">'
    assert meta(gov_page(TABLE_BLOCK, head=head)).published == "2024-03-18T16:05:00+08:00"


def test_published_label_without_meta() -> None:
    assert meta(gov_page(TABLE_BLOCK)).published == "2024-03-18"


@pytest.mark.parametrize("block", [
    "<div>成文日期：2024-03-15</div>",
    "<div>成文时间：2024年3月15日</div>",
    "<div>签发日期：2024-03-15</div>",
    "<div>成 文 日 期：2024-03-15</div>",
    "<table><tr><td>成文日期</td><td>2024-03-15</td></tr></table>",
    "<div>实施日期：2024-03-15</div>",
], ids=["written", "written-time", "signed", "spaced-label", "table-cells", "effective"])
def test_document_date_alone_is_not_published(block: str) -> None:
    assert meta(gov_page(block)).published is None


@pytest.mark.parametrize("block", [
    "<div>成文日期：2024-03-15 发布日期：2024-03-18</div>",
    "<div>发布日期：2024-03-18 成文日期：2024-03-15</div>",
    "<ul><li><span>成文日期：</span>2024年03月15日</li>"
    "<li><span>发布日期：</span>2024年03月18日</li></ul>",
    "<dl><dt>成文日期</dt><dd>2024-03-15</dd><dt>发布时间</dt><dd>2024-03-18</dd></dl>",
], ids=["one-line", "published-first", "ul-li-span", "dl"])
def test_published_date_beside_a_written_date(block: str) -> None:
    assert meta(gov_page(block)).published == "2024-03-18"


def test_written_date_below_the_text_is_not_published() -> None:
    """No date by the headline: the labelled lines further down are read, past 成文日期."""
    html = (f"<html><head><meta charset=utf-8><title>{TITLE}</title></head><body>"
            f"<h1>{TITLE}</h1><div class=article>{BODY_TEXT}</div>"
            "<div>成文日期：2024-03-15</div><div>发布时间：2024-03-18 09:30</div></body></html>")
    assert meta(html).published == "2024-03-18T09:30:00+08:00"


def test_unlabelled_date_stays_published() -> None:
    """An info line with a plain date keeps it; only document labels are passed over."""
    assert meta(gov_page("<div>2024-03-18 来源：福州日报</div>")).published == "2024-03-18"


@pytest.mark.parametrize("value", ["www.fuzhou.gov.cn", "http://www.fuzhou.gov.cn/"])
def test_site_domain_names_the_site_when_nothing_else_does(value: str) -> None:
    head = f'<meta name="SiteDomain" content="{value}">'
    assert meta(gov_page("", head=head), url=None).site == "fuzhou.gov.cn"


def test_site_name_wins_over_site_domain() -> None:
    head = '<meta name="SiteDomain" content="www.fuzhou.gov.cn"><meta name="SiteName" content="福州市人民政府">'
    assert meta(gov_page("", head=head), url=None).site == "福州市人民政府"


@pytest.mark.parametrize("name", ["Author", "author"])
def test_author_meta_names_a_person(name: str) -> None:
    head = f'<meta name="{name}" content="陈晓云">'
    assert meta(gov_page("", head=head)).author == "陈晓云"


@pytest.mark.parametrize("value", ["福州市人民政府", "福州市应急管理局", "市政府办公厅", "中国政府网"])
def test_author_meta_naming_a_government_body_is_no_author(value: str) -> None:
    head = f'<meta name="Author" content="{value}">'
    assert meta(gov_page("", head=head)).author is None


def test_keywords_and_site_id_code_change_nothing() -> None:
    """Keywords and SiteIDCode have no record field: the page reads as without them."""
    plain = meta(gov_page(TABLE_BLOCK))
    head = '<meta name="Keywords" content="安全生产,应急管理"><meta name="SiteIDCode" content="3501000001">'
    assert meta(gov_page(TABLE_BLOCK, head=head)) == plain


def test_pubdate_on_a_government_sites_english_page_is_beijing_time() -> None:
    html = ('<html lang="en"><head><title>Fuzhou launches urban renewal</title>'
            '<meta name="SiteIDCode" content="3501000001">'
            '<meta name="PubDate" content="2024-03-18 16:05"></head><body>'
            "<h1>Fuzhou launches urban renewal</h1><p>" + "The city will renew old estates. " * 8
            + "</p></body></html>")
    assert meta(html).published == "2024-03-18T16:05:00+08:00"


def test_pubdate_on_another_english_page_stays_without_offset() -> None:
    html = ('<html lang="en"><head><title>City launches urban renewal</title>'
            '<meta name="PubDate" content="2024-03-18 16:05"></head><body>'
            "<h1>City launches urban renewal</h1><p>" + "The city will renew old estates. " * 8
            + "</p></body></html>")
    assert meta(html).published == "2024-03-18T16:05:00"


# ---------------------------------------------------------------- a date in a sentence is no info line

DEADLINE = "资金使用情况请于2024年12月31日前报送市财政局和市交通运输局。"
SALUTATION = "<p>各县（市、区）财政局、交通运输局：</p>"


def text_page(lines: str, *, head: str = "", above: str = "") -> str:
    """The headline, then the document's short paragraphs (none paragraph-long)."""
    return (f"<html><head><meta charset=utf-8><title>{TITLE}</title>{head}</head><body>"
            f"{above}<h1>{TITLE}</h1><div class=article>{lines}</div></body></html>")


@pytest.mark.parametrize("sentence", [
    DEADLINE,
    "请各单位于2024年12月31日前完成自查，并将结果报送市应急管理局！",
    "是否已于2024年12月31日前完成整改并报送市应急管理局的相关处室？",
    "通知要求：“请于2024年12月31日前将整改情况报送市应急管理局。”",
], ids=["full-stop", "exclamation", "question", "closing-quote"])
def test_deadline_in_a_sentence_under_the_headline_leaves_pubdate(sentence: str) -> None:
    head = '<meta name="PubDate" content="2024-07-02 10:12">'
    page = text_page(f"{SALUTATION}<p>{sentence}</p><p>宁德市财政局</p><p>2024年6月28日</p>", head=head)
    assert meta(page).published == "2024-07-02T10:12:00+08:00"


def test_deadline_sentence_then_a_labelled_date_below() -> None:
    """Without a machine date, the labelled 发布时间 further down is the date, not the deadline."""
    page = text_page(f"{SALUTATION}<p>{DEADLINE}</p>{BODY_TEXT}<div>发布时间：2024-07-02 10:12</div>")
    assert meta(page).published == "2024-07-02T10:12:00+08:00"


def test_short_dated_line_ending_a_sentence_stays_an_info_line() -> None:
    """Only a line of prose length is a sentence: a short dated line is still the info line."""
    page = text_page("<div>2024年7月2日。</div><p>" + "各县（市、区）要认真贯彻执行。" * 8 + "</p>")
    assert meta(page).published == "2024-07-02"


def test_written_date_value_above_the_headline_is_not_published() -> None:
    """A block above the headline: 成文日期's value on its own line is the document's."""
    above = "<dl><dt>成文日期：</dt><dd>二〇二四年六月二十八日</dd><dt>有 效 性：</dt><dd>有效</dd></dl>"
    head = '<meta name="PubDate" content="2024-07-02 10:12">'
    assert meta(text_page(BODY_TEXT, above=above, head=head)).published == "2024-07-02T10:12:00+08:00"
    assert meta(text_page(BODY_TEXT, above=above)).published is None


# ---------------------------------------------------------------- the attribute block's 发布日期

DIV_BLOCK = ("<div class=xxgk><div><label>索引号</label><span>QZ00101-0500-2024-00019</span></div>"
             "<div><label>发文机关</label><span>泉州市人民政府</span></div>"
             "<div><label>成文日期</label><span>2024年04月28日</span></div>"
             "<div><label>发布日期</label><span>2024年05月06日</span></div></div>")
SIGNED = f"{BODY_TEXT}<p>泉州市人民政府</p><p>2024年4月28日</p>"


def test_block_published_date_without_a_colon_is_published() -> None:
    """The label in one element and the date in the next: the block's reading gives it."""
    article = extract(text_page(SIGNED, above=DIV_BLOCK), "http://www.quanzhou.gov.cn/t1.htm")
    assert article.document is not None and article.document["published"] == "2024-05-06"
    assert article.published == "2024-05-06"


def test_pubdate_wins_over_the_blocks_published_date() -> None:
    head = '<meta name="PubDate" content="2024-05-06 17:30">'
    article = extract(text_page(SIGNED, above=DIV_BLOCK, head=head), "http://www.quanzhou.gov.cn/t1.htm")
    assert article.published == "2024-05-06T17:30:00+08:00"


@pytest.mark.parametrize("shown, declared, block, expected", [
    ("2024-04-28", False, "2024-05-06", "2024-05-06"),
    (None, False, "2024-05-06", "2024-05-06"),
    ("2024-05-06T09:30:00+08:00", False, "2024-05-06", "2024-05-06T09:30:00+08:00"),
    ("2024-05-07T09:30:00+08:00", True, "2024-05-06", "2024-05-07T09:30:00+08:00"),
    ("2024-04-28", False, None, "2024-04-28"),
], ids=["beats-unlabelled", "fills-missing", "same-day-keeps-time", "machine-date-wins", "no-block"])
def test_block_published(shown: str | None, declared: bool, block: str | None,
                         expected: str) -> None:
    metadata = Metadata(published=shown, published_declared=declared)
    document = {"written": "2024-04-28", **({"published": block} if block else {})}
    assert block_published(metadata, document) == expected
