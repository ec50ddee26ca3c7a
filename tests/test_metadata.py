from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract import meta_patterns as P
from scraper.extract.metadata import Metadata, _first_match, extract_metadata

BODY_TEXT = "<p>" + "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。" * 4 + "</p>"


def meta(html: str, url: str | None = None) -> Metadata:
    return extract_metadata(LexborHTMLParser(html), url)


def zh_page(info: str, *, title: str = "鼓楼公安交出最美窗口答卷", body: str = BODY_TEXT,
            head: str = "") -> str:
    return (f"<html><head><meta charset=utf-8><title>{title}_福州新闻网</title>{head}</head>"
            f"<body><div class=nav>首页 &gt; 新闻</div><h1>{title}</h1>"
            f"<div class=info>{info}</div><div class=article>{body}</div></body></html>")


# ---------------------------------------------------------------- title

@pytest.mark.parametrize("page_title, expected", [
    ("四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网",
     "四年前中500万现穷困潦倒 一夜暴富后如何经营"),
    ("17种产品、1个园区入选国家绿色制造名单 - 要闻云南 - 云南日报网",
     "17种产品、1个园区入选国家绿色制造名单"),
    ("工商部门初定SKII广告属于虚假宣传-搜狐财经", "工商部门初定SKII广告属于虚假宣传"),
    ("拿起跨界“指挥棒”她跟学生“较着劲儿”成长--大河网", "拿起跨界“指挥棒”她跟学生“较着劲儿”成长"),
    ("Republicans Are Following Trump to Nowhere - The New York Times",
     "Republicans Are Following Trump to Nowhere"),
    ("为现代化建设凝聚强大智慧和力量——热烈祝贺市政协会议开幕_市人民政府网",
     "为现代化建设凝聚强大智慧和力量——热烈祝贺市政协会议开幕"),
    ("微软今天发布Windows Vista--雅虎新闻", "微软今天发布Windows Vista"),
    ("哈尔滨今起集中供暖--国内新闻--雅虎新闻", "哈尔滨今起集中供暖"),
    ("哈尔滨今起集中供暖_黑龙江频道_东北网", "哈尔滨今起集中供暖"),
], ids=["sina-underscores", "spaced-dashes", "cjk-dash", "double-dash", "english-suffix",
        "dash-inside-headline", "double-dash-after-latin", "double-dash-channel-site",
        "underscore-channel-site"])
def test_title_without_site_suffix(page_title: str, expected: str) -> None:
    assert meta(f"<html><head><title>{page_title}</title></head><body></body></html>").title \
        == expected


def test_title_from_h1_that_begins_title_keeps_its_own_separator() -> None:
    html = ("<html><head><title>图说洛阳| 洛阳职业技术学院：剪窗花 过廉洁之年 河南日报网-河南日报官方网站"
            "</title></head><body><h1>图说洛阳| 洛阳职业技术学院：剪窗花 过廉洁之年</h1></body></html>")
    assert meta(html).title == "图说洛阳| 洛阳职业技术学院：剪窗花 过廉洁之年"


def test_og_title_stripped_when_no_heading_matches() -> None:
    html = ('<html><head><meta property="og:title" content="Headline Here | Example News">'
            "</head><body></body></html>")
    assert meta(html).title == "Headline Here"


def test_title_from_heading_when_title_names_only_the_site() -> None:
    html = ("<html><head><title>北医新闻网_(新闻)</title></head><body><table><tr>"
            "<td class=bt_title>李简——新外科运动向我们走来</td></tr></table></body></html>")
    assert meta(html).title == "李简——新外科运动向我们走来"


# ---------------------------------------------------------------- dates

def test_jsonld_date_published() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "A", "datePublished": "2019-11-19T10:00:00Z", '
            '"dateModified": "2019-11-20T08:00:00Z"}</script></head><body></body></html>')
    record = meta(html)
    assert record.published == "2019-11-19T10:00:00+00:00"
    assert record.modified == "2019-11-20T08:00:00+00:00"


