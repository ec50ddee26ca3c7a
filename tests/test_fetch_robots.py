"""robots.txt with RFC 9309 semantics, fetched once per host."""

from __future__ import annotations

import pytest
from loopback import LoopbackServer, reset, respond, status

from scraper.fetch import Fetcher
from scraper.fetch.robots import RobotsRulesStore

PAGE = b"<html><body><p>Hello.</p></body></html>"
RULES = "User-agent: *\nDisallow: /private\n\nUser-agent: otherbot\nDisallow: /\n"


def robots(server: LoopbackServer, handler) -> None:  # type: ignore[no-untyped-def]
    server.route("/robots.txt", handler)
    server.route("/private/a", respond(PAGE))
    server.route("/public/a", respond(PAGE))


def test_disallowed_path_is_not_fetched(loopback: LoopbackServer, fetch_config) -> None:
    robots(loopback, respond(RULES, content_type="text/plain"))
    with Fetcher(fetch_config()) as fetcher:
        denied = fetcher.fetch(loopback.url("/private/a"))
        allowed = fetcher.fetch(loopback.url("/public/a"))
    assert denied.error is not None and denied.error.stage == "robots"
    assert allowed.ok and loopback.hits("/private/a") == 0


def test_robots_is_fetched_once_per_host(loopback: LoopbackServer, fetch_config) -> None:
    robots(loopback, respond(RULES, content_type="text/plain"))
    with Fetcher(fetch_config(concurrency=4)) as fetcher:
        results = list(fetcher.fetch_many([loopback.url("/public/a")] * 6))
    assert all(r.ok for r in results) and loopback.hits("/robots.txt") == 1


def test_fetchers_sharing_a_store_ask_for_robots_once(loopback: LoopbackServer,
                                                       fetch_config) -> None:
    robots(loopback, respond(RULES, content_type="text/plain"))
    store: RobotsRulesStore = {}
    for _ in range(2):   # one after the other, as the crawl's groups of sites
        with Fetcher(fetch_config(), robots=store) as fetcher:
            denied = fetcher.fetch(loopback.url("/private/a"))
            allowed = fetcher.fetch(loopback.url("/public/a"))
        assert denied.error is not None and denied.error.stage == "robots" and allowed.ok
    assert loopback.hits("/robots.txt") == 1 and loopback.hits("/private/a") == 0
    with Fetcher(fetch_config()) as fetcher:   # a fetcher of its own asks again
        fetcher.fetch(loopback.url("/public/a"))
    assert loopback.hits("/robots.txt") == 2


@pytest.mark.parametrize("code", [404, 410, 403], ids=["404", "410", "403"])
def test_missing_robots_allows_everything(loopback: LoopbackServer, fetch_config,
                                          code: int) -> None:
    robots(loopback, status(code))
    with Fetcher(fetch_config()) as fetcher:
        assert fetcher.fetch(loopback.url("/private/a")).ok


@pytest.mark.parametrize("code", [500, 503, 429], ids=["500", "503", "429"])
def test_robots_server_error_disallows_everything(loopback: LoopbackServer, fetch_config,
                                                  code: int) -> None:
    robots(loopback, status(code))
    with Fetcher(fetch_config(retries=0)) as fetcher:
        result = fetcher.fetch(loopback.url("/public/a"))
    assert result.error is not None and result.error.stage == "robots"
    assert loopback.hits("/public/a") == 0


def test_unreachable_robots_disallows_everything(loopback: LoopbackServer, fetch_config) -> None:
    robots(loopback, reset())
    with Fetcher(fetch_config(retries=1)) as fetcher:
        result = fetcher.fetch(loopback.url("/public/a"))
    assert result.error is not None and result.error.stage == "robots"
    assert loopback.hits("/robots.txt") == 2 and loopback.hits("/public/a") == 0


def test_rules_for_our_agent_apply(loopback: LoopbackServer, fetch_config) -> None:
    robots(loopback, respond(RULES, content_type="text/plain"))
    with Fetcher(fetch_config(user_agent="OtherBot/2.0")) as fetcher:
        result = fetcher.fetch(loopback.url("/public/a"))
    assert result.error is not None and result.error.stage == "robots"


def test_no_robots_option_skips_robots(loopback: LoopbackServer, fetch_config) -> None:
    robots(loopback, respond(RULES, content_type="text/plain"))
    with Fetcher(fetch_config(robots=False)) as fetcher:
        assert fetcher.fetch(loopback.url("/private/a")).ok
    assert loopback.hits("/robots.txt") == 0


def test_crawl_delay_spaces_requests(loopback: LoopbackServer, fetch_config) -> None:
    robots(loopback, respond("User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain"))
    with Fetcher(fetch_config(per_host_concurrency=4, concurrency=4)) as fetcher:
        assert all(r.ok for r in fetcher.fetch_many([loopback.url("/public/a")] * 3))
    starts = [t for t, path, _ in loopback.requests if path == "/public/a"]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.25
