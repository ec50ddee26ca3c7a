"""Class/id hints: whether an element's class or id names article content or boilerplate."""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from selectolax.lexbor import LexborNode

from . import hint_patterns as H
from . import patterns as P


class Attributes(Protocol):
    """An element's attributes: the ``node.attributes`` dict, or ``node.attrs``, which
    reads them one at a time. Where two or more are read (class and id, an image's
    sources), the dict is the cheaper: one call copies the few attributes an element
    has, where each ``attrs`` read is a call of its own, and elements are read by the
    ten thousand per page."""

    def get(self, key: str, default: str | None = None) -> str | None: ...

    def __contains__(self, key: object) -> bool: ...


def class_and_id(attrs: Attributes) -> str:
    """An element's class and id as one string, the form the hints are read from."""
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}"


def class_hint(node: LexborNode) -> int:
    """+1 for an article-like class/id, -2 for a boilerplate one, -1 for a weakly
    boilerplate one (``side``, ``rail``), 0 for neither or both."""
    return attribute_hint(node.attributes)


# Hints by (class, id) pair. ``hint_of`` keeps its own memo, keyed by one string that
# every element would have to build first; the elements of a page repeat a few pairs
# (none at all, most often). Emptied when full; it never changes an answer.
_PAIR_HINTS: dict[tuple[str | None, str | None], int] = {}


def attribute_hint(attrs: Attributes) -> int:
    """``class_hint`` of an element with these attributes."""
    key = (attrs.get("class"), attrs.get("id"))
    hint = _PAIR_HINTS.get(key)
    if hint is None:
        cls, ident = key
        hint = hint_of(f"{cls or ''} {ident or ''}") if cls or ident else 0
        if len(_PAIR_HINTS) >= H.HINT_CACHE_SIZE:
            _PAIR_HINTS.clear()
        _PAIR_HINTS[key] = hint
    return hint


# A pure function of a string, memoised: class names repeat across the pages of a
# site and across sites (``clearfix``, ``container``), and the hint is the hot spot
# of pruning. The result never depends on what the cache holds.
@lru_cache(maxsize=H.HINT_CACHE_SIZE)
def hint_of(value: str) -> int:
    """The class/id hint of a ``"class id"`` string (see ``class_hint``)."""
    text = H.hint_text(value)
    # Says so outright, whatever else it names ("content" first: a substring test is a
    # tenth of the regex's cost, and few classes hold it).
    if "content" in text and H.NOT_CONTENT.search(text):
        return H.STRONG_NEGATIVE
    words = H.hint_words(text)
    # The author's box is boilerplate whatever article word it also carries.
    if not H.AUTHOR_WORDS.isdisjoint(words) and _names_authors_box(text):
        return H.STRONG_NEGATIVE
    positive = not H.POSITIVE_WORDS.isdisjoint(words) or H.POSITIVE_STEMS.search(text) is not None \
        or (H.PRINTED_PART_KEY in text and H.PRINTED_PART.search(text) is not None)
    if (not H.NEGATIVE_WORDS.isdisjoint(words) or H.NEGATIVE_STEMS.search(text)
            or H.NEGATIVE_PREFIXES.search(text)):
        return 0 if positive else H.STRONG_NEGATIVE
    if not H.WEAK_NEGATIVE_WORDS.isdisjoint(words):
        return 0 if positive else H.WEAK_NEGATIVE
    return 1 if positive else 0


def _names_authors_box(text: str) -> bool:
    """True when one class name (or the id) of a ``hint_text`` is made of an author
    word and box or article words only (``article-author``, ``author-content``): the
    bio under the article, not a post that names its author (``author-admin``)."""
    for name in text.split():
        words = H.hint_words(name)
        if not H.AUTHOR_WORDS.isdisjoint(words) and words <= H.AUTHOR_BOX_WORDS:
            return True
    return False


def never_article(attrs: Attributes) -> bool:
    """True for a strongly hinted element that is never the article however long it
    is: its class/id names readers' comments (``div#comments``, ``div#disqus_thread``,
    ``ol.commentlist``), or its id is a page region's (``div#sidebar``, not the
    ``sidebar-wrapper`` around a layout's columns)."""
    if attribute_hint(attrs) > H.STRONG_NEGATIVE:
        return False
    if (attrs.get("id") or "").lower() in P.REGION_IDS:
        return True
    text = H.hint_text(class_and_id(attrs))
    words = H.hint_words(text)
    if not H.LIVE_WORDS.isdisjoint(words):
        return False
    return not H.COMMENT_WORDS.isdisjoint(words) or H.COMMENT_STEMS.search(text) is not None


def author_box(attrs: Attributes) -> bool:
    """True for a strongly hinted element that its class/id names the author's box
    (``div#author-info``, ``div.about_author``): a bio under the article, not of it."""
    if attribute_hint(attrs) > H.STRONG_NEGATIVE:
        return False
    text = H.hint_text(class_and_id(attrs))
    return not H.AUTHOR_WORDS.isdisjoint(H.hint_words(text))


def boilerplate_word(node: LexborNode) -> str:
    """What named ``node`` boilerplate, for a trace: its tag (``nav``, ``footer``…) or
    the class/id word that matched (``share``, ``ranking``, ``xgxw``…)."""
    if node.tag in P.BOILERPLATE_TAGS:
        return f"<{node.tag}>"
    attrs = node.attributes
    text = H.hint_text(class_and_id(attrs))
    words = H.hint_words(text)
    for group in (H.NEGATIVE_WORDS, H.WEAK_NEGATIVE_WORDS):
        matched = sorted(group & words)
        if matched:
            return matched[0]
    for pattern in (H.NEGATIVE_STEMS, H.NEGATIVE_PREFIXES):
        found = pattern.search(text)
        if found:
            return found.group(0)
    return text.strip() or "class"
