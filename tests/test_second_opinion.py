"""The second opinion on the chosen block (second_opinion.py) and its record."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.body import extract_body
from scraper.extract.score import region_of

STORY = ("Take a visit inside the leather works studio of a craftsman in Massachusetts, "
         "who gives us an honest view of his business and what it takes to stay local.")
BLURB = ("Our publisher is a wholly independent company of online fashion and lifestyle news "
         "websites with offices in two cities. Our sites cover the latest in new and emerging "
         "trends and products in fashion, accessories, art, design, automotive and much more.")


def body_of(html: str):
    tree = LexborHTMLParser(html)
    return extract_body(tree, None, source=html)


def short_article_and_long_footer(footer_open: str, footer_close: str) -> str:
    """A short story whose byline links cost it score, and an "about us" blurb in the
    page's footer that scores higher."""
    byline = "<p>By <a href=/a>Jeff Carvalho</a> posted on <a href=/d>November 13, 2012</a></p>"
    return (f"<html><body><div id=wrap><div class=m1><article class=c2>{byline}"
            f"<div class=c1><p>{STORY}</p></div></article></div></div>"
            f"{footer_open}<div class=container><div class=about><p>{BLURB}</p></div></div>"
            f"{footer_close}</body></html>")


@pytest.mark.parametrize("footer_open, footer_close", [
    ("<footer class=global>", "</footer>"),
    ("<div id=footer>", "</div>"),
    ("<div role=contentinfo>", "</div>"),
], ids=["footer-tag", "footer-id", "contentinfo-role"])
def test_block_in_a_page_region_gives_way_to_the_article(footer_open: str, footer_close: str) -> None:
    body = body_of(short_article_and_long_footer(footer_open, footer_close))
    assert body.text.splitlines() == [STORY]
    choice = body.choice
    assert choice is not None and choice.replaced and choice.doubt is not None
    assert choice.runner_up is not None and "about" in choice.runner_up.path
    assert "article.c2" in choice.chosen.path and choice.chosen.length == len(STORY.replace(" ", ""))


def test_article_outside_regions_is_not_doubted() -> None:
    html = short_article_and_long_footer("<div class=aboutus>", "</div>")
    html = html.replace(f"<p>{BLURB}</p>", f"<p>{BLURB[:90]}</p>")
    choice = body_of(html).choice
    assert choice is not None and choice.doubt is None and not choice.replaced


def test_no_alternative_keeps_the_first_choice() -> None:
    # Everything sits in the footer: the doubt is recorded, nothing replaces the choice.
    html = f"<html><body><footer><div><p>{BLURB}</p><p>{STORY}</p></div></footer></body></html>"
    body = body_of(html)
    assert body.text.splitlines() == [BLURB, STORY]
    assert body.choice is not None and body.choice.doubt == "in footer" and not body.choice.replaced


def test_box_taken_for_the_article_gives_way_to_a_longer_one() -> None:
    # The article ends in a long list of earlier interviews, so its block is mostly
    # links and scores below a newsletter box (its class names nothing the hints know);
    # the box holds little of the page's prose, and the article, rendered without its
    # list, is far longer. It opens with the series' link, so no reading of the page
    # as a whole takes it line by line (see render's ``wraps_prose``).
    prose = "<p><a href=/series>Interviews on the doctrines of the church</a></p>" + \
        "".join(f"<p>Part {i}. {STORY}</p>" for i in range(6))
    earlier = "<ul>" + "".join(f"<li><a href=/r{i}>Interview number {i} with another writer "
                               f"on another doctrine of the church</a></li>" for i in range(16)) + "</ul>"
    html = ("<html><body><div class=m1><div class=c3>"
            f"<div class=c4>{prose}{earlier}</div></div></div>"
            "<div class=rail><div class=weekly><div class=box>"
            "<p>Sign up for email updates from the office, every week, in your inbox.</p>"
            "</div></div></div></body></html>")
    body = body_of(html)
    assert body.text.splitlines() == [f"Part {i}. {STORY}" for i in range(6)]
    choice = body.choice
    assert choice is not None and choice.doubt == "little of the page's prose" and choice.replaced
    assert choice.runner_up is not None and choice.runner_up.path.endswith("div.box")
    assert [c.path for c in choice.compared] == ["body > div.m1 > div.c3 > div.c4"]


def test_region() -> None:
    tree = LexborHTMLParser("<html><body><div id=page class='a b'><aside><p>x</p></aside>"
                            "<section role=navigation><span>y</span></section></div></body></html>")
    p, span = tree.css_first("p"), tree.css_first("span")
    assert region_of(p) == "aside" and region_of(span) == "section role=navigation"
    assert region_of(tree.css_first("div")) is None
