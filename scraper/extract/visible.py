"""Metadata as the page shows it: the info line under the headline, bylines in the text.

The page is read as visible text lines (scripts and styles left out). The headline's
line is found; the short lines right after it (or right before it, on e-papers) are the
info block: ``2024-08-06 09:47:05 来源:福州晚报 作者:肖远强 林春长``. Fields missing
there are looked for further down (bylines closing the body, editor lines, a labelled
date below the article).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add

from selectolax.lexbor import LexborHTMLParser

from . import bylines
from . import meta_patterns as P
from .dates import DateValue, find_date, find_dates
from .titles import key


# Put between text nodes when the body's text is read: a private-use character that no
# page text holds and that regular expressions do not count as whitespace.
_NODE_SEPARATOR = "\ue000"



@dataclass
class Visible:
    """Fields read from the visible text; any may be missing."""

    published: DateValue | None = None
    modified: DateValue | None = None
    near_title: bool = False        # the date sits in the info block next to the headline
    source: str | None = None
    source_labelled: bool = False   # the source came with a 来源 label on the info line
    source_alone: bool = False      # an unlabelled outlet on its own line (weakest)
    author: str | None = None
    author_in_info: bool = False    # the author sits on the info line
    editor: str | None = None
    headline: str | None = None     # the line above the date, when no title was known
    info: str = ""                  # the info block's text, for yearless dates
    text: str = ""                  # all the lines read, joined by newlines


def visible_lines(tree: LexborHTMLParser) -> tuple[list[str], bool]:
    """The body's text nodes as lines, and whether they are all of its text.

    One text node is one line (inline markup splits a line), trimmed; whitespace inside
    is left as is and normalised only where a value is taken (it costs, and most lines
    are never used). Read after scripts and styles are dropped (``extract_metadata``);
    on a tree that still has them, their code becomes lines too, which the info block
    skips. Bounded by ``SCAN_LINES_MAX``: the lines of a longer page are not all of it.
    """
    body = tree.body
    if body is None:
        return [], True
    text = body.text(separator=_NODE_SEPARATOR, strip=True, skip_empty=True)
    chunks = text.split(_NODE_SEPARATOR, P.SCAN_LINES_MAX)
    complete = len(chunks) <= P.SCAN_LINES_MAX
    if not complete:
        chunks.pop()    # the unsplit rest of a very long page
    return [chunk for chunk in chunks if chunk], complete


class _Index:
    """The lines joined by newlines, to find lines by C-speed string search, not a Python
    loop; ``starts[i]`` is where line ``i`` begins in ``text``."""

    def __init__(self, lines: list[str]) -> None:
        self.text = "\n".join(lines)
        self.starts = [0, *accumulate(map(add, map(len, lines), repeat(1)))]

    def span(self, first: int, count: int, max_chars: int) -> str:
        """The text of ``count`` lines from line ``first``, at most ``max_chars`` long."""
        last = len(self.starts) - 1
        begin = self.starts[min(first, last)]
        end = min(self.starts[min(first + count, last)], begin + max_chars)
        return self.text[begin:end]

    def line_at(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def lines_with(self, needle: str, start: int = 0) -> Iterator[int]:
        """Indexes of the lines from ``start`` that hold ``needle`` (or where it begins)."""
        last = len(self.starts) - 1
        position = self.text.find(needle, self.starts[min(start, last)])
        while position >= 0:
            index = self.line_at(position)
            yield index
            if index + 1 >= last:
                return
            position = self.text.find(needle, self.starts[index + 1])


def _title_lines(lines: list[str], index: _Index, title: str | None) -> list[int]:
    """Indexes of lines that hold the headline (alone, or split over two lines)."""
    if not title:
        return []
    title_key = key(title)
    needle = title.split()[0][: P.TITLE_NEEDLE_CHARS]
    candidates = index.lines_with(needle) if len(needle) >= 2 else range(len(lines))
    shortest, longest = len(title_key) // 2, len(title) * 2 + P.TITLE_LINE_SLACK
    found: list[int] = []
    for at in candidates:
        if not shortest <= len(lines[at]) <= longest:
            continue
        line_key = key(lines[at])
        if line_key == title_key:
            found.append(at)
        elif len(line_key) * 2 >= len(title_key) and title_key.startswith(line_key):
            if at + 1 < len(lines) and key(lines[at] + lines[at + 1]).startswith(title_key):
                found.append(at + 1)
    return found


def _code_line(line: str) -> bool:
    return P.CODE_HINT.search(line) is not None and P.CODE_LINE.search(line) is not None


def _paragraph(line: str) -> bool:
    """Whether a line is the article's prose: paragraph-long, or a sentence (long,
    ending in 。) whose dates are what it speaks of, not when the page was published."""
    return len(line) > P.INFO_LINE_MAX_CHARS or (
        len(line) >= P.PROSE_LINE_MIN_CHARS and line.endswith(P.SENTENCE_ENDS))


def _info_block(lines: list[str], start: int, stop: int) -> list[str]:
    """Short lines from ``start``, up to the first paragraph of prose."""
    block: list[str] = []
    for line in lines[max(start, 0):max(stop, 0)]:
        if _code_line(line):
            continue
        if _paragraph(line):
            break
        block.append(" ".join(line.split()))
    return block


def _after_document_label(lines: list[str], at: int) -> bool:
    """Whether line ``at`` follows a document date's label alone on its line
    ("成文日期：" then "二〇二四年六月二十八日"): its date is the document's."""
    return at > 0 and _document_dated(lines[at - 1], len(lines[at - 1]))


