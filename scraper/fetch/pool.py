"""Connections kept per host: one small HTTP/1.1 connection pool for each host.

A single shared pool (httpcore's) scans every connection for every queued request;
with dozens of connections over many hosts that scan, not the network, becomes the
limit (measured by ``bench/bench_fetch.py``). A pool per host holds at most the host's
concurrency in connections, so finding one is a pop. Connections are ``http11``'s
(h11 on asyncio streams). The least recently used idle pools are closed once there are
more than ``MAX_HOST_POOLS``; idle connections are dropped after ``KEEPALIVE_EXPIRY``.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import OrderedDict, deque
from functools import partial

import httpx

from .http11 import Connection, open_connection

# Host pools kept open at once; beyond it, the least recently used idle one is closed.
MAX_HOST_POOLS = 256
# Seconds an idle connection is kept for reuse (httpx's default); servers drop them too.
KEEPALIVE_EXPIRY = 5.0
# Seconds given to connections to finish closing when the transport closes.
CLOSE_GRACE = 1.0

_Key = tuple[bytes, bytes, int | None]


class HostPool:
    """The connections to one origin: at most ``max_connections`` in use at once."""

    def __init__(self, max_connections: int, keepalive_expiry: float) -> None:
        self._slots = asyncio.Semaphore(max_connections)
        self._expiry = keepalive_expiry
        self._idle: deque[Connection] = deque()   # oldest on the left
        self._open: set[Connection] = set()
        self.busy = 0                              # connections handed out

    async def acquire(self, request: httpx.Request, ssl_context: ssl.SSLContext) -> Connection:
        """An idle connection still open, else a new one; waits for a free slot."""
        await self._slots.acquire()
        self.busy += 1
        try:
            connection = self._reuse()
            if connection is None:
                connection = await open_connection(request, ssl_context)
                self._open.add(connection)
            return connection
        except BaseException:
            self._give_back()
            raise

    def release(self, connection: Connection) -> None:
        """Take back a connection whose exchange ended: kept if it can carry another."""
        self._give_back()
        if connection.finish():
            connection.idle_since = asyncio.get_running_loop().time()
            self._idle.append(connection)
        else:
            self._discard(connection)

    def _give_back(self) -> None:
        self.busy -= 1
        self._slots.release()

    def _reuse(self) -> Connection | None:
        now = asyncio.get_running_loop().time()
        while self._idle and now - self._idle[0].idle_since >= self._expiry:
            self._discard(self._idle.popleft())
        while self._idle:
            connection = self._idle.pop()   # the most recently used: likeliest still open
            if connection.reusable():
                return connection
            self._discard(connection)
        return None

    def _discard(self, connection: Connection) -> None:
        self._open.discard(connection)
        connection.close()

    def close(self) -> list[Connection]:
        """Start closing every connection, in use or not; the connections."""
        connections, self._open = list(self._open), set()
        self._idle.clear()
        for connection in connections:
            connection.close()
        return connections


class HostPoolTransport(httpx.AsyncBaseTransport):
    """Sends each request over a connection from the pool of its origin."""

    def __init__(self, per_host: int, max_pools: int = MAX_HOST_POOLS,
                 keepalive_expiry: float = KEEPALIVE_EXPIRY,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        # one more than the host's concurrency: robots.txt and redirect hops from
        # other hosts' pages may come on top
        self._max_connections = per_host + 1
        self._max_pools = max_pools
        self._expiry = keepalive_expiry
        # one TLS context for every connection: building one reads the CA bundle (tens of ms)
        self._ssl = ssl_context or httpx.create_ssl_context()
        self._pools: OrderedDict[_Key, HostPool] = OrderedDict()

    def _pool(self, key: _Key) -> HostPool:
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = HostPool(self._max_connections, self._expiry)
        else:
            self._pools.move_to_end(key)
        return pool

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        pool = self._pool((url.raw_scheme, url.raw_host, url.port))
        connection = await pool.acquire(request, self._ssl)
        try:
            response = await connection.exchange(request, partial(pool.release, connection))
        except BaseException:
            pool.release(connection)   # mid-exchange: not reusable, so closed
            raise
        self._evict()
        return response

    def _evict(self) -> None:
        while len(self._pools) > self._max_pools:
            idle = next((k for k, pool in self._pools.items() if not pool.busy), None)
            if idle is None:
                return
            self._pools.pop(idle).close()

    async def aclose(self) -> None:
        """Close every connection: those that do not finish closing within
        ``CLOSE_GRACE`` (a TLS peer that never answers the goodbye) are cut."""
        connections = [c for pool in self._pools.values() for c in pool.close()]
        self._pools.clear()
        if not connections:
            return
        closing = [asyncio.ensure_future(c.wait_closed()) for c in connections]
        _, late = await asyncio.wait(closing, timeout=CLOSE_GRACE)
        for task, connection in zip(closing, connections):
            if task in late:
                connection.abort()
                task.cancel()
        await asyncio.gather(*late, return_exceptions=True)
