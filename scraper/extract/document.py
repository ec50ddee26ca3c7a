"""A government document's attribute block (政府信息公开), read into its fields.

Portals put the block above or below the document, in one of a few layouts: a two- or
four-column table (``<td>索引号：</td><td>113501…/2024-00123</td><td>发文机关：</td>…``),
a list with ``<span>`` labels (``<li><span>索 引 号：</span>…</li>``), a ``dl`` of
``dt``/``dd`` pairs, labelled ``div``s (``<label>发文字号</label><span>…</span>``) or
paragraphs with a bold label (``<p><b>发布机构：</b>…</p>``). All are read the same way,
from the page's text runs in document order: a run that is a label (``LABEL_RUN``), or
a label with its value after a colon, starts a field; the runs after it, within the
label's row and up to the next label, are its value. A block is a run of labels close
together with several distinct ones among them (see ``document_patterns``), never one
stray ``文号`` in prose.

``find_block`` reads the block and names the elements that hold it, which the body
then leaves out (``drop_block``); ``may_hold_block`` rules out most pages first, from
their text, without a tree walk. Pure: the tree is only read, until ``drop_block``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import document_patterns as P
from . import trace as T
from .clean import outermost
from .dates import find_date

__all__ = ["DocumentBlock", "may_hold_block", "find_block", "drop_block", "read_value"]

# The UTC offset of a time stated in a Chinese government document's block.
CHINA_OFFSET = "+08:00"


@dataclass
class DocumentBlock:
    """The fields a page's attribute block states, the labels it was recognised by
    (as the page writes them, spaces squeezed out) and its elements."""

    fields: dict[str, str] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)
    nodes: list[LexborNode] = field(default_factory=list)


@dataclass
class _Hit:
    run: int                 # index of the text run the label is in
    label: str               # squeezed: "索引号"
    key: str                 # the field, "" for a block-only label
    rest: str                # what follows the label's colon in the same run


def may_hold_block(text: str) -> bool:
    """Whether ``text`` holds two labels, one of them a field only blocks carry
    (``STRONG_KEYS``): the cheap test that rules out most pages before ``find_block``
    walks a tree. ``text`` is the page's visible text, or its HTML (a longer scan). The
    engine asks only of a page with Han text (``pager.holds_cjk``): labels are Han."""
    seen: set[str] = set()
    strong = False
    for match in P.RAW_LABEL.finditer(text):
        label = P.NOT_HAN.sub("", match.group())
        seen.add(label)
        strong = strong or P.ALL_LABELS.get(label) in P.STRONG_KEYS
        if strong and len(seen) >= P.FIELD_KEYS_MIN:
            return True
    return False


def find_block(tree: LexborHTMLParser) -> DocumentBlock | None:
    """The page's attribute block, or None (see ``may_hold_block`` for a page's cheap
    test first)."""
    body = tree.body
    if body is None:
        return None
    runs = _text_runs(body)
    hits = [hit for at, node in enumerate(runs) for hit in _hits(at, node)]
    block = DocumentBlock()
    for cluster in _clusters(hits):
        _read_cluster(cluster, hits, runs, block)
    if not block.labels:
        return None
    block.nodes = outermost(block.nodes)
    return block


def drop_block(block: DocumentBlock, trace: T.Trace | None = None) -> None:
    """Remove the block's elements from their tree, so the body leaves them out."""
    detail = "labelled " + ", ".join(block.labels)
    for node in block.nodes:
        if trace is not None:
            trace.node(node, False, T.DOCUMENT_BLOCK, detail)
    for node in reversed(block.nodes):
        node.decompose()


def read_value(key: str, value: str) -> str | None:
    """A field's value as the record writes it: dates in ISO 8601 (``written`` a date;
    ``published`` with its time when the block states one), other fields as stated;
    None for a value that says the field is empty (``无``) or a date that is none."""
    value = " ".join(value.split()).strip(P.VALUE_LEAD)
    if not value or value.lower() in P.EMPTY_VALUES or len(value) > P.VALUE_MAX_CHARS:
        return None
    if key not in ("written", "published"):
        return value
    date = find_date(value, english=False)
    if date is None:
        return None
    if key == "written":
        return date.iso_date
    return date.iso(CHINA_OFFSET)


# ---------------------------------------------------------------- reading


def _text_runs(body: LexborNode) -> list[LexborNode]:
    """The text nodes of ``body`` that hold more than whitespace, in document order."""
    return [node for node in body.traverse(include_text=True)
            if node.tag == "-text" and (node.text_content or "").strip()]


def _hits(at: int, node: LexborNode) -> list[_Hit]:
    """The labels a text run starts with: the whole run, or one or more labels each with
    a colon and its value ("索引号：X　发文机关：Y"). Labels in links are navigation."""
    text = node.text_content or ""
    parent = node.parent
    if parent is None or parent.tag == "a" or P.LABEL_START.match(text) is None:
        return []
    whole = P.LABEL_RUN.match(text)
    if whole is not None and whole.group("rest") is None:
        label = P.squeeze(whole.group("label"))
        return [_Hit(at, label, P.key_of(label), "")]
    found = list(P.INLINE_LABEL.finditer(text))
    if not found or text[: found[0].start()].strip():
        return []
    hits = []
    for this, after in zip(found, [*found[1:], None]):
        label = P.squeeze(this.group("label"))
        rest = text[this.end(): after.start() if after is not None else len(text)]
        hits.append(_Hit(at, label, P.key_of(label), rest))
    return hits


