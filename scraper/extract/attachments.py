"""Attachments (附件): the documents an article links to, and the blocks that list them.

Two questions, both about the chosen article nodes:

- which blocks are *attachment blocks* — the ``附件：`` lines, in the article or just
  below it. Such a block holds document links and little else (a label, list numbers,
  a file size), and it is labelled (its text starts with ``附件``/``相关附件``…, or a
  label line stands right above it), or, inside the article, every link names its file
  ("某某方案.pdf"). Those blocks are the article's text: rendering keeps them although
  they are mostly links (``render``), and the labelled ones following the article's
  last node are rendered with it (``following_blocks``);
- which links are documents, and what each is (``document_link``): its URL resolved
  against the page (``page_base``), its name (the link's text, else the file name in
  the URL) and its type (the extension, from the URL's path, else from a query value
  that names the file, else from the link's text).

The attachments of a page are then the document links its rendered body reads, so
links in navigation, footers, sidebars and link lists (pruned or dropped before they
are read) never count. Pure: no I/O. Patterns are in ``attachment_patterns``.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..models import Attachment
from . import attachment_patterns as A
from . import patterns as P
from .clean import outermost

__all__ = ["page_base", "document_link", "DocumentLinks", "article_blocks", "attachment_blocks",
           "following_blocks", "resolve"]


def page_base(tree: LexborHTMLParser, url: str | None) -> str | None:
    """The URL relative links resolve against: ``<base href>`` (itself resolved against
    the page's URL), else the page's URL."""
    head = tree.head
    base = head.css_first("base[href]") if head is not None else None
    href = (base.attributes.get("href") or "").strip() if base is not None else ""
    if not href:
        return url
    return urljoin(url, href) if url else href


def _file_type(name: str) -> str | None:
    match = A.DOCUMENT_FILE.search(name)
    return match.group(1).lower() if match else None


def _last_segment(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


def _href_file(href: str) -> tuple[str, str] | None:
    """(file name, type) an href names: its path's last segment, else a query value
    naming a file ("download.jsp?file=/upload/方案.pdf"), percent-decoded."""
    if A.DOCUMENT_IN_HREF.search(href) is None:
        return None
    parts = urlsplit(href)
    name = _last_segment(unquote(parts.path))
    kind = _file_type(name)
    if kind is not None:
        return name, kind
    if A.PAGE_HREF.search(parts.path) is not None:
        return None   # a page taking a file as a parameter ("login.html?next=/a.pdf")
    for _, value in parse_qsl(parts.query):
        name = _last_segment(value.strip())
        kind = _file_type(name)
        if kind is not None:
            return name, kind
    return None


def document_link(anchor: LexborNode) -> Attachment | None:
    """The attachment an ``<a>`` links to, its URL as the page writes it (see
    ``resolve``); None when it links to no document."""
    href = (anchor.attrs.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")) \
            or A.FILE_OR_SCRIPT_HREF.search(href) is None:
        return None
    found = _href_file(href)
    if found is None:
        # "/download.jsp?id=12" shown as "方案.pdf"; most links go to another page, whose
        # text need not be read
        if A.DOWNLOAD_SCRIPT.search(href) is None:
            return None
        text = " ".join(anchor.text(deep=True).split())
        kind = _file_type(text) if A.GENERIC_LINK_TEXT.match(text) is None else None
        return Attachment(url=href, name=text, type=kind) if kind is not None else None
    text = " ".join(anchor.text(deep=True).split())
    named = A.GENERIC_LINK_TEXT.match(text) is None and text != ""
    name, kind = found
    return Attachment(url=href, name=text if named else name, type=kind)


class DocumentLinks:
    """``document_link`` of each anchor, worked out once per reading of a page: the
    attachment blocks and the rendering ask about the same anchors."""

    def __init__(self) -> None:
        self._found: dict[int, Attachment | None] = {}

    def __call__(self, anchor: LexborNode) -> Attachment | None:
        key = anchor.mem_id
        if key in self._found:
            return self._found[key]
        found = self._found[key] = document_link(anchor)
        return found


def resolve(found: list[Attachment], base: str | None) -> list[Attachment]:
    """``found`` with absolute URLs (against ``base``; without it, as the page writes
    them) and no fragment, each URL once, in order. Only web addresses count: a
    ``file:`` link left by a word processor names nothing a reader can fetch."""
    seen: set[str] = set()
    out: list[Attachment] = []
    for attachment in found:
        url = urldefrag(urljoin(base, attachment.url) if base else attachment.url).url
        scheme = urlsplit(url).scheme.lower()
        if scheme not in A.URL_SCHEMES and (scheme or base):
            continue
        if url not in seen:
            seen.add(url)
            out.append(Attachment(url=url, name=attachment.name, type=attachment.type))
    return out


def _document_only(node: LexborNode, links: DocumentLinks) -> bool:
    """Document links and little else: every link a document, and at most
    ``FILLER_PER_LINK_MAX`` characters of other text per link."""
    documents = 0
    link_text = 0
    for anchor in node.css("a[href]"):
        href = (anchor.attrs.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:")):
            continue
        if links(anchor) is None:
            return False
        documents += 1
        link_text += len(anchor.text(deep=True, strip=True, skip_empty=True))
    if documents == 0:
        return False
    filler = len("".join(node.text(deep=True).split())) - link_text
    return filler <= A.FILLER_PER_LINK_MAX * documents


def _labelled(node: LexborNode) -> bool:
    return A.ATTACHMENT_LABEL.match(node.text(deep=True)) is not None


def _label_before(node: LexborNode, links: DocumentLinks) -> LexborNode | None:
    """The label line standing right above ``node`` ("附件：" alone on its line), past
    the file lines between them; None when there is none."""
    sibling = node.prev
    while sibling is not None:
        tag = sibling.tag
        if tag == "-text":
            if (sibling.text_content or "").strip():
                return None   # a label in running text: its block starts with it
        elif isinstance(tag, str) and not tag.startswith("-") and tag != "br":
            text = " ".join(sibling.text(deep=True).split())
            if text:
                if len(text) <= A.LABEL_LINE_MAX_LEN and A.ATTACHMENT_LABEL.match(text) \
                        and sibling.css_first("a") is None:
                    return sibling
                if not _document_only(sibling, links):
                    return None
        sibling = sibling.prev
    return None


def _names_files(node: LexborNode, links: DocumentLinks) -> bool:
    """Every document link's text is a file name with its extension ("方案.pdf")."""
    return all(_file_type(" ".join(anchor.text(deep=True).split())) is not None
               for anchor in node.css("a[href]") if links(anchor) is not None)


def _block_of(anchor: LexborNode, root: LexborNode, labelled_only: bool,
              links: DocumentLinks) -> list[LexborNode]:
    """The attachment block around a document link (with the label line above it, when
    that stands apart), widened to the outermost ancestor up to ``root`` that still
    holds only document links; [] when the link is in no attachment block."""
    node = anchor.parent
    climbed = 0
    found: list[LexborNode] = []
    while node is not None and climbed < A.BLOCK_CLIMB_MAX and not found:
        if node.tag in P.BLOCK_TAGS:
            climbed += 1
            if not _document_only(node, links):
                return []
            label = None if _labelled(node) else _label_before(node, links)
            if label is not None:
                found = [label, node]
            elif _labelled(node) or (not labelled_only and _names_files(node, links)):
                found = [node]
        if node.mem_id == root.mem_id:
            break
        node = node.parent
    if not found:
        return []
    outer = found[-1]
    while outer.mem_id != root.mem_id and outer.parent is not None \
            and outer.parent.tag not in ("body", "html") and _document_only(outer.parent, links):
        outer = outer.parent
    return found if outer.mem_id == found[-1].mem_id else [outer]


def attachment_blocks(roots: list[LexborNode], *, labelled_only: bool = False,
                      links: DocumentLinks | None = None) -> list[LexborNode]:
    """The attachment blocks inside ``roots``, outermost ones, in document order.
    ``labelled_only`` leaves out blocks that are only file names, with no 附件 label."""
    links = links or DocumentLinks()
    blocks: list[LexborNode] = []
    seen: set[int] = set()
    for root in roots:
        for anchor in root.css("a[href]"):
            if links(anchor) is None:
                continue
            for block in _block_of(anchor, root, labelled_only, links):
                if block.mem_id not in seen:
                    seen.add(block.mem_id)
                    blocks.append(block)
    return outermost(blocks)


def following_blocks(nodes: list[LexborNode], links: DocumentLinks | None = None
                     ) -> list[LexborNode]:
    """The labelled attachment blocks just below the article: among the few elements
    following its last node, then following that node's parent, and so on up a few
    levels (``FOLLOWING_SIBLINGS_MAX``, ``FOLLOWING_LEVELS_MAX``)."""
    if not nodes:
        return []
    node: LexborNode | None = nodes[-1]
    for _ in range(A.FOLLOWING_LEVELS_MAX):
        if node is None or node.tag in ("body", "html"):
            return []
        found: list[LexborNode] = []
        sibling, seen = node.next, 0
        while sibling is not None and seen < A.FOLLOWING_SIBLINGS_MAX:
            tag = sibling.tag
            if isinstance(tag, str) and not tag.startswith("-") and tag != "br":
                seen += 1
                found.extend(attachment_blocks([sibling], labelled_only=True, links=links))
            sibling = sibling.next
        if found:
            return found
        node = node.parent
    return []


def block_ids(blocks: list[LexborNode]) -> set[int]:
    """The ids of ``blocks`` and of every element inside them."""
    ids: set[int] = set()
    for block in blocks:
        ids.add(block.mem_id)
        ids.update(node.mem_id for node in block.css("*"))
    return ids


def article_blocks(nodes: list[LexborNode], core: list[LexborNode], links: DocumentLinks
                   ) -> tuple[list[LexborNode], frozenset[int]]:
    """The labelled attachment blocks just below the article (to be rendered after
    ``nodes``), and the ids of the elements of every attachment block of the article:
    any in the ``core`` nodes, labelled ones in the wrapper ``nodes`` were widened to,
    and those below."""
    below = following_blocks(nodes, links)
    ids = block_ids(attachment_blocks(core, links=links) + below)
    core_ids = {node.mem_id for node in core}
    if any(node.mem_id not in core_ids for node in nodes):
        ids |= block_ids(attachment_blocks(nodes, labelled_only=True, links=links))
    return below, frozenset(ids)
