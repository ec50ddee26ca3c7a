"""Sections of the article built like the chosen block, in wrappers of their own.

Page builders and story templates split one article into several blocks of the same
tag and class (``div.story-text`` before and after an advert row, one
``div.elementor-text-editor`` per builder section), each nested in wrappers of its
own: they are cousins of the chosen block, not its siblings, so the sibling rule never
sees them. A scored block of the chosen block's tag and class, under a common ancestor
at most SECTION_LEVELS above it, with prose and few links and outside any page region,
is a section of the same article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborNode

from . import patterns as P
from .measures import nested

__all__ = ["same_style_sections"]


def same_style_sections(core: list[LexborNode], nodes: list[LexborNode],
                        candidates: Iterable[LexborNode],
                        score: Callable[[LexborNode], float],
                        density: Callable[[LexborNode], float],
                        region_of: Callable[[LexborNode], str | None]
                        ) -> tuple[list[LexborNode], list[LexborNode]]:
    """``core`` and ``nodes`` with the chosen block's cousins added, the nodes in
    document order (``candidates``: the scored blocks; ``score``: a block's link-adjusted score;
    ``density``: its link share)."""
    first = core[0]
    style = first.attrs.get("class")
    if not style:
        return core, nodes
    tag = first.tag
    above = _ancestors(first)
    levels = {ancestor.mem_id: index for index, ancestor in enumerate(above)}
    taken = [*core, *nodes]
    found: list[LexborNode] = []
    reach = -1   # how far up the highest common ancestor met is, in ``above``
    for node in candidates:
        if node.tag != tag or node.attrs.get("class") != style or node.mem_id == first.mem_id:
            continue
        if any(nested(node, other) for other in taken):
            continue
        level = _common(node, levels)
        if level is None or score(node) < P.SECTION_MIN_SCORE or region_of(node) is not None \
                or density(node) > P.LINK_DENSITY_MAX:
            continue
        if _titled(node, above[level]):
            continue
        reach = max(reach, level)
        found.append(node)
        taken.append(node)
    if not found:
        return core, nodes
    holder = above[reach]
    order = {node.mem_id: index for index, node in enumerate(holder.traverse(include_text=False))}
    end = len(order)

    def place(node: LexborNode) -> int:
        return order.get(node.mem_id, end)

    # The chosen block stays first in the core: the second opinion weighs it.
    return core + found, sorted(nodes + found, key=place)


def _ancestors(node: LexborNode) -> list[LexborNode]:
    """The ancestors of ``node`` up to SECTION_LEVELS, below <body>, nearest first."""
    found: list[LexborNode] = []
    parent = node.parent
    for _ in range(P.SECTION_LEVELS):
        if parent is None or parent.tag in ("body", "html"):
            break
        found.append(parent)
        parent = parent.parent
    return found


def _common(node: LexborNode, levels: dict[int, int]) -> int | None:
    """The level (in ``levels``, by id) of the lowest ancestor of the chosen block that
    holds ``node``, when ``node`` is at most SECTION_LEVELS below it."""
    parent = node.parent
    for _ in range(P.SECTION_LEVELS):
        if parent is None:
            return None
        hit = levels.get(parent.mem_id)
        if hit is not None:
            return hit
        parent = parent.parent
    return None


def _titled(node: LexborNode, common: LexborNode) -> bool:
    """Whether the branch of ``common`` that holds ``node`` has a linked headline: the
    teaser of another post (a blog's index, "more stories"), not a section of this one."""
    branch = node
    while branch.parent is not None and branch.parent.mem_id != common.mem_id:
        branch = branch.parent
    return branch.css_first(P.SECTION_TEASER_TITLE) is not None
