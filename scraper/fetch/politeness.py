"""Per-host politeness: a concurrency limit, a delay between request starts, and
pauses a server asked for (``Retry-After``) or robots.txt set (``Crawl-delay``).

A host is the URL's ``host[:port]``, the same authority robots.txt applies to. Every
gate lives on the fetcher's event loop; none is shared between fetchers.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

log = logging.getLogger(__name__)


def host_key(url: str) -> str:
    """``example.com:8080`` from ``http://Example.com:8080/a``: what politeness counts by."""
    return urlsplit(url).netloc.lower().rsplit("@", 1)[-1]


class HostGate:
    """Admits requests to one host: at most ``concurrency`` at once, starts at least
    ``delay`` seconds apart, none while a pause is in force."""

    def __init__(self, host: str, concurrency: int, delay: float) -> None:
        self.host = host
        self.delay = delay
        self._slots = asyncio.Semaphore(concurrency)
        self._start_lock = asyncio.Lock()   # starts are granted one at a time, in turn
        self._next_start = 0.0              # loop time before which no request may start
        self._paused_until = 0.0            # loop time set by a Retry-After

    @asynccontextmanager
    async def slot(self, *, delayed: bool = True) -> AsyncIterator[None]:
        """Hold one of the host's slots for a request. ``delayed=False`` (robots.txt)
        still waits for pauses and a free slot, but neither waits for nor sets the delay."""
        loop = asyncio.get_running_loop()
        async with self._slots:
            async with self._start_lock:
                while True:
                    ready = max(self._paused_until, self._next_start if delayed else 0.0)
                    wait = ready - loop.time()
                    if wait <= 0:
                        break
                    await asyncio.sleep(wait)
                if delayed:
                    self._next_start = loop.time() + self.delay
            yield

    def pause(self, seconds: float, reason: str) -> None:
        """Hold back every request to the host for ``seconds`` from now."""
        until = asyncio.get_running_loop().time() + seconds
        if until > self._paused_until:
            self._paused_until = until
            log.info("pausing %s for %.2fs: %s", self.host, seconds, reason)

    def slow_down(self, delay: float, reason: str) -> None:
        """Raise the delay between request starts (never lowers it)."""
        if delay > self.delay:
            log.info("delay for %s raised from %.2fs to %.2fs: %s", self.host, self.delay,
                     delay, reason)
            self.delay = delay


class Politeness:
    """The gates of every host seen, created on first use."""

    def __init__(self, per_host_concurrency: int, per_host_delay: float) -> None:
        self.per_host_concurrency = per_host_concurrency
        self.per_host_delay = per_host_delay
        self._gates: dict[str, HostGate] = {}

    def gate(self, url: str) -> HostGate:
        host = host_key(url)
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = HostGate(host, self.per_host_concurrency,
                                                self.per_host_delay)
        return gate
