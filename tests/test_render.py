"""Rendering the chosen nodes: lines, link lists dropped, images and captions kept apart."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract.measures import link_length
from scraper.extract.measures import link_lengths_within
from scraper.extract.render import Rendered, render
from scraper.models import Image

PAGE_URL = "https://example.com/news/2024/a.html"
SENTENCE = "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。"
PROSE = f"<p>{SENTENCE}</p>"
# Under a picture, but prose: long and with several clauses.
LONG_PARAGRAPH = "这是一个很长的段落，描述会议的情况，与会人员讨论了很多问题，并形成了共识。"


def rendered(inner: str, url: str | None = PAGE_URL) -> Rendered:
    """``inner`` rendered as the one chosen node."""
    tree = LexborHTMLParser(f"<html><body><div id=art>{inner}</div></body></html>")
    node = tree.css_first("#art")
    assert node is not None
    return render([node], url)


# ---------------------------------------------------------------- lines

@pytest.mark.parametrize("inner, lines", [
    ("<p>一</p><p>二</p>", ["一", "二"]),
    ("<p>一<br>二<br><br>三</p>", ["一", "二", "三"]),
    ("<div>一<div>二</div>三</div>", ["一", "二", "三"]),
    ("<p>a  b\n\t c</p>", ["a b c"]),
    ("<p>一<b>二</b><span>三</span></p>", ["一二三"]),
    ("<p> </p><p>\u3000</p><p>一</p>", ["一"]),
], ids=["paragraphs", "br", "nested-blocks", "whitespace-collapsed", "inline-tags-join",
        "blank-paragraphs-skipped"])
def test_blocks_and_br_become_lines(inner: str, lines: list[str]) -> None:
    assert rendered(inner).lines == lines


def test_h1_inside_the_article_is_not_body() -> None:
    assert rendered(f"<h1>标题</h1>{PROSE}").lines == [SENTENCE]


def test_lines_are_flagged_core_or_not() -> None:
    tree = LexborHTMLParser("<html><body><div id=wrap><p>导语。</p><div id=art><p>正文。</p>"
                            "</div></div></body></html>")
    wrap, art = tree.css_first("#wrap"), tree.css_first("#art")
    assert wrap is not None and art is not None
    out = render([wrap], None, [art])
    assert list(zip(out.lines, out.core)) == [("导语。", False), ("正文。", True)]


# ---------------------------------------------------------------- link lists

@pytest.mark.parametrize("block", [
    "<ul><li><a href=/1>相关新闻之一的标题</a></li><li><a href=/2>相关新闻之二的标题</a></li></ul>",
    "<div><a href=/more>更多&gt;&gt;</a></div>",
    "<p>相关：<a href=/1>第一篇报道的标题文字</a> <a href=/2>第二篇报道的标题文字</a></p>",
    "<table><tr><td><a href=/1>栏目一</a></td><td><a href=/2>栏目二</a></td></tr></table>",
], ids=["related-list", "more-link", "link-paragraph", "link-table"])
def test_link_dense_block_inside_the_article_is_dropped(block: str) -> None:
    assert rendered(f"{PROSE}{block}").lines == [SENTENCE]


# A post's own list: items that say more than their link, with the post going on after.
INTRO = "<p>I looked through my old email broadcasts and sorted them by open rate:</p>"
OWN_LIST = ("<ul><li><a href=/1>Copywriting Ebook Giveaway!</a> – 15.7%</li>"
            "<li><a href=/2>Why we love StumbleUpon</a> - 17.1%</li>"
            "<li><a href=/3>Thinking of going freelance?</a> – 21.0%</li></ul>")
OWN_LINES = ["Copywriting Ebook Giveaway! – 15.7%", "Why we love StumbleUpon - 17.1%",
             "Thinking of going freelance? – 21.0%"]
AFTER = ("So what do these titles have in common? The promise of gaining something for "
         "minimal risk, and a subject line that reads like a note from a friend.")


def test_list_the_article_goes_on_after_is_its_own() -> None:
    out = rendered(f"{INTRO}{OWN_LIST}<p>{AFTER}</p>")
    assert out.lines == ["I looked through my old email broadcasts and sorted them by open rate:",
                         *OWN_LINES, AFTER]


def test_list_the_article_goes_on_after_in_a_wrapper_of_its_own() -> None:
    out = rendered(f"{INTRO}<div>{OWN_LIST}</div><p>{AFTER}</p>")
    assert out.lines[1:4] == OWN_LINES


@pytest.mark.parametrize("inner", [
    f"{INTRO}{OWN_LIST}",
    f"{INTRO}{OWN_LIST}<p><a href=/a>Share this post</a> <a href=/b>Tweet it</a></p>",
    f"{INTRO}<ul><li><a href=/1>Copywriting Ebook Giveaway for every new reader</a></li>"
    f"<li><a href=/2>Why we love StumbleUpon and you should too</a></li></ul><p>{AFTER}</p>",
    f"{INTRO}<ul><li><img src=t1.jpg><a href=/1>Copywriting Ebook Giveaway!</a> – 15.7%</li>"
    f"<li><img src=t2.jpg><a href=/2>Why we love StumbleUpon</a> - 17.1%</li></ul><p>{AFTER}</p>",
    f"{INTRO}<div>{OWN_LIST}<p>Related</p></div><p>{AFTER}</p>",
], ids=["at-the-end", "only-links-after", "bare-headlines", "teaser-cards",
        "prose-beyond-its-box"])
def test_link_list_that_is_not_the_articles_own_is_dropped(inner: str) -> None:
    lines = rendered(inner).lines
    assert not set(OWN_LINES) & set(lines)
    assert "Copywriting Ebook Giveaway for every new reader" not in lines


def test_own_list_is_looked_for_within_the_core_only() -> None:
    # The list closes the core block; the prose after it is outside, in the wrapper.
    tree = LexborHTMLParser(f"<html><body><div id=wrap><div id=art>{INTRO}{OWN_LIST}</div>"
                            f"<p>{AFTER}</p></div></body></html>")
    wrap, art = tree.css_first("#wrap"), tree.css_first("#art")
    assert wrap is not None and art is not None
    assert not set(OWN_LINES) & set(render([wrap], None, [art]).lines)


# A post's one paragraph in a box of its own, with link lines under it that outweigh it.
POST_PARAGRAPH = ("President Obama honors the victims of the tragedy in Colorado, the people who "
                  "knew them and loved them, and those who are still struggling to recover.")
LINK_LINES = ("<p><a href=/t>Transcript of the address</a> | <a href=/m>Download the mp4 file</a> | "
              "<a href=/a>Download the mp3 file</a></p>"
              "<p><a href=/more>Additional information from the White House</a></p>"
              "<ul><li><a href=/p1>Remembering the victims of the shooting in Aurora</a></li>"
              "<li><a href=/p2>The President speaks with the families in Colorado</a></li></ul>")


def test_box_opening_with_the_posts_paragraph_keeps_it_and_drops_its_link_lines() -> None:
    lines = rendered(f"<div class=content-inner><p>{POST_PARAGRAPH}</p>{LINK_LINES}</div>").lines
    assert lines == [POST_PARAGRAPH]


def test_box_opening_with_a_section_link_keeps_the_paragraph_after_it() -> None:
    lines = rendered(f"<div><a href=/us>US &amp; Canada</a><p>{POST_PARAGRAPH}</p>{LINK_LINES}</div>").lines
    assert lines == ["US & Canada", POST_PARAGRAPH]


@pytest.mark.parametrize("box", [
    # a teaser: its headline link, then its summary
    f"<div><h3><a href=/story>Not so fun: doctors warn of a rise in dance-fitness injuries</a></h3>"
    f"<p>{POST_PARAGRAPH}</p>{LINK_LINES}</div>",
    # a sidebar column: a list of archive links, then a text widget
    "<div><ul><li><a href=/2012/11>November 2012 archive</a></li><li><a href=/2012/10>October "
    "2012 archive</a></li><li><a href=/2012/09>September 2012 archive</a></li></ul>"
    f"<p>{POST_PARAGRAPH}</p>{LINK_LINES}</div>",
    # a paragraph too short to be the post's
    "<div><p>Watch the weekly address here.</p>" + LINK_LINES + "</div>",
], ids=["teaser", "sidebar-column", "short-paragraph"])
def test_link_dense_box_not_opening_with_prose_goes_whole(box: str) -> None:
    assert rendered(f"{PROSE}{box}").lines == [SENTENCE]


def test_box_opening_with_prose_outside_the_core_goes_whole() -> None:
    tree = LexborHTMLParser(f"<html><body><div id=wrap><div id=art>{PROSE}</div>"
                            f"<div><p>{POST_PARAGRAPH}</p>{LINK_LINES}</div></div></body></html>")
    wrap, art = tree.css_first("#wrap"), tree.css_first("#art")
    assert wrap is not None and art is not None
    assert render([wrap], None, [art]).lines == [SENTENCE]


@pytest.mark.parametrize("address", [
    "http://www.openpetition.de/petition/online/mietenstopp",
    "www.autoracing.com.br",
    "suivi.reformes@example.org",
], ids=["url", "www", "mail"])
def test_paragraph_that_prints_an_address_stays(address: str) -> None:
    # The article gives the reader an address: its link is the text itself.
    out = rendered(f"{PROSE}<p><a href='https://{address}'>{address}</a></p>")
    assert out.lines == [SENTENCE, address]


def test_paragraph_of_one_worded_link_is_still_a_link() -> None:
    out = rendered(f"{PROSE}<p><a href=/more>Read the whole report on our site</a></p>")
    assert out.lines == [SENTENCE]


@pytest.mark.parametrize("inner, line", [
    ("<p><a name=wodarg>Eine der meistgestellten Hörerfragen ist die: Was sagt er dazu?</a></p>",
     "Eine der meistgestellten Hörerfragen ist die: Was sagt er dazu?"),
    ("<h2><a name=config>Configuring Rsync</a></h2>", "Configuring Rsync"),
    ("<ul><li><a name=a>Building the Sources</a></li><li><a name=b>Generating Certs</a></li></ul>",
     "Building the Sources"),
], ids=["paragraph", "heading", "list-of-bookmarked-items"])
def test_text_wrapped_in_a_bookmark_is_no_link(inner: str, line: str) -> None:
    # <a name> without href marks a place to scroll to: its text is the article's.
    assert line in rendered(f"{PROSE}{inner}").lines


def test_named_anchor_with_href_is_still_a_link() -> None:
    out = rendered(f"{PROSE}<ul><li><a name=a href=/1>相关新闻之一的标题</a></li>"
                   "<li><a name=b href=/2>相关新闻之二的标题</a></li></ul>")
    assert out.lines == [SENTENCE]


@pytest.mark.parametrize("inner, line", [
    ("<p><a href=/u/dave>a different dave</a> wrote:</p>", "a different dave wrote:"),
    ("<p>A <a href=/guide>product marketing guide</a>!</p>", "A product marketing guide!"),
    ("<p><a href=/t>This week's new Tabletop is a really fun party game called</a> "
     "<a href=/s>Say Anything</a>.</p>",
     "This week's new Tabletop is a really fun party game called Say Anything."),
    ("<p><a href=/n>Eine der meistgestellten Hörerfragen ist die</a>: Was sagt er dazu?</p>",
     "Eine der meistgestellten Hörerfragen ist die: Was sagt er dazu?"),
], ids=["wrote-colon", "exclamation", "two-links-full-stop", "question"])
def test_sentence_around_its_links_stays(inner: str, line: str) -> None:
    # Nearly all link, but a sentence with words of its own: the article's text.
    assert rendered(f"{PROSE}{inner}").lines == [SENTENCE, line]


@pytest.mark.parametrize("inner", [
    "<p><a href=/1>Miley Cyrus Busts Out Her Bikini!</a><br><a href=/2>Scarlett Johansson "
    "Drops By</a><br><a href=/3>Jessica Alba In A Swimsuit? Yes Please!</a></p>",
    "<p><a href=/v>Fireplace Grooves</a> from <a href=/b>BitchTapes</a> on <a href=/r>8tracks "
    "Radio</a>.</p>",
    "<p><a href=/story>Apple Leaves iTunes 11 Out of Recent Announcements.</a></p>",
    "<p><a href=/a>Related stories</a> »</p>",
], ids=["headlines-in-a-row", "three-links", "all-link-sentence", "no-sentence"])
def test_links_that_are_no_sentence_still_go(inner: str) -> None:
    assert rendered(f"{PROSE}{inner}").lines == [SENTENCE]


def test_paragraph_with_a_link_in_its_prose_stays() -> None:
    line = "会议由市政府主持，详见通知，各部门按照要求落实到位。"
    out = rendered(f"<p>会议由市政府主持，详见<a href=/n>通知</a>，各部门按照要求落实到位。</p>")
    assert out.lines == [line]


# ---------------------------------------------------------------- captions

@pytest.mark.parametrize("inner, caption", [
    ("<figure><img src=a.jpg><figcaption>图为会场</figcaption></figure>", "图为会场"),
    ("<p><img src=a.jpg></p><p>图为会场一角。</p>", "图为会场一角。"),
    ("<p align=center><img src=a.jpg></p><p align=center>图为会场，记者摄</p>", "图为会场，记者摄"),
    ("<center><img src=a.jpg><br>图为会场一角</center>", "图为会场一角"),
    ("<div class=pictext>图为现场</div>", "图为现场"),
    ("<figure><img src=a.jpg><div class=Figure-caption>The company said overwhelming demand led to "
     "problems as it rolled out the streaming service to millions of subscribers on Tuesday.</div></figure>",
     "The company said overwhelming demand led to problems as it rolled out the streaming service "
     "to millions of subscribers on Tuesday."),
], ids=["figcaption", "short-line-under-picture", "centred-line-under-picture",
        "center-img-br-caption", "caption-class", "long-caption-class"])
def test_caption_goes_to_captions_not_lines(inner: str, caption: str) -> None:
    out = rendered(f"{inner}{PROSE}")
    assert out.lines == [SENTENCE]
    assert out.captions == [caption]


def test_caption_is_attached_to_its_image() -> None:
    out = rendered("<p><img src=a.jpg></p><p>图为会场一角。</p>")
    assert out.images == [Image("https://example.com/news/2024/a.jpg", "图为会场一角。")]


@pytest.mark.parametrize("inner, line", [
    (f"<p><img src=a.jpg></p><p>{LONG_PARAGRAPH}</p>", LONG_PARAGRAPH),
    (f"<p><img src=a.jpg></p><p>{SENTENCE * 3}</p>", SENTENCE * 3),
    ("<p><img src=a.jpg></p><p>《冬夜读书示子聿》</p>", "《冬夜读书示子聿》"),
], ids=["prose-paragraph", "over-caption-length", "work-title"])
def test_line_under_picture_that_is_not_a_caption_stays(inner: str, line: str) -> None:
    out = rendered(inner)
    assert out.lines == [line]
    assert out.captions == []


@pytest.mark.parametrize("sentence", [
    "What flowers are you loving this summer?",
    "So without further ado here are days 1-3.",
    "Hello, open and airy!",
    "Wito’s room. (Such a great room.)",
], ids=["question", "full-stop", "exclamation", "closing-bracket"])
def test_short_sentence_under_picture_in_running_text_stays(sentence: str) -> None:
    out = rendered(f"<p><img src=a.jpg></p><p>{sentence}</p>{PROSE}")
    assert out.lines == [sentence, SENTENCE]
    assert out.captions == []


@pytest.mark.parametrize("inner, line", [
    ("<p><img src=a.jpg></p><p>Here is how you do it in 2 simple steps:</p>",
     "Here is how you do it in 2 simple steps:"),
    ("<p><img src=a.jpg></p><p>Und so sieht das bei uns aus:</p>", "Und so sieht das bei uns aus:"),
    ("<p align=center><img src=a.jpg></p><p align=center>The players:</p>", "The players:"),
    ("<center><img src=a.jpg><br>Supplies for the trees:</center>", "Supplies for the trees:"),
    ("<p><img src=a.jpg></p><p>动力系统主要参数：</p>", "动力系统主要参数："),
], ids=["plain", "plain-german", "centred", "centred-line-after-br", "full-width-colon"])
def test_line_under_picture_announcing_what_follows_stays(inner: str, line: str) -> None:
    """A line ending in a colon leads on to what follows: the text, not a caption."""
    out = rendered(f"{inner}{PROSE}")
    assert out.lines == [line, SENTENCE]
    assert out.captions == []


@pytest.mark.parametrize("inner, caption", [
    ("<p><img src=a.jpg></p><p>Foto: Timur</p>", "Foto: Timur"),
    ("<center><img src=a.jpg><br>图为会场：记者摄</center>", "图为会场：记者摄"),
], ids=["credit-after-colon", "centred-colon-inside"])
def test_caption_with_a_colon_inside_is_still_a_caption(inner: str, caption: str) -> None:
    out = rendered(f"{inner}{PROSE}")
    assert out.lines == [SENTENCE]
    assert out.captions == [caption]


@pytest.mark.parametrize("inner, caption", [
    ("<p><img src=a.jpg></p><p>Tokyo, Japan</p>", "Tokyo, Japan"),
    ("<p align=center><img src=a.jpg></p><p align=center>The new bridge at dusk.</p>",
     "The new bridge at dusk."),
    ("<div class=wp-caption><img src=a.jpg><p class=wp-caption-text>The new bridge at dusk.</p>"
     "</div>", "The new bridge at dusk."),
], ids=["label", "centred-sentence", "caption-class-sentence"])
def test_label_or_set_apart_line_under_picture_is_its_caption(inner: str, caption: str) -> None:
    out = rendered(f"{inner}{PROSE}")
    assert out.lines == [SENTENCE]
    assert out.captions == [caption]


def test_short_line_without_picture_is_not_a_caption() -> None:
    out = rendered(f"{PROSE}<p>图为会场一角。</p>")
    assert out.lines == [SENTENCE, "图为会场一角。"]
    assert out.captions == []


# ---------------------------------------------------------------- images

@pytest.mark.parametrize("img, url", [
    ("<img src=a.jpg>", "https://example.com/news/2024/a.jpg"),
    ("<img src=/img/a.jpg>", "https://example.com/img/a.jpg"),
    ("<img src=../b.png>", "https://example.com/news/b.png"),
    ("<img src=//cdn.example.net/c.jpg>", "https://cdn.example.net/c.jpg"),
    ("<img src=http://other.org/d.jpg>", "http://other.org/d.jpg"),
], ids=["relative", "root-relative", "parent", "protocol-relative", "absolute"])
def test_image_urls_resolve_against_the_page_url(img: str, url: str) -> None:
    assert [image.url for image in rendered(img).images] == [url]


@pytest.mark.parametrize("img, name", [
    ("<img src=placeholder.gif data-src=real.jpg>", "real.jpg"),
    ('<img src="data:image/gif;base64,R0lGOD" data-src=real.jpg>', "real.jpg"),
    ("<img src=placeholder.gif data-original=orig.jpg>", "orig.jpg"),
], ids=["data-src", "data-src-over-data-url", "data-original"])
def test_lazy_image_source_preferred(img: str, name: str) -> None:
    assert [image.url for image in rendered(img).images] == [f"https://example.com/news/2024/{name}"]


def test_data_url_image_without_lazy_source_is_skipped() -> None:
    assert rendered('<img src="data:image/gif;base64,R0lGOD">').images == []


def test_image_url_kept_as_is_without_page_url() -> None:
    assert [image.url for image in rendered("<img src=../c.jpg>", url=None).images] == ["../c.jpg"]


def test_alt_text_is_the_image_caption() -> None:
    assert rendered("<img src=a.jpg alt=会场全景>").images[0].caption == "会场全景"


# ---------------------------------------------------------------- robustness

def test_deep_nesting_does_not_raise() -> None:
    depth = 3000
    out = rendered("<div>" * depth + "深层文字。" + "</div>" * depth + "<p>结尾。</p>")
    assert out.lines == ["深层文字。", "结尾。"]


def test_deep_unclosed_nesting_does_not_raise() -> None:
    assert rendered("<div>" * 3000 + "深层文字。").lines == ["深层文字。"]


@pytest.mark.parametrize("roots", [["#art"], ["#art", "#list"], ["#list", "#lead"]],
                         ids=["one-node", "node-inside-another", "siblings"])
def test_link_lengths_are_each_blocks_anchor_text(roots: list[str]) -> None:
    # Summed from the anchors up, once per rendered node, they equal each element's own
    # measure, whichever rendered nodes hold it.
    tree = LexborHTMLParser(
        "<html><body><div id=art><p id=lead>导语<a href=/a>相关链接</a>。</p>"
        "<ul id=list><li><a href=/b>第一条</a></li><li><a href=/c><b>第二条</b></a>文字</li></ul>"
        "</div></body></html>")
    nodes = [tree.css_first(selector) for selector in roots]
    lengths = link_lengths_within(nodes, {})
    for root in nodes:
        for element in [root, *root.css("*")]:
            assert lengths.get(element.mem_id, 0) == link_length(element)
