"""One crawl run asks the server for each URL once: counted by the demo portal's request
log, where the news site's sitemap index also lists the English site's sitemap."""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import LoopbackServer, respond, status
from warcio.archiveiterator import ArchiveIterator

from portal import Portal
from scraper.cli import main
from scraper.cli.exits import EXIT_SOME_FAILED
from scraper.crawl_sources import XML_TYPES, Responses
from scraper.fetch import Fetcher, FetchRequest

SHARED = "/en/sitemap.xml.gz"   # demo-en's sitemap, and a child of demo-news's index


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    with Portal(tmp_path) as running:   # retries = 0: no request is a retry
        yield running


def crawl(portal: Portal, *args: str) -> int:
    return main(["crawl", "-c", str(portal.config), "-q", *args])


def twice(portal: Portal, since: int = 0) -> dict[str, int]:
    """The targets requested more than once since the ``since``-th request."""
    targets = [target for target, _ in portal.requests()[since:]]
    return {t: targets.count(t) for t in set(targets) if targets.count(t) > 1}


def source_row(portal: Portal, site: str, path: str) -> tuple[str, int, str | None]:
    with sqlite3.connect(portal.root / "state.sqlite3") as db:
        return db.execute("SELECT kind, status, etag FROM pages WHERE site=? AND url=?",
                          (site, f"http://127.0.0.1:{portal.port}{path}")).fetchone()


def test_a_run_requests_each_url_once(portal: Portal) -> None:
    assert crawl(portal) == EXIT_SOME_FAILED   # the 500 page, asked once
    assert twice(portal) == {}
    requested = portal.requested()
    assert requested["/robots.txt"] == requested[SHARED] == requested["/news/20240111/t20240111_1010.shtml"] == 1
    # the two pages of the English multi-page article are two URLs, each asked once
    harbour = "/en/2024/01/16/how-the-city-rebuilt-its-old-harbour.html"
    assert requested[harbour] == requested[harbour + "?page=2"] == 1
    # the one response served both sites: each read it and stored its validators
    for site in ("demo-news", "demo-en"):
        kind, status, etag = source_row(portal, site, SHARED)
        assert (kind, status) == ("sitemap", 200) and etag


def test_the_next_run_revalidates_each_source_once(portal: Portal) -> None:
    crawl(portal)
    first = len(portal.requests())
    crawl(portal)
    assert twice(portal, first) == {}
    again = [(target, headers) for target, headers in portal.requests()[first:] if target == SHARED]
    assert len(again) == 1 and "if-none-match" in again[0][1]   # both sites hold the same ETag
    for site in ("demo-news", "demo-en"):
        assert source_row(portal, site, SHARED)[1] == 304


def test_a_304_to_one_sites_validators_does_not_answer_a_site_without_them(portal: Portal) -> None:
    crawl(portal, "--site", "demo-en")   # only demo-en holds the sitemap's ETag
    first = len(portal.requests())
    crawl(portal)
    asked = [headers for target, headers in portal.requests()[first:] if target == SHARED]
    # demo-en's conditional request is answered 304, which carries no body; demo-news has
    # never read the sitemap, so it is asked again, unconditionally: the one second request
    assert ["if-none-match" in headers for headers in asked] == [True, False]
    assert twice(portal, first) == {SHARED: 2}
    assert source_row(portal, "demo-en", SHARED)[1] == 304
    kind, status, etag = source_row(portal, "demo-news", SHARED)
    assert status == 200 and etag
    third = len(portal.requests())
    crawl(portal)
    assert twice(portal, third) == {}


def test_a_shared_source_is_archived_once_per_archive_file(tmp_path: Path) -> None:
    with Portal(tmp_path, crawl={"warc": '"archive/{date}.warc.gz"'}) as portal:   # one file for both sites
        assert crawl(portal) == EXIT_SOME_FAILED
        base = f"http://127.0.0.1:{portal.port}"
    [path] = (tmp_path / "archive").glob("*.warc.gz")
    with path.open("rb") as stream:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                if r.rec_type == "response"]
    assert uris.count(base + SHARED) == 1
    assert len(uris) == len(set(uris))
    with gzip.open(path) as stream:   # a whole, readable archive
        assert stream.read(5) == b"WARC/"



