"""The time as the records and the state write it."""

from __future__ import annotations

import time


def utc_now() -> str:
    """The current time as ISO 8601 UTC, to the second: ``2024-05-01T08:30:00Z``."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
