"""Discovery: canonical URLs, article-URL heuristics, list pages, feeds and sitemaps."""

from __future__ import annotations

import gzip
import re

import pytest

from scraper.config import SiteConfig
from scraper.discover import Filter, parse_feed, parse_list_page, parse_sitemap
from scraper.errors import DecodeError
from scraper.urls import canonical, looks_like_article

BASE = "https://www.fznews.com.cn/fuzhou/"


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/a.html#comments", "https://example.com/a.html"),
    ("https://example.com/a.html?utm_source=x&utm_medium=y", "https://example.com/a.html"),
    ("https://example.com/a.html?spm=1.2.3&from=timeline&id=7", "https://example.com/a.html?id=7"),
    ("HTTPS://Example.COM:443/a.html", "https://example.com/a.html"),
    ("http://example.com:8080/a?b=2&a=1", "http://example.com:8080/a?a=1&b=2"),
    ("https://example.com", "https://example.com/"),
], ids=["fragment", "utm", "spm-from-kept-id", "case-default-port", "port-sorted-query", "empty-path"])
def test_canonical(url: str, expected: str) -> None:
    assert canonical(url) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.fznews.com.cn/fuzhou/20240115/t20240115_123456.shtml", True),
    ("https://www.gov.cn/zhengce/content/2024-01/15/content_6926000.htm", True),
    ("https://example.com/2024/01/15/city-opens-new-bridge.html", True),
    ("https://example.com/news/city-opens-a-new-bridge-today", True),
    ("https://example.com/show.php?id=12345", True),
    ("https://www.fznews.com.cn/fuzhou/", False),
    ("https://www.fznews.com.cn/fuzhou/index_2.shtml", False),
    ("https://example.com/tag/bridges", False),
    ("https://example.com/about.html", False),
    ("https://example.com/2024/01/15/photo.jpg", False),
], ids=["trs", "gov-content", "dated-slug", "slug", "query-id", "channel", "channel-page",
        "tag", "about", "image"])
def test_looks_like_article(url: str, expected: bool) -> None:
    assert looks_like_article(url) is expected


def site(**fields: object) -> SiteConfig:
    return SiteConfig(name="s", start_urls=(BASE,), domains=("fznews.com.cn",), **fields)  # type: ignore[arg-type]


def test_filter_include_and_exclude() -> None:
    accepts = Filter(site(include=(re.compile(r"/t\d+_\d+\.shtml$"),),
                          exclude=(re.compile(r"/video/"),))).accepts
    assert accepts("https://www.fznews.com.cn/fuzhou/20240115/t20240115_1.shtml")
    assert not accepts("https://www.fznews.com.cn/video/20240115/t20240115_1.shtml")
    assert not accepts("https://www.fznews.com.cn/fuzhou/20240115/other.shtml")


def test_filter_heuristics_keep_the_site_and_headline_links() -> None:
    accepts = Filter(site()).accepts
    article = "https://news.fznews.com.cn/fuzhou/20240115/t20240115_1.shtml"
    assert accepts(article, "闽江北岸滨江步道全线贯通")
    assert not accepts(article, "更多")                       # navigation-length text
    assert not accepts("https://other.cn/20240115/t20240115_1.shtml", "闽江北岸滨江步道全线贯通")
    assert accepts(article)                                   # feeds and sitemaps: no text


LIST_PAGE = """<html><head><meta charset="gb2312"></head><body>
<a href="/">首页</a>
<ul><li><a href="20240115/t20240115_1.shtml#top">闽江北岸滨江步道全线贯通</a></li>
<li><a href="./20240115/t20240115_2.shtml?utm_source=x">地铁5号线二期工程</a></li>
<li><a href="20240115/t20240115_1.shtml">闽江北岸滨江步道全线贯通</a></li>
<li><a href="javascript:void(0)">打印</a></li></ul>
<div class="pager"><a href="index_1.shtml">下一页</a></div></body></html>"""


