"""Containers beside the article: which are parts of it, which are not (extent.py, sections.py).

Made pages, in English: an article split over sibling or cousin containers is read
whole; the prose boxes that stand beside an article on real pages (the author's bio,
a newsletter or course promotion, a comment thread, a column of post excerpts, the
sidebar's "about" text, a profile box) stay out, however much prose they hold.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body import extract_body

STORY = [
    "The council voted on Tuesday to close the old harbour bridge to cars from next spring.",
    "Engineers found that its steel supports had corroded far faster than anyone expected.",
    "Buses and bicycles will still be allowed across while the repairs are being planned.",
    "Shop owners on both banks said they feared losing customers during the long works.",
]
MORE = [
    "They asked the council for a temporary parking area near the market, and got a hearing.",
    "The mayor promised to meet them next week; a decision on the parking would follow soon.",
    "Work on the bridge itself is to start in March and should take about two years.",
]


def body_lines(html: str) -> list[str]:
    return extract_body(LexborHTMLParser(html), None).text.splitlines()


def prose(lines: list[str], cls: str = "entry") -> str:
    return f"<div class={cls}>" + "".join(f"<p>{line}</p>" for line in lines) + "</div>"


def page(inside: str, after: str = "", beside: str = "") -> str:
    return (f"<html><body><div id=page><div id=main><div class=post><h1>Bridge to close</h1>"
            f"{inside}</div>{after}</div>{beside}</div></body></html>")


# -- parts of the article ------------------------------------------------------------


def test_an_article_split_by_an_advert_between_sibling_blocks_is_read_whole() -> None:
    advert = "<div class=ad-slot><a href=/ad>Advertisement</a></div>"
    html = page(prose(STORY, "story-text") + advert + prose(MORE, "story-text"))
    assert body_lines(html) == STORY + MORE


def test_a_loose_closing_paragraph_beside_the_article_block_is_kept() -> None:
    html = page(prose(STORY) + "<p>The works are to be finished by the end of next year.</p>")
    assert body_lines(html) == STORY + ["The works are to be finished by the end of next year."]


# -- not parts of it -----------------------------------------------------------------

BIO = ("<div class=author-box><h4>About the author</h4><p>Jane Doe is a reporter covering "
       "transport and city hall. She joined the paper in 2009 after ten years in radio, "
       "and lives by the river with two cats.</p></div>")
PROMOTION = ("<div class=promo-box><p>Want to stay up to date? Enter your email below and get "
             "our weekly digest of city news, delivered every Friday morning.</p>"
             "<p>Join thousands of readers: it is free, and you can leave at any time.</p></div>")
COMMENTS = ("<div id=comments><h3>3 comments</h3><ol class=commentlist>" + "".join(
    f"<li class=comment><p>{name} said: I cross that bridge every day on my way to work, "
    f"and the closure will add half an hour to each trip, which is hard to accept.</p></li>"
    for name in ("Ann", "Bob", "Carl")) + "</ol></div>")
EXCERPTS = ("<div class=recent>" + "".join(
    f"<div class=excerpt><h3><a href=/post{i}>Other story {i}</a></h3><p>A shorter story "
    f"about the harbour, number {i}, with a sentence or two of its own to read.</p></div>"
    for i in range(4)) + "</div>")
SIDEBAR_ABOUT = ("<div id=sidebar><div class=widget><h3>About this blog</h3><p>Welcome to "
                 "the Harbour Blog, where we write about the city, its bridges, its boats "
                 "and the people who keep them going, every week since 2005.</p></div></div>")


@pytest.mark.parametrize("after", [BIO, PROMOTION, COMMENTS, EXCERPTS],
                         ids=["author bio", "newsletter promotion", "comment thread",
                              "post excerpts"])
def test_a_prose_box_after_the_article_stays_out(after: str) -> None:
    assert body_lines(page(prose(STORY), after=after)) == STORY


@pytest.mark.parametrize("inside", [BIO, PROMOTION],
                         ids=["author bio", "newsletter promotion"])
def test_a_prose_box_inside_the_post_after_the_article_stays_out(inside: str) -> None:
    assert body_lines(page(prose(STORY) + inside)) == STORY


def test_the_sidebar_about_text_stays_out() -> None:
    assert body_lines(page(prose(STORY + MORE), beside=SIDEBAR_ABOUT)) == STORY + MORE
