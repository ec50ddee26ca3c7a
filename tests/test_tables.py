"""Data tables: one body line per row, cells by tabs; spans flattened; layout tables left."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract.tables import TABLE_CELL_MAX_LEN, data_table_rows

PROSE = "本区上半年各项工作稳步推进，重点项目建设进展顺利，城市面貌持续改善，群众满意度不断提升。"


def body_of(table: str) -> list[str]:
    page = f"<html><body><div class='content'><p>{PROSE}</p>{table}<p>{PROSE}</p></div></body></html>"
    return extract(page).body.split("\n")


def grid(table: str) -> list[list[str]] | None:
    node = LexborHTMLParser(table).css_first("table")
    rows = data_table_rows(node)
    if rows is None:
        return None
    return [[cell.text().strip() if cell is not None else "" for cell in row] for row in rows]


def test_rows_are_lines_with_tab_separated_cells() -> None:
    lines = body_of("<table><tr><th>街道</th><th>人口</th></tr>"
                    "<tr><td>东街</td><td><p>6.8</p></td></tr></table>")
    assert lines == [PROSE, "街道\t人口", "东街\t6.8", PROSE]


@pytest.mark.parametrize("table, expected", [
    ("<table><tr><td colspan=2>a</td><td>b</td></tr><tr><td>c</td><td>d</td><td>e</td></tr></table>",
     [["a", "", "b"], ["c", "d", "e"]]),
    ("<table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
     [["a", "b"], ["", "c"]]),
    ("<table><tr><td>a</td><td rowspan=3>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>",
     [["a", "b"], ["c", ""], ["d", ""]]),
    ("<table><tr><td colspan=9999>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
     None),
], ids=["colspan", "rowspan", "rowspan-last-column", "huge-colspan-capped"])
def test_spans_are_flattened_into_empty_cells(table: str, expected: list[list[str]] | None) -> None:
    result = grid(table)
    if expected is None:   # capped at MAX_SPAN columns: still a grid, bounded
        assert result is not None and len(result[0]) <= 51
    else:
        assert result == expected


@pytest.mark.parametrize("table", [
    "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr>"
    "<tr><td>d</td><td>e</td></tr></table>",
    f"<table><tr><td>{'长' * (TABLE_CELL_MAX_LEN + 1)}</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
    "<table><tr><td><ul><li>menu</li></ul></td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
    "<table><tr><td>one row</td><td>only</td></tr></table>",
    "<table><tr><td>a</td></tr><tr><td>b</td></tr></table>",
], ids=["nested-table", "long-cell", "list-in-cell", "one-row", "one-column"])
def test_layout_tables_are_not_data(table: str) -> None:
    assert grid(table) is None


def test_a_layout_table_still_renders_its_text_as_paragraphs() -> None:
    cell = PROSE * 6
    lines = body_of(f"<table><tr><td>{cell}</td></tr><tr><td>{PROSE}</td></tr></table>")
    assert cell in lines and "\t" not in "\n".join(lines)
