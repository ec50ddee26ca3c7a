"""JSON Lines writing: one UTF-8 object per line, written whole."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .errors import OutputError


def dumps(record: dict[str, Any]) -> str:
    """One record as a single line (no trailing newline), UTF-8 text kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write_line(stream: TextIO, record: dict[str, Any]) -> None:
    """Write one record and flush, so a reader never sees half a line from us."""
    write_dumped(stream, dumps(record))


def write_dumped(stream: TextIO, line: str) -> None:
    """``write_line`` for a record already dumped (``dumps``)."""
    try:
        stream.write(line + "\n")
        stream.flush()
    except BrokenPipeError:
        raise   # the reader went away: the command line stops quietly
    except OSError as exc:
        raise OutputError("write", getattr(stream, "name", "the output"), exc) from exc


class AppendFile:
    """A JSON Lines file opened for durable appends by a single writer.

    Each record goes out in one ``write`` of a whole line on an ``O_APPEND`` descriptor,
    then ``fsync``: after a crash the file ends in a whole line, or in part of the last
    one, which ``scraper.journal`` cuts off on the next start.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        created = not path.exists()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError("create the output folder", str(path.parent), exc) from exc
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if created:
                fsync_dir(path.parent)  # the new name survives a power cut too
        except OSError as exc:
            raise OutputError("open", str(path), exc) from exc

    def size(self) -> int:
        return os.fstat(self.fd).st_size

    def append(self, record: dict[str, Any]) -> None:
        """Write one line. On a full disk part of it may be written: the journal's intent,
        recorded before, has the next run cut it off."""
        data = (dumps(record) + "\n").encode("utf-8")
        view = memoryview(data)
        try:
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
            os.fsync(self.fd)
        except OSError as exc:
            raise OutputError("write", str(self.path), exc) from exc

    def close(self) -> None:
        os.close(self.fd)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def truncate_durably(stream: BinaryIO, length: int) -> None:
    """Cut the file open as ``stream`` to ``length`` bytes, on disk before returning: a
    torn tail or an orphaned record removed when a run starts."""
    stream.truncate(length)
    stream.flush()
    os.fsync(stream.fileno())
