"""Where each metadata field came from, for a trace (``scraper explain``).

Called by ``metadata`` only when a trace is asked for, with the very values that pass
read (the ``<meta>`` tags, JSON-LD, headings, the info line) and the values it chose,
so the explanation names the candidate that won, quotes the line it was read from and
lists the candidates that lost. It decides nothing: each field's value is the record's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from . import meta_patterns as P
from .channel import Channel
from .dates import DateValue, parse_date
from .meta_tags import StructuredMeta, site_domain
from .titles import key, normalize
from .trace import Trace
from .visible import Visible

if TYPE_CHECKING:
    from .metadata import Metadata

# Names of the places a field is read from, as a reader of the report sees them.
JSONLD = "JSON-LD"
PAGE_TITLE = "<title>"
H1 = "<h1>"
HEADING = "heading (h2 or a title class)"
TIME = "<time datetime>"
INFO_LINE = "info line"
SHOWN_HEADLINE = "the line above the date"
TEXT_LINE = "a labelled line in the text"
BYLINE = "byline in the text"
HOST = "the URL's host"
BODY_EDITOR = "editor line in the article"
BODY_BYLINE = "byline opening or closing the article"
DOCUMENT_BLOCK = "the attribute block (政府信息公开)"
SIGNATURE = "the right-aligned signature closing the article"
GUESSED = "the characters of the title and text (a guess)"
# Longest quote of a paragraph a byline was read from: the words around the name.
QUOTE_MAX = 80
# Headings other than <h1> listed as title candidates: the page may have dozens.
HEADINGS_LISTED = 3


@dataclass
class Read:
    """What one metadata pass read and chose (see ``metadata._fill``)."""

    tree: LexborHTMLParser
    structured: StructuredMeta
    shown: Visible
    lines: list[str]                 # the page's visible lines
    host: str | None                 # the URL's host, the site's fallback name
    published: DateValue | None
    headings: list[str]              # h2 and title-class texts, when the pass read them
    channel: Channel                 # the channel as read, with where it came from


def meta_label(name: str) -> str:
    return f"<meta {name}>"


def record_fields(trace: Trace, meta: Metadata, read: Read) -> None:
    """Fill ``trace.fields`` for every field of ``meta``."""
    _title(trace, meta.title, read)
    _published(trace, meta.published, read)
    _modified(trace, meta.modified, read)
    _source(trace, meta.source, read)
    _author(trace, meta.author, read)
    _editor(trace, meta.editor, read)
    _language(trace, meta.language, read)
    _site(trace, meta.site, read)
    channel = read.channel
    trace.field("channel", channel.value, channel.source, quote=channel.quote,
                candidates=channel.candidates)


def record_body_fields(trace: Trace, meta: Metadata, author: str | None,
                       editor: str | None, body: str, published: str | None = None) -> None:
    """The fields the metadata pass left empty and the article's own lines gave: an
    editor line inside it, a byline opening or closing it; and the attribute block's
    发布日期 where it replaced the metadata's ``published``."""
    if published != meta.published:
        trace.field("published", published, DOCUMENT_BLOCK, quote=f"发布日期 {published}",
                    candidates=[(published, DOCUMENT_BLOCK), (meta.published, INFO_LINE)])
    if meta.editor is None and editor:
        trace.field("editor", editor, BODY_EDITOR, candidates=[(editor, BODY_EDITOR)])
    if meta.author is None and author:
        lines = body.splitlines()
        quote = _quote(lines[:1] + lines[-1:], author.split()[0])
        trace.field("author", author, BODY_BYLINE, quote=quote,
                    candidates=[(author, BODY_BYLINE)])


def record_document(trace: Trace, document: dict[str, str] | None,
                    labels: list[str] | None) -> None:
    """Where ``document`` came from: the attribute block (``labels``, the labels that
    recognised it) or, without one, the closing signature; null on most pages."""
    if not document:
        trace.field("document", None, None)
        return
    value = "; ".join(f"{key}: {field}" for key, field in document.items())
    source = DOCUMENT_BLOCK if labels is not None else SIGNATURE
    quote = "labelled " + ", ".join(labels) if labels is not None else \
        " ".join(document.values())
    trace.field("document", value, source, quote=quote, candidates=[(value, source)])


def _metas(structured: StructuredMeta, names: Iterable[str]) -> list[tuple[str, str]]:
    return [(value, meta_label(name)) for name in names
            if (value := structured.metas.get(name))]


