"""What an extraction renders besides ``body``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """The article as Markdown (GFM) and as clean HTML, rendered from the same blocks as
    ``body``; ``links`` keeps links in both (else only their text)."""

    markdown: bool = False
    html: bool = False
    links: bool = False

    @property
    def structured(self) -> bool:
        return self.markdown or self.html


PLAIN = Options()
