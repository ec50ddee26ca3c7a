"""Article body: prune, choose the article node, render its paragraphs, tidy the lines.

A short body that holds little of the page's text is one section of an article spread
over several (product, recipe, event pages): the node holding every well-scored
section is rendered instead when that only adds to it. A body still too short to be
an article whose block holds lists of headline links (a link roll, a news briefing)
is rendered again with those lists read as its text. A chosen list of titled entries
(reviews, FAQ panels, slides) gives way to the article found beside or around it (see
``entries``).

Markdown and HTML, when asked for, are made from the lines the body keeps (see
``structure``); a trace, when given, receives this pass's decisions (see ``trace``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..models import Attachment, Image
from . import patterns as P
from . import trace as T
from .article_html import to_html
from .attachments import DocumentLinks, article_blocks, page_base, resolve
from .attribute_names import parse_page
from .clean import drop_never_content, hidden_elements, prune, stays_hidden
from .decisions import container_of, line_blocks, outside_blocks, runner_up, scorer
from .document import drop_block, find_block
from .entries import Beside, beside_entries, titled_entries
from .extent import settle
from .markdown import to_markdown
from .measures import TextRuns, prose_length, prose_lengths, weighted_length, weighted_length_upto
from .options import PLAIN, Options
from .render import Rendered, render
from .score import rank_candidates, spread_article
from .second_opinion import Choice, reconsider, record
from .standfirst import standfirst
from .structure import Mark
from .tidy import sieved_length, tidy


@dataclass
class Body:
    text: str = ""
    images: list[Image] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    # The documents the body's lines link to, and its 附件 lines (see ``attachments``).
    attachments: list[Attachment] = field(default_factory=list)
    editor: str | None = None
    markdown: str | None = None
    html: str | None = None
    # With structure asked for: the rendering and the lines tidy kept of it (their
    # indexes in it), from which the winning body's Markdown and HTML are made.
    structure: tuple[Rendered, list[str], list[int]] | None = None
    # With a trace: the rendering's decisions (lines kept and dropped, blocks dropped).
    blocks: list[T.Block] = field(default_factory=list)
    rendered: list[LexborNode] = field(default_factory=list)
    # The 附件 blocks just below the article, rendered after ``rendered`` (see ``attachments``).
    below: list[LexborNode] = field(default_factory=list)
    # The candidates the article block was chosen from (see ``second_opinion``).
    choice: Choice | None = None
    # The weighted length of the chosen block's lines that a sieve dropped (a post's
    # filing note, its trackback address, a copyright notice): not article text, but
    # they show the reading found the article's own container (see ``_implausible``).
    sieved_len: int = 0
    # The standfirst rendered before ``rendered``, read as part of the core (see ``standfirst``).
    lead: LexborNode | None = None


def extract_body(tree: LexborHTMLParser, url: str | None, *, title: str | None = None,
                 source: str | None = None, never_content_dropped: bool = False,
                 options: Options = PLAIN, trace: T.Trace | None = None,
                 stated_body: str | None = None, without_document: bool = False) -> Body:
    """The article text of a parsed page. Prunes ``tree`` in place (see ``clean.prune``;
    ``never_content_dropped`` when ``extract_metadata`` has already removed those).

    When the first reading is implausible, a better source in the page is tried:

    - a short body, when ``source`` (the page's text) is given: the page is parsed
      again and extracted without class/id pruning, with the contents of ``<noscript>``
      as markup (some pages keep their whole text there for crawlers); if that is
      still too short, once more with the hidden elements that hold an article's worth
      of text kept (some pages hide the article until a script reveals it); the longer
      body wins;
    - still too short, and ``stated_body`` (the text the page states for machines,
      JSON-LD ``articleBody``) is longer, as on pages whose DOM a script fills in: the
      stated text, tidied like a rendered body, is taken instead.

    ``without_document`` says the page's attribute block was dropped from ``tree``
    (``document``): a reading of the page parsed again leaves it out too.

    A ``trace`` receives the decisions of the reading that won. The attachments are
    the document links of the body that won, resolved against the page (``<base href>``).
    """
    base = page_base(tree, url)
    body = _attempt(tree, url, title, options, trace, use_hints=True,
                    never_content_dropped=never_content_dropped)
    if source is not None:
        revealable = True
        for reveal_hidden in (False, True):
            # Revealing reads the page as the first retry did when no hidden element
            # holds an article's worth of text: that reading would lose again.
            if not _implausible(body) or not revealable:
                break
            body, revealable = _retried(body, source, url, title, options, trace,
                                        reveal_hidden=reveal_hidden,
                                        without_document=without_document)
    if stated_body is not None and _implausible(body):
        stated = _stated(stated_body, title)
        if weighted_length(stated.text) > weighted_length(body.text):
            stated.images = body.images
            stated.attachments = body.attachments
            stated.editor = stated.editor or body.editor
            if trace is not None:
                _trace_stated(trace, stated.text)
            body = stated
    body.attachments = resolve(body.attachments, base)
    if options.structured:
        _add_structure(body, options)
    return body


def _add_structure(body: Body, options: Options) -> None:
    """The Markdown and HTML of the body that won, made once from its kept lines. A
    body without a rendering (the stated text) is its lines as paragraphs."""
    if body.structure is not None:
        rendered, lines, kept_at = body.structure
    else:
        lines = body.text.splitlines()
        rendered = Rendered(lines=lines, core=[True] * len(lines), marks=[Mark() for _ in lines])
        kept_at = list(range(len(lines)))
    if options.markdown:
        body.markdown = to_markdown(rendered, lines, kept_at, links=options.links)
    if options.html:
        body.html = to_html(rendered, lines, kept_at, links=options.links)


def _implausible(body: Body) -> bool:
    """Too little text to be an article: the engine read the wrong place. The lines a
    sieve dropped from the block count: a short post with its filing note and trackback
    is the post's own container, whose length must not hang on how much of its furniture
    the sieves know (a reading without hints would bring its comments in)."""
    return weighted_length_upto(body.text, P.MIN_BODY_LEN) + body.sieved_len < P.MIN_BODY_LEN


def _retried(body: Body, source: str, url: str | None, title: str | None, options: Options,
             trace: T.Trace | None, *, reveal_hidden: bool, without_document: bool
             ) -> tuple[Body, bool]:
    """The page read again without hints (see ``extract_body``), when that reads more;
    and whether a hidden element of the page holds an article's worth of text (what
    ``reveal_hidden`` would keep: without one, revealing reads the page the same)."""
    retry_tree = parse_page(P.NOSCRIPT_TAG.sub("", source))
    retry_trace: T.Trace | None = None
    if trace is not None:
        retry_trace = T.Trace()
        retry_trace.index(retry_tree)
    block = find_block(retry_tree) if without_document else None
    if block is not None:
        drop_block(block, retry_trace)
    drop_never_content(retry_tree, retry_trace)   # as the attempt's pruning would first
    revealable = retry_tree.body is not None and any(
        not stays_hidden(node) for node in hidden_elements(retry_tree.body))
    retry = _attempt(retry_tree, url, title, options, retry_trace, use_hints=False,
                     never_content_dropped=True, reveal_hidden=reveal_hidden)
    if weighted_length(retry.text) <= weighted_length(body.text) or \
            _overruled(retry.choice, body.choice):
        return body, revealable
    if trace is not None and retry_trace is not None:
        trace.adopt(retry_trace)
    return retry, revealable


def _overruled(retry: Choice | None, first: Choice | None) -> bool:
    """True when the retry's longer body is the block that the first reading's second
    opinion set aside: doubted in both, replaced only in the first."""
    return first is not None and first.replaced and \
        retry is not None and retry.doubt is not None and not retry.replaced


def _stated(text: str, title: str | None) -> Body:
    """A body from text the page states (JSON-LD ``articleBody``): markup some sites
    leave in it becomes line breaks, and the lines are tidied like rendered ones."""
    if P.MARKUP_TAG.search(text):
        text = html.unescape(P.MARKUP_TAG.sub("\n", text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    kept, editor, _ = tidy(lines, [True] * len(lines), title=title, captions=[])
    return Body(text="\n".join(kept), editor=editor)


def _trace_stated(trace: T.Trace, text: str) -> None:
    """In a trace, the page's blocks give way to the lines of the stated body."""
    for block in trace.blocks:
        if block.kept:
            block.kept, block.reason = False, T.SUPERSEDED
    end = max((block.position for block in trace.blocks), default=0) + 1
    trace.blocks.extend(T.Block(text=line, kept=True, reason=T.KEPT, path=T.STATED_PATH,
                                position=end) for line in text.splitlines())


