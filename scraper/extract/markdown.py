"""The article as GitHub-flavoured Markdown, from the lines ``body`` keeps.

Headings keep the article's relative levels, the highest shown as ``##`` (``#`` is
the headline, which is ``title``, not body). Lists nest by indentation, quotes by
``>``, ``<pre>`` becomes a fenced block, a data table a pipe table whose first row
is the header (spans flattened as ``tables`` says), a picture ``![caption](url)``
where it stood. Text that Markdown would read as syntax is escaped.
"""

from __future__ import annotations

from .inline import escape_line_start, escape_markdown, markdown_inline, markdown_url
from .render import Rendered
from .structure import Item, kept_items

# The level the article's highest heading is written at.
TOP_HEADING_LEVEL = 2
BULLET = "- "


def article_items(rendered: Rendered, kept: list[str], kept_at: list[int]
                  ) -> tuple[list[Item], int]:
    """The kept lines and pictures in order (see ``structure.kept_items``), and how many
    levels the headings move so that the highest is written at TOP_HEADING_LEVEL."""
    items = kept_items(rendered.marks or [], rendered.lines,
                       [(i.url, i.caption) for i in rendered.images], rendered.figures,
                       kept, kept_at)
    levels = [item.mark.level for item in items if item.mark.kind == "h"]
    return items, (TOP_HEADING_LEVEL - min(levels) if levels else 0)


def to_markdown(rendered: Rendered, kept: list[str], kept_at: list[int], *,
                links: bool = False) -> str:
    items, shift = article_items(rendered, kept, kept_at)
    blocks: list[str] = []
    widths: dict[int, int] = {}      # list key -> marker width, for nested indentation
    counters: dict[int, int] = {}    # ordered list key -> items so far
    last_item: int | None = None
    index = 0
    while index < len(items):
        item = items[index]
        mark = item.mark
        tight = False
        if mark.kind == "row":
            end = index
            while end < len(items) and items[end].mark.kind == "row" \
                    and items[end].mark.table == mark.table:
                end += 1
            text = _table(items[index:end], links)
            index = end
        else:
            index += 1
            if mark.kind == "img":
                url, caption = item.image or ("", None)
                text = f"![{escape_markdown(caption or '')}]({markdown_url(url)})"
            elif mark.kind == "pre":
                if index > 1 and items[index - 2].mark.pre is mark.pre:
                    continue   # the <pre> was written whole at its first line
                text = _fence(mark.pre.text(deep=True) if mark.pre is not None else item.text)
            elif mark.kind == "h":
                level = max(1, min(6, mark.level + shift))
                text = "#" * level + " " + markdown_inline(item.markup, links)
            elif mark.kind == "li" and mark.lists:
                text, tight = _list_line(item, widths, counters, last_item, links)
            else:
                text = escape_line_start(markdown_inline(item.markup, links))
        last_item = mark.item if mark.kind == "li" else None
        if mark.quote:
            prefix = "> " * mark.quote
            text = "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))
        if tight and blocks:
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
    return "\n\n".join(blocks)


def _list_line(item: Item, widths: dict[int, int], counters: dict[int, int],
               last_item: int | None, links: bool) -> tuple[str, bool]:
    """A list item's line, indented under its parents; whether it joins the list above
    without a blank line (a new item of a list in progress)."""
    mark = item.mark
    indent = sum(widths.get(key, len(BULLET)) for key, _ in mark.lists[:-1])
    key, ordered = mark.lists[-1]
    body = escape_line_start(markdown_inline(item.markup, links))
    if mark.item == last_item:   # a second paragraph of the same item
        width = widths.get(key, len(BULLET))
        return " " * (indent + width) + body, False
    if ordered:
        counters[key] = counters.get(key, 0) + 1
        marker = f"{counters[key]}. "
    else:
        marker = BULLET
    widths[key] = len(marker)
    return " " * indent + marker + body, last_item is not None


def _fence(code: str) -> str:
    code = code.strip("\n")
    fence = "```"
    while fence in code:
        fence += "`"
    return f"{fence}\n{code}\n{fence}"


def _table(rows: list[Item], links: bool) -> str:
    cells = [[_cell(c, links) for c in (row.mark.cells or [])] for row in rows]
    width = max(len(row) for row in cells)
    lines = []
    for number, row in enumerate(cells):
        row = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(row) + " |")
        if number == 0:
            lines.append("|" + "|".join(" --- " for _ in row) + "|")
    return "\n".join(lines)


def _cell(markup: str, links: bool) -> str:
    return markdown_inline(markup, links)


__all__ = ["to_markdown"]
