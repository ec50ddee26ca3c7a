"""``scraper explain``: the report file, --json, stdin and URL inputs, errors and exit codes."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from loopback import LoopbackServer, respond, status

from scraper.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "pages" / "seed-fznews-gbk" / "source.html"
PAGE = ("<html><head><title>标题&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
        "<h1>标题&lt;script&gt;alert(1)&lt;/script&gt;</h1><div class=share>分享到: 微信</div>"
        "<p>正文第一段，内容足够长，说明这一页的文章就在这里，并且有好几句话。第二句话也在这里。</p>"
        "</body></html>")
FAST = ["--timeout", "2"]


def self_contained(report: str) -> None:
    """No scripts, and nothing the browser would load from elsewhere."""
    assert "<script" not in report.lower()
    assert not re.search(r"<(link|img|iframe|object|embed)\b", report, re.I)
    assert not re.search(r"\s(src|href)=", report, re.I)
    assert "@import" not in report and "url(" not in report


def test_report_goes_next_to_the_page_and_its_path_is_printed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "seed.html"
    shutil.copy(SEED, page)
    assert main(["explain", str(page), "--url", "https://www.fznews.com.cn/a.shtml"]) == 0
    report_path = tmp_path / "seed.html.explain.html"
    assert capsys.readouterr().out.strip() == str(report_path)
    report = report_path.read_text(encoding="utf-8")
    self_contained(report)
    for words in ("版权与免责声明", "日新闻排行榜", "相关新闻", "专题推荐", "【责任编辑:徐匆】",
                  "boilerplate class: copyright", "info line (来源 label)", "runner-up",
                  "body &gt; div.w1000.main &gt; div.left_con &gt; div#zoom"):
        assert words in report, words


def test_page_text_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out" / "r.html"
    out.parent.mkdir()
    assert main(["explain", str(page), "-o", str(out)]) == 0
    report = out.read_text(encoding="utf-8")
    self_contained(report)
    assert "标题&lt;script&gt;alert(1)&lt;/script&gt;" in report


def test_json_prints_the_explanation(capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["explain", "--json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["record", "blocks", "fields", "container", "runner_up"]
    assert data["record"]["input"] == str(SEED) and data["record"]["source"] == "福州晚报"
    assert set(data["blocks"][0]) >= {"text", "kept", "reason", "score", "link_share", "path"}
    assert "\n".join(b["text"] for b in data["blocks"] if b["kept"]) == data["record"]["body"]
    assert data["fields"]["source"]["from"] == "info line (来源 label)"
    assert set(data["container"]) >= {"path", "score"}
    assert list(tmp_path.iterdir()) == []   # --json alone writes no report


def test_stdin_report_is_explain_html(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8"))))
    assert main(["explain", "-"]) == 0
    assert capsys.readouterr().out.strip() == "explain.html"
    assert "正文第一段" in (tmp_path / "explain.html").read_text(encoding="utf-8")


def test_url_is_fetched(loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch,
                        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    url = loopback.route("/a.shtml", respond(SEED.read_bytes(), content_type="text/html"))
    assert main(["explain", *FAST, url]) == 0
    assert capsys.readouterr().out.strip() == "explain.html"
    assert "版权与免责声明" in (tmp_path / "explain.html").read_text(encoding="utf-8")
    assert main(["explain", *FAST, "--json", url]) == 0
    record = json.loads(capsys.readouterr().out)["record"]
    assert (record["url"], record["final_url"], record["status"]) == (url, url, 200)
    assert record["title"] == "鼓楼公安:以实干实效交出“最美窗口”精彩答卷"


def test_failed_inputs_exit_1_with_one_line(loopback: LoopbackServer, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    gone = loopback.route("/gone", status(404))
    assert main(["explain", *FAST, "--no-robots", gone]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"scraper explain: {gone}: ") and err.count("\n") == 1
    assert main(["explain", str(tmp_path / "missing.html")]) == 1
    assert capsys.readouterr().err == \
        f"scraper explain: {tmp_path / 'missing.html'}: No such file or directory\n"
    assert main(["explain", str(SEED), "-o", str(tmp_path / "no" / "dir" / "r.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_empty_page_exits_1_without_a_report(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"\n  \n")
    assert main(["explain", str(empty)]) == 1
    assert capsys.readouterr().err == \
        f"scraper explain: {empty}: nothing to extract: only whitespace (4 bytes)\n"
    assert list(tmp_path.iterdir()) == [empty]


def test_binary_page_is_named_in_its_error_line(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "logo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert main(["explain", str(binary)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"scraper explain: {binary}: ") and "not HTML" in err
    assert list(tmp_path.iterdir()) == [binary]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain"]) == 2
    assert main(["explain", "a.html", "b.html"]) == 2


def test_report_lists_a_record_list_one_item_a_line() -> None:
    from scraper.report import render_report
    data = {"record": {"schema": 1, "title": "T", "page_urls": ["https://a.example/p?x=1&y=2"]},
            "blocks": [], "fields": {}, "container": None, "runner_up": None}
    report = render_report(data, page="p.html")
    self_contained(report)
    assert "<div><code>https://a.example/p?x=1&amp;y=2</code></div>" in report
    assert "No text blocks." in report


def test_page_without_article_text_is_explained_with_a_line_saying_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # scraper extract reports this page as an error; explain shows why, and says so.
    links = tmp_path / "links.html"
    links.write_text("<html><body><ul><li><a href='/a'>One</a></li><li><a href='/b'>Two</a>"
                     "</li></ul></body></html>", encoding="utf-8")
    assert main(["explain", str(links)]) == 0
    out, err = capsys.readouterr()
    report = tmp_path / "links.html.explain.html"
    assert out == f"{report}\n" and report.exists()
    assert err == (f"scraper explain: {links}: no article text found; the explanation "
                   "shows why each block was dropped\n")
    assert main(["explain", "--json", str(links)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["record"]["body"] == ""
    assert "no article text found" in err


def test_page_with_article_text_has_no_such_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["explain", str(page)]) == 0
    assert capsys.readouterr().err == ""
