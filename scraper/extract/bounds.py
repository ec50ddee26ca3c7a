"""Bounds on what the parser is given: a page built to hurt, or just broken, is cut
deliberately before parsing, and the record says what was cut.

Lexbor builds the tree in time that grows with the depth of the open elements for each
tag (scope checks walk them), and with the attributes already on an element for each
attribute (the duplicate check): 100,000 nested ``<div>``s, or 60,000 attributes on one
element, took a minute or more. Two cuts, each tried only on a page that could need it
(cheap counts decide; a normal page is not scanned):

- **depth**: an element opened below ``MAX_DEPTH`` open elements is dropped, its text
  kept. Nesting that deep is read as flat text in the deepest element kept; a dropped
  block becomes a line break, so its lines stay lines.
- **attributes**: a start tag keeps its first ``MAX_ATTRIBUTES`` attributes.

The depth is followed as the parser would, roughly: void and self-closed elements and
those whose end tag may be left out (``p``, ``li``, ``td``…) are never counted open,
an end tag closes every element opened after its own, and comments and the text of
scripts, styles and the like are skipped. Every step is linear in the page's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P

DEPTH = "depth"
ATTRIBUTES = "attributes"

# Elements without an end tag, and those whose end tag is implied by what follows:
# neither ever holds the elements after it open.
_NEVER_OPEN = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
))
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
_CROWDED_TAG = re.compile(r"(<[A-Za-z][^\s/>]*+%s{%d})%s"
                          % (_ATTRIBUTE, P.MAX_ATTRIBUTES, _ATTRIBUTE))
_TAG_END = re.compile(r"""(?:[^>"']++|"[^"]*"|'[^']*'|["'])*+(?:>|\Z)""")
_BREAK = "<br>"


@dataclass(frozen=True)
class Bounded:
    """The page as the parser gets it, and what was cut (``DEPTH``, ``ATTRIBUTES``)."""

    text: str
    cuts: tuple[str, ...] = ()


def bound(text: str) -> Bounded:
    """``text`` within the bounds (see the module docstring); the same string when
    nothing had to be cut."""
    cuts = []
    if text.count("=") > P.ATTRIBUTE_SCAN_MIN_EQUALS:
        cut = _cut_attributes(text)
        if cut is not None:
            text = cut
            cuts.append(ATTRIBUTES)
    if text.count("<") > P.DEPTH_SCAN_MIN_TAGS:
        flat = _flatten(text, P.MAX_DEPTH)
        if flat is not None:
            text = flat
            cuts.append(DEPTH)
    return Bounded(text, tuple(cuts))


def _cut_attributes(text: str) -> str | None:
    """``text`` with each start tag's attributes past MAX_ATTRIBUTES dropped; None when
    no tag has that many."""
    parts: list[str] = []
    start = 0
    for match in _CROWDED_TAG.finditer(text):
        end = _TAG_END.match(text, match.end())
        assert end is not None   # it matches the empty string at worst
        parts += [text[start:match.end(1)], ">"]
        start = end.end()
    if not parts:
        return None
    parts.append(text[start:])
    return "".join(parts)


def _flatten(text: str, limit: int) -> str | None:
    """``text`` with the elements opened below ``limit`` open elements dropped (a block
    becomes a line break); None when no element is that deep."""
    # The open elements, innermost last. One at index ``limit`` or deeper was dropped
    # (it was opened with ``limit`` others open), and keeps its index while open.
    names: list[str] = []
    open_count: dict[str, int] = {}
    cuts: list[tuple[int, int, str]] = []
    never_open = _NEVER_OPEN
    for match in _TOKEN.finditer(text):
        slash, name, attributes = match.group(2, 3, 4)
        if name is None:   # a comment or a raw-text element
            continue
        name = name.lower()
        if slash:   # an end tag: closes its element and every one opened after it
            if not open_count.get(name):
                continue
            while True:
                top = names.pop()
                open_count[top] -= 1
                if top == name:
                    break
            if len(names) >= limit:
                cuts.append((*match.span(), name))
        elif name not in never_open and not attributes.endswith("/"):
            if len(names) >= limit:
                cuts.append((*match.span(), name))
            names.append(name)
            open_count[name] = open_count.get(name, 0) + 1
    if not cuts:
        return None
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
