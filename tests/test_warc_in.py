"""``scraper extract`` on WARC files: one record per archived HTML response, in order."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.cli import main
from scraper.warc_reader import is_warc
from warcs import Other, Request, Response, page, write_warc

GBK_PAGE = page("新闻标题", "这是一篇真正的新闻文章的第一段，内容足够长，可以算作正文。",
                charset="gbk")


def _records(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _mixed(path: Path, gzipped: bool = True) -> list[int]:
    return write_warc(path, [
        Request("http://example.com/one"),
        Response("http://example.com/one", page("One")),
        Other("metadata", "http://example.com/one"),
        Response("http://example.com/logo.png", b"\x89PNG\r\n\x1a\n\0\0", "image/png"),
        Other("revisit", "http://example.com/one", b"",
              {"WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}),
        Response("http://example.com/gbk", GBK_PAGE, "text/html; charset=gbk"),
        Response("http://example.com/untyped", page("Untyped"), None),
        Response("http://example.com/x", page("Xhtml"), "application/xhtml+xml"),
        Response("http://example.com/feed", b"<rss><channel></channel></rss>", "application/rss+xml"),
        Response("http://example.com/old", b"", status="301 Moved Permanently"),
        Response("http://example.com/gone", page("Not Found"), status="404 Not Found"),
        Response("http://example.com/down", page("Unavailable"), status="503 Service Unavailable"),
    ], gzip=gzipped)


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_one_record_per_html_response_in_file_order(tmp_path: Path, gzipped: bool,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    offsets = _mixed(path, gzipped)
    assert main(["extract", str(path)]) == 0
    records = _records(capsys)
    assert [r["url"] for r in records] == ["http://example.com/one", "http://example.com/gbk",
                                           "http://example.com/untyped", "http://example.com/x"]
    assert [r["warc"]["offset"] for r in records] == [offsets[i] for i in (1, 5, 6, 7)]
    first = records[0]
    assert first["input"] == str(path) and first["warc"]["file"] == str(path)
    assert first["warc"]["record_id"].startswith("<urn:uuid:")
    assert first["warc"]["date"][:4].isdigit() and first["title"] == "One"


def test_skipped_records_are_counted_on_stderr(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crawl.warc.gz"
    _mixed(path)
    assert main(["extract", str(path)]) == 0
    err = capsys.readouterr().err
    assert "4 HTML response(s)" in err
    for part in ("1 request", "1 metadata", "1 revisit", "2 non-HTML", "1 warcinfo",
                 "1 redirect", "2 HTTP error"):
        assert part in err


def test_quiet_keeps_the_count_off_stderr(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crawl.warc.gz"
    _mixed(path)
    assert main(["-q", "extract", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_archived_http_charset_feeds_the_decoder(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.warc.gz"
    write_warc(path, [Response("http://example.com/gbk", GBK_PAGE, "text/html; charset=gbk")])
    assert main(["extract", str(path)]) == 0
    (record,) = _records(capsys)
    assert record["title"] == "新闻标题" and record["encoding"] == "gb18030"
    assert "真正的新闻文章" in record["body"]


def test_warc_is_recognised_by_content_not_name(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "saved.html"
    write_warc(archive, [Response("http://example.com/a", page("Archived"))])
    html = tmp_path / "page.warc.gz"
    html.write_bytes(page("Plain"))
    assert main(["extract", str(archive), str(html)]) == 0
    first, second = _records(capsys)
    assert first["title"] == "Archived" and first["warc"]["offset"] > 0
    assert second["title"] == "Plain" and "warc" not in second


@pytest.mark.parametrize("head,expected", [
    (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", True),
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n"), True),
    (b"<html><body>WARC/1.1</body></html>", False),
    (gzip.compress(b"<html></html>"), False),
    (b"\x1f\x8b\x08garbage", False),
], ids=["warc", "warc.gz", "html", "html.gz", "broken-gzip"])
def test_is_warc(head: bytes, expected: bool) -> None:
    assert is_warc(head) is expected


def _three(path: Path, gzipped: bool) -> list[int]:
    return write_warc(path, [Response(f"http://example.com/{n}", page(n.title()))
                             for n in ("one", "two", "three")], gzip=gzipped)


def test_truncated_last_record_is_an_error_record(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cut.warc"
    offsets = _three(path, gzipped=False)
    data = path.read_bytes()
    path.write_bytes(data[:offsets[2] + 400])   # the third record's body is cut
    assert main(["extract", str(path)]) == 1
    records = _records(capsys)
    assert [r.get("title") for r in records[:2]] == ["One", "Two"]
    error = records[2]
    assert error["error"]["stage"] == "warc" and "truncated" in error["error"]["message"]
    assert error["warc"]["offset"] == offsets[2] and error["url"] == "http://example.com/three"


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_reading_goes_on_after_a_corrupt_record(tmp_path: Path, gzipped: bool,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "damaged.warc"
    offsets = _three(path, gzipped)
    data = bytearray(path.read_bytes())
    middle = offsets[1] + (40 if gzipped else 0)
    data[middle:middle + 60] = b"\xff" * 60    # the second record's gzip data or header
    path.write_bytes(bytes(data))
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r.get("title") for r in records] == ["One", None, "Three"]
    error = records[1]["error"]
    assert error["stage"] == "warc" and error["message"].startswith("corrupt WARC record")
    assert records[1]["warc"]["offset"] == offsets[1]
    assert "2 HTML response(s); 1 damaged record(s)" in captured.err


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_on_stdin_reads_like_the_file(tmp_path: Path, gzipped: bool,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crawl.warc"
    _mixed(path, gzipped)
    assert main(["extract", str(path)]) == 0
    from_file = _records(capsys)
    # a pipe, as in `zcat … | scraper extract`: not seekable, read by a real process
    with open(path, "rb") as archive:
        done = subprocess.run([sys.executable, "-m", "scraper", "extract"], stdin=archive,
                              capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    from_stdin = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["url"] for r in from_stdin] == [r["url"] for r in from_file]
    assert all(r["input"] == "-" and r["warc"]["file"] == "-" for r in from_stdin)
    for ours, theirs in zip(from_stdin, from_file, strict=True):
        assert ours["warc"]["offset"] == theirs["warc"]["offset"]
        assert ours["body"] == theirs["body"] and ours["title"] == theirs["title"]
    assert b"4 HTML response(s)" in done.stderr


def test_a_damaged_warc_on_stdin_goes_on_after_the_damage(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "damaged.warc"
    offsets = _three(path, True)
    data = bytearray(path.read_bytes())
    data[offsets[1] + 40:offsets[1] + 100] = b"\xff" * 60
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bytes(data))))
    assert main(["extract", "-"]) == 1
    records = _records(capsys)
    assert [r.get("title") for r in records] == ["One", None, "Three"]
    assert records[1]["error"]["stage"] == "warc"


def test_html_on_stdin_is_still_one_page(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GBK_PAGE)))
    assert main(["extract", "--url", "http://example.com/gbk"]) == 0
    (record,) = _records(capsys)
    assert record["title"] == "新闻标题" and "warc" not in record
