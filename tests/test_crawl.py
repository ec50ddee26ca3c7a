"""End to end: `scraper crawl` against the demo portal served from 127.0.0.1."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from portal import Portal, demo_articles, expected_urls, serve
from scraper.cli import main
from scraper.cli.exits import EXIT_LOCKED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from scraper.config import load_config
from scraper.lock import CrawlLock, lock_path
from scraper.state import State


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    with Portal(tmp_path) as running:
        yield running


def crawl(portal: Portal, *args: str) -> int:
    return main(["crawl", "-c", str(portal.config), *args])


def urls(records: list[dict]) -> list[str]:
    return [r["crawl"]["url"] for r in records]


def test_first_run_writes_every_article_once(portal: Portal) -> None:
    assert crawl(portal) == EXIT_SOME_FAILED  # the 500 page
    written = urls(portal.records())
    assert Counter(written).most_common(1)[0][1] == 1
    assert set(written) == expected_urls(portal, demo_articles())


def test_first_run_decodes_gbk_pages_with_and_without_charset_header(portal: Portal) -> None:
    crawl(portal)
    by_title = {r["title"]: r for r in portal.records()}
    assert "地铁5号线二期工程完成首个区间双线贯通" in by_title       # GBK, charset only in <meta>
    assert "闽江北岸滨江步道全线贯通" in by_title                   # GBK, charset in the header
    assert "盾构机" in by_title["地铁5号线二期工程完成首个区间双线贯通"]["body"]


def test_records_go_to_one_file_per_site(portal: Portal) -> None:
    crawl(portal)
    sites = {p.parent.name for p in (portal.root / "data").rglob("*.jsonl")}
    assert sites == {"demo-news", "demo-en"}


def test_duplicate_under_second_url_is_written_once(portal: Portal) -> None:
    crawl(portal)
    titles = [r["title"] for r in portal.records()]
    assert titles.count("闽江北岸滨江步道全线贯通") == 1
    assert portal.hits("/society/20240115/t20240115_2006.shtml") == 1  # fetched, then recognised


def test_second_run_writes_nothing_and_refetches_no_article(portal: Portal) -> None:
    crawl(portal)
    before = len(portal.records())
    crawl(portal)
    assert len(portal.records()) == before
    assert portal.hits("/news/20240115/t20240115_1001.shtml") == 1


def test_added_articles_are_exactly_what_the_next_run_writes(portal: Portal) -> None:
    crawl(portal)
    crawl(portal)
    before = portal.records()
    bridge, clinic = "新开通的跨江大桥迎来首个通行日", "社区卫生服务中心延长门诊时间"
    portal.add_article(id=1011, channel="news", date="2024-01-16", encoding="gbk", title=bridge,
                       body=["大桥今日正式通车，市民驾车过江时间缩短二十分钟。"])
    portal.add_article(id=2007, channel="society", date="2024-01-16", encoding="utf-8", title=clinic,
                       body=["自本周起，社区卫生服务中心工作日门诊延长至晚上八点。"])
    crawl(portal)
    new = portal.records()[len(before):]
    assert sorted(r["title"] for r in new) == sorted([bridge, clinic])


def test_failing_page_is_retried_then_dead(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    assert crawl(portal) == EXIT_SOME_FAILED
    assert crawl(portal) == EXIT_SOME_FAILED   # second attempt: max_attempts = 2, now dead
    assert crawl(portal) == EXIT_OK            # dead pages are not fetched again
    assert portal.hits("/news/20240111/t20240111_1010.shtml") == 2


def test_page_answering_200_with_an_empty_body_is_retried_then_dead(tmp_path: Path) -> None:
    articles = demo_articles()
    empty = dict(articles[0], id=1998, title="（空白页面的稿件）", empty_pages=[1])
    articles.append(empty)
    with Portal(tmp_path, articles=articles) as portal:   # max_attempts = 2
        assert crawl(portal) == EXIT_SOME_FAILED
        assert crawl(portal) == EXIT_SOME_FAILED
        assert crawl(portal) == EXIT_OK                # dead pages are not fetched again
        written = urls(portal.records())
        empty_path = serve.Item(**empty).path
        assert portal.hits(empty_path) == 2
    empty_url = f"http://127.0.0.1:{portal.port}{empty_path}"
    assert empty_url not in written   # nor anything else twice (a repeated article: either URL)
    assert len(written) == len(set(written)) == len(expected_urls(portal, demo_articles()))
    with State(tmp_path / "state.sqlite3") as db:
        failure = next(f for f in db.failures() if f.url == empty_url)
    assert failure.state == "dead" and failure.attempts == 2 and failure.status == 200
    assert failure.error == "empty: nothing to extract: 0 bytes"


def test_summary_line_on_stderr(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    crawl(portal)
    last = capsys.readouterr().err.strip().splitlines()[-1]
    # 23 articles, three of them over 2 or 3 pages: 5 more pages fetched and stitched
    assert last.startswith("scraper crawl: discovered 23, new 23, fetched 28, written 21")
    assert "failed 1" in last


def test_quiet_prints_no_summary(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    crawl(portal, "--quiet")
    assert "discovered" not in capsys.readouterr().err


def test_output_dash_writes_to_stdout(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    crawl(portal, "-o", "-")
    lines = capsys.readouterr().out.splitlines()
    assert {json.loads(line)["crawl"]["url"] for line in lines} == expected_urls(portal, demo_articles())
    assert not (portal.root / "data").exists()


def test_site_option_crawls_one_site(portal: Portal) -> None:
    assert crawl(portal, "--site", "demo-en") == EXIT_OK
    assert {r["crawl"]["site"] for r in portal.records()} == {"demo-en"}


def test_second_run_while_one_holds_the_lock_exits_75(portal: Portal,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(portal.config)
    with CrawlLock(lock_path(config.state_path)):
        assert crawl(portal) == EXIT_LOCKED
    assert "another crawl is running" in capsys.readouterr().err
    assert portal.total_hits() == 0


def test_config_error_exits_2_before_fetching(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    portal.config.write_text(portal.config.read_text().replace("max_new = 50", "max_new = 'many'"))
    assert crawl(portal) == EXIT_USAGE
    assert "site[1].max_new: expected an integer" in capsys.readouterr().err
    assert portal.total_hits() == 0


def test_check_config_validates_without_fetching(portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", "-c", str(portal.config)]) == EXIT_OK
    assert "OK, 2 site(s)" in capsys.readouterr().out
    assert portal.total_hits() == 0


def test_state_command_shows_counts_and_failures(portal: Portal,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    crawl(portal)
    capsys.readouterr()
    assert main(["state", "-c", str(portal.config)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "demo-news" in out and "t20240111_1010.shtml" in out and "HTTP 500" in out
