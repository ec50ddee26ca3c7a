"""The depth cut (see ``bounds``; its rules are in ``depth_tokens``), read without a
step of Python per tag where generated nesting has hundreds of thousands of tags.

``flatten`` follows the tags one by one while the open elements are fewer than the
bound. Below it, only what can close an element there is looked at one at a time (end
tags, ``a``/``button``/``nobr``, selects and options): the start tags between are
skipped by one regex match and their names read in one call when an end tag needs them,
and a run of end tags that closes the innermost open elements in order (one end tag
repeated, above all) is taken in one step. When nothing after the point where the bound
is first reached can close an element, the rest of the page is one span below it and
is not followed at all. A span below the bound is flattened by replacing each distinct
tag everywhere at once: a few passes over a span of generated nesting.

Each span is read a bounded number of times, so the time stays linear in the page's
length. The spans are flattened in ``depth_flat``. A span holding what substitution
cannot read as the tokenizer does (a comment, a raw-text element, a ``<`` that starts no
tag or a tag holding one) or more than ``_DISTINCT_TAGS_MAX`` distinct tags, more than
``_STEPS_MAX`` steps below the bound, or a page holding every character the line-break
marker could be, and the page is read by ``flatten_tokens`` instead. The result is the same either way (tests/test_bounds.py
compares the two).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import islice

from . import bound_patterns as B
from .depth_flat import RAW_START, DeepSpan, Free, NotFlat, drop_tags, join_flat
from .depth_tokens import (CLOSES_ITS_OWN, COMMENT, LETTER, NEVER_OPEN, OPTION_TAGS, RAW_ELEMENT,
                           TAG, TOKEN, Cut, close, flatten_tokens)

# Start tags read one by one below the bound: they close an element or count options.
_ONE_BY_ONE = CLOSES_ITS_OWN | OPTION_TAGS | {"select"}


def _names(names: frozenset[str] | set[str]) -> str:
    """An alternation of tag names, each matched whole and as ``str.lower`` reads it (the
    Kelvin sign is a ``k``), without the slower IGNORECASE."""
    def char(c: str) -> str:
        return "[%s]" % "".join(sorted({c, c.upper()} | ({"\u212a"} if c == "k" else set())))
    return r"(?:%s)(?![^\s/>])" % "|".join("".join(map(char, name)) for name in sorted(names))


# Below the bound: everything up to the next tag read one by one (an end tag that may
# close an element, or a start tag of ``_ONE_BY_ONE``): text, comments, raw-text
# elements, other start tags, end tags of elements never open, a ``<`` that starts no tag.
_SKIP = re.compile(r"(?:[^<]++|<(?:%s|%s|(?!%s)%s[^>]*+(?:>|\Z)|/%s[^>]*+(?:>|\Z)"
                   r"|(?!%s|/%s)))*+"
                   % (COMMENT, RAW_ELEMENT, _names(_ONE_BY_ONE), LETTER, _names(NEVER_OPEN),
                      LETTER, LETTER), re.DOTALL)
# Every token whole, to read the names of the elements a span of ``_SKIP`` opens.
_TOKENS = re.compile(r"<(?:%s|%s|%s)" % (COMMENT, RAW_ELEMENT, TAG), re.DOTALL)
_OPENING = re.compile(r"<(%s[^\s/>]*+)[^>]*+>?(?<!/>)\Z" % LETTER)
# A run of end tags (and the whitespace between), and the name of each.
_END_RUN = re.compile(r"(?:</%s[^>]*+(?:>|\Z)\s*)+" % LETTER)
_END_NAME = re.compile(r"</(%s[^\s/>]*+)[^>]*+(?:>|\Z)" % LETTER)
_END_REPEATED = re.compile(r"(</%s[^>]*+(?:>|\Z)\s*)\1*+" % LETTER)
# Steps below the bound (an end tag or a run of them, a tag of ``_ONE_BY_ONE``) after
# which the page is read tag by tag instead: generated nesting takes a few, and a page
# that crosses the bound at every other tag is read faster by ``flatten_tokens``.
_STEPS_MAX = 1_000


def flatten(text: str, limit: int) -> Cut | None:
    """``text`` with every tag below ``limit`` open elements dropped but those of void
    elements (a dropped block or line break becomes a line break) and the options of a
    select past MAX_SELECT_OPTIONS dropped, with what was cut (``DEPTH``, ``OPTIONS``);
    None when nothing had to be. The same result as ``flatten_tokens``."""
    free = Free(text)
    if free.marker is not None:
        try:
            spans = _Spans(text, limit, free).read()
            return join_flat(text, spans.deep, spans.options_cut, free)
        except NotFlat:
            pass
    return flatten_tokens(text, limit)


class _Spans:
    """The spans of a page below the depth bound, and the options past the bound, found
    by following the open elements (see the module docstring)."""

    def __init__(self, text: str, limit: int, free: Free) -> None:
        self.text, self.limit, self.free = text, limit, free
        self.names: list[str] = []   # the open elements, innermost last
        self.open_count: dict[str, int] = {}   # the open elements by name
        self.options = 0   # options met since the last <select> opened
        # Spans below the bound, each with its tags already dropped (markers for the
        # line breaks, see ``drop_tags``) when it was read whole.
        self.deep: list[DeepSpan] = []
        self.options_cut: list[tuple[int, int]] = []
        self.opening = _Opening()
        self.steps = 0   # below the bound (see ``_STEPS_MAX``)

    def read(self) -> _Spans:
        at: int | None = 0
        while at is not None:
            start = self.above(at)
            if start is None:
                return self
            # The first time the bound is reached: is the rest of the page one span
            # below it? (Tried once: each try reads the rest of the page.)
            rest = None if self.deep else drop_tags(self.text[start:], self.free, stop=True)
            if rest is not None:   # nothing after ``start`` can close an element
                self.deep.append((start, len(self.text), rest))
                return self
            at = self.below(start)
        return self

    def is_open(self, name: str) -> bool:
        return bool(self.open_count.get(name))

    def close(self, name: str) -> None:
        """Close the innermost open ``name`` and every element opened after it."""
        close(name, self.names, self.open_count)

    def count(self, names: list[str], step: int) -> None:
        """Add ``step`` (1 or -1) to the open count of each of ``names``."""
        open_count = self.open_count
        for name, count in (Counter(names) if len(set(names)) > 1 else {names[0]: len(names)}).items():
            open_count[name] = open_count.get(name, 0) + step * count

    def above(self, at: int) -> int | None:
        """Follow the tags from ``at`` one by one while the open elements are fewer than
        the bound; where they reach it (the text below starts), or None at the end.
        (Every tag of a page is one step here: the loop is kept flat.)"""
        names, open_count, limit = self.names, self.open_count, self.limit
        for match in TOKEN.finditer(self.text, at):
            end = match[4]
            if end is not None:
                name = end.lower()
                if open_count.get(name):
                    if names[-1] == name:
                        names.pop()
                        open_count[name] -= 1
                    else:
                        close(name, names, open_count)
                continue
            start = match[3]
            if start is None:
                continue
            name = start.lower()
            if name in NEVER_OPEN:
                if name in OPTION_TAGS:
                    self.options += 1
                    if self.options > B.MAX_SELECT_OPTIONS and open_count.get("select"):
                        self.options_cut.append(match.span())
                continue
            if name in CLOSES_ITS_OWN and open_count.get(name):
                close(name, names, open_count)   # as the parser does: <a> never holds <a>
            elif name == "select":
                self.options = 0
            if match[1].endswith("/>"):
                continue
            names.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(names) >= limit:
                return match.end()
        return None

    def below(self, start: int) -> int | None:
        """Follow the tags from ``start``, where the open elements reach the bound, to
        where they fall below it again (returned; None at the end); the span between
        is below the bound."""
        text, names, limit = self.text, self.names, self.limit
        pending = at = start   # the start tags from ``pending`` on are not in ``names`` yet
        while True:
            self.steps += 1
            if self.steps > _STEPS_MAX:
                raise NotFlat
            at = _SKIP.match(text, at).end()   # type: ignore[union-attr]   # matches '' at worst
            if at >= len(text):
                self.deep.append((start, len(text), None))
                return None
            self.open_between(pending, at)
            match = TOKEN.match(text, at)
            assert match is not None   # _SKIP stops only before a tag
            if match[4] is not None:
                at, back = self.end_tags(at)
            else:
                back = self.one_start_tag(match)
                at = match.end()
            pending = at
            if back is not None:   # the open elements fell below the bound before ``back``
                self.deep.append((start, back, None))
                if len(names) < limit:
                    return at
                start = at   # a link that closed one and opened one at the bound

    def open_between(self, start: int, end: int) -> None:
        """Open the elements whose start tags lie between ``start`` and ``end`` (where
        no end tag or tag of ``_ONE_BY_ONE`` is)."""
        span = self.text[start:end]
        tokens = _TOKENS.findall(span)
        opened = list(filter(None, map(self.opening.__getitem__, tokens)))
        if opened:
            self.names += opened
            self.count(opened, 1)

    def one_start_tag(self, match: re.Match[str]) -> int | None:
        """A start tag of ``_ONE_BY_ONE`` below the bound; its start when it is kept."""
        name = match[3].lower()
        if name in OPTION_TAGS:
            self.options += 1   # dropped below the bound, but counted
            return None
        if name in CLOSES_ITS_OWN and self.is_open(name):
            self.close(name)
        elif name == "select":
            self.options = 0
        if not match[1].endswith("/>"):
            self.names.append(name)
            self.open_count[name] = self.open_count.get(name, 0) + 1
            return match.start() if len(self.names) <= self.limit else None
        return match.start() if len(self.names) < self.limit else None

    def end_tags(self, at: int) -> tuple[int, int | None]:
        """The run of end tags from ``at``, below the bound: in one step when they close
        the innermost open elements in order (or none at all), else one by one. Where
        reading goes on, and the start of the one that brought the open elements below
        the bound (kept), if one did."""
        text, names, open_count = self.text, self.names, self.open_count
        first = _END_NAME.match(text, at)
        assert first is not None
        repeated = _END_REPEATED.match(text, at)   # one end tag repeated (generated nesting)
        assert repeated is not None
        size = len(repeated[1])
        count = (repeated.end() - at) // size
        ends = [first[1].lower()] * count
        if count > 1 and names[-count:] == ends:
            tag = len(first[0])
            return self.close_run(repeated.end(), ends,
                                  lambda n: (at + n * size, at + n * size + tag))
        end = _END_RUN.match(text, at).end()   # type: ignore[union-attr]
        ends = list(map(str.lower, _END_NAME.findall(text, at, end)))
        if names[-len(ends):] == ends[::-1]:
            return self.close_run(end, ends, lambda n: _nth_end_tag(text, at, end, n))
        if not any(map(self.is_open, set(ends))):
            return end, None   # they close nothing
        for match in _END_NAME.finditer(text, at, end):
            name = match[1].lower()
            if open_count.get(name):
                close(name, names, open_count)
                if len(names) < self.limit:
                    return match.end(), match.start()
        return end, None

    def close_run(self, end: int, ends: list[str],
                  nth: Callable[[int], tuple[int, int]]) -> tuple[int, int | None]:
        """End tags that close the innermost open elements in order, up to ``end``; as
        ``end_tags``. ``nth``: the span of the nth of them (from 0)."""
        names, count = self.names, len(ends)
        above = len(names) - self.limit   # end tags that leave the open elements at the bound or deeper
        if above >= count:
            del names[-count:]
            self.count(ends, -1)
            return end, None
        del names[len(names) - above - 1:]
        self.count(ends[:above + 1], -1)
        back_start, back_end = nth(above)
        return back_end, back_start


class _Opening(dict[str, str]):
    """Token → the name of the element it opens, or '' (a start tag of an element never
    open, a self-closed one, an end tag, a comment, a raw-text element)."""

    def __missing__(self, token: str) -> str:
        match = _OPENING.match(token)
        name = "" if match is None or RAW_START.match(token) else match[1].lower()
        name = self[token] = "" if name in NEVER_OPEN else name
        return name


def _nth_end_tag(text: str, start: int, end: int, n: int) -> tuple[int, int]:
    """The span of the ``n``th end tag (from 0) of the run of end tags from ``start`` to
    ``end``."""
    return next(islice(_END_NAME.finditer(text, start, end), n, None)).span()
