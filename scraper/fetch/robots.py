"""robots.txt per host, with RFC 9309 semantics, parsed by protego and cached.

How the answer to ``GET /robots.txt`` is read (RFC 9309 §2.3.1):

    2xx                      the rules in the file apply
    4xx (but 429)            "unavailable": everything may be fetched
    429, 5xx, no answer      "unreachable": nothing may be fetched for now (after the
                             fetcher's usual retries of robots.txt itself)
    more than 5 redirects    "unavailable" (the client gives up following them)

Answers are cached per origin (``scheme://host:port``) for ``ROBOTS_TTL`` seconds, or
``ROBOTS_UNREACHABLE_TTL`` after an unreachable one, so that a server that recovers is
asked again. Concurrent fetches for one new host share one robots.txt request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from ..errors import FetchError

log = logging.getLogger(__name__)

# RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours.
ROBOTS_TTL = 24 * 3600.0
# An unreachable robots.txt disallows the host; ask again after this long.
ROBOTS_UNREACHABLE_TTL = 600.0
# Statuses in the 4xx range that still mean "come back later", not "no file".
_UNREACHABLE_4XX = frozenset({429})

# (status, body) of GET robots.txt for an origin; raises FetchError when unreachable.
RobotsGetter = Callable[[str], Awaitable[tuple[int, bytes]]]


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows."""

    origin: str
    parser: Protego | None      # None: one verdict for every path
    allow_all: bool             # the verdict when ``parser`` is None
    reason: str                 # why: "rules", "404 (allow all)", "503 (disallow all)"…
    expires: float              # loop time after which the rules are fetched again
    failure: FetchError | None = None  # why robots.txt could not be fetched at all

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        return None if self.parser is None else self.parser.crawl_delay(user_agent)


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


# The rules of every origin seen, by origin: one store may serve several fetchers in turn.
RobotsRulesStore = dict[str, RobotsRules]


class RobotsCache:
    """The robots.txt rules of every origin seen, fetched once through ``get``; kept in
    ``rules`` when given (shared with the fetchers that ran before, one at a time: the
    expiry times are ``time.monotonic`` values, which every event loop's clock reads)."""

    def __init__(self, get: RobotsGetter, rules: RobotsRulesStore | None = None) -> None:
        self._get = get
        self._rules: RobotsRulesStore = rules if rules is not None else {}
        self._inflight: dict[str, asyncio.Task[RobotsRules]] = {}

    async def rules_for(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        now = asyncio.get_running_loop().time()
        cached = self._rules.get(origin)
        if cached is not None and cached.expires > now:
            return cached
        task = self._inflight.get(origin)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._load(origin))
            self._inflight[origin] = task
            task.add_done_callback(lambda _t: self._inflight.pop(origin, None))
        # shield: one waiter being cancelled must not cancel the others' fetch
        return await asyncio.shield(task)

    async def _load(self, origin: str) -> RobotsRules:
        now = asyncio.get_running_loop().time()
        try:
            status, body = await self._get(origin + "/robots.txt")
        except FetchError as exc:
            rules = RobotsRules(origin, None, False, f"unreachable ({exc.stage}: {exc}): "
                                "disallow all", now + ROBOTS_UNREACHABLE_TTL, failure=exc)
        else:
            rules = _rules_from(origin, status, body, now)
        log.info("robots.txt of %s: %s", origin, rules.reason)
        self._rules[origin] = rules
        return rules

    def close(self) -> None:
        for task in self._inflight.values():
            task.cancel()


def _rules_from(origin: str, status: int, body: bytes, now: float) -> RobotsRules:
    if 200 <= status < 300:
        parser = Protego.parse(body.decode("utf-8", "replace"))
        return RobotsRules(origin, parser, True, "rules", now + ROBOTS_TTL)
    if 400 <= status < 500 and status not in _UNREACHABLE_4XX:
        return RobotsRules(origin, None, True, f"{status} (allow all)", now + ROBOTS_TTL)
    if 300 <= status < 400:
        return RobotsRules(origin, None, True, f"{status}: too many redirects (allow all)",
                           now + ROBOTS_TTL)
    return RobotsRules(origin, None, False, f"{status} (disallow all)",
                       now + ROBOTS_UNREACHABLE_TTL)