def _attempt(tree: LexborHTMLParser, url: str | None, title: str | None, options: Options,
             trace: T.Trace | None, *, use_hints: bool,
             never_content_dropped: bool = False, reveal_hidden: bool = False) -> Body:
    anchors: dict[int, int] = {}   # anchor lengths, measured once for the whole attempt
    runs = prune(tree, use_hints=use_hints, anchor_lengths=anchors,
                 never_content_dropped=never_content_dropped, trace=trace,
                 reveal_hidden=reveal_hidden)
    root = tree.body
    if root is None:
        return Body()
    ranking = rank_candidates(runs, anchors)
    core, nodes = settle(ranking.ranked[0], ranking) if ranking is not None else ([root], [root])
    body = _rendered(nodes, core, url, title, anchors, options, trace)
    spread = _spread(root, runs, body, url, title, anchors, options, trace)
    if spread is None and ranking is not None and len(core) == 1 and titled_entries(core[0]):
        beside = beside_entries(core[0], runs, anchors, ranking.ranked[0].score)
        spread = None if beside is None else _beside(beside, body, url, title, anchors,
                                                       options, trace)
        if spread is not None and beside is not None:
            core, nodes = beside.core, beside.nodes
            if beside.runs is not None:   # the list is gone: so are the nodes ranked in it
                runs, ranking = beside.runs, beside.ranking
    if spread is not None:
        body = spread
    if ranking is not None and spread is None:
        # Not one section of a spread article: is it the article at all?
        body, choice = reconsider(
            ranking, (core, nodes), body, cache(lambda: prose_length(runs)),
            lambda alt_core, alt_nodes: _rendered(alt_nodes, alt_core, url, title, anchors,
                                                  options, trace))
        body.choice = choice
        core = list(choice.chosen.core) or core
    elif ranking is not None:
        body.choice = record(ranking, (core, nodes), body)
    if _implausible(body) and body.rendered:
        body = _as_link_roll(body, core, url, title, anchors, options, trace)
    if trace is not None:
        trace.blocks.extend(body.blocks)
        scores = scorer(runs, anchors)
        trace.blocks.extend(outside_blocks(root, body.rendered + body.below, trace, scores))
        trace.container = container_of(core, scores)
        trace.runner_up = runner_up(core, scores)
    return body


