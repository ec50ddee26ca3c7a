"""The article's extent: from its best-scored block (``score``) to the nodes to render.

The best candidate is climbed to the parent of an article split over sibling blocks
(or to a parent that scores more, when a block it adds is a part of an article rather
than a bio, a promotion or a sidebar beside one), joined by its siblings that hold
article text too (readability's rule, on link-adjusted scores), and widened to the
wrapper around it while what the wrapper adds is prose, or to the ``<article>``
element around it.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import patterns as P
from .measures import Lengths, TextRuns, is_ancestor, weighted_length
from .score import Candidate, LinkAdjusted, Ranking, rank_candidates, region_of
from .sections import same_style_sections
from .walk import walk

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


def _climb(top: Candidate, ranked: list[Candidate], adjusted: LinkAdjusted) -> Candidate:
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
    # readability: an ancestor that scores more than the one below it holds more of the
    # article, when what it takes in holds a part of one (see ``_takes_in_a_part``)
    threshold = top.score / 3
    path = [top.node]   # the top and the ancestors climbed past, nearest last
    parent = top.node.parent
    last = top.score
    while parent is not None and parent.tag not in ("body", "html"):
        score = adjusted(parent)
        if not score:
            path.append(parent)
            parent = parent.parent
            continue
        if score < threshold:
            break
        if score > last:
            return Candidate(parent, score) if _takes_in_a_part(parent, path, adjusted) else top
        last = score
        path.append(parent)
        parent = parent.parent
    return top


def _takes_in_a_part(parent: LexborNode, path: list[LexborNode], adjusted: LinkAdjusted) -> bool:
    """Whether climbing from ``path`` (the top candidate and the ancestors passed) to
    ``parent`` takes in a block that is a part of an article: one that scores
    CLIMB_PART_MIN_SCORE (itself, or as the best block inside it), is not a link list and
    has no linked headline. Any text beside the top raises an ancestor's score above the
    wrapper below it; the blocks that do so beside an article are often an author's bio,
    a promotion, the columns of a sidebar or the excerpts of other posts."""
    passed = {node.mem_id for node in path}
    for ancestor in (parent, *path[1:]):
        for block in ancestor.iter():
            if block.mem_id in passed:
                continue
            score = adjusted(block)
            if score < P.CLIMB_PART_MIN_SCORE:
                score = _best_inside(block, adjusted)
            if score >= P.CLIMB_PART_MIN_SCORE and \
                    adjusted.density(block) <= P.LINK_DENSITY_MAX and \
                    block.css_first(P.SECTION_TEASER_TITLE) is None:
                return True
    return False


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


def _widen(top: Candidate, lengths: Lengths, adjusted: LinkAdjusted) -> Candidate:
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


def _best_inside(node: LexborNode, adjusted: LinkAdjusted) -> float:
    """The link-adjusted score of the best-scored candidate inside ``node`` (0 for none)."""
    candidates = adjusted.candidates
    best: Candidate | None = None
    for inner in node.traverse(include_text=False):
        cand = candidates.get(inner.mem_id)
        if cand is not None and (best is None or cand.score > best.score):
            best = cand
    return adjusted(best.node) if best is not None and best.score > 0 else 0.0


def _with_siblings(top: Candidate, adjusted: LinkAdjusted) -> list[LexborNode]:
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
                   adjusted: LinkAdjusted) -> list[LexborNode]:
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
