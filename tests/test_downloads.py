"""Attachment downloads (scraper.downloads): ``scraper fetch --attachments DIR`` and the
crawl's ``attachments`` key, against loopback servers on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from loopback import LoopbackServer, respond, status

from scraper.cli import main
from scraper.downloads import save

FAST = ["--delay", "0", "--timeout", "2", "--retries", "0"]
PDF = b"%PDF-1.7\n" + "某某省数字政府建设实施方案".encode() + b"\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"word/document.xml" * 8
BIG = b"%PDF-1.7\n" + b"0" * 20_000   # over the --max-bytes given below
MAX_BYTES = "8000"
PROSE = ("<p>各市、县人民政府，省直各单位：现将《某某省数字政府建设实施方案》印发给你们，"
         "请结合实际认真贯彻落实。数字政府建设是推进国家治理体系和治理能力现代化的重要举措，"
         "各地各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。</p>")


def notice(title: str, files: list[tuple[str, str]]) -> str:
    """A government notice whose 附件 list links ``files`` ((href, name) pairs)."""
    items = "".join(f'<li><a href="{href}">{name}</a></li>' for href, name in files)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f'<div class="nav"><a href="/">首页</a></div><h1>{title}</h1>'
            f'<div class="TRS_Editor">{PROSE}</div>'
            f'<div class="fj"><p>附件：</p><ul>{items}</ul></div></body></html>')


def sha_name(content: bytes, kind: str) -> str:
    return f"{hashlib.sha256(content).hexdigest()}.{kind}"


def serve_files(server: LoopbackServer) -> None:
    """The attachments: two URLs of one PDF, a DOCX, a 404, an oversized file and one
    that robots.txt disallows."""
    server.route("/robots.txt", respond("User-agent: *\nDisallow: /private/\n",
                                        content_type="text/plain"))
    server.route("/files/a.pdf", respond(PDF, content_type="application/pdf"))
    server.route("/mirror/a-copy.pdf", respond(PDF, content_type="application/octet-stream"))
    server.route("/files/b.docx", respond(DOCX, content_type="application/vnd.openxmlformats-"
                                          "officedocument.wordprocessingml.document"))
    server.route("/files/huge.pdf", respond(BIG, content_type="application/pdf"))
    server.route("/private/c.zip", respond(b"PK\x05\x06", content_type="application/zip"))


FILES = [("/files/a.pdf", "实施方案.pdf"), ("/mirror/a-copy.pdf", "实施方案（副本）.pdf"),
         ("/files/b.docx", "申报表.docx"), ("/files/gone.xlsx", "名单.xlsx"),
         ("/files/huge.pdf", "图集.pdf"), ("/private/c.zip", "材料.zip")]


def by_name(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {a["name"]: a for a in record["attachments"]}


def test_fetch_downloads_attachments_under_content_hash_names(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serve_files(loopback)
    page = loopback.route("/zwgk/t20240318_1.html", respond(notice("关于印发方案的通知", FILES)))
    folder = tmp_path / "files"
    assert main(["fetch", *FAST, "--max-bytes", MAX_BYTES, "--attachments", str(folder), page]) == 0
    record = json.loads(capsys.readouterr().out)
    got = by_name(record)
    assert [a["url"] for a in record["attachments"]] == [loopback.url(h) for h, _ in FILES]
    pdf = str(folder / sha_name(PDF, "pdf"))
    assert got["实施方案.pdf"]["path"] == pdf
    assert got["实施方案（副本）.pdf"]["path"] == pdf   # same content, one file
    assert got["申报表.docx"]["path"] == str(folder / sha_name(DOCX, "docx"))
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [sha_name(PDF, "pdf"), sha_name(DOCX, "docx")])   # no temporary file left
    assert Path(pdf).read_bytes() == PDF


@pytest.mark.parametrize(("name", "stage", "status_code"), [
    ("名单.xlsx", "http", 404), ("图集.pdf", "too-large", 200), ("材料.zip", "robots", None)],
    ids=["404", "oversized", "robots-disallow"])
def test_a_failed_download_keeps_the_record_and_says_why(
        loopback: LoopbackServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        caplog: pytest.LogCaptureFixture, name: str, stage: str, status_code: int | None) -> None:
    serve_files(loopback)
    page = loopback.route("/zwgk/t20240318_1.html", respond(notice("关于印发方案的通知", FILES)))
    assert main(["fetch", *FAST, "--max-bytes", MAX_BYTES, "--attachments",
                 str(tmp_path / "files"), page]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "error" not in record and record["title"] == "关于印发方案的通知"
    failed = by_name(record)[name]
    assert "path" not in failed
    assert failed["error"]["stage"] == stage and failed["error"]["status"] == status_code
    assert f"attachment {failed['url']} not downloaded" in caplog.text
    if stage == "robots":
        assert loopback.hits("/private/c.zip") == 0


def test_without_the_flag_nothing_is_downloaded(
        loopback: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> None:
    serve_files(loopback)
    page = loopback.route("/zwgk/t1.html", respond(notice("关于印发方案的通知", FILES[:1])))
    assert main(["fetch", *FAST, page]) == 0
    assert json.loads(capsys.readouterr().out)["attachments"] == [
        {"url": loopback.url("/files/a.pdf"), "name": "实施方案.pdf", "type": "pdf"}]
    assert loopback.hits("/files/a.pdf") == 0


def test_save_is_atomic_and_keeps_one_file_per_content(tmp_path: Path) -> None:
    first = save(PDF, "pdf", tmp_path / "d")
    again = save(PDF, "pdf", tmp_path / "d")
    assert first == again == tmp_path / "d" / sha_name(PDF, "pdf")
    assert [p.name for p in (tmp_path / "d").iterdir()] == [first.name]


# ---- the crawl ----

def crawl_config(root: Path, server: LoopbackServer, extra: str = "") -> Path:
    path = root / "config.toml"
    path.write_text(f"""
