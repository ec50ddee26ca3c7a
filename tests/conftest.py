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
