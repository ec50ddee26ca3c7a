"""Multi-page articles (分页) against a loopback portal: `scraper crawl` and `scraper fetch`
write each one as one record stitched from its pages, in every pager style."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import LoopbackServer, respond

from portal import Portal, serve
from scraper.cli import main
from scraper.cli.exits import EXIT_OK, EXIT_SOME_FAILED

FAST = ["--delay", "0", "--timeout", "5", "--retries", "0"]


def paged(id: int, pager: str = "links", count: int = 3, **extra: Any) -> dict[str, Any]:
    """An article of ``count`` pages, two paragraphs each, that say which page they are."""
    def paragraphs(page: int) -> list[str]:
        return [f"第{id}号稿件第{page}页第{k}段，记者从有关部门获悉，相关工作正在推进。" for k in (1, 2)]
    fields: dict[str, Any] = {
        "id": id, "channel": "news", "date": "2024-01-16", "encoding": "utf-8",
        "title": f"第{id}号分页稿件", "pager": pager, "editor": "林晓",
        "body": paragraphs(1), "pages": [paragraphs(p) for p in range(2, count + 1)]}
    if pager == "rel":
        fields.update(channel="en", slug=f"long-story-number-{id}", title=f"Long story number {id}",
                      editor=None, body=[f"Story {id}, page 1, paragraph {k}. It goes on." for k in (1, 2)],
                      pages=[[f"Story {id}, page {p}, paragraph {k}. It goes on." for k in (1, 2)]
                             for p in range(2, count + 1)])
    fields.update(extra)
    return fields


def single(id: int, **extra: Any) -> dict[str, Any]:
    return {"id": id, "channel": "news", "date": "2024-01-15", "encoding": "gbk",
            "title": f"第{id}号单页稿件", "body": [f"第{id}号稿件只有一页，记者从有关部门获悉，相关工作正在推进。"],
            **extra}


def path(article: dict[str, Any], number: int) -> str:
    return serve.Item(**article).page_path(number)


@pytest.fixture
def make_portal(tmp_path: Path) -> Iterator[Any]:
    portals: list[Portal] = []

    def make(articles: list[dict[str, Any]], **crawl: Any) -> Portal:
        portal = Portal(tmp_path, articles=articles, crawl=crawl)
        portals.append(portal.__enter__())
        return portal
    yield make
    for portal in portals:
        portal.__exit__()


def crawl(portal: Portal) -> int:
    return main(["crawl", "-c", str(portal.config)])


def by_title(portal: Portal, title: str) -> list[dict[str, Any]]:
    return [r for r in portal.records() if r["title"] == title]


def page_state(portal: Portal, url: str) -> str | None:
    with sqlite3.connect(portal.root / "state.sqlite3") as db:
        row = db.execute("SELECT state FROM pages WHERE url=?", (url,)).fetchone()
    return row[0] if row else None


# ---------------------------------------------------------------- the crawl

@pytest.mark.parametrize(("pager", "count"), [("links", 3), ("trs", 3), ("rel", 2)])
def test_each_pager_style_gives_one_record_with_every_page(make_portal: Any, pager: str,
                                                            count: int) -> None:
    article = paged(5001, pager, count)
    portal = make_portal([article, single(5002)])
    assert crawl(portal) == EXIT_OK
    [record] = by_title(portal, article["title"])
    base = f"http://127.0.0.1:{portal.port}"
    urls = [base + path(article, n) for n in range(1, count + 1)]
    expected = article["body"] + [line for page in article["pages"] for line in page]
    assert record["body"].splitlines() == expected
    assert record["url"] == record["crawl"]["url"] == urls[0]
    assert record["pages"] == count and record["page_urls"] == urls and record["pages_missing"] == []
    assert [i["url"] for i in record["images"]] == \
        [f"{base}/images/5001_{n}.jpg" for n in range(2, count + 1)]
    assert record["editor"] == article["editor"]
    assert all(portal.hits(path(article, n).split("?")[0]) >= 1 for n in range(1, count + 1))
    assert [r["pages"] for r in by_title(portal, "第5002号单页稿件")] == [1]


def test_each_page_is_fetched_once_and_the_next_run_writes_nothing(make_portal: Any) -> None:
    article = paged(5001, "links", 3)
    portal = make_portal([article])
    crawl(portal)
    crawl(portal)
    assert len(by_title(portal, article["title"])) == 1
    assert [portal.hits(path(article, n)) for n in (1, 2, 3)] == [1, 1, 1]
    assert page_state(portal, f"http://127.0.0.1:{portal.port}{path(article, 2)}") == "page"


def test_previous_and_next_article_links_are_not_followed(make_portal: Any) -> None:
    middle = single(5002, neighbours=True)
    portal = make_portal([single(5001), middle, single(5003)])
    assert crawl(portal) == EXIT_OK
    [record] = by_title(portal, middle["title"])
    assert record["pages"] == 1 and record["page_urls"] == [record["url"]]
    assert record["body"] == middle["body"][0]
    for other in ("第5001号单页稿件", "第5003号单页稿件"):     # each written once, as itself
        assert [r["pages"] for r in by_title(portal, other)] == [1]


def test_page_two_found_first_gives_one_record_from_page_one(make_portal: Any) -> None:
    article = paged(5001, "links", 3, listed_page=2)
    portal = make_portal([article])
    text = portal.config.read_text(encoding="utf-8")
    portal.config.write_text(text.replace(r"_\d+\.shtml$", r"_\d+(?:_\d+)?\.shtml$"), encoding="utf-8")
    assert crawl(portal) == EXIT_OK
    base = f"http://127.0.0.1:{portal.port}"
    [record] = portal.records()
    assert record["url"] == record["crawl"]["url"] == base + path(article, 1)
    assert record["pages"] == 3 and record["body"].startswith(article["body"][0])
    assert page_state(portal, base + path(article, 2)) == "page"
    # page 1 itself turns up in the lists later: nothing is fetched or written again
    portal.add_article(**{**article, "id": 5002, "listed_page": 1, "title": "另一篇"})
    crawl(portal)
    assert len(portal.records()) == 2 and portal.hits(path(article, 1)) == 1


def test_a_kill_before_the_pages_are_marked_writes_nothing_twice(make_portal: Any) -> None:
    article = paged(5001, "links", 3, listed_page=2)
    portal = make_portal([article])
    text = portal.config.read_text(encoding="utf-8")
    portal.config.write_text(text.replace(r"_\d+\.shtml$", r"_\d+(?:_\d+)?\.shtml$"), encoding="utf-8")
    crawl(portal)
    page2 = f"http://127.0.0.1:{portal.port}{path(article, 2)}"
    # the state as a kill right after the record was written leaves it: page 2 pending
    with sqlite3.connect(portal.root / "state.sqlite3") as db:
        db.execute("UPDATE pages SET state='pending', error=NULL WHERE url=?", (page2,))
    assert crawl(portal) == EXIT_OK
    assert len(portal.records()) == 1
    assert page_state(portal, page2) == "page"


@pytest.mark.parametrize("fault", ["fail_pages", "empty_pages"], ids=["500", "empty-200"])
def test_failing_page_waits_then_is_written_without_it(make_portal: Any, fault: str,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    article = paged(5001, "links", 3, **{fault: [2]})
    portal = make_portal([article], max_attempts=2)
    with caplog.at_level(logging.WARNING, logger="scraper.crawl"):
        assert crawl(portal) == EXIT_SOME_FAILED
    assert portal.records() == []
    assert "page failed" in caplog.text and "t20240116_5001_2.shtml" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="scraper.crawl"):
        crawl(portal)
    [record] = portal.records()
    base = f"http://127.0.0.1:{portal.port}"
    assert record["pages"] == 2 and record["pages_missing"] == [base + path(article, 2)]
    assert record["page_urls"] == [base + path(article, 1), base + path(article, 3)]
    assert record["body"].splitlines() == article["body"] + article["pages"][1]
    assert "written without 1 of its pages" in caplog.text
    crawl(portal)
    assert len(portal.records()) == 1


def test_pager_that_loops_back_to_page_one(make_portal: Any) -> None:
    article = paged(5001, "links", 2, pager_loop=True)     # page 2: [1] [2] [1] 下一页 → page 1
    portal = make_portal([article])
    assert crawl(portal) == EXIT_OK
    [record] = portal.records()
    assert record["pages"] == 2
    assert [portal.hits(path(article, n)) for n in (1, 2)] == [1, 1]


def test_channel_pager_on_an_article_page_is_not_followed(make_portal: Any) -> None:
    article = single(5001, channel_pager=True)   # 下一页 → /news/index_1.shtml, createPageHTML("index")
    portal = make_portal([article])
    assert crawl(portal) == EXIT_OK
    [record] = portal.records()
    assert record["pages"] == 1 and record["pages_missing"] == []
    assert portal.hits("/news/index_1.shtml") == 0 and portal.hits("/news/index_2.shtml") == 0


def test_max_pages_bounds_the_pages_fetched(make_portal: Any) -> None:
    article = paged(5001, "trs", 4)
    portal = make_portal([article], max_pages=2)
    assert crawl(portal) == EXIT_OK
    [record] = portal.records()
    base = f"http://127.0.0.1:{portal.port}"
    assert record["pages"] == 2
    assert record["pages_missing"] == [base + path(article, 3), base + path(article, 4)]
    assert portal.hits(path(article, 3)) == 0 and portal.hits(path(article, 4)) == 0


def test_crawl_no_follow_pages_writes_the_found_page_alone(make_portal: Any) -> None:
    article = paged(5001, "links", 3)
    portal = make_portal([article])
    assert main(["crawl", "-c", str(portal.config), "--no-follow-pages"]) == EXIT_OK
    [record] = portal.records()
    base = f"http://127.0.0.1:{portal.port}"
    assert record["pages"] == 1 and record["body"].splitlines() == article["body"]
    assert record["pages_missing"] == [base + path(article, 2), base + path(article, 3)]
    assert portal.hits(path(article, 2)) == 0


# ---------------------------------------------------------------- scraper fetch

def fetched(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_fetch_stitches_from_any_page(make_portal: Any, capsys: pytest.CaptureFixture[str]) -> None:
    article = paged(5001, "links", 3)
    portal = make_portal([article])
    base = f"http://127.0.0.1:{portal.port}"
    assert main(["fetch", *FAST, base + path(article, 2)]) == EXIT_OK
    [record] = fetched(capsys)
    assert record["input"] == base + path(article, 2)
    assert record["url"] == base + path(article, 1) and record["pages"] == 3
    assert record["title"] == article["title"] and record["editor"] == "林晓"


def test_fetch_no_follow_pages_writes_the_page_alone(make_portal: Any,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    article = paged(5001, "trs", 3)
    portal = make_portal([article])
    base = f"http://127.0.0.1:{portal.port}"
    assert main(["fetch", *FAST, "--no-follow-pages", base + path(article, 1)]) == EXIT_OK
    [record] = fetched(capsys)
    assert record["pages"] == 1 and record["body"].splitlines() == article["body"]
    assert record["pages_missing"] == [base + path(article, 2), base + path(article, 3)]
    assert portal.hits(path(article, 2)) == 0


def test_fetch_max_pages(make_portal: Any, capsys: pytest.CaptureFixture[str]) -> None:
    article = paged(5001, "links", 3)
    portal = make_portal([article])
    base = f"http://127.0.0.1:{portal.port}"
    assert main(["fetch", *FAST, "--max-pages", "2", base + path(article, 1)]) == EXIT_OK
    [record] = fetched(capsys)
    assert record["pages"] == 2 and record["pages_missing"] == [base + path(article, 3)]


@pytest.mark.parametrize("fault", ["fail_pages", "empty_pages"], ids=["500", "empty-200"])
def test_fetch_failing_page_is_listed_and_exits_1(make_portal: Any, fault: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    article = paged(5001, "links", 3, **{fault: [2]})
    portal = make_portal([article])
    base = f"http://127.0.0.1:{portal.port}"
    assert main(["fetch", *FAST, base + path(article, 1)]) == EXIT_SOME_FAILED
    [record] = fetched(capsys)
    assert record["pages"] == 2 and record["pages_missing"] == [base + path(article, 2)]


def test_pages_obey_robots_txt(loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    body = "".join(f"<p>第{k}段，记者从有关部门获悉，相关工作正在推进。</p>" for k in (1, 2, 3))
    pager = '<div class="pages"><span>1</span> <a href="t20240806_5521_2.html">2</a> <a href="t20240806_5521_2.html">下一页</a></div>'
    page1 = loopback.route("/a/t20240806_5521.html",
                           respond(f"<html><body><h1>标题</h1><div>{body}</div>{pager}</body></html>"))
    loopback.route("/a/t20240806_5521_2.html", respond("<html><body><p>不该取到。</p></body></html>"))
    loopback.route("/robots.txt", respond(b"User-agent: *\nDisallow: /a/t20240806_5521_2.html\n",
                                          content_type="text/plain"))
    assert main(["fetch", *FAST, page1]) == EXIT_SOME_FAILED
    [record] = fetched(capsys)
    assert record["pages"] == 1 and record["pages_missing"] == [loopback.url("/a/t20240806_5521_2.html")]
    assert loopback.hits("/a/t20240806_5521_2.html") == 0
