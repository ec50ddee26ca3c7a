"""Line-level tidying of the rendered body: editor lines, captions, the title, page
furniture (controls, interface words, promotions, disclaimers, info lines, datelines)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from . import line_patterns as L
from . import patterns as P
from . import post_patterns as PP
from . import sieve_patterns as SV
from .measures import any_key, holds_any, weighted_length


def _is_info_line(line: str) -> bool:
    """A date with labelled fields (来源：…, 发布时间：…), not a sentence that has both."""
    if len(line) > L.INFO_LINE_MAX_LEN or L.DATE_IN_LINE.search(line) is None:
        return False
    if L.INFO_LINE_LABEL.search(line):
        return True
    return L.INFO_LINE_MARKERS.search(line) is not None and L.SENTENCE_END.search(line) is None


def _is_dateline(line: str) -> bool:
    """A Western date with only a label, a weekday, a time or a short name around it
    ("Stand: 05. Februar 2020", "Posted on March 3, 2020 by admin"): not a sentence, not
    an entry of a dated list ("02.11.2022 - Placebo - Stadthalle")."""
    if len(line) > L.DATELINE_MAX_LEN or L.TWO_DIGITS.search(line) is None:
        return False
    dated = L.WESTERN_DATE if L.FOUR_DIGITS.search(line) else L.NUMERIC_WESTERN_DATE
    rest, dates = dated.subn(" ", line)
    if not dates:
        return False
    rest = L.CLOCK_TIME.sub(" ", rest)
    words = [word.strip(".,;:|·•-–—/()[]").lower() for word in rest.split()]
    words = [word for word in words if any(c.isalnum() for c in word)]
    labels = sum(word in L.DATELINE_WORDS for word in words)
    others = len(words) - labels
    return others == 0 or (labels > 0 and others <= L.DATELINE_MAX_NAME_WORDS
                           and rest.rstrip()[-1:] not in (".", "!", "?"))


def _is_furniture(line: str) -> bool:
    """Page furniture standing as a line of its own: controls, interface words, related
    headings, tags, the site's promotions, disclaimers, info lines and datelines."""
    length = len(line)
    # For the key words of the promotions and sieves (a sieve lowers a longer line itself
    # when it needs to).
    lowered = line.lower() if length <= PP.PROMO_LINE_MAX_LEN else None
    # Most short lines hold no key word at all: one search says so, where the groups'
    # and sieves' own key tests would read the line once per key.
    keyed = lowered is None or _ANY_KEY.search(lowered) is not None
    return ((length <= L.FURNITURE_MAX_LEN and L.FURNITURE_LINE.match(line) is not None)
            or (length <= L.INTERFACE_LINE_MAX_LEN
                and (L.UI_LINE.match(line) or L.RELATED_HEADING.match(line)
                     or L.TAGS_LINE.match(line)) is not None)
            or (keyed and lowered is not None and _is_promotion(line, lowered))
            or (length <= L.DISCLAIMER_MAX_LEN and L.DISCLAIMER_LINE.match(line) is not None)
            or _is_info_line(line) or _is_dateline(line)
            or sieved(line, lowered, keyed=keyed) is not None)


def _bulleted_or_timed(line: str) -> bool:
    """A RELATED_ITEM opens with a bullet, or holds a clock time ("14:32")."""
    return line[:1] in SV.LIST_BULLETS or ":" in line


def _names_javascript(line: str) -> bool:
    """A SCRIPT_NOTICE names JavaScript: it holds "j" or "J" (no other character matches
    "j" in a case-insensitive pattern)."""
    return "j" in line or "J" in line


# Gates: a test far cheaper than a sieve's pattern that every line the pattern matches
# passes; the pattern is tried only on the lines that pass (most article lines do not).
_SIEVE_GATES: dict[str, Callable[[str], bool]] = {
    "related-item": _bulleted_or_timed,
    "script-notice": _names_javascript,
}
# ``sieve_patterns.SIEVES`` with each sieve's gate (None: none but its keys).
SIEVES = tuple((name, pattern, max_len, keys, window, _SIEVE_GATES.get(name))
               for name, pattern, max_len, keys, window in SV.SIEVES)
