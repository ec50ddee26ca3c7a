"""A loopback HTTP server for tests: one handler per fault, on 127.0.0.1, port 0.

    from loopback import LoopbackServer, respond, sequence   # tests/ is on sys.path

    with LoopbackServer() as server:
        server.route("/ok", respond(b"<html>...</html>"))
        server.route("/flaky", sequence(status(503), respond(b"fine")))
        url = server.url("/ok")
        ...
        server.hits("/flaky")        # how many requests that path got
        server.max_in_flight         # most requests handled at once

A handler is any callable taking the ``Exchange`` (the request handler object) and
writing the whole response through it. The factories below build the usual ones; write
your own for a new fault. Paths without a route answer 404 (so robots.txt allows all).
Handlers that wait (slow, drip, endless) stop when the server stops, so shutdown never
hangs. The ``loopback`` pytest fixture in ``tests/conftest.py`` yields a started server.
"""

from __future__ import annotations

import gzip
import socket
import ssl
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[["Exchange"], None]


class Exchange(BaseHTTPRequestHandler):
    """One request. Handlers use ``send``, or ``wfile`` and ``send_response`` for raw faults."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's naming)
        owner = self.server.owner
        path = self.path.split("?", 1)[0]
        handler = owner.handler_for(path)
        owner.enter(path, self)
        try:
            handler(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True   # the client went away: fine for a fault test
        finally:
            owner.leave()

    def send(self, status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None,
             content_type: str | None = "text/html; charset=utf-8") -> None:
        """A complete response with Content-Length."""
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    @property
    def stopping(self) -> threading.Event:
        """Set when the server stops: waiting handlers should return."""
        return self.server.owner.stopping

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return None   # keep test output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LoopbackServer


class LoopbackServer:
    """A threaded HTTP server on a loopback address; see the module docstring."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 tls: ssl.SSLContext | None = None) -> None:
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self.stopping = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests: list[tuple[float, str, dict[str, str]]] = []  # (monotonic, path, headers)
        self._httpd = _Server((host, port), Exchange)
        self._httpd.owner = self
        self._scheme = "https" if tls else "http"
        if tls is not None:   # each accepted connection does the TLS handshake first
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- routes and inspection -----------------------------------------------------------

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{self._scheme}://{host}:{port}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def route(self, path: str, handler: Handler) -> str:
        """Serve ``path`` (without query) with ``handler``; returns its full URL."""
        self._routes[path] = handler
        return self.url(path)

    def handler_for(self, path: str) -> Handler:
        return self._routes.get(path, status(404))

    def hits(self, path: str) -> int:
        with self._lock:
            return self._counts[path]

    def enter(self, path: str, exchange: Exchange) -> None:
        with self._lock:
            self._counts[path] += 1
            self.requests.append((time.monotonic(), path,
                                  {k.lower(): v for k, v in exchange.headers.items()}))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


# -- handler factories: one per behaviour --------------------------------------------------


def respond(body: bytes | str = b"", status_code: int = 200, *,
            content_type: str | None = "text/html; charset=utf-8",
            headers: dict[str, str] | None = None, delay: float = 0.0) -> Handler:
    """A plain response, after ``delay`` seconds (a realistic latency or a slow server)."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handler(ex: Exchange) -> None:
        if delay and ex.stopping.wait(delay):
            return
        ex.send(status_code, data, headers, content_type)
    return handler


def status(code: int, headers: dict[str, str] | None = None) -> Handler:
    """An empty response with ``code`` (and headers such as Retry-After or Location)."""
    return respond(b"", code, headers=headers)


def redirect(location: str, code: int = 302) -> Handler:
    return status(code, {"Location": location})


def sequence(*handlers: Handler) -> Handler:
    """The n-th request gets the n-th handler; the last one answers every later request."""
    calls = iter(handlers)
    last: list[Handler] = [handlers[-1]]
    lock = threading.Lock()

    def handler(ex: Exchange) -> None:
        with lock:
            chosen = next(calls, last[0])
        chosen(ex)
    return handler


def drip(body: bytes, interval: float = 1.0, content_type: str = "text/html") -> Handler:
    """Headers at once, then the body one byte every ``interval`` seconds."""
    def handler(ex: Exchange) -> None:
        ex.send_response(200)
        ex.send_header("Content-Type", content_type)
        ex.send_header("Content-Length", str(len(body)))
        ex.end_headers()
        ex.wfile.flush()
        for i in range(len(body)):
            if ex.stopping.wait(interval):
                return
            ex.wfile.write(body[i:i + 1])
            ex.wfile.flush()
    return handler


def reset() -> Handler:
    """Read the request, then drop the connection with a TCP RST (connection reset)."""
    def handler(ex: Exchange) -> None:
        ex.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        ex.close_connection = True
        ex.connection.close()
    return handler


def truncated(body: bytes, declared: int, *, status_code: int = 200,
              headers: dict[str, str] | None = None, stall: bool = False) -> Handler:
    """Declare ``declared`` bytes in Content-Length, send ``body`` (fewer), then close,
    or with ``stall`` hold the connection open until the server stops."""
    def handler(ex: Exchange) -> None:
        ex.send_response(status_code)
        ex.send_header("Content-Type", "text/html")
        for name, value in (headers or {}).items():
            ex.send_header(name, value)
        ex.send_header("Content-Length", str(declared))
        ex.end_headers()
        ex.wfile.write(body)
        ex.wfile.flush()
        if stall:
            ex.stopping.wait(30)
        ex.close_connection = True
    return handler


def chunked(chunks: Iterable[bytes], content_type: str = "text/html",
            headers: dict[str, str] | None = None) -> Handler:
    """A chunked body from ``chunks`` (which may be endless: stops on disconnect or stop)."""
    def handler(ex: Exchange) -> None:
        ex.send_response(200)
        ex.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            ex.send_header(name, value)
        ex.send_header("Transfer-Encoding", "chunked")
        ex.end_headers()
        for chunk in chunks:
            if ex.stopping.is_set():
                return
            ex.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        ex.wfile.write(b"0\r\n\r\n")
        ex.wfile.flush()
    return handler


def endless(chunk: bytes = b"<p>" + b"x" * 8189 + b"</p>") -> Handler:
    """A chunked body that never ends."""
    def forever() -> Iterable[bytes]:
        while True:
            yield chunk
    return chunked(forever())


def gzip_bomb(size: int) -> Handler:
    """``Content-Encoding: gzip`` whose body inflates to ``size`` bytes of zeros-like HTML."""
    payload = gzip.compress(b"<html>" + b" " * size, compresslevel=9)
    return respond(payload, headers={"Content-Encoding": "gzip"})


def free_port(host: str = "127.0.0.1") -> int:
    """A port with nothing listening on it (for connection-refused tests)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])
