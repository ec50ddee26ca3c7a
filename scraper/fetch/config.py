"""The fetcher's configuration and per-request options, passed around as values.

Every default carries a comment saying what it means. Nothing here is read from the
environment or from files: the caller builds a ``FetchConfig`` once and hands it down.
"""

from __future__ import annotations

from dataclasses import dataclass

# Names the tool and where a site operator can learn about it (replace the placeholder
# with a real contact when running a crawl).
DEFAULT_USER_AGENT = "scraper/0.1 (+https://example.invalid/scraper; contact: ops@example.invalid)"

# Media types parsed as web pages; anything else is a ``content-type`` error.
HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchConfig:
    """How the ``Fetcher`` behaves. Times are in seconds.

    ``timeout`` is the wall-clock deadline of one HTTP exchange: connecting, the
    headers and the whole body of one response. It applies to every attempt and to
    every redirect hop, so a server that drips its body one byte a second is cut off
    even though no single read times out. Waiting for a politeness slot, backoff
    between attempts and ``Retry-After`` pauses are not counted: those are bounded by
    ``retries``, ``backoff_max`` and ``max_retry_after``.
    """

    user_agent: str = DEFAULT_USER_AGENT   # sent with every request and matched against robots.txt
    timeout: float = 20.0                  # wall-clock deadline of one exchange (see above)
    connect_timeout: float = 10.0          # TCP (and TLS) connect
    read_timeout: float = 10.0             # longest silence between two reads of the response
    retries: int = 2                       # retries after the first attempt (transient faults only)
    max_bytes: int = 10_000_000            # body size limit, counted after decompression
    concurrency: int = 8                   # requests in flight at once, over all hosts
    per_host_concurrency: int = 2          # requests in flight at once to one host
    per_host_delay: float = 1.0            # least time between two request starts to one host
    max_retry_after: float = 120.0         # cap on a server's Retry-After (and robots Crawl-delay)
    robots: bool = True                    # obey robots.txt (RFC 9309)
    max_redirects: int = 10                # hops followed before a ``redirect`` error
    content_types: tuple[str, ...] = HTML_TYPES  # media types accepted by default
    backoff_initial: float = 0.5           # first backoff before a retry, doubled each time
    backoff_max: float = 30.0              # cap on one backoff (jitter up to backoff_initial on top)
    robots_max_bytes: int = 512_000        # robots.txt read up to this size (RFC 9309: >= 500 KiB)

    def __post_init__(self) -> None:
        for name in ("timeout", "connect_timeout", "read_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchConfig.{name} must be > 0")
        for name in ("retries", "per_host_delay", "max_retry_after", "max_redirects",
                     "backoff_initial", "backoff_max"):
            if getattr(self, name) < 0:
                raise ValueError(f"FetchConfig.{name} must be >= 0")
        for name in ("max_bytes", "concurrency", "per_host_concurrency", "robots_max_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"FetchConfig.{name} must be >= 1")


@dataclass(frozen=True)
class FetchRequest:
    """One URL to fetch, with options that differ from the ``Fetcher``'s defaults."""

    url: str
    headers: dict[str, str] | None = None         # e.g. If-None-Match / If-Modified-Since
    content_types: tuple[str, ...] | None = None  # e.g. XML types for feeds and sitemaps
