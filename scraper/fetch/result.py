"""What one fetch returns: the response, or the error that stopped it."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message

from ..errors import FetchError


def media_type(content_type: str | None) -> str | None:
    """``text/html`` from ``Text/HTML; charset=gbk``; None when absent."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def content_type_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().strip("\"'") or None if isinstance(charset, str) else None


Header = tuple[str, str]


@dataclass(frozen=True)
class Exchange:
    """The last request and response heads of a fetch as they went over the wire: names
    in their case, values as bytes read as Latin-1. Kept so that the response can be
    archived (``scraper.archive``)."""

    method: str
    target: str                          # request target as sent: path and query
    request_headers: tuple[Header, ...]  # as sent, in order
    http_version: str                    # ``HTTP/1.1``
    status: int
    reason: str                          # the reason phrase as received (may be empty)
    response_headers: tuple[Header, ...]  # as received, in order
    peer_ip: str | None = None           # the server's address, when the transport says


@dataclass(frozen=True)
class Redirect:
    """One redirect hop on the way to the page: the URL asked, the 3xx exchange that
    answered it and the body that came with it, decoded. Kept so that the chain can
    be archived (``scraper.archive``)."""

    url: str
    fetched_at: str                # ISO 8601 UTC, when the hop's answer was read
    exchange: Exchange
    body: bytes = b""
    # Why ``body`` is not the whole body, in ``WARC-Truncated``'s words: ``length``
    # (longer than the engine keeps), ``time`` (too slow), ``disconnect``.
    truncated: str | None = None


@dataclass
class FetchResult:
    """The outcome of fetching one URL. Exactly one of ``content``/``error`` is set.

    A ``304 Not Modified`` is a success: ``status`` 304 and empty ``content``.
    """

    url: str                       # as requested
    final_url: str | None          # after redirects; None if no response was reached
    status: int | None             # HTTP status of the last response, if any
    headers: dict[str, str]        # last response's headers, lower-case names
    content: bytes | None          # body bytes (decompressed), None on error
    fetched_at: str                # ISO 8601 UTC, when the fetch finished
    attempts: int                  # attempts made (1 + retries used)
    error: FetchError | None = None
    exchange: Exchange | None = None  # the last response's heads, when one was received
    # The redirect hops that led to ``final_url``, in order (the last attempt's).
    redirects: tuple[Redirect, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def charset(self) -> str | None:
        """The charset named by the response's Content-Type, if any."""
        return content_type_charset(self.headers.get("content-type"))

    @property
    def media_type(self) -> str | None:
        """The response's media type, lower case, without parameters."""
        return media_type(self.headers.get("content-type"))
