"""Spans below the depth bound flattened by substitution (see ``depth``, which finds
them): each distinct tag of a span replaced everywhere at once, a marker character
standing for each line break until the text around it is known; and the page put back
together with its spans flattened.
"""

from __future__ import annotations

import re

from . import patterns as P
from .depth_tokens import (BREAK, CLOSES_ITS_OWN, COMMENT, DEPTH, LETTER, LINE_ENDS, NEVER_OPEN,
                           OPTIONS, RAW_ELEMENT, TAG, Cut)

# A tag the substitutions below the bound can take: whole, holding no other '<', not a
# comment or raw-text element (group 1: '/' on an end tag, group 2: its name).
_PLAIN_TAG = re.compile(r"<(/?)(%s[^\s/>]*+)[^<>]*+>?\Z" % LETTER)
# A raw-text element's start (a script, a style…): what follows is its text, not tags.
RAW_START = re.compile(r"<%s" % RAW_ELEMENT)
# What is not text: whitespace and tokens.
_NO_TEXT = re.compile(r"(?:\s|<(?:%s|%s|%s))*+" % (COMMENT, RAW_ELEMENT, TAG), re.DOTALL)
# Characters for the line-break marker and for the void tags kept below the bound while
# the others are dropped: those the page does not hold.
_MARKERS = tuple(chr(code) for code in range(0xFDD0, 0xFDF0))
# Distinct tags a span below the bound may hold to be flattened by substitution (each
# is one pass over the span); more, and the page is read tag by tag.
_DISTINCT_TAGS_MAX = 16

# A span below the bound: its start and end, and its text with the tags dropped (see
# ``drop_tags``) when it was read whole while it was found.
DeepSpan = tuple[int, int, "tuple[str, int] | None"]


class NotFlat(Exception):
    """A span below the bound that substitutions cannot flatten as the tokenizer reads
    it (see ``drop_tags``)."""


class Free:
    """The characters of ``_MARKERS`` a page does not hold, taken as they are needed:
    the line-break marker first."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.left = iter(_MARKERS)
        self.marker = self.take()

    def take(self) -> str | None:
        return next((c for c in self.left if c not in self.text), None)


def join_flat(text: str, deep_spans: list[DeepSpan], options_cut: list[tuple[int, int]],
              free: Free) -> Cut | None:
    """The page with the spans below the bound flattened and the options past the bound
    dropped; None when nothing was cut. Raises ``NotFlat`` for a span that cannot be
    flattened by substitution (``flatten_tokens`` reads that page)."""
    cuts = sorted([(start, end, dropped) for start, end, dropped in deep_spans]
                  + [(start, end, None) for start, end in options_cut],
                  key=lambda cut: cut[0])
    deep = {start for start, _, _ in deep_spans}
    parts: list[str] = []
    seen = False   # text since the last line break put in (or the page's start)
    count = at = 0
    for start, end, dropped in cuts:
        if not seen:
            seen = _has_text(text, at, start)
        parts.append(text[at:start])
        if start in deep:
            dropped = dropped or drop_tags(text[start:end], free)
            assert dropped is not None   # only a try with ``stop`` gives None
            flat, seen = _breaks(dropped[0], free.marker, seen)   # type: ignore[arg-type]
            parts.append(flat)
            count += dropped[1]
        at = end
    if not (count or options_cut):
        return None
    parts.append(text[at:])
    return "".join(parts), [DEPTH] * bool(count) + [OPTIONS] * bool(options_cut)


def drop_tags(span: str, free: Free, stop: bool = False) -> tuple[str, int] | None:
    """``span``, below the bound, with its tags dropped but those of void elements, a
    marker in place of each dropped block or line break, and how many were dropped;
    None (``stop``) when it holds a tag that may close an open element. Raises
    ``NotFlat`` when it holds a comment, a raw-text element, a ``<`` that starts no tag
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
        if match is None or RAW_START.match(tag) or distinct > _DISTINCT_TAGS_MAX:
            raise NotFlat
        name = match[2].lower()
        if not match[1] and name in P.VOID_TAGS:
            place = free.take()
            if place is None:
                raise NotFlat
            kept.append((place, tag))
            span = span.replace(tag, place)
            continue
        if stop and (name in CLOSES_ITS_OWN if not match[1] else name not in NEVER_OPEN):
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
