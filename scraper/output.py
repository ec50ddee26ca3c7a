"""JSON Lines writing: one UTF-8 object per line, written whole."""

from __future__ import annotations

import json
from typing import Any, TextIO


def dumps(record: dict[str, Any]) -> str:
    """One record as a single line (no trailing newline), UTF-8 text kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write_line(stream: TextIO, record: dict[str, Any]) -> None:
    """Write one record and flush, so a reader never sees half a line from us."""
    stream.write(dumps(record) + "\n")
    stream.flush()
