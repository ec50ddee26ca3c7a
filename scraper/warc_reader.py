"""WARC files in: the archived HTML responses of a ``.warc`` or ``.warc.gz`` file.

``is_warc`` tells a WARC from an HTML page by its first bytes, not by its name.
``read_warc`` yields, in file order, a ``WarcPage`` per HTML response with a 2xx
status and a ``WarcFault`` per truncated or corrupt record, and counts what it skips
(request, metadata, revisit, warcinfo and non-HTML records, redirects and error
responses) in a ``Counter``.

Records are parsed by FastWARC (resiliparse's WARC library): on the same archive it
reads about twice as many pages per second as warcio (``python -m bench``, WARC read
section), and it reports a damaged gzip member as an error where warcio prints
zlib's complaint and hands back a short body. After a damaged record, reading resumes
at the next place a record can start (a gzip member header, or a ``WARC/1.`` line in
an uncompressed file), so one bad record costs that record only.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

# Where a gzip member starts (magic and the deflate method): a .warc.gz holds one or
# more records per member, and a reader may only resume at a member's start.
GZIP_MAGIC = b"\x1f\x8b\x08"
# The version line every WARC record starts with (WARC/1.0, WARC/1.1).
WARC_MAGIC = b"WARC/1."
# Bytes read to recognise a file: the gzip header and the first compressed block.
SNIFF_BYTES = 4096
# The most bytes a WARC header may take (FastWARC's own default limit).
MAX_HEADER_BYTES = 32 << 10
# The block length in a WARC header.
CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)", re.IGNORECASE | re.MULTILINE)
# Bytes read at a time while looking for the next record after a damaged one.
RESYNC_CHUNK = 1 << 16

# Media types of an HTML response.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Media types that say nothing about the body: such a response is HTML when its body
# starts like HTML (servers send pages as application/octet-stream, or with no type).
UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "unknown/unknown",
                     "application/unknown", "text/plain"})
# The start of an HTML document, after any BOM, whitespace and comments:
# "<!DOCTYPE html", "<html", "<head", "<body", or a leading "<meta charset".
HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                        re.IGNORECASE | re.DOTALL)
# Bytes of the body searched for that start.
HTML_SNIFF_BYTES = 1024

# Why a record is skipped, as counted and reported.
SKIP_REQUEST = "request"
SKIP_METADATA = "metadata"
SKIP_REVISIT = "revisit"
SKIP_WARCINFO = "warcinfo"
SKIP_OTHER_TYPE = "other record type"
SKIP_NOT_HTML = "non-HTML"
# A response that is not a page's content: a redirect's hop (the page itself is
# archived as the response it leads to), an error page, an empty answer.
SKIP_REDIRECT = "redirect"
SKIP_HTTP_ERROR = "HTTP error"
SKIP_NOT_OK = "other non-2xx"
# (FastWARC's record types are flags, keyed here by their integer values.)
SKIP_BY_TYPE = {int(WarcRecordType.request): SKIP_REQUEST,
                int(WarcRecordType.metadata): SKIP_METADATA,
                int(WarcRecordType.revisit): SKIP_REVISIT,
                int(WarcRecordType.warcinfo): SKIP_WARCINFO}


@dataclass(frozen=True)
class WarcPage:
    """One archived HTML response."""

    url: str | None
    content: bytes
    http_charset: str | None
    file: str
    offset: int              # where the record starts in the file (compressed offset)
    record_id: str | None
    date: str | None         # WARC-Date, as archived

    def warc(self) -> dict[str, Any]:
        """The record's ``warc`` object."""
        return {"file": self.file, "offset": self.offset, "record_id": self.record_id,
                "date": self.date}


@dataclass(frozen=True)
class WarcFault:
    """A record that could not be read whole: truncated, or corrupt."""

    url: str | None
    file: str
    offset: int
    record_id: str | None
    date: str | None
    message: str

    def warc(self) -> dict[str, Any]:
        return {"file": self.file, "offset": self.offset, "record_id": self.record_id,
                "date": self.date}