def test_list_page_links_are_absolute_canonical_and_unique() -> None:
    page = parse_list_page(LIST_PAGE.encode("gbk"), BASE)
    urls = [link.url for link in page.links]
    assert urls == ["https://www.fznews.com.cn/", BASE + "20240115/t20240115_1.shtml",
                    BASE + "20240115/t20240115_2.shtml", BASE + "index_1.shtml"]
    assert page.links[1].text == "闽江北岸滨江步道全线贯通"


@pytest.mark.parametrize("pager, expected", [
    ('<a href="index_1.shtml">下一页</a>', BASE + "index_1.shtml"),
    ('<a rel="next" href="?page=2">2</a>', BASE + "?page=2"),
    ('<script>createPageHTML(5, 0, "index", "shtml");</script>', BASE + "index_1.shtml"),
    ('<script>createPageHTML(5, 3, "index", "shtml");</script>', BASE + "index_4.shtml"),
    ('<script>createPageHTML(5, 4, "index", "shtml");</script>', None),
    ('<a href="index_9.shtml">尾页</a>', None),
], ids=["next-text", "rel-next", "trs-first", "trs-middle", "trs-last", "no-next"])
def test_next_page(pager: str, expected: str | None) -> None:
    html = f"<html><body><ul><li><a href='a.html'>x</a></li></ul>{pager}</body></html>"
    assert parse_list_page(html.encode(), BASE).next_url == expected


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://example.com/2024/01/15/a.html?utm_source=rss</link></item>
<item><title>b</title><guid isPermaLink="true">https://example.com/2024/01/15/b.html</guid></item>
<item><title>c</title><guid isPermaLink="false">tag:example.com,2024:c</guid></item>
</channel></rss>"""
ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link rel="self" href="https://example.com/api/a"/>
<link rel="alternate" href="https://example.com/2024/01/15/a.html"/></entry>
<entry><title>b</title><link href="/2024/01/15/b.html"/></entry></feed>"""
RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><item rdf:about="https://example.com/2024/01/15/a.html">
<title>a</title></item></rdf:RDF>"""


@pytest.mark.parametrize("feed, expected", [
    (RSS, ["https://example.com/2024/01/15/a.html", "https://example.com/2024/01/15/b.html"]),
    (ATOM, ["https://example.com/2024/01/15/a.html", "https://example.com/2024/01/15/b.html"]),
    (RDF, ["https://example.com/2024/01/15/a.html"]),
    (RSS.replace("</channel></rss>", "<item><link>https://example.com/x & y</link>"),
     ["https://example.com/2024/01/15/a.html", "https://example.com/2024/01/15/b.html"]),
], ids=["rss2", "atom", "rss1-rdf", "broken-xml-recovered"])
def test_feed_links(feed: str, expected: list[str]) -> None:
    assert parse_feed(feed.encode("utf-8"), "https://example.com/rss.xml")[:2] == expected


def test_not_xml_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        parse_feed(b"", "https://example.com/rss.xml")


URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://example.com/2024/01/15/a.html</loc><news:news><news:publication_date>2024-01-15
</news:publication_date></news:news></url>
<url><loc> https://example.com/2024/01/15/b.html </loc></url></urlset>"""
INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://example.com/sitemap-news.xml</loc></sitemap>
<sitemap><loc>https://example.com/sitemap-2023.xml.gz</loc></sitemap></sitemapindex>"""


def test_news_sitemap_pages() -> None:
    sitemap = parse_sitemap(URLSET.encode(), "https://example.com/sitemap.xml")
    assert sitemap.pages == ["https://example.com/2024/01/15/a.html",
                             "https://example.com/2024/01/15/b.html"]
    assert sitemap.children == []


def test_sitemap_index_children() -> None:
    sitemap = parse_sitemap(INDEX.encode(), "https://example.com/sitemap.xml")
    assert sitemap.children == ["https://example.com/sitemap-news.xml",
                                "https://example.com/sitemap-2023.xml.gz"]


def test_gzipped_sitemap_is_unpacked() -> None:
    sitemap = parse_sitemap(gzip.compress(URLSET.encode()), "https://example.com/s.xml.gz")
    assert len(sitemap.pages) == 2
