"""Block scoring: find the node that holds the article.

Every run of text is measured once (weighted length, punctuation, whether it sits in a
link; see ``measures``) and credited to its nearest block. A block with enough prose scores its ancestors
as in readability: parent fully, grandparent half, great-grandparent a third. Link
density is measured only for the few best candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from . import patterns as P
from .hints import class_hint
from .measures import (LENGTH_POINTS_CAP, Lengths, TextRuns, is_ancestor, link_share,
                       punctuation_count, weighted_length, weighted_length_upto)
from .sections import same_style_sections
from .walk import walk


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
            prior = P.TAG_PRIOR.get(node.tag, 0) + P.CLASS_WEIGHT * hint
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
    adjusted: _LinkAdjusted


def rank_candidates(runs: TextRuns, anchor_lengths: dict[int, int] | None = None) -> Ranking | None:
    """Score the page's blocks and rank them; None when no block holds prose."""
    candidates = score_candidates(runs)
    if not candidates:
        return None
    by_score = sorted(candidates.values(), key=lambda c: c.score, reverse=True)
    adjusted = _LinkAdjusted(candidates, anchor_lengths)
    ranked = sorted((Candidate(c.node, adjusted(c.node)) for c in by_score[: P.TOP_CANDIDATES]),
                    key=lambda c: c.score, reverse=True)
    return Ranking(ranked, by_score, adjusted)


def settle(top: Candidate, ranking: Ranking, *, climb: bool = True
           ) -> tuple[list[LexborNode], list[LexborNode]]:
    """The core nodes and the nodes to render when ``top`` is the best candidate: climbed
    (unless ``climb`` is False) to the parent of a split article, with its content
    siblings, widened to its wrapper or to the ``<article>`` element around it (see
    ``choose_article``)."""
    adjusted = ranking.adjusted
    if climb:
        top = _climb(top, ranking.ranked, adjusted)
    core = [_as_block(node) for node in _with_siblings(top, adjusted)]
    lengths = Lengths()
    wide = _widen(top, lengths, adjusted)
    parts = _article_parts(wide.node, lengths)
    if parts is not None:
        nodes = parts
    else:
        nodes = core if wide is top else _with_siblings(wide, adjusted)
        if any(is_ancestor(c, n) for c in core for n in nodes):   # sections above the widening
            nodes = core
    return same_style_sections(core, nodes, (c.node for c in ranking.by_score), adjusted,
                               adjusted.density, region_of)


def _as_block(node: LexborNode) -> LexborNode:
    """``node``, or for an inline element (a ``<span>``, a ``<font>`` holding the whole
    article) the block that holds nothing else: rendering marks the article's lines by
    the block they are in."""
    block = node
    while block.tag not in P.BLOCK_TAGS:
        parent = block.parent
        if parent is None or parent.tag in ("body", "html") or not _only_wraps(parent, block):
            return node
        block = parent
    return block


def choose_article(root: LexborNode, runs: TextRuns | None = None,
                   anchor_lengths: dict[int, int] | None = None) -> tuple[list[LexborNode], list[LexborNode]]:
    """The core nodes (best candidate and its content siblings) and the nodes to render
    (the core, the wrapper it was widened to with that wrapper's content siblings, or
    the parts of the ``<article>`` element around it), each in document order."""
    if runs is None:   # not pruned first: measure the text as it stands
        runs = walk(root, use_hints=False)[1]
    ranking = rank_candidates(runs, anchor_lengths)
    if ranking is None:
        return [root], [root]
    return settle(ranking.ranked[0], ranking)


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
    adjusted = _LinkAdjusted(candidates, anchor_lengths)
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


class _LinkAdjusted:
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


def _climb(top: Candidate, ranked: list[Candidate], adjusted: _LinkAdjusted) -> Candidate:
    """Move up when the article is split over sibling blocks, or a parent scores higher."""
    # Only separate blocks count as alternatives, not the top's own wrappers or parts.
    close = [c for c in ranked[1:] if c.score >= top.score * P.ALTERNATIVE_SCORE_SHARE
             and not is_ancestor(c.node, top.node) and not is_ancestor(top.node, c.node)]
    if len(close) >= P.MIN_ALTERNATIVES - 1 and region_of(top.node) is None:
        # Teasers in a sidebar or footer are not parts of an article outside it.
        close = [c for c in close if region_of(c.node) is None]
    if len(close) >= P.MIN_ALTERNATIVES - 1:
        parent = top.node.parent
        while parent is not None and parent.tag not in ("body", "html"):
            if sum(is_ancestor(parent, c.node) for c in close) >= P.MIN_ALTERNATIVES - 1:
                return Candidate(parent, max(adjusted(parent), top.score))
            parent = parent.parent
    # readability: a parent that scores more than the top candidate holds more of it
    threshold = top.score / 3
    parent = top.node.parent
    last = top.score
    while parent is not None and parent.tag not in ("body", "html"):
        score = adjusted(parent)
        if not score:
            parent = parent.parent
            continue
        if score < threshold:
            break
        if score > last:
            return Candidate(parent, score)
        last = score
        parent = parent.parent
    return top


def _only_wraps(parent: LexborNode, child: LexborNode) -> bool:
    """True when ``parent`` holds nothing but ``child`` (and whitespace or comments)."""
    target = child.mem_id
    for node in parent.iter(include_text=True):
        tag = node.tag
        if tag == "-text":
            if not (node.text_content or "").isspace():
                return False
        elif tag != "-comment" and node.mem_id != target:
            return False
    return True


