"""Article body: choose the node that holds the article and render its paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from ..models import Image


@dataclass
class Body:
    text: str = ""
    images: list[Image] = field(default_factory=list)
    editor: str | None = None


def extract_body(tree: LexborHTMLParser, url: str | None, *, title: str | None = None) -> Body:
    root = tree.body
    if root is None:
        return Body()
    lines = [" ".join(line.split()) for line in root.text(separator="\n").splitlines()]
    return Body(text="\n".join(line for line in lines if line))
