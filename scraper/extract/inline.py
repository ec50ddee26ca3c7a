"""Inline markup of a rendered line (see ``structure``) as Markdown or as HTML."""

from __future__ import annotations

import html
import re

from . import structure as S

# Splits a line of markup into text and markers (a link's address kept with its marker).
_TOKENS = re.compile("(\ufdd6[^\ufdd7]*\ufdd7|[\ufdd0-\ufdd5\ufdd8])")
_KIND = {S.STRONG_OPEN: "strong", S.STRONG_CLOSE: "strong", S.EM_OPEN: "em",
         S.EM_CLOSE: "em", S.CODE_OPEN: "code", S.CODE_CLOSE: "code", S.LINK_CLOSE: "a"}
_OPENERS = frozenset((S.STRONG_OPEN, S.EM_OPEN, S.CODE_OPEN))
# Characters that would be read as Markdown anywhere in a line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# Any of structure's inline markers (emphasis, code, links): a line without one is plain text.
_MARKERS = re.compile("[\ufdd0-\ufdd8]")
# Line starts that Markdown reads as a block: a heading, quote, list item, rule, table.
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")
# Lines are normalised to single spaces; moving a space out of emphasis may double one.
_SPACES = re.compile(" {2,}")
# Link addresses that are safe to show: web, mail and relative ones.
SAFE_HREF = re.compile(r"^(?:https?:|mailto:|[^:]*$)", re.IGNORECASE)



def escape_markdown(text: str) -> str:
    # Most lines have none of them: a search is cheaper than a substitution that finds none.
    return _MD_SPECIAL.sub(r"\\\1", text) if _MD_SPECIAL.search(text) else text


def escape_line_start(text: str) -> str:
    """A backslash before a line start that would be read as block syntax."""
    def escaped(match: re.Match[str]) -> str:
        if match.group(2):
            return match.group(1) + "\\" + match.group(2)
        return match.group(1) + match.group(3) + "\\" + match.group(4)
    return _MD_LINE_START.sub(escaped, text, count=1)


def _events(markup: str, links: bool) -> list[tuple[str, str, str | None]]:
    """``("text", value, None)``, ``("open"|"close", kind, href)``: balanced, with
    whitespace moved outside emphasis, empty emphasis dropped."""
    events: list[tuple[str, str, str | None]] = []
    stack: list[str] = []
    for token in _TOKENS.split(markup):
        if not token:
            continue
        if token[0] == S.LINK_OPEN:
            href = token[1:-1]
            if links and href and SAFE_HREF.match(href) and "a" not in stack:
                stack.append("a")
                events.append(("open", "a", href))
            continue
        if token in _OPENERS:
            kind = _KIND[token]
            if kind not in stack and "code" not in stack:
                stack.append(kind)
                events.append(("open", kind, None))
            continue
        if token in _KIND:
            kind = _KIND[token]
            if stack and stack[-1] == kind:
                stack.pop()
                events.append(("close", kind, None))
            continue
        events.append(("text", token, None))
    while stack:
        events.append(("close", stack.pop(), None))
    return _tidied(events)


def _tidied(events: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """Move spaces out of markup (``** a**`` is no emphasis) and drop empty pairs."""
    out: list[tuple[str, str, str | None]] = []
    for event in events:
        kind, value, href = event
        if kind == "text" and out and out[-1][0] == "open" and value[:1] == " ":
            opener = out.pop()
            out.append(("text", " ", None))
            out.append(opener)
            value = value.lstrip(" ")
            if not value:
                continue
            event = ("text", value, None)
        elif kind == "close" and out and out[-1][0] == "open" and out[-1][1] == value:
            out.pop()   # an empty pair
            continue
        elif kind == "close" and out and out[-1][0] == "text" and out[-1][1].endswith(" "):
            text = out.pop()[1]
            out.append(("text", text.rstrip(" "), None))
            out.append(event)
            out.append(("text", " ", None))
            continue
        out.append(event)
    return out


_MD_MARKS = {"strong": "**", "em": "*", "code": "`"}


def markdown_inline(markup: str, links: bool) -> str:
    if not _MARKERS.search(markup):   # most lines: no markup to balance
        return _single_spaced(escape_markdown(markup))
    parts: list[str] = []
    hrefs: list[str] = []
    in_code = False
    for kind, value, href in _events(markup, links):
        if kind == "text":
            # Inside a code span only a backtick could end it early.
            parts.append(value.replace("`", "'") if in_code else escape_markdown(value))
        elif value == "a":
            if kind == "open":
                hrefs.append(href or "")
                parts.append("[")
            else:
                parts.append(f"]({markdown_url(hrefs.pop())})")
        else:
            in_code = kind == "open" and value == "code"
            parts.append(_MD_MARKS[value])
    return _single_spaced("".join(parts))


def _single_spaced(text: str) -> str:
    return _SPACES.sub(" ", text) if "  " in text else text


def markdown_url(url: str) -> str:
    """An address as a Markdown link destination: no spaces, no unbalanced brackets."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29") \
        .replace("<", "%3C").replace(">", "%3E")


def html_inline(markup: str, links: bool) -> str:
    parts: list[str] = []
    for kind, value, href in _events(markup, links):
        if kind == "text":
            parts.append(html.escape(value, quote=False))
        elif kind == "open":
            parts.append(f'<a href="{html.escape(href or "")}">' if value == "a" else f"<{value}>")
        else:
            parts.append(f"</{value}>")
    return _SPACES.sub(" ", "".join(parts))
