"""Exactly-once output: every article reaches the output once, whatever kills the run.

Writing one record takes three steps, each durable before the next starts:

1. **intent**: the state records (url, content hash, file, offset = the file's size
   now) and commits;
2. **write**: the line goes to the file in one ``write`` and is ``fsync``-ed;
3. **commit**: the state marks the URL and hash emitted and drops the intent, in one
   transaction.

A run killed between any two instructions leaves at most one intent behind (there is
a single writer, under the crawl lock). ``reconcile`` runs at the start of the next
run, before anything else, and settles it by looking at the file at ``offset``:

- a whole line there whose ``crawl.url`` is the intent's URL: step 2 finished, so the
  record is marked emitted (it is never written again);
- part of a line (no newline): step 2 was cut short, so the file is truncated back to
  ``offset`` and the article stays pending (it is fetched and written again);
- nothing (the file is no longer than ``offset``, or missing): the intent is dropped
  and the article stays pending.

Records written to stdout (``-o -``) skip the intent: the line is flushed, then marked.
A kill between the two repeats that record on the next run (at least once), because
a pipe cannot be read back.

The WARC archive comes before all that: an article's response is in its WARC file
before its record is written, and its outcome (written, duplicate, failed) reaches the
state only after. A run killed in between leaves a response the state knows nothing
of, and the page, still to fetch, would be archived a second time by the next run. So
before the response is appended, the state notes the file, its length then and the
page's attempts so far (``State.note_archived``, one note per file: pages are handled
one at a time). ``settle_archives`` runs at the start of the next run, after
``reconcile``: a noted page still to fetch with as many attempts as noted never had
its outcome recorded, so the file is cut back to the noted length; the page is
fetched, archived and written again, once. Any other noted page had its outcome
recorded, and its response stays.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .output import AppendFile, truncate_durably, write_line
from .archive import GZIP_MAGIC
from .state import TO_FETCH, Archived, Intent, State, Validators

log = logging.getLogger(__name__)

STDOUT = "-"
# How far past the offset reconcile reads looking for the end of the pending line.
MAX_RECORD_BYTES = 64 * 1024 * 1024


@dataclass
class Reconciled:
    kept: int = 0        # records found whole in their file and marked emitted
    truncated: int = 0   # half-written lines cut off
    dropped: int = 0     # intents whose record never reached the file
    archived: int = 0    # responses cut from a WARC file (``settle_archives``)


class Journal:
    """Writes records exactly once (see the module docstring); owns its open files."""

    def __init__(self, state: State, run: int) -> None:
        self.state = state
        self.run = run
        self._files: dict[Path, AppendFile] = {}

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()

    def emit(self, site: str, url: str, content_hash: str, record: dict[str, Any],
             target: Path | str, *, status: int | None = None,
             validators: Validators | None = None) -> None:
        """Write ``record`` for ``url`` to ``target`` (a path, or ``-`` for stdout)."""
        if target == STDOUT:
            write_line(sys.stdout, record)
            intent_id = 0  # nothing to settle later: a pipe cannot be read back
        else:
            path = Path(target)
            handle = self._files.get(path) or self._open(path)
            intent_id = self.state.add_intent(site, url, content_hash, str(path), handle.size(),
                                              self.run)
            handle.append(record)
        intent = Intent(intent_id, site, url, content_hash, str(target), 0, self.run)
        self.state.mark_emitted(intent, status=status, validators=validators)

    def _open(self, path: Path) -> AppendFile:
        handle = AppendFile(path)
        self._files[path] = handle
        return handle


def reconcile(state: State) -> Reconciled:
    """Settle the intents a killed run left behind (see the module docstring)."""
    result = Reconciled()
    for intent in state.intents():
        if intent.path == STDOUT:
            state.drop_intent(intent.id)
            result.dropped += 1
            continue
        outcome = _settle(intent)
        if outcome == "kept":
            state.mark_emitted(intent)
            result.kept += 1
        else:
            state.drop_intent(intent.id)
            setattr(result, outcome, getattr(result, outcome) + 1)
        log.info("reconciled %s in %s at %d: %s", intent.url, intent.path, intent.offset, outcome)
    return result


def settle_archives(state: State) -> int:
    """Cut off the responses a killed run archived without recording the page's outcome
    (see the module docstring); how many were cut."""
    cut = 0
    for note in state.archived():
        if state.state_of(note.site, note.url) in TO_FETCH \
                and state.attempts(note.site, note.url) == note.attempts:
            cut += _cut_back(note)
    state.forget_archived()
    return cut


def _cut_back(note: Archived) -> int:
    """Truncate the note's file to the noted length; 1 if something was cut."""
    path = Path(note.path)
    try:
        with path.open("rb+") as stream:
            stream.seek(note.offset)
            head = stream.read(len(GZIP_MAGIC))
            if not head:
                return 0   # the response never reached the file
            if head != GZIP_MAGIC[:len(head)]:
                log.warning("%s: no WARC record starts at %d, where %s was to be archived; "
                            "leaving the file as it is", path, note.offset, note.url)
                return 0
            truncate_durably(stream, note.offset)
    except FileNotFoundError:
        return 0
    log.info("%s: cut the response of %s archived by an interrupted run; the page is "
             "fetched and archived again", path, note.url)
    return 1


def _settle(intent: Intent) -> str:
    """``kept``, ``truncated`` or ``dropped`` for one intent, truncating when needed."""
    path = Path(intent.path)
    try:
        with path.open("rb+") as stream:
            stream.seek(0, os.SEEK_END)
            if stream.tell() <= intent.offset:
                return "dropped"
            stream.seek(intent.offset)
            tail = stream.read(MAX_RECORD_BYTES)
            line, newline, _ = tail.partition(b"\n")
            if not newline:
                truncate_durably(stream, intent.offset)
                return "truncated"
    except FileNotFoundError:
        return "dropped"
    if _record_url(line) == intent.url:
        return "kept"
    log.warning("%s: the line at offset %d is not the record of %s; leaving the file as it is",
                path, intent.offset, intent.url)
    return "dropped"


def _record_url(line: bytes) -> str | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    crawl = record.get("crawl") if isinstance(record, dict) else None
    return crawl.get("url") if isinstance(crawl, dict) else None
