"""Shared fixtures: a loopback HTTP server per test (see tests/loopback.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from loopback import LoopbackServer  # tests/ is on sys.path under pytest (rootdir conftest)


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A started loopback server on 127.0.0.1; stopped after the test."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def loopback2() -> Iterator[LoopbackServer]:
    """A second server: another host, as far as per-host rules go."""
    with LoopbackServer() as server:
        yield server


# Fetcher settings that keep fault tests fast: short timeouts, one retry, tiny waits.
FAST = dict(timeout=1.0, connect_timeout=0.5, read_timeout=0.5, retries=1,
            per_host_delay=0.0, backoff_initial=0.01, backoff_max=0.05,
            max_retry_after=1.0, max_bytes=200_000)


@pytest.fixture
def fetch_config():  # type: ignore[no-untyped-def]
    """A factory of fast ``FetchConfig`` values: ``fetch_config(retries=0)``."""
    from scraper.fetch import FetchConfig

    def make(**overrides: object) -> FetchConfig:
        return FetchConfig(**{**FAST, **overrides})  # type: ignore[arg-type]
    return make
