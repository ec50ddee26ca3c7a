"""A document's closing signature: the issuing organ and the date it was written.

A government document ends with its signature, right-aligned: the organ (one line per
organ of a joint document), then the date, in digits or Chinese numerals::

    <p style="text-align: right">福州市应急管理局</p>
    <p style="text-align: right">二〇二四年八月五日</p>

Where a page has no attribute block (``document``), these lines give ``issuer`` and
``written``. They are read from the body's last lines (they stay in the body: they are
part of the document), and only when the page shows them right-aligned, so a news
article's closing date or a byline is never taken for a signature. Pure: the tree is
only read.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from . import document_patterns as P
from .dates import DateValue, find_date

__all__ = ["read_signature"]


def read_signature(tree: LexborHTMLParser, body: str) -> dict[str, str] | None:
    """``issuer`` and ``written`` from the signature closing ``body`` (the article's
    text, read from ``tree``), or None when it does not close with one."""
    # The last lines only: splitting a long body whole would cost more than the rest.
    tail = body.rsplit("\n", P.SIGNATURE_TAIL_LINES)[-P.SIGNATURE_TAIL_LINES:]
    dated = [(at, date) for at, line in enumerate(tail) if (date := _date_line(line))]
    if not dated:
        return None   # most pages: no CSS query at all
    aligned = _right_aligned_texts(tree)
    if not aligned:
        return None
    for at, date in reversed(dated):
        if not _shown_right(tail[at], aligned):
            continue
        organs = _organs_above(tail, at, aligned)
        before = " ".join(tail[at][: date.start].split())
        if not organs and _organ(before):
            organs = [before]   # "福州市应急管理局 2024年3月15日" on one line
        if organs:
            return {"issuer": " ".join(organs),
                    "written": date.iso_date}
    return None


def _date_line(line: str) -> DateValue | None:
    """The date a signature's date line holds: a date and little else, or an organ and a
    date on one line."""
    date = find_date(line, english=False)
    if date is None:
        return None
    after = "".join(line[date.end:].split())
    before = "".join(line[: date.start].split())
    if len(after) + len(before) <= P.DATE_LINE_SLACK_CHARS or \
            (len(after) <= P.DATE_LINE_SLACK_CHARS and _organ(before)):
        return date
    return None


def _organs_above(tail: list[str], at: int, aligned: list[str]) -> list[str]:
    """The organ lines right above line ``at``, shown right-aligned, in page order."""
    organs: list[str] = []
    above = at - 1
    while above >= 0 and len(organs) < P.ORGANS_MAX:
        line = " ".join(tail[above].split())
        if not (_organ(line) and _shown_right(line, aligned)):
            break
        organs.insert(0, line)
        above -= 1
    return organs


def _organ(text: str) -> bool:
    """Whether ``text`` reads as an organ's name: "福州市应急管理局", "中共福州市委办公厅"."""
    text = text.strip()
    return 0 < len(text) <= P.ORGAN_MAX_CHARS and P.ORGAN_CHARS.match(text) is not None \
        and text.endswith(P.ORGAN_ENDINGS)


def _right_aligned_texts(tree: LexborHTMLParser) -> list[str]:
    """The texts of the page's right-aligned elements, whitespace squeezed out."""
    body = tree.body
    if body is None:
        return []
    texts = []
    for node in body.css(P.RIGHT_ALIGNED):
        attrs = node.attributes
        if (attrs.get("align") or "").strip().lower() == "right" \
                or P.RIGHT_STYLE.search(attrs.get("style") or ""):
            text = P.squeeze(node.text())
            if text:
                texts.append(text)
    return texts


def _shown_right(line: str, aligned: list[str]) -> bool:
    squeezed = P.squeeze(line)
    return bool(squeezed) and any(squeezed in text for text in aligned)
