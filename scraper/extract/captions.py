"""What a picture's caption looks like: a centred or caption-classed block, or a short
line under the picture with few clauses. Read by rendering, which keeps captions out of
the body's lines."""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborNode

from . import hint_patterns as H
from . import patterns as P
from .hints import Attributes
from .measures import holds_elements


def is_centered(tag: str, attrs: Attributes) -> bool:
    """A <center>, or an element aligned or styled to the centre."""
    if tag == "center":
        return True
    align, style = attrs.get("align"), attrs.get("style")
    return ((align is not None and align.lower() == "center")
            or (style is not None and P.CENTERED.search(style) is not None))


def caption_hinted(attrs: Attributes) -> bool:
    """An element whose class (else id) names a caption block."""
    value = attrs.get("class") or attrs.get("id")
    return bool(value) and _caption_class(value)


@lru_cache(maxsize=H.HINT_CACHE_SIZE)
def _caption_class(value: str) -> bool:
    """Whether a class/id names a caption block; memoised like the boilerplate hints."""
    return not H.CAPTION_HINT.isdisjoint(H.hint_words(H.hint_text(value)))


def caption_like(compact: str, *, centered: bool) -> bool:
    """Whether a short line under a picture reads as its caption (whitespace removed)."""
    if not 0 < len(compact) <= P.CAPTION_MAX_LEN or P.WORK_TITLE.fullmatch(compact) \
            or P.CAPTION_LEADS_ON.search(compact) is not None:
        return False
    clauses = len(P.CLAUSE_PUNCTUATION.findall(compact))
    return (centered or len(compact) <= P.CAPTION_PLAIN_MAX_LEN) and clauses <= P.CAPTION_MAX_CLAUSES


def is_caption(node: LexborNode, attrs: Attributes, text: str, *, hinted: bool,
               in_centered: bool) -> bool:
    """Whether the block ``node`` (its ``text``), met under a picture or named a caption
    (``hinted``), is the picture's caption; ``in_centered``: it sits in a centred block."""
    compact = "".join(text.split())
    if hinted:   # named a caption: a sentence or two about the picture
        return 0 < len(compact) <= P.CAPTION_HINTED_MAX_LEN
    if not 0 < len(compact) <= P.CAPTION_MAX_LEN:
        return False
    if node.tag == "img" or (holds_elements(node) and node.css_first("img") is not None):
        return False
    centered = in_centered or is_centered(node.tag, attrs)
    if not centered and P.CAPTION_PLAIN_SENTENCE.search(compact) is not None:
        return False   # the post's next sentence, in running text under its picture
    return caption_like(compact, centered=centered)
