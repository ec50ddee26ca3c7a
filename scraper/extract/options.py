"""What an extraction renders besides ``body``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """The article as Markdown (GFM) and as clean HTML, rendered from the same blocks as
    ``body``; ``links`` keeps links in both (else only their text). ``documents`` is
    False when the page's source names no document file, so that no link need be
    looked at for attachments (see ``attachments.may_link_documents``)."""

    markdown: bool = False
    html: bool = False
    links: bool = False
    documents: bool = True

    @property
    def structured(self) -> bool:
        return self.markdown or self.html


PLAIN = Options()
