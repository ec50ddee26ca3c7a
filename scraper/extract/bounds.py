"""Bounds on what the parser is given: a page built to hurt, or just broken, is cut
deliberately before parsing, and the record says what was cut.

Lexbor builds the tree in time that grows with the depth of the open elements for each
tag (scope checks walk them), and with the attributes already on an element for each
attribute (the duplicate check), and for each option of a select with the options
before it: 100,000 nested ``<div>``s, or 60,000 attributes on one element, took a minute
or more. Three cuts, each tried only on a page that could need it (cheap counts decide;
a normal page is not scanned):

- **depth**: an element opened below ``MAX_DEPTH`` open elements is dropped, its text
  kept. Nesting that deep is read as flat text in the deepest element kept; a dropped
  block becomes a line break, so its lines stay lines.
- **attributes**: a start tag keeps its first ``MAX_ATTRIBUTES`` attributes (on a page
  of more than ``MANY_ATTRIBUTES`` in all, its first ``MAX_ATTRIBUTES_CROWDED_PAGE``: the
  parser's memory grows with them).
- **options**: a select keeps its first ``MAX_SELECT_OPTIONS`` options.

The depth is followed as the parser would, roughly: void and self-closed elements and
those whose end tag may be left out (``p``, ``li``, ``td``…) are never counted open, a
link closes the link open, an end tag closes every element opened after its own, and
comments and the text of scripts, styles and the like are skipped. Every step is
linear in the page's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

DEPTH = "depth"
ATTRIBUTES = "attributes"
OPTIONS = "options"

# Elements without an end tag, and those whose end tag is implied by what follows:
# neither ever holds the elements after it open.
_NEVER_OPEN = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
))
# Elements that close an open one of their own name when they start.
_CLOSES_ITS_OWN = frozenset(("a", "button", "nobr"))
# The options of a select (the parser's time per option grows with the options before).
_OPTION_TAGS = frozenset(("option", "optgroup"))
# Elements whose content the parser reads as text up to their end tag.
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
             "noframes", "noscript", "plaintext")
# One token: a comment, a raw-text element whole, or a start or end tag (group 2: "/"
# for an end tag, 3: the name, 4: the attributes). Each alternative also ends at the end
# of the page, so that an unclosed one is read once, never rescanned.
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(" + "|".join(_RAW_TEXT) + r")\b[^>]*(?:>|\Z).*?(?:</\1\s*>|\Z)"
    r"|<(/?)([A-Za-z][^\s/>]*)([^>]*)(?:>|\Z)",
    re.IGNORECASE | re.DOTALL)
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
    """``text`` with the elements opened below ``limit`` open elements dropped (a block
    becomes a line break) and the options of a select past MAX_SELECT_OPTIONS dropped,
    with what was cut (``DEPTH``, ``OPTIONS``); None when nothing had to be."""
    # The open elements, innermost last. One at index ``limit`` or deeper was dropped
    # (it was opened with ``limit`` others open), and keeps its index while open.
    names: list[str] = []
    open_count: dict[str, int] = {}
    cuts: list[tuple[int, int, str]] = []
    never_open = _NEVER_OPEN
    options = 0   # options met since the last <select> opened
    for match in _TOKEN.finditer(text):
        slash, name, attributes = match.group(2, 3, 4)
        if name is None:   # a comment or a raw-text element
            continue
        name = name.lower()
        if slash:   # an end tag: closes its element and every one opened after it
            if not open_count.get(name):
                continue
            _close(name, names, open_count)
            if len(names) >= limit:
                cuts.append((*match.span(), name))
            continue
        if name in _OPTION_TAGS:
            options += 1
            if options > P.MAX_SELECT_OPTIONS and open_count.get("select"):
                cuts.append((*match.span(), name))
            continue
        if name in _CLOSES_ITS_OWN and open_count.get(name):
            _close(name, names, open_count)   # as the parser does: <a> never holds <a>
        if name not in never_open and not attributes.endswith("/"):
            if len(names) >= limit:
                cuts.append((*match.span(), name))
            if name == "select":
                options = 0
            names.append(name)
            open_count[name] = open_count.get(name, 0) + 1
    if not cuts:
        return None
    return _without(text, cuts), sorted({OPTIONS if name in _OPTION_TAGS else DEPTH
                                         for _, _, name in cuts}, key=(DEPTH, OPTIONS).index)


def _close(name: str, names: list[str], open_count: dict[str, int]) -> None:
    """Close the innermost open ``name`` and every element opened after it."""
    while True:
        top = names.pop()
        open_count[top] -= 1
        if top == name:
            return


def _without(text: str, cuts: list[tuple[int, int, str]]) -> str:
    """``text`` without the ``cuts`` (start, end, tag name); a cut block tag becomes a
    line break when text came since the last one."""
    parts: list[str] = []
    start = 0
    broken = True   # a line break ends what is in ``parts`` (or nothing is there yet)
    for begin, end, name in cuts:
        between = text[start:begin]
        if between:
            parts.append(between)
            broken = broken and between.isspace()
        if not broken and name in P.BLOCK_TAGS:   # one break between two runs of text
            parts.append(_BREAK)
            broken = True
        start = end
    parts.append(text[start:])
    return "".join(parts)
