"""Archiving fetched responses as WARC/1.1, written by warcio.

Each fetched page becomes a ``response`` record (status line and headers as received,
then the body) followed by its ``request`` record (request line and headers as sent,
``WARC-Concurrent-To`` the response), with ``WARC-Target-URI`` (the URL answered, after
redirects), ``WARC-Date`` (when the fetch finished), ``WARC-Payload-Digest`` and
``WARC-IP-Address`` when the transport knows the server's address. The redirect hops
that led to it come first, each a pair of its own (the 3xx response under the URL
that gave it, with its body, ``WARC-Truncated`` when that was not read whole), so that
a reader replaying the archive sees how the page was reached, as wget's archives show.

The body is stored as the fetcher hands it over: de-chunked and decompressed. The
headers say so the way Common Crawl's archives do: when the response had a
``Content-Encoding`` or ``Transfer-Encoding``, those headers and ``Content-Length``
keep their values under ``X-Crawler-`` names and a ``Content-Length`` of the stored
body is added (so too for a redirect's body kept only in part); every other header is
kept as received, in order.

Durability: every record is its own gzip member, and a page's records go to the
file in one ``write`` on an ``O_APPEND`` descriptor, then ``fsync``. A process killed
meanwhile leaves whole members followed by at most one partial one; opening the file
again (the next run) reads it member by member and cuts that torn tail off, so readers
always see whole records. A new file starts with a ``warcinfo`` record.
"""

from __future__ import annotations

import io
import logging
import os
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .config import WARC_SUFFIX
from .errors import OutputError, ScraperError
from .fetch.result import Exchange, FetchResult, Header, Redirect
from .output import fsync_dir, truncate_durably

log = logging.getLogger(__name__)

WARC_VERSION = "1.1"
# Headers that describe the body as it was on the wire rather than as stored (decoded),
# and the names they are kept under (Common Crawl's).
WIRE_BODY_HEADERS = {"content-encoding": "X-Crawler-Content-Encoding",
                     "transfer-encoding": "X-Crawler-Transfer-Encoding",
                     "content-length": "X-Crawler-Content-Length"}
# Content codings that leave the body as it is.
IDENTITY = ("", "identity")
# Bytes read, and bytes inflated, per step while checking a file for a torn tail.
SCAN_CHUNK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"
# How every WARC record starts.
WARC_MAGIC = b"WARC/"


class ArchiveError(ScraperError):
    """An archive file that cannot be appended to (not a gzip WARC, unreadable)."""

    stage = "archive"


