"""Names and outlets in visible text: 来源, 作者/记者 bylines, 责任编辑 lines."""

from __future__ import annotations

import re

from . import meta_patterns as P

_SPLIT_NAMES = re.compile(r"[\s、，,;；/／]+")


def trim(value: str) -> str:
    """A field value without the brackets, quotes and punctuation around it."""
    return value.strip(P.VALUE_TRIM)


def is_cjk_name(token: str, *, surname: bool) -> bool:
    """A Chinese personal name: 2–4 Han characters (or a dotted transliteration).

    With ``surname``, it must also start with a common surname, which rules out words
    like "了解到" or "新华社" where nothing labels the text as a name.
    """
    if not P.CJK_NAME_RE.fullmatch(token) or token.endswith(P.NAME_ROLE_WORDS):
        return False
    if not surname or "·" in token:
        return True
    return token[0] in P.SURNAMES or token[:2] in P.SURNAMES_COMPOUND


def cjk_names(text: str, *, surname: bool) -> str | None:
    """Space-separated names from a byline, or None if any part is not a name."""
    tokens = [t for t in _SPLIT_NAMES.split(text) if t and t not in P.NAME_ROLE_WORDS]
    if not tokens or not all(is_cjk_name(t, surname=surname) for t in tokens):
        return None
    return " ".join(dict.fromkeys(tokens))


def labelled_value(text: str, start: int) -> str:
    """The text of a labelled field from ``start`` up to the next label on the line."""
    rest = text[start:].split("\n", 1)[0]
    stop = P.ANY_LABEL.search(rest)
    return rest[: stop.start()] if stop else rest


def labelled_source(text: str) -> str | None:
    """The value of a 来源/来自 field. e.g. "来源：[ 人民网 ]" → "人民网". A placeholder
    ("来源：转载文章") is read past, to a field that names the outlet."""
    for match in P.SOURCE_FIELD.finditer(text):
        value = trim(match.group(1))
        if placeholder_source(value):
            continue
        if _next_line(text, match) and not _value_line(labelled_value(text, match.start(1))):
            continue   # an empty label ends its line; the next line is the page's text
        if not P.ANY_LABEL.match(value):
            return value
    return None


def placeholder_source(value: str) -> bool:
    """A source value that names no outlet: empty, "互联网", "转载文章"…"""
    return value in P.SOURCE_UNKNOWN or P.SOURCE_PLACEHOLDER.fullmatch(value) is not None


def split_writer(source: str) -> tuple[str, str | None]:
    """A source that names its writer too, as writer/outlet: "石佳/中国青年报" →
    ("中国青年报", "石佳"); any other value is the source alone."""
    parts = [trim(part) for part in P.WRITER_OUTLET_SPLIT.split(source)]
    if len(parts) != 2 or not all(parts):
        return source, None
    names, outlet = parts
    if not P.OUTLET_SUFFIX.search(outlet):
        outlet, names = names, outlet
    if not P.OUTLET_SUFFIX.search(outlet):
        return source, None
    writers = cjk_names(names, surname=True)
    return (outlet, writers) if writers else (source, None)


def labelled_author(text: str) -> str | None:
    """The value of a 作者 field, names space-separated. e.g. "作者：宋怡 杨志华"."""
    match = P.AUTHOR_FIELD.search(text)
    if match is None:
        return None
    value = labelled_value(text, match.start(1))
    if _next_line(text, match) and not _names_line(value):
        return None   # an empty label ends its line; the next line is the page's text
    tokens: list[str] = []
    for raw in _SPLIT_NAMES.split(value):
        token = trim(raw)
        if raw.endswith((":", "：")):
            break   # the next label: "作者： 转载请注明：…"
        if not token or token in P.NAME_ROLE_WORDS or token in P.AUTHOR_UNKNOWN:
            continue
        if len(token) > P.LABELLED_NAME_MAX_CHARS or any(c.isdigit() for c in token):
            break
        if P.PHOTO_CREDIT.match(token):
            break
        tokens.append(token)
    return " ".join(tokens) if tokens else None


def _next_line(text: str, match: re.Match[str]) -> bool:
    """Whether the value ``match`` read for a label lies on the line after the label's:
    a value in a cell or element of its own, or the text after an empty label."""
    return "\n" in text[match.start():match.start(1)]


