"""Article body: prune, choose the article node, render its paragraphs, tidy the lines.

A short body that holds little of the page's text is one section of an article spread
over several (product, recipe, event pages): the node holding every well-scored
section is rendered instead when that only adds to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..models import Image
from .clean import prune
from .render import render
from . import patterns as P
from .measures import prose_lengths, weighted_length
from .score import choose_article, spread_article
from .walk import TextRuns
from .tidy import tidy


@dataclass
class Body:
    text: str = ""
    images: list[Image] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    editor: str | None = None


def extract_body(tree: LexborHTMLParser, url: str | None, *, title: str | None = None,
                 source: str | None = None, never_content_dropped: bool = False) -> Body:
    """The article text of a parsed page. Prunes ``tree`` in place (see ``clean.prune``;
    ``never_content_dropped`` when ``extract_metadata`` has already removed those).

    When the result is short and ``source`` (the page's text) is given, the page is
    parsed again and extracted without class/id pruning, and with the contents of
    ``<noscript>`` as markup (some pages keep their whole text there for crawlers);
    the longer body wins.
    """
    body = _attempt(tree, url, title, use_hints=True, never_content_dropped=never_content_dropped)
    if source is not None and weighted_length(body.text) < P.MIN_BODY_LEN:
        retry = _attempt(LexborHTMLParser(P.NOSCRIPT_TAG.sub("", source)), url, title,
                         use_hints=False)
        if weighted_length(retry.text) > weighted_length(body.text):
            return retry
    return body


def _attempt(tree: LexborHTMLParser, url: str | None, title: str | None, *, use_hints: bool,
             never_content_dropped: bool = False) -> Body:
    anchors: dict[int, int] = {}   # anchor lengths, measured once for the whole attempt
    runs = prune(tree, use_hints=use_hints, anchor_lengths=anchors,
                 never_content_dropped=never_content_dropped)
    root = tree.body
    if root is None:
        return Body()
    core, nodes = choose_article(root, runs, anchors)
    body = _rendered(nodes, core, url, title, anchors)
    if _covers_little(body.text, runs):
        holder = spread_article(root, runs, anchors)
        spread = _rendered([holder], [holder], url, title, anchors)
        # Only ever more of the page: a section holding the body's every line, not a
        # wrapper whose link share dropped the article itself.
        if len(spread.text) > len(body.text) and \
                set(body.text.splitlines()) <= set(spread.text.splitlines()):
            spread.editor = spread.editor or body.editor
            return spread
    return body


def _rendered(nodes: list[LexborNode], core: list[LexborNode], url: str | None,
              title: str | None, anchors: dict[int, int]) -> Body:
    rendered = render(nodes, url, core, anchors)
    lines, editor = tidy(rendered.lines, rendered.core, title=title, captions=rendered.captions)
    return Body(text="\n".join(lines), images=rendered.images, captions=rendered.captions,
                editor=editor)


def _covers_little(text: str, runs: TextRuns) -> bool:
    """A short body that holds a small share of the page's text outside links."""
    # Rendered lines are whitespace-normalised: spaces and line breaks are the only
    # whitespace left, and counting them is far cheaper than splitting the text.
    length = len(text) - text.count(" ") - text.count("\n")
    if length >= P.SPREAD_MAX_LEN:
        return False
    total = 0   # the page's prose, counted only until the body is known to be a small share
    for part in prose_lengths(runs):
        total += part
        if length < P.SPREAD_MAX_COVERAGE * total:
            return True
    return False
