"""Transport failures as ``FetchError`` stages, and which of them are transient.

The stages a fetch can fail at (``scraper.errors.FetchError.stage``)::

    robots        robots.txt disallows the URL (or could not be read: disallow all)
    dns           the host name does not resolve
    connect       refused, reset, truncated body, unsupported or invalid URL
    timeout       a phase timed out or the exchange passed its deadline
    redirect      loop, too many hops, or a Location that cannot be followed
    http          the server answered with an error status
    too-large     the body passed ``max_bytes`` (after decompression)
    content-type  the body is not of an accepted type (declared or sniffed)
    decode        the body's Content-Encoding could not be undone
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpx

from ..errors import FetchError

# Phrases of h11/httpcore errors that mean the body ended before its Content-Length.
_TRUNCATED_MARKERS = ("complete message body", "incomplete chunked read")


class TransientFetchError(FetchError):
    """A failure worth another attempt; ``retry_after`` is the server's wait, if it gave one."""

    def __init__(self, stage: str, message: str, *, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(stage, message, status=status)
        self.retry_after = retry_after


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and its causes, innermost last."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        yield current
        seen.add(id(current))
        current = current.__cause__ or current.__context__


def _gaierror(exc: BaseException) -> socket.gaierror | None:
    """The name-resolution error somewhere in the exception's cause chain."""
    return next((e for e in _chain(exc) if isinstance(e, socket.gaierror)), None)


def host_unreachable(exc: BaseException) -> bool:
    """True if the failure was reaching the host at all (DNS, refused, connect timeout),
    as opposed to a server that answered badly."""
    return any(isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout, socket.gaierror))
               for e in _chain(exc))


def _describe(exc: BaseException) -> str:
    """``Name: message``, borrowing the message of the cause when the error has none."""
    cause: BaseException | None = exc
    while cause is not None and not str(cause).strip():
        cause = cause.__cause__ or cause.__context__
    text = str(cause).strip() if cause is not None else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def from_transport(exc: httpx.HTTPError | OSError | ValueError, url: str) -> FetchError:
    """The ``FetchError`` for a transport exception met while fetching ``url``."""
    if isinstance(exc, httpx.TimeoutException):
        phase = type(exc).__name__.removesuffix("Timeout").lower() or "request"
        return TransientFetchError("timeout", f"{phase} timeout: {_describe(exc)}")
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return FetchError("connect", f"cannot fetch {url!r}: {_describe(exc)}")
    if isinstance(exc, httpx.DecodingError):
        return FetchError("decode", f"cannot decode the body: {_describe(exc)}")
    if isinstance(exc, httpx.ConnectError):
        dns = _gaierror(exc)
        if dns is not None:
            message = f"cannot resolve host: {dns.strerror or dns}"
            # EAI_AGAIN is a resolver hiccup; any other answer is final for this run.
            if dns.errno == socket.EAI_AGAIN:
                return TransientFetchError("dns", message)
            return FetchError("dns", message)
        return TransientFetchError("connect", f"cannot connect: {_describe(exc)}")
    if isinstance(exc, httpx.RemoteProtocolError) and any(
            marker in str(exc) for marker in _TRUNCATED_MARKERS):
        return TransientFetchError("connect", f"truncated body: {exc}")
    if isinstance(exc, (httpx.TransportError, OSError)):
        return TransientFetchError("connect", f"connection failed: {_describe(exc)}")
    return FetchError("connect", _describe(exc))