def test_an_article_two_sites_hold_is_fetched_once_and_written_for_each(portal: Portal) -> None:
    base = f"http://127.0.0.1:{portal.port}"
    with portal.config.open("a", encoding="utf-8") as config:   # a second English site
        config.write(f'\n[[site]]\nname = "demo-en2"\nsitemaps = ["{base}{SHARED}"]\nmax_new = 50\n')
    crawl(portal)
    assert twice(portal) == {}
    harbour = "/en/2024/01/16/how-the-city-rebuilt-its-old-harbour.html"
    assert portal.requested()[harbour + "?page=2"] == 1   # page 2, stitched for both sites
    records = {(r["crawl"]["site"], r["url"]): r for r in portal.records()}
    english = {url for site, url in records if site == "demo-en"}
    assert len(english) == 4 and english == {url for site, url in records if site == "demo-en2"}
    assert records["demo-en", base + harbour]["body"] == records["demo-en2", base + harbour]["body"]
    assert records["demo-en2", base + harbour]["pages"] == 2


def test_sites_crawled_in_two_groups_share_robots_txt_and_sources(portal: Portal) -> None:
    text = portal.config.read_text(encoding="utf-8")   # demo-en's own delay: a group of its own
    portal.config.write_text(text.replace('name = "demo-en"\n', 'name = "demo-en"\ndelay = 0.01\n'),
                             encoding="utf-8")
    assert crawl(portal) == EXIT_SOME_FAILED
    assert twice(portal) == {}
    assert portal.requested()["/robots.txt"] == portal.requested()[SHARED] == 1

# ---------------------------------------------------------------- Responses, on a loopback server

SITEMAP = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'


def sitemap_request(url: str, etag: str | None = None) -> FetchRequest:
    return FetchRequest(url, headers={"If-None-Match": etag} if etag else None,
                        content_types=XML_TYPES)


def test_requests_of_one_url_in_one_round_are_one_request(loopback: LoopbackServer,
                                                          fetch_config: Any) -> None:
    url = loopback.route("/s.xml", respond(SITEMAP, content_type="application/xml"))
    with Fetcher(fetch_config()) as fetcher:
        answers = list(Responses().fetch(fetcher, [sitemap_request(url, '"a"'), sitemap_request(url + "#x")]))
    assert loopback.hits("/s.xml") == 1 and answers[0] is answers[1]
    [(_, _, headers)] = [r for r in loopback.requests if r[1] == "/s.xml"]
    assert "if-none-match" not in headers   # the sites' validators differ: unconditional


def test_a_kept_response_answers_a_later_round_within_the_budget(loopback: LoopbackServer,
                                                                 fetch_config: Any) -> None:
    url = loopback.route("/s.xml", respond(SITEMAP, content_type="application/xml"))
    with Fetcher(fetch_config()) as fetcher:
        kept = Responses(budget=len(SITEMAP))
        first = list(kept.fetch(fetcher, [sitemap_request(url)]))
        assert list(kept.fetch(fetcher, [sitemap_request(url, '"a"')])) == first
        assert loopback.hits("/s.xml") == 1
        over = Responses(budget=len(SITEMAP) - 1)   # too big to keep: asked again
        list(over.fetch(fetcher, [sitemap_request(url)]))
        list(over.fetch(fetcher, [sitemap_request(url)]))
        assert loopback.hits("/s.xml") == 3
        single = Responses(keep=False)   # one site's run keeps nothing
        list(single.fetch(fetcher, [sitemap_request(url)]))
        list(single.fetch(fetcher, [sitemap_request(url)]))
    assert loopback.hits("/s.xml") == 5


def test_a_304_kept_for_one_sites_validators_is_asked_again_for_another(
        loopback: LoopbackServer, fetch_config: Any) -> None:
    unchanged = loopback.route("/unchanged.xml", status(304))
    other = loopback.route("/s.xml", respond(SITEMAP, content_type="application/xml"))
    with Fetcher(fetch_config()) as fetcher:
        responses = Responses()
        [kept] = responses.fetch(fetcher, [sitemap_request(unchanged, '"a"')])
        # the same validators are answered by the kept 304; a site without them is not
        asked = [sitemap_request(unchanged, '"a"'), sitemap_request(other), sitemap_request(unchanged)]
        answers = list(responses.fetch(fetcher, asked))
    assert [a.result.url for a in answers] == [unchanged, other, unchanged]
    assert answers[0] is answers[2] is not kept   # one fresh, unconditional request for both
    assert loopback.hits("/unchanged.xml") == 2 and loopback.hits("/s.xml") == 1
    assert ["if-none-match" in headers for _, path, headers in loopback.requests
            if path == "/unchanged.xml"] == [True, False]
