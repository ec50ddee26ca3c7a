"""``Fetcher``: the synchronous face of the fetcher.

It owns one ``httpx.AsyncClient`` living on an event loop in a background thread, so
that sync code (the CLI, a scheduled crawl) can fetch many pages concurrently and
consume the results one at a time as they arrive. ``close()`` closes the client,
stops the loop and joins the thread: nothing is left running or open.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections import deque
from collections.abc import Coroutine, Iterable, Iterator
from typing import Any, TypeVar

import httpx

from .config import FetchConfig, FetchRequest
from .engine import Engine
from .result import FetchResult
from .robots import RobotsRulesStore

T = TypeVar("T")

# How many requests ``fetch_many`` keeps submitted per unit of concurrency: enough to
# keep every slot busy while some wait for a slow host, few enough to bound memory.
WINDOW_PER_SLOT = 4


class Fetcher:
    """Polite, fault-proof HTTP GET for pages; a context manager owning one client.

        >>> with Fetcher(FetchConfig(per_host_delay=0.5)) as fetcher:
        ...     for result in fetcher.fetch_many(urls):
        ...         print(result.url, result.status, result.error)

    ``fetch`` and ``fetch_many`` never raise for a URL that fails: the failure is the
    result's ``error`` (a ``scraper.errors.FetchError``). They are safe to call from
    several threads at once; all calls share the concurrency and per-host limits.
    ``robots``, when given, is where robots.txt answers are kept, so that a fetcher
    made after this one (the crawl's next group of sites) does not ask for them again.
    """

    def __init__(self, config: FetchConfig = FetchConfig(), *,
                 transport: httpx.AsyncBaseTransport | None = None,
                 robots: RobotsRulesStore | None = None) -> None:
        self.config = config
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="scraper-fetch",
                                        daemon=True)
        self._thread.start()
        self._closed = False
        self._engine: Engine = self._submit_unchecked(_make_engine(config, transport, robots)).result()

    # -- lifecycle ---------------------------------------------------------------

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client, stop the event loop and join its thread. Idempotent."""
        if self._closed:
            return
        self._closed = True
        try:
            asyncio.run_coroutine_threadsafe(_shutdown(self._engine), self._loop).result()
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()

    # -- fetching ----------------------------------------------------------------

    def fetch(self, url: str, *, headers: dict[str, str] | None = None,
              content_types: tuple[str, ...] | None = None) -> FetchResult:
        """Fetch one URL (robots, politeness, retries, redirects, limits applied)."""
        request = FetchRequest(url, headers=headers, content_types=content_types)
        return self._call(self._engine.fetch(request))

    def fetch_many(self, urls: Iterable[str | FetchRequest], *,
                   ordered: bool = True) -> Iterator[FetchResult]:
        """Fetch many URLs concurrently, yielding one result per input.

        Results come in input order when ``ordered``, else as they complete. Inputs are
        read lazily and at most ``concurrency * WINDOW_PER_SLOT`` are in flight or
        waiting to be yielded, so memory does not grow with the number of URLs. Closing
        the iterator early cancels what is still in flight.
        """
        self._check_open()
        window = self.config.concurrency * WINDOW_PER_SLOT
        pending: deque[concurrent.futures.Future[FetchResult]] = deque()
        inputs = iter(urls)
        try:
            exhausted = False
            while True:
                while not exhausted and len(pending) < window:
                    item = next(inputs, None)
                    if item is None:
                        exhausted = True
                        break
                    request = item if isinstance(item, FetchRequest) else FetchRequest(item)
                    pending.append(self._submit(self._engine.fetch(request)))
                if not pending:
                    return
                future = pending.popleft() if ordered else _pop_first_done(pending)
                try:
                    result = future.result()
                except concurrent.futures.CancelledError:
                    raise RuntimeError("Fetcher was closed while fetching") from None
                yield result
        finally:
            for future in pending:
                future.cancel()
            if pending:
                concurrent.futures.wait(pending)

    # -- the loop thread -----------------------------------------------------------

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("Fetcher is closed")

    def _submit_unchecked(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def _submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        if self._closed:
            coro.close()
            raise RuntimeError("Fetcher is closed")
        return self._submit_unchecked(coro)

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return self._submit(coro).result()


async def _make_engine(config: FetchConfig, transport: httpx.AsyncBaseTransport | None,
                       robots: RobotsRulesStore | None) -> Engine:
    """Build the engine on the loop thread, where its client and locks will live."""
    return Engine(config, transport, robots)


async def _shutdown(engine: Engine) -> None:
    """Cancel fetches still running (an abandoned stream), then close the client."""
    current = asyncio.current_task()
    tasks = [t for t in asyncio.all_tasks() if t is not current]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await engine.aclose()


def _pop_first_done(pending: deque[concurrent.futures.Future[T]]) -> concurrent.futures.Future[T]:
    done, _ = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
    first = next(f for f in pending if f in done)
    pending.remove(first)
    return first
