"""One HTTP/1.1 connection: an asyncio stream pair driven by h11's state machine.

The fetcher runs only on asyncio and speaks only HTTP/1.1, so its connections need
none of httpcore's machinery for other event loops and protocols (anyio cancel
scopes, locks and events on every request, checked by ``bench/bench_fetch.py`` to cost
more CPU than the exchange itself on a fast network). h11 still does all the parsing
and framing; this module moves its bytes and maps failures to httpx's exceptions, with
httpx's per-phase timeouts: ``connect`` for TCP and TLS, ``read`` for the longest
silence while waiting for the response, ``write`` for sending the request.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any

import h11
import httpx

# Bytes asked of the socket per read: a whole page head, most bodies in a few reads.
READ_SIZE = 64 * 1024
# Unread response data buffered per connection before the socket stops being read
# (asyncio's default is 64 KiB; pages are often bigger).
READ_BUFFER_LIMIT = 256 * 1024
# Unsent request bytes beyond which sending waits for the socket (within the write timeout).
WRITE_BUFFER_HIGH = 64 * 1024
# Schemes a connection can be opened for, with their default ports.
DEFAULT_PORTS = {b"http": 80, b"https": 443}


def _timeouts(request: httpx.Request) -> dict[str, float | None]:
    """The per-phase timeouts httpx put on the request (``httpx.Timeout``)."""
    timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
    return timeouts


async def open_connection(request: httpx.Request, ssl_context: ssl.SSLContext) -> Connection:
    """A new connection to the request's origin, within its connect timeout."""
    url = request.url
    if url.raw_scheme not in DEFAULT_PORTS:
        raise httpx.UnsupportedProtocol(f"unsupported URL scheme {url.scheme!r}",
                                        request=request)
    host = url.raw_host.decode("ascii")
    port = url.port or DEFAULT_PORTS[url.raw_scheme]
    tls = ssl_context if url.raw_scheme == b"https" else None
    try:
        async with asyncio.timeout(_timeouts(request).get("connect")):
            reader, writer = await asyncio.open_connection(
                host, port, ssl=tls, server_hostname=host if tls else None,
                limit=READ_BUFFER_LIMIT)
    except TimeoutError as exc:
        raise httpx.ConnectTimeout(f"connect to {host}:{port} timed out",
                                   request=request) from exc
    except OSError as exc:   # DNS (socket.gaierror), refused, TLS (ssl.SSLError)
        raise httpx.ConnectError(str(exc) or type(exc).__name__, request=request) from exc
    return Connection(reader, writer)


