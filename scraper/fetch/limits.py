"""Limits on what a response may be: its media type and its size after decompression.

The body is read raw and decompressed here, with a bound on each step's output, so a
gzip bomb stops at ``max_bytes`` instead of inflating a whole network chunk first.
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import AsyncIterator

from ..encoding import looks_binary
from ..errors import FetchError
from .config import HTML_TYPES

# Content-Encoding values the fetcher undoes itself (and so advertises).
ACCEPT_ENCODING = "gzip, deflate"
_GZIP_WBITS = 16 + zlib.MAX_WBITS      # gzip wrapper
_ZLIB_WBITS = zlib.MAX_WBITS           # "deflate" as the RFC says: a zlib stream
_RAW_WBITS = -zlib.MAX_WBITS           # "deflate" as some servers send it: no header
_IDENTITY = ("", "identity")

# How much of the body's head the type sniffer reads.
SNIFF_BYTES = 1024
# Openings of a JSON document: a page labelled text/html that starts so is an API answer.
_JSON_OPENINGS = (b"{", b"[")
# Tags that show a document is HTML even when it opens oddly.
_HTML_TAGS = (b"<html", b"<head", b"<body", b"<!doctype", b"<div", b"<p", b"<meta", b"<title")


def media_type_allowed(media_type: str | None, allowed: tuple[str, ...]) -> bool:
    """True if ``media_type`` is accepted: exactly, by ``type/*`` or by ``*/*``.
    A response without a Content-Type is let through to the sniffer."""
    if media_type is None:
        return True
    major = media_type.split("/", 1)[0]
    return any(a in (media_type, "*/*", f"{major}/*") for a in allowed)


def check_media_type(media_type: str | None, allowed: tuple[str, ...]) -> None:
    if not media_type_allowed(media_type, allowed):
        raise FetchError("content-type",
                         f"content type {media_type} is not one of {', '.join(allowed)}")


def sniff_not_html(body: bytes) -> str | None:
    """Why a body labelled (or assumed) HTML is not HTML, or None if it may be."""
    head = body[:SNIFF_BYTES]
    if looks_binary(head):
        return "binary data (file signature or control bytes)"
    stripped = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    if stripped.startswith(_JSON_OPENINGS) and not any(
            tag in stripped.lower() for tag in _HTML_TAGS):
        return "JSON"
    return None


def check_sniffed(body: bytes, media_type: str | None, allowed: tuple[str, ...]) -> None:
    """Refuse a body that claims (or is assumed) to be HTML but is not."""
    expects_html = media_type in HTML_TYPES or (
        media_type is None and any(t in HTML_TYPES for t in allowed))
    if not expects_html:
        return
    reason = sniff_not_html(body)
    if reason is not None:
        raise FetchError("content-type", f"labelled {media_type or 'nothing'} but the body "
                         f"is {reason}")


class _Inflater:
    """One Content-Encoding layer, undone with a bound on the output of each step."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        if coding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(_GZIP_WBITS)
        elif coding == "deflate":
            self._z = zlib.decompressobj(_ZLIB_WBITS)
        else:
            raise FetchError("decode", f"unsupported Content-Encoding {coding!r}")
        self._first = coding == "deflate"

    def feed(self, data: bytes, limit: int) -> bytes:
        """Decompress ``data``, returning at most ``limit`` bytes (more means too large)."""
        try:
            if self._first and data:
                self._first = False
                try:
                    return self._z.decompress(data, limit)
                except zlib.error:
                    self._z = zlib.decompressobj(_RAW_WBITS)
            return self._z.decompress(data, limit)
        except zlib.error as exc:
            raise FetchError("decode", f"broken {self.coding} body: {exc}") from exc


async def read_body(chunks: AsyncIterator[bytes], content_encoding: str | None,
                    max_bytes: int, *, truncate: bool = False,
                    received: list[bytes] | None = None) -> bytes:
    """Read raw ``chunks``, undo ``content_encoding``, and stop past ``max_bytes``.

    Raises ``FetchError('too-large')`` past the limit, or returns the first
    ``max_bytes`` bytes when ``truncate`` (robots.txt is read that way). The decoded
    parts are gathered in ``received`` when given, so a caller whose read is cut
    short (a time limit, a dropped connection) still has what arrived.
    """
    codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
    layers = [_Inflater(c) for c in reversed(codings) if c not in _IDENTITY]
    parts: list[bytes] = received if received is not None else []
    size = 0
    async for raw in chunks:
        data = raw
        for layer in layers:
            data = layer.feed(data, max_bytes - size + 1)
        size += len(data)
        if size > max_bytes:
            if truncate:
                parts.append(data[: len(data) - (size - max_bytes)])
                break
            raise FetchError("too-large", f"body larger than {max_bytes} bytes"
                             + (" after decompression" if layers else ""))
        parts.append(data)
    return b"".join(parts)
