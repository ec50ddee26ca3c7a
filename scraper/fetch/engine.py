"""One page: robots, politeness, attempts and redirect hops, on the event loop."""

from __future__ import annotations

import httpx

from .config import FetchConfig, FetchRequest
from .result import FetchResult


class Engine:
    """The async core shared by every call of one ``Fetcher``. Lives on its loop thread."""

    def __init__(self, config: FetchConfig, transport: httpx.AsyncBaseTransport | None) -> None:
        self.config = config
        self.client = httpx.AsyncClient(transport=transport)

    async def fetch(self, request: FetchRequest) -> FetchResult:
        """Fetch one page; never raises for a failure of the page itself."""
        raise NotImplementedError

    async def aclose(self) -> None:
        await self.client.aclose()
