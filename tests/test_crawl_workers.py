"""``[crawl] workers``: the crawl extracts in worker processes, with the same records."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import scraper.crawl
from crashers import KILL_MARK, extract_or_die
from portal import Portal, demo_articles, expected_urls, serve
from scraper.cli import main
from scraper.config import SiteConfig, load_config
from scraper.errors import EmptyInputError, NotHTMLError
from scraper.inflight import DIED
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
    assert isinstance(extract_job((b" \n", "http://x/c", site, None)), EmptyInputError)
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


# A crawl in a process of its own whose extraction runs crashers.extract_or_die.
_CRASHING_CRAWL = """
import sys
import scraper.crawl
from crashers import extract_or_die
from scraper.cli import main
scraper.crawl.extract_job = extract_or_die
sys.exit(main(["-q", "crawl", "-c", sys.argv[1]]))
"""


def test_a_page_that_kills_the_crawl_process_is_given_up(tmp_path: Path) -> None:
    """With extraction in the crawl's own process (workers = 1), a page that kills it
    counts a failed attempt at the next run, so the crawl gets past it."""
    articles = demo_articles()
    doomed = dict(articles[0], id=1999, title="这一页让进程崩溃",
                  body=[f"{KILL_MARK} 这一段文字足够长，可以被当作正文读取。" * 3])
    articles.append(doomed)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent),
                                                        os.environ.get("PYTHONPATH", "")])}
    with Portal(tmp_path, articles=articles, crawl={"workers": 1}) as portal:
        codes = []
        for _ in range(4):
            run = subprocess.run([sys.executable, "-c", _CRASHING_CRAWL, str(portal.config)],
                                 env=env, capture_output=True, text=True, timeout=120)
            codes.append(run.returncode)
            if run.returncode >= 0:
                break
        records = portal.records()
        doomed_url = f"http://127.0.0.1:{portal.port}" + serve.Item(**doomed).path
    # max_attempts = 2: two runs die at the page, the third gives it up and finishes
    assert codes[:2] == [-signal.SIGKILL, -signal.SIGKILL] and codes[2] in (0, 1)
    assert "giving up on " + doomed_url in run.stderr
    written = [r["crawl"]["url"] for r in records]
    assert doomed_url not in written
    assert len(written) == len(set(written)) == len(expected_urls(portal, articles)) - 1
    with State(tmp_path / "state.sqlite3") as db:
        failure = next(f for f in db.failures() if f.url == doomed_url)
    assert failure.state == "dead" and failure.attempts == 2 and DIED in (failure.error or "")
