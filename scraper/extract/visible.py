"""Metadata as the page shows it: the info line under the headline, bylines in the text.

The page is read as visible text lines (scripts and styles left out). The headline's
line is found; the short lines right after it (or right before it, on e-papers) are the
info block: ``2024-08-06 09:47:05 来源:福州晚报 作者:肖远强 林春长``. Fields missing
there are looked for further down (bylines closing the body, editor lines, a labelled
date below the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from . import bylines
from . import meta_patterns as P
from .dates import DateValue, find_date, find_dates
from .titles import key


# Put between text nodes when the body's text is read: a private-use character that no
# page text holds and that regular expressions do not count as whitespace.
_NODE_SEPARATOR = "\ue000"
# Whitespace to collapse into one space: runs, and any single space that is not " "
# (newline, tab, NBSP, U+3000).
_SPACES = re.compile(r"\s{2,}|[^\S ]")


@dataclass
class Visible:
    """Fields read from the visible text; any may be missing."""

    published: DateValue | None = None
    modified: DateValue | None = None
    near_title: bool = False        # the date sits in the info block next to the headline
    source: str | None = None
    source_labelled: bool = False   # the source came with a 来源 label on the info line
    author: str | None = None
    author_in_info: bool = False    # the author sits on the info line
    editor: str | None = None
    headline: str | None = None     # the line above the date, when no title was known
    info: str = ""                  # the info block's text, for yearless dates


def visible_lines(tree: LexborHTMLParser, hidden: set[str]) -> list[str]:
    """The body's text nodes as whitespace-normalised lines, without script/style text.

    One text node is one line (inline markup splits a line; a newline inside a text node
    is only a space, as browsers render it). ``hidden`` holds the texts of script/style
    nodes, left out. Bounded by ``SCAN_LINES_MAX``.
    """
    body = tree.body
    if body is None:
        return []
    hidden = {text.strip() for text in hidden}
    text = body.text(separator=_NODE_SEPARATOR, strip=True, skip_empty=True)
    chunks = text.split(_NODE_SEPARATOR, P.SCAN_LINES_MAX * 2)
    if len(chunks) > P.SCAN_LINES_MAX * 2:
        chunks.pop()    # the unsplit rest of a very long page
    kept = [chunk for chunk in chunks if chunk and chunk not in hidden][: P.SCAN_LINES_MAX]
    lines = _SPACES.sub(" ", _NODE_SEPARATOR.join(kept)).split(_NODE_SEPARATOR)
    return _join_labels(lines)


def _join_labels(lines: list[str]) -> list[str]:
    """Lines that end on a label ("来源：", "[") joined with the value on the next line."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1][-1] in "：:[【（(" and len(joined[-1]) <= P.INFO_LINE_MAX_CHARS:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _title_lines(lines: list[str], title: str | None) -> list[int]:
    """Indexes of lines that hold the headline (alone, or split over two lines)."""
    if not title:
        return []
    title_key = key(title)
    shortest, longest = len(title_key) // 2, len(title) * 2 + P.TITLE_LINE_SLACK
    found: list[int] = []
    for index, line in enumerate(lines):
        if not shortest <= len(line) <= longest or title_key[0] not in line:
            continue
        line_key = key(line)
        if line_key == title_key:
            found.append(index)
        elif len(line_key) * 2 >= len(title_key) and title_key.startswith(line_key):
            if index + 1 < len(lines) and key(line + lines[index + 1]).startswith(title_key):
                found.append(index + 1)
    return found


def _info_block(lines: list[str], start: int, stop: int) -> list[str]:
    """Short lines from ``start``, up to the first paragraph-long line."""
    block: list[str] = []
    for line in lines[max(start, 0):max(stop, 0)]:
        if len(line) > P.INFO_LINE_MAX_CHARS:
            break
        block.append(line)
    return block


def _dated_block(lines: list[str], index: int) -> tuple[list[str], DateValue | None, int]:
    """The info block after (else before) the headline line, its first date, and the
    index where the lines after the block begin."""
    after = _info_block(lines, index + 1, index + 1 + P.INFO_AFTER_TITLE_LINES)
    date = find_date(" ".join(after))
    if date is not None:
        return after, date, index + 1 + len(after)
    before = lines[max(0, index - P.INFO_BEFORE_TITLE_LINES):index]
    before = [line for line in before if len(line) <= P.INFO_LINE_MAX_CHARS]
    date = find_date(" ".join(before))
    if date is not None:
        return before, date, index + 1
    return after, None, index + 1 + len(after)


def _labelled_date_line(lines: list[str], start: int) -> int | None:
    """The first line from ``start`` that carries a date with an info label ("发布时间：")."""
    for index in range(start, len(lines)):
        line = lines[index]
        if len(line) <= P.INFO_LINE_MAX_CHARS and P.INFO_DATE_LINE.search(line) \
                and find_date(line) is not None:
            return index
    return None


def _split_dates(text: str, dates: list[DateValue]) -> tuple[DateValue | None, DateValue | None]:
    """The published and modified dates of an info block (updates are labelled 更新/修改)."""
    published = modified = None
    for date in dates:
        label = text[max(0, date.start - P.DATE_LABEL_REACH):date.start]
        if P.MODIFIED_LABEL.search(label):
            modified = modified or date
        else:
            published = published or date
    return published, modified


def _fields_from_info(info: str, found: Visible) -> None:
    found.source = bylines.labelled_source(info)
    found.source_labelled = found.source is not None
    found.author = (bylines.labelled_author(info) or bylines.reporter(info)
                    or bylines.bracket_names(info))
    found.author_in_info = found.author is not None
    found.editor = bylines.labelled_editor(info)
    if found.source is None and found.published is not None:
        found.source = bylines.outlet_after(info[found.published.end:])


def _fields_from_body(lines: list[str], found: Visible, chinese: bool) -> None:
    """Fields still missing, from the lines after the info block (bylines, editor lines).

    The lines are searched as one text, each pattern once; the earliest byline wins."""
    text = "\n".join(lines)[: P.BODY_SCAN_CHARS]
    if found.author is None and chinese:
        found.author = bylines.first_byline(text)
    if found.source is None:
        found.source = bylines.labelled_source(text)
    if found.editor is None:
        found.editor = bylines.labelled_editor(text)
    if found.published is None:
        for match in P.INFO_DATE_LINE.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if len(line) <= P.INFO_LINE_MAX_CHARS:
                found.published = find_date(line)
                if found.published is not None:
                    return


def read_visible(lines: list[str], title: str | None, *, chinese: bool = True) -> Visible:
    """Read the info block and bylines of a page from its visible lines.

    Bylines in the text (记者, 文/, names closing a paragraph) are looked for on Chinese
    pages only."""
    found = Visible()
    title_at = _title_lines(lines, title)
    block: list[str] = []
    date: DateValue | None = None
    rest = 0
    for index in title_at:
        block, date, rest = _dated_block(lines, index)
        if date is not None:
            break
    if title_at and date is None:
        block, _, rest = _dated_block(lines, title_at[0])
    if date is None:
        dated = _labelled_date_line(lines, title_at[0] if title_at else 0)
        if dated is not None:
            block = block + _info_block(lines, dated, dated + P.INFO_AFTER_TITLE_LINES)
            if not title_at:
                rest = dated + 1
                found.headline = lines[dated - 1] if dated > 0 else None
    found.info = "\n".join(block)
    found.published, found.modified = _split_dates(found.info, find_dates(found.info))
    found.near_title = date is not None
    _fields_from_info(found.info, found)
    _fields_from_body(lines[rest:rest + P.BODY_SCAN_LINES], found, chinese)
    return found