def _dated_block(lines: list[str], index: int) -> tuple[list[str], DateValue | None, int]:
    """The info block after (else before) the headline line, its first date, and the
    index where the lines after the block begin."""
    after = _info_block(lines, index + 1, index + 1 + P.INFO_AFTER_TITLE_LINES)
    date = find_date(" ".join(after))
    if date is not None:
        return after, date, index + 1 + len(after)
    first = max(0, index - P.INFO_BEFORE_TITLE_LINES)
    before = [" ".join(line.split()) for at, line in enumerate(lines[first:index], first)
              if not _paragraph(line) and not _after_document_label(lines, at)]
    date = find_date(" ".join(before))
    if date is not None:
        return before, date, index + 1
    return after, None, index + 1 + len(after)


def _labelled_date_line(lines: list[str], index: _Index, start: int) -> int | None:
    """The first line from ``start`` that carries a date with an info label ("发布时间：")."""
    begin = index.starts[min(start, len(lines))]
    end = begin + len(index.span(start, P.BODY_SCAN_LINES, P.BODY_SCAN_CHARS))
    for match in P.INFO_DATE_LINE.finditer(index.text, begin, end):
        if _document_dated(index.text, match.end()):
            continue
        at = index.line_at(match.start())
        line = lines[at] if at < len(lines) else ""
        if len(line) > P.INFO_LINE_MAX_CHARS:
            continue
        if find_date(line) is not None:
            return at
        if line.endswith((":", "：")) and at + 1 < len(lines) \
                and find_date(lines[at + 1][: P.INFO_LINE_MAX_CHARS]) is not None:
            return at   # "发布日期：" with the date on the next line
    return None


def _split_dates(text: str, dates: list[DateValue]) -> tuple[DateValue | None, DateValue | None]:
    """The published and modified dates of an info block (updates are labelled 更新/修改).

    A date labelled as the document's own (成文日期, 实施日期) is neither; one labelled
    发布日期 is the published date even after an unlabelled one. A date's label is read
    from the text just before it, not reaching back into the previous date."""
    published = labelled = modified = None
    previous_end = 0
    for date in dates:
        label = text[max(previous_end, date.start - P.DATE_LABEL_REACH):date.start]
        previous_end = date.end
        if P.DOCUMENT_DATE_LABEL.search(label):
            continue
        if P.MODIFIED_LABEL.search(label):
            modified = modified or date
        elif P.PUBLISHED_LABEL.search(label):
            labelled = labelled or date
        else:
            published = published or date
    return labelled or published, modified


def _document_dated(text: str, label_end: int) -> bool:
    """Whether the date label ending at ``label_end`` is a document date's ("成文日期：")."""
    return P.DOCUMENT_DATE_LABEL.search(
        text, max(0, label_end - P.DATE_LABEL_REACH), label_end) is not None


def _source_and_writer(source: str | None) -> tuple[str | None, str | None]:
    return bylines.split_writer(source) if source else (None, None)


def _fields_from_info(info: str, found: Visible) -> None:
    if not P.CJK_TEXT.search(info):
        return      # every label, byline and outlet form below holds a CJK character
    found.source, writer = _source_and_writer(bylines.labelled_source(info))
    found.source_labelled = found.source is not None
    found.author = (bylines.labelled_author(info) or bylines.reporter(info)
                    or bylines.bracket_names(info) or writer)
    found.author_in_info = found.author is not None
    found.editor = bylines.labelled_editor(info)
    if found.source is None and found.published is not None:
        found.source = bylines.outlet_after(info[found.published.end:])
    if found.source is None:
        found.source = bylines.outlet_line(info)
        found.source_alone = found.source is not None


def _fields_from_body(text: str, found: Visible, chinese: bool) -> None:
    """Fields still missing, from the lines after the info block (bylines, editor lines).

    The lines are searched as one text, each pattern once; the earliest byline wins."""
    if found.author is None and chinese:
        found.author = bylines.first_byline(text)
    if found.source is None:
        found.source, writer = _source_and_writer(bylines.labelled_source(text))
        found.author = found.author or writer
    if found.editor is None:
        found.editor = bylines.labelled_editor(text)
    if found.published is None:
        for match in P.INFO_DATE_LINE.finditer(text):
            if _document_dated(text, match.end()):
                continue
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            if 0 <= line_end and not text[match.end():line_end].strip():
                line_end = text.find("\n", line_end + 1)   # "发布日期：" then the date below
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            if len(line) <= P.INFO_LINE_MAX_CHARS:
                published, updated = _split_dates(line, find_dates(line))
                found.published = published or updated
                if found.published is not None:
                    return


def read_visible(lines: list[str], title: str | None, *, chinese: bool = True) -> Visible:
    """Read the info block and bylines of a page from its visible lines.

    Bylines in the text (记者, 文/, names closing a paragraph) are looked for on Chinese
    pages only."""
    where = _Index(lines)
    found = Visible(text=where.text)
    title_at = _title_lines(lines, where, title)
    block: list[str] = []
    date: DateValue | None = None
    rest = 0
    for index in title_at:
        block, date, rest = _dated_block(lines, index)
        if date is not None:
            break
    if title_at and date is None:
        block, _, rest = _dated_block(lines, title_at[0])
    if date is None and chinese:
        dated = _labelled_date_line(lines, where, title_at[0] if title_at else 0)
        if dated is not None:
            block = block + _info_block(lines, dated, dated + P.INFO_AFTER_TITLE_LINES)
            if not title_at:
                rest = dated + 1
                found.headline = " ".join(lines[dated - 1].split()) if dated > 0 else None
    found.info = "\n".join(block)
    found.published, found.modified = _split_dates(found.info, find_dates(found.info))
    found.near_title = date is not None
    _fields_from_info(found.info, found)
    _fields_from_body(where.span(rest, P.BODY_SCAN_LINES, P.BODY_SCAN_CHARS), found, chinese)
    return found