class WarcFile:
    """One WARC file open for appending; a torn tail from a killed writer is cut first.

        >>> with WarcFile(Path("pages.warc.gz")) as archive:
        ...     archive.add(result)   # before the result's JSON Lines record is written
    """

    def __init__(self, path: Path, *, software: str = "scraper") -> None:
        self.path = path
        if not path.name.endswith(WARC_SUFFIX):
            raise ArchiveError(f"{path}: a WARC archive's name must end in {WARC_SUFFIX}")
        created = not path.exists()
        try:
            if not created:
                cut_torn_tail(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if created:
                fsync_dir(path.parent)   # the new name survives a power cut too
        except OSError as exc:
            raise OutputError("open the WARC archive", str(path), exc) from exc
        if os.fstat(self.fd).st_size == 0:
            self._append(_warcinfo(path.name, software))

    def __enter__(self) -> WarcFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def size(self) -> int:
        """The file's length now: where the next record will start."""
        try:
            return os.fstat(self.fd).st_size
        except OSError as exc:
            raise OutputError("read the size of", str(self.path), exc) from exc

    def add(self, result: FetchResult) -> bool:
        """Archive the page's redirect hops, then its response and request, durably; False
        when there is no response body to archive (see ``archivable``)."""
        exchange = result.exchange
        if not archivable(result) or exchange is None or result.content is None:
            return False
        hops = b"".join(_hop(redirect) for redirect in result.redirects)
        self._append(hops + _pair(result.final_url or result.url, result.fetched_at, exchange,
                                  result.content))
        return True

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def _append(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
            os.fsync(self.fd)
        except OSError as exc:
            raise OutputError("write to", str(self.path), exc) from exc


def archivable(result: FetchResult) -> bool:
    """True when ``result`` has a response to archive: not a failure, nor a ``304 Not
    Modified`` (which carries no body)."""
    exchange = result.exchange
    return result.content is not None and exchange is not None and exchange.status != 304


class Archives:
    """The WARC files of a run, opened as first needed and closed together."""

    def __init__(self, *, software: str = "scraper") -> None:
        self.software = software
        self._files: dict[Path, WarcFile] = {}

    def __enter__(self) -> Archives:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self, path: Path) -> WarcFile:
        """The archive at ``path``, opened (and its torn tail cut) on first use."""
        archive = self._files.get(path)
        if archive is None:
            archive = self._files[path] = WarcFile(path, software=self.software)
        return archive

    def close(self) -> None:
        for archive in self._files.values():
            archive.close()
        self._files.clear()


def cut_torn_tail(path: Path) -> int:
    """Cut off whatever follows the last whole gzip member of ``path``; bytes cut.

    Refuses (``ArchiveError``) a file that is not a gzip WARC, rather than cutting it
    all away; a file holding only the torn start of its first record (killed while
    writing it) is cut to nothing."""
    size = path.stat().st_size
    whole, first = _whole_members(path)
    with path.open("rb") as stream:
        magic = stream.read(len(GZIP_MAGIC))
    if size and (magic != GZIP_MAGIC[:len(magic)] or not _may_start_warc(first)):
        raise ArchiveError(f"{path}: not a gzip-compressed WARC file; refusing to append")
    if whole == size:
        return 0
    with path.open("rb+") as stream:
        truncate_durably(stream, whole)
    log.warning("%s: cut %d byte(s) of a record left unfinished by an interrupted run",
                path, size - whole)
    return size - whole


def _may_start_warc(head: bytes) -> bool:
    """True if ``head`` (the start of the first record, perhaps torn short) can be the
    start of a WARC record."""
    start = head[:len(WARC_MAGIC)]
    return WARC_MAGIC.startswith(start)


def _whole_members(path: Path) -> tuple[int, bytes]:
    """(bytes of whole gzip members at the start of the file, the first one's start)."""
    whole = consumed = 0
    first = b""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    with path.open("rb") as stream:
        pending = b""
        while True:
            if not pending:
                pending = stream.read(SCAN_CHUNK)
                if not pending:
                    return whole, first
            try:
                out = inflater.decompress(pending, SCAN_CHUNK)
            except zlib.error:
                return whole, first
            if not whole and len(first) < len(WARC_MAGIC):
                first += out[:len(WARC_MAGIC)]
            rest = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
            consumed += len(pending) - len(rest)
            pending = rest
            if inflater.eof:
                whole = consumed
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)


def _warcinfo(filename: str, software: str) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version=WARC_VERSION)
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": software, "format": f"WARC File Format {WARC_VERSION}",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
                      "warc-format/warc-1.1/"}))
    return buffer.getvalue()


def _hop(redirect: Redirect) -> bytes:
    """The response and request records of one redirect hop."""
    return _pair(redirect.url, redirect.fetched_at, redirect.exchange, redirect.body,
                 truncated=redirect.truncated)


def _pair(url: str, fetched_at: str, exchange: Exchange, body: bytes, *,
          truncated: str | None = None) -> bytes:
    """The response and request records of one exchange, two gzip members; ``truncated``
    says why ``body`` is not all the response carried."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version=WARC_VERSION)
    warc_headers = {"WARC-Date": fetched_at}
    if exchange.peer_ip:
        warc_headers["WARC-IP-Address"] = exchange.peer_ip
    status_line = f"{exchange.status} {exchange.reason}".rstrip()
    response_headers = dict(warc_headers)
    if truncated:
        response_headers["WARC-Truncated"] = truncated
    response = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body),
        warc_headers_dict=response_headers,
        http_headers=StatusAndHeaders(status_line, stored_headers(
            exchange.response_headers, len(body), cut=truncated is not None),
            protocol=exchange.http_version))
    request = writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), length=0,
        warc_headers_dict=dict(warc_headers),
        http_headers=StatusAndHeaders(
            f"{exchange.method} {exchange.target} {exchange.http_version}",
            list(exchange.request_headers), is_http_request=True))
    writer.write_request_response_pair(request, response)
    return buffer.getvalue()


def stored_headers(received: tuple[Header, ...], stored_length: int, *,
                   cut: bool = False) -> list[Header]:
    """The response headers as archived with a decoded body, or one ``cut`` short (see
    the module docstring)."""
    decoded = any(name.lower() in ("content-encoding", "transfer-encoding")
                  and value.strip().lower() not in IDENTITY for name, value in received)
    if not decoded and not cut:
        return list(received)
    headers = [(WIRE_BODY_HEADERS.get(name.lower(), name), value) for name, value in received]
    return headers + [("Content-Length", str(stored_length))]
