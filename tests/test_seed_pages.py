"""The two fznews.com.cn portal pages: every boilerplate block gone, every paragraph kept.

``seed-fznews-gbk`` (div layout, GBK) and ``seed-fznews-tables`` (2000s tables, sidebar
before the body) carry the same article and every kind of portal boilerplate listed in
zh-dev's README.
"""

from __future__ import annotations

import pytest

from test_samples import expected, extracted, paragraphs, squash

SEED_PAGES = ("seed-fznews-gbk", "seed-fznews-tables")

# Boilerplate text on the seed pages, by block; none of it may reach the body.
BOILERPLATE = {
    "breadcrumb": "返回首页",
    "breadcrumb-path": "新闻频道",
    "editor-line": "【责任编辑",
    "disclaimer-title": "版权与免责声明",
    "disclaimer-text": "凡本网注明",
    "ranking-tabs": "日新闻排行榜",
    "ranking-item": "台风“玛莉亚”生成",
    "related-news": "相关新闻",
    "topic-box": "专题推荐",
    "topic-item": "关注巴黎奥运会",
    "house-channel": "房产频道",
    "house-item": "最大化争取这些投资和资金",
    "info-line": "来源:福州晚报",
    "footer": "福州新闻网 版权所有",
    "image-caption": "鼓楼公安分局接处警勤务模式改革启动仪式。",
}


@pytest.mark.parametrize("phrase", list(BOILERPLATE.values()), ids=list(BOILERPLATE))
@pytest.mark.parametrize("slug", SEED_PAGES)
def test_boilerplate_is_absent(slug: str, phrase: str) -> None:
    assert squash(phrase) not in squash(extracted(slug).body)


@pytest.mark.parametrize("slug", SEED_PAGES)
def test_title_is_not_repeated_in_body(slug: str) -> None:
    first = paragraphs(extracted(slug).body)[0]
    assert squash(expected(slug)["title"]) not in squash(first)


@pytest.mark.parametrize("slug", SEED_PAGES)
def test_every_paragraph_is_present(slug: str) -> None:
    body = squash(extracted(slug).body)
    missing = [p for p in paragraphs(expected(slug)["body"]) if squash(p) not in body]
    assert missing == []


@pytest.mark.parametrize("slug", SEED_PAGES)
def test_nothing_but_article_text(slug: str) -> None:
    """Every body line is article text: catches any block without a known phrase
    (share buttons, empty boxes with labels)."""
    article = squash(expected(slug)["body"])
    extra = [line for line in paragraphs(extracted(slug).body) if squash(line) not in article]
    assert extra == []
