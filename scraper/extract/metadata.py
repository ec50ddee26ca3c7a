"""Page metadata: title, dates, source (来源), author, editor, language, site, channel.

Read-only on the freshly parsed page. Each field weighs what the page states for
machines (JSON-LD, ``<meta>``, ``<time>``) against what it shows to readers (the
headline, the info line under it, bylines); see docs/record.md for the order.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import bylines
from .channel import read_channel
from .clean import DROP_TAG_NUMBERS, drop_never_content
from . import meta_patterns as P
from .dates import DateValue, find_yearless, parse_date
from .elements import ByTag, elements_by_tag
from .hints import Attributes
from .meta_tags import STRUCTURED_TAG_NUMBERS, StructuredMeta, read_structured, site_domain
from .provenance import Read, record_fields
from .titles import choose_title, normalize, only_site
from .trace import Trace
from .visible import Visible, read_visible, visible_lines

log = logging.getLogger(__name__)

# The UTC offset a Chinese page implies when it prints a bare local time.
CHINA_OFFSET = "+08:00"
# A year in the URL path, for dates printed without one. e.g. /2019-10-23/, /2019/09/30/
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:[-/]?\d{2})")
_TAGS = re.compile(r"<[^>]+>")
# What one walk over the fresh tree finds for both readers of it: the structured data's
# elements, and the never-content ones dropped after it (see ``elements``).
_READ_AND_DROPPED = STRUCTURED_TAG_NUMBERS | DROP_TAG_NUMBERS


@dataclass
class Metadata:
    title: str | None = None
    published: str | None = None
    modified: str | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None
    language: str | None = None
    site: str | None = None
    channel: str | None = None
    # Not a record field: whether ``published`` rests on a date the page states for
    # machines (PubDate, article:published_time, JSON-LD, <time>), for ``block_published``.
    published_declared: bool = False
    # Not a record field: the body the page states for machines (JSON-LD articleBody),
    # for ``extract_body`` to fall back on when the DOM yields no plausible article.
    stated_body: str | None = None
    # Not a record field: the body's text as visible lines joined by newlines, when they
    # are all of it (None on a page longer than ``SCAN_LINES_MAX`` lines), for
    # ``document.may_hold_block``: far shorter than the HTML, and a label's entities
    # ("索&nbsp;引") are read there.
    visible_text: str | None = None


def extract_metadata(tree: LexborHTMLParser, url: str | None,
                     trace: Trace | None = None) -> Metadata:
    """Read the page's metadata. Never raises. With a ``trace``, where each field came
    from is recorded in it.

    The structured data (``<meta>``, JSON-LD inside ``<script>``) is read first; then
    the never-content elements go (``clean.drop_never_content``), so the visible text
    is the text a reader sees, without a page's worth of inline script. That drop is
    the only change to the tree, and the body needs it anyway.
    """
    meta = Metadata(site=_host(url))
    try:
        _fill(tree, url, meta, trace)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError,
            OverflowError) as error:
        log.warning("metadata incomplete for %s: %s: %s", url, type(error).__name__, error)
    return meta


def _fill(tree: LexborHTMLParser, url: str | None, meta: Metadata,
          trace: Trace | None = None) -> None:
    found: ByTag | None = None   # one walk finds what both read, before the drop
    try:
        found = elements_by_tag(tree, _READ_AND_DROPPED)
        structured = read_structured(tree, found)
    finally:
        drop_never_content(tree, trace, found)
    meta.stated_body = structured.article_body
    meta.site = normalize(structured.first(P.SITE_META)) or meta.site \
        or site_domain(structured)
    lines, complete = visible_lines(tree)
    page_title = structured.page_title
    meta.language = _language(tree, structured, page_title, lines)
    site_names = [n for n in (structured.first(P.SITE_META), structured.metas.get(
        "application-name"), meta.site) if n]
    meta.title = choose_title(page_title, _meta_titles(structured), structured.h1,
                              lambda: _headings(tree), site_names)
    chinese = (meta.language or "").lower().startswith("zh")
    shown = read_visible(lines, meta.title, chinese=chinese)
    meta.visible_text = shown.text if complete else None
    meta.title = _shown_headline(lines, meta.title, site_names, chinese) or meta.title \
        or shown.headline
    # A Chinese government site's English pages print Beijing time too.
    offset = CHINA_OFFSET if chinese or structured.first(P.GOVERNMENT_SITE_META) else None
    machine = _machine_date(structured.published, structured.first(P.PUBLISHED_META),
                            structured.time_value)
    published = _published(machine, structured, shown, url)
    meta.published = published.iso(offset) if published else None
    meta.published_declared = machine is not None
    modified = _machine_date(structured.modified, structured.first(P.MODIFIED_META)) \
        or shown.modified
    meta.modified = modified.iso(offset) if modified else None
    meta.source = _source(structured, shown, [page_title or "", *site_names])
    meta.author = _author(tree, structured, shown, chinese)
    meta.editor = shown.editor
    channel = read_channel(tree, structured, shown.text, meta.title)
    meta.channel = channel.value
    if trace is not None:   # where each field came from, read off this very pass
        record_fields(trace, meta, Read(tree, structured, shown, lines, _host(url), published,
                                        _headings(tree), channel))


def _shown_headline(lines: list[str], title: str | None, site_names: list[str],
                    chinese: bool) -> str | None:
    """The headline shown above the dated info line, when <title> names only the site or
    a channel ("国内新闻--雅虎新闻") and no heading element holds the headline."""
    if title is None or not only_site(title, site_names):
        return None
    headline = read_visible(lines, None, chinese=chinese).headline
    if headline and P.TITLE_MIN_CHARS <= len(headline) <= P.TITLE_MAX_CHARS \
            and not only_site(headline, site_names):
        return headline
    return None


def body_author(language: str | None, body: str) -> str | None:
    """An author named only in the article's first or last line, on a Chinese page: a
    long article's closing "（记者 胡晓蓉）" lies beyond what the visible scan reads."""
    if not body or not (language or "").lower().startswith("zh"):
        return None
    first, _, rest = body.partition("\n")
    last = rest[rest.rfind("\n") + 1:]
    return bylines.first_byline(first + "\n" + last if last else first)