def _spread(root: LexborNode, runs: TextRuns, body: Body, url: str | None, title: str | None,
            anchors: dict[int, int], options: Options, trace: T.Trace | None) -> Body | None:
    """The node holding every well-scored section, rendered, when ``body`` is short and
    holds little of the page's text and that node gives more (see ``spread_article``)."""
    if not _covers_little(body.text, runs):
        return None
    holder = spread_article(root, runs, anchors)
    return _only_more(body, _rendered([holder], [holder], url, title, anchors, options, trace))


def _only_more(body: Body, wider: Body) -> Body | None:
    """``wider`` when it reads only more of the page than ``body``: every line of it and
    more, not a wrapper whose link share dropped the article itself."""
    if len(wider.text) > len(body.text) and \
            set(body.text.splitlines()) <= set(wider.text.splitlines()):
        wider.editor = wider.editor or body.editor
        return wider
    return None


def _beside(beside: Beside, body: Body, url: str | None, title: str | None,
            anchors: dict[int, int], options: Options, trace: T.Trace | None) -> Body | None:
    """The article found beside a list of entries (see ``entries``), rendered: without
    the list when it sat in the article, or holding it when that gives more than
    ``body`` (every line of it and more); None when it does not."""
    if beside.dropped is not None:
        if trace is not None:
            trace.node(beside.dropped, False, T.ENTRY_LIST)
        beside.dropped.decompose()
        return _rendered(beside.nodes, beside.core, url, title, anchors, options, trace)
    return _only_more(body, _rendered(beside.nodes, beside.core, url, title, anchors, options,
                                      trace))