[crawl]
per_host_delay = 0.0
retries = 0
timeout = 2
max_bytes = {MAX_BYTES}
output = "data/{{site}}/out.jsonl"
attachments = "files/{{site}}/"

[[site]]
name = "gov"
start_urls = ["{server.url('/zwgk/')}"]
{extra}
""", encoding="utf-8")
    return path


def crawl_portal(server: LoopbackServer) -> None:
    """A channel page listing two notices that share a PDF."""
    serve_files(server)
    first = "/zwgk/202403/t20240318_101.html"
    second = "/zwgk/202403/t20240319_102.html"
    server.route("/zwgk/", respond(
        f'<html><body><ul><li><a href="{first}">关于印发某某省数字政府建设实施方案的通知</a></li>'
        f'<li><a href="{second}">关于做好高新技术企业认定申报工作的通知</a></li></ul></body></html>'))
    server.route(first, respond(notice("关于印发某某省数字政府建设实施方案的通知",
                                       [FILES[0], FILES[3]])))
    server.route(second, respond(notice("关于做好高新技术企业认定申报工作的通知",
                                        [FILES[1], FILES[2], FILES[4], FILES[5]])))


def records(root: Path) -> list[dict[str, Any]]:
    lines = (root / "data" / "gov" / "out.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_crawl_downloads_each_sites_attachments_once(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    crawl_portal(loopback)
    config = crawl_config(tmp_path, loopback)
    assert main(["crawl", "-q", "-c", str(config)]) == 0
    written = {r["title"]: by_name(r) for r in records(tmp_path)}
    assert len(written) == 2
    folder = tmp_path / "files" / "gov"
    one = written["关于印发某某省数字政府建设实施方案的通知"]
    two = written["关于做好高新技术企业认定申报工作的通知"]
    pdf = str(folder / sha_name(PDF, "pdf"))
    assert one["实施方案.pdf"]["path"] == two["实施方案（副本）.pdf"]["path"] == pdf
    assert two["申报表.docx"]["path"] == str(folder / sha_name(DOCX, "docx"))
    assert one["名单.xlsx"]["error"]["status"] == 404 and "path" not in one["名单.xlsx"]
    assert two["材料.zip"]["error"]["stage"] == "robots"
    assert two["图集.pdf"]["error"]["stage"] == "too-large" and "path" not in two["图集.pdf"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [sha_name(PDF, "pdf"), sha_name(DOCX, "docx")])
    # the next run writes nothing again and fetches no attachment again
    hits = loopback.hits("/files/a.pdf")
    assert main(["crawl", "-q", "-c", str(config)]) == 0
    assert len(records(tmp_path)) == 2 and loopback.hits("/files/a.pdf") == hits


def test_files_left_by_a_killed_run_are_reused_and_the_record_written_once(
        loopback: LoopbackServer, tmp_path: Path) -> None:
    crawl_portal(loopback)
    config = crawl_config(tmp_path, loopback)
    folder = tmp_path / "files" / "gov"
    folder.mkdir(parents=True)
    # a run killed after saving the PDF (and while writing another file), before the record
    (folder / sha_name(PDF, "pdf")).write_bytes(PDF)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    orphan = folder / f".{sha_name(DOCX, 'docx')}.{dead}.part"
    orphan.write_bytes(DOCX[:5])
    # a file another live process is writing into the same folder right now
    live = folder / f".{sha_name(PDF, 'pdf')}.{os.getpid()}.part"
    live.write_bytes(PDF[:5])
    assert main(["crawl", "-q", "-c", str(config)]) == 0
    assert not orphan.exists() and live.read_bytes() == PDF[:5]
    written = records(tmp_path)
    assert len(written) == 2
    paths = {a.get("path") for r in written for a in r["attachments"]} - {None}
    assert paths == {str(folder / sha_name(PDF, "pdf")), str(folder / sha_name(DOCX, "docx"))}
    assert (folder / sha_name(DOCX, "docx")).read_bytes() == DOCX


def test_a_site_may_turn_downloads_off(loopback: LoopbackServer, tmp_path: Path) -> None:
    crawl_portal(loopback)
    config = crawl_config(tmp_path, loopback, extra="attachments = false")
    assert main(["crawl", "-q", "-c", str(config)]) == 0
    assert all("path" not in a for r in records(tmp_path) for a in r["attachments"])
    assert not (tmp_path / "files").exists() and loopback.hits("/files/a.pdf") == 0
