"""The pager reader: the URLs of a multi-page article's pages (分页), in order. Pure.

``read_pager(tree, source, url)`` reads the page's own pagination, before anything is
pruned: the TRS ``createPageHTML(n, i, stem, ext)`` call (all pages at once), ``rel``
next/prev on ``<link>`` and ``<a>``, and pagers of links (``上一页 [1] [2] [3] 下一页``,
numbered links alone). It returns the article's pages in order, this page included,
or ``[]`` when the page names no other page of its article.

A URL counts as a page of this article only when

- it shares the article's path stem (``t20240806_5521.shtml`` → ``t20240806_5521_1.shtml``,
  ``…/story`` → ``…/story/seite-2``, ``story.html`` → ``story.html?page=2``), or
- the pager that names it follows the article's body (a block of sentences right
  before it) and names it as a page (a number, or 下一页/"Next page"), in the same
  directory.

Links to the previous/next *article* (上一篇/下一篇, "Next post"), a channel's pager
(``index_1.shtml``: a list of headlines precedes it, and its URLs share no stem) and a
comment section's pager are never pages. Patterns: ``pager_patterns``; the URL rules:
``page_urls``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..urls import INDEX_FILE, canonical
from . import pager_patterns as G
from .hints import class_and_id
from .page_urls import resolve, same_directory, same_path, shares_stem

__all__ = ["read_pager", "holds_cjk"]


def read_pager(tree: LexborHTMLParser, source: bytes, url: str | None,
               chinese: bool | None = None) -> list[str]:
    """The article's page URLs in order (this page's included), or ``[]``.

    ``tree`` is the page as parsed, before any pruning; ``source`` the UTF-8 bytes it
    was parsed from (the gate and the TRS script are read from them); ``url`` the
    page's own URL (no URL, no pages: the pager's links could not be resolved);
    ``chinese`` whether ``source`` holds a CJK lead byte (``holds_cjk``), when the
    caller knows it already."""
    if not url or not url.startswith(("http://", "https://")):
        return []
    if chinese is None:
        chinese = holds_cjk(source)
    if chinese and G.TRS_MARKER in source:
        pages = _trs_pages(source, canonical(url))
        if pages:
            return pages
    words = (chinese and _has_page_words(source)) or _links_own_stem(source, url)
    if not (words or _has_rel_links(source)):
        return []   # most pages: the URL is not even made canonical
    own = canonical(url)
    found = _Found(own)
    if words:
        _read_rel_links(tree.css("link[rel], a[rel]"), own, found)
        _read_pager_links(tree, own, found)
    elif tree.head is not None:   # rel=next in the head only: its <link>s are all to read
        _read_rel_links(tree.head.css("link[rel]"), own, found)
    return found.ordered()


# ---------------------------------------------------------------- the gate


def holds_cjk(source: bytes) -> bool:
    """Whether the UTF-8 ``source`` holds a CJK ideograph (``CJK_LEAD_BYTES``)."""
    return any(byte in source for byte in G.CJK_LEAD_BYTES)


def _has_page_words(source: bytes) -> bool:
    """Whether 上一页, 下页, 后一页… occur in the source."""
    at = source.find(G.PAGE_CHAR)
    while at != -1:
        if G.PAGE_WORD_BEFORE.search(source, max(0, at - 6), at):
            return True
        at = source.find(G.PAGE_CHAR, at + len(G.PAGE_CHAR))
    return False


def _has_rel_links(source: bytes) -> bool:
    """Whether ``<link rel="next">`` or ``rel="prev"`` occurs in the page's head.

    Only the head is searched: a site that pages its articles declares it there, and
    ``<a rel="next">`` in a body's pager is read with the pager's words or stem."""
    end = source.find(G.HEAD_END)
    head = source if end == -1 else source[:end]
    at = head.find(G.REL_MARKER)
    while at != -1:
        if head.startswith(G.REL_VALUES, at + len(G.REL_MARKER)):
            return True
        at = head.find(G.REL_MARKER, at + len(G.REL_MARKER))
    return False


def _links_own_stem(source: bytes, url: str) -> bool:
    """Whether the source names a page-suffixed copy of the page's own file name (the
    last segment of ``url``'s path, the same as in its canonical form)."""
    name = urlsplit(url.strip()).path.rstrip("/").rsplit("/", 1)[-1]
    stem = G.PAGE_EXTENSION.sub("", name).encode("utf-8", "replace")
    if len(stem) < 4:
        return False
    at = source.find(stem)
    while at != -1:
        if G.SUFFIX_AFTER_STEM.match(source, at + len(stem)):
            return True
        at = source.find(stem, at + 1)
    return False


