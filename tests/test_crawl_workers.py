"""``[crawl] workers``: the crawl extracts in worker processes, with the same records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scraper.crawl
from crashers import KILL_MARK, extract_or_die
from portal import Portal, demo_articles, expected_urls, serve
from scraper.cli import main
from scraper.config import SiteConfig, load_config
from scraper.errors import NotHTMLError
from scraper.overrides import extract_job
from scraper.state import State

# What a run decides about a page; fetched_at and run numbers differ between runs.
KEYS = ("url", "title", "published", "source", "author", "body", "encoding")


def _crawl(root: Path, workers: int) -> list[dict[str, Any]]:
    root.mkdir()
    with Portal(root, crawl={"workers": workers}) as portal:
        main(["-q", "crawl", "-c", str(portal.config)])
        records = portal.records()
        assert {r["crawl"]["url"] for r in records} == expected_urls(portal, demo_articles())
    return records


def _decided(record: dict[str, Any]) -> tuple[Any, ...]:
    port_free = record["url"].split("/", 3)[-1]   # each portal has its own port
    return (port_free, record["crawl"]["content_hash"], *(record[k] for k in KEYS[1:]))


def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    one = _crawl(tmp_path / "one", 1)
    two = _crawl(tmp_path / "two", 2)
    assert sorted(map(_decided, two)) == sorted(map(_decided, one))


def test_workers_key_is_read_and_checked(tmp_path: Path) -> None:
    with Portal(tmp_path, crawl={"workers": 0}) as portal:
        assert load_config(portal.config).crawl.workers == 0
    bad = tmp_path / "bad.toml"
    bad.write_text(portal.config.read_text(encoding="utf-8").replace("workers = 0", "workers = -2"),
                   encoding="utf-8")
    assert main(["check-config", "-c", str(bad)]) == 2


def test_a_failed_extraction_comes_back_as_its_error() -> None:
    site = SiteConfig(name="demo")
    assert extract_job(None) is None
    failed = extract_job((b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "http://x/a", site, None))
    assert isinstance(failed, NotHTMLError)
    page = b"<html><body><article><p>" + "A sentence of prose. ".encode() * 20 + b"</p></article></body></html>"
    article = extract_job((page, "http://x/b", site, None))
    assert not isinstance(article, Exception) and article is not None and "prose" in article.body


def test_a_page_that_kills_its_worker_fails_alone(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    articles = demo_articles()
    doomed = dict(articles[0], id=1999, title="这一页让进程崩溃",
                  body=[f"{KILL_MARK} 这一段文字足够长，可以被当作正文读取。" * 3])
    articles.append(doomed)
    monkeypatch.setattr(scraper.crawl, "extract_job", extract_or_die)
    with Portal(tmp_path, articles=articles, crawl={"workers": 2}) as portal:
        code = main(["-q", "crawl", "-c", str(portal.config)])
        records = portal.records()
        doomed_url = f"http://127.0.0.1:{portal.port}" + serve.Item(**doomed).path
    assert code == 1
    # every other article is written once (a repeated article under either of its URLs)
    written = [r["crawl"]["url"] for r in records]
    assert doomed_url not in written
    assert len(written) == len(set(written)) == len(expected_urls(portal, articles)) - 1
    with State(tmp_path / "state.sqlite3") as db:   # the demo config's state, beside it
        failure = next(f for f in db.failures() if f.url == doomed_url)
    assert failure.attempts == 1 and "WorkerLost" in (failure.error or "")