# The sieves that take a line of a given length, in SIEVES order: those for lines up
# to each of their longest lengths (bisected), so that a paragraph longer than any of
# them meets none, and a line meets only those that can match it.
_SIEVE_LENGTHS = sorted({max_len for _, _, max_len, _, _, _ in SIEVES})
_SIEVES_UP_TO = [*(tuple((name, pattern, keys, window, gate)
                         for name, pattern, max_len, keys, window, gate in SIEVES
                         if max_len >= limit) for limit in _SIEVE_LENGTHS), ()]
# The same without the sieves that have key words: for a line that holds none.
_KEYLESS_UP_TO = [tuple(sieve for sieve in sieves if not sieve[2]) for sieves in _SIEVES_UP_TO]
# Every key word of the promotion groups and the sieves.
_ANY_KEY = any_key([*(key for keys, _ in PP.PROMO_GROUPS for key in keys),
                    *(key for _, _, _, keys, _, _ in SIEVES for key in keys)])


def sieved(line: str, lowered: str | None = None, *, keyed: bool = True) -> str | None:
    """The name of the boilerplate class (``sieve_patterns.SIEVES``) the line belongs to
    (``lowered``: the line lower-cased, when the caller has it; ``keyed`` False: the
    caller found none of the sieves' key words in it)."""
    up_to = _SIEVES_UP_TO if keyed else _KEYLESS_UP_TO
    for name, pattern, keys, window, gate in up_to[bisect_left(_SIEVE_LENGTHS, len(line))]:
        if gate is not None and not gate(line):
            continue
        if keys:
            if lowered is None:
                lowered = line.lower()
            searched = lowered[:window] if window > 0 else lowered[window:]
            for key in keys:   # ``holds_any`` inline: this loop runs for every line
                if key in searched:
                    break
            else:
                continue
        if pattern.match(line) is not None:
            return name
    return None


def sieved_length(lines: list[str], core: list[bool], kept_at: list[int]) -> int:
    """The weighted length of the core lines ``tidy`` dropped (``kept_at``: the indexes
    it kept) that a sieve names."""
    kept = set(kept_at)
    return sum(weighted_length(line) for index, (line, in_core) in enumerate(zip(lines, core))
               if in_core and index not in kept and sieved(line) is not None)


def _editor_mark(line: str) -> str | None:
    """The editor a line names when it is only that: "责任编辑：张三", "(松花江网编辑 孙桂芳)",
    "【纠错】 责任编辑： 尹世杰", "【编辑:刘欢】 返回搜狐，查看更多"."""
    if len(line) > L.FURNITURE_MAX_LEN:
        return None
    line = L.LEADING_CONTROL.sub("", line)
    match = L.EDITOR_LINE.match(line) or L.BRACKETED_EDITOR.match(line)
    if match:
        return match.group("name").strip()
    match = L.LEADING_EDITOR.match(line)
    if match and _is_furniture(line[match.end():]):
        return match.group("name").strip()
    return None


def _is_promotion(line: str, lowered: str) -> bool:
    """A promotion of the site (``post_patterns.PROMO_GROUPS``), searched for only by the
    groups whose key words the line holds."""
    for keys, pattern in PP.PROMO_GROUPS:
        for key in keys:   # ``holds_any`` inline: this loop runs for every short line
            if key in lowered:
                also = PP.PROMO_KEYS_WITH.get(key)
                if also is not None and also not in lowered:
                    continue   # no alternative holds the key without it
                if pattern.search(line) is not None:
                    return True
                break
    return False


def _is_prose(line: str) -> bool:
    """A full sentence or more: what a wrapper around the article may add to it."""
    return weighted_length(line) >= P.OUTER_PROSE_LEN and P.PUNCTUATION.search(line) is not None


# Why tidy drops a line, in the words of a trace (``scraper explain``).
OUTSIDE_NOT_PROSE = "outside the core block, not prose"
AFTER_RELATED = "under a related-articles heading"
AFTER_COMMENTS = "under a comments heading"
REPEATED = "repeated line"
EDITOR = "editor line"
CAPTION = "caption"
TITLE = "repeats the title"
FURNITURE = "page furniture"   # refined by ``furniture_kind`` in a trace


