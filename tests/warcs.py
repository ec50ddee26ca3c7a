"""WARC files for tests, written with warcio (an independent writer, not our reader).

``Response``/``Request``/``Other`` describe records; ``write_warc`` writes them in
order, each record its own gzip member when ``gzip`` is set, and returns each
record's offset in the file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Response:
    url: str
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"


@dataclass(frozen=True)
class Request:
    url: str


@dataclass(frozen=True)
class Other:
    """A record of another type: metadata, revisit, resource…"""

    kind: str
    url: str
    body: bytes = b"via: test"
    headers: dict[str, str] = field(default_factory=dict)


Record = Response | Request | Other


def page(title: str, text: str = "the first paragraph of a real article, long enough "
         "to be prose.", charset: str = "utf-8") -> bytes:
    """An article page: the title in <title> and <h1>, two paragraphs."""
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{title}: {text}</p>"
            "<p>A second paragraph closes the article with another full sentence.</p>"
            "</article></body></html>")
    return html.encode(charset)


def write_warc(path: Path, records: list[Record], *, gzip: bool = True) -> list[int]:
    """Write ``records`` to ``path``; the offset of each record, in order."""
    offsets = []
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for record in records:
            offsets.append(stream.tell())
            writer.write_record(_record(writer, record))
    return offsets


def _record(writer: WARCWriter, record: Record):  # type: ignore[no-untyped-def]
    if isinstance(record, Response):
        headers = [("Content-Type", record.content_type)] if record.content_type else []
        http = StatusAndHeaders(record.status, headers, protocol="HTTP/1.1")
        return writer.create_warc_record(record.url, "response", payload=io.BytesIO(record.body),
                                         http_headers=http)
    if isinstance(record, Request):
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
        return writer.create_warc_record(record.url, "request", payload=io.BytesIO(b""),
                                         http_headers=http)
    return writer.create_warc_record(record.url, record.kind, payload=io.BytesIO(record.body),
                                     warc_headers_dict=record.headers or None)
