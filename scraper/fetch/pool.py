"""Connections kept per host: one small httpx transport for each host.

httpcore's single connection pool scans every connection for every queued request; with
dozens of connections over many hosts that scan, not the network, becomes the limit
(measured by ``bench/bench_fetch.py``). A pool per host holds at most the host's
concurrency in connections, so each scan stays short. The least recently used idle
pools are closed once there are more than ``MAX_HOST_POOLS``. Their sockets are asyncio
streams (``backend``), not anyio's.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Callable

import httpcore
import httpx

from .backend import AsyncioBackend

# Host pools kept open at once; beyond it, the least recently used idle one is closed.
MAX_HOST_POOLS = 256

_Key = tuple[bytes, bytes, int | None]


class _ReleasingStream(httpx.AsyncByteStream):
    """A response body that tells its pool's owner when it is closed."""

    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]) -> None:
        self._inner = inner
        self._release = release
        self._released = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if not self._released:
                self._released = True
                self._release()


class HostPoolTransport(httpx.AsyncBaseTransport):
    """Sends each request through the ``httpx.AsyncHTTPTransport`` of its host."""

    def __init__(self, per_host: int, max_pools: int = MAX_HOST_POOLS) -> None:
        self._limits = httpx.Limits(max_connections=per_host + 1,
                                    max_keepalive_connections=per_host + 1)
        self._max_pools = max_pools
        # one TLS context for every pool: building one reads the CA bundle (tens of ms)
        self._ssl = httpx.create_ssl_context()
        self._backend = AsyncioBackend()
        self._pools: OrderedDict[_Key, httpx.AsyncHTTPTransport] = OrderedDict()
        self._busy: Counter[_Key] = Counter()

    def _pool(self, key: _Key) -> httpx.AsyncHTTPTransport:
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = self._new_pool()
        self._pools.move_to_end(key)
        return pool

    def _new_pool(self) -> httpx.AsyncHTTPTransport:
        """httpx's transport (request and error mapping), its httpcore pool rebuilt with
        the same settings on the asyncio backend: httpx has no parameter for it."""
        transport = httpx.AsyncHTTPTransport(verify=self._ssl, limits=self._limits)
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=self._ssl, max_connections=self._limits.max_connections,
            max_keepalive_connections=self._limits.max_keepalive_connections,
            keepalive_expiry=self._limits.keepalive_expiry, network_backend=self._backend)
        return transport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.raw_scheme, request.url.raw_host, request.url.port)
        pool = self._pool(key)
        self._busy[key] += 1
        try:
            response = await pool.handle_async_request(request)
        except BaseException:
            self._release(key)
            raise
        await self._evict()
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(status_code=response.status_code, headers=response.headers,
                              stream=_ReleasingStream(response.stream,
                                                      lambda: self._release(key)),
                              extensions=response.extensions)

    def _release(self, key: _Key) -> None:
        self._busy[key] -= 1
        if self._busy[key] <= 0:
            del self._busy[key]

    async def _evict(self) -> None:
        while len(self._pools) > self._max_pools:
            idle = next((k for k in self._pools if k not in self._busy), None)
            if idle is None:
                return
            await self._pools.pop(idle).aclose()

    async def aclose(self) -> None:
        pools = list(self._pools.values())
        self._pools.clear()
        for pool in pools:
            await pool.aclose()
