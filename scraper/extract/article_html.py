"""The article as minimal clean HTML, from the lines ``body`` keeps.

Only structural tags (``h1``–``h6``, ``p``, ``ul/ol/li``, ``table/thead/tbody/tr/th/
td``, ``blockquote``, ``pre/code``, ``figure/img/figcaption``, ``strong/em``, ``a``
when links are kept, ``br``) and only ``href``, ``src`` and ``alt``: every text is
escaped and no script, style or other attribute is written, so the result is safe to
show in another page. Headings and tables follow the same rules as the Markdown.
"""

from __future__ import annotations

import html

from .inline import SAFE_HREF, html_inline
from .markdown import article_items
from .render import Rendered
from .structure import Item


def to_html(rendered: Rendered, kept: list[str], kept_at: list[int], *,
            links: bool = False) -> str:
    items, shift = article_items(rendered, kept, kept_at)
    out: list[str] = []
    writer = _Writer(out)
    index = 0
    while index < len(items):
        item = items[index]
        mark = item.mark
        writer.quote_to(mark.quote)
        if mark.kind == "li" and mark.lists:
            writer.list_to(mark.lists, mark.item)
            writer.item_line(html_inline(item.markup, links))
            index += 1
            continue
        writer.list_to((), 0)
        if mark.kind == "row":
            end = index
            while end < len(items) and items[end].mark.kind == "row" \
                    and items[end].mark.table == mark.table:
                end += 1
            out.append(_table(items[index:end], links))
            index = end
            continue
        index += 1
        if mark.kind == "img":
            out.append(_figure(item))
        elif mark.kind == "pre":
            if index > 1 and items[index - 2].mark.pre is mark.pre:
                continue
            code = mark.pre.text(deep=True).strip("\n") if mark.pre is not None else item.text
            out.append(f"<pre><code>{html.escape(code, quote=False)}</code></pre>")
        elif mark.kind == "h":
            level = max(1, min(6, mark.level + shift))
            out.append(f"<h{level}>{html_inline(item.markup, links)}</h{level}>")
        else:
            out.append(f"<p>{html_inline(item.markup, links)}</p>")
    writer.list_to((), 0)
    writer.quote_to(0)
    return "\n".join(out)


class _Writer:
    """Open lists and quotes, closed and opened as the lines' marks change."""

    def __init__(self, out: list[str]) -> None:
        self.out = out
        self.lists: list[tuple[int, bool]] = []
        self.items: list[int] = []     # the open <li> per open list (0: none yet)
        self.quotes = 0
        self.fresh = False   # the open <li> has no line yet

    def quote_to(self, depth: int) -> None:
        if depth != self.quotes:
            self.list_to((), 0)
        while self.quotes > depth:
            self.out.append("</blockquote>")
            self.quotes -= 1
        while self.quotes < depth:
            self.out.append("<blockquote>")
            self.quotes += 1

    def list_to(self, chain: tuple[tuple[int, bool], ...], item: int) -> None:
        common = 0
        while common < min(len(chain), len(self.lists)) and chain[common] == self.lists[common]:
            common += 1
        while len(self.lists) > common:
            if self.items[-1]:
                self.out[-1] += "</li>"
            self.out.append("</ol>" if self.lists[-1][1] else "</ul>")
            self.lists.pop()
            self.items.pop()
        for key, ordered in chain[common:]:
            if self.items and not self.items[-1]:
                self.out.append("<li>")   # a list nested before any item of its parent
                self.items[-1] = -1
            self.out.append("<ol>" if ordered else "<ul>")
            self.lists.append((key, ordered))
            self.items.append(0)
        if chain and self.items[-1] != item:
            if self.items[-1]:
                self.out[-1] += "</li>"
            self.out.append("<li>")
            self.items[-1] = item
            self.fresh = True

    def item_line(self, inline: str) -> None:
        """A line of the open item: its first line as is, the next after a break."""
        self.out[-1] += inline if self.fresh else f"<br>{inline}"
        self.fresh = False


def _figure(item: Item) -> str:
    url, caption = item.image or ("", None)
    if not SAFE_HREF.match(url):
        return ""
    alt = html.escape(caption or "")
    caption_html = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="{html.escape(url)}" alt="{alt}">{caption_html}</figure>'


def _table(rows: list[Item], links: bool) -> str:
    width = max(len(row.mark.cells or []) for row in rows)
    parts = ["<table>"]
    for number, row in enumerate(rows):
        cells = (row.mark.cells or []) + [""] * (width - len(row.mark.cells or []))
        tag = "th" if number == 0 else "td"
        line = "".join(f"<{tag}>{html_inline(cell, links)}</{tag}>" for cell in cells)
        if number == 0:
            parts.append(f"<thead><tr>{line}</tr></thead><tbody>")
        else:
            parts.append(f"<tr>{line}</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)