def block_published(meta: Metadata, document: dict[str, str] | None) -> str | None:
    """The publication time: the attribute block's 发布日期 on a page that states no
    machine date, since a labelled field of the document beats an unlabelled date in
    the text (a closing signature's, a deadline's); a shown date of the same day stays
    (it may carry the time). Else the metadata's."""
    stated = (document or {}).get("published")
    if not stated or meta.published_declared:
        return meta.published
    if meta.published and meta.published[:10] == stated[:10]:
        return meta.published
    return stated


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _meta_titles(structured: StructuredMeta) -> list[str]:
    titles = [structured.metas.get(name) for name in P.TITLE_META]
    titles.append(structured.headline)
    return [normalize(_TAGS.sub("", t)) for t in titles if t]


def _headings(tree: LexborHTMLParser) -> list[str]:
    """Texts of the other elements that may hold the headline: h2 first, then by class."""
    texts: list[str] = []
    nodes = tree.css(P.HEADLINE_SELECTORS)[: P.HEADLINE_CANDIDATES_MAX]
    for node in sorted(nodes, key=lambda n: n.tag != "h2"):
        text = normalize(node.text(separator=" "))
        if P.TITLE_MIN_CHARS <= len(text) <= P.TITLE_MAX_CHARS and text not in texts:
            texts.append(text)
    return texts


