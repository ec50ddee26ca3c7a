"""The fetcher's small parts on their own: Retry-After, types, body limits, config."""

from __future__ import annotations

import asyncio
import gzip
import zlib
from collections.abc import AsyncIterator
from email.utils import formatdate

import pytest

from scraper.errors import FetchError
from scraper.fetch import FetchConfig
from scraper.fetch.limits import media_type_allowed, read_body, sniff_not_html
from scraper.fetch.result import content_type_charset
from scraper.fetch.retry import is_transient_status, parse_retry_after


@pytest.mark.parametrize(("value", "expected"), [
    ("120", 120.0), (" 5 ", 5.0), (None, None), ("", None), ("soon", None),
    (formatdate(1_000_000_000, usegmt=True), 0.0),
], ids=["seconds", "spaces", "absent", "empty", "garbage", "past-date"])
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_future_date() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30, abs=1)


@pytest.mark.parametrize(("status", "transient"), [
    (429, True), (503, True), (500, True), (408, True), (501, False), (404, False),
    (403, False), (400, False),
], ids=lambda v: str(v))
def test_transient_statuses(status: int, transient: bool) -> None:
    assert is_transient_status(status) is transient


@pytest.mark.parametrize(("media", "allowed", "ok"), [
    ("text/html", ("text/html",), True),
    ("application/xhtml+xml", ("text/html", "application/xhtml+xml"), True),
    ("application/pdf", ("text/html",), False),
    ("text/xml", ("text/*",), True),
    ("image/png", ("*/*",), True),
    (None, ("text/html",), True),
], ids=["exact", "xhtml", "pdf", "wildcard-subtype", "any", "missing"])
def test_media_type_allowed(media: str | None, allowed: tuple[str, ...], ok: bool) -> None:
    assert media_type_allowed(media, allowed) is ok


@pytest.mark.parametrize(("body", "verdict"), [
    (b"<!DOCTYPE html><html></html>", None),
    (b"\xef\xbb\xbf  <html><body>x</body></html>", None),
    (b"[if IE]<html>", None),
    (b'  {"a": 1}', "JSON"),
    (b"%PDF-1.5\n", "binary"),
], ids=["html", "bom-html", "bracket-then-html", "json", "pdf"])
def test_sniff_not_html(body: bytes, verdict: str | None) -> None:
    reason = sniff_not_html(body)
    assert (reason is None) if verdict is None else (reason is not None and verdict in reason)


async def _chunks(data: bytes, size: int = 4096) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i:i + size]


def _read(data: bytes, encoding: str | None, limit: int, **kwargs: bool) -> bytes:
    return asyncio.run(read_body(_chunks(data), encoding, limit, **kwargs))


@pytest.mark.parametrize(("encoding", "pack"), [
    (None, lambda b: b), ("gzip", gzip.compress), ("deflate", zlib.compress),
    ("deflate", lambda b: zlib.compress(b)[2:-4]),
], ids=["identity", "gzip", "deflate-zlib", "deflate-raw"])
def test_read_body_decompresses(encoding: str | None, pack) -> None:  # type: ignore[no-untyped-def]
    body = b"<p>hello</p>" * 1000
    assert _read(pack(body), encoding, 1_000_000) == body


def test_read_body_counts_after_decompression() -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)
    with pytest.raises(FetchError) as info:
        _read(bomb, "gzip", 50_000)
    assert info.value.stage == "too-large"


def test_read_body_truncates_when_asked() -> None:
    assert _read(b"x" * 10_000, None, 100, truncate=True) == b"x" * 100


def test_read_body_rejects_unknown_encoding() -> None:
    with pytest.raises(FetchError) as info:
        _read(b"data", "br", 100)
    assert info.value.stage == "decode"


@pytest.mark.parametrize(("header", "charset"), [
    ("text/html; charset=GBK", "GBK"), ('text/html; charset="utf-8"', "utf-8"),
    ("text/html", None), (None, None),
], ids=["plain", "quoted", "none", "missing"])
def test_content_type_charset(header: str | None, charset: str | None) -> None:
    assert content_type_charset(header) == charset


@pytest.mark.parametrize("field", ["timeout", "concurrency", "max_bytes", "per_host_concurrency"])
def test_config_rejects_zero(field: str) -> None:
    with pytest.raises(ValueError, match=field):
        FetchConfig(**{field: 0})
