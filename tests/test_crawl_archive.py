"""WARC out from the crawl (`[crawl] warc`): every fetched response archived, and a
record reaches the JSON Lines only after its response is in the WARC."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from portal import Portal, demo_articles, expected_urls
from scraper import archive
from scraper.cli import main
from scraper.cli.exits import EXIT_SOME_FAILED
from scraper.fetch import FetchResult

WARC = '"archive/{site}/{date}.warc.gz"'


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    with Portal(tmp_path, crawl={"warc": WARC}) as running:
        yield running


def archived(root: Path) -> dict[str, list[str]]:
    """Response URLs in each site's WARC files, read with warcio."""
    found: dict[str, list[str]] = {}
    for path in sorted((root / "archive").rglob("*.warc.gz")):
        with path.open("rb") as stream:
            found.setdefault(path.parent.name, []).extend(
                r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                if r.rec_type == "response")
    return found


def test_crawl_archives_articles_list_pages_feeds_and_sitemaps(portal: Portal) -> None:
    assert main(["crawl", "-c", str(portal.config), "-q"]) == EXIT_SOME_FAILED   # the 500 page
    responses = archived(portal.root)
    assert set(responses) == {"demo-news", "demo-en"}
    base = f"http://127.0.0.1:{portal.port}"
    news = set(responses["demo-news"])
    assert {f"{base}/news/", f"{base}/rss.xml", f"{base}/sitemap.xml"} <= news
    written = {r["crawl"]["url"] for r in portal.records()}
    assert written == expected_urls(portal, demo_articles())
    assert written <= news | set(responses["demo-en"])


def test_second_run_appends_only_what_it_fetched(portal: Portal) -> None:
    main(["crawl", "-c", str(portal.config), "-q"])
    first = sum(len(urls) for urls in archived(portal.root).values())
    main(["crawl", "-c", str(portal.config), "-q"])
    again = sum(len(urls) for urls in archived(portal.root).values())
    articles = {r["crawl"]["url"] for r in portal.records()}
    assert again > first   # list pages are read every run, and archived again
    assert len(portal.records()) == len(articles)   # each article written once
    responses = [u for urls in archived(portal.root).values() for u in urls]
    assert all(responses.count(url) == 1 for url in articles)   # and fetched once


def test_a_record_is_written_only_after_its_response_is_archived(
        portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    original = archive.WarcFile.add
    articles = expected_urls(portal, demo_articles())
    archived_articles = []

    def failing_add(self: archive.WarcFile, result: FetchResult) -> bool:
        if result.url in articles:
            if len(archived_articles) == 4:   # the disk fills up among the articles
                raise OSError(28, "No space left on device")
            archived_articles.append(result.url)
        return original(self, result)

    monkeypatch.setattr(archive.WarcFile, "add", failing_add)
    try:
        main(["crawl", "-c", str(portal.config), "-q"])
    except OSError:
        pass   # how the run stops is the crawl's business; what it wrote is checked here
    written = {r["crawl"]["url"] for r in portal.records()}
    responses = {u for urls in archived(portal.root).values() for u in urls}
    assert written and written <= responses
    assert written < articles


class Killed(BaseException):
    """Stands for SIGKILL: nothing of the crawl catches it."""


def responses(root: Path) -> list[str]:
    return [url for urls in archived(root).values() for url in urls]


@pytest.mark.parametrize("kill_at", [1, 3, 7])
def test_a_run_killed_after_archiving_a_page_archives_it_once(
        portal: Portal, monkeypatch: pytest.MonkeyPatch, kill_at: int) -> None:
    original = archive.WarcFile.add
    articles = expected_urls(portal, demo_articles())
    done: list[str] = []

    def add_then_die(self: archive.WarcFile, result: FetchResult) -> bool:
        added = original(self, result)
        if result.url in articles:
            done.append(result.url)
            if len(done) == kill_at:   # the response is on disk; its outcome is not
                raise Killed
        return added

    monkeypatch.setattr(archive.WarcFile, "add", add_then_die)
    with pytest.raises(Killed):
        main(["crawl", "-c", str(portal.config), "-q"])
    monkeypatch.undo()
    killed_on = done[-1]
    assert responses(portal.root).count(killed_on) == 1
    assert killed_on not in {r["crawl"]["url"] for r in portal.records()}
    main(["crawl", "-c", str(portal.config), "-q"])   # resumed
    written = [r["crawl"]["url"] for r in portal.records()]
    assert sorted(written) == sorted(articles)
    archived_now = responses(portal.root)
    assert {url: archived_now.count(url) for url in articles} == {url: 1 for url in articles}


def test_a_page_that_failed_before_the_kill_keeps_its_response(
        portal: Portal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a response whose outcome is missing is cut: a page written before the kill,
    or one that failed and is retried, keeps what the killed run archived."""
    main(["crawl", "-c", str(portal.config), "-q"])
    before = responses(portal.root)
    portal.add_article(id=3001, channel="news", date="2024-01-16", encoding="utf-8",
                       title="只有标题", body=[])   # fails: no article text
    main(["crawl", "-c", str(portal.config), "-q"])
    empty = [url for url in responses(portal.root) if url.endswith("3001.shtml")]
    assert len(empty) == 1
    main(["crawl", "-c", str(portal.config), "-q"])   # retried: fetched and archived again
    assert [url for url in responses(portal.root) if url == empty[0]] == empty * 2
    assert set(before) <= set(responses(portal.root))


def test_next_run_cuts_a_torn_tail_before_fetching(portal: Portal) -> None:
    main(["crawl", "-c", str(portal.config), "-q"])
    path = next((portal.root / "archive" / "demo-en").glob("*.warc.gz"))
    whole = path.read_bytes()
    path.write_bytes(whole + whole[len(whole) // 2:][:300])   # half a record, as if killed
    main(["crawl", "-c", str(portal.config), "-q"])
    after = path.read_bytes()
    assert after.startswith(whole)
    assert gzip.decompress(after).startswith(b"WARC/1.1")   # whole members only


# Keys a record owes to how it was made rather than to the page: the crawl's context,
# the extract command's input name and the WARC position.
CONTEXT_KEYS = ("crawl", "input", "warc")


def test_extracting_the_archive_again_reproduces_the_crawl_records(
        portal: Portal, capsys: pytest.CaptureFixture[str]) -> None:
    main(["crawl", "-c", str(portal.config), "-q"])
    crawled = portal.records()
    warcs = sorted(str(p) for p in (portal.root / "archive").rglob("*.warc.gz"))
    capsys.readouterr()
    main(["extract", *warcs])
    again = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_url = {r["url"]: r for r in again if "error" not in r}

    def page(record: dict) -> dict:
        return {k: v for k, v in record.items() if k not in CONTEXT_KEYS}

    assert len(crawled) == len(expected_urls(portal, demo_articles()))
    for record in crawled:
        if record["pages"] > 1:   # stitched from several pages, each archived on its own
            assert all(url in by_url for url in record["page_urls"])
            continue
        assert page(by_url[record["url"]]) == page(record)


def test_check_config_shows_the_archive_pattern(portal: Portal,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", "-c", str(portal.config)]) == 0
    assert "  warc:   archive/{site}/{date}.warc.gz" in capsys.readouterr().out
