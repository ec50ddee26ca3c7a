"""The decisions of one rendering as trace blocks: lines kept and dropped, the page
outside the chosen block, the chosen container and its runner-up.

Only called with a trace (``scraper explain``): nothing here runs for ``extract``.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import patterns as P
from . import trace as T
from .measures import TextRuns
from .render import Rendered
from .score import LinkAdjusted, score_candidates   # the scores the choice compared

# How many of the best-scored candidates are looked at for a runner-up.
RUNNER_UP_POOL = 10
# Opening words of a container shown in a trace.
CONTAINER_TEXT_MAX = 120
# An element outside the chosen block with more text than this (characters) is shown
# as its blocks (a side column as its ranking list, its topics box…), not as one.
OUTSIDE_SPLIT_LEN = 150
# Elements that stay one block however long: a list is one thing on the page.
OUTSIDE_WHOLE_TAGS = frozenset(("ul", "ol", "dl", "li", "p", "h1", "h2", "h3", "h4", "h5",
                                "h6", "pre", "blockquote", "a"))


def line_blocks(rendered: Rendered, kept: list[str], kept_at: list[int],
                why: dict[int, str]) -> list[T.Block]:
    """One block per rendered line: kept (with the text ``body`` has) or dropped with
    the line rule that dropped it."""
    marks = rendered.marks or []
    kept_text = dict(zip(kept_at, kept))
    blocks: list[T.Block] = []
    for index, line in enumerate(rendered.lines):
        mark = marks[index] if index < len(marks) else None
        text = kept_text.get(index)
        if text is not None:
            block = T.Block(text=text, kept=True, reason=T.KEPT)
        else:
            block = T.Block(text=T.clip(line), kept=False, reason=T.LINE_RULE,
                            detail=why.get(index))
        if mark is not None:
            block.path, block.depth, block.position = mark.path, mark.depth, mark.position
        blocks.append(block)
    return blocks


def scorer(runs: TextRuns, anchors: dict[int, int]) -> LinkAdjusted:
    """The scores the choice of the article compared, for the nodes a trace shows."""
    return LinkAdjusted(score_candidates(runs), anchors)


def outside_blocks(root: LexborNode, rendered: list[LexborNode], trace: T.Trace,
                   scores: LinkAdjusted) -> list[T.Block]:
    """The text of the page left after pruning that lies outside the rendered nodes, one
    block per outermost element (or loose text) outside them; an element that was a
    candidate for the article carries the score it lost with, and each its link share."""
    inside = {node.mem_id for node in rendered}
    around: set[int] = set()   # ancestors of rendered nodes: walked into, not reported
    for node in rendered:
        parent = node.parent
        while parent is not None and parent.mem_id not in around:
            around.add(parent.mem_id)
            parent = parent.parent
    blocks: list[T.Block] = []
    if root.mem_id in inside:
        return blocks
    stack = [root]
    while stack:
        node = stack.pop()
        child = node.last_child
        children: list[LexborNode] = []
        while child is not None:
            children.append(child)
            child = child.prev
        for child in children:   # reversed twice: document order off the stack
            key = child.mem_id
            if key in inside:
                continue
            if key in around or _split(child):
                stack.append(child)
                continue
            tag = child.tag
            if tag == "-text" or (isinstance(tag, str) and not tag.startswith("-")):
                block = _block(child, child.text_content if tag == "-text" else None, trace,
                               None if tag == "-text" else scores)
                if block is not None:
                    blocks.append(block)
    return blocks


def _split(node: LexborNode) -> bool:
    """Whether an element outside the chosen block is drawn as its blocks: a long one
    made of blocks (a wrapper of one block is looked through)."""
    tag = node.tag
    if not isinstance(tag, str) or tag.startswith("-") or tag in OUTSIDE_WHOLE_TAGS:
        return False
    child = node.child
    while child is not None:
        if child.tag in P.BLOCK_TAGS and child.text(deep=True).strip():
            return len(node.text(deep=True)) > OUTSIDE_SPLIT_LEN
        child = child.next
    return False


def _block(node: LexborNode, text: str | None, trace: T.Trace,
           scores: LinkAdjusted | None) -> T.Block | None:
    text = " ".join((node.text(deep=True, separator=" ") if text is None else text).split())
    if not text:
        return None
    score = link_share = None
    if scores is not None:
        if node.mem_id in scores.candidates:
            score = scores(node)
        link_share = scores.density(node)
    return T.Block(text=T.clip(text), kept=False, reason=T.OUTSIDE, path=T.css_path(node),
                   depth=trace.depth(node), position=trace.position(node), score=score,
                   link_share=link_share)


def container_of(core: list[LexborNode], adjusted: LinkAdjusted) -> T.Container | None:
    """The chosen container (the core node; its content siblings named with it)."""
    if not core:
        return None
    node = core[0]
    path = ", ".join(T.css_path(n) for n in core)
    return T.Container(path=path, score=sum(adjusted(n) for n in core), tag=node.tag or "",
                       text=_opening(node))


def runner_up(core: list[LexborNode], adjusted: LinkAdjusted) -> T.Container | None:
    """The best-scored candidate that is neither inside nor around the chosen one."""
    candidates = adjusted.candidates
    chosen = {n.mem_id for n in core}
    related = set(chosen)
    for node in core:
        parent = node.parent
        while parent is not None:
            related.add(parent.mem_id)
            parent = parent.parent
    pool = sorted(candidates.values(), key=lambda c: c.score, reverse=True)[:RUNNER_UP_POOL * 3]
    best: tuple[float, LexborNode] | None = None
    for cand in pool:
        node = cand.node
        if node.mem_id in related or _inside(node, chosen):
            continue
        score = adjusted(node)
        if best is None or score > best[0]:
            best = (score, node)
    if best is None:
        return None
    return T.Container(path=T.css_path(best[1]), score=best[0], tag=best[1].tag or "",
                       text=_opening(best[1]))


def _inside(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _opening(node: LexborNode) -> str:
    text = " ".join(node.text(deep=True, separator=" ").split())
    return T.clip(text, CONTAINER_TEXT_MAX)