def _language(tree: LexborHTMLParser, structured: StructuredMeta, title: str | None,
              lines: list[str]) -> str | None:
    """<html lang> or content-language, unless the text is plainly CJK and it says not."""
    html = tree.root   # the <html> element: no CSS query needed
    declared = (html.attributes.get("lang") or html.attributes.get("xml:lang")) if html else None
    declared = (declared or structured.first(P.LANGUAGE_META) or "").strip().replace("_", "-")
    if declared.lower()[:2] in ("zh", "ja", "ko"):
        return declared
    guessed = _guess_language(title or "")
    if guessed is None:
        sample = _sample(lines)
        if declared and not P.CJK_CHAR.search(sample):
            return declared     # only a CJK guess would override it
        guessed = _guess_language(sample)
    if declared and guessed not in ("zh", "ja", "ko"):
        return declared
    return guessed or declared or None


def _sample(lines: list[str]) -> str:
    """The first ``LANGUAGE_SAMPLE_CHARS`` of the first 100 lines, joined by spaces."""
    taken: list[str] = []
    size = 0
    for line in lines[:100]:
        taken.append(line)
        size += len(line) + 1
        if size > P.LANGUAGE_SAMPLE_CHARS:
            break
    return " ".join(taken)[: P.LANGUAGE_SAMPLE_CHARS]


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the run pattern covers."""
    return len(text) - len(pattern.sub("", text))


def _guess_language(text: str) -> str | None:
    """A cheap guess from character classes: "zh", "ja", "ko", "en" or None."""
    han, kana = _count(P.HAN, text), _count(P.KANA, text)
    hangul, latin = _count(P.HANGUL, text), _count(P.LATIN_LETTER, text)
    total = han + kana + hangul + latin
    if not total:
        return None
    if kana and (han + kana) / total >= P.CJK_SHARE_MIN and kana * 10 >= han:
        return "ja"
    if hangul / total >= P.CJK_SHARE_MIN:
        return "ko"
    if han / total >= P.CJK_SHARE_MIN:
        return "zh"
    lowered = f" {text.lower()} "
    if lowered.count(" the ") + lowered.count(" and ") >= P.ENGLISH_WORDS_MIN:
        return "en"
    return None


def _machine_date(*values: str | None) -> DateValue | None:
    for value in values:
        if value:
            parsed = parse_date(value)
            if parsed is not None:
                return parsed
    return None


def _published(machine: DateValue | None, structured: StructuredMeta, shown: Visible,
               url: str | None) -> DateValue | None:
    """The page's visible date when it sits by the headline or agrees with the machine
    date on the day (the more precise of the two wins); else the machine date."""
    seen = shown.published
    if seen is None:
        return machine or _yearless(structured, shown, url)
    if machine is None:
        return seen
    if seen.day_key == machine.day_key:
        return seen if seen.has_time or not machine.has_time else machine
    return seen if shown.near_title else machine


def _yearless(structured: StructuredMeta, shown: Visible, url: str | None) -> DateValue | None:
    """A date shown without its year ("09-30 22:46"), completed from a machine date or URL."""
    if not shown.info:
        return None
    hint = _machine_date(structured.modified, structured.first(P.MODIFIED_META))
    year = hint.year if hint else None
    if year is None and url:
        match = _URL_YEAR.search(url)
        year = int(match.group(1)) if match else None
    return find_yearless(shown.info, year) if year else None


def _source(structured: StructuredMeta, shown: Visible, site_texts: list[str]) -> str | None:
    """Labelled 来源 on the info line, then <meta> sources, then unlabelled outlets; an
    outlet alone on a line that the site's own name holds is the site, not a source."""
    if shown.source and shown.source_labelled:
        return shown.source
    if shown.source and shown.source_alone and any(shown.source in t for t in site_texts):
        shown.source = None
    declared = structured.first(P.SOURCE_META)
    if declared:
        value = bylines.labelled_source(declared) or bylines.trim(declared)
        if value and value not in P.SOURCE_UNKNOWN and len(value) <= P.OUTLET_MAX_CHARS:
            return value
    return shown.source