def furniture_kind(line: str) -> str:
    """Which furniture rule a dropped line matched, for a trace (slow path only)."""
    length = len(line)
    if length <= L.FURNITURE_MAX_LEN and L.FURNITURE_LINE.match(line) is not None:
        return "furniture line (control, pager, share)"
    if length <= L.INTERFACE_LINE_MAX_LEN:
        if L.UI_LINE.match(line):
            return "interface words"
        if L.RELATED_HEADING.match(line):
            return "related-articles heading"
        if L.TAGS_LINE.match(line):
            return "tags line"
    if length <= PP.PROMO_LINE_MAX_LEN and _is_promotion(line, line.lower()):
        return "promotion"
    if length <= L.DISCLAIMER_MAX_LEN and L.DISCLAIMER_LINE.match(line) is not None:
        return "disclaimer line"
    if _is_info_line(line):
        return "info line"
    if _is_dateline(line):
        return "dateline"
    name = sieved(line)
    return name.replace("-", " ") if name is not None else FURNITURE


def _explained(line: str, reason: str, norm_title: str | None) -> str:
    """``reason`` in a trace's words: which furniture rule, and for a line outside the
    core block, what the line is when a rule names it (the headline, an editor line…)."""
    if reason is FURNITURE:
        return furniture_kind(line)
    if reason is OUTSIDE_NOT_PROSE:
        if norm_title and line.replace(" ", "") == norm_title:
            return f"{TITLE} ({reason})"
        if _editor_mark(line) is not None:
            return f"{EDITOR} ({reason})"
        kind = furniture_kind(line) if _is_furniture(line) else None
        if kind is not None:
            return f"{kind} ({reason})"
    return reason


# What ``_dropped`` says of a line that may end the body (``_ends_body``).
_ENDING_REASONS = (FURNITURE, OUTSIDE_NOT_PROSE, AFTER_RELATED)


def tidy(lines: list[str], core: list[bool], *, title: str | None,
         captions: list[str], why: dict[int, str] | None = None
         ) -> tuple[list[str], str | None, list[int]]:
    """Drop lines that are not article text; return the kept lines, the editor found and
    the index of each kept line in ``lines``. With ``why``, the reason each dropped line
    went is recorded in it by index.

    Lines from outside the core block are kept only when they are prose: a lead or a
    closing paragraph, not the headline, byline or date line around the article. A
    single short line between two such paragraphs (a subheading of a section the
    wrapper adds) is kept with them. A comment thread's heading below the article's
    text ends the body, and so does a related-articles heading with no prose below it.
    """
    editor: str | None = None
    caption_set = set(captions)
    norm_title = "".join(title.split()) if title else None
    seen: set[str] = set()   # long lines already kept: repeats are page widgets
    # What each distinct line is, judged once: a page may repeat a short line thousands
    # of times (table cells, the lines of a nest read as flat text).
    verdicts: dict[str, str | None] = {}
    kept: list[str] = []
    kept_at: list[int] = []
    after_related = False   # past a "related articles" heading outside the core
    above = 0   # the weighted length of the lines kept so far, until ENDING_MIN_ABOVE
    last_prose: list[int] = []   # the index of the last prose line, once asked for
    # Short lines outside the core after prose from outside it (a subheading, a short
    # paragraph of the wrapper's section): kept when prose outside the core follows.
    pending: list[int] = []
    outside_prose = False   # the last line kept was prose from outside the core
    for index, (line, in_core) in enumerate(zip(lines, core)):
        reason = _dropped(line, in_core, after_related, seen, caption_set, norm_title,
                          verdicts)
        # (Every heading that ends the body is furniture, or not prose outside the core.)
        if reason in _ENDING_REASONS and above >= PP.ENDING_MIN_ABOVE \
                and (ending := _ends_body(line, index, lines, last_prose)):
            _drop_rest(index, ending, pending, lines, why, norm_title)
            break
        if reason is OUTSIDE_NOT_PROSE and outside_prose and _dropped(
                line, True, after_related, seen, caption_set, norm_title, verdicts) is None:
            pending.append(index)
            if len(pending) <= P.OUTSIDE_RUN_MAX:
                continue
            outside_prose = False   # too long a run to stand between two paragraphs
            _drop_pending(pending, lines, why, norm_title)
            continue
        if reason is None:
            if pending and not in_core:
                kept.extend(lines[between] for between in pending)
                kept_at.extend(pending)
                pending.clear()
            _drop_pending(pending, lines, why, norm_title)
            outside_prose = not in_core
            kept.append(line)
            kept_at.append(index)
            above += weighted_length(line) if above < PP.ENDING_MIN_ABOVE else 0
            if len(line) >= L.REPEATED_LINE_MIN_LEN:
                seen.add(line)
            continue
        if reason is AFTER_RELATED:
            after_related = True
        elif reason is EDITOR:
            editor = editor or _editor_mark(line)
        if why is not None:
            why[index] = _explained(line, reason, norm_title)
    _drop_pending(pending, lines, why, norm_title)
    trailing = _trailing_editor(kept, kept_at, why)
    return kept, editor or trailing, kept_at