# ---------------------------------------------------------------- the TRS script


def _trs_pages(source: bytes, own: str) -> list[str]:
    """Every page named by a ``createPageHTML`` call whose pages include this one."""
    for call in G.TRS_CALL.finditer(source):
        args = _trs_arguments(call.group(1), source[:call.start()])
        if args is None:
            continue
        count, stem, ext = args
        if not 2 <= count <= G.MAX_PAGE_NUMBER:
            continue
        pages = [canonical(urljoin(own, f"{stem}.{ext}"))]
        pages += [canonical(urljoin(own, f"{stem}_{k}.{ext}")) for k in range(1, count)]
        if own in pages:   # a channel's call (stem "index") names other pages
            return pages
    return []


def _trs_arguments(raw: bytes, before: bytes) -> tuple[int, str, str] | None:
    """(page count, stem, extension) of one call, or None when they cannot be read.

    Strings before the numbers are element ids; the first two numbers (literal, or
    variables set earlier in the source) are the count and the current index; the two
    strings after them are the stem and the extension."""
    numbers: list[int] = []
    strings: list[str] = []
    for match in G.TRS_ARGUMENT.finditer(raw):
        quoted = match.group(1) if match.group(1) is not None else match.group(2)
        if quoted is not None:
            if len(numbers) >= 2:
                strings.append(quoted.decode("utf-8", "replace"))
            continue
        value = match.group(3) or _variable(match.group(4), before)
        if value is None:
            return None
        numbers.append(int(value))
    if len(numbers) < 2 or len(strings) < 2 or not strings[0] or not strings[1].isalnum():
        return None
    return numbers[0], strings[0], strings[1]


def _variable(name: bytes | None, before: bytes) -> bytes | None:
    """The number last assigned to ``name`` before the call (``var countPage = 3``)."""
    if not name:
        return None
    value = None
    for match in G.TRS_VARIABLE.finditer(before):
        if match.group(1) == name:
            value = match.group(2)
    return value


# ---------------------------------------------------------------- what was found


@dataclass
class _Found:
    """Pages named so far: numbered ones, and this page's neighbours."""

    own: str
    numbered: dict[int, str] = field(default_factory=dict)
    own_number: int | None = None
    next: str | None = None
    prev: str | None = None

    def number(self, number: int, url: str) -> None:
        if url == self.own:
            self.own_number = self.own_number or number
        elif url not in self.numbered.values():
            self.numbered.setdefault(number, url)

    def neighbour(self, rel: str, url: str) -> None:
        if url == self.own:
            return
        if rel == "next":
            self.next = self.next or url
        else:
            self.prev = self.prev or url

    def ordered(self) -> list[str]:
        """The pages in order; ``[]`` when none but this one is known."""
        number = self.own_number or self._own_number_guess()
        entries = dict(self.numbered)
        if number is not None:
            entries[number] = self.own
        pages = [entries[n] for n in sorted(entries)]
        if self.own not in pages:
            pages.append(self.own)
        if self.prev is not None and self.prev not in pages:
            pages.insert(pages.index(self.own), self.prev)
        if self.next is not None and self.next not in pages:
            pages.insert(pages.index(self.own) + 1, self.next)
        return list(dict.fromkeys(pages)) if len(pages) > 1 else []

    def _own_number_guess(self) -> int | None:
        by_url = {url: n for n, url in self.numbered.items()}
        if self.next in by_url and by_url[self.next] > 1:
            return by_url[self.next] - 1
        if self.prev in by_url:
            return by_url[self.prev] + 1
        if self.numbered and 1 not in self.numbered and self.prev is None:
            return 1   # page 1 of a pager that links only the other pages
        return None


# ---------------------------------------------------------------- rel links


def _read_rel_links(nodes: list[LexborNode], own: str, found: _Found) -> None:
    """``<link rel="next">`` and ``<a rel="prev">``: pages only when they share the stem."""
    for node in nodes:
        rels = (node.attributes.get("rel") or "").lower().split()
        rel = "next" if "next" in rels else "prev" if ("prev" in rels or "previous" in rels) else None
        href = node.attributes.get("href")
        if rel is None or not href:
            continue
        if node.tag == "a":
            label = _label(node)
            if G.ARTICLE_NAV_TEXT.search(label) or len(label) > G.PAGER_TEXT_MAX \
                    or _in_comments(node):
                continue
        target = resolve(own, href)
        if target is None or not shares_stem(own, target):
            continue
        # ?page=2 on the article's own path also pages the lists embedded in it (a
        # Drupal view of older items): an <a> pager of that kind must follow the body.
        if node.tag == "a" and same_path(own, target) and not _follows_body(_holder(node)):
            continue
        found.neighbour(rel, target)