def _widen(top: Candidate, lengths: Lengths, adjusted: _LinkAdjusted) -> Candidate:
    """Take in the wrapper of the top candidate while what it adds is prose, not links.

    Articles are often split into a lead, the body and a closing block in sibling
    wrappers; a wrapper whose extra text has few links and is not much larger than
    the article itself holds more of the article than of anything else.
    """
    node = top.node
    length = lengths.text(node)
    links = lengths.link(node)
    for _ in range(P.WIDEN_LEVELS):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html") or \
                adjusted.inside_link(parent):
            break
        if _only_wraps(parent, node):   # same text: climb without measuring
            node = parent
            continue
        _, p_length, p_links = lengths.up(node)
        extra, extra_links = p_length - length, p_links - links
        if extra <= 0:
            node = parent
            continue
        if extra > length * P.WIDEN_MAX_EXTRA:
            break
        # A few links in a thin wrapper (a byline, a tag) do not stop the climb.
        if extra_links > extra * P.WIDEN_MAX_LINK_DENSITY and extra > P.WIDEN_THIN_EXTRA:
            break
        node, length, links = parent, p_length, p_links
    return top if node is top.node else Candidate(node, top.score)


def _is_article_element(node: LexborNode) -> bool:
    return node.tag == "article" or \
        (node.attributes.get("itemprop") or "").lower() == P.ARTICLE_BODY_ITEMPROP


def _article_parts(node: LexborNode, lengths: Lengths) -> list[LexborNode] | None:
    """The parts of the ``<article>`` (or ``itemprop=articleBody``) element around
    ``node``, without its ``<header>`` (headline, standfirst, byline): page builders
    split one article into many sections, each too small to count as part of it.

    Taken only when the element is close above ``node``, holds at most
    ARTICLE_MAX_GROWTH times its text, and few links; otherwise None.
    """
    length = lengths.text(node)
    parent = node.parent
    for _ in range(P.ARTICLE_LEVELS):
        if parent is None or parent.tag in ("body", "html"):
            return None
        if _is_article_element(parent):
            below = node   # measured level by level: each adds only its siblings' text
            while True:
                above, p_length, p_links = lengths.up(below)
                if above.mem_id == parent.mem_id:
                    break
                below = above
            if p_length > P.ARTICLE_MAX_GROWTH * max(length, 1) or \
                    p_links > P.ARTICLE_MAX_LINK_DENSITY * p_length:
                return None
            parts = [child for child in parent.iter() if child.tag != "header"]
            target = node.mem_id
            if any(part.mem_id == target or is_ancestor(part, node) for part in parts):
                return parts
            return None
        parent = parent.parent
    return None


def _best_inside(node: LexborNode, adjusted: _LinkAdjusted) -> float:
    """The link-adjusted score of the best-scored candidate inside ``node`` (0 for none)."""
    candidates = adjusted.candidates
    best: Candidate | None = None
    for inner in node.traverse(include_text=False):
        cand = candidates.get(inner.mem_id)
        if cand is not None and (best is None or cand.score > best.score):
            best = cand
    return adjusted(best.node) if best is not None and best.score > 0 else 0.0


def _with_siblings(top: Candidate, adjusted: _LinkAdjusted) -> list[LexborNode]:
    """The top node and its siblings that hold article text too (readability's rule,
    on link-adjusted scores so a link column beside the article stays out)."""
    node = node_found = top.node
    parent = node.parent
    # A wrapper holding nothing but the top node is the same block: of its siblings,
    # those built like it are sections of the article, each in a wrapper of its own.
    while parent is not None and parent.tag not in ("body", "html") and _only_wraps(parent, node):
        node, parent = parent, parent.parent
    wrapped = node is not top.node
    if wrapped:
        top = Candidate(node, top.score)
    if parent is None or top.node.tag in ("body", "html"):
        return [top.node]
    keep = _siblings_kept(top, parent, wrapped, adjusted)
    if wrapped and len(keep) == 1:   # no section beside it: the block as it was found
        return [node_found]
    return keep


def _siblings_kept(top: Candidate, parent: LexborNode, wrapped: bool,
                   adjusted: _LinkAdjusted) -> list[LexborNode]:
    """``_with_siblings`` below the wrapper climb: the siblings under ``parent`` kept."""
    threshold = max(P.SIBLING_MIN_SCORE, top.score * P.SIBLING_SCORE_SHARE)
    top_class = top.node.attributes.get("class")
    keep: list[LexborNode] = []
    for sibling in parent.iter(include_text=False):
        if sibling.mem_id == top.node.mem_id:
            keep.append(sibling)
            continue
        score = adjusted(sibling)
        same_style = bool(top_class) and sibling.tag == top.node.tag and \
            sibling.attributes.get("class") == top_class
        if wrapped and not same_style:
            continue
        if same_style and not score:
            # A section of the article built like the chosen one, too deep above its
            # paragraphs to have been scored: it scores as the best block inside it.
            score = _best_inside(sibling, adjusted)
        if score and adjusted.density(sibling) > P.LINK_DENSITY_MAX:   # a link list
            continue
        bonus = top.score * 0.2 if same_style else 0
        if score and score + bonus >= threshold:
            keep.append(sibling)
        elif sibling.tag == "p":
            text = sibling.text(deep=True)
            length = weighted_length(text)
            density = adjusted.share(sibling)
            if length > P.SIBLING_PARAGRAPH_LEN and density < P.SIBLING_LINK_DENSITY_MAX:
                keep.append(sibling)
            elif 0 < length <= P.SIBLING_PARAGRAPH_LEN and density == 0 and \
                    text.rstrip()[-1:] in "。.!?！？":
                keep.append(sibling)
    return keep
