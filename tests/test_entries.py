"""Lists of titled entries taken for the article: slides, reviews, FAQ panels (entries.py)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.body import extract_body
from scraper.extract.entries import titled_entries

STORY = [
    "Health officials said on Monday that the new clinic would open in the spring, a year late.",
    "The delay, they said, came from the builders, the budget and a long winter, in that order.",
    "Patients in the valley have waited for it since the old hospital closed its doors in 2009.",
    "The first doctors have been hired, and the pharmacy will open a month before the clinic.",
]
PRODUCT = [
    "These beans come from small farms in the Sidamo highlands, picked by hand and washed.",
    "Roasted each week in Hamburg, slowly, for sixteen to twenty minutes in a drum roaster.",
]


def _long(topic: str) -> str:
    """A paragraph of an entry: long, with many commas and full stops (it scores well)."""
    return (f"About {topic}, we heard a lot, and we read more: the plans, the costs, the dates, "
            f"the promises. Each of them, in turn, was said to be the last word, the final one, "
            f"the true account. None was, of course, and the story went on, and on, for years.")


def body_lines(html: str) -> list[str]:
    return extract_body(LexborHTMLParser(html), None).text.splitlines()


def slideshow(count: int, answers: bool = False) -> str:
    """A list of titled slides; with ``answers``, each two paragraphs long."""
    slides = "".join(f"<li><h4>Claim number {i}</h4><p>{_long(f'claim {i}')}</p>"
                     + (f"<p>{_long(f'the answer to claim {i}')}</p>" if answers else "")
                     + "</li>" for i in range(count))
    return f"<div class=promo><div class=show-wrapper><ul class=show>{slides}</ul></div></div>"


def test_a_slideshow_set_in_a_story_leaves_it() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY[:3])
    html = (f"<html><body><div class=page><div class=col>{paragraphs}{slideshow(5)}"
            f"<p>{STORY[3]}</p></div></div></body></html>")
    lines = body_lines(html)
    assert lines == STORY
    assert not any("claim" in line for line in lines)


def reviews(count: int) -> str:
    items = "".join(
        f"<div class='rev'><div class='rev-header'>Reader {i}, 12.03.2020</div>"
        f"<div class='rev-content'><p>{_long(f'the taste of batch {i}')}</p>"
        f"<p>{_long(f'the delivery of batch {i}')}</p></div></div>" for i in range(count))
    return f"<div class='rev-widget'><h2>Customer voices</h2><div class='rev-list'>{items}</div></div>"


def test_the_product_text_beside_its_reviews_is_read() -> None:
    product = "".join(f"<p>{p}</p>" for p in PRODUCT)
    html = (f"<html><body><div class=shop><div class=product><h1>Sidamo beans</h1>"
            f"<div class=description>{product}</div></div>{reviews(6)}</div></body></html>")
    lines = body_lines(html)
    assert [line for line in lines if line in PRODUCT] == PRODUCT


def test_a_listicle_keeps_its_titled_items() -> None:
    """An introduction above many titled items: the article is mostly its list, which stays."""
    intro = "".join(f"<p>{p}</p>" for p in STORY[:3])
    html = (f"<html><body><div class=page><div class=col>{intro}{slideshow(8, True)}"
            f"</div></div></body></html>")
    lines = body_lines(html)
    assert lines[:3] == STORY[:3]
    assert sum("claim" in line.lower() for line in lines) == 24   # 8 titles, 16 paragraphs


def _node(html: str) -> LexborNode:
    node = LexborHTMLParser(f"<html><body>{html}</body></html>").css_first("#list")
    assert node is not None
    return node


def panels(count: int) -> str:
    return "".join(f"<div class='panel'><div class='panel-heading'>How do I {i}?</div>"
                   f"<div class='panel-body'><p>{_long(f'step {i}')}</p></div></div>"
                   for i in range(count))


@pytest.mark.parametrize(("html", "entries"), [
    (f"<div id=list>{panels(5)}</div>", True),
    (f"<div id=list>{panels(3)}</div>", False),                       # sections, not a list
    (f"<div id=list><h1>The headline</h1>{panels(5)}</div>", False),  # the article itself
    (f"<article id=list>{panels(5)}</article>", False),
    ("<div id=list>" + "".join(f"<p>{_long(str(i))}</p>" for i in range(6)) + "</div>", False),
    ("<ul id=list>" + "".join(f"<li>{_long(str(i))}</li>" for i in range(6)) + "</ul>", False),
], ids=["faq-panels", "three-panels", "holds-the-headline", "article-element", "paragraphs",
        "untitled-items"])
def test_titled_entries(html: str, entries: bool) -> None:
    assert titled_entries(_node(html)) is entries