def _value_line(line: str) -> bool:
    """A line that may be a label's value set in a cell or element of its own: no
    punctuation of prose, no bracketed column tag ("【新春走基层】", "本报讯 昨日，…")."""
    return P.NOT_A_VALUE_LINE.search(line) is None


def _names_line(line: str) -> bool:
    """A ``_value_line`` of names only: no role word ("光明日报记者" starts a byline)."""
    if not _value_line(line):
        return False
    tokens = [t for t in _SPLIT_NAMES.split(trim(line)) if t]
    return bool(tokens) and all(len(t) <= P.LABELLED_NAME_MAX_CHARS
                                and not t.endswith(P.NAME_ROLE_WORDS) for t in tokens)


def labelled_editor(text: str) -> str | None:
    """The value of a 责任编辑/编辑/责编 field. e.g. "【责任编辑:林丹】" → "林丹"."""
    match = P.EDITOR_FIELD.search(text)
    if match is None:
        return None
    value = trim(match.group(1))
    return value if value and not P.ANY_LABEL.match(value) else None


def _first_names(pattern: re.Pattern[str] | P.Triggered, text: str, *,
                 surname: bool) -> tuple[int, str] | None:
    """Position and names of the first match of ``pattern`` whose group holds names."""
    for match in pattern.finditer(text):
        names = cjk_names(match.group(1), surname=surname)
        if names:
            return match.start(), names
    return None


def reporter(text: str) -> str | None:
    """Names from a reporter byline: "（记者 胡晓蓉）", "本报记者 葛灵丹", "记者马俊峰/文"."""
    found = _first_names(P.REPORTER_PAREN, text, surname=False) \
        or _first_names(P.REPORTER_LINE, text, surname=True) \
        or _first_names(P.WRITER_SLASH, text, surname=True)
    return found[1] if found else None


def first_byline(text: str) -> str | None:
    """The earliest byline in ``text`` (lines joined by newlines), of any form: a labelled
    作者 line, a reporter byline, "文/X", or names closing a paragraph "（常书香 马丹阳 ）"."""
    candidates: list[tuple[int, int, str]] = []   # position, rank (ties), names
    for rank, (pattern, surname) in enumerate(_BYLINE_FORMS):
        found = _first_names(pattern, text, surname=surname)
        if found is not None:
            candidates.append((found[0], rank, found[1]))
    for match in P.AUTHOR_FIELD.finditer(text):
        names = labelled_author(text[match.start():])
        if names:
            candidates.append((match.start(), len(_BYLINE_FORMS), names))
            break
    return min(candidates)[2] if candidates else None


# Byline forms in the order that breaks ties at one position, and whether their names
# must start with a common surname (forms without a 记者/文 label must).
_BYLINE_FORMS = (
    (P.REPORTER_PAREN, False),
    (P.REPORTER_LINE, True),
    (P.WRITER_SLASH, True),
    (P.TRAILING_NAMES, True),
)


def bracket_names(text: str) -> str | None:
    """Bracketed names on an info line: "[ 黄宇 ] 来源：…" → "黄宇"."""
    for match in P.BRACKET_NAMES.finditer(text):
        names = cjk_names(match.group(1), surname=True)
        if names:
            return names
    return None


def outlet_after(text: str) -> str | None:
    """An unlabelled outlet name opening ``text`` (what follows the date on an info line).

    e.g. " 《理财周刊》" → "理财周刊", " 金羊网—新快报" → "金羊网—新快报".
    """
    head = text.strip()
    if not head or P.ANY_LABEL.match(head):
        return None
    token = head.split()[0]
    quoted = token.startswith("《")
    token = trim(token)
    if not token or len(token) > P.OUTLET_MAX_CHARS or token in P.SOURCE_UNKNOWN:
        return None
    if quoted or P.OUTLET_SUFFIX.search(token):
        return token
    return None


def outlet_line(text: str) -> str | None:
    """An outlet name standing alone on a line of the info block before its date or labels.

    e.g. "IT之家" between a headline and "发布时间：09-30 22:46" (the account that posted)."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if P.ANY_LABEL.search(line) or any(char.isdigit() for char in line):
            return None
        if outlet_after(line) == trim(line):
            return trim(line)
    return None
