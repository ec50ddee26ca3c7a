"""The channel (栏目): the site's section that holds the page.

Read from ``<meta name="ColumnName">`` (the Chinese government-site convention) or
``article:section``, else from the page's breadcrumb: ``当前位置：首页 > 政务公开 >
政策文件 > 正文`` gives ``政策文件``, its last crumb that names neither the site's home,
the page itself (正文, 详情) nor the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import channel_patterns as P
from .dates import find_date
from .meta_patterns import HAN
from .meta_tags import StructuredMeta
from .titles import key, normalize

# Names of the places a channel is read from, as the trace shows them.
BREADCRUMB_ELEMENT = "breadcrumb element"
BREADCRUMB_LABEL = "breadcrumb after a 当前位置 label"
# Put between text nodes when a breadcrumb's text is read (see ``visible._NODE_SEPARATOR``).
_NODE = "\ue000"
# A space between two Han characters, put there by joining text nodes: "政务 公开".
_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


@dataclass
class Channel:
    """The channel a page names, where it was read and what else was there."""

    value: str | None = None
    source: str | None = None
    quote: str | None = None        # the breadcrumb as the page shows it
    candidates: list[tuple[str | None, str]] = field(default_factory=list)


def read_channel(tree: LexborHTMLParser, structured: StructuredMeta, text: str,
                 title: str | None) -> Channel:
    """The page's channel: a <meta> names it, else the breadcrumb shows it. ``text`` is
    the page's visible lines joined by newlines, where a 当前位置 label is looked for."""
    found = Channel()
    for name in P.CHANNEL_META:
        value = normalize(structured.metas.get(name))
        lowered = value.lower()
        if value and lowered not in P.CHANNEL_UNKNOWN and lowered not in P.HOME_CRUMBS \
                and _short(value):
            found.candidates.append((value, f"<meta {name}>"))
            if found.value is None:
                found.value, found.source = value, f"<meta {name}>"
    if found.value is not None:
        return found
    crumb = _breadcrumb(tree, text, title)
    if crumb is not None:
        found.value, found.source, found.quote = crumb
        found.candidates.append((found.value, found.source))
    return found


def _breadcrumb(tree: LexborHTMLParser, text: str,
                title: str | None) -> tuple[str, str, str] | None:
    """The channel a breadcrumb names, where it is, and the breadcrumb's text."""
    body = tree.body
    if body is None:
        return None
    for node in body.css(P.BREADCRUMB_SELECTOR):
        read = _crumbs(node, title)
        if read is not None:
            return read[0], _describe(node), read[1]
    word = _position_word(text)
    if word is None:
        return None
    # The elements whose own text holds the label; the crumbs may be in their parent
    # (<div><span>当前位置：</span><a>首页</a> > …</div>).
    for holder in body.css(f'*:lexbor-contains("{word}")'):
        node: LexborNode | None = holder
        for _ in range(P.BREADCRUMB_LABEL_LEVELS):
            if node is None or len(node.text(separator=_NODE)) > P.BREADCRUMB_MAX_CHARS * 2:
                break
            read = _crumbs(node, title, labelled=True)
            if read is not None:
                return read[0], _describe(node, labelled=True), read[1]
            node = node.parent
    return None


def _position_word(text: str) -> str | None:
    """The 当前位置-like label the page's text holds, if any (C-speed searches)."""
    if not any(hint in text for hint in P.POSITION_HINTS):
        return None
    return next((word for word in P.POSITION_WORDS if word in text), None)


def _crumbs(node: LexborNode, title: str | None, *,
            labelled: bool = False) -> tuple[str, str] | None:
    """The channel one breadcrumb element names, and its text as shown; None when the
    element is not a breadcrumb: too long, without the 当前位置 label (``labelled``), or
    with neither the label, the home crumb nor a separator between crumbs."""
    text = node.text(separator=_NODE)
    if len(text) > P.BREADCRUMB_MAX_CHARS * 2:
        return None
    shown = normalize(text.replace(_NODE, " "))
    if not shown or len(shown) > P.BREADCRUMB_MAX_CHARS:
        return None
    label = P.POSITION_LABEL.match(text.replace(_NODE, ""))
    if labelled and label is None:
        return None
    if title and P.CRUMB_SEPARATOR.search(title):   # "X - Y" stays one crumb
        text = text.replace(title, _NODE)
    separated = P.CRUMB_SEPARATOR.search(text) is not None
    crumbs = _split(text, separated)
    home = bool(crumbs) and crumbs[0].lower() in P.HOME_CRUMBS
    if not (label or home or separated):
        return None
    channel = _last_channel([c for c in crumbs if c.lower() not in P.HOME_CRUMBS], title)
    return (channel, shown) if channel else None


def _split(text: str, separated: bool) -> list[str]:
    """The crumbs of a breadcrumb's text, without the 当前位置 label that may open it.

    Split at the separators it shows (``>``, ``»``), the text nodes between two of them
    joined (``<a>Science &amp; <b>Health</b></a>``); else, when the separators are
    pictures or styles, at its text nodes."""
    if separated:
        pieces = [_HAN_SPACE.sub("", piece.replace(_NODE, " "))
                  for piece in P.CRUMB_SEPARATOR.split(text)]
    else:
        pieces = text.split(_NODE)
    crumbs = [crumb for piece in pieces if (crumb := normalize(piece).strip(P.CRUMB_TRIM))]
    while crumbs and (label := P.POSITION_LABEL.match(crumbs[0])) is not None:
        rest = crumbs[0][label.end():].strip()
        crumbs[0:1] = [rest] if rest else []
        if rest:
            break
    return crumbs


def _last_channel(crumbs: list[str], title: str | None) -> str | None:
    """The last crumb that names a channel: not the page (正文), its headline, a date or
    a label."""
    title_key = key(title).lower() if title else ""
    for crumb in reversed(crumbs):
        lowered = crumb.lower()
        if lowered in P.PAGE_CRUMBS or lowered in P.CHANNEL_UNKNOWN or not _short(crumb) \
                or crumb.endswith(P.CRUMB_LABEL_END) or not any(c.isalpha() for c in crumb) \
                or find_date(crumb) is not None:
            continue
        crumb_key = key(crumb).lower()
        if crumb.endswith(P.CRUMB_SHORTENED) or crumb_key == title_key or (
                len(crumb_key) >= P.CRUMB_HEADLINE_PART_CHARS and crumb_key in title_key):
            continue
        return crumb
    return None


def _short(value: str) -> bool:
    """Short enough to name a channel (fewer characters when they are Han)."""
    limit = P.CJK_CRUMB_MAX_CHARS if HAN.search(value) else P.CRUMB_MAX_CHARS
    return len(value) <= limit


def _describe(node: LexborNode, *, labelled: bool = False) -> str:
    """Where a channel was read: ``breadcrumb element (div.crumbs)``, or ``breadcrumb
    after a 当前位置 label (div#position)``."""
    attrs = node.attributes
    name = node.tag or "?"
    if attrs.get("id"):
        name += f"#{attrs['id']}"
    elif attrs.get("class"):
        name += "." + ".".join((attrs["class"] or "").split())
    return f"{BREADCRUMB_LABEL if labelled else BREADCRUMB_ELEMENT} ({name})"
