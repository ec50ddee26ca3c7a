"""The fetcher against a misbehaving server: each fault ends in the right error stage
(or in success after a retry). Servers run on 127.0.0.1, started by the tests."""

from __future__ import annotations

import gzip
import time
from email.utils import formatdate

import pytest
from loopback import (Exchange, LoopbackServer, chunked, drip, endless, free_port,
                      gzip_bomb, redirect, reset, respond, sequence, status, truncated)

from scraper.fetch import Fetcher

PAGE = b"<html><body><p>Hello.</p></body></html>"


def fetch(config, url: str, **kwargs):  # type: ignore[no-untyped-def]
    with Fetcher(config) as fetcher:
        return fetcher.fetch(url, **kwargs)


def test_ok_page_has_content_status_and_final_url(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/a", respond(PAGE))
    result = fetch(fetch_config(), url)
    assert result.ok and result.content == PAGE
    assert (result.status, result.final_url, result.attempts) == (200, url, 1)
    assert result.headers["content-type"].startswith("text/html")


def test_slow_headers_time_out(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/slow", respond(PAGE, delay=3))
    result = fetch(fetch_config(retries=0), url)
    assert result.error is not None and result.error.stage == "timeout"


def test_slow_drip_body_hits_the_page_deadline(loopback: LoopbackServer, fetch_config) -> None:
    # Each byte comes well within the read timeout; only the wall-clock deadline stops it.
    url = loopback.route("/drip", drip(b"x" * 50, interval=0.1))
    result = fetch(fetch_config(retries=0, timeout=0.6, read_timeout=0.5), url)
    assert result.error is not None and result.error.stage == "timeout"
    assert "0.6s" in str(result.error)


@pytest.mark.parametrize("code", [429, 503], ids=["429", "503"])
def test_retry_after_seconds_is_waited_then_retried(
        loopback: LoopbackServer, fetch_config, code: int) -> None:
    url = loopback.route("/busy", sequence(status(code, {"Retry-After": "1"}), respond(PAGE)))
    result = fetch(fetch_config(max_retry_after=0.3), url)
    assert result.ok and result.attempts == 2 and loopback.hits("/busy") == 2


def test_retry_after_http_date_is_understood(loopback: LoopbackServer, fetch_config) -> None:
    def busy(ex: Exchange) -> None:
        ex.send(503, b"", {"Retry-After": formatdate(usegmt=True)})
    url = loopback.route("/busy", sequence(busy, respond(PAGE)))
    result = fetch(fetch_config(), url)
    assert result.ok and result.attempts == 2


def test_retry_after_pauses_the_whole_host(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/busy", sequence(status(429, {"Retry-After": "1"}), respond(PAGE)))
    loopback.route("/other", respond(PAGE, delay=0.05))
    # one request at a time: the others start only after the 429 came back
    config = fetch_config(max_retry_after=0.4, per_host_concurrency=1)
    with Fetcher(config) as fetcher:
        results = list(fetcher.fetch_many([loopback.url("/busy"), loopback.url("/other"),
                                           loopback.url("/other")]))
    assert all(r.ok for r in results)
    told = next(t for t, path, _ in loopback.requests if path == "/busy")
    later = [t for t, path, _ in loopback.requests if t > told and path != "/robots.txt"]
    assert later and min(later) - told >= 0.35   # nobody went to the host during the pause


def test_5xx_gives_up_after_configured_attempts(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/down", status(502))
    result = fetch(fetch_config(retries=2), url)
    assert result.error is not None
    assert (result.error.stage, result.error.status, result.error.attempts) == ("http", 502, 3)
    assert loopback.hits("/down") == 3


def test_5xx_without_retries_fails_after_one_attempt(
        loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/down", status(503))
    result = fetch(fetch_config(retries=0), url)
    assert result.error is not None
    assert (result.error.stage, result.error.status, result.error.attempts) == ("http", 503, 1)
    assert loopback.hits("/down") == 1


def test_each_retry_is_logged_with_its_number(loopback: LoopbackServer, fetch_config,
                                              caplog: pytest.LogCaptureFixture) -> None:
    url = loopback.route("/down", status(502))
    with caplog.at_level("INFO", logger="scraper.fetch"):
        fetch(fetch_config(retries=2), url)
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("retry ")]
    assert [m.split(" of ")[0] for m in retries] == ["retry 1/2", "retry 2/2"]


def test_giving_up_is_logged_as_info_the_caller_reports_the_failure(
        loopback: LoopbackServer, fetch_config, caplog: pytest.LogCaptureFixture) -> None:
    url = loopback.route("/down", status(502))
    with caplog.at_level("INFO", logger="scraper.fetch"):
        result = fetch(fetch_config(retries=1), url)
    assert result.error is not None
    given_up = [r for r in caplog.records if r.getMessage().startswith("giving up on ")]
    assert [r.levelname for r in given_up] == ["INFO"]


@pytest.mark.parametrize("code", [404, 410, 403], ids=["404", "410", "403"])
def test_4xx_is_not_retried(loopback: LoopbackServer, fetch_config, code: int) -> None:
    url = loopback.route("/gone", status(code))
    result = fetch(fetch_config(retries=3), url)
    assert result.error is not None
    assert (result.error.stage, result.error.status, result.error.attempts) == ("http", code, 1)
    assert loopback.hits("/gone") == 1


def test_connection_reset_is_retried_then_recovers(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/flaky", sequence(reset(), respond(PAGE)))
    result = fetch(fetch_config(), url)
    assert result.ok and result.attempts == 2


def test_connection_reset_every_time_is_a_connect_error(
        loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/reset", reset())
    result = fetch(fetch_config(retries=1), url)
    assert result.error is not None and result.error.stage == "connect"
    assert result.error.attempts == 2


def test_connection_closed_while_idle_is_not_reused(loopback: LoopbackServer,
                                                    fetch_config) -> None:
    def close_after(ex: Exchange) -> None:   # keep-alive response, then the server hangs up
        ex.send(200, PAGE)
        ex.close_connection = True
    url = loopback.route("/a", close_after)
    with Fetcher(fetch_config(retries=0)) as fetcher:
        first = fetcher.fetch(url)
        time.sleep(0.2)   # the server's FIN reaches the idle connection
        second = fetcher.fetch(url)
    assert first.ok and second.ok and second.attempts == 1


def test_connection_refused_is_a_connect_error(fetch_config) -> None:
    url = f"http://127.0.0.1:{free_port()}/page"
    result = fetch(fetch_config(), url)
    assert result.error is not None and result.error.stage == "connect"


def test_truncated_body_is_retried_then_fails(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/short", truncated(b"<html><body>half", declared=1000))
    result = fetch(fetch_config(retries=1), url)
    assert result.error is not None and result.error.stage == "connect"
    assert "truncated" in str(result.error) and loopback.hits("/short") == 2


def test_redirect_chain_records_final_url(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/a", redirect("/b", 301))
    loopback.route("/b", redirect("/c", 307))
    final = loopback.route("/c", respond(PAGE))
    result = fetch(fetch_config(), loopback.url("/a"))
    assert result.ok and result.final_url == final and result.url == loopback.url("/a")


def test_redirect_loop_is_detected(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/a", redirect("/b"))
    loopback.route("/b", redirect("/a"))
    result = fetch(fetch_config(max_redirects=10), loopback.url("/a"))
    assert result.error is not None and result.error.stage == "redirect"
    assert "loop" in str(result.error) and loopback.hits("/a") == 1


def test_redirects_are_capped(loopback: LoopbackServer, fetch_config) -> None:
    for i in range(6):
        loopback.route(f"/r{i}", redirect(f"/r{i + 1}"))
    result = fetch(fetch_config(max_redirects=3), loopback.url("/r0"))
    assert result.error is not None and result.error.stage == "redirect"
    assert loopback.hits("/r4") == 0


def test_redirect_to_another_host_is_followed(
        loopback: LoopbackServer, loopback2: LoopbackServer, fetch_config) -> None:
    final = loopback2.route("/there", respond(PAGE))
    loopback.route("/here", redirect(final))
    result = fetch(fetch_config(), loopback.url("/here"))
    assert result.ok and result.final_url == final


def test_redirect_to_another_host_checks_its_robots(
        loopback: LoopbackServer, loopback2: LoopbackServer, fetch_config) -> None:
    loopback2.route("/robots.txt", respond("User-agent: *\nDisallow: /private\n",
                                           content_type="text/plain"))
    target = loopback2.route("/private/page", respond(PAGE))
    loopback.route("/here", redirect(target))
    result = fetch(fetch_config(), loopback.url("/here"))
    assert result.error is not None and result.error.stage == "robots"
    assert result.final_url == loopback.url("/here") and loopback2.hits("/private/page") == 0


def test_huge_body_is_too_large(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/huge", respond(b"<html>" + b"x" * 300_000))
    result = fetch(fetch_config(max_bytes=100_000), url)
    assert result.error is not None and result.error.stage == "too-large"
    assert result.error.status == 200


def test_endless_chunked_body_is_too_large(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/endless", endless())
    result = fetch(fetch_config(max_bytes=100_000), url)
    assert result.error is not None and result.error.stage == "too-large"


def test_gzip_bomb_is_stopped_after_decompression(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/bomb", gzip_bomb(5_000_000))
    result = fetch(fetch_config(max_bytes=100_000), url)
    assert result.error is not None and result.error.stage == "too-large"
    assert "decompression" in str(result.error)


def test_gzip_body_within_limit_is_decompressed(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/gz", chunked([gzip.compress(PAGE)],
                                        headers={"Content-Encoding": "gzip"}))
    result = fetch(fetch_config(), url)
    assert result.ok and result.content == PAGE


@pytest.mark.parametrize(("body", "content_type"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    (b'{"data": [1, 2, 3]}', "application/json"),
    (b"%PDF-1.4\n binary \x00\x01\x02", "text/html"),
    (b"\x00\x01\x02\x03" * 100, "text/html; charset=utf-8"),
    (b'{"items": [{"title": "x"}]}', "text/html"),
], ids=["pdf", "png", "json", "pdf-as-html", "binary-as-html", "json-as-html"])
def test_non_html_is_not_parsed(loopback: LoopbackServer, fetch_config,
                                body: bytes, content_type: str) -> None:
    url = loopback.route("/file", respond(body, content_type=content_type))
    result = fetch(fetch_config(), url)
    assert result.error is not None and result.error.stage == "content-type"
    assert result.content is None
