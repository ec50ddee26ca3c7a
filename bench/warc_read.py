"""WARC read throughput: FastWARC against warcio on the same archive, pages per second.

Method: the speed pages are written, each as a request and a response record, to one
``.warc.gz`` (a gzip member per record, as crawlers write them) and to one plain
``.warc``. Each reader then goes through every record the way ``scraper extract``
needs it: the record type, the target URI, the HTTP content type and the whole payload
of each response. Time is process CPU time; each reader's fastest of ``rounds`` passes
counts, the readers alternating pass by pass. Extraction is not included: this is the
reading alone, to be set against extraction's pages per second.

``python -m bench.warc_read`` runs this section alone.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .speed import SpeedPage, default_speed_pages

ROUNDS = 5
# The URL given to a page whose dataset names none.
PLACEHOLDER_URL = "http://bench.invalid/page/{}"


@dataclass(frozen=True)
class WarcReadResult:
    reader: str
    archive: str          # ".warc.gz" or ".warc"
    pages: int
    cpu_seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.cpu_seconds if self.cpu_seconds > 0 else float("inf")


def write_archive(pages: list[SpeedPage], path: Path, *, gzip: bool) -> None:
    """The pages as request + response records (warcio's writer)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for number, page in enumerate(pages):
            url = page.url or PLACEHOLDER_URL.format(number)
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "bench.invalid")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            response = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                        protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response",
                                                          payload=io.BytesIO(page.raw),
                                                          http_headers=response))


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    pages = 0
    for record in ArchiveIterator(str(path), parse_http=True, fsspec_args=False):
        if int(record.record_type) != int(WarcRecordType.response):
            continue
        record.headers.get("WARC-Target-URI")
        record.http_content_type
        record.reader.read()
        pages += 1
    return pages


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            record.rec_headers.get_header("WARC-Target-URI")
            record.http_headers.get_header("Content-Type")
            record.content_stream().read()
            pages += 1
    return pages


READERS: dict[str, Callable[[Path], int]] = {"fastwarc": read_fastwarc, "warcio": read_warcio}


def run_warc_read(pages: list[SpeedPage], rounds: int = ROUNDS) -> list[WarcReadResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-warc-") as folder:
        for suffix, gzip in ((".warc.gz", True), (".warc", False)):
            path = Path(folder) / f"pages{suffix}"
            write_archive(pages, path, gzip=gzip)
            best = {name: float("inf") for name in READERS}
            counts = {}
            for _ in range(rounds):
                for name, read in READERS.items():
                    started = time.process_time()
                    counts[name] = read(path)
                    best[name] = min(best[name], time.process_time() - started)
            for name in READERS:
                print(f"[warc] {name} {suffix}: {counts[name]} pages, best {best[name]:.3f} s CPU",
                      file=sys.stderr, flush=True)
                results.append(WarcReadResult(name, suffix, counts[name], best[name]))
    return results


def warc_read_section(results: list[WarcReadResult]) -> list[str]:
    lines = ["### WARC read throughput (reading only, one process)", "",
             "| archive | reader | pages | CPU s | pages/s | ÷ warcio |", "|---|---|---|---|---|---|"]
    base = {r.archive: r for r in results if r.reader == "warcio"}
    for r in results:
        ratio = r.pages_per_second / base[r.archive].pages_per_second if r.archive in base else 0
        lines.append(f"| {r.archive} | {r.reader} | {r.pages} | {r.cpu_seconds:.3f} | "
                     f"{r.pages_per_second:,.0f} | {ratio:.2f}× |")
    return [*lines, ""]


def main() -> int:
    print("\n".join(warc_read_section(run_warc_read(default_speed_pages()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
