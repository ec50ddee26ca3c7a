"""The fetch benchmark's page server: cheap, so that it does not take the CPU it measures.

It runs in its own process on ``hosts`` loopback ports (each a host to the fetcher) and
answers every GET with bytes built once at start (status line, headers and body of
each sample page), ``latency`` seconds after the request's head arrived: one
``asyncio.Protocol`` per connection, one timer per answer, no task, no parsing beyond
finding the path. Its CPU time per page is read from ``/proc`` and reported beside the
client's.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "pages"
ROBOTS = b"User-agent: *\nAllow: /\n"
# End of a request head; the benchmark's requests have no body.
HEAD_END = b"\r\n\r\n"
# Read by the kernel from /proc/PID/stat: user and system time, in clock ticks.
_UTIME_FIELD, _STIME_FIELD = 11, 12


def load_pages() -> list[bytes]:
    pages = [p.read_bytes() for p in sorted(SAMPLES.glob("*/source.html"))]
    return pages or [b"<html><body>" + b"<p>Paragraph of a page.</p>" * 200 + b"</body></html>"]


def response(body: bytes, kind: bytes) -> bytes:
    """A whole 200 answer: status line, headers and ``body``."""
    return (b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (kind, len(body))) + body


class DelayedProtocol(asyncio.Protocol):
    """One connection: each request head answered ``latency`` later with the bytes
    ``answer`` gives for its path."""

    def __init__(self, answer: Callable[[bytes], bytes], latency: float) -> None:
        self._answer = answer
        self._latency = latency
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        loop = asyncio.get_running_loop()
        while (end := self._buffer.find(HEAD_END)) >= 0:
            head, self._buffer = self._buffer[:end], self._buffer[end + len(HEAD_END):]
            path = head.split(b" ", 2)[1] if head.count(b" ") >= 2 else b"/"
            loop.call_later(self._latency, self._send, self._answer(path))

    def _send(self, answer: bytes) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write(answer)

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None


async def _serve(conn: Connection, latency: float, hosts: int) -> None:
    pages = [response(p, b"text/html") for p in load_pages()]
    robots = response(ROBOTS, b"text/plain")

    def answer(path: bytes) -> bytes:
        return robots if path == b"/robots.txt" else pages[hash(path) % len(pages)]

    loop = asyncio.get_running_loop()
    servers = [await loop.create_server(lambda: DelayedProtocol(answer, latency),
                                        "127.0.0.1", 0, backlog=512) for _ in range(hosts)]
    conn.send([s.sockets[0].getsockname()[1] for s in servers])
    await asyncio.Event().wait()   # until the parent terminates this process


def _server_main(conn: Connection, latency: float, hosts: int) -> None:
    asyncio.run(_serve(conn, latency, hosts))


def proc_cpu_seconds(pid: int) -> float:
    """CPU time a running process has used so far (0.0 where /proc is missing)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    ticks = int(fields[_UTIME_FIELD]) + int(fields[_STIME_FIELD])
    return ticks / os.sysconf("SC_CLK_TCK")


class LocalServer:
    """The page server process; a context manager that always stops it."""

    def __init__(self, latency: float, hosts: int) -> None:
        self.latency = latency
        parent, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_server_main,
                                               args=(child, latency, hosts), daemon=True)
        self.process.start()
        self.ports: list[int] = parent.recv()

    def urls(self, count: int, tag: str) -> Iterator[str]:
        for i in range(count):
            yield f"http://127.0.0.1:{self.ports[i % len(self.ports)]}/{tag}/{i}.html"

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far."""
        return proc_cpu_seconds(self.process.pid or 0)

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.join(5)
