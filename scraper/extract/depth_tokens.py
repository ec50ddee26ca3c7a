"""The depth cut, read tag by tag (see ``bounds``): below ``limit`` open elements every
tag is dropped but those of void elements, and the text is kept as flat lines; a select
keeps its first ``MAX_SELECT_OPTIONS`` options.

The depth is followed as the parser would, roughly: void and self-closed elements and
those whose end tag may be left out (``p``, ``li``, ``td``…) are never counted open, a
link closes the link open, an end tag closes every element opened after its own, and
comments and the text of scripts, styles and the like are skipped. ``flatten_tokens``
reads every tag of the page in turn: it is the reference for these rules, and the
reading ``depth.flatten`` falls back to.
"""

from __future__ import annotations

import re

from . import bound_patterns as B
from . import patterns as P

DEPTH = "depth"
OPTIONS = "options"

# Elements whose end tag is implied by what follows: never counted open (the next one
# closes them), but below the depth bound dropped like any other (a table's rows there
# would be rows of the deepest table kept, not flat text).
END_OPTIONAL = frozenset((
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
))
# Elements that close an open one of their own name when they start.
CLOSES_ITS_OWN = frozenset(("a", "button", "nobr"))
# The options of a select (the parser's time per option grows with the options before).
OPTION_TAGS = frozenset(("option", "optgroup"))
# A dropped tag that ends a line: a block, or a line break.
LINE_ENDS = P.BLOCK_TAGS | {"br"}
# Elements whose content the parser reads as text up to their end tag.
RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
            "noframes", "noscript", "plaintext")
# One token, whole (group 1): a comment, a raw-text element whole (group 2: its name),
# a start tag (group 3: its name) or an end tag (group 4: its name). The page is split
# on it: text, token, the three names, text… (``STRIDE`` items a token).
# (The lookahead on two letters spares most tags the trial of every raw-text name, and
# possessive runs any backtracking: the split is half the scan's time.)
TOKEN = re.compile(
    r"(<(?:!--.*?(?:-->|\Z)"
    r"|(?=%s)(%s)\b[^>]*(?:>|\Z).*?(?:</\2\s*>|\Z)"
    r"|([A-Za-z][^\s/>]*+)[^>]*+(?:>|\Z)"
    r"|/([A-Za-z][^\s/>]*+)[^>]*+(?:>|\Z)))"
    % ("|".join(sorted({name[:2] for name in RAW_TEXT})), "|".join(RAW_TEXT)),
    re.IGNORECASE | re.DOTALL)
STRIDE = 5
BREAK = "<br>"

# Start tags that never open an element (their end tags close nothing).
NEVER_OPEN = P.VOID_TAGS | END_OPTIONAL
# The tokens as ``TOKEN`` reads them, as regex sources for the scans of ``depth`` and
# ``depth_flat`` (each also ends at the end of the page, so that an unclosed one is read
# once): a tag's first letter, as ``[A-Za-z]`` matches ignoring case (the Kelvin sign is
# a ``k``); a comment; a raw-text element whole; a tag.
LETTER = "[A-Za-z\u0130\u0131\u017f\u212a]"
COMMENT = r"!--.*?(?:-->|\Z)"
RAW_ELEMENT = r"(?i:(?=%s)(?:%s))" % ("|".join(sorted({name[:2] for name in RAW_TEXT})), "|".join(
    r"%s\b[^>]*+(?:>|\Z).*?(?:</%s\s*>|\Z)" % (name, name) for name in RAW_TEXT))
TAG = r"/?%s[^>]*+(?:>|\Z)" % LETTER

Cut = tuple[str, list[str]]


def flatten_tokens(text: str, limit: int) -> Cut | None:
    """``text`` with every tag below ``limit`` open elements dropped but those of void
    elements (a dropped block or line break becomes a line break) and the options of a
    select past MAX_SELECT_OPTIONS dropped, with what was cut (``DEPTH``, ``OPTIONS``);
    None when nothing had to be.

    One regex split, then one pass over the tokens doing a few set and list operations
    each (on a page of hostile nesting, every tag is a token: this loop is the scan's
    cost, so it is kept flat).
    """
    pieces: list[str | None] = TOKEN.split(text)
    # The open elements, innermost last. One at index ``limit`` or deeper was dropped
    # (it was opened with ``limit`` others open), and keeps its index while open.
    names: list[str] = []
    open_count: dict[str, int] = {}
    depth = 0   # len(names)
    depth_cut = options_cut = False
    broken = True   # no text since the last line break put in (or the page's start)
    last = 1 - STRIDE   # the last token cut (the text after it is at ``last + STRIDE - 1``)
    options = 0   # options met since the last <select> opened
    for at, start, end in zip(range(1, len(pieces), STRIDE),
                              pieces[3::STRIDE], pieces[4::STRIDE]):
        if end is not None:   # an end tag: closes its element and every one opened after it
            name = end.lower()
            if open_count.get(name):
                if names[-1] == name:
                    names.pop()
                    open_count[name] -= 1
                else:
                    close(name, names, open_count)
                depth = len(names)
            if depth < limit:
                continue
        elif start is None:   # a comment or a raw-text element
            continue
        else:
            name = start.lower()
            if name in P.VOID_TAGS:   # never open, and kept below the bound too
                continue
            if name in END_OPTIONAL:
                if name in OPTION_TAGS:
                    options += 1
                    if depth < limit and options > B.MAX_SELECT_OPTIONS and open_count.get("select"):
                        pieces[at], options_cut = "", True
                        continue
                if depth < limit:
                    continue
            else:
                if name in CLOSES_ITS_OWN and open_count.get(name):
                    close(name, names, open_count)   # as the parser does: <a> never holds <a>
                    depth = len(names)
                elif name == "select":
                    options = 0
                if pieces[at].endswith("/>"):   # type: ignore[union-attr]
                    if depth < limit:
                        continue
                else:
                    names.append(name)
                    open_count[name] = open_count.get(name, 0) + 1
                    depth += 1
                    if depth <= limit:
                        continue
        # Dropped: a tag below the bound. One line break between two runs of text.
        depth_cut = True
        if broken:   # the text just before (as between most cuts), or all since the last cut
            text = pieces[at - 1]   # type: ignore[assignment]
            broken = (not text or text.isspace()) if at - last == STRIDE else \
                not _piece_text(pieces, last + STRIDE - 1, at)
        if not broken and name in LINE_ENDS:
            pieces[at], broken = BREAK, True
        else:
            pieces[at] = ""
        last = at
    if not (depth_cut or options_cut):
        return None
    del pieces[2::STRIDE]       # the names go: text, token, start, end, text…
    del pieces[2::STRIDE - 1]   # text, token, end, text…
    del pieces[2::STRIDE - 2]   # text, token, text…
    kinds = [DEPTH] * depth_cut + [OPTIONS] * options_cut
    return "".join(pieces), kinds   # type: ignore[arg-type]


def _piece_text(pieces: list[str | None], start: int, end: int) -> bool:
    """Whether the text pieces from ``start`` up to the token at ``end`` hold more than
    whitespace (the tokens between them, kept, are not text)."""
    return any(text and not text.isspace()   # type: ignore[union-attr]
               for text in pieces[start:end:STRIDE])


def close(name: str, names: list[str], open_count: dict[str, int]) -> None:
    """Close the innermost open ``name`` and every element opened after it."""
    while True:
        top = names.pop()
        open_count[top] -= 1
        if top == name:
            return
