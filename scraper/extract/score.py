"""Block scoring: the candidates for the node that holds the article, ranked.

Every run of text is measured once (weighted length, punctuation, whether it sits in a
link; see ``measures``) and credited to its nearest block. A block with enough prose scores its ancestors
as in readability: parent fully, grandparent half, great-grandparent a third. Link
density is measured only for the few best candidates. ``extent`` takes the best of
them to the nodes to render.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from . import hint_patterns as H
from . import patterns as P
from .hints import class_hint
from .measures import (LENGTH_POINTS_CAP, TextRuns, is_ancestor, link_share, punctuation_count,
                       weighted_length_upto)

@dataclass
class Candidate:
    node: LexborNode
    score: float


def score_candidates(runs: TextRuns) -> dict[int, Candidate]:
    """Readability-style content scores for every block that holds or wraps prose,
    from the text runs measured by ``walk.walk``."""
    candidates: dict[int, Candidate] = {}
    chains: dict[int, list[Candidate]] = {}   # by the first container's id
    for block, texts, link_chars in runs.values():
        text = "".join(texts)
        # Too short even in CJK, or mostly links: tested before measuring the length.
        if len(text) < P.MIN_PARAGRAPH_LEN // P.CJK_WEIGHT or link_chars > len(text) * P.LINK_DENSITY_MAX:
            continue
        length = weighted_length_upto(text, LENGTH_POINTS_CAP)
        if length < P.MIN_PARAGRAPH_LEN:
            continue
        points = 1 + punctuation_count(text) + min(length // P.CHARS_PER_POINT,
                                                   P.MAX_LENGTH_POINTS)
        # A <p> is one paragraph and scores its containers; a <div>/<td> with loose
        # text is itself the container of that text.
        target = block.parent if block.tag in P.PARAGRAPH_TAGS else block
        if target is None:
            continue
        # The paragraphs of an article share their containers: found once for all.
        chain = chains.get(target.mem_id)
        if chain is None:
            chain = chains[target.mem_id] = _containers(target, candidates)
        for cand, share in zip(chain, P.SCORE_LEVELS):
            cand.score += points * share
    return candidates


def _containers(target: LexborNode, candidates: dict[int, Candidate]) -> list[Candidate]:
    """The candidates a paragraph scores, from ``target`` up one per SCORE_LEVELS,
    created (with their tag and class priors) when first met."""
    chain: list[Candidate] = []
    node: LexborNode | None = target
    for _ in P.SCORE_LEVELS:
        if node is None or node.tag in ("html", "-document"):
            break
        cand = candidates.get(node.mem_id)
        if cand is None:
            hint = max(-1, min(1, class_hint(node)))
            prior = P.TAG_PRIOR.get(node.tag, 0) + H.CLASS_WEIGHT * hint
            cand = candidates[node.mem_id] = Candidate(node, float(prior))
        chain.append(cand)
        node = node.parent
    return chain


@dataclass
class Ranking:
    """The candidates of one page: ``ranked`` are the TOP_CANDIDATES best raw scores,
    re-ranked by their link-adjusted score; ``by_score`` every candidate, best raw
    score first (where a second opinion looks for alternatives)."""

    ranked: list[Candidate]
    by_score: list[Candidate]
    adjusted: LinkAdjusted


def rank_candidates(runs: TextRuns, anchor_lengths: dict[int, int] | None = None) -> Ranking | None:
    """Score the page's blocks and rank them; None when no block holds prose."""
    candidates = score_candidates(runs)
    if not candidates:
        return None
    by_score = sorted(candidates.values(), key=lambda c: c.score, reverse=True)
    adjusted = LinkAdjusted(candidates, anchor_lengths)
    ranked = sorted((Candidate(c.node, adjusted(c.node)) for c in by_score[: P.TOP_CANDIDATES]),
                    key=lambda c: c.score, reverse=True)
    return Ranking(ranked, by_score, adjusted)