def _as_link_roll(body: Body, core: list[LexborNode], url: str | None, title: str | None,
                  anchors: dict[int, int], options: Options, trace: T.Trace | None) -> Body:
    """``body``'s nodes rendered again with their lists of headline links read as text
    (see ``render``), when that reads more: a short post that is a link roll (a week's
    headlines, a briefing) has its lists dropped as link lists otherwise."""
    core = core if body.lead is None else [body.lead, *core]
    roll = _rendered(body.rendered, core, url, title, anchors, options, trace, link_rolls=True,
                     lead=False)
    if weighted_length(roll.text) <= weighted_length(body.text):
        return body
    roll.choice, roll.editor = body.choice, roll.editor or body.editor
    return roll


def _rendered(nodes: list[LexborNode], core: list[LexborNode], url: str | None,
              title: str | None, anchors: dict[int, int], options: Options,
              trace: T.Trace | None, *, link_rolls: bool = False, lead: bool = True) -> Body:
    """``nodes`` rendered and tidied, ``core`` their article block(s); with ``lead``,
    after the standfirst set just above them (see ``standfirst``)."""
    found = standfirst(nodes) if lead else None
    if found is not None:   # read as the article's, not as a wrapper's extra line
        nodes, core = [found, *nodes], [found, *core]
    links = DocumentLinks()
    below, attachment_ids = article_blocks(nodes, core, links)   # the 附件 lines
    rendered = render(nodes + below, url, core, anchors, structured=options.structured,
                      document_links=links,
                      links=options.links, trace=trace, link_rolls=link_rolls,
                      attachment_ids=attachment_ids)
    why: dict[int, str] | None = {} if trace is not None else None
    lines, editor, kept_at = tidy(rendered.lines, rendered.core, title=title,
                                  captions=rendered.captions, why=why)
    body = Body(text="\n".join(lines), images=rendered.images, captions=rendered.captions,
                attachments=rendered.attachments, editor=editor, rendered=nodes, below=below,
                sieved_len=sieved_length(rendered.lines, rendered.core, kept_at), lead=found)
    if options.structured:
        body.structure = (rendered, lines, kept_at)
    if trace is not None and why is not None:
        body.blocks = rendered.dropped + line_blocks(rendered, lines, kept_at, why)
    return body


def _covers_little(text: str, runs: TextRuns) -> bool:
    """A short body that holds a small share of the page's text outside links."""
    # Rendered lines are whitespace-normalised: spaces, tabs between table cells and
    # line breaks are the only whitespace left, and counting them is far cheaper than
    # splitting the text.
    length = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    if length >= P.SPREAD_MAX_LEN:
        return False
    total = 0   # the page's prose, counted only until the body is known to be a small share
    for part in prose_lengths(runs):
        total += part
        if length < P.SPREAD_MAX_COVERAGE * total:
            return True
    return False


__all__ = ["Body", "extract_body", "Rendered"]
