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
length. A span holding what substitution cannot read as the tokenizer does (a comment, a
raw-text element, a ``<`` that starts no tag or a tag holding one) or more than
``_DISTINCT_TAGS_MAX`` distinct tags, more than ``_STEPS_MAX`` steps below the bound, or
a page holding every character the line-break marker could be, and the page is read by
``flatten_tokens`` instead. The result is the same either way (tests/test_bounds.py
compares the two).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import islice

from . import patterns as P
from .depth_tokens import (BREAK, CLOSES_ITS_OWN, DEPTH, END_OPTIONAL, LINE_ENDS, OPTION_TAGS,
                           OPTIONS, RAW_TEXT, TOKEN, Cut, close, flatten_tokens)

# Start tags read one by one below the bound: they close an element or count options.
_ONE_BY_ONE = CLOSES_ITS_OWN | OPTION_TAGS | {"select"}
# Start tags that never open an element (their end tags close nothing).
_NEVER_OPEN = P.VOID_TAGS | END_OPTIONAL


def _names(names: frozenset[str] | set[str]) -> str:
    """An alternation of tag names, each matched whole and as ``str.lower`` reads it (the
    Kelvin sign is a ``k``), without the slower IGNORECASE."""
    def char(c: str) -> str:
        return "[%s]" % "".join(sorted({c, c.upper()} | ({"\u212a"} if c == "k" else set())))
    return r"(?:%s)(?![^\s/>])" % "|".join("".join(map(char, name)) for name in sorted(names))


# A tag's first letter, as ``[A-Za-z]`` matches ignoring case (as ``TOKEN`` reads it).
_LETTER = "[A-Za-z\u0130\u0131\u017f\u212a]"
# The tokens, as ``TOKEN`` reads them (each also ends at the end of the page, so that
# an unclosed one is read once): a comment, a raw-text element whole, a tag.
_COMMENT = r"!--.*?(?:-->|\Z)"
_RAW = r"(?i:(?=%s)(?:%s))" % ("|".join(sorted({name[:2] for name in RAW_TEXT})), "|".join(
    r"%s\b[^>]*+(?:>|\Z).*?(?:</%s\s*>|\Z)" % (name, name) for name in RAW_TEXT))
_TAG = r"/?%s[^>]*+(?:>|\Z)" % _LETTER
# Below the bound: everything up to the next tag read one by one (an end tag that may
# close an element, or a start tag of ``_ONE_BY_ONE``): text, comments, raw-text
# elements, other start tags, end tags of elements never open, a ``<`` that starts no tag.
_SKIP = re.compile(r"(?:[^<]++|<(?:%s|%s|(?!%s)%s[^>]*+(?:>|\Z)|/%s[^>]*+(?:>|\Z)"
                   r"|(?!%s|/%s)))*+"
                   % (_COMMENT, _RAW, _names(_ONE_BY_ONE), _LETTER, _names(_NEVER_OPEN),
                      _LETTER, _LETTER), re.DOTALL)
# Every token whole, to read the names of the elements a span of ``_SKIP`` opens.
_TOKENS = re.compile(r"<(?:%s|%s|%s)" % (_COMMENT, _RAW, _TAG), re.DOTALL)
_OPENING = re.compile(r"<(%s[^\s/>]*+)[^>]*+>?(?<!/>)\Z" % _LETTER)
# A run of end tags (and the whitespace between), and the name of each.
_END_RUN = re.compile(r"(?:</%s[^>]*+(?:>|\Z)\s*)+" % _LETTER)
_END_NAME = re.compile(r"</(%s[^\s/>]*+)[^>]*+(?:>|\Z)" % _LETTER)
_END_REPEATED = re.compile(r"(</%s[^>]*+(?:>|\Z)\s*)\1*+" % _LETTER)
# A tag the substitutions below the bound can take: whole, holding no other '<', not a
# comment or raw-text element (group 1: '/' on an end tag, group 2: its name).
_PLAIN_TAG = re.compile(r"<(/?)(%s[^\s/>]*+)[^<>]*+>?\Z" % _LETTER)
_RAW_START = re.compile(r"<%s" % _RAW)
# What is not text: whitespace and tokens.
_NO_TEXT = re.compile(r"(?:\s|<(?:%s|%s|%s))*+" % (_COMMENT, _RAW, _TAG), re.DOTALL)
# Characters for the line-break marker and for the void tags kept below the bound while
# the others are dropped: those the page does not hold.
_MARKERS = tuple(chr(code) for code in range(0xFDD0, 0xFDF0))
# Distinct tags a span below the bound may hold to be flattened by substitution (each
# is one pass over the span); more, and the page is read tag by tag.
_DISTINCT_TAGS_MAX = 16
# Steps below the bound (an end tag or a run of them, a tag of ``_ONE_BY_ONE``) after
# which the page is read tag by tag instead: generated nesting takes a few, and a page
# that crosses the bound at every other tag is read faster by ``flatten_tokens``.
_STEPS_MAX = 1_000



class _NotFlat(Exception):
    """A span below the bound that substitutions cannot flatten as the tokenizer reads
    it (see ``_drop_tags``)."""


def flatten(text: str, limit: int) -> Cut | None:
    """``text`` with every tag below ``limit`` open elements dropped but those of void
    elements (a dropped block or line break becomes a line break) and the options of a
    select past MAX_SELECT_OPTIONS dropped, with what was cut (``DEPTH``, ``OPTIONS``);
    None when nothing had to be. The same result as ``flatten_tokens``."""
    free = _Free(text)
    if free.marker is not None:
        try:
            return _join(text, _Spans(text, limit, free).read(), free)
        except _NotFlat:
            pass
    return flatten_tokens(text, limit)