def spread_article(root: LexborNode, runs: TextRuns,
                   anchor_lengths: dict[int, int] | None = None) -> LexborNode:
    """The smallest node that holds every well-scored block: the article of a page laid
    out as several sections (a product, a recipe, an event) rather than one body.

    Well-scored means at least SPREAD_SCORE_SHARE of the best link-adjusted score among
    the SPREAD_CANDIDATES best raw scores.
    """
    candidates = score_candidates(runs)
    if not candidates:
        return root
    adjusted = LinkAdjusted(candidates, anchor_lengths)
    ranked = sorted(candidates.values(), key=lambda c: c.score, reverse=True)[: P.SPREAD_CANDIDATES]
    scores = [(adjusted(c.node), c.node) for c in ranked]
    best = max(score for score, _ in scores)
    good = [node for score, node in scores if score >= best * P.SPREAD_SCORE_SHARE]
    # A wrapper scores from the blocks inside it: only those blocks say where text is.
    good = [node for node in good if not any(is_ancestor(node, other) for other in good)]
    if not good:   # every score below zero: no block is well-scored
        return root
    holder: LexborNode | None = good[0]
    while holder is not None and not all(
            node.mem_id == holder.mem_id or is_ancestor(holder, node) for node in good):
        holder = holder.parent
    return holder if holder is not None and holder.tag not in ("html", "-document") else root


class LinkAdjusted:
    """Candidate scores scaled by (1 - link density), measured once per node on demand.

    Also the link measures themselves, once per node: ranking, climbing and the sibling
    rule ask about the same nodes, and every sibling of a node shares its ancestors.
    """

    def __init__(self, candidates: dict[int, Candidate],
                 anchor_lengths: dict[int, int] | None = None) -> None:
        self.candidates = candidates
        self.cache: dict[int, float] = {}
        self.shares: dict[int, float] = {}
        # candidates nest: anchors are shared (and may come measured from the walk)
        self.anchor_lengths: dict[int, int] = {} if anchor_lengths is None else anchor_lengths
        self.wrapped: dict[int, bool] = {}   # mem_id -> whether the node sits in an <a>

    def __call__(self, node: LexborNode) -> float:
        key = node.mem_id
        if key not in self.cache:
            cand = self.candidates.get(key)
            if cand is None:
                self.cache[key] = 0.0
            else:
                keep = 1 - self.density(node)
                # A block that is mostly links is a link list however long: it pays twice.
                if keep < 1 - P.LINK_DENSITY_MAX:
                    keep *= keep
                self.cache[key] = cand.score * keep
        return self.cache[key]

    def density(self, node: LexborNode) -> float:
        """Share of the node's text that sits in links (1.0 for a node inside a link)."""
        return 1.0 if self.inside_link(node) else self.share(node)

    def share(self, node: LexborNode) -> float:
        """``link_share(node)``."""
        key = node.mem_id
        share = self.shares.get(key)
        if share is None:
            share = self.shares[key] = link_share(node, self.anchor_lengths)
        return share

    def inside_link(self, node: LexborNode) -> bool:
        """True for a node wrapped in an anchor (a teaser card, not prose); the climb
        stops at the first ancestor already answered."""
        pending: list[int] = []
        current = node
        while True:
            key = current.mem_id
            known = self.wrapped.get(key)
            if known is not None:
                break
            pending.append(key)
            parent = current.parent
            if parent is None or parent.tag == "a":
                known = parent is not None
                break
            current = parent
        for key in pending:   # no <a> between these and where the answer was found
            self.wrapped[key] = known
        return known


def region_of(node: LexborNode) -> str | None:
    """The page-region element that ``node`` is or sits in, if any: REGION_TAGS, or
    named a region by REGION_ROLES or REGION_IDS."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        tag = current.tag
        if tag in P.REGION_TAGS:
            return tag
        attrs = current.attributes
        if attrs:
            role, name = attrs.get("role"), attrs.get("id")
            if role and role.lower() in P.REGION_ROLES:
                return f"{tag} role={role}"
            if name and name.lower() in P.REGION_IDS:
                return f"{tag}#{name}"
        current = current.parent
    return None
