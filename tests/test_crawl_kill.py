"""Exactly once under SIGKILL: real `python -m scraper crawl` processes are killed at
random moments, then a run is let finish; every article must be in the output once,
and the WARC archive must be whole and hold the response of every record written,
once."""

from __future__ import annotations

import gzip
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from portal import Portal, demo_articles, expected_urls

# Kills per test. Every other kill lands a random time after start (start-up,
# discovery or fetching); the others as soon as a random number of further records
# is out, so that some kills surely fall among the writes whatever the machine's speed.
KILLS = 6
KILL_WINDOW = (0.2, 1.5)
KILL_AFTER_RECORDS = (1, 6)
SEED = 20240115
# How often the output is polled while waiting for records.
POLL = 0.005
# Articles added to the demo portal so that a run lasts long enough to be cut.
EXTRA_ARTICLES = 24
# Bound on one run that is let finish.
RUN_TIMEOUT = 60


def extra_articles() -> list[dict]:
    return [{"id": 4000 + n, "channel": "news" if n % 2 else "society", "date": "2024-01-10",
             "encoding": "gbk" if n % 3 else "utf-8", "title": f"第{n}号测试稿件：城市建设新进展",
             "body": [f"这是第{n}号测试稿件的正文，记录城市建设第{n}项工程的最新进展。",
                      f"工程负责人介绍，第{n}项工程预计将在年内完工并投入使用。"]}
            for n in range(EXTRA_ARTICLES)]


def start_crawl(config: Path) -> subprocess.Popen[bytes]:
    """A crawl whose stderr goes to a file beside its config: a pipe nobody reads until
    the end could fill up and block a run that logs a lot before it is killed."""
    log = (config.parent / "crawl-stderr.log").open("ab")
    try:
        return subprocess.Popen([sys.executable, "-m", "scraper", "crawl", "-c", str(config),
                                 "--quiet"], stdout=subprocess.DEVNULL, stderr=log)
    finally:
        log.close()   # the child holds its own copy


def lines_written(root: Path) -> int:
    """Newlines in the output files: whole records, counted without parsing half lines."""
    return sum(p.read_bytes().count(b"\n") for p in (root / "data").rglob("*.jsonl"))


def kill_after_records(process: subprocess.Popen[bytes], root: Path, target: int) -> None:
    deadline = time.monotonic() + RUN_TIMEOUT
    while lines_written(root) < target and process.poll() is None and time.monotonic() < deadline:
        time.sleep(POLL)
    os.kill(process.pid, signal.SIGKILL)


def test_runs_killed_at_random_moments_lose_and_repeat_nothing(tmp_path: Path) -> None:
    articles = demo_articles() + extra_articles()
    rng = random.Random(SEED)
    written_after_kill = []
    with Portal(tmp_path, delay=0.04, articles=articles,
                crawl={"max_attempts": 50, "per_host_concurrency": 2,
                       "warc": '"archive/{site}.warc.gz"'}) as portal:
        for kill in range(KILLS):
            process = start_crawl(portal.config)
            if kill % 2:
                time.sleep(rng.uniform(*KILL_WINDOW))
                os.kill(process.pid, signal.SIGKILL)
            else:
                kill_after_records(process, tmp_path, lines_written(tmp_path)
                                   + rng.randint(*KILL_AFTER_RECORDS))
            process.wait(timeout=RUN_TIMEOUT)
            written_after_kill.append(lines_written(tmp_path))
        (tmp_path / "crawl-stderr.log").unlink(missing_ok=True)
        final = start_crawl(portal.config)
        final.wait(timeout=RUN_TIMEOUT)
        err = (tmp_path / "crawl-stderr.log").read_text(encoding="utf-8", errors="replace")
        assert final.returncode == 1, err  # the 500 page, nothing else
        records = portal.records()  # json.loads of every line: no half line is left
    written = Counter(r["crawl"]["url"] for r in records)
    assert [url for url, n in written.items() if n > 1] == []
    assert set(written) == expected_urls(portal, articles)
    assert len({r["crawl"]["content_hash"] for r in records}) == len(records)
    assert any(0 < n < len(records) for n in written_after_kill), written_after_kill
    responses = archived_responses(tmp_path)
    # each article's response once: none archived again after a kill cut its run short
    assert {url: responses[url] for url in written} == {url: 1 for url in written}


def archived_responses(root: Path) -> Counter[str]:
    """Response URLs of the WARC files, counted; gzip.decompress fails on a torn member."""
    urls: Counter[str] = Counter()
    for path in (root / "archive").glob("*.warc.gz"):
        assert gzip.decompress(path.read_bytes()).startswith(b"WARC/1.1")
        with path.open("rb") as stream:
            urls.update(r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                        if r.rec_type == "response")
    return urls
