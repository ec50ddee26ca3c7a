"""Hostile pages, made by code: pages built to hurt an extractor, or just broken.

Each builder returns the page's HTML as text; the benchmark (``bench/hostile.py``)
times every page in a fresh process, and ``tests/test_hostile.py`` checks what is
extracted from smaller copies. Standalone (no imports from the package), so that the
tests can load it by path.
"""

from __future__ import annotations

from collections.abc import Callable

PARAGRAPH = ("新华社北京电，记者从有关部门获悉，今年以来各地加快推进重点项目建设，"
             "投资规模持续扩大，带动就业和消费稳步回升。")


def nested_divs(depth: int = 100_000) -> str:
    """``depth`` nested ``<div>`` elements, closed, with a paragraph at the bottom."""
    return ("<html><body>" + "<div>" * depth + f"<p>{PARAGRAPH}</p>" + "</div>" * depth
            + "</body></html>")


def unclosed_blocks(count: int = 50_000) -> str:
    """``count`` unclosed ``<div><span><p>`` triples, each with a little text."""
    return "<html><body>" + "<div><span><p>段落文字" * count + f"<p>{PARAGRAPH}</p>"


def attribute_flood(size: int = 1_000_000) -> str:
    """One element carrying ``size`` bytes of distinct attributes, around an article."""
    count = size // 16
    attrs = " ".join(f'data-a{i:06d}="v"' for i in range(count))
    return (f"<html><body><div {attrs}><article>" + f"<p>{PARAGRAPH}</p>" * 20
            + "</article></div></body></html>")


def huge_article(sections: int = 70_000) -> str:
    """An article of ``sections`` sections of a heading and a paragraph (about 40 MB at
    70,000)."""
    section = "<section><h2>第{n}节</h2><p>{n}：" + PARAGRAPH * 3 + "</p></section>\n"
    parts = [section.replace("{n}", str(n)) for n in range(sections)]
    return ("<html><head><title>长文</title></head><body><article><h1>长文</h1>"
            + "".join(parts) + "</article></body></html>")


def nested_tables(depth: int = 20_000) -> str:
    """``depth`` tables, each in a cell of the one before, with a paragraph at the bottom."""
    return "<html><body>" + "<table><tr><td>" * depth + f"<p>{PARAGRAPH}</p>"


def select_options(count: int = 20_000) -> str:
    """An article followed by a select of ``count`` options."""
    return (f"<html><body><article><p>{PARAGRAPH}</p></article><select>"
            + "".join(f"<option value={n}>选项{n}" for n in range(count)) + "</select>")


def bare_attribute_flood(size: int = 1_000_000) -> str:
    """One element carrying ``size`` bytes of distinct attributes without values."""
    attrs = " ".join(f"a{i:06d}" for i in range(size // 8))
    return f"<html><body><div {attrs}><article>" + f"<p>{PARAGRAPH}</p>" * 20 + "</article></div>"


def crowded_elements(count: int = 20_000, attributes: int = 200) -> str:
    """``count`` paragraphs, each in an element of ``attributes`` attributes (about
    30 MB)."""
    attrs = " ".join(f"k{i}=1" for i in range(attributes))
    return ("<html><body><article>"
            + "".join(f"<div {attrs}><p>{n}：{PARAGRAPH}</p></div>" for n in range(count))
            + "</article></body></html>")


# name → (builder, what the page is); the benchmark builds each at its full size.
PAGES: dict[str, tuple[Callable[[], str], str]] = {
    "nested-divs": (nested_divs, "100,000 nested `<div>`s"),
    "unclosed-blocks": (unclosed_blocks, "50,000 unclosed `<div><span><p>`"),
    "attribute-flood": (attribute_flood, "1 MB of attributes on one element"),
    "huge-article": (huge_article, "a 40 MB article of 70,000 sections"),
    "nested-tables": (nested_tables, "20,000 tables nested in cells"),
    "select-options": (select_options, "a select of 20,000 options"),
    "bare-attribute-flood": (bare_attribute_flood, "1 MB of attributes without values"),
    "crowded-elements": (crowded_elements, "20,000 elements of 200 attributes each"),
}
