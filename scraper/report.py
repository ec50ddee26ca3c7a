"""The ``scraper explain`` report: one self-contained HTML page (inline CSS, no scripts,
nothing loaded from elsewhere) made from an ``Explanation``'s JSON.

The page's text blocks are drawn as its outline: kept green, dropped as boilerplate
red, left out as not article (outside the chosen block, hidden, never-content) grey,
moved to another field (captions, the headline) blue. Beside them: the record, the
chosen container and its runner-up, and where each metadata field came from. Every
text from the page is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from typing import Any

from .extract import trace as T
from .report_style import STYLE

# Characters of a block's text put in the outline (all of it in its tooltip); the
# article's paragraphs are then cut to one line by the stylesheet, so the whole page
# fits a screen, the rest to two or three lines.
KEPT_TEXT_SHOWN = 120
DROPPED_TEXT_SHOWN = 150
# Characters of the body shown in the record (the outline shows it all, block by block).
BODY_SHOWN = 140
# Steps of a block's CSS path shown in the outline (all of it in its tooltip): the
# indentation already shows where it sits.
PATH_STEPS_SHOWN = 3
# Indentation per outline level, in pixels, and the deepest level indented.
INDENT_PX = 14
INDENT_LEVELS_MAX = 14

# Each reason's colour class and its words in the legend.
KIND_KEPT, KIND_BOILER, KIND_AWAY, KIND_MOVED = "kept", "boiler", "away", "moved"
REASON_KIND = {
    T.KEPT: KIND_KEPT,
    T.BOILERPLATE_CLASS: KIND_BOILER, T.LINK_DENSE: KIND_BOILER,
    T.DISCLAIMER: KIND_BOILER, T.LINE_RULE: KIND_BOILER,
    T.OUTSIDE: KIND_AWAY, T.HIDDEN: KIND_AWAY, T.NEVER_CONTENT: KIND_AWAY,
    T.SUPERSEDED: KIND_AWAY,
    T.CAPTION: KIND_MOVED, T.HEADLINE: KIND_MOVED, T.DOCUMENT_BLOCK: KIND_MOVED,
}
LEGEND = (
    (KIND_KEPT, "kept: the article's text"),
    (KIND_BOILER, "dropped as boilerplate"),
    (KIND_AWAY, "left out: outside the article, hidden"),
    (KIND_MOVED, "moved: caption to images, headline to title, attribute block to document"),
)
# The metadata fields, in the record's order.
FIELDS = ("title", "published", "modified", "source", "author", "editor", "language", "site",
          "channel", "document")


def _e(text: Any) -> str:
    return escape("" if text is None else str(text), quote=True)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _top_reason(reason: str) -> str:
    """``"boilerplate class: share"`` → ``"boilerplate class"``."""
    return reason.split(": ", 1)[0]


def _kind(block: dict[str, Any]) -> str:
    return REASON_KIND.get(_top_reason(block["reason"]), KIND_AWAY)


def render_report(data: dict[str, Any], *, page: str) -> str:
    """The report of one explanation (``Explanation.to_json``); ``page`` names the input."""
    record = data["record"]
    blocks = data["blocks"]
    title = record.get("title") or page
    return "".join((
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<title>explain: {_e(title)}</title><style>{STYLE}</style></head><body>",
        _header(record, blocks, page),
        "<div class=\"grid\"><main>",
        _outline(blocks),
        "</main><aside>",
        _containers(data.get("container"), data.get("runner_up")),
        _fields(data.get("fields") or {}),
        _record(record),
        "</aside></div></body></html>\n",
    ))


def _header(record: dict[str, Any], blocks: list[dict[str, Any]], page: str) -> str:
    kinds = Counter(_kind(b) for b in blocks)
    chars: Counter[str] = Counter()
    for block in blocks:
        chars[_kind(block)] += len(block["text"])
    legend = "".join(
        f"<li><span class=\"chip {kind}\"></span>{_e(words)} "
        f"<b>{kinds[kind]}</b> blocks, {chars[kind]:,} chars</li>" for kind, words in LEGEND)
    total = sum(chars.values()) or 1
    bar = "".join(f"<span class=\"{kind}\" style=\"width:{chars[kind] / total:.2%}\" "
                  f"title=\"{chars[kind]:,} chars\"></span>" for kind, _ in LEGEND if chars[kind])
    url = f" · <span class=\"url\">{_e(record['url'])}</span>" if record.get("url") else ""
    return (f"<header><h1>{_e(record.get('title') or '(no title)')}</h1>"
            f"<p class=\"page\">{_e(page)}{url}"
            f" · body {record.get('length', 0):,} characters</p>"
            f"<div class=\"bar\" title=\"the page's text, by what became of it\">{bar}</div>"
            f"<div class=\"summary\"><ul class=\"legend\">{legend}</ul>"
            f"{_reason_counts(blocks)}</div></header>")


def _reason_counts(blocks: list[dict[str, Any]]) -> str:
    """One row per reason: how many blocks, how much text, and the words that named them."""
    count: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    details: dict[str, list[str]] = defaultdict(list)
    for block in blocks:
        top = _top_reason(block["reason"])
        count[top] += 1
        chars[top] += len(block["text"])
        detail = block["reason"][len(top) + 2:]
        if detail and detail not in details[top]:
            details[top].append(detail)
    rows = "".join(
        f"<tr><td><span class=\"chip {REASON_KIND.get(reason, KIND_AWAY)}\"></span>"
        f"{_e(reason)}</td><td class=\"n\">{count[reason]}</td><td class=\"n\">{chars[reason]:,}"
        f"</td><td class=\"details\">{_e('; '.join(details[reason]))}</td></tr>"
        for reason in sorted(count, key=lambda reason: (reason != T.KEPT, -chars[reason])))
    return ("<table class=\"reasons\"><thead><tr><th>reason</th><th>blocks</th><th>chars</th>"
            f"<th>which</th></tr></thead><tbody>{rows}</tbody></table>")


def _outline(blocks: list[dict[str, Any]]) -> str:
    if not blocks:
        return "<h2>The page's text blocks</h2><p class=\"none\">No text blocks.</p>"
    top = min(block["depth"] for block in blocks)
    rows = []
    after_kept = False
    for block in blocks:   # a run of kept paragraphs shows its first path only
        kept = _kind(block) == KIND_KEPT
        rows.append(_block_row(block, top, show_path=not (kept and after_kept)))
        after_kept = kept
    return ("<h2>The page's text blocks, in document order</h2>"
            f"<ol class=\"outline\">{''.join(rows)}</ol>")


def _block_row(block: dict[str, Any], top: int, *, show_path: bool = True) -> str:
    kind = _kind(block)
    level = min(max(block["depth"] - top, 0), INDENT_LEVELS_MAX)
    text = block["text"]
    shown = _clip(text, KEPT_TEXT_SHOWN if kind == KIND_KEPT else DROPPED_TEXT_SHOWN)
    facts = []
    if block.get("score") is not None:
        facts.append(f"score {block['score']:g}")
    if block.get("link_share") is not None:
        facts.append(f"links {block['link_share']:.0%}")
    facts_html = "".join(f"<span class=\"fact\">{_e(f)}</span>" for f in facts)
    reason = "" if kind == KIND_KEPT else f"<span class=\"reason\">{_e(block['reason'])}</span>"
    return (f"<li class=\"{kind}\" style=\"margin-left:{level * INDENT_PX}px\">"
            f"<div class=\"text\" title=\"{_e(text)}\">{_e(shown)}</div>"
            f"<div class=\"meta\">{reason}{facts_html}"
            + (_path(block.get("path") or "") if show_path else "")
            + "</div></li>")


def _path(path: str) -> str:
    """A block's CSS path, its last steps shown and the whole in the tooltip."""
    steps = path.split(" > ")
    shown = path if len(steps) <= PATH_STEPS_SHOWN else \
        "… > " + " > ".join(steps[-PATH_STEPS_SHOWN:])
    return f"<code class=\"path\" title=\"{_e(path)}\">{_e(shown)}</code>"