# ---------------------------------------------------------------- pagers of links


@dataclass
class _Item:
    url: str
    number: int | None
    rel: str | None
    explicit: bool   # names itself a page: a number, 下一页, "Next page"


def _read_pager_links(tree: LexborHTMLParser, own: str, found: _Found) -> None:
    groups: dict[int, tuple[LexborNode, list[_Item]]] = {}
    for node in tree.css("a[href]"):
        item = _pager_item(node, own)
        if item is None:
            continue
        holder = _holder(node)
        groups.setdefault(holder.mem_id, (holder, []))[1].append(item)
    for holder, items in groups.values():
        if len(items) > G.PAGER_LINKS_MAX or _in_comments(holder):
            continue
        near_body: bool | None = None
        for item in items:
            stem = shares_stem(own, item.url)
            if not stem and (not item.explicit or not same_directory(own, item.url)
                             or INDEX_FILE.search(urlsplit(item.url).path)):
                continue
            if not stem or same_path(own, item.url):   # see _read_rel_links
                if near_body is None:
                    near_body = _follows_body(holder)
                if not near_body:
                    continue
            if item.number is not None:
                found.number(item.number, item.url)
            if item.rel is not None:
                found.neighbour(item.rel, item.url)
        if found.numbered or found.next or found.prev:
            found.own_number = found.own_number or _current_number(holder, items)


def _pager_item(node: LexborNode, own: str) -> _Item | None:
    label = _label(node)
    if not label or len(label) > G.PAGER_TEXT_MAX or G.ARTICLE_NAV_TEXT.search(label):
        return None
    number_match = G.PAGE_NUMBER_TEXT.match(label)
    number = int(number_match.group(1)) if number_match else None
    rel = "next" if G.NEXT_PAGE_TEXT.match(label) else \
        "prev" if G.PREV_PAGE_TEXT.match(label) else None
    if (number is None or number == 0) and rel is None:
        return None
    href = node.attributes.get("href") or ""
    if G.COMMENT_URL.search(href):
        return None
    target = resolve(own, href)
    if target is None:
        return None
    explicit = number is not None or bool(G.EXPLICIT_PAGE_WORD.search(label))
    return _Item(target, number or None, rel, explicit)


def _current_number(holder: LexborNode, items: list[_Item]) -> int | None:
    """The pager's number that is no link: the page being shown (``<span>2</span>``)."""
    linked = {item.number for item in items if item.number is not None}
    free = set()
    for word in holder.text(separator=" ").split():
        match = G.PAGE_NUMBER_TEXT.match(word)
        if match and int(match.group(1)) not in linked:
            free.add(int(match.group(1)))
    return free.pop() if len(free) == 1 else None


def _holder(node: LexborNode) -> LexborNode:
    parent = node.parent
    while parent is not None and parent.tag not in G.PAGER_HOLDER_TAGS:
        parent = parent.parent
    return parent or node


def _in_comments(node: LexborNode) -> bool:
    current: LexborNode | None = node
    for _ in range(G.PAGER_ANCESTORS + 1):
        if current is None:
            return False
        hint = class_and_id(current.attributes)
        if hint.strip() and G.COMMENT_HINT.search(hint):
            return True
        current = current.parent
    return False


def _follows_body(holder: LexborNode) -> bool:
    """Whether the article's body (a block of sentences) comes right before the pager.

    The nearest level that has text before the pager decides: its nearest blocks with
    text must add up to sentences before a list of links (a channel's headlines, a
    view of teasers) comes between them and the pager."""
    current: LexborNode | None = holder
    for _ in range(G.PAGER_ANCESTORS):
        if current is None:
            return False
        sentences = seen = 0
        sibling = current.prev
        while sibling is not None and seen < G.PAGER_BODY_SIBLINGS:
            text = sibling.text(separator=" ") if sibling.tag not in ("-text", "-comment") else ""
            if text.strip():
                seen += 1
                found = len(G.SENTENCE_END.findall(text))
                sentences += found
                if sentences >= G.PAGER_BODY_MIN_SENTENCES:
                    return True
                if not found and len(sibling.css("a")) >= G.LIST_MIN_LINKS:
                    return False
            sibling = sibling.prev
        if seen:
            return False
        current = current.parent
    return False


# ---------------------------------------------------------------- link texts


def _label(node: LexborNode) -> str:
    text = " ".join(node.text(separator=" ").split())
    return text or (node.attributes.get("title") or "").strip()