class _Free:
    """The characters of ``_MARKERS`` a page does not hold, taken as they are needed:
    the line-break marker first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.left = iter(_MARKERS)
        self.marker = self.take()

    def take(self) -> str | None:
        return next((c for c in self.left if c not in self.text), None)


class _Spans:
    """The spans of a page below the depth bound, and the options past the bound, found
    by following the open elements (see the module docstring)."""

    def __init__(self, text: str, limit: int, free: _Free) -> None:
        self.text, self.limit, self.free = text, limit, free
        self.names: list[str] = []   # the open elements, innermost last
        self.open_count: dict[str, int] = {}   # the open elements by name
        self.options = 0   # options met since the last <select> opened
        # Spans below the bound, each with its tags already dropped (markers for the
        # line breaks, see ``_drop_tags``) when it was read whole.
        self.deep: list[tuple[int, int, tuple[str, int] | None]] = []
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
            rest = None if self.deep else _drop_tags(self.text[start:], self.free, stop=True)
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
            if name in _NEVER_OPEN:
                if name in OPTION_TAGS:
                    self.options += 1
                    if self.options > P.MAX_SELECT_OPTIONS and open_count.get("select"):
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
                raise _NotFlat
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
        name = "" if match is None or _RAW_START.match(token) else match[1].lower()
        name = self[token] = "" if name in _NEVER_OPEN else name
        return name


def _nth_end_tag(text: str, start: int, end: int, n: int) -> tuple[int, int]:
    """The span of the ``n``th end tag (from 0) of the run of end tags from ``start`` to
    ``end``."""
    return next(islice(_END_NAME.finditer(text, start, end), n, None)).span()


def _join(text: str, spans: _Spans, free: _Free) -> Cut | None:
    """The page with the spans below the bound flattened and the options past the bound
    dropped; None when nothing was cut. Raises ``_NotFlat`` for a span that cannot be
    flattened by substitution (``flatten_tokens`` reads that page)."""
    cuts = sorted([(start, end, dropped) for start, end, dropped in spans.deep]
                  + [(start, end, None) for start, end in spans.options_cut],
                  key=lambda cut: cut[0])
    deep = {start for start, _, _ in spans.deep}
    parts: list[str] = []
    seen = False   # text since the last line break put in (or the page's start)
    count = at = 0
    for start, end, dropped in cuts:
        if not seen:
            seen = _has_text(text, at, start)
        parts.append(text[at:start])
        if start in deep:
            dropped = dropped or _drop_tags(text[start:end], free)
            assert dropped is not None   # only a try with ``stop`` gives None
            flat, seen = _breaks(dropped[0], free.marker, seen)   # type: ignore[arg-type]
            parts.append(flat)
            count += dropped[1]
        at = end
    if not (count or spans.options_cut):
        return None
    parts.append(text[at:])
    return "".join(parts), [DEPTH] * bool(count) + [OPTIONS] * bool(spans.options_cut)


def _drop_tags(span: str, free: _Free, stop: bool = False) -> tuple[str, int] | None:
    """``span``, below the bound, with its tags dropped but those of void elements, a
    marker in place of each dropped block or line break, and how many were dropped;
    None (``stop``) when it holds a tag that may close an open element. Raises
    ``_NotFlat`` when it holds a comment, a raw-text element, a ``<`` that starts no tag
    or a tag holding one, or more than ``_DISTINCT_TAGS_MAX`` distinct tags.

    Each distinct tag is replaced everywhere at once (a span of generated nesting holds
    a few, repeated): with no ``<`` but at the start of a tag, a tag's text is found
    only where it stands.
    """
    marker = free.marker
    kept: list[tuple[str, str]] = []   # a character standing for a kept tag, and the tag
    dropped = distinct = at = 0
    while (at := span.find("<", at)) >= 0:
        end = span.find(">", at) + 1 or len(span)   # a tag cut off by the page's end
        tag = span[at:end]
        match = _PLAIN_TAG.match(tag)
        distinct += 1
        if match is None or _RAW_START.match(tag) or distinct > _DISTINCT_TAGS_MAX:
            raise _NotFlat
        name = match[2].lower()
        if not match[1] and name in P.VOID_TAGS:
            place = free.take()
            if place is None:
                raise _NotFlat
            kept.append((place, tag))
            span = span.replace(tag, place)
            continue
        if stop and (name in CLOSES_ITS_OWN if not match[1] else name not in _NEVER_OPEN):
            return None
        dropped += span.count(tag)
        span = span.replace(tag, marker if name in LINE_ENDS else "")   # type: ignore[arg-type]
    for place, tag in kept:
        span = span.replace(place, tag)
    return span, dropped


def _breaks(span: str, marker: str, seen: bool) -> tuple[str, bool]:
    """``span`` with a line break for each marker that follows text (``seen``: text came
    since the last line break before it), and whether text follows its last."""
    twice = marker * 2
    if twice in span:   # one pass for pairs, one for longer runs
        span = span.replace(twice, marker)
        if twice in span:
            span = re.sub(marker + "{2,}", marker, span)
    if re.search(marker + r"[\s<]", span):   # markers with only whitespace or void tags between
        span = re.sub(r"%s(?:(?:\s|<[^>]*>)*+%s)+" % (marker, marker),
                      lambda match: marker + match[0][1:].replace(marker, ""), span)
    first = span.find(marker)
    if first >= 0 and not seen and not _has_text(span, 0, first):
        span = span[:first] + span[first + 1:]
    last = span.rfind(marker)
    seen = _has_text(span, last + 1, len(span)) if last >= 0 else seen or _has_text(span, 0, len(span))
    return span.replace(marker, BREAK), seen


def _has_text(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds more than whitespace and tokens."""
    return _NO_TEXT.match(text, start, end).end() < end   # type: ignore[union-attr]