def test_article_published_time_meta() -> None:
    html = ('<html lang=en><head><meta property="article:published_time" '
            'content="2019-11-19T06:56:43-05:00"></head><body></body></html>')
    assert meta(html).published == "2019-11-19T06:56:43-05:00"


def test_time_element_datetime() -> None:
    html = ('<html lang=en><body><h1>Title</h1><time datetime="2020-05-01T12:30:00+02:00">'
            "May 1</time></body></html>")
    assert meta(html).published == "2020-05-01T12:30:00+02:00"


def test_bare_chinese_time_gets_china_offset() -> None:
    assert meta(zh_page("2024-08-06 09:47:05 来源:福州晚报")).published \
        == "2024-08-06T09:47:05+08:00"


def test_visible_time_preferred_to_date_only_meta_of_same_day() -> None:
    page = zh_page("2022年02月13日07:48 | 来源：新华日报",
                   head='<meta name="publishdate" content="2022-02-13">')
    assert meta(page).published == "2022-02-13T07:48:00+08:00"


def test_labelled_date_below_the_article() -> None:
    page = zh_page("来源于：东区办事处", body=BODY_TEXT + "<p>发布日期：2019-03-06</p>")
    assert meta(page).published == "2019-03-06"


def test_no_date_anywhere_gives_none() -> None:
    assert meta(zh_page("来源：新华网")).published is None


# ---------------------------------------------------------------- info line

@pytest.mark.parametrize("info, source, author", [
    ("2024-08-06 09:47:05 来源:福州晚报 作者:肖远强 林春长", "福州晚报", "肖远强 林春长"),
    ("发布时间：2022-02-13 04:22:18 来源：<a href=#>云南日报</a>", "云南日报", None),
    ("2005年3月11日12:12 来源：[ <a href=#><font>人民网</font></a> ]", "人民网", None),
    ("2005年03月21日 11:21 <font>《理财周刊》</font>", "理财周刊", None),
    ("2003年11月12日16:36 金羊网—新快报", "金羊网—新快报", None),
    ("时间：2004年10月21日14:18<br>作者：郭励弘", None, "郭励弘"),
    ("2004年7月16日08:19 [ 黄宇 ] 来源：[ <a href=#>国际金融报</a> ]", "国际金融报", "黄宇"),
    ("2005年08月16日 来源：新华网<br>新华网黑龙江频道 记者 伊琳 李清芬", "新华网", "伊琳 李清芬"),
    ("来源：本站原创 作者：医技药剂党支部<br>时间：2019年10月31日 23:00", "本站原创", "医技药剂党支部"),
    ("发布：2021-1-29 13:18 | 来自: 互联网", None, None),
    ("AUTO.SOHU.COM 2005年05月13日14:15 页面功能【我来说两句】", None, None),
    ("<p>IT之家</p><span>发布时间：2019-09-30 22:46</span>", "IT之家", None),
    ("<p>福州新闻网</p><span>2024-08-06 09:47</span>", None, None),
], ids=["colon-ascii", "source-link-text", "source-in-brackets", "unlabelled-quoted-outlet",
        "unlabelled-outlet-after-date", "author-on-next-line", "bracketed-author",
        "reporter-line", "author-org", "unknown-source-is-none", "no-source-after-date",
        "outlet-alone-before-date", "site-name-is-not-a-source"])
def test_chinese_info_line(info: str, source: str | None, author: str | None) -> None:
    record = meta(zh_page(info))
    assert (record.source, record.author) == (source, author)


def test_fullwidth_colon_and_ideographic_space() -> None:
    record = meta(zh_page("2024年8月6日　09:47　来源：福州晚报　作者：肖远强"))
    assert (record.published, record.source, record.author) == (
        "2024-08-06T09:47:00+08:00", "福州晚报", "肖远强")


def test_source_from_meta_when_page_shows_no_label() -> None:
    page = zh_page("2022-02-11 09:52", head='<meta name="ContentSource" content="巴彦淖尔日报">')
    assert meta(page).source == "巴彦淖尔日报"


# ---------------------------------------------------------------- author and editor

