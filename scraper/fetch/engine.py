"""One page, on the event loop: robots, politeness, attempts and redirect hops.

An attempt walks the redirect chain from the requested URL; each hop checks robots.txt
for its host, waits for that host's gate and a global slot, and runs one exchange
under the wall-clock deadline. Transient failures retry the whole attempt (see
``retry``); everything else ends the page with a ``FetchError``.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx

from ..clock import utc_now
from ..errors import FetchError
from .config import FetchConfig, FetchRequest
from .faults import TransientFetchError, from_transport, host_unreachable
from .limits import ACCEPT_ENCODING, check_media_type, check_sniffed, read_body
from .politeness import HostGate, Politeness
from .pool import HostPoolTransport
from .result import Exchange, FetchResult, Redirect, media_type
from .retry import is_transient_status, parse_retry_after, retrying
from .robots import RobotsCache, RobotsRulesStore

log = logging.getLogger(__name__)

# Statuses whose Location is followed (GET stays GET).
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# URL schemes a page may be fetched or redirected to.
FETCHABLE_SCHEMES = ("http", "https")
# RFC 9309 §2.3.1.2: follow at least five consecutive redirects for robots.txt.
ROBOTS_MAX_REDIRECTS = 5
# Weight of media types outside the accepted ones in the Accept header.
ACCEPT_OTHERS = "*/*;q=0.1"
# A redirect's body is kept for the archive up to this size ("Moved: <a href=…>" pages
# are a few hundred bytes), and waited for at most this long: it never fails the page.
REDIRECT_BODY_BYTES = 64 * 1024
REDIRECT_BODY_SECONDS = 2.0


@dataclass
class _Trace:
    """What the latest response of a page looked like, kept for its error record."""

    final_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    exchange: Exchange | None = None
    redirects: list[Redirect] = field(default_factory=list)   # the hops before the latest

    def saw(self, url: str, response: httpx.Response) -> None:
        self.final_url = url
        self.status = response.status_code
        self.headers = dict(response.headers.items())   # httpx gives lower-case names
        self.exchange = _exchange(response)


@dataclass
class _Tries:
    """The attempts made at one page so far, and the latest one's response."""

    count: int = 1
    trace: _Trace = field(default_factory=_Trace)


@dataclass(frozen=True)
class _Hop:
    """The outcome of one exchange: a body, or a Location to follow."""

    content: bytes | None = None
    location: str | None = None
    truncated: str | None = None   # why a redirect's body is not whole (``_redirect_body``)


