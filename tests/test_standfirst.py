"""The standfirst set in the article's header, above the block chosen as the article."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract.standfirst import standfirst

STORY = "".join(f"<p>Paragraph {i} of the report: the council met on Tuesday and voted, after "
                f"a long debate, to keep the bridge open through the winter.</p>" for i in range(5))
LEAD = "The council kept the bridge open, but the repairs will cost twice the estimate."
BYLINE = "<div class=byline>By Ann Reporter, 12 March 2024</div>"


# A row of topic links between the header and the story: the story's block is not
# widened to take the header in, and the standfirst is outside the chosen nodes.
TOPICS = "<div class=topics>" + "".join(
    f"<a href=/t{i}>Valley council and transport topic {i}</a> " for i in range(4)) + "</div>"


def page(header: str, story: str = STORY) -> str:
    return (f"<html><head><title>Bridge stays open</title></head><body>"
            f"<div class=branding><div id=subtitle>News, views and weather from the valley "
            f"since 1921, every day</div></div>"
            f"<div class=main><div class=top><h1>Bridge stays open</h1>{header}</div>{TOPICS}"
            f"<div class=story-body>{story}</div></div></body></html>")


@pytest.mark.parametrize("header", [
    f"<p class=standfirst>{LEAD}</p>{BYLINE}",
    f"<h2 class=article-subheadline>{LEAD}</h2>",
    f"<div class=leadIn><p>{LEAD}</p></div><div class=share><a href=/s>Share</a></div>",
    f"<p id=stand-first>{LEAD}</p>",
], ids=["p-standfirst", "subheadline", "lead-in-before-share-bar", "id-stand-first"])
def test_standfirst_above_the_article_is_its_first_line(header: str) -> None:
    lines = extract(page(header)).body.splitlines()
    assert lines[0] == LEAD
    assert lines[1].startswith("Paragraph 0 of the report")


def test_site_tagline_above_the_headline_is_not_a_standfirst() -> None:
    body = extract(page(BYLINE)).body
    assert "since 1921" not in body
    assert body.splitlines()[0].startswith("Paragraph 0 of the report")


@pytest.mark.parametrize("header", [
    f"<p class=lead><a href=/other>{LEAD}</a></p>",
    f"<p class=lead>{LEAD}</p><div class=info>{'Filed from the valley office. ' * 12}</div>",
    "<p class=lead>Short.</p>",
    f"<div class=lead><img src=/bridge.jpg><p>{LEAD}</p></div>",
], ids=["a-link", "too-far-from-the-article", "too-short", "a-picture"])
def test_lead_named_block_that_is_no_standfirst_stays_out(header: str) -> None:
    assert LEAD not in extract(page(header)).body.splitlines()[:1]


def test_standfirst_is_searched_only_before_the_article() -> None:
    tree = LexborHTMLParser(f"<div><div class=story>{STORY}</div><p class=summary>{LEAD}</p></div>")
    story = tree.css_first("div.story")
    assert story is not None
    assert standfirst([story]) is None
    assert standfirst([]) is None
