"""Body extraction as a whole: prune → choose → render → tidy, and the unpruned retry."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

import pytest

from scraper import extract
from scraper.extract import body as body_module
from scraper.extract.body import extract_body
from scraper.extract.score import Candidate
from scraper.extract.second_opinion import record

SENTENCE = "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。"
ARTICLE = "".join(f"<p>第{i}段。{SENTENCE * 2}</p>" for i in range(4))
FIRST_LINE = f"第0段。{SENTENCE * 2}"
# A channel menu, and a footer with more text outside links than the article: the
# article block alone holds less than half the page's prose, so its boilerplate class
# name gets it pruned.
MENU = "<ul class=nav>" + "".join(
    f"<li><a href=/c{i}>栏目导航链接第{i}项，很长很长的栏目名称文字</a></li>" for i in range(40)) + "</ul>"
FOOTER = "<div class=footer>" + "".join(f"<div>版权所有 福州新闻网 第{i}分站 地址电话</div>"
                                        for i in range(60)) + "</div>"
# The only article of the page, in a block with a strong boilerplate class name.
MISHINTED = f"<html><body>{MENU}<div class=comment-list>{ARTICLE}</div>{FOOTER}</body></html>"


def page(body: str, title: str = "会议召开") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_without_source_no_retry_and_a_mishinted_article_is_lost() -> None:
    assert extract_body(LexborHTMLParser(MISHINTED), None).text == ""


def test_short_result_retried_without_hints() -> None:
    body = extract_body(LexborHTMLParser(MISHINTED), None, source=MISHINTED)
    assert body.text.splitlines()[0] == FIRST_LINE
    assert len(body.text.splitlines()) == 4


def test_extract_retries_a_mishinted_article() -> None:
    assert extract(MISHINTED).body.splitlines()[0] == FIRST_LINE


def test_page_whose_text_is_only_in_noscript_is_read_from_there() -> None:
    html = page(f"<div id=app></div><noscript><div id=static>{ARTICLE}</div></noscript>")
    assert extract(html).body.splitlines() == [f"第{i}段。{SENTENCE * 2}" for i in range(4)]


def test_noscript_notice_stays_out_of_a_normal_article() -> None:
    html = page(f"<div>{ARTICLE}</div><noscript><p>请启用JavaScript以获得最佳浏览体验，谢谢您的配合。</p></noscript>")
    assert "JavaScript" not in extract(html).body


def test_ruby_readings_are_not_read_into_the_text() -> None:
    line = "<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。"
    body = extract(page(f"<div>{ARTICLE}<p>{line * 2}</p></div>")).body
    assert body.splitlines()[-1] == "子どもへの虐待をなくすための法律ができました。" * 2


def test_nul_characters_do_not_cut_the_page_short() -> None:
    html = page(f"<div>{ARTICLE[:40]}\x00{ARTICLE[40:]}</div>")
    assert extract(html).body.splitlines()[-1] == f"第3段。{SENTENCE * 2}"


def test_short_article_retried_keeps_its_related_list_out() -> None:
    short = f"<p>第一段。{SENTENCE}</p><p>第二段。{SENTENCE}</p>"
    related = "<div class=related><ul>" + "".join(
        f"<li><a href=/{i}>相关新闻标题第{i}条文字</a></li>" for i in range(10)) + "</ul></div>"
    html = page(f"<div class=article>{short}</div>{related}")
    assert extract(html).body == f"第一段。{SENTENCE}\n第二段。{SENTENCE}"


def test_lead_and_body_taken_headline_and_info_line_left_out() -> None:
    lead = f"导语。{SENTENCE * 3}"
    html = page(f"<div class=wrap><h1>会议召开</h1><div class=info>2024-08-06 来源：新华社</div>"
                f"<div class=lead><p>{lead}</p></div><div class=text>{ARTICLE}</div></div>")
    lines = extract(html).body.splitlines()
    assert lines[0] == lead
    assert lines[1] == FIRST_LINE
    assert len(lines) == 5


def test_editor_line_becomes_the_editor_not_body() -> None:
    article = extract(page(f"<div class=article>{ARTICLE}<p>【责任编辑:徐匆】</p></div>"))
    assert article.editor == "徐匆"
    assert "责任编辑" not in article.body


def test_image_caption_is_not_body() -> None:
    html = page(f"<div class=article><p><img src=/a.jpg></p><p>图为会场一角。</p>{ARTICLE}</div>")
    article = extract(html, "https://example.com/n/1.html")
    assert "图为会场一角" not in article.body
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://example.com/a.jpg", "图为会场一角。")]


def test_link_column_before_the_article_is_not_body() -> None:
    # Old table layout: a left column of channel links and a contact line, then the article.
    menu = "".join(f"<a href=/c{i}>通知公告栏目第{i}项链接标题文字</a><br>" for i in range(30))
    contact = "<p>地址：福州市鼓楼区某某路一号，邮编：350001，电话：0591-12345678。</p>"
    html = page(f"<table><tr><td>{menu}{contact}</td><td>{ARTICLE}</td></tr></table>")
    assert extract(html).body.splitlines()[0] == FIRST_LINE


def test_recipe_card_named_for_the_printout_stays_and_the_print_button_goes() -> None:
    # A food post: the story, then the card its print stylesheet prints (``printable``),
    # beside a print button; the card is the recipe the post is about.
    story = "".join(f"<p>Paragraph {i} of the story about baking rolls on a cold autumn "
                    f"morning, with friends, spices and far too much butter.</p>" for i in range(5))
    card = ("<div class=printable><h3>Chai-Spiced Rolls</h3><p>For the dough:</p><ul>"
            "<li>1 teaspoon vanilla extract</li><li>2 3/4 cups all-purpose flour</li></ul>"
            "<p>Knead the dough until smooth, then let it rise for an hour.</p></div>")
    html = page(f"<article><div class=articlecontent>{story}{card}"
                f"<div class=print-link><a href=/print>Print this recipe</a></div></div></article>")
    body = extract(html).body
    assert "2 3/4 cups all-purpose flour" in body
    assert "Knead the dough until smooth, then let it rise for an hour." in body
    assert "Print this recipe" not in body


# ---------------------------------------------------------------- articles spread over sections

SECTIONS = "".join(f"<div class=s{i}><div><p>第{i}部分。{SENTENCE * 2}</p><p>补充{i}。{SENTENCE}</p></div></div>"
                   for i in range(6))
PRODUCT = f"<html><body><div id=shop><div id=desc><p>简介。{SENTENCE}</p></div>{SECTIONS}</div></body></html>"


def only_first_section(top: Candidate, ranking: object, **_: object
                       ) -> tuple[list[LexborNode], list[LexborNode]]:
    """A choice that found one section of the page."""
    root = top.node
    while root.parent is not None:
        root = root.parent
    desc = root.css_first("#desc")
    assert desc is not None
    return [desc], [desc]


def test_short_body_covering_little_of_the_page_takes_every_section(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_module, "settle", only_first_section)
    lines = extract_body(LexborHTMLParser(PRODUCT), None).text.splitlines()
    assert lines[0] == f"简介。{SENTENCE}" and lines[-1] == f"补充5。{SENTENCE}" and len(lines) == 13


def test_spread_that_would_lose_the_body_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_module, "settle", only_first_section)
    monkeypatch.setattr(body_module, "spread_article", lambda root, runs, anchors: root.css_first(".s0"))
    # and no second opinion either (the sections would be one: see test_second_opinion)
    monkeypatch.setattr(body_module, "reconsider",
                        lambda ranking, first, body, prose, render: (body, record(ranking, first, body)))
    assert extract_body(LexborHTMLParser(PRODUCT), None).text == f"简介。{SENTENCE}"


def test_body_holding_most_of_the_page_is_not_spread() -> None:
    html = page(f"<div id=art>{ARTICLE}</div><div class=aside-note><p>相关说明。{SENTENCE}</p></div>")
    assert "相关说明" not in extract(html).body


# ---------------------------------------------------------------- implausible first readings

WECHAT_IMAGE = "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg"
# A WeChat article as saved: the account's card and the QR code are hidden too, and
# stay hidden when the article is revealed.
WECHAT = page(
    '<div id="img-content" class="rich_media_wrp"><h1 class="rich_media_title">会议召开</h1>'
    '<div id="meta_content"><span>原创</span> <a id="js_name">福州发布</a>'
    '<div id="js_profile_qrcode" class="profile_container" style="display:none;">'
    '<strong>福州发布</strong><p><label>功能介绍</label><span>福州市人民政府新闻办公室官方微信'
    '公众号，发布权威信息，服务福州市民，欢迎关注。</span></p></div>'
    ' <em id="publish_time">2024-08-06 09:47</em></div>'
    '<div class="rich_media_content" id="js_content" style="visibility: hidden;">'
    f'{ARTICLE}<p><img data-src="{WECHAT_IMAGE}" src="data:image/svg+xml,%3Csvg%3E"></p></div>'
    '<div class="rich_media_tool"><span>阅读</span> <a>在看</a></div></div>'
    '<div id="js_pc_qr_code" style="display:none;"><p>微信扫一扫<br>关注该公众号</p></div>'
    '<script>document.getElementById("js_content").style.visibility="visible"</script>')


def test_article_hidden_until_a_script_reveals_it_is_read() -> None:
    article = extract(WECHAT)
    assert article.body.splitlines()[0] == FIRST_LINE
    assert len(article.body.splitlines()) == 4
    assert [image.url for image in article.images] == [WECHAT_IMAGE]


def test_revealing_an_article_leaves_the_other_hidden_blocks_hidden() -> None:
    body = extract(WECHAT).body
    assert "功能介绍" not in body and "扫一扫" not in body


def test_a_short_page_is_read_again_revealed_only_when_something_hidden_is_long(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Revealing keeps only hidden elements with an article's worth of text: a page with
    # none (a short notice, a hidden menu) would be read again exactly as the first
    # retry read it, so it is not. The WeChat page hides its article: it is.
    readings: list[bool] = []
    attempt = body_module._attempt

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        readings.append(kwargs.get("reveal_hidden", False))
        return attempt(*args, **kwargs)

    monkeypatch.setattr(body_module, "_attempt", counted)
    short = page("<div class=content><p>通知：会议改期。</p></div>"
                 "<div style='display:none'><a href=/m>菜单</a></div>")
    assert extract(short).body == "通知：会议改期。"
    assert readings == [False, False]   # the page, and once again without hints
    readings.clear()
    assert extract(WECHAT).body.splitlines()[0] == FIRST_LINE
    assert readings == [False, False, True]


def test_hidden_block_stays_out_of_a_plausible_article() -> None:
    hidden = "<div style='display:none'>" + "".join(
        f"<p>隐藏的弹窗文字第{i}段。{SENTENCE * 3}</p>" for i in range(6)) + "</div>"
    body = extract(page(f"<div class=content>{ARTICLE}</div>{hidden}")).body
    assert body.splitlines()[0] == FIRST_LINE and "隐藏" not in body


STATED = ["Officials said the bridge would reopen next week after repairs to its deck.",
          "Traffic has been diverted through the old town since the storm damaged it in May.",
          "The city council approved an extra budget for the works on Monday evening, "
          "and the contractor said crews would work through the weekend to finish on time."]


def jsonld(body: str) -> str:
    import json
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge to reopen",
            "articleBody": body}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def script_rendered(body: str) -> str:
    return (f"<html><head><title>Bridge to reopen</title>{jsonld(body)}</head><body>"
            '<noscript>You need to enable JavaScript to run this app.</noscript>'
            '<div id="root"></div><script src="/static/js/main.js"></script></body></html>')


def test_script_rendered_page_takes_the_stated_article_body() -> None:
    assert extract(script_rendered("\n".join(STATED))).body == "\n".join(STATED)


def test_stated_article_body_in_markup_becomes_lines() -> None:
    markup = "".join(f"<p>{line}</p>" for line in STATED).replace("deck", "deck &amp; rails")
    body = extract(script_rendered(markup)).body
    assert body.splitlines() == [STATED[0].replace("deck", "deck & rails"), *STATED[1:]]


def test_noscript_notice_is_never_the_body() -> None:
    shell = ("<html><body><noscript>You need to enable JavaScript to run this app.</noscript>"
             "<div id=root></div></body></html>")
    assert extract(shell).body == ""


def test_stated_article_body_does_not_replace_a_plausible_article() -> None:
    html = (f"<html><head><title>会议召开</title>{jsonld(STATED[0])}</head>"
            f"<body><div class=content>{ARTICLE}</div></body></html>")
    body = extract(html).body
    assert body.splitlines()[0] == FIRST_LINE and STATED[0] not in body


def test_article_in_an_inline_element_keeps_its_short_lines() -> None:
    # The whole article sits in a <font> (or a <span>): its subheadings, short lines
    # of its own, are kept like those of an article in a <div>.
    parts = "".join(f"<p><strong>小标题{i}</strong></p><p>第{i}段。{SENTENCE * 2}</p>" for i in range(4))
    for inline in ("font", "span"):
        html = page(f"<table><tr><td class=l17><{inline} id=zoom>{parts}</{inline}></td></tr></table>"
                    f"<div class=links>{''.join(f'<a href=/x{i}>链接{i}</a>' for i in range(5))}</div>")
        assert "小标题2" in extract(html).body.splitlines()


HEADLINES = [f"Weekly briefing item {i}: a label signs a new streaming deal with the artists"
             for i in range(6)]
LINK_ROLL = "<ul>" + "".join(f"<li><a href=/n{i}>{text}</a></li>"
                             for i, text in enumerate(HEADLINES)) + "</ul>"


def test_post_that_is_a_list_of_headline_links_is_read() -> None:
    intro = "The week in the music business, in short, from around the web:"
    html = page(f"<div class=entry><p>{intro}</p>{LINK_ROLL}</div>", title="Links of the week")
    assert extract(html).body.splitlines() == [intro, *HEADLINES]


def test_menu_of_short_links_in_a_short_body_is_still_a_link_list() -> None:
    menu = "<ul>" + "".join(f"<li><a href=/m{i}>Section {i}</a></li>" for i in range(8)) + "</ul>"
    html = page(f"<div class=entry><p>The meeting is moved to Friday at noon.</p>{menu}</div>")
    assert extract(html).body == "The meeting is moved to Friday at noon."


def test_headline_links_stay_out_of_a_plausible_article() -> None:
    prose = "".join(f"<p>Paragraph {i} of the article, long enough to read as prose, "
                    "with commas, and a full stop.</p>" for i in range(8))
    html = page(f"<div class=entry>{prose}{LINK_ROLL}</div>")
    body = extract(html).body
    assert body.startswith("Paragraph 0") and HEADLINES[0] not in body


SHORT_POST = ("<p>We moved the shop to the old mill on Friday, and the first customers came in the "
              "rain.</p><p>Thanks to everyone who carried boxes; the coffee is on us next week, and "
              "the cake too.</p>")
POST_FOOTER = ["Posted in: News, Shop, Neighbourhood | comments |",
               "http://www.typepad.com/services/trackback/6a00d8341c534853ef017d3d9ab66a970c"]


@pytest.mark.parametrize("footer, retried", [(POST_FOOTER, False), ([], True)],
                         ids=["with-sieved-footer", "without-footer"])
def test_a_short_post_with_its_sieved_footer_is_not_read_again(
        monkeypatch: pytest.MonkeyPatch, footer: list[str], retried: bool) -> None:
    """The lines a sieve drops count towards a body's plausibility: a short post with its
    filing note and trackback is its own container, not a misread page."""
    calls: list[bool] = []
    real = body_module._retried

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(body_module, "_retried", spy)
    html = page("<div class=post>" + SHORT_POST + "".join(f"<p>{line}</p>" for line in footer)
                + "</div>", title="Moved")
    body = extract_body(LexborHTMLParser(html), None, source=html)
    assert "old mill" in body.text and "Posted in" not in body.text
    assert body.sieved_len == sum(len(line.replace(" ", "")) for line in footer)
    assert bool(calls) is retried


# A short post of link lines, its author's profile under it, and a footer notice: the
# hints prune the profile's box, and the post is too short to be believed.
LINK_LINES = ["The most blasphemous <a href=/a>ad of the week</a>.",
              "Unfortunate subway <a href=/b>poster placements</a> this month.",
              "The most accurate <a href=/c>synopsis ever</a> for an old film.",
              "The city's <a href=/d>gum vote</a> election results are in.",
              "The seven best <a href=/e>zoo ads</a> from the last five years."]
PROFILE = ("I have been an advertising copywriter in this city for nineteen years, and I hate "
           "capri pants, brunch, fondue fountains, golf, greeting cards and stuffed animals. ") * 5
NOTICE = ("All the pictures and words on this blog are the property of their owners, shown here "
          "for comment and criticism; write to the address above to have one taken down. ") * 3


@pytest.mark.parametrize("box", ["class=author-info", "id=about_author"])
def test_retry_leaves_the_authors_box_out(box: str) -> None:
    # The retry without hints would read the bio as the longer body.
    bio = PROFILE[: len(PROFILE) * 2 // 5]
    post = "<br>".join(f"&bull; {line}" for line in LINK_LINES)
    html = (f"<html><body><div id=content><div class=post><h3>Top posts</h3>"
            f"<div class=post-body>{post}</div><div {box}><p>{bio}</p></div></div></div>"
            f"<div id=footer><p>{NOTICE}</p></div></body></html>")
    body = extract_body(LexborHTMLParser(html), None, source=html).text
    assert "• The most blasphemous ad of the week." in body.splitlines()
    assert bio[:40] not in body
