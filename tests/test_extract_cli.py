"""``scraper extract``: files and stdin in, one JSON Lines record per input, in order."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.cli import main

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples" / "pages"
PAGE = ("<html><head><title>{title}</title></head><body><article>"
        "<p>{title}: the first paragraph of a real article, long enough to be prose.</p>"
        "<p>A second paragraph closes the article with another full sentence.</p>"
        "</article></body></html>")


def _write(tmp_path: Path, name: str, title: str) -> Path:
    path = tmp_path / name
    path.write_text(PAGE.format(title=title), encoding="utf-8")
    return path


def _records(capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_files_keep_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [_write(tmp_path, f"{name}.html", name) for name in ("zulu", "alpha", "mike")]
    assert main(["extract", *map(str, paths)]) == 0
    records = _records(capsys)
    assert [r["input"] for r in records] == [str(p) for p in paths]
    assert ["zulu", "alpha", "mike"] == [r["body"].split(":")[0] for r in records]


def test_record_has_schema_and_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(_write(tmp_path, "a.html", "Alpha"))]) == 0
    (record,) = _records(capsys)
    assert record["schema"] == 1
    assert "first paragraph" in record["body"] and "error" not in record


def test_stdin_when_no_path(monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, PAGE.format(title="Stdin").encode("utf-8"))
    assert main(["extract"]) == 0
    (record,) = _records(capsys)
    assert record["input"] == "-" and "Stdin: the first paragraph" in record["body"]


def test_dash_reads_stdin_between_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, PAGE.format(title="Middle").encode("utf-8"))
    first, last = _write(tmp_path, "1.html", "First"), _write(tmp_path, "3.html", "Last")
    assert main(["extract", str(first), "-", str(last)]) == 0
    assert [r["input"] for r in _records(capsys)] == [str(first), "-", str(last)]


def test_url_is_used_for_a_single_input(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, PAGE.format(title="Url").encode("utf-8"))
    assert main(["extract", "--url", "https://www.fznews.com.cn/a.shtml"]) == 0
    (record,) = _records(capsys)
    assert record["url"] == "https://www.fznews.com.cn/a.shtml"


def test_gbk_sample_file_decodes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SAMPLES_DIR / "seed-fznews-gbk" / "source.html")]) == 0
    (record,) = _records(capsys)
    assert record["encoding"] == "gb18030" and "鼓楼公安分局" in record["body"]


@pytest.mark.parametrize("bad", ["missing.html", "a-directory"])
def test_unreadable_path_gives_error_record_and_exit_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    (tmp_path / "a-directory").mkdir()
    good = _write(tmp_path, "good.html", "Good")
    assert main(["extract", str(tmp_path / bad), str(good)]) == 1
    error, ok = _records(capsys)
    assert error["input"] == str(tmp_path / bad) and error["error"]["stage"] == "read"
    assert ok["input"] == str(good) and "Good: the first paragraph" in ok["body"]


def test_binary_input_gives_error_record(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "image.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert main(["extract", str(image)]) == 1
    (record,) = _records(capsys)
    assert record["error"]["type"] == "NotHTMLError"


@pytest.mark.parametrize("content", [b"", b" \r\n\t\n", codecs.BOM_UTF8 + b"\n"],
                         ids=["no-bytes", "whitespace", "bom-and-newline"])
def test_empty_file_gives_error_record_and_exit_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(content)
    good = _write(tmp_path, "good.html", "Good")
    assert main(["extract", str(empty), str(good)]) == 1
    error, ok = _records(capsys)
    assert error["input"] == str(empty) and "body" not in error
    assert error["error"]["stage"] == "empty" and error["error"]["type"] == "EmptyInputError"
    assert error["error"]["message"].startswith("nothing to extract")
    assert "Good: the first paragraph" in ok["body"]


def test_empty_stdin_gives_error_record_and_exit_1(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b"")
    assert main(["extract"]) == 1
    (record,) = _records(capsys)
    assert record == {"schema": 1, "input": "-", "error": {
        "stage": "empty", "type": "EmptyInputError", "message": "nothing to extract: 0 bytes"}}


def test_url_with_two_inputs_is_a_usage_error(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _write(tmp_path, "a.html", "A"), _write(tmp_path, "b.html", "B")
    assert main(["extract", "--url", "https://example.com/", str(a), str(b)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--url" in captured.err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--help"]) == 0
    assert "--url" in capsys.readouterr().out


def test_reader_closing_the_pipe_early_ends_quietly() -> None:
    """``scraper extract … | head``: no traceback when the reader goes away."""
    import subprocess
    import sys
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "samples" / "pages" / "cw-0d931936" / "source.html"
    proc = subprocess.Popen([sys.executable, "-m", "scraper", "extract", *[str(page)] * 40],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert first.startswith(b'{"schema":1')
    assert "Traceback" not in err and "BrokenPipeError" not in err
