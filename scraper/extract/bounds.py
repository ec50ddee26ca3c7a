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

The depth is followed as the parser would, roughly (``depth_tokens`` states the rules,
``depth`` reads a page by them without a step of Python per tag below the bound). Every
step is linear in the page's length, and the flat text is text and line breaks only, so
what follows the parse (rendering, tidying its lines) is linear in it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import bound_patterns as B
from .depth import flatten
from .depth_tokens import DEPTH, OPTIONS

ATTRIBUTES = "attributes"

# One attribute, and a start tag with more than MAX_ATTRIBUTES of them (group 1: the
# tag up to the last attribute kept). Atomic groups: a normal tag fails after its few
# attributes without trying other ways to split them.
_ATTRIBUTE = r"""(?>\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)"""
_CROWDED_TAGS = {
    limit: re.compile(r"(<[A-Za-z][^\s/>]*+%s{%d})%s" % (_ATTRIBUTE, limit, _ATTRIBUTE))
    for limit in (B.MAX_ATTRIBUTES, B.MAX_ATTRIBUTES_CROWDED_PAGE)}
_TAG_END = re.compile(r"""(?:[^>"']++|"[^"]*"|'[^']*'|["'])*+(?:>|\Z)""")
# Every byte but "<" and "=": deleted from the page's UTF-8, they leave what the cheap
# counts count, in one pass (two counts read the whole page twice).
_NOT_COUNTED = bytes(code for code in range(256) if code not in b"<=")


@dataclass(frozen=True)
class Bounded:
    """The page as the parser gets it, and what was cut (``DEPTH``, ``ATTRIBUTES``,
    ``OPTIONS``)."""

    text: str
    cuts: tuple[str, ...] = ()


def bound(text: str, utf8: bytes | None = None) -> Bounded:
    """``text`` within the bounds (see the module docstring); the same string when
    nothing had to be cut. ``utf8``: the text in UTF-8, when the caller has it."""
    cuts = []
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    marks = utf8.translate(None, _NOT_COUNTED)   # ASCII: the text's own '<' and '='
    tags = marks.count(b"<")
    equals = len(marks) - tags
    sparse = len(text) > B.ATTRIBUTE_SCAN_CHARS_PER_TAG * (tags + 1)   # long tags, or text
    if equals > B.ATTRIBUTE_SCAN_MIN_EQUALS or sparse:
        limit = B.MAX_ATTRIBUTES_CROWDED_PAGE if equals > B.MANY_ATTRIBUTES else B.MAX_ATTRIBUTES
        cut = _cut_attributes(text, limit)
        if cut is not None:
            text = cut
            cuts.append(ATTRIBUTES)
    if tags > B.DEPTH_SCAN_MIN_TAGS:
        flat = flatten(text, B.MAX_DEPTH)
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
