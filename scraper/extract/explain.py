"""``explain``: one extraction with its decisions recorded, for ``scraper explain``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Article
from .trace import Block, Container, FieldSource, Trace

__all__ = ["Explanation", "explain"]


@dataclass
class Explanation:
    """The record and the decisions that made it (see ``trace``)."""

    article: Article
    blocks: list[Block]
    fields: dict[str, FieldSource]
    container: Container | None
    runner_up: Container | None

    def kept_text(self) -> str:
        """The kept blocks in order, as ``body`` is built from them."""
        return "\n".join(block.text for block in self.blocks if block.kept)

    def to_json(self, **context: Any) -> dict[str, Any]:
        return {"record": self.article.to_record(**context),
                "blocks": [block.to_json() for block in self.blocks],
                "fields": {name: source.to_json() for name, source in self.fields.items()},
                "container": self.container.to_json() if self.container else None,
                "runner_up": self.runner_up.to_json() if self.runner_up else None}


def explain(page: str | bytes, url: str | None = None, *,
            http_charset: str | None = None) -> Explanation:
    """Extract ``page`` as ``extract`` does, recording why each block was kept or
    dropped, which container won and where each metadata field came from."""
    from . import PLAIN, _scraper_engine, _to_text   # the engine, not a second copy of it

    text, encoding, utf8 = _to_text(page, http_charset)
    trace = Trace()
    article = _scraper_engine(text, url, encoding, utf8, PLAIN, trace)
    return Explanation(article, trace.ordered_blocks(), trace.fields, trace.container,
                       trace.runner_up)