def is_warc(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a WARC file, gzipped or not."""
    if head.startswith(WARC_MAGIC):
        return True
    if not head.startswith(GZIP_MAGIC):
        return False
    try:
        start = zlib.decompressobj(wbits=31).decompress(head, len(WARC_MAGIC))
    except zlib.error:
        return False
    return start == WARC_MAGIC


def sniff(path: str) -> bool:
    """Whether the file at ``path`` is a WARC file (raises ``OSError`` if unreadable)."""
    with open(path, "rb") as stream:
        return is_warc(stream.read(SNIFF_BYTES))


def read_warc(path: str, skipped: Counter[str]) -> Iterator[WarcPage | WarcFault]:
    """The HTML responses and damaged records of the WARC file at ``path``, in order."""
    with open(path, "rb") as stream:
        yield from read_warc_stream(stream, path, skipped)


def read_warc_stream(stream: BinaryIO, path: str,
                     skipped: Counter[str]) -> Iterator[WarcPage | WarcFault]:
    """``read_warc`` over an open, seekable binary stream, named ``path`` in records."""
    gzipped = stream.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    marker = GZIP_MAGIC if gzipped else WARC_MAGIC
    start: int | None = 0
    reported = False   # a fault is reported once per damaged stretch
    while start is not None:
        stream.seek(start)
        done: int | None = None      # offset of the last record read whole
        current: int | None = None   # offset of the record being read
        try:
            for record in ArchiveIterator(stream, parse_http=True, fsspec_args=False):
                current = start + record.stream_pos
                item = _read_record(record, path, current, skipped)
                done, current, reported = current, None, False
                if item is not None:
                    yield item
            return
        except (OSError, ValueError) as exc:
            failed = _damaged_at(stream, start, done, current, marker)
            if not reported:
                yield WarcFault(None, path, failed, None, None, f"corrupt WARC record: {exc}")
                reported = True
            start = _next_start(stream, failed + 1, marker)


def _damaged_at(stream: BinaryIO, start: int, done: int | None, current: int | None,
                marker: bytes) -> int:
    """Where the damaged record starts: the one being read, else the end of the last
    good one (the damaged record's header could not even be parsed), else where
    reading began."""
    if current is not None:
        return current
    if done is None:
        return start
    end = _record_end(stream, done, gzipped=marker == GZIP_MAGIC)
    if end is None:
        end = _next_start(stream, done + 1, marker)
    return done if end is None else end


def _record_end(stream: BinaryIO, offset: int, *, gzipped: bool) -> int | None:
    """Where the record (or gzip member) read whole at ``offset`` ends."""
    stream.seek(offset)
    if gzipped:
        inflate = zlib.decompressobj(wbits=31)
        fed = 0
        while not inflate.eof and (chunk := stream.read(RESYNC_CHUNK)):
            fed += len(chunk)
            try:
                inflate.decompress(chunk)
            except zlib.error:
                return None
        return offset + fed - len(inflate.unused_data) if inflate.eof else None
    head = stream.read(MAX_HEADER_BYTES)
    blank = head.find(b"\r\n\r\n")
    length = CONTENT_LENGTH.search(head, 0, max(blank, 0))
    if blank < 0 or length is None:
        return None
    # the header, its blank line, the block, and the two CRLFs closing a record
    return offset + blank + 4 + int(length.group(1)) + 4


def _read_record(record: WarcRecord, path: str, offset: int,
                 skipped: Counter[str]) -> WarcPage | WarcFault | None:
    kind = int(record.record_type)
    if kind != int(WarcRecordType.response):
        skipped[SKIP_BY_TYPE.get(kind, SKIP_OTHER_TYPE)] += 1
        return None
    headers = record.headers
    url = headers.get("WARC-Target-URI")
    record_id, date = record.record_id, headers.get("WARC-Date")
    body = record.reader.read()
    if len(body) < record.content_length:
        return WarcFault(url, path, offset, record_id, date,
                         f"truncated WARC record: {len(body)} of {record.content_length} bytes")
    if not record.is_http or not _is_html(record.http_content_type, body):
        skipped[SKIP_NOT_HTML] += 1
        return None
    status = record.http_headers.status_code
    if not 200 <= status < 300:
        skipped[_status_skip(status)] += 1
        return None
    return WarcPage(url, body, record.http_charset, path, offset, record_id, date)


def _status_skip(status: int) -> str:
    """Why a response with this non-2xx HTTP status is skipped."""
    if 300 <= status < 400:
        return SKIP_REDIRECT
    if 400 <= status < 600:
        return SKIP_HTTP_ERROR
    return SKIP_NOT_OK


def _is_html(content_type: str | None, body: bytes) -> bool:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    if media in HTML_TYPES:
        return True
    return media in UNTYPED and HTML_START.match(body[:HTML_SNIFF_BYTES]) is not None


def _next_start(stream: BinaryIO, position: int, marker: bytes) -> int | None:
    """The offset of the next ``marker`` at or after ``position``, or None at the end."""
    stream.seek(position)
    carry = b""
    base = position
    while chunk := stream.read(RESYNC_CHUNK):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return base + found
        keep = len(marker) - 1
        carry = data[-keep:]
        base += len(data) - len(carry)
    return None


def summary(path: str, pages: int, faults: int, skipped: Counter[str]) -> str:
    """One line saying what a WARC file held and what was skipped."""
    parts = [f"{path}: {pages} HTML response(s)"]
    if faults:
        parts.append(f"{faults} damaged record(s)")
    if skipped:
        parts.append("skipped " + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items())))
    return "; ".join(parts)
