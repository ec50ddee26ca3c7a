"""The article's title: the headline, without the site and channel names around it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import meta_patterns as P

def normalize(text: str | None) -> str:
    """Whitespace collapsed to single spaces (NBSP and U+3000 included), trimmed."""
    return " ".join(text.split()) if text else ""


def key(text: str) -> str:
    """A comparison key: the text without any whitespace."""
    return "".join(text.split())


def _site_like(segment: str, site_names: Iterable[str]) -> bool:
    """True when a <title> segment names the site or a channel rather than the article."""
    if not segment:
        return True
    if any(name and (segment in name or name in segment) for name in site_names):
        return True
    return len(segment) <= P.SITE_SEGMENT_MAX_CHARS or bool(P.SITE_SEGMENT_WORDS.search(segment))


def only_site(title: str, site_names: Iterable[str]) -> bool:
    """True when a stripped <title> still names only the site. e.g. "北医新闻网" """
    if any(name and title in name for name in site_names):
        return True
    return len(title) <= P.SITE_ONLY_MAX_CHARS or (
        len(title) <= P.SITE_SEGMENT_MAX_CHARS and bool(P.SITE_SEGMENT_WORDS.search(title)))


def strip_site(raw: str, site_names: Iterable[str] = ()) -> str:
    """``raw`` without its trailing site/channel segments.

    ``"X__商贸_产业资讯_新浪网"`` → ``"X"``; the longest segment is never dropped, so a
    headline that itself holds a separator survives.
    """
    raw = normalize(raw)
    names = [normalize(n) for n in site_names if n]
    parts = P.TITLE_SEPARATOR.split(raw)
    if len(parts) < 2:
        return raw
    spans = [m.span() for m in P.TITLE_SEPARATOR.finditer(raw)]
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    keep = len(parts)
    while keep > 1 and keep - 1 > longest and _site_like(parts[keep - 1].strip(), names):
        keep -= 1
    # leading site names too: "新浪网_X" or "Site | X"
    first = 0
    while first < longest and first < keep - 1 and names and any(
            n and parts[first].strip() in (n,) for n in names):
        first += 1
    begin = spans[first - 1][1] if first else 0
    end = spans[keep - 1][0] if keep < len(parts) else len(raw)
    return raw[begin:end].strip() or raw


def _raw_prefix(raw: str, length: int) -> str:
    """The prefix of normalised ``raw`` (single spaces) that holds ``length`` non-space
    characters, with its spacing. Counted word by word, not character by character."""
    if length <= 0:
        return raw
    count = end = 0
    for word in raw.split(" "):
        if count + len(word) >= length:
            return raw[: end + length - count]
        count += len(word)
        end += len(word) + 1
    return raw


def heading_prefix(raw: str, headings: Iterable[str]) -> str | None:
    """The longest heading that starts ``raw`` up to a separator, in ``raw``'s own spacing.

    ``raw`` is a <title> or og:title; a heading that begins it is the headline and the
    rest is the site suffix, however it is separated.
    """
    raw = normalize(raw)
    raw_key = key(raw)
    best = 0
    for heading in headings:
        head_key = key(heading)
        if len(head_key) < P.TITLE_MIN_CHARS or len(head_key) <= best:
            continue
        if not raw_key.startswith(head_key):
            continue
        prefix = _raw_prefix(raw, len(head_key))
        rest = raw[len(prefix):]
        if rest and not (rest[0].isspace() or P.TITLE_SEPARATOR.match(rest)
                         or rest[0] in "_|｜-–—:：·"):
            continue
        best = len(head_key)
    return _raw_prefix(raw, best).strip() if best else None


def choose_title(page_title: str | None, meta_titles: list[str], h1: list[str],
                 more_headings: Callable[[], list[str]], site_names: list[str]) -> str | None:
    """The best title from <title>, og:title/JSON-LD headlines and on-page headings.

    Order: a heading that begins <title> or a meta title (the headline, exactly as the
    site spells it); a meta title stripped of site names; <title> stripped; a heading
    when <title> is only the site's name. ``more_headings`` (h2, class "title"…) is only
    called when no <h1> settles it: each extra query walks the whole tree.
    """
    raws = [normalize(t) for t in (page_title, *meta_titles) if t and normalize(t)]
    headings = list(h1)
    for extra in (None, more_headings):
        if extra is not None:
            headings += [h for h in extra() if h not in headings]
        for raw in raws:
            found = heading_prefix(raw, headings)
            if found:
                return found
    stripped = [strip_site(raw, site_names) for raw in raws]
    meta_stripped = stripped[1:] if page_title else stripped
    for title in meta_stripped:
        if len(title) >= P.TITLE_MIN_CHARS:
            return title[: P.TITLE_MAX_CHARS]
    page = stripped[0] if page_title and stripped else None
    usable = [h for h in headings if P.TITLE_MIN_CHARS <= len(h) <= P.TITLE_MAX_CHARS]
    if page and len(page) >= P.TITLE_MIN_CHARS and not only_site(page, site_names):
        return page[: P.TITLE_MAX_CHARS]
    if usable and (not page or len(usable[0]) > len(page)):
        return usable[0]
    return page[: P.TITLE_MAX_CHARS] if page else None
