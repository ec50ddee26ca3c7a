"""The page a crawl is working on right now, in a small file beside the state database.

A page that kills the crawl process itself (a crash in native code, the out-of-memory
killer: what no ``except`` can catch) would stay pending and kill every later run at
the same place, stopping a scheduled crawl for good. So the crawl names each page here
before extracting it in its own process and clears the name once the page is settled.
The next run finds a name left behind and counts a failed attempt against that page
(``max_attempts`` as for any failure), so the page is retried, then given up.

The name is written without fsync: only the process dies in these cases, not the
machine, and the kernel keeps the write. A run killed on purpose in the middle of a
page also counts one attempt against that page.
"""

from __future__ import annotations

import os
from pathlib import Path

# What the page's failure says.
DIED = "the crawl process died while extracting this page (a crash or the out-of-memory killer)"


def inflight_path(state_path: Path) -> Path:
    return state_path.with_name(state_path.name + ".inflight")


class InFlight:
    """``with InFlight(path) as inflight:`` names pages with ``begin``/``end``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> InFlight:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def left_over(self) -> tuple[str, str] | None:
        """The (site, URL) a dead run was working on, if any; cleared once read."""
        assert self._fd is not None
        text = os.pread(self._fd, 1 << 16, 0).decode("utf-8", "replace")
        self.end()
        site, tab, url = text.partition("\t")
        return (site, url) if tab and url else None

    def begin(self, site: str, url: str) -> None:
        assert self._fd is not None
        data = f"{site}\t{url}".encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)

    def end(self) -> None:
        assert self._fd is not None
        os.ftruncate(self._fd, 0)
