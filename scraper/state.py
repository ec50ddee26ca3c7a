"""The crawl's memory: an SQLite database of pages seen, content emitted and runs.

Tables::

    pages    one row per (site, URL) seen: kind (article, list, feed, sitemap), state,
             first/last seen, attempts, last HTTP status and error, ETag and
             Last-Modified, content hash, the run and file that emitted it
    emitted  one row per (site, content hash) written to the output: the same article
             under a second URL is a duplicate, not a new record
    intents  the record being written right now (at most one): see ``scraper.journal``
    archived the article response last archived in each WARC file, and where: see
             ``scraper.journal.settle_archives``
    runs     one row per run with its counts

Article states: ``pending`` (seen, not yet done), ``failed`` (will be retried by later
runs), ``dead`` (failed ``max_attempts`` times), ``emitted``, ``duplicate`` (its content
was already emitted under another URL). The store owns its connection; every method
that changes something commits before it returns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .clock import utc_now

SCHEMA_VERSION = 1
# States of article rows (see the module docstring).
PENDING, FAILED, DEAD, EMITTED, DUPLICATE = "pending", "failed", "dead", "emitted", "duplicate"
PAGE = "page"
# States that a run fetches.
TO_FETCH = (PENDING, FAILED)
# State of a list page, feed or sitemap that was read (or FAILED when it was not).
SOURCE_OK = "ok"
# Kinds of rows.
ARTICLE, LIST, FEED, SITEMAP = "article", "list", "feed", "sitemap"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pages (
    site TEXT NOT NULL, url TEXT NOT NULL, kind TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending', first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
    last_fetched TEXT, attempts INTEGER NOT NULL DEFAULT 0, status INTEGER, error TEXT,
    etag TEXT, last_modified TEXT, content_hash TEXT, run INTEGER, output TEXT,
    PRIMARY KEY (site, url)
);
CREATE INDEX IF NOT EXISTS pages_todo ON pages (site, kind, state);
CREATE TABLE IF NOT EXISTS emitted (
    site TEXT NOT NULL, content_hash TEXT NOT NULL, url TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (site, content_hash)
);
CREATE TABLE IF NOT EXISTS intents (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL, content_hash TEXT NOT NULL,
    path TEXT NOT NULL, offset INTEGER NOT NULL, run INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS archived (
    path TEXT PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL, offset INTEGER NOT NULL,
    attempts INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, pid INTEGER,
    status TEXT NOT NULL DEFAULT 'running', discovered INTEGER DEFAULT 0, new INTEGER DEFAULT 0,
    fetched INTEGER DEFAULT 0, written INTEGER DEFAULT 0, duplicates INTEGER DEFAULT 0,
    failed INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, seconds REAL
);
"""