class Connection:
    """One socket and its h11 state; one exchange at a time."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._h11 = h11.Connection(h11.CLIENT)   # refuses a response head over 16 KiB
        self.idle_since = 0.0   # loop time it was last handed back idle

    # -- state -----------------------------------------------------------------

    def reusable(self) -> bool:
        """True if idle and still open: an idle connection whose end of stream has
        arrived was closed by the server and is unusable."""
        return (self._h11.our_state is h11.IDLE and self._h11.their_state is h11.IDLE
                and not self._reader.at_eof() and not self._writer.transport.is_closing())

    def finish(self) -> bool:
        """After a response: ready the connection for the next exchange; False if it
        cannot carry one (closed, body not read to the end, or not keep-alive)."""
        if self._h11.their_state is h11.SEND_BODY:
            self._skip_buffered_body()
        if self._h11.our_state is h11.DONE and self._h11.their_state is h11.DONE:
            self._h11.start_next_cycle()
        return self.reusable()

    def _skip_buffered_body(self) -> None:
        """Read on through the body bytes already received, without waiting for more:
        a short body nobody read (a redirect's, an error page's) need not cost the
        connection."""
        try:
            while self._h11.their_state is h11.SEND_BODY:
                if self._h11.next_event() in (h11.NEED_DATA, h11.PAUSED):
                    return
        except h11.ProtocolError:
            return   # their state is ERROR now: the connection is not reused

    def close(self) -> None:
        """Start closing (a TLS connection first says goodbye to its peer)."""
        self._writer.close()

    def abort(self) -> None:
        """Close the socket now, whatever is still unsent."""
        self._writer.transport.abort()

    async def wait_closed(self) -> None:
        try:
            await self._writer.wait_closed()
        except OSError:
            pass   # the peer reset it first: closed all the same

    def get_extra_info(self, name: str) -> object:
        """Socket details, as httpcore's ``network_stream`` response extension gives
        them: ``server_addr`` and ``client_addr`` are (host, port)."""
        socket_name = {"server_addr": "peername", "client_addr": "sockname"}.get(name, name)
        return self._writer.get_extra_info(socket_name)

    # -- one exchange ----------------------------------------------------------

    async def exchange(self, request: httpx.Request,
                       on_close: Callable[[], None]) -> httpx.Response:
        """Send ``request``; the response with its head read and its body to stream.
        ``on_close`` runs once the body is closed (read to the end or abandoned)."""
        timeouts = _timeouts(request)
        try:
            await self._send_request(request, timeouts.get("write"))
            head = await self._receive_head(request, timeouts.get("read"))
        except h11.ProtocolError as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc
        return httpx.Response(
            status_code=head.status_code, headers=head.headers.raw_items(),
            stream=ResponseBody(self._body(request), on_close),
            extensions={"http_version": b"HTTP/" + head.http_version,
                        "reason_phrase": head.reason, "network_stream": self})

    async def _send_request(self, request: httpx.Request, timeout: float | None) -> None:
        self._write(self._h11.send(h11.Request(method=request.method.encode("ascii"),
                                               target=request.url.raw_path,
                                               headers=request.headers.raw)))
        assert isinstance(request.stream, httpx.AsyncByteStream)
        async for chunk in request.stream:   # a GET's is empty
            self._write(self._h11.send(h11.Data(data=chunk)))
            await self._drain_if_full(request, timeout)
        self._write(self._h11.send(h11.EndOfMessage()))
        await self._drain_if_full(request, timeout)

    def _write(self, data: bytes | None) -> None:
        if data:
            self._writer.write(data)

    async def _drain_if_full(self, request: httpx.Request, timeout: float | None) -> None:
        """Wait for the socket only when much is still unsent: a request head never."""
        if self._writer.transport.get_write_buffer_size() > WRITE_BUFFER_HIGH:
            await self._drain(request, timeout)

    async def _drain(self, request: httpx.Request, timeout: float | None) -> None:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.drain()
        except TimeoutError as exc:
            raise httpx.WriteTimeout("request not sent in time", request=request) from exc
        except OSError as exc:
            raise httpx.WriteError(str(exc) or type(exc).__name__, request=request) from exc

    async def _receive_head(self, request: httpx.Request,
                            timeout: float | None) -> h11.Response:
        while True:
            event = await self._next_event(request, timeout)
            if isinstance(event, h11.Response):
                break
            if not isinstance(event, h11.InformationalResponse):   # 100 Continue and kin
                raise httpx.RemoteProtocolError(f"unexpected {type(event).__name__} before "
                                                "the response", request=request)
        return event

    async def _body(self, request: httpx.Request) -> AsyncGenerator[bytes, None]:
        """The response body's chunks, as they arrive."""
        timeout = _timeouts(request).get("read")
        try:
            while True:
                event = await self._next_event(request, timeout)
                if isinstance(event, h11.Data):
                    yield bytes(event.data)
                elif isinstance(event, (h11.EndOfMessage, h11.PAUSED)):
                    return
        except h11.ProtocolError as exc:
            raise httpx.RemoteProtocolError(str(exc), request=request) from exc

    async def _next_event(self, request: httpx.Request, timeout: float | None) -> Any:
        while True:
            event = self._h11.next_event()
            if event is not h11.NEED_DATA:
                return event
            data = await self._read(request, timeout)
            if not data and self._h11.their_state is h11.SEND_RESPONSE:
                raise httpx.RemoteProtocolError("Server disconnected without sending a "
                                                "response.", request=request)
            self._h11.receive_data(data)

    async def _read(self, request: httpx.Request, timeout: float | None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(READ_SIZE)
        except TimeoutError as exc:
            raise httpx.ReadTimeout(f"no data for {timeout:g}s", request=request) from exc
        except OSError as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__, request=request) from exc


class ResponseBody(httpx.AsyncByteStream):
    """A response's body on its connection; closing it hands the connection back."""

    def __init__(self, chunks: AsyncGenerator[bytes, None], on_close: Callable[[], None]) -> None:
        self._chunks = chunks
        self._on_close = on_close
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._chunks:
            yield chunk

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            try:
                await self._chunks.aclose()
            finally:
                self._on_close()
