"""Bounds on what the parser is given: a page built to hurt, or just broken, is cut
deliberately before parsing, and the record says what was cut.

Lexbor builds the tree in time that grows with the depth of the open elements for each
tag (scope checks walk them), and with the attributes already on an element for each
attribute (the duplicate check), and for each option of a select with the options
before it: 100,000 nested ``<div>``s, or 60,000 attributes on one element, took a minute
or more. Three cuts, each tried only on a page that could need it (cheap counts decide;
a normal page is not scanned):

- **depth**: below ``MAX_DEPTH`` open elements, every tag is dropped (those of void
  elements, a line break or an image, stay) and the text kept. Nesting that deep is
  read as flat text in the deepest element kept; a dropped block becomes a line break,
  so its lines stay lines.
- **attributes**: a start tag keeps its first ``MAX_ATTRIBUTES`` attributes (on a page
  of more than ``MANY_ATTRIBUTES`` in all, its first ``MAX_ATTRIBUTES_CROWDED_PAGE``: the
  parser's memory grows with them).
- **options**: a select keeps its first ``MAX_SELECT_OPTIONS`` options.

The depth is followed as the parser would, roughly: void and self-closed elements and
those whose end tag may be left out (``p``, ``li``, ``td``…) are never counted open, a
link closes the link open, an end tag closes every element opened after its own, and
comments and the text of scripts, styles and the like are skipped. Every step is
linear in the page's length, and the flat text is text and line breaks only, so what
follows the parse (rendering, tidying its lines) is linear in it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

DEPTH = "depth"
ATTRIBUTES = "attributes"
OPTIONS = "options"

# Elements whose end tag is implied by what follows: never counted open (the next one
# closes them), but below the depth bound dropped like any other (a table's rows there
# would be rows of the deepest table kept, not flat text).
_END_OPTIONAL = frozenset((
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
))
# Elements that close an open one of their own name when they start.
_CLOSES_ITS_OWN = frozenset(("a", "button", "nobr"))
# The options of a select (the parser's time per option grows with the options before).
_OPTION_TAGS = frozenset(("option", "optgroup"))
# A dropped tag that ends a line: a block, or a line break.
_LINE_ENDS = P.BLOCK_TAGS | {"br"}
# Elements whose content the parser reads as text up to their end tag.
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
             "noframes", "noscript", "plaintext")
# One token, whole (group 1): a comment, a raw-text element whole (group 2: its name),
# a start tag (group 3: its name) or an end tag (group 4: its name). Each alternative
# also ends at the end of the page, so that an unclosed one is read once, never
# rescanned. The page is split on it: text, token, the three names, text… (``_STRIDE``
# items a token).
# (The lookahead on two letters spares most tags the trial of every raw-text name, and
# possessive runs any backtracking: the split is half the scan's time.)
_TOKEN = re.compile(
    r"(<(?:!--.*?(?:-->|\Z)"
    r"|(?=%s)(%s)\b[^>]*(?:>|\Z).*?(?:</\2\s*>|\Z)"
    r"|([A-Za-z][^\s/>]*+)[^>]*+(?:>|\Z)"
    r"|/([A-Za-z][^\s/>]*+)[^>]*+(?:>|\Z)))"
    % ("|".join(sorted({name[:2] for name in _RAW_TEXT})), "|".join(_RAW_TEXT)),
    re.IGNORECASE | re.DOTALL)
_STRIDE = 5
# One attribute, and a start tag with more than MAX_ATTRIBUTES of them (group 1: the
# tag up to the last attribute kept). Atomic groups: a normal tag fails after its few
# attributes without trying other ways to split them.
_ATTRIBUTE = r"""(?>\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)"""
_CROWDED_TAGS = {
    limit: re.compile(r"(<[A-Za-z][^\s/>]*+%s{%d})%s" % (_ATTRIBUTE, limit, _ATTRIBUTE))
    for limit in (P.MAX_ATTRIBUTES, P.MAX_ATTRIBUTES_CROWDED_PAGE)}
_TAG_END = re.compile(r"""(?:[^>"']++|"[^"]*"|'[^']*'|["'])*+(?:>|\Z)""")
_BREAK = "<br>"


@dataclass(frozen=True)
class Bounded:
    """The page as the parser gets it, and what was cut (``DEPTH``, ``ATTRIBUTES``,
    ``OPTIONS``)."""

    text: str
    cuts: tuple[str, ...] = ()


def bound(text: str) -> Bounded:
    """``text`` within the bounds (see the module docstring); the same string when
    nothing had to be cut."""
    cuts = []
    tags, equals = text.count("<"), text.count("=")
    sparse = len(text) > P.ATTRIBUTE_SCAN_CHARS_PER_TAG * (tags + 1)   # long tags, or text
    if equals > P.ATTRIBUTE_SCAN_MIN_EQUALS or sparse:
        limit = P.MAX_ATTRIBUTES_CROWDED_PAGE if equals > P.MANY_ATTRIBUTES else P.MAX_ATTRIBUTES
        cut = _cut_attributes(text, limit)
        if cut is not None:
            text = cut
            cuts.append(ATTRIBUTES)
    if tags > P.DEPTH_SCAN_MIN_TAGS:
        flat = _flatten(text, P.MAX_DEPTH)
        if flat is not None:
            text = flat[0]
            cuts += flat[1]
    return Bounded(text, tuple(cuts))


def _cut_attributes(text: str, limit: int) -> str | None:
    """``text`` with each start tag's attributes past ``limit`` dropped; None when no
    tag has that many."""
    parts: list[str] = []
    start = 0
    for match in _CROWDED_TAGS[limit].finditer(text):
        end = _TAG_END.match(text, match.end())
        assert end is not None   # it matches the empty string at worst
        parts += [text[start:match.end(1)], ">"]
        start = end.end()
    if not parts:
        return None
    parts.append(text[start:])
    return "".join(parts)


def _flatten(text: str, limit: int) -> tuple[str, list[str]] | None:
    """``text`` with every tag below ``limit`` open elements dropped but those of void
    elements (a dropped block or line break becomes a line break) and the options of a
    select past MAX_SELECT_OPTIONS dropped, with what was cut (``DEPTH``, ``OPTIONS``);
    None when nothing had to be.

    One regex split, then one pass over the tokens doing a few set and list operations
    each (on a page of hostile nesting, every tag is a token: this loop is the scan's
    cost, so it is kept flat).
    """
    pieces: list[str | None] = _TOKEN.split(text)
    # The open elements, innermost last. One at index ``limit`` or deeper was dropped
    # (it was opened with ``limit`` others open), and keeps its index while open.
    names: list[str] = []
    open_count: dict[str, int] = {}
    depth = 0   # len(names)
    depth_cut = options_cut = False
    broken = True   # no text since the last line break put in (or the page's start)
    last = 1 - _STRIDE   # the last token cut (the text after it is at ``last + _STRIDE - 1``)
    options = 0   # options met since the last <select> opened
    for at, start, end in zip(range(1, len(pieces), _STRIDE),
                              pieces[3::_STRIDE], pieces[4::_STRIDE]):
        if end is not None:   # an end tag: closes its element and every one opened after it
            name = end.lower()
            if open_count.get(name):
                if names[-1] == name:
                    names.pop()
                    open_count[name] -= 1
                else:
                    _close(name, names, open_count)
                depth = len(names)
            if depth < limit:
                continue
        elif start is None:   # a comment or a raw-text element
            continue
        else:
            name = start.lower()
            if name in P.VOID_TAGS:   # never open, and kept below the bound too
                continue
            if name in _END_OPTIONAL:
                if name in _OPTION_TAGS:
                    options += 1
                    if depth < limit and options > P.MAX_SELECT_OPTIONS and open_count.get("select"):
                        pieces[at], options_cut = "", True
                        continue
                if depth < limit:
                    continue
            else:
                if name in _CLOSES_ITS_OWN and open_count.get(name):
                    _close(name, names, open_count)   # as the parser does: <a> never holds <a>
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
            text = pieces[at - 1]
            broken = (not text or text.isspace()) if at - last == _STRIDE else \
                not _has_text(pieces, last + _STRIDE - 1, at)
        if not broken and name in _LINE_ENDS:
            pieces[at], broken = _BREAK, True
        else:
            pieces[at] = ""
        last = at
    if not (depth_cut or options_cut):
        return None
    del pieces[2::_STRIDE]       # the names go: text, token, start, end, text…
    del pieces[2::_STRIDE - 1]   # text, token, end, text…
    del pieces[2::_STRIDE - 2]   # text, token, text…
    kinds = [DEPTH] * depth_cut + [OPTIONS] * options_cut
    return "".join(pieces), kinds   # type: ignore[arg-type]


def _has_text(pieces: list[str | None], start: int, end: int) -> bool:
    """Whether the text pieces from ``start`` up to the token at ``end`` hold more than
    whitespace (the tokens between them, kept, are not text)."""
    return any(text and not text.isspace()   # type: ignore[union-attr]
               for text in pieces[start:end:_STRIDE])


def _close(name: str, names: list[str], open_count: dict[str, int]) -> None:
    """Close the innermost open ``name`` and every element opened after it."""
    while True:
        top = names.pop()
        open_count[top] -= 1
        if top == name:
            return
