"""WARC out (scraper/archive.py): `scraper fetch --warc` against loopback servers, read
back with warcio; torn tails cut; files that are not WARC refused."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import zlib
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from loopback import Exchange, LoopbackServer, redirect, respond, status, truncated
from scraper.archive import WarcFile, cut_torn_tail
from scraper.cli import main
from scraper.cli.exits import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from scraper.fetch import Fetcher, FetchConfig
from scraper.fetch import engine
from scraper.fetch.engine import REDIRECT_BODY_BYTES

PAGE = ("<html><head><title>地铁新线贯通</title></head><body><article><h1>地铁新线贯通</h1>"
        + "<p>今天上午，地铁新线全线贯通，工程进入铺轨阶段，预计年内通车运营。</p>" * 8
        + "</article></body></html>").encode("utf-8")
FAST = FetchConfig(per_host_delay=0.0, retries=0, timeout=5.0)


def gzipped_page(ex: Exchange) -> None:
    ex.send(200, gzip.compress(PAGE), headers={"Content-Type": "text/html; charset=utf-8",
                                               "Content-Encoding": "gzip",
                                               "X-Odd-CASE": "kept as sent"})


def read_warc(path: Path) -> list[dict]:
    """Every record of the file, read by warcio (which fails on a broken member)."""
    records = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            http = record.http_headers
            records.append({
                "type": record.rec_type, "warc": dict(record.rec_headers.headers),
                "line": f"{http.protocol} {http.statusline}" if http else None,
                "http": list(http.headers) if http else [],
                "body": record.content_stream().read()})
    return records


def sha1_digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def fetch(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict]]:
    code = main(["fetch", "--delay", "0", "--retries", "0", *args])
    return code, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_fetch_archives_response_and_request(loopback: LoopbackServer, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    url = loopback.route("/a.html", gzipped_page)
    warc = tmp_path / "pages.warc.gz"
    code, records = fetch(capsys, url, "--warc", str(warc))
    assert code == EXIT_OK and records[0]["title"] == "地铁新线贯通"
    info, response, request = read_warc(warc)
    assert info["type"] == "warcinfo" and info["warc"]["WARC-Filename"] == "pages.warc.gz"
    assert response["type"] == "response" and request["type"] == "request"
    for record in (response, request):
        assert record["warc"]["WARC-Target-URI"] == url
        assert record["warc"]["WARC-Date"] == records[0]["fetched_at"]
        assert record["warc"]["WARC-IP-Address"] == "127.0.0.1"
    assert response["warc"]["WARC-Payload-Digest"] == sha1_digest(PAGE)
    assert request["warc"]["WARC-Concurrent-To"] == response["warc"]["WARC-Record-ID"]
    assert response["line"] == "HTTP/1.1 200 OK"
    assert response["body"] == PAGE
    assert request["line"] == "GET /a.html HTTP/1.1"
    assert ("Accept-Encoding", "gzip, deflate") in request["http"]


def test_decoded_body_is_declared_in_the_headers(loopback: LoopbackServer, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    url = loopback.route("/a.html", gzipped_page)
    warc = tmp_path / "pages.warc.gz"
    fetch(capsys, url, "--warc", str(warc))
    headers = read_warc(warc)[1]["http"]
    names = [name for name, _ in headers]
    assert "Content-Encoding" not in names
    assert ("X-Crawler-Content-Encoding", "gzip") in headers
    assert ("X-Crawler-Content-Length", str(len(gzip.compress(PAGE)))) in headers
    assert ("Content-Length", str(len(PAGE))) in headers
    assert ("X-Odd-CASE", "kept as sent") in headers   # the rest as received


def test_plain_body_keeps_its_headers(loopback: LoopbackServer, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    url = loopback.route("/a.html", respond(PAGE, content_type="text/html; charset=utf-8"))
    warc = tmp_path / "pages.warc.gz"
    fetch(capsys, url, "--warc", str(warc))
    headers = read_warc(warc)[1]["http"]
    assert ("Content-Length", str(len(PAGE))) in headers
    assert not any(name.startswith("X-Crawler-") for name, _ in headers)


def test_failures_are_not_archived_and_records_keep_input_order(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = loopback.route("/a.html", respond(PAGE))
    gone = loopback.route("/gone.html", status(404))
    warc = tmp_path / "pages.warc.gz"
    code, records = fetch(capsys, gone, ok, "--warc", str(warc))
    assert code == EXIT_SOME_FAILED
    assert [r.get("error", {}).get("status") for r in records] == [404, None]
    archived = [r["warc"]["WARC-Target-URI"] for r in read_warc(warc) if r["type"] == "response"]
    assert archived == [ok]


def test_each_redirect_hop_is_archived_before_the_page(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = loopback.route("/a.html", respond(PAGE))
    middle = loopback.route("/mid", redirect("/a.html", 302))
    moved = loopback.route("/old", lambda ex: ex.send(
        301, b"<a href='/mid'>Moved</a>", headers={"Location": "/mid"}))
    warc = tmp_path / "pages.warc.gz"
    code, (record,) = fetch(capsys, moved, "--warc", str(warc))
    assert code == EXIT_OK and record["final_url"] == page and record["input"] == moved
    _, *archived = read_warc(warc)
    assert [(r["type"], r["warc"]["WARC-Target-URI"], r["line"]) for r in archived] == [
        ("response", moved, "HTTP/1.1 301 Moved Permanently"),
        ("request", moved, "GET /old HTTP/1.1"),
        ("response", middle, "HTTP/1.1 302 Found"),
        ("request", middle, "GET /mid HTTP/1.1"),
        ("response", page, "HTTP/1.1 200 OK"),
        ("request", page, "GET /a.html HTTP/1.1")]
    hop = archived[0]
    assert hop["body"] == b"<a href='/mid'>Moved</a>" and ("Location", "/mid") in hop["http"]
    assert "WARC-Truncated" not in hop["warc"]
    assert hop["warc"]["WARC-Payload-Digest"] == sha1_digest(hop["body"])
    assert archived[4]["body"] == PAGE and archived[4]["warc"]["WARC-Date"] == record["fetched_at"]


def test_a_long_redirect_body_is_kept_in_part_and_says_so(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = loopback.route("/a.html", respond(PAGE))
    body = b"x" * (REDIRECT_BODY_BYTES + 1000)
    moved = loopback.route("/old", lambda ex: ex.send(301, body, headers={"Location": page}))
    warc = tmp_path / "pages.warc.gz"
    code, _ = fetch(capsys, moved, "--warc", str(warc))
    assert code == EXIT_OK
    hop = read_warc(warc)[1]
    assert hop["warc"]["WARC-Truncated"] == "length"
    assert hop["body"] == body[:REDIRECT_BODY_BYTES]
    assert ("X-Crawler-Content-Length", str(len(body))) in hop["http"]
    assert ("Content-Length", str(REDIRECT_BODY_BYTES)) in hop["http"]


@pytest.mark.parametrize(("stall", "why"), [(True, "time"), (False, "disconnect")])
def test_a_redirect_body_that_stalls_or_breaks_never_fails_the_page(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, stall: bool, why: str) -> None:
    monkeypatch.setattr(engine, "REDIRECT_BODY_SECONDS", 0.3)
    page = loopback.route("/a.html", respond(PAGE))
    # a 301 that sends 8 of its 5000 body bytes, then stalls or closes
    moved = loopback.route("/old", truncated(b"<a href=", 5000, status_code=301,
                                             headers={"Location": page}, stall=stall))
    warc = tmp_path / "pages.warc.gz"
    code, (record,) = fetch(capsys, moved, "--warc", str(warc))
    assert code == EXIT_OK and record["final_url"] == page and record["body"]
    _, hop, _, archived_page, _ = read_warc(warc)
    assert hop["warc"]["WARC-Target-URI"] == moved and hop["line"] == "HTTP/1.1 301 Moved Permanently"
    assert hop["warc"]["WARC-Truncated"] == why and hop["body"] == b"<a href="   # what arrived
    assert hop["warc"]["WARC-Payload-Digest"] == sha1_digest(hop["body"])
    assert archived_page["warc"]["WARC-Target-URI"] == page and archived_page["body"] == PAGE


def test_an_archive_with_hops_extracts_to_the_page_alone(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = loopback.route("/a.html", respond(PAGE))
    moved = loopback.route("/old", redirect("/a.html", 301))
    warc = tmp_path / "pages.warc.gz"
    _, fetched = fetch(capsys, moved, "--warc", str(warc))
    assert main(["extract", str(warc)]) == EXIT_OK
    captured = capsys.readouterr()
    (record,) = [json.loads(line) for line in captured.out.splitlines()]
    assert record["url"] == page and record["body"] == fetched[0]["body"]
    assert "1 redirect" in captured.err


def test_a_redirect_to_a_failure_archives_nothing(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loopback.route("/gone.html", status(404))
    moved = loopback.route("/old", redirect("/gone.html"))
    warc = tmp_path / "pages.warc.gz"
    code, _ = fetch(capsys, moved, "--warc", str(warc))
    assert code == EXIT_SOME_FAILED
    assert [r["type"] for r in read_warc(warc)] == ["warcinfo"]


def test_a_second_run_appends(loopback: LoopbackServer, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    first = loopback.route("/a.html", respond(PAGE))
    second = loopback.route("/b.html", respond(PAGE))
    warc = tmp_path / "pages.warc.gz"
    fetch(capsys, first, "--warc", str(warc))
    fetch(capsys, second, "--warc", str(warc))
    types = [(r["type"], r["warc"].get("WARC-Target-URI")) for r in read_warc(warc)]
    assert types == [("warcinfo", None), ("response", first), ("request", first),
                     ("response", second), ("request", second)]


@pytest.mark.parametrize("damage", ["cut-inside-last-member", "garbage-after-last-member"])
def test_torn_tail_is_cut_by_the_next_writer(loopback: LoopbackServer, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             damage: str) -> None:
    first = loopback.route("/a.html", respond(PAGE))
    torn = loopback.route("/torn.html", respond(PAGE))
    after = loopback.route("/c.html", respond(PAGE))
    warc = tmp_path / "pages.warc.gz"
    fetch(capsys, first, "--warc", str(warc))
    whole = warc.stat().st_size
    fetch(capsys, torn, "--warc", str(warc))
    if damage == "cut-inside-last-member":
        with warc.open("rb+") as stream:   # as if killed while writing the torn page's pair
            stream.truncate(whole + (warc.stat().st_size - whole) // 3)
    else:
        with warc.open("ab") as stream:
            stream.write(b"\x1f\x8b\x08\x00 half a member")
    with pytest.raises((EOFError, gzip.BadGzipFile, zlib.error)):
        gzip.decompress(warc.read_bytes())   # no longer whole gzip members
    code, _ = fetch(capsys, after, "--warc", str(warc))
    assert code == EXIT_OK
    assert gzip.decompress(warc.read_bytes()).startswith(b"WARC/1.1\r\n")
    archived = [r["warc"]["WARC-Target-URI"] for r in read_warc(warc) if r["type"] == "response"]
    kept_torn = [torn] if damage == "garbage-after-last-member" else []
    assert archived == [first, *kept_torn, after]


@pytest.mark.parametrize("kept", [1, 12, 60])
def test_a_file_killed_while_writing_its_first_record_starts_afresh(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        kept: int) -> None:
    url = loopback.route("/a.html", respond(PAGE))
    warc = tmp_path / "pages.warc.gz"
    fetch(capsys, url, "--warc", str(warc))
    warc.write_bytes(warc.read_bytes()[:kept])   # the warcinfo record, torn
    code, _ = fetch(capsys, url, "--warc", str(warc))
    assert code == EXIT_OK
    assert [r["type"] for r in read_warc(warc)] == ["warcinfo", "response", "request"]


def test_cut_torn_tail_leaves_a_whole_file_alone(loopback: LoopbackServer,
                                                 tmp_path: Path) -> None:
    url = loopback.route("/a.html", respond(PAGE))
    warc = tmp_path / "pages.warc.gz"
    with Fetcher(FAST) as fetcher, WarcFile(warc) as archive:
        assert archive.add(fetcher.fetch(url))
    before = warc.read_bytes()
    assert cut_torn_tail(warc) == 0
    assert warc.read_bytes() == before


@pytest.mark.parametrize("name, content", [
    ("notes.warc.gz", b"plain text, not gzip"),
    ("other.warc.gz", gzip.compress(b"a gzip file, but no WARC record")),
    ("pages.warc", None),
])
def test_what_is_not_a_gzip_warc_is_refused_untouched(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        name: str, content: bytes | None) -> None:
    url = loopback.route("/a.html", respond(PAGE))
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code = main(["fetch", url, "--warc", str(path)])
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE and out == "" and "scraper fetch:" in err
    assert loopback.hits("/a.html") == 0
    assert (path.read_bytes() if content is not None else path.exists()) == (content or False)
