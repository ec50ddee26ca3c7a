"""``[crawl] workers``: the crawl extracts in worker processes, with the same records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from portal import Portal, demo_articles, expected_urls
from scraper.cli import main
from scraper.config import SiteConfig, load_config
from scraper.errors import NotHTMLError
from scraper.overrides import extract_job

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