@dataclass
class RunCounts:
    discovered: int = 0   # candidate article URLs found by this run
    new: int = 0          # of those, never seen before
    fetched: int = 0      # article pages fetched
    written: int = 0      # records written to the output
    duplicates: int = 0   # fetched articles whose content was already written
    failed: int = 0       # pages (articles and sources) that failed this run
    skipped: int = 0      # discovered URLs already done (emitted, duplicate or dead)

    def add(self, other: RunCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass(frozen=True)
class Intent:
    id: int
    site: str
    url: str
    content_hash: str
    path: str
    offset: int
    run: int


@dataclass(frozen=True)
class Archived:
    """An article's response appended to the WARC file ``path`` at ``offset``, when the
    article had failed ``attempts`` times."""

    path: str
    site: str
    url: str
    offset: int
    attempts: int


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Failure:
    url: str
    site: str
    kind: str
    state: str
    attempts: int
    status: int | None
    error: str | None
    when: str | None


class StateError(Exception):
    """The state database cannot be opened or has an unknown schema."""


class State:
    """The SQLite store. Use as a context manager; it owns its connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")  # a commit survives power loss
            self.db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StateError(f"{self.path}: {exc}") from exc
        self.db.row_factory = sqlite3.Row

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif row[0] != str(SCHEMA_VERSION):
            raise StateError(f"{self.path}: state schema {row[0]}, this version reads {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.db.in_transaction:   # SQLite rolls back by itself on a full disk
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # ---- runs ----

    def start_run(self, pid: int) -> int:
        """Open a run row; rows of runs that never finished are marked ``killed``."""
        with self.transaction() as db:
            db.execute("UPDATE runs SET status='killed' WHERE status='running'")
            cur = db.execute("INSERT INTO runs (started, pid) VALUES (?, ?)", (utc_now(), pid))
        return int(cur.lastrowid or 0)

    def finish_run(self, run: int, counts: RunCounts, seconds: float, status: str) -> None:
        names = [f.name for f in fields(counts)]
        assignments = ", ".join(f"{n}=?" for n in names)
        with self.transaction() as db:
            db.execute(f"UPDATE runs SET finished=?, status=?, seconds=?, {assignments} WHERE id=?",
                       (utc_now(), status, round(seconds, 3),
                        *(getattr(counts, n) for n in names), run))

    def recent_runs(self, limit: int = 5) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]

    # ---- discovery ----

    def add_articles(self, site: str, urls: Iterable[str]) -> tuple[int, int]:
        """Record discovered article URLs; returns (new, already done)."""
        now = utc_now()
        new = done = 0
        with self.transaction() as db:
            for url in urls:
                row = db.execute("SELECT state FROM pages WHERE site=? AND url=?",
                                 (site, url)).fetchone()
                if row is None:
                    db.execute("INSERT INTO pages (url, site, kind, first_seen, last_seen) "
                               "VALUES (?, ?, 'article', ?, ?)", (url, site, now, now))
                    new += 1
                else:
                    db.execute("UPDATE pages SET last_seen=? WHERE site=? AND url=?", (now, site, url))
                    done += row["state"] not in TO_FETCH
        return new, done

    def count_done(self, site: str, urls: Iterable[str]) -> int:
        """How many of ``urls`` are finished articles (emitted, duplicate or dead)."""
        done = 0
        for url in urls:
            row = self.db.execute("SELECT state FROM pages WHERE site=? AND url=?",
                                  (site, url)).fetchone()
            done += row is not None and row["state"] not in TO_FETCH
        return done

    def validators(self, site: str, url: str) -> Validators:
        row = self.db.execute("SELECT etag, last_modified FROM pages WHERE site=? AND url=?",
                              (site, url)).fetchone()
        return Validators(row["etag"], row["last_modified"]) if row else Validators()

    def source_done(self, site: str, url: str, kind: str, *, status: int | None,
                    validators: Validators, articles: Iterable[str] = ()) -> tuple[int, int]:
        """A list page, feed or sitemap was read: store the article URLs it gave, then its
        validators (so a 304 next time never hides URLs that were not recorded)."""
        new, done = self.add_articles(site, articles)
        self._upsert_source(site, url, kind, status=status, error=None, validators=validators)
        return new, done

    def source_failed(self, site: str, url: str, kind: str, *, status: int | None, error: str) -> None:
        self._upsert_source(site, url, kind, status=status, error=error, validators=None)

    def _upsert_source(self, site: str, url: str, kind: str, *, status: int | None,
                       error: str | None, validators: Validators | None) -> None:
        now = utc_now()
        state = FAILED if error else SOURCE_OK
        with self.transaction() as db:
            db.execute("INSERT INTO pages (url, site, kind, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT(site, url) DO NOTHING", (url, site, kind, now, now))
            db.execute("UPDATE pages SET last_seen=?, last_fetched=?, state=?, status=?, error=?,"
                       " attempts=CASE WHEN ? IS NULL THEN 0 ELSE attempts + 1 END"
                       " WHERE site=? AND url=?", (now, now, state, status, error, error, site, url))
            if validators is not None:
                db.execute("UPDATE pages SET etag=?, last_modified=? WHERE site=? AND url=?",
                           (validators.etag, validators.last_modified, site, url))

    # ---- articles ----

    def to_fetch(self, site: str, limit: int) -> list[str]:
        """Pending and failed articles of a site, oldest first, at most ``limit``."""
        rows = self.db.execute(
            "SELECT url FROM pages WHERE site=? AND kind='article' AND state IN (?, ?) "
            "ORDER BY first_seen, rowid LIMIT ?", (site, *TO_FETCH, limit))
        return [r["url"] for r in rows]

    def article_failed(self, site: str, url: str, *, status: int | None, error: str,
                       max_attempts: int) -> str:
        """Count a failed attempt; returns the new state (``failed`` or ``dead``)."""
        now = utc_now()
        with self.transaction() as db:
            db.execute("UPDATE pages SET attempts=attempts+1, status=?, error=?, last_fetched=?, "
                       "state=CASE WHEN attempts+1 >= ? THEN 'dead' ELSE 'failed' END "
                       "WHERE site=? AND url=?", (status, error, now, max_attempts, site, url))
            row = db.execute("SELECT state FROM pages WHERE site=? AND url=?", (site, url)).fetchone()
        return str(row["state"]) if row else FAILED

    def state_of(self, site: str, url: str) -> str | None:
        """The state of an article's row, None when the URL is unknown."""
        row = self.db.execute("SELECT state FROM pages WHERE site=? AND url=?",
                              (site, url)).fetchone()
        return str(row["state"]) if row else None

    def attempts(self, site: str, url: str) -> int:
        """Failed attempts counted so far for ``url``."""
        row = self.db.execute("SELECT attempts FROM pages WHERE site=? AND url=?",
                              (site, url)).fetchone()
        return int(row["attempts"]) if row else 0

    def mark_pages(self, site: str, urls: Iterable[str], *, of: str) -> None:
        """Record ``urls`` as later pages of the article written under ``of``: never
        fetched as articles of their own. Rows already emitted are left as they are."""
        now = utc_now()
        with self.transaction() as db:
            for url in urls:
                db.execute("INSERT INTO pages (url, site, kind, first_seen, last_seen) "
                           "VALUES (?, ?, 'article', ?, ?) ON CONFLICT(site, url) DO NOTHING",
                           (url, site, now, now))
                db.execute("UPDATE pages SET state=?, error=? WHERE site=? AND url=? "
                           "AND state IN (?, ?, ?)", (PAGE, f"a page of {of}", site, url,
                                                      *TO_FETCH, DEAD))

    def emitted_url(self, site: str, content_hash: str) -> str | None:
        """The URL under which this content was already written, if it was."""
        row = self.db.execute("SELECT url FROM emitted WHERE site=? AND content_hash=?",
                              (site, content_hash)).fetchone()
        return str(row["url"]) if row else None

    def mark_duplicate(self, site: str, url: str, content_hash: str, *, status: int | None,
                       validators: Validators, of: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE pages SET state='duplicate', content_hash=?, status=?, etag=?, "
                       "last_modified=?, last_fetched=?, error=? WHERE site=? AND url=?",
                       (content_hash, status, validators.etag, validators.last_modified,
                        utc_now(), f"same content as {of}", site, url))

    # ---- the write-ahead intent (see scraper.journal) ----

    def add_intent(self, site: str, url: str, content_hash: str, path: str, offset: int,
                   run: int) -> int:
        with self.transaction() as db:
            cur = db.execute("INSERT INTO intents (site, url, content_hash, path, offset, run) "
                             "VALUES (?, ?, ?, ?, ?, ?)", (site, url, content_hash, path, offset, run))
        return int(cur.lastrowid or 0)

    def intents(self) -> list[Intent]:
        rows = self.db.execute("SELECT * FROM intents ORDER BY id")
        return [Intent(**dict(r)) for r in rows]

    def drop_intent(self, intent_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM intents WHERE id=?", (intent_id,))

    def note_archived(self, site: str, url: str, path: str, offset: int) -> None:
        """The article's response goes to ``path`` at ``offset`` next (it replaces the
        file's previous note: one page is handled at a time)."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO archived (path, site, url, offset, attempts) "
                       "VALUES (?, ?, ?, ?, ?)", (path, site, url, offset, self.attempts(site, url)))

    def archived(self) -> list[Archived]:
        return [Archived(**dict(r)) for r in self.db.execute("SELECT * FROM archived")]

    def forget_archived(self) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM archived")

    def mark_emitted(self, intent: Intent, *, status: int | None = None,
                     validators: Validators | None = None) -> None:
        """The record of ``intent`` is safely in its file: remember it, drop the intent."""
        now = utc_now()
        validators = validators or Validators()
        with self.transaction() as db:
            db.execute("INSERT INTO pages (url, site, kind, first_seen, last_seen) "
                       "VALUES (?, ?, 'article', ?, ?) ON CONFLICT(site, url) DO NOTHING",
                       (intent.url, intent.site, now, now))
            db.execute("UPDATE pages SET state='emitted', content_hash=?, run=?, output=?, "
                       "last_fetched=COALESCE(last_fetched, ?), error=NULL, "
                       "status=COALESCE(?, status), etag=COALESCE(?, etag), "
                       "last_modified=COALESCE(?, last_modified) WHERE site=? AND url=?",
                       (intent.content_hash, intent.run, intent.path, now, status,
                        validators.etag, validators.last_modified, intent.site, intent.url))
            db.execute("INSERT OR IGNORE INTO emitted (site, content_hash, url, at) VALUES (?, ?, ?, ?)",
                       (intent.site, intent.content_hash, intent.url, now))
            db.execute("DELETE FROM intents WHERE id=?", (intent.id,))

    # ---- reports ----

    def site_counts(self) -> dict[str, dict[str, int]]:
        """Per site, article counts by state."""
        counts: dict[str, dict[str, int]] = {}
        rows = self.db.execute("SELECT site, state, COUNT(*) AS n FROM pages WHERE kind='article' "
                               "GROUP BY site, state ORDER BY site")
        for row in rows:
            counts.setdefault(row["site"], {})[row["state"]] = int(row["n"])
        return counts

    def failures(self, limit: int = 20, site: str | None = None) -> list[Failure]:
        """The most recent failed and dead pages (sources included)."""
        query = ("SELECT url, site, kind, state, attempts, status, error, last_fetched FROM pages "
                 "WHERE state IN ('failed', 'dead') " + ("AND site=? " if site else "") +
                 "ORDER BY last_fetched DESC LIMIT ?")
        rows = self.db.execute(query, ((site, limit) if site else (limit,)))
        return [Failure(r["url"], r["site"], r["kind"], r["state"], r["attempts"], r["status"],
                        r["error"], r["last_fetched"]) for r in rows]
