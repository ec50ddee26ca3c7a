"""Article body: prune, choose the article node, render its paragraphs, tidy the lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from ..models import Image
from .clean import prune
from .render import render
from .score import choose_article
from .tidy import tidy


@dataclass
class Body:
    text: str = ""
    images: list[Image] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    editor: str | None = None


def extract_body(tree: LexborHTMLParser, url: str | None, *, title: str | None = None) -> Body:
    """The article text of a parsed page. Changes the tree (prunes it)."""
    hints: dict[str, int] = {}
    prune(tree, hints)
    root = tree.body
    if root is None:
        return Body()
    _, nodes = choose_article(root, hints)
    rendered = render(nodes, url)
    lines, editor = tidy(rendered.lines, title=title, captions=rendered.captions)
    return Body(text="\n".join(lines), images=rendered.images, captions=rendered.captions,
                editor=editor)
