"""A page with something in it but no article text fails alike everywhere: an error
record (``stage: "extract"``) and exit 1 from ``scraper extract`` and ``scraper fetch``,
a failed page with the same reason in the crawl; the library still returns the empty
article."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from loopback import LoopbackServer, respond
from portal import Portal
from warcs import Response, page, write_warc

from scraper import extract
from scraper.cli import main
from scraper.state import State

# A channel page: a title and a list of links, nothing an article is made of.
LINKS_ONLY = ("<html><head><title>列表</title></head><body><ul>"
              "<li><a href='/a'>新闻一</a></li><li><a href='/b'>新闻二</a></li>"
              "</ul></body></html>").encode("utf-8")
# A script-rendered shell: markup, no text.
SHELL = b"<html><body><div id='app'></div><script>render()</script></body></html>"
NO_TEXT = {"stage": "extract", "type": "NoArticleError", "message": "no article text found"}


def _records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_library_still_returns_the_empty_article() -> None:
    article = extract(LINKS_ONLY)
    assert article.body == "" and article.title == "列表"


@pytest.mark.parametrize("content", [LINKS_ONLY, SHELL], ids=["links-only", "script-shell"])
def test_extract_file_without_article_text_is_an_error_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    empty = _write(tmp_path, "list.html", content)
    good = _write(tmp_path, "good.html", page("Good"))
    assert main(["extract", empty, good]) == 1
    bad, ok = _records(capsys.readouterr().out)
    assert bad == {"schema": 1, "input": empty, "error": NO_TEXT}
    assert "Good: the first paragraph" in ok["body"]


def test_extract_stdin_without_article_text_is_an_error_record(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(LINKS_ONLY)))
    assert main(["extract", "--url", "https://example.gov.cn/list/"]) == 1
    (record,) = _records(capsys.readouterr().out)
    assert record == {"schema": 1, "input": "-", "url": "https://example.gov.cn/list/",
                      "error": NO_TEXT}


def test_extract_batch_in_workers_prints_what_one_process_prints(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [_write(tmp_path, f"{n}.html", LINKS_ONLY if n % 3 == 1 else page(f"P{n}"))
             for n in range(7)]
    assert main(["extract", "-j", "1", *paths]) == 1
    one = capsys.readouterr().out
    assert main(["extract", "-j", "2", *paths]) == 1
    assert capsys.readouterr().out == one
    failed = [r["input"] for r in _records(one) if "error" in r]
    assert failed == [paths[1], paths[4]]


def test_warc_response_without_article_text_is_an_error_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "crawl.warc.gz"
    offsets = write_warc(archive, [Response("http://example.com/list", LINKS_ONLY),
                                   Response("http://example.com/a", page("Archived"))])
    assert main(["extract", str(archive)]) == 1
    bad, ok = _records(capsys.readouterr().out)
    assert bad["input"] == str(archive) and bad["url"] == "http://example.com/list"
    assert bad["error"] == NO_TEXT and bad["warc"]["offset"] == offsets[0]
    assert ok["url"] == "http://example.com/a" and "error" not in ok


def test_fetch_page_without_article_text_is_an_error_record(
        loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    listing = loopback.route("/list", respond(LINKS_ONLY))
    good = loopback.route("/a", respond(page("Fetched")))
    assert main(["fetch", "--delay", "0", "--retries", "0", listing, good]) == 1
    bad, ok = _records(capsys.readouterr().out)
    assert bad["input"] == listing and bad["status"] == 200 and "body" not in bad
    assert bad["error"] == {**NO_TEXT, "status": 200, "attempts": 1}
    assert "Fetched: the first paragraph" in ok["body"]


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Portal]:
    with Portal(tmp_path, articles=[]) as running:
        yield running


def test_crawl_counts_a_page_without_article_text_as_failed(portal: Portal) -> None:
    portal.add_article(id=3001, channel="news", date="2024-01-16", encoding="utf-8",
                       title="只有标题", body=[])
    assert main(["crawl", "-c", str(portal.config)]) == 1
    assert portal.records() == []
    with State(portal.root / "state.sqlite3") as state:
        (failure,) = state.failures()
    assert failure.error == "extract: no article text found" and failure.attempts == 1
