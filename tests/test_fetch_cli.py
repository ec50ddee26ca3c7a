"""``scraper fetch``: records in input order, error records, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback import LoopbackServer, respond, status

from scraper.cli import main

PAGE = "<html><head><title>标题</title></head><body><p>正文第一段，内容足够长。</p></body></html>"
FAST = ["--delay", "0", "--timeout", "1", "--retries", "0"]


def records(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in out.splitlines()]


def test_fetch_prints_one_record_per_url_in_order(
        loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    a = loopback.route("/a", respond(PAGE, delay=0.1))
    b = loopback.route("/b", respond(PAGE))
    assert main(["fetch", *FAST, a, b]) == 0
    got = records(capsys.readouterr().out)
    assert [r["input"] for r in got] == [a, b]
    assert got[0]["title"] == "标题" and got[0]["status"] == 200 and got[0]["final_url"] == a
    assert got[0]["fetched_at"].endswith("Z") and got[0]["encoding"] == "utf-8"


def test_failed_url_gets_an_error_record_and_exit_1(
        loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    ok = loopback.route("/a", respond(PAGE))
    gone = loopback.route("/gone", status(410))
    assert main(["fetch", *FAST, gone, ok]) == 1
    bad, good = records(capsys.readouterr().out)
    assert bad["error"] == {"stage": "http", "type": "FetchError", "status": 410,
                            "attempts": 1, "message": "HTTP 410 Gone"}
    assert "error" not in good


def test_empty_200_response_gets_an_error_record_and_exit_1(
        loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    empty = loopback.route("/empty", respond(b""))
    ok = loopback.route("/a", respond(PAGE))
    assert main(["fetch", *FAST, empty, ok]) == 1
    bad, good = records(capsys.readouterr().out)
    assert bad["input"] == empty and bad["status"] == 200 and "body" not in bad
    assert bad["error"] == {"stage": "empty", "type": "EmptyInputError", "status": 200,
                            "attempts": 1, "message": "nothing to extract: 0 bytes"}
    assert "error" not in good and good["title"] == "标题"


def test_input_file_skips_comments_and_blank_lines(
        loopback: LoopbackServer, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a = loopback.route("/a", respond(PAGE))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# portal pages\n\n{a}#top  # the front page\n{a}\n", encoding="utf-8")
    assert main(["fetch", *FAST, "-i", str(listing)]) == 0
    assert [r["input"] for r in records(capsys.readouterr().out)] == [f"{a}#top", a]


@pytest.mark.parametrize("argv", [
    ["fetch"], ["fetch", "--concurrency", "0", "http://127.0.0.1/"],
    ["fetch", "-i", "/nonexistent/urls.txt"], ["fetch", "--timeout", "soon", "http://x/"],
], ids=["no-urls", "zero-concurrency", "missing-file", "bad-number"])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().out == ""


def test_non_html_is_an_error_record(loopback: LoopbackServer,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    url = loopback.route("/doc.pdf", respond(b"%PDF-1.7 \x00\x01", content_type="application/pdf"))
    assert main(["fetch", *FAST, url]) == 1
    record, = records(capsys.readouterr().out)
    assert record["error"]["stage"] == "content-type" and record["status"] == 200