def _clusters(hits: list[_Hit]) -> list[list[int]]:
    """Indexes into ``hits`` grouped into runs of labels close together."""
    clusters: list[list[int]] = []
    for index, hit in enumerate(hits):
        if clusters and hit.run - hits[clusters[-1][-1]].run <= P.BLOCK_GAP_RUNS:
            clusters[-1].append(index)
        else:
            clusters.append([index])
    return clusters


def _is_block(cluster: list[_Hit]) -> bool:
    labels = {hit.label for hit in cluster}
    keys = {hit.key for hit in cluster if hit.key}
    strong = keys & P.STRONG_KEYS
    return len(strong) >= P.STRONG_KEYS_MIN or (
        len(labels) >= P.BLOCK_LABELS_MIN and len(keys) >= P.FIELD_KEYS_MIN and bool(strong))


def _read_cluster(cluster: list[int], hits: list[_Hit], runs: list[LexborNode],
                  block: DocumentBlock) -> None:
    """Add one run of labels to ``block`` when it is a block whose fields have values."""
    members = [hits[i] for i in cluster]
    if not _is_block(members):
        return
    rows = [_row(runs[hit.run]) for hit in members]
    values: dict[str, str] = {}
    for position, (index, hit) in enumerate(zip(cluster, members)):
        following = hits[index + 1].run if index + 1 < len(hits) else len(runs)
        same_run_next = index + 1 < len(hits) and hits[index + 1].run == hit.run
        pieces = [hit.rest]
        if not same_run_next:
            pieces += _value_runs(runs, hit.run + 1, following, rows[position])
        value = read_value(hit.key, _join(pieces)) if hit.key else None
        if value is not None:
            values.setdefault(hit.key, value)
    if len(values) < P.FIELD_KEYS_MIN:
        return   # labels without values: a menu or a table of contents, not a block
    for key, value in values.items():
        block.fields.setdefault(key, value)
    block.labels += [label for label in dict.fromkeys(hit.label for hit in members)
                     if label not in block.labels]
    block.nodes += _block_nodes([row for row in rows if row is not None])


def _row(run: LexborNode) -> LexborNode | None:
    """The element holding a label's row: the first of ROW_TAGS around the label that
    holds more than the label; None when that is longer than one row."""
    label_length = len(P.squeeze(run.text_content or ""))
    node = run.parent
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in P.ROW_TAGS:
            length = len(P.squeeze(node.text()))
            if length > P.ROW_MAX_CHARS:
                return None
            if length > label_length:
                return node
        node = node.parent
    return None


def _value_runs(runs: list[LexborNode], start: int, stop: int,
                row: LexborNode | None) -> list[str]:
    """The texts of ``runs[start:stop]`` inside ``row`` (the first one only, without a
    row: nothing says where the value ends)."""
    if row is None:
        return [runs[start].text_content or ""] if start < stop else []
    inside = {node.mem_id for node in row.traverse(include_text=True) if node.tag == "-text"}
    pieces = []
    for node in runs[start:stop]:
        if node.mem_id not in inside:
            break
        pieces.append(node.text_content or "")
    return pieces


def _join(pieces: list[str]) -> str:
    """Text runs of one value joined as the page shows them: "榕应急〔2024〕" "12" "号"
    without spaces, Latin words with one."""
    out = ""
    for piece in (" ".join(p.split()) for p in pieces):
        if not piece:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii() \
                and piece[0].isalnum():
            out += " "
        out += piece
    return out


def _block_nodes(rows: list[LexborNode]) -> list[LexborNode]:
    """The elements to drop for a block's rows: the element around them all when it
    holds little else (a heading), else the rows themselves."""
    rows = outermost(rows)
    if not rows:
        return []
    common = _common_ancestor(rows)
    if common is None:
        return rows
    covered = sum(len(P.squeeze(row.text())) for row in rows)
    holder = None
    node: LexborNode | None = common
    while node is not None and node.tag not in ("body", "html", None):
        if len(P.squeeze(node.text())) - covered > P.BLOCK_SLACK_CHARS:
            break
        holder, node = node, node.parent
    return [holder] if holder is not None else rows


def _ancestors(node: LexborNode) -> list[LexborNode]:
    chain = []
    current: LexborNode | None = node
    while current is not None:
        chain.append(current)
        current = current.parent
    return chain


def _common_ancestor(nodes: list[LexborNode]) -> LexborNode | None:
    shared = [n.mem_id for n in _ancestors(nodes[0])]
    for node in nodes[1:]:
        ids = {n.mem_id for n in _ancestors(node)}
        shared = [i for i in shared if i in ids]
    if not shared:
        return None
    for candidate in _ancestors(nodes[0]):
        if candidate.mem_id == shared[0]:
            return candidate
    return None