def _containers(container: dict[str, Any] | None, runner_up: dict[str, Any] | None) -> str:
    def card(label: str, item: dict[str, Any] | None, kind: str) -> str:
        if not item:
            return f"<div class=\"card {kind}\"><h3>{label}</h3><p class=\"none\">none</p></div>"
        return (f"<div class=\"card {kind}\"><h3>{label} <span class=\"score\">score "
                f"{item['score']:g}</span></h3><code class=\"path\">{_e(item['path'])}</code>"
                f"<p class=\"opening\">{_e(_clip(item.get('text') or '', 120))}</p></div>")
    return ("<h2>The article's container</h2>"
            + card("chosen", container, KIND_KEPT) + card("runner-up", runner_up, KIND_AWAY))


def _fields(fields: dict[str, Any]) -> str:
    rows = []
    for name in FIELDS:
        field = fields.get(name)
        if field is None:
            continue
        rows.append(f"<tr><th>{name}</th><td>{_field_cell(field)}</td></tr>")
    return ("<h2>Where each field came from</h2>"
            f"<table class=\"fields\"><tbody>{''.join(rows)}</tbody></table>")


def _field_cell(field: dict[str, Any]) -> str:
    value, source = field.get("value"), field.get("from")
    if value is None:
        head = "<span class=\"null\">null</span>"
    else:
        head = f"<span class=\"value\">{_e(value)}</span>"
    if source:
        head += f" <span class=\"from\">from {_e(source)}</span>"
    if field.get("quote"):
        head += f"<q>{_e(field['quote'])}</q>"
    lost = [c for c in field.get("candidates") or ()
            if not _won(c, value, source)]
    if lost:
        items = "".join(f"<li><s>{_e(_clip(c['value'], 80))}</s> <span class=\"from\">"
                        f"{_e(c['from'])}</span></li>" for c in lost)
        head += f"<ul class=\"lost\" title=\"candidates that lost\">{items}</ul>"
    return head


