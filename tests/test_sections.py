"""Sections of one article in same-style blocks under wrappers of their own (sections.py)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body import extract_body

BRIDGE = [
    "The council voted on Tuesday to close the old harbour bridge to cars from next spring.",
    "Engineers found that its steel supports had corroded far faster than expected, and said so.",
    "Buses and bicycles will still be allowed across while the repairs are being planned.",
]
SHOPS = [
    "Shop owners on both banks said they feared losing customers during the long works.",
    "They asked the council for a temporary parking area near the market, and got a hearing.",
    "The mayor promised to meet them next week; a decision on the parking would follow soon.",
]
LIBRARY = [
    "A week earlier the same council had approved a new library for the northern district.",
    "It will have a reading room, a children's corner and a small cinema, the plans show.",
]


def body_lines(html: str) -> list[str]:
    return extract_body(LexborHTMLParser(html), None).text.splitlines()


def section(paragraphs: list[str], before: str = "", row: int = 1) -> str:
    """One row of a story template: a ``div.story-text`` with a share bar, in a row of
    its own (numbered in its class, as page builders do)."""
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<div class='row row-{row}'><div class=column>{before}<div class=story-text>{text}"
            f"</div><div class=tools><a href=/mail>Mail</a></div></div></div>")


ADVERT = "<div class=row><div class=advert><a href=/ad>Advertisement</a></div></div>"


def test_a_story_split_by_an_advert_row_is_read_whole() -> None:
    html = (f"<html><body><main><h1>Bridge to close</h1>{section(BRIDGE)}{ADVERT}"
            f"{section(SHOPS[:2], row=2)}</main></body></html>")
    assert body_lines(html) == BRIDGE + SHOPS[:2]


def test_the_section_before_the_chosen_one_comes_first() -> None:
    html = (f"<html><body><main><h1>Bridge to close</h1>{section(BRIDGE[:2])}{ADVERT}"
            f"{section(SHOPS, row=2)}</main></body></html>")
    assert body_lines(html) == BRIDGE[:2] + SHOPS


def test_the_teaser_of_another_post_built_alike_stays_out() -> None:
    teaser = section(LIBRARY, before="<h2><a href=/library>New library</a></h2>", row=2)
    html = (f"<html><body><div class=page><main><h1>Bridge to close</h1>{section(BRIDGE)}"
            f"</main><div class=more>{teaser}</div></div></body></html>")
    assert body_lines(html) == BRIDGE


def test_a_block_built_alike_in_a_page_region_stays_out() -> None:
    html = (f"<html><body><div class=page><main>{section(BRIDGE)}</main>"
            f"<div role=complementary>{section(LIBRARY, row=2)}</div></div></body></html>")
    assert body_lines(html) == BRIDGE