@pytest.mark.parametrize("info, body, author, editor", [
    ("2024-08-06 来源：福州晚报 作者：张三 责任编辑：李四", BODY_TEXT, "张三", "李四"),
    ("2022-02-11 09:52", BODY_TEXT + "<p>来源：巴彦淖尔日报 编辑：苏亮</p>", None, "苏亮"),
    ("2024-08-06", BODY_TEXT + "<p>【责任编辑:林丹】</p>", None, "林丹"),
    ("2024-08-06", BODY_TEXT + "<p>(责编：王五)</p>", None, "王五"),
], ids=["author-then-editor", "editor-only", "bracketed-editor", "zebian"])
def test_editor_is_never_the_author(info: str, body: str, author: str | None,
                                    editor: str) -> None:
    record = meta(zh_page(info, body=body))
    assert (record.author, record.editor) == (author, editor)


@pytest.mark.parametrize("body, author", [
    ("<p>近年来，我省积极推进绿色制造。（记者 胡晓蓉）</p>", "胡晓蓉"),
    ("<p>新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国大罢工。</p>", "唐霁"),
    ("<p>□ 本报记者 葛灵丹</p>" + BODY_TEXT, "葛灵丹"),
    ("<p>顶端新闻·河南商报记者马俊峰/文</p>" + BODY_TEXT, "马俊峰"),
    (BODY_TEXT + "<p>共建清朗网络空间。(文/图 刘玺东 易赛楠)</p>", "刘玺东 易赛楠"),
    (BODY_TEXT + "<p>过一个廉洁的新春佳节。（常书香 马丹阳 ）</p>", "常书香 马丹阳"),
    (BODY_TEXT + "<p>组委会成立了投资俱乐部。(信报记者 蔡雪婧)</p>", "蔡雪婧"),
    ("<p>记者近日从西藏自治区农业农村厅了解到，厕所改造成效明显。</p>", None),
    ("<p>留条后路 蔡雪婧/摄</p>" + BODY_TEXT, None),
    (BODY_TEXT + "<p>更多图片请看专题。（组图）</p>", None),
    (BODY_TEXT + "<p>荣立个人三等功。(记者 肖远强 林春长 通讯员 榕公宣 文/摄)</p>", "肖远强 林春长"),
    ("<p>本报记者 张三 通讯员 李四</p>" + BODY_TEXT, "张三"),
    ("<p>本报讯（记者王五 实习生赵六）昨日，全市开展防汛演练。</p>" + BODY_TEXT, "王五"),
], ids=["reporter-in-parens", "dateline-reporter", "standalone-byline", "writer-slash",
        "text-and-photo-credit", "trailing-names", "outlet-reporter", "reporter-word-in-prose",
        "photographer-only", "not-a-name", "reporters-then-correspondent",
        "byline-then-correspondent", "reporter-then-intern"])
def test_byline_in_article_text(body: str, author: str | None) -> None:
    assert meta(zh_page("2024-08-06 09:47", body=body)).author == author


def test_english_byline_element() -> None:
    html = ('<html lang=en><head><title>A Story - Example</title></head><body><h1>A Story</h1>'
            '<div class="byline">By Jane Doe and John Roe</div><p>Text.</p></body></html>')
    assert meta(html).author == "Jane Doe, John Roe"


@pytest.mark.parametrize("element", [
    '<span itemprop=author><b itemprop=name>Jane Doe</b></span>',
    '<a rel=author href=/jd>Jane Doe</a>',
    '<p class="post-byline">By Jane Doe</p>',
    '<em class="author-name">Jane Doe</em>',
    '<p class="name">Jane Doe</p>',
], ids=["itemprop-name", "rel", "byline-class", "author-name-class", "none"])
def test_any_byline_selector_matches_where_some_byline_selector_does(element: str) -> None:
    tree = LexborHTMLParser(f"<html><body><div>{element}</div></body></html>")
    some = any(tree.css_first(selector) is not None for selector in P.BYLINE_SELECTORS)
    assert (tree.css_first(P.ANY_BYLINE_SELECTOR) is not None) == some


