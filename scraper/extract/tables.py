"""Data tables: which tables hold data (rendered row by row) and their grid of cells.

A table is read as data when it has no table inside it, at least ``TABLE_MIN_ROWS``
rows, some row with two cells or more, and no cell that holds a page's structure
(lists, headings, sections) or a long text: those are layout tables, which carry a
page or an article in their cells and are rendered as paragraphs, as before.

Spans are flattened predictably: a cell spanning ``n`` columns is followed by
``n - 1`` empty cells, and a cell spanning ``n`` rows leaves an empty cell at its
column in the ``n - 1`` rows below. So every row keeps its columns in place and no
text is repeated.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from .measures import holds_elements

# Fewer rows than this is a layout (a box around a picture or a one-row header).
TABLE_MIN_ROWS = 2
# A cell longer than this (characters) holds running text: the table lays out a page.
TABLE_CELL_MAX_LEN = 400
# Elements that make a cell a page region rather than a value.
LAYOUT_IN_CELL = "table, ul, ol, h1, h2, h3, h4, h5, h6, article, section, blockquote, pre, form"
CELL_TAGS = frozenset(("td", "th"))
# Tables inside a table looked at for one in a cell, before its rows are read.
_INNER_TABLES_CHECKED = 8
# Spans past this are read as 1: a colspan of 1000 is a layout trick, not 1000 columns.
MAX_SPAN = 50

Grid = list[list[LexborNode | None]]


def data_table_rows(table: LexborNode) -> Grid | None:
    """The rows of a data table, each its cells in column order (``None`` for a slot a
    span covers); ``None`` when ``table`` lays out the page instead."""
    if _table_in_cell(table):
        # A layout, answered before reading the rows: they include those of every table
        # inside, so tables nested in tables would each read all of them again.
        return None
    rows: list[list[LexborNode]] = []
    for tr in table.css("tr"):
        cells = [child for child in tr.iter() if child.tag in CELL_TAGS]
        if cells:
            rows.append(cells)
    if len(rows) < TABLE_MIN_ROWS or max(len(cells) for cells in rows) < 2:
        return None
    for cells in rows:
        for cell in cells:
            if holds_elements(cell) and cell.css_first(LAYOUT_IN_CELL) is not None:
                return None
            if len(cell.text(deep=True)) > TABLE_CELL_MAX_LEN:
                return None
    return _grid(rows)


def _table_in_cell(table: LexborNode) -> bool:
    """Whether one of the first tables inside ``table`` sits in a cell of it (or of a
    table inside it), which makes ``table`` a layout (``LAYOUT_IN_CELL``). A shortcut
    only: False sends the table through the full reading."""
    top = table.mem_id
    inner_tables = [node for node in table.css("table") if node.mem_id != top]   # not itself
    for inner in inner_tables[:_INNER_TABLES_CHECKED]:
        node = inner.parent
        while node is not None and node.mem_id != top:
            if node.tag in CELL_TAGS:
                return True
            node = node.parent
    return False


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _grid(rows: list[list[LexborNode]]) -> Grid:
    """Rows with spans flattened (see the module's docstring)."""
    grid: Grid = []
    pending: dict[int, int] = {}   # column -> rows below still covered by a rowspan
    for cells in rows:
        row: list[LexborNode | None] = []
        column = 0
        for cell in cells:
            column = _skip_covered(row, pending, column)
            down = _span(cell, "rowspan")
            for offset in range(_span(cell, "colspan")):
                row.append(cell if offset == 0 else None)
                if down > 1:
                    pending[column] = down - 1
                column += 1
        last = max((col for col, left in pending.items() if left > 0), default=-1)
        while column <= last:   # covered slots after the row's last cell
            column = _skip_covered(row, pending, column)
            if column <= last:
                row.append(None)
                column += 1
        grid.append(row)
    return grid


def _skip_covered(row: list[LexborNode | None], pending: dict[int, int], column: int) -> int:
    """Empty slots for the columns a rowspan above covers, from ``column`` on."""
    while pending.get(column, 0) > 0:
        pending[column] -= 1
        row.append(None)
        column += 1
    return column
