"""``scraper.datatrove.ScraperExtractor`` under datatrove's local and Ray executors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import ray
from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.executor.ray import RayPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from scraper import extract
from scraper.datatrove import METADATA_FIELDS, STAT_EMPTY, ScraperExtractor
from warcs import Request, Response, page, write_warc

EMPTY = b"<html><head><title>Nothing</title></head><body><script>var a = 1;</script></body></html>"
ARTICLES = {
    "http://example.com/one": page("One"),
    "http://example.com/two": page("Two"),
    "http://example.com/three": page("三", "这是一篇真正的新闻文章的第一段，内容足够长，可以算作正文。"),
}


def _archives(folder: Path) -> Path:
    """Two WARC files (one per task): three articles, one page without text."""
    folder.mkdir()
    urls = list(ARTICLES)
    write_warc(folder / "a.warc.gz", [Request(urls[0]), Response(urls[0], ARTICLES[urls[0]]),
                                      Response("http://example.com/empty", EMPTY)])
    write_warc(folder / "b.warc.gz", [Response(u, ARTICLES[u]) for u in urls[1:]])
    return folder


def _pipeline(archives: Path, out: Path) -> list[Any]:
    return [WarcReader(str(archives)), ScraperExtractor(), JsonlWriter(str(out), compression=None)]


def _documents(out: Path) -> dict[str, dict[str, Any]]:
    """The written documents by URL, without what differs between runs (file paths)."""
    docs = {}
    for path in out.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            doc["metadata"].pop("file_path", None)
            docs[doc["metadata"]["url"]] = doc
    return docs


def _extractor_stats(logs: Path) -> dict[str, Any]:
    steps = json.loads((logs / "stats.json").read_text(encoding="utf-8"))
    (step,) = [s for s in steps if "scraper" in s["name"]]
    return {name: value["total"] if isinstance(value, dict) else value
            for name, value in step["stats"].items()}


def test_local_executor_two_tasks(tmp_path: Path) -> None:
    archives = _archives(tmp_path / "warc")
    LocalPipelineExecutor(pipeline=_pipeline(archives, tmp_path / "out"), tasks=2,
                          logging_dir=str(tmp_path / "logs")).run()
    docs = _documents(tmp_path / "out")
    assert set(docs) == set(ARTICLES)              # the page without text is dropped
    for url, html in ARTICLES.items():
        article = extract(html, url=url)
        doc = docs[url]
        assert doc["text"] == article.body
        assert {k: doc["metadata"][k] for k in METADATA_FIELDS} == \
            {k: article.to_record()[k] for k in METADATA_FIELDS}
    stats = _extractor_stats(tmp_path / "logs")
    assert stats[STAT_EMPTY] == 1 and stats["dropped"] == 1 and stats["forwarded"] == 3


def test_ray_executor_gives_the_same_documents(tmp_path: Path) -> None:
    archives = _archives(tmp_path / "warc")
    LocalPipelineExecutor(pipeline=_pipeline(archives, tmp_path / "local"), tasks=2,
                          logging_dir=str(tmp_path / "local-logs")).run()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        RayPipelineExecutor(pipeline=_pipeline(archives, tmp_path / "ray"), tasks=2,
                            mem_per_cpu_gb=1, logging_dir=str(tmp_path / "ray-logs")).run()
    finally:
        ray.shutdown()
    ray_docs = _documents(tmp_path / "ray")
    assert len(ray_docs) == len(ARTICLES)
    assert ray_docs == _documents(tmp_path / "local")


def test_step_alone_sets_text_and_metadata() -> None:
    docs = [Document(text=ARTICLES["http://example.com/one"].decode(), id="1",
                     metadata={"url": "http://example.com/one"}),
            Document(text=EMPTY.decode(), id="2", metadata={})]
    step = ScraperExtractor()
    (doc,) = list(step.run(iter(docs)))
    assert doc.metadata["title"] == "One" and doc.metadata["language"] == "en"
    assert doc.text.startswith("One: the first paragraph")


def test_markdown_text() -> None:
    html = ("<html><head><title>Notice</title></head><body><article><h1>Notice</h1>"
            "<p>The first paragraph of the notice, long enough to be prose for sure.</p>"
            "<h2>Details</h2><ul><li>First item of the list</li><li>Second item of the list</li></ul>"
            "<p>A closing paragraph of the notice with another full sentence.</p>"
            "</article></body></html>")
    (doc,) = list(ScraperExtractor(markdown=True).run(iter([Document(text=html, id="1")])))
    assert doc.text == extract(html, markdown=True).markdown
    assert "## Details" in doc.text and "- First item of the list" in doc.text


def test_scraper_warc_reader_passes_on_what_scraper_extract_reads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from scraper.cli import main
    from scraper.datatrove import ScraperWarcReader

    folder = tmp_path / "warc"
    folder.mkdir()
    scripted = (b"<script>var site = 1;</script><html><head><title>Scripted</title></head><body>"
                b"<article><p>" + b"A page that starts with a script, as many portals do. " * 4 +
                b"</p></article></body></html>")
    gbk = page("国内新闻", "这是一篇真正的新闻文章的第一段，内容足够长，可以算作正文。", charset="gbk")
    write_warc(folder / "a.warc.gz", [
        Response("http://example.com/scripted", scripted),
        Response("http://example.com/gbk", gbk.replace(b"<head>", b"<head><meta charset=utf-8>"),
                 "text/html; charset=gbk"),     # the header is right, the <meta> lies
        Response("http://example.com/one", page("One")),
    ])
    LocalPipelineExecutor(pipeline=[ScraperWarcReader(str(folder)), ScraperExtractor(),
                                    JsonlWriter(str(tmp_path / "out"), compression=None)],
                          tasks=1, logging_dir=str(tmp_path / "logs")).run()
    docs = _documents(tmp_path / "out")
    assert main(["-q", "extract", str(folder / "a.warc.gz")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["url"]: (r["title"], r["body"]) for r in records} == \
        {url: (d["metadata"]["title"], d["text"]) for url, d in docs.items()}
    assert docs["http://example.com/gbk"]["metadata"]["title"] == "国内新闻"
    assert docs["http://example.com/one"]["metadata"]["warc_offset"] > 0