@pytest.mark.parametrize("body", [
    # a wrapper with an author class around the rel=author link that ranks first
    '<div class="author-box"><p>About</p><a rel=author href=/jd>Jane Doe</a></div>',
    # the author's name inside a wrapper that itself has no author class
    '<div itemprop=author><div class=card><b itemprop=name>Jane Doe</b></div></div>',
    # an [itemprop=name] whose [itemprop=author] encloses an earlier author-class element
    '<div itemprop=author><p class=author id=a><span itemprop=name>Jane Doe</span></p></div>',
    # two of the same selector: the first in document order
    '<p class=byline>By Jane Doe</p><div><p class=byline>By John Roe</p></div>',
    # a later match nested in an earlier found element, an earlier one elsewhere
    '<span class=author>A</span><div class=author-list><a rel=author>Jane Doe</a></div>',
    '<p>No byline here.</p>',
    # rel compares regardless of case (HTML's rule), class and itemprop exactly
    '<p class=ByLine>By A</p><span itemprop=Author>B</span><a rel=AUTHOR>Jane Doe</a>'
    '<p class=byline>By C</p>',
    # an [itemprop=name] outside any [itemprop=author], before one inside
    '<b itemprop=name>Site</b><p class=author><span itemprop=author>'
    '<i itemprop=name>Jane Doe</i></span></p>',
], ids=["wrapped-rel", "name-deep", "name-under-author-class", "first-of-two",
        "nested-later", "none", "attribute-case", "name-outside-author"])
def test_byline_picked_from_one_query_as_each_selector_would(body: str) -> None:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    found = tree.css(P.ANY_BYLINE_SELECTOR)
    for selector in P.BYLINE_SELECTORS:
        expected = tree.css_first(selector)
        picked = _first_match(found, selector)
        assert (picked.mem_id if picked else None) == (expected.mem_id if expected else None)


def test_jsonld_authors_joined() -> None:
    html = ('<html lang=en><head><script type="application/ld+json">{"@graph": [{"@type": '
            '"NewsArticle", "author": [{"@type": "Person", "name": "Jane Doe"}, '
            '{"@type": "Person", "name": "John Roe"}]}]}</script></head><body></body></html>')
    assert meta(html).author == "Jane Doe, John Roe"


@pytest.mark.parametrize("declared", ["www.yunnan.cn,云南日报报业集团,云南网", "L_104485", "环球网"],
                         ids=["site-list", "cms-id", "outlet"])
def test_meta_author_that_is_not_a_person_is_ignored(declared: str) -> None:
    page = zh_page("2024-08-06", head=f'<meta name="author" content="{declared}">')
    assert meta(page).author is None


# ---------------------------------------------------------------- site and language

@pytest.mark.parametrize("head, url, site", [
    ('<meta property="og:site_name" content="The Paper">', "https://www.thepaper.cn/a", "The Paper"),
    ("", "https://www.thepaper.cn/newsDetail_forward_1", "thepaper.cn"),
    ("", "http://news.163.com/a.html", "news.163.com"),
    ("", None, None),
], ids=["og-site-name", "host-without-www", "subdomain-kept", "nothing"])
def test_site(head: str, url: str | None, site: str | None) -> None:
    assert meta(f"<html><head>{head}</head><body></body></html>", url).site == site


@pytest.mark.parametrize("html, language", [
    ('<html lang="zh-CN"><body><p>你好</p></body></html>', "zh-CN"),
    ('<html><head><meta http-equiv="content-language" content="en-US"></head><body></body></html>',
     "en-US"),
    ('<html lang="en"><head><title>刺死辱母者于欢的罪与悔</title></head><body></body></html>', "zh"),
    ("<html><body><p>中文新闻内容，没有声明语言。</p></body></html>", "zh"),
    ('<html lang="en"><head><title>2024</title></head><body><p>中文新闻内容，声明错了。</p>'
     "</body></html>", "zh"),
    ('<html lang="en"><head><title>2024</title></head><body><p>Plain news text, in English.</p>'
     "</body></html>", "en"),
], ids=["html-lang", "content-language", "wrong-declared-cjk-text", "guessed",
        "wrong-declared-cjk-sample", "declared-latin-sample"])