def _won(candidate: dict[str, str], value: str | None, source: str | None) -> bool:
    """The winning candidate: the field's value, or the one its source names."""
    if value is not None and candidate["value"] == value:
        return True
    return bool(source) and source is not None and source.startswith(candidate["from"])


def _record(record: dict[str, Any]) -> str:
    rows = []
    for key, value in record.items():
        if key == "body":
            cell = (f"<span class=\"value\">{_e(_clip(value or '', BODY_SHOWN))}</span>"
                    f"<div class=\"note\">{len(value or ''):,} characters: every kept block "
                    "of the outline, in order</div>")
        elif key == "images":
            cell = "".join(f"<div class=\"image\"><code>{_e(i['url'])}</code>"
                           + (f" {_e(i['caption'])}" if i.get("caption") else "") + "</div>"
                           for i in value) or "<span class=\"null\">[]</span>"
        elif isinstance(value, list):
            cell = "".join(f"<div><code>{_e(item)}</code></div>" for item in value) \
                or "<span class=\"null\">[]</span>"
        elif isinstance(value, dict):
            cell = "".join(f"<div><code>{_e(k)}</code> {_e(v)}</div>" for k, v in value.items())
        elif value is None:
            cell = "<span class=\"null\">null</span>"
        else:
            cell = f"<span class=\"value\">{_e(value)}</span>"
        rows.append(f"<tr><th>{_e(key)}</th><td>{cell}</td></tr>")
    return ("<h2>The record</h2><p class=\"note\">as <code>scraper extract</code> gives it</p>"
            f"<table class=\"record\"><tbody>{''.join(rows)}</tbody></table>")
