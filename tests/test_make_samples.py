"""``bench.make_samples``: a regeneration keeps the samples written by hand and lists
them in the README beside the ones it copies from the datasets."""

from __future__ import annotations

import json
from pathlib import Path

from bench.make_samples import HAND_WRITTEN, write


def _hand_sample(target: Path, slug: str) -> tuple[bytes, str]:
    directory = target / slug
    directory.mkdir(parents=True)
    source = "<html><body><p>索引号：A-1</p></body></html>".encode("gbk")
    expected = json.dumps({"dataset": HAND_WRITTEN, "id": slug, "url": None,
                           "note": "two-column table block",
                           "origin": {"repo": None, "commit": None, "path": None,
                                      "licence": "written here"},
                           "labelled": ["document"], "document": {"index_no": "A-1"}},
                          ensure_ascii=False)
    (directory / "source.html").write_bytes(source)
    (directory / "expected.json").write_text(expected, encoding="utf-8")
    return source, expected


def test_a_regeneration_keeps_and_lists_the_samples_written_by_hand(tmp_path: Path) -> None:
    source, expected = _hand_sample(tmp_path, "gov-test-table2")
    write([], tmp_path)
    assert (tmp_path / "gov-test-table2" / "source.html").read_bytes() == source
    assert (tmp_path / "gov-test-table2" / "expected.json").read_text(encoding="utf-8") == expected
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "| `gov-test-table2` | hand-written | two-column table block | written here `-` |" in readme


def test_the_repository_readme_lists_every_sample_written_by_hand() -> None:
    pages = Path(__file__).resolve().parent.parent / "samples" / "pages"
    readme = (pages / "README.md").read_text(encoding="utf-8")
    slugs = [p.name for p in pages.glob("gov-*") if (p / "expected.json").is_file()]
    assert slugs
    assert [slug for slug in slugs if f"| `{slug}` |" not in readme] == []