def test_language(html: str, language: str) -> None:
    assert meta(html).language == language


def test_language_is_guessed_from_the_text_not_the_inline_code() -> None:
    # A page's worth of inline script before the article: the sample of visible text
    # is the article's, not the code's.
    code = "<script>" + "var config = {a: 1, b: [2, 3]}; window.init(config);\n" * 200 + "</script>"
    story = "<p>The council met on Tuesday and agreed the new budget for the schools and the roads.</p>"
    page = f"<html><head><title>Budget</title></head><body>{code}{story * 3}</body></html>"
    assert meta(page).language == "en"


def test_scripts_go_after_their_structured_data_is_read() -> None:
    tree = LexborHTMLParser(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Jane Doe"}}</script></head>'
        "<body><script>var x = 1;</script><style>p {}</style><p>Text.</p></body></html>")
    assert extract_metadata(tree, None).author == "Jane Doe"
    assert tree.css_first("script") is None and tree.css_first("style") is None


@pytest.mark.parametrize("text, value", [
    ("文章来源：新华网", "新华网"),
    ("Source: Reuters. 2024-08-06", None),
    ("", None),
], ids=["chinese-label", "english-text", "empty"])
def test_labelled_source_pattern(text: str, value: str | None) -> None:
    match = P.SOURCE_FIELD.search(text)
    assert (match.group(1) if match else None) == value


def test_code_line_between_headline_and_info_line_is_skipped() -> None:
    page = zh_page("<script>var s = {a: 1};</script><span>2024-08-06 09:47 来源：福州晚报</span>")
    found = meta(page)
    assert (found.published, found.source) == ("2024-08-06T09:47:00+08:00", "福州晚报")


def test_heading_with_spaces_begins_title() -> None:
    page = ("<html><head><title>Republicans Are Following  Trump | Opinion - Site</title></head>"
            "<body><h1>Republicans Are Following Trump</h1></body></html>")
    assert meta(page).title == "Republicans Are Following Trump"


# ---------------------------------------------------------------- robustness

@pytest.mark.parametrize("html", [
    "", "<html></html>", "<<<>>>", "<html><body>" + "<div>" * 3000 + "x",
    '<script type="application/ld+json">{not json</script>',
    '<script type="application/ld+json">[1, "a", null, {"@type": 5}]</script>',
    "<html><body><p>2024-99-99 99:99 来源：</p></body></html>",
], ids=["empty", "bare-html", "garbage", "deep-nesting", "broken-jsonld", "odd-jsonld",
        "impossible-date"])
def test_never_raises(html: str) -> None:
    assert isinstance(meta(html), Metadata)


def test_tree_is_not_modified() -> None:
    tree = LexborHTMLParser(zh_page("2024-08-06 09:47:05 来源:福州晚报 作者:肖远强"))
    before = tree.html
    extract_metadata(tree, "https://www.fznews.com.cn/x.shtml")
    assert tree.html == before


# ---------------------------------------------------------------- unseen portals' forms

@pytest.mark.parametrize("info, more, source", [
    ("2005-04-27 14:32 来源：转载文章", "<p>（来源：中国青年报）</p>", "中国青年报"),
    ("2005-04-27 14:32 来源：网络转载 作者：佚名", "<div>本文来源：中国青年报</div>", "中国青年报"),
    ("2005-04-27 14:32 来源：本站原创", "", "本站原创"),
], ids=["placeholder-then-body", "placeholder-then-footer", "own-site-is-an-outlet"])
def test_placeholder_source_read_past_to_the_outlet(info: str, more: str, source: str) -> None:
    found = meta(zh_page(info, body=BODY_TEXT + more))
    assert found.source == source
    assert found.author is None


def test_source_naming_writer_and_outlet_is_split() -> None:
    found = meta(zh_page("2005-04-27 14:32 来源:石佳/中国青年报"))
    assert (found.source, found.author) == ("中国青年报", "石佳")


def test_source_with_a_slash_between_outlets_is_kept() -> None:
    assert meta(zh_page("2005-04-27 14:32 来源:新华网/人民网")).source == "新华网/人民网"