def _author(tree: LexborHTMLParser, structured: StructuredMeta, shown: Visible,
            chinese: bool) -> str | None:
    """Info-line author, then declared (JSON-LD, <meta>) authors, then bylines in the text.

    Byline elements (class "author") are read on non-Chinese pages only: Chinese portals
    use them for the account or channel that posted the page."""
    if shown.author and shown.author_in_info:
        return shown.author
    people = [a for a in structured.authors if _person(a)]
    if people:
        return _join_names(people)
    if shown.author:
        return shown.author
    declared = structured.first(P.AUTHOR_META)
    if declared and _person(declared):
        return _join_names(P.NAME_JOINERS.split(P.BYLINE_BY.sub("", declared)))
    return None if chinese else _byline_element(tree)


def _person(name: str) -> bool:
    """A declared author that names people, not a site, an outlet or an id."""
    return not (P.AUTHOR_JUNK.search(name) or P.AUTHOR_OUTLET.search(name))


def _byline_element(tree: LexborHTMLParser) -> str | None:
    """An English byline element: "By Jane Doe and John Roe" → "Jane Doe, John Roe"."""
    # One query walks the page for every byline element; each selector's first element
    # (in priority order) is then picked from the few found, rather than each selector
    # walking the whole page again.
    found = tree.css(P.ANY_BYLINE_SELECTOR)
    if not found:
        return None
    for selector in P.BYLINE_SELECTORS:
        node = _first_match(found, selector)
        if node is None:
            continue
        text = normalize(node.text(separator=" "))
        if text and len(text) <= P.BYLINE_MAX_CHARS and not P.AUTHOR_JUNK.search(text):
            return _join_names(P.NAME_JOINERS.split(P.BYLINE_BY.sub("", text)))
    return None


def _first_match(found: list[LexborNode], selector: str) -> LexborNode | None:
    """What ``tree.css_first(selector)`` gives, for one of ``P.BYLINE_SELECTORS``, from
    ``found``: the elements ``P.ANY_BYLINE_SELECTOR`` matched, in document order.

    Every element an attribute selector matches is one of ``found``: the first that
    passes its test (``_attribute_test``) is the page's first. For "outer inner", each
    match lies inside a ``found`` element that passes the outer test; the first of those
    holding a match gives the page's first (an earlier one either encloses that match
    or ends before it, holding no earlier match). Scoped queries run on those few only."""
    test = _SELECTOR_TESTS.get(selector)
    if test is not None:
        return next((node for node in found if test(node.attrs)), None)
    outer = _SELECTOR_TESTS[selector.split()[0]]
    for node in found:
        if outer(node.attrs):
            first = node.css_first(selector)
            if first is not None:
                return first
    return None


def _attribute_test(selector: str) -> Callable[[Attributes], bool]:
    """A test of an element's attributes that matches as the one-attribute selector does
    (``[name=value]``, ``[name*=value]``)."""
    match = _ATTRIBUTE_SELECTOR.fullmatch(selector)
    if match is None:
        raise ValueError(f"not a one-attribute selector: {selector}")
    name, contains, value = match.groups()
    if contains:
        return lambda attrs: value in (attrs.get(name) or "")
    if name in P.CASELESS_ATTRIBUTES:
        return lambda attrs: (attrs.get(name) or "").lower() == value
    return lambda attrs: attrs.get(name) == value


# The one-attribute selectors of BYLINE_SELECTORS (and the outer part of the others),
# tested in Python on the few elements the one query found: a scoped query per element
# costs far more.
_ATTRIBUTE_SELECTOR = re.compile(r"\[([a-z-]+)(\*?)=([a-z-]+)\]")
_SELECTOR_TESTS = {part: _attribute_test(part) for selector in P.BYLINE_SELECTORS
                   for part in dict.fromkeys((selector, selector.split()[0]))
                   if " " not in part}


def _join_names(names: list[str]) -> str | None:
    """Names joined as bylines print them: CJK names by spaces, others by ", "."""
    cleaned = list(dict.fromkeys(normalize(P.BYLINE_BY.sub("", n)) for n in names
                                 if n and normalize(n)))
    if not cleaned:
        return None
    separator = " " if all(" " not in n and P.HAN.search(n) for n in cleaned) else ", "
    return separator.join(cleaned)
