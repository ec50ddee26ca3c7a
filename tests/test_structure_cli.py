"""Asking for structure from the command line and the config: --markdown, --html,
--links on ``extract`` and ``fetch``; ``markdown``/``html`` under [crawl] and per site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback import LoopbackServer, respond

from portal import Portal
from scraper.cli import main
from scraper.config import parse_config

STRUCTURE_PAGE = Path(__file__).resolve().parent.parent.parent / "shared" / "pages" / "structure.html"
PAGE = ("<html><head><title>标题</title></head><body><div class='content'>"
        "<p>正文第一段，内容足够长，说明了上半年的工作情况和下一步安排。</p>"
        "<h2>一、总体情况</h2><p>第二段也是完整的句子，<a href='/b.html'>链接文字</a>在这里。</p>"
        "</div></body></html>")


def test_extract_flags_add_markdown_and_html_after_body(capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://www.gl.gov.cn/zwgk/t1.html"
    assert main(["extract", "--markdown", "--html", "--url", url, str(STRUCTURE_PAGE)]) == 0
    record = json.loads(capsys.readouterr().out)
    keys = list(record)
    assert keys[keys.index("body") + 1: keys.index("body") + 3] == ["markdown", "html"]
    assert "## 一、总体情况" in record["markdown"]
    assert "![改造后的杨桥路](https://www.gl.gov.cn/images/2024/07/road.jpg)" in record["markdown"]
    assert "<table>" in record["html"]


def test_extract_without_flags_keeps_todays_keys(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(STRUCTURE_PAGE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "markdown" not in record and "html" not in record


def test_fetch_flags_with_links(loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = loopback.route("/a.html", respond(PAGE))
    assert main(["fetch", "--delay", "0", "--markdown", "--links", url]) == 0
    record = json.loads(capsys.readouterr().out)
    base = url.rsplit("/", 1)[0]
    assert f"[链接文字]({base}/b.html)" in record["markdown"] and "html" not in record


def test_config_keys_under_crawl_and_per_site(tmp_path: Path) -> None:
    data = {"crawl": {"markdown": True},
            "site": [{"name": "a", "start_urls": ["https://a.example/"]},
                     {"name": "b", "start_urls": ["https://b.example/"], "markdown": False,
                      "html": True}]}
    config = parse_config(data, tmp_path / "config.toml")
    assert config.crawl.markdown and not config.crawl.html
    assert (config.sites[0].markdown, config.sites[0].html) == (True, False)
    assert (config.sites[1].markdown, config.sites[1].html) == (False, True)


def test_config_key_of_the_wrong_type_names_it(tmp_path: Path) -> None:
    from scraper.errors import ConfigError
    with pytest.raises(ConfigError, match=r"crawl\.markdown"):
        parse_config({"crawl": {"markdown": "yes"},
                      "site": [{"name": "a", "start_urls": ["https://a.example/"]}]},
                     tmp_path / "config.toml")


def test_crawl_writes_markdown_when_the_config_asks(tmp_path: Path) -> None:
    with Portal(tmp_path, crawl={"markdown": "true"}) as portal:
        main(["-q", "crawl", "-c", str(portal.config)])
        records = [r for r in portal.records() if "body" in r]
    assert records and all(r["markdown"] for r in records if r["body"])
    assert all("html" not in r for r in records)
