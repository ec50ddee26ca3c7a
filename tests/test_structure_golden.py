"""The reviewed Markdown and HTML of the pages whose structure matters
(``samples/structure/``); regenerate with ``python -m bench.make_structure`` and read
the diff."""

from __future__ import annotations

import pytest

from bench.make_structure import OUT, PAGES, render


@pytest.mark.parametrize("name", sorted(PAGES))
def test_structure_matches_the_reviewed_output(name: str) -> None:
    markdown, html = render(name)
    assert markdown + "\n" == (OUT / f"{name}.md").read_text(encoding="utf-8")
    assert html + "\n" == (OUT / f"{name}.html").read_text(encoding="utf-8")
