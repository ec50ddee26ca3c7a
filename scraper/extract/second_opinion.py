"""A second opinion on the chosen block, as trafilatura's fallbacks and readability's
retries give one: when the first choice is implausible, the other strong candidates
are rendered too, and a clearly better one replaces it.

The first choice is doubted when it sits in a page region (a ``<footer>``, ``<header>``,
``<nav>`` or ``<aside>`` element: an "about us" blurb, a newsletter box), when its body
holds little of the page's prose (a teaser beside the article, a comment), or when it
is mostly links. The alternatives are the best-scored candidates that are neither
inside nor around it nor in a page region; each is settled as the first was (climbed,
widened, with its siblings) and rendered, and the longest rendering wins when it is
long enough to be believed (see ``patterns``). Every candidate weighed is kept in the
``Choice`` record, so the decision can be shown and explained.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from selectolax.lexbor import LexborNode

from . import patterns as P
from .extent import settle
from .trace import css_path
from .measures import nested
from .score import Candidate, Ranking, region_of

__all__ = ["Choice", "Considered", "reconsider", "record"]


class _Rendered(Protocol):
    text: str


R = TypeVar("R", bound=_Rendered)
# Nodes to render from (core, nodes), as body.py renders the first choice.
Renderer = Callable[[list[LexborNode], list[LexborNode]], R]


@dataclass(frozen=True)
class Considered:
    """One candidate the choice weighed: its node, its link-adjusted content score, the
    length of its rendered body (characters without whitespace; None: not rendered),
    the page region it sits in, if any, and the core it settled to when rendered."""

    node: LexborNode
    score: float
    length: int | None = None
    region: str | None = None
    core: tuple[LexborNode, ...] = ()   # the nodes it settled to (with its siblings)

    @property
    def path(self) -> str:
        return css_path(self.node)


@dataclass
class Choice:
    """How the article block was chosen: the block rendered, the best other candidate,
    why the first choice was doubted (None: it was not), and whether it was replaced."""

    chosen: Considered
    runner_up: Considered | None = None
    doubt: str | None = None
    compared: list[Considered] = field(default_factory=list)
    replaced: bool = False


def prose_chars(text: str) -> int:
    """Characters of a rendered body without whitespace (its lines are normalised)."""
    return len(text) - text.count(" ") - text.count("\n")


def reconsider(ranking: Ranking, first: tuple[list[LexborNode], list[LexborNode]], body: R,
               page_prose: Callable[[], int], render: Renderer[R]) -> tuple[R, Choice]:
    """``body`` (rendered from ``first``, the chosen core and nodes) or a better
    alternative's body, with the record of the choice. ``page_prose`` gives the page's
    prose (see ``measures.prose_length``), asked for only when a rule needs it: most
    first choices are long enough to settle without it."""
    core, nodes = first
    choice = record(ranking, first, body)
    chosen, region = choice.chosen, choice.chosen.region
    choice.doubt = _doubt(core, chosen.length or 0, region, page_prose, ranking)
    if choice.doubt is None:
        return body, choice
    best: tuple[R, Considered] | None = None
    for alt in _alternatives(ranking, core + nodes, region):
        alt_core, alt_nodes = settle(alt, ranking)
        if _overlaps(alt_core, core):   # climbed to a wrapper of the first: stay where it is
            alt_core, alt_nodes = settle(alt, ranking, climb=False)
            if _overlaps(alt_core, core):
                continue
        rendered = render(alt_core, alt_nodes)
        if prose_chars(rendered.text) < P.MIN_PARAGRAPH_LEN and \
                [n.mem_id for n in alt_nodes] != [n.mem_id for n in alt_core]:
            # A wrapper may drop a link-heavy core as a link list: the core is
            # rendered whole when it is the node rendered.
            rendered = render(alt_core, alt_core)
        considered = Considered(alt.node, alt.score, prose_chars(rendered.text),
                                core=tuple(alt_core))
        choice.compared.append(considered)
        if best is None or (considered.length or 0) > (best[1].length or 0):
            best = rendered, considered
    if best is None:
        return body, choice
    choice.runner_up = best[1]
    if _believed(best[1].length or 0, chosen.length or 0, region, page_prose):
        choice.chosen, choice.runner_up, choice.replaced = best[1], chosen, True
        return best[0], choice
    return body, choice


def record(ranking: Ranking, first: tuple[list[LexborNode], list[LexborNode]], body: R) -> Choice:
    """The choice of ``first`` (core and nodes, rendered as ``body``) as it stands: the
    best candidate and its runner-up, undoubted."""
    core, nodes = first
    top = ranking.ranked[0]
    chosen = Considered(top.node, top.score, prose_chars(body.text), region_of(core[0]),
                        tuple(core))
    return Choice(chosen, runner_up=_runner_up(ranking, core + nodes))


def _believed(length: int, first: int, region: str | None,
              page_prose: Callable[[], int]) -> bool:
    """Whether an alternative's body of ``length`` replaces the first choice's: out of a
    page region it need only be substantial; otherwise it must be DOUBT_GAIN times as
    long and not itself hold little of the page's prose (then neither is the article,
    and the spread rule of ``body`` looks further)."""
    if length < P.MIN_PARAGRAPH_LEN:
        return False
    if region is not None:
        return length >= P.REGION_DOUBT_GAIN * first
    return length >= P.DOUBT_GAIN * first and length >= P.DOUBT_PROSE_SHARE * page_prose()


def _doubt(core: list[LexborNode], length: int, region: str | None,
           page_prose: Callable[[], int], ranking: Ranking) -> str | None:
    """Why the first choice looks wrong, or None."""
    if region is not None:
        return f"in {region}"
    if length < P.DOUBT_MAX_LEN and length < P.DOUBT_PROSE_SHARE * page_prose():
        return "little of the page's prose"
    if ranking.adjusted.density(core[0]) > P.LINK_DENSITY_MAX:
        return "mostly links"
    return None


def _overlaps(nodes: list[LexborNode], others: list[LexborNode]) -> bool:
    return any(nested(a, b) for a in nodes for b in others)


def _runner_up(ranking: Ranking, taken: list[LexborNode]) -> Considered | None:
    """The best-ranked candidate apart from the chosen block (not inside or around it)."""
    for cand in ranking.ranked[1:]:
        if not any(nested(cand.node, node) for node in taken):
            return Considered(cand.node, cand.score, region=region_of(cand.node))
    return None


def _alternatives(ranking: Ranking, taken: list[LexborNode], region: str | None
                  ) -> Iterator[Candidate]:
    """The strong candidates apart from the first choice, best raw score first: none
    inside or around another already given, none in a page region, at most
    DOUBT_ALTERNATIVES of them. Unless the first choice sits in a ``region``, they
    must also come close to its link-adjusted score (a sidebar beside a short article
    has more text, and more links)."""
    given: list[LexborNode] = []
    floor = ranking.by_score[0].score * P.DOUBT_MIN_SCORE_SHARE
    for cand in ranking.by_score[: P.DOUBT_CANDIDATES]:
        if len(given) >= P.DOUBT_ALTERNATIVES or cand.score < floor:
            return
        node = cand.node
        if any(nested(node, other) for other in (*taken, *given)) or region_of(node):
            continue
        given.append(node)
        adjusted = ranking.adjusted(node)
        if region or adjusted >= ranking.ranked[0].score * P.DOUBT_MIN_ADJUSTED_SHARE:
            yield Candidate(node, adjusted)