def test_author_named_only_in_a_long_articles_last_line() -> None:
    from scraper import extract
    long_body = BODY_TEXT * 120 + "<p>最后一段。这是结尾的一段文字，内容足够长。（记者 胡晓蓉）</p>"
    article = extract(zh_page("2005-04-27 14:32 来源：云南日报", body=long_body))
    assert article.author == "胡晓蓉"


def test_body_line_without_a_byline_gives_no_author() -> None:
    from scraper import extract
    article = extract(zh_page("2005-04-27 14:32 来源：云南日报", body=BODY_TEXT * 120))
    assert article.author is None


def old_portal(page_title: str, headline: str, info: str) -> str:
    """A portal page of tables: the headline in <b>, no heading element, no class names."""
    return (f"<html><head><meta charset=utf-8><title>{page_title}</title></head><body>"
            "<div><a href=/>首页</a> <a href=/gn>国内新闻</a></div>"
            f"<table><tr><td><b>{headline}</b></td></tr><tr><td>{info}</td></tr>"
            f"<tr><td>{BODY_TEXT}</td></tr></table></body></html>")


@pytest.mark.parametrize("page_title", ["国内新闻--雅虎新闻", "国内新闻_东北网", "雅虎新闻"],
                         ids=["channel-double-dash-site", "channel-underscore-site", "site-only"])
def test_title_naming_only_site_or_channel_gives_way_to_the_shown_headline(page_title: str) -> None:
    found = meta(old_portal(page_title, "哈尔滨今起集中供暖", "2005-04-27 14:32 来源：新华网"))
    assert found.title == "哈尔滨今起集中供暖"
    assert found.published == "2005-04-27T14:32:00+08:00"


def test_short_headline_that_the_page_shows_is_kept() -> None:
    found = meta(old_portal("春节快乐", "春节快乐", "2005-04-27 14:32 来源：新华网"))
    assert found.title == "春节快乐"


@pytest.mark.parametrize("label", ["本文转自：", "摘自：", "原载："], ids=["reprinted-from", "excerpted-from", "first-printed-in"])
def test_reprint_labels_name_the_source(label: str) -> None:
    found = meta(zh_page(f"2005-04-27 14:32 {label}中国青年报"))
    assert found.source == "中国青年报"


@pytest.mark.parametrize("info, body, author, source", [
    ("2024-08-06 09:47 来源：福州晚报 作者：", "<p>【新春走基层】</p>" + BODY_TEXT, None, "福州晚报"),
    ("2024-08-06 09:47 作者：", "<p>本文内容较长，这里是一段引言。</p>" + BODY_TEXT, None, None),
    ("2024-08-06 09:47 作者：", "<p>光明日报记者 王建宏 张文攀</p>" + BODY_TEXT,
     "王建宏 张文攀", None),
    ("2024-08-06 09:47 来源：", "<p>【新春走基层】</p>" + BODY_TEXT, None, None),
    ("2024-08-06 09:47 来源：", "<p>本报讯 昨日，全市召开防汛会议。</p>" + BODY_TEXT, None, None),
], ids=["author-before-column-tag", "author-before-prose", "author-before-byline",
        "source-before-column-tag", "source-before-prose"])
def test_an_empty_label_takes_no_value_from_the_next_line(
        info: str, body: str, author: str | None, source: str | None) -> None:
    record = meta(zh_page(info, body=body))
    assert (record.author, record.source) == (author, source)


@pytest.mark.parametrize("block", [
    "<table><tr><td>作者：</td><td>张三</td><td>来源：</td><td>新华网</td></tr></table>",
    "<dl><dt>作者：</dt><dd>张三</dd><dt>来源：</dt><dd>新华网</dd></dl>",
    "<div>作者：<br>张三<br>来源：<br>新华网</div>",
], ids=["table-cells", "dl", "br-lines"])
def test_a_value_in_its_own_cell_is_still_read(block: str) -> None:
    record = meta(zh_page("2024-08-06 09:47", body=block + BODY_TEXT))
    assert (record.author, record.source) == ("张三", "新华网")