def _quote(lines: Iterable[str], needle: str | None) -> str | None:
    """The first line that holds ``needle`` (whitespace ignored), as the page shows it;
    of a paragraph, only the words around it."""
    if not needle:
        return None
    wanted = key(needle)
    for line in lines:
        if wanted in key(line):
            line = normalize(line)
            at = line.find(needle)
            if len(line) <= QUOTE_MAX or at < 0:
                return line
            begin = max(0, at - QUOTE_MAX // 2)
            return ("…" if begin else "") + line[begin:begin + QUOTE_MAX] + \
                ("…" if begin + QUOTE_MAX < len(line) else "")
    return None


def _shown_at(read: Read, value: str | None) -> tuple[str, str | None]:
    """Where a visible value was read: the info line, else a line further down."""
    quote = _quote(read.shown.info.splitlines(), value)
    if quote is not None:
        return INFO_LINE, quote
    return TEXT_LINE, _quote(read.lines, value)


def _title(trace: Trace, value: str | None, read: Read) -> None:
    structured = read.structured
    page = [(t, PAGE_TITLE)] if (t := structured.page_title) else []
    metas = _metas(structured, P.TITLE_META)
    if structured.headline:
        metas.append((structured.headline, f"{JSONLD} headline"))
    heads = [(h, H1) for h in structured.h1 if h]
    heads += [(h, HEADING) for h in read.headings[:HEADINGS_LISTED]]
    shown = [(h, SHOWN_HEADLINE)] if (h := read.shown.headline) else []
    source, quote = _title_source(value, page + metas, heads, [*metas, *page, *heads, *shown])
    if value and source is None and _quote(read.lines, value) is not None:
        source = SHOWN_HEADLINE   # <title> named only the site: the line above the date
        shown.append((value, SHOWN_HEADLINE))
    trace.field("title", value, source, quote=quote, candidates=page + metas + heads + shown)


def _title_source(value: str | None, raws: list[tuple[str, str]], heads: list[tuple[str, str]],
                  ranked: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """The candidate the title is: a heading that begins a <title>/meta title (as the
    engine prefers), else the first candidate that is it or holds it with site names."""
    if not value:
        return None, None
    wanted = key(value)
    begun = [label for raw, label in raws if key(raw).startswith(wanted)]
    for raw, label in heads:
        if key(raw) == wanted and begun:
            return f"{label}, which begins {begun[0]}", None
    for raw, label in ranked:
        if key(raw) == wanted:
            return label, None
    for raw, label in ranked:
        if wanted in key(raw):
            return f"{label}, without the site's name", raw
    return None, None


def _machine_dates(structured: StructuredMeta, jsonld: str | None,
                   names: tuple[str, ...]) -> list[tuple[str, str]]:
    found = [(jsonld, JSONLD)] if jsonld else []
    return found + _metas(structured, names)


def _first_parsed(candidates: list[tuple[str, str]]) -> str | None:
    """The candidate a machine date is taken from: the first that parses."""
    for raw, label in candidates:
        if parse_date(raw) is not None:
            return label
    return None


def _published(trace: Trace, value: str | None, read: Read) -> None:
    structured, shown = read.structured, read.shown
    machine = _machine_dates(structured, structured.published, P.PUBLISHED_META)
    if structured.time_value:
        machine.append((structured.time_value, TIME))
    candidates = list(machine)
    source, quote = None, None
    where, line = TEXT_LINE, None
    seen = shown.published
    if seen is not None:
        where, line = _date_line(read, seen)
        candidates.insert(0, (line or seen.iso(), where))
    if read.published is not None and read.published is seen:
        source, quote = where, line
    elif read.published is not None and read.published in [parse_date(r) for r, _ in machine]:
        source = _first_parsed(machine)
    elif read.published is not None:
        source, quote = f"{INFO_LINE}, a date without its year", normalize(shown.info) or None
    trace.field("published", value, source, quote=quote, candidates=candidates)


def _date_line(read: Read, date: DateValue) -> tuple[str, str | None]:
    """The line a visible date was read from: the info line's, else one below."""
    info = read.shown.info
    if date.end and date.end <= len(info):
        start = info.rfind("\n", 0, date.start) + 1
        end = info.find("\n", date.end)
        return INFO_LINE, info[start:end if end >= 0 else len(info)]
    return TEXT_LINE, None


def _modified(trace: Trace, value: str | None, read: Read) -> None:
    structured, shown = read.structured, read.shown
    machine = _machine_dates(structured, structured.modified, P.MODIFIED_META)
    candidates = list(machine)
    source, quote = (_first_parsed(machine) if value else None), None
    if shown.modified is not None:
        where, line = _date_line(read, shown.modified)
        candidates.append((line or shown.modified.iso(), where))
        if value and source is None:
            source, quote = f"{where}, labelled as an update", line
    trace.field("modified", value, source, quote=quote, candidates=candidates)


def _source(trace: Trace, value: str | None, read: Read) -> None:
    shown = read.shown
    declared = _metas(read.structured, P.SOURCE_META)
    candidates = ([(shown.source, _shown_at(read, shown.source)[0])] if shown.source else [])
    candidates += declared
    source, quote = None, None
    if value:
        declared_here = next((label for raw, label in declared if value in raw), None)
        if shown.source == value and (shown.source_labelled or declared_here is None):
            source, quote = _shown_at(read, value)
            if shown.source_labelled:
                source += " (来源 label)"
            elif shown.source_alone:
                source += " (an outlet alone on its line)"
        else:
            source = declared_here
    trace.field("source", value, source, quote=quote, candidates=candidates)


def _author(trace: Trace, value: str | None, read: Read) -> None:
    """In the engine's order: the info line, JSON-LD people, a byline in the text,
    <meta> authors, then a byline element (English pages)."""
    shown, structured = read.shown, read.structured
    jsonld = (" ".join(structured.authors), f"{JSONLD} author") if structured.authors else None
    metas = _metas(structured, P.AUTHOR_META)
    candidates = ([(shown.author, INFO_LINE if shown.author_in_info else BYLINE)]
                  if shown.author else []) + ([jsonld] if jsonld else []) + metas
    source, quote = None, None
    if value and value == shown.author and (shown.author_in_info or not _names_in(value, jsonld)):
        source = INFO_LINE if shown.author_in_info else BYLINE
        quote = _quote(shown.info.splitlines() if shown.author_in_info else read.lines,
                       value.split()[0])
    elif value:
        declared = ([jsonld] if jsonld else []) + metas
        source = next((label for raw, label in declared if _names_in(value, (raw, label))), None)
        if source is None:
            source = _byline_selector(read.tree)
            candidates.append((value, source))
    trace.field("author", value, source, quote=quote, candidates=candidates)


def _names_in(value: str, candidate: tuple[str, str] | None) -> bool:
    """Whether every name of ``value`` stands in the candidate's text."""
    if candidate is None:
        return False
    text = key(candidate[0])
    names = [n for n in value.replace(",", " ").split() if n]
    return bool(names) and all(key(n) in text for n in names)


def _byline_selector(tree: LexborHTMLParser) -> str:
    """The byline element an English author was read from (trace only: a CSS query)."""
    for selector in P.BYLINE_SELECTORS:
        if tree.css_first(selector) is not None:
            return f"byline element ({selector})"
    return "byline element"


def _editor(trace: Trace, value: str | None, read: Read) -> None:
    source, quote = (_shown_at(read, value) if value else (None, None))
    if source is not None:
        source += " (editor label)"
    trace.field("editor", value, source, quote=quote,
                candidates=[(value, source)] if value and source else [])


def _language(trace: Trace, value: str | None, read: Read) -> None:
    html = read.tree.root
    attrs = html.attributes if html is not None else {}
    declared = [(v.strip(), f"<html {name}>") for name in ("lang", "xml:lang")
                if (v := attrs.get(name)) and v.strip()]
    declared += _metas(read.structured, P.LANGUAGE_META)
    source = None
    if value:
        source = next((label for raw, label in declared
                       if raw.replace("_", "-") == value), None) \
            or GUESSED
    candidates = declared + ([(value, source)] if value and not any(
        label == source for _, label in declared) else [])
    trace.field("language", value, source, candidates=candidates)


def _site(trace: Trace, value: str | None, read: Read) -> None:
    names = _metas(read.structured, P.SITE_META)
    source = next((label for raw, label in names if normalize(raw) == value), None)
    if source is None and value and value == read.host:
        source = HOST
    host = [(read.host, HOST)] if read.host else []
    domain = [(d, meta_label(P.SITE_DOMAIN_META[0]))] if (d := site_domain(read.structured)) else []
    if source is None and domain and value == domain[0][0]:
        source = domain[0][1]
    trace.field("site", value, source, candidates=names + host + domain)