class Engine:
    """The async core shared by every call of one ``Fetcher``. Lives on its loop thread."""

    def __init__(self, config: FetchConfig, transport: httpx.AsyncBaseTransport | None,
                 robots: RobotsRulesStore | None = None) -> None:
        self.config = config
        self.client = httpx.AsyncClient(
            transport=transport or HostPoolTransport(config.per_host_concurrency),
            timeout=httpx.Timeout(connect=config.connect_timeout, read=config.read_timeout,
                                  write=config.read_timeout, pool=None),
            limits=httpx.Limits(max_connections=config.concurrency,
                                max_keepalive_connections=config.concurrency),
            headers={"User-Agent": config.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
            follow_redirects=False,
            max_redirects=ROBOTS_MAX_REDIRECTS,
        )
        self.slots = asyncio.Semaphore(config.concurrency)
        self.politeness = Politeness(config.per_host_concurrency, config.per_host_delay)
        self.robots = RobotsCache(self._get_robots, robots)

    async def aclose(self) -> None:
        self.robots.close()
        await self.client.aclose()

    # -- one page ------------------------------------------------------------------

    async def fetch(self, request: FetchRequest) -> FetchResult:
        """Fetch one page; a failure of the page is the result's ``error``, never raised."""
        tries = _Tries()
        try:
            content = await self._attempts(request, tries)
        except FetchError as exc:
            return self._failed(request, tries.trace, exc, tries.count)
        trace = tries.trace
        return FetchResult(url=request.url, final_url=trace.final_url, status=trace.status,
                           headers=trace.headers, content=content, fetched_at=utc_now(),
                           attempts=tries.count, exchange=trace.exchange,
                           redirects=tuple(trace.redirects))

    async def _attempts(self, request: FetchRequest, tries: _Tries) -> bytes:
        """The first attempt runs bare, so the usual page costs no retry machinery; a
        transient failure hands over to tenacity, which takes it as attempt 1 (same
        waits, same logs) and makes the retries."""
        try:
            return await self._attempt(request, tries.trace)
        except TransientFetchError as exc:
            first: TransientFetchError | None = exc
        async for attempt in retrying(self.config, request.url):
            with attempt:
                tries.count = attempt.retry_state.attempt_number
                if first is not None:
                    failure, first = first, None
                    raise failure
                tries.trace = _Trace()   # an error reports the last attempt's response only
                return await self._attempt(request, tries.trace)
        raise AssertionError("unreachable: tenacity either returns or raises")

    def _failed(self, request: FetchRequest, trace: _Trace, exc: FetchError,
                attempts: int) -> FetchResult:
        if isinstance(exc, TransientFetchError):
            # Info, not a warning: the failure is returned to the caller, which reports it
            # (an error record from ``scraper fetch``, the crawl's own warning).
            log.info("giving up on %s after %d attempt(s): [%s] %s", request.url, attempts,
                     exc.stage, exc)
            exc = FetchError(exc.stage, str(exc), status=exc.status)
        else:
            log.info("failed %s: [%s] %s", request.url, exc.stage, exc)
        exc.attempts = attempts
        if exc.status is None:
            exc.status = trace.status
        return FetchResult(url=request.url, final_url=trace.final_url, status=trace.status,
                           headers=trace.headers, content=None, fetched_at=utc_now(),
                           attempts=attempts, error=exc)

    async def _attempt(self, request: FetchRequest, trace: _Trace) -> bytes:
        """One walk down the redirect chain; the final body."""
        allowed = request.content_types or self.config.content_types
        headers = {"Accept": ", ".join((*allowed, ACCEPT_OTHERS)), **(request.headers or {})}
        url = _checked_url(request.url, stage="connect")
        seen = {url}
        for _hop in range(self.config.max_redirects + 1):
            if self.config.robots:
                await self._check_robots(url)
            hop = await self._exchange(url, headers, allowed, trace)
            if hop.location is None:
                return hop.content or b""
            assert trace.exchange is not None
            trace.redirects.append(Redirect(url, utc_now(), trace.exchange, hop.content or b"",
                                            hop.truncated))
            target = _checked_url(urljoin(url, hop.location), stage="redirect")
            if target in seen:
                raise FetchError("redirect", f"redirect loop: {url} -> {target}",
                                 status=trace.status)
            log.debug("redirect %s -> %s (%s)", url, target, trace.status)
            seen.add(target)
            url = target
        raise FetchError("redirect", f"more than {self.config.max_redirects} redirects "
                         f"from {request.url}", status=trace.status)

    async def _check_robots(self, url: str) -> None:
        rules = await self.robots.rules_for(url)
        agent = self.config.user_agent
        if rules.failure is not None and host_unreachable(rules.failure):
            # The host itself cannot be reached: say so, not just "robots".
            raise FetchError(rules.failure.stage, f"robots.txt unreachable: {rules.failure}")
        if not rules.allows(url, agent):
            raise FetchError("robots", f"robots.txt of {rules.origin} disallows "
                             f"{urlsplit(url).path or '/'} ({rules.reason})")
        delay = rules.crawl_delay(agent)
        if delay:
            self.politeness.gate(url).slow_down(min(delay, self.config.max_retry_after),
                                                "robots.txt Crawl-delay")

    # -- one exchange ------------------------------------------------------------------

    async def _exchange(self, url: str, headers: dict[str, str], allowed: tuple[str, ...],
                        trace: _Trace) -> _Hop:
        gate = self.politeness.gate(url)
        async with gate.slot(), self.slots:
            try:
                async with asyncio.timeout(self.config.timeout):
                    async with self.client.stream("GET", url, headers=headers) as response:
                        trace.saw(url, response)
                        return await self._read(response, trace.headers, allowed, gate)
            except TimeoutError as exc:
                raise TransientFetchError(
                    "timeout", f"no complete response within {self.config.timeout:g}s"
                ) from exc
            except (httpx.HTTPError, OSError, ValueError) as exc:
                raise from_transport(exc, url) from exc

    async def _read(self, response: httpx.Response, headers: dict[str, str],
                    allowed: tuple[str, ...], gate: HostGate) -> _Hop:
        """The hop's outcome; ``headers`` are the response's, as a plain dict (each
        lookup in httpx's ``Headers`` scans them all)."""
        status = response.status_code
        location = headers.get("location")
        if status in REDIRECT_STATUSES and location:
            body, truncated = await _redirect_body(response, headers.get("content-encoding"))
            return _Hop(content=body, location=location, truncated=truncated)
        if status == 304:
            return _Hop(content=b"")
        what = f"HTTP {status} {response.reason_phrase}".strip()
        if is_transient_status(status):
            wait = self._pause_if_told(response, gate)
            raise TransientFetchError("http", what, status=status, retry_after=wait)
        if not 200 <= status < 300:
            raise FetchError("http", what, status=status)
        kind = media_type(headers.get("content-type"))
        check_media_type(kind, allowed)
        encoding = headers.get("content-encoding")
        _check_declared_length(headers, encoding, self.config.max_bytes, status)
        body = await read_body(response.aiter_raw(), encoding, self.config.max_bytes)
        check_sniffed(body, kind, allowed)
        return _Hop(content=body)

    async def _get_robots(self, url: str) -> tuple[int, bytes]:
        """GET a robots.txt with the usual retries; (status, body), or FetchError when
        no answer came."""
        try:
            async for attempt in retrying(self.config, url):
                with attempt:
                    return await self._get_robots_once(url)
        except TransientFetchError as exc:
            if exc.status is None:
                raise FetchError(exc.stage, str(exc)) from exc
            return exc.status, b""
        raise AssertionError("unreachable: tenacity either returns or raises")

    async def _get_robots_once(self, url: str) -> tuple[int, bytes]:
        gate = self.politeness.gate(url)
        async with gate.slot(delayed=False), self.slots:
            try:
                async with asyncio.timeout(self.config.timeout):
                    async with self.client.stream("GET", url, follow_redirects=True) as response:
                        status = response.status_code
                        if is_transient_status(status):
                            self._pause_if_told(response, gate)
                            raise TransientFetchError("http", f"robots.txt: HTTP {status}",
                                                      status=status)
                        if not 200 <= status < 300:
                            return status, b""
                        body = await read_body(response.aiter_raw(),
                                               response.headers.get("content-encoding"),
                                               self.config.robots_max_bytes, truncate=True)
                        return status, body
            except httpx.TooManyRedirects:
                return 300, b""   # a chain that never ends: "unavailable" per RFC 9309
            except TimeoutError as exc:
                raise TransientFetchError("timeout", f"no complete response within "
                                          f"{self.config.timeout:g}s") from exc
            except (httpx.HTTPError, OSError, ValueError) as exc:
                raise from_transport(exc, url) from exc

    def _pause_if_told(self, response: httpx.Response, gate: HostGate) -> float | None:
        """Pause the host for the response's Retry-After (capped); the wait asked for."""
        wait = parse_retry_after(response.headers.get("retry-after"))
        if wait is not None:
            gate.pause(min(wait, self.config.max_retry_after),
                       f"HTTP {response.status_code}, Retry-After")
        return wait


async def _redirect_body(response: httpx.Response,
                         encoding: str | None) -> tuple[bytes, str | None]:
    """A redirect's body for the archive, and why it is not whole (``WARC-Truncated``'s
    words: ``length``, ``time``, ``disconnect``), if it is not. Never raises: the page
    goes on to the Location whatever the body does."""
    received: list[bytes] = []
    try:
        async with asyncio.timeout(REDIRECT_BODY_SECONDS):
            body = await read_body(response.aiter_raw(), encoding, REDIRECT_BODY_BYTES + 1,
                                   truncate=True, received=received)
    except TimeoutError:
        return b"".join(received)[:REDIRECT_BODY_BYTES], "time"
    except (httpx.HTTPError, OSError, ValueError, FetchError):
        return b"".join(received)[:REDIRECT_BODY_BYTES], "disconnect"
    if len(body) > REDIRECT_BODY_BYTES:
        return body[:REDIRECT_BODY_BYTES], "length"
    return body, None


def _exchange(response: httpx.Response) -> Exchange:
    """The heads of ``response`` and its request as sent and received."""
    request = response.request
    stream = response.extensions.get("network_stream")
    address = stream.get_extra_info("server_addr") if stream is not None else None
    return Exchange(
        method=request.method, target=request.url.raw_path.decode("ascii"),
        request_headers=_latin1(request.headers.raw), http_version=response.http_version,
        status=response.status_code, reason=response.reason_phrase,
        response_headers=_latin1(response.headers.raw),
        peer_ip=str(address[0]) if isinstance(address, tuple) and address else None)


def _latin1(raw: list[tuple[bytes, bytes]]) -> tuple[tuple[str, str], ...]:
    return tuple((name.decode("latin-1"), value.decode("latin-1")) for name, value in raw)


def _checked_url(url: str, *, stage: str) -> str:
    """``url`` without its fragment, if it is an absolute http(s) URL with a host."""
    clean = urldefrag(url.strip())[0]
    parts = urlsplit(clean)
    if parts.scheme.lower() not in FETCHABLE_SCHEMES or not parts.netloc:
        raise FetchError(stage, f"cannot fetch {url!r}: not an absolute http(s) URL")
    return clean


def _check_declared_length(headers: dict[str, str], encoding: str | None, max_bytes: int,
                           status: int) -> None:
    """Refuse at once an uncompressed body whose Content-Length is over the limit."""
    declared = headers.get("content-length", "")
    if not encoding and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError("too-large", f"Content-Length {declared} is over {max_bytes} bytes",
                         status=status)

