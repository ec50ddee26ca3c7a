"""What is retried and how long to wait: tenacity, exponential backoff with jitter,
``Retry-After`` honoured (capped).

Transient: connect errors, resets and truncated bodies, timeouts, and the statuses in
``RETRY_STATUSES`` (or any 5xx but ``FINAL_5XX``). Everything else fails at once.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from tenacity import (AsyncRetrying, RetryCallState, retry_if_exception_type,
                      stop_after_attempt, wait_exponential, wait_random)

from .config import FetchConfig
from .faults import TransientFetchError

log = logging.getLogger(__name__)

# 4xx answers that mean "not now" rather than "no": request timeout, too early, too many.
RETRY_STATUSES = frozenset({408, 425, 429})
# 5xx answers that will not change on a retry: not implemented, HTTP version unsupported.
FINAL_5XX = frozenset({501, 505})


def is_transient_status(status: int) -> bool:
    return status in RETRY_STATUSES or (500 <= status < 600 and status not in FINAL_5XX)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date); None if
    absent or unreadable. A date in the past means 0."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Wait:
    """Tenacity wait: the server's Retry-After (capped) when given, else backoff."""

    def __init__(self, config: FetchConfig) -> None:
        self.cap = config.max_retry_after
        # backoff_initial, doubled each attempt up to backoff_max, plus random jitter up
        # to backoff_initial (at most 1 s) so that clients do not retry in step
        self.backoff = (wait_exponential(multiplier=config.backoff_initial,
                                         max=config.backoff_max)
                        + wait_random(0, min(1.0, config.backoff_initial)))

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, TransientFetchError) and exc.retry_after is not None:
            return min(exc.retry_after, self.cap)
        return float(self.backoff(state))


def _log_retry(url: str, max_attempts: int):  # type: ignore[no-untyped-def]
    def before_sleep(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        told = (" (Retry-After)" if isinstance(exc, TransientFetchError)
                and exc.retry_after is not None else "")
        log.info("retry %d/%d of %s in %.2fs%s: %s [%s]", state.attempt_number,
                 max_attempts - 1, url, wait, told, exc, getattr(exc, "stage", "?"))
    return before_sleep


def retrying(config: FetchConfig, url: str) -> AsyncRetrying:
    """The attempt loop for one page: transient errors retried ``config.retries`` times."""
    max_attempts = config.retries + 1
    return AsyncRetrying(
        stop=stop_after_attempt(max_attempts),
        wait=_Wait(config),
        retry=retry_if_exception_type(TransientFetchError),
        before_sleep=_log_retry(url, max_attempts),
        reraise=True,
    )
