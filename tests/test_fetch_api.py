"""The Python API: one result per input, streaming, per-request options, clean close."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from loopback import Exchange, LoopbackServer, respond, status

from scraper.extract import extract
from scraper.fetch import Fetcher, FetchRequest

PAGE = b"<html><body><p>Hello.</p></body></html>"
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
XML_TYPES = ("application/rss+xml", "application/xml", "text/xml")


def test_fetch_many_keeps_input_order(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/slow", respond(PAGE, delay=0.2))
    loopback.route("/fast", respond(PAGE))
    urls = [loopback.url("/slow"), loopback.url("/fast"), loopback.url("/nope")]
    with Fetcher(fetch_config(per_host_concurrency=4)) as fetcher:
        results = list(fetcher.fetch_many(urls))
    assert [r.url for r in results] == urls
    assert [r.ok for r in results] == [True, True, False]


def test_fetch_many_unordered_yields_as_completed(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/slow", respond(PAGE, delay=0.3))
    loopback.route("/fast", respond(PAGE))
    urls = [loopback.url("/slow"), loopback.url("/fast")]
    with Fetcher(fetch_config(per_host_concurrency=4)) as fetcher:
        results = list(fetcher.fetch_many(urls, ordered=False))
    assert [r.url for r in results] == urls[::-1]


def test_fetch_many_reads_inputs_lazily(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/p", respond(PAGE))
    pulled = 0

    def inputs() -> Iterator[str]:
        nonlocal pulled
        for _ in range(1000):
            pulled += 1
            yield loopback.url("/p")

    with Fetcher(fetch_config(concurrency=2, per_host_concurrency=2)) as fetcher:
        stream = fetcher.fetch_many(inputs())
        first = next(stream)
        stream.close()   # abandoning the stream cancels what is in flight
    assert first.ok and pulled <= 2 * 4 + 1


def test_not_modified_is_a_success_with_empty_content(
        loopback: LoopbackServer, fetch_config) -> None:
    def conditional(ex: Exchange) -> None:
        if ex.headers.get("If-None-Match") == '"v1"':
            ex.send(304, b"", {"ETag": '"v1"'}, content_type=None)
        else:
            ex.send(200, PAGE, {"ETag": '"v1"'})
    url = loopback.route("/c", conditional)
    with Fetcher(fetch_config()) as fetcher:
        first = fetcher.fetch(url)
        again = fetcher.fetch(url, headers={"If-None-Match": first.headers["etag"]})
    assert first.status == 200 and again.ok and again.status == 304 and again.content == b""


def test_request_content_types_accept_feeds(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/feed.xml", respond(FEED, content_type="application/rss+xml"))
    with Fetcher(fetch_config()) as fetcher:
        as_page = fetcher.fetch(url)
        as_feed, = fetcher.fetch_many([FetchRequest(url, content_types=XML_TYPES)])
    assert as_page.error is not None and as_page.error.stage == "content-type"
    assert as_feed.ok and as_feed.content == FEED


def test_gzip_file_is_kept_compressed_when_asked_for(loopback: LoopbackServer,
                                                     fetch_config) -> None:
    import gzip
    data = gzip.compress(FEED)
    url = loopback.route("/sitemap.xml.gz", respond(data, content_type="application/x-gzip"))
    with Fetcher(fetch_config()) as fetcher:
        result = fetcher.fetch(url, content_types=("application/x-gzip", "application/gzip"))
    assert result.ok and result.content == data


def test_user_agent_and_request_headers_are_sent(loopback: LoopbackServer, fetch_config) -> None:
    url = loopback.route("/p", respond(PAGE))
    with Fetcher(fetch_config(user_agent="testbot/1.0 (+https://example.org)")) as fetcher:
        fetcher.fetch(url, headers={"If-Modified-Since": "Sat, 01 Jun 2024 00:00:00 GMT"})
    _, _, headers = next(r for r in loopback.requests if r[1] == "/p")
    assert headers["user-agent"] == "testbot/1.0 (+https://example.org)"
    assert headers["if-modified-since"] == "Sat, 01 Jun 2024 00:00:00 GMT"


def test_invalid_url_is_an_error_result(fetch_config) -> None:
    with Fetcher(fetch_config()) as fetcher:
        result = fetcher.fetch("ftp://example.com/file")
    assert result.error is not None and result.error.stage == "connect"


GBK_TEXT = "政府信息公开：关于做好二〇二四年春季农业生产工作的通知，各区县人民政府。"
BIG5_TEXT = "政府資訊公開：關於做好春季農業生產工作的通知，各區縣人民政府。"


@pytest.mark.parametrize(("body", "content_type", "text"), [
    (f"<html><head><meta charset=gbk></head><body><p>{GBK_TEXT}</p></body></html>"
     .encode("gbk"), "text/html", GBK_TEXT),
    (f"<html><body><p>{GBK_TEXT}</p></body></html>".encode("gbk"), "text/html", GBK_TEXT),
    (f"<html><head><meta charset=gb2312></head><body><p>{GBK_TEXT}</p></body></html>"
     .encode("utf-8"), "text/html; charset=gb2312", GBK_TEXT),
    (f"<html><head><meta charset=big5></head><body><p>{BIG5_TEXT}</p></body></html>"
     .encode("big5"), "text/html", BIG5_TEXT),
], ids=["gbk-meta-only", "gbk-no-label", "gb2312-label-but-utf8", "big5"])
def test_chinese_pages_decode_right(loopback: LoopbackServer, fetch_config,
                                    body: bytes, content_type: str, text: str) -> None:
    url = loopback.route("/zh", respond(body, content_type=content_type))
    with Fetcher(fetch_config()) as fetcher:
        result = fetcher.fetch(url)
    article = extract(result.content or b"", url=result.final_url, http_charset=result.charset)
    assert text in article.body


def _fetch_threads() -> list[threading.Thread]:
    """Threads a Fetcher started (the loopback server has threads of its own)."""
    return [t for t in threading.enumerate() if t.name == "scraper-fetch"]


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_close_leaves_no_threads_or_sockets(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/p", respond(PAGE))
    fds = _open_fds()
    with Fetcher(fetch_config(concurrency=4, per_host_concurrency=4)) as fetcher:
        assert all(r.ok for r in fetcher.fetch_many([loopback.url("/p")] * 8))
    deadline = time.monotonic() + 2   # the server's side closes a moment later
    while _open_fds() > fds and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _fetch_threads() and _open_fds() <= fds


def test_closed_fetcher_refuses_work(fetch_config) -> None:
    fetcher = Fetcher(fetch_config())
    fetcher.close()
    fetcher.close()   # idempotent
    with pytest.raises(RuntimeError):
        list(fetcher.fetch_many(["http://127.0.0.1/"]))


def test_one_failure_does_not_stop_the_others(loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/ok", respond(PAGE))
    loopback.route("/bad", status(500))
    urls = [loopback.url("/bad"), loopback.url("/ok")] * 3
    with Fetcher(fetch_config(retries=0)) as fetcher:
        oks = [r.ok for r in fetcher.fetch_many(urls)]
    assert oks == [False, True] * 3


def test_host_pools_beyond_the_cap_are_closed(loopback: LoopbackServer,
                                               loopback2: LoopbackServer) -> None:
    import asyncio

    import httpx

    from scraper.fetch.pool import HostPoolTransport

    async def run() -> tuple[int, int]:
        transport = HostPoolTransport(per_host=1, max_pools=1)
        async with httpx.AsyncClient(transport=transport) as client:
            first = (await client.get(loopback.url("/robots.txt"))).status_code
            second = (await client.get(loopback2.url("/robots.txt"))).status_code
            assert len(transport._pools) == 1   # the first host's idle pool was closed
        return first, second

    assert asyncio.run(run()) == (404, 404)


def test_close_with_a_stream_left_open_cancels_its_fetches(
        loopback: LoopbackServer, fetch_config) -> None:
    loopback.route("/slow", respond(PAGE, delay=5))
    fetcher = Fetcher(fetch_config(timeout=10, read_timeout=10))
    stream = fetcher.fetch_many([loopback.url("/slow")] * 4, ordered=False)
    raised: list[BaseException] = []

    def consume() -> None:
        try:
            next(stream)
        except RuntimeError as exc:
            raised.append(exc)

    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    time.sleep(0.2)   # let the requests reach the server
    fetcher.close()   # must not wait for the 5 s answers
    consumer.join(timeout=3)
    assert not consumer.is_alive() and not _fetch_threads()
    assert raised and "closed" in str(raised[0])