def _ends_body(line: str, index: int, lines: list[str], last_prose: list[int]) -> str | None:
    """Why the body ends at ``line``, standing below the article's text, or None: a
    comment thread's heading (``post_patterns.COMMENTS_HEADING``), or a related-articles
    heading with no prose below it, where the rest is that list (one with prose below
    is a box set inside the text). ``last_prose`` holds the index of the last prose
    line once it is known."""
    if len(line) <= PP.COMMENTS_HEADING_MAX_LEN and holds_any(line.lower(), PP.COMMENTS_KEYS) \
            and PP.COMMENTS_HEADING.match(line) is not None:
        return AFTER_COMMENTS
    if len(line) <= L.FURNITURE_MAX_LEN and L.RELATED_HEADING.match(line) is not None:
        if not last_prose:   # found once: a page may hold many such headings
            last_prose.append(next((at for at in range(len(lines) - 1, -1, -1)
                                    if _is_prose(lines[at])), -1))
        if index > last_prose[0]:
            return AFTER_RELATED
    return None


def _drop_rest(index: int, reason: str, pending: list[int], lines: list[str],
               why: dict[int, str] | None, norm_title: str | None) -> None:
    """Drop the lines from ``index`` on: a comment thread, a list of other articles."""
    _drop_pending(pending, lines, why, norm_title)
    if why is not None:
        why.update((rest, reason) for rest in range(index, len(lines)))


def _trailing_editor(kept: list[str], kept_at: list[int], why: dict[int, str] | None
                     ) -> str | None:
    """The editor named at the end of the last kept line, cut from it (the line goes
    when nothing else is left of it)."""
    if not kept:
        return None
    last = kept[-1]
    trailing = L.TRAILING_EDITOR.search(last)
    if not trailing:
        return None
    kept[-1] = last[: trailing.start()].rstrip()
    if not kept[-1]:
        kept.pop()
        index = kept_at.pop()
        if why is not None:
            why[index] = EDITOR
    return trailing.group("name").strip()


def _drop_pending(pending: list[int], lines: list[str], why: dict[int, str] | None,
                  norm_title: str | None) -> None:
    """Drop the short lines outside the core held in ``pending`` (emptied)."""
    if why is not None:
        for index in pending:
            why[index] = _explained(lines[index], OUTSIDE_NOT_PROSE, norm_title)
    pending.clear()


def _dropped(line: str, in_core: bool, after_related: bool, seen: set[str],
             caption_set: set[str], norm_title: str | None,
             verdicts: dict[str, str | None]) -> str | None:
    """Why ``line`` is not article text, or None when it is (``verdicts``: what the
    lines met before are, by ``_verdict``)."""
    if not in_core:
        if after_related or (len(line) <= L.FURNITURE_MAX_LEN and L.RELATED_HEADING.match(line)):
            return AFTER_RELATED
        if not _is_prose(line):
            return OUTSIDE_NOT_PROSE
    if line in seen:
        return REPEATED
    if line in verdicts:
        return verdicts[line]
    verdict = verdicts[line] = _verdict(line, caption_set, norm_title)
    return verdict


def _verdict(line: str, caption_set: set[str], norm_title: str | None) -> str | None:
    """What ``line`` is, whatever its place: an editor line, a caption, the title, page
    furniture, or (None) article text."""
    if _editor_mark(line) is not None:
        return EDITOR
    if line in caption_set:
        return CAPTION
    # Rendered lines have single spaces: a line can repeat the title only when its
    # length without them is the title's (a count, not a copy of every line).
    if norm_title and len(line) - line.count(" ") == len(norm_title) \
            and line.replace(" ", "") == norm_title:
        return TITLE
    if _is_furniture(line):
        return FURNITURE
    return None
