"""Polite, fault-proof HTTP for portal pages.

    >>> from scraper.fetch import Fetcher, FetchConfig
    >>> with Fetcher(FetchConfig(user_agent="mybot/1.0 (+https://example.org/bot)")) as f:
    ...     result = f.fetch("https://www.gov.cn/")
    ...     result.ok, result.status, result.final_url

Modules, one responsibility each: ``config`` (FetchConfig, FetchRequest), ``result``
(FetchResult), ``client`` (the sync Fetcher and its loop thread), ``engine`` (one page:
attempts and redirect hops), ``robots`` (robots.txt per host), ``politeness``
(per-host slots, delay, Retry-After pauses), ``retry`` (what is retried and how long to
wait), ``faults`` (transport failures as error stages), ``limits`` (size and type),
``pool`` (one small connection pool per host), ``http11`` (one HTTP/1.1 connection: h11
on asyncio streams).
"""

from __future__ import annotations

from .client import Fetcher
from .config import DEFAULT_USER_AGENT, HTML_TYPES, FetchConfig, FetchRequest
from .result import FetchResult

__all__ = ["Fetcher", "FetchConfig", "FetchRequest", "FetchResult",
           "DEFAULT_USER_AGENT", "HTML_TYPES"]
