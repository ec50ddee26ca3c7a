"""Per-site overrides (selectors, forced encoding) and the content hash."""

from __future__ import annotations

from scraper.config import Selectors, SiteConfig
from scraper.models import Article
from scraper.overrides import content_hash, extract_page

PAGE = """<html><head><meta charset="utf-8"><title>站点名称</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<h2 class="headline">真正的标题在这里</h2><span class="when">发布时间：2024年1月15日 10:30</span>
<div id="text"><p>第一段正文，内容足够长，可以作为文章的主体部分来阅读。</p><p>第二段正文。</p></div>
</body></html>"""
URL = "https://example.com/2024/01/15/a.html"


def site(**fields: object) -> SiteConfig:
    return SiteConfig(name="s", start_urls=(URL,), **fields)  # type: ignore[arg-type]


def test_selectors_replace_title_body_and_date() -> None:
    selectors = Selectors(title="h2.headline", body="#text", date="span.when")
    article = extract_page(PAGE.encode("utf-8"), URL, site(selectors=selectors))
    assert article.title == "真正的标题在这里"
    assert article.body == "第一段正文，内容足够长，可以作为文章的主体部分来阅读。\n第二段正文。"
    assert article.published == "2024-01-15T10:30:00"


def test_selector_that_matches_nothing_keeps_the_heuristic_value() -> None:
    plain = extract_page(PAGE.encode("utf-8"), URL, site())
    missed = extract_page(PAGE.encode("utf-8"), URL, site(selectors=Selectors(title="h1.none")))
    assert missed.title == plain.title


def test_forced_encoding_wins_over_a_lying_header_and_meta() -> None:
    data = PAGE.replace("utf-8", "big5").encode("gb18030")
    article = extract_page(data, URL, site(encoding="gb18030"), http_charset="big5")
    assert "第二段正文" in article.body and article.encoding == "gb18030"


def test_content_hash_ignores_spacing_and_width_differences() -> None:
    one = Article(title="标题 A", body="第一段\n第二段")
    two = Article(title="标题　Ａ", body="  第一段 \n\n第二段  ")
    assert content_hash(one) == content_hash(two)
    assert content_hash(one) != content_hash(Article(title="标题 A", body="第一段"))
