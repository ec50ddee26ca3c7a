"""Line-level tidying: editor, furniture, info, title and disclaimer lines leave the body."""

from __future__ import annotations

import importlib

import pytest

from scraper.extract import line_patterns as L
from scraper.extract import post_patterns as PP
from scraper.extract.tidy import SIEVES, sieved, tidy

SENTENCE = "这是正文的一段文字，内容足够长，用来模拟真实的新闻段落。"
# Two distinct article paragraphs (a line repeated in one body counts as a widget).
FIRST = "第一段。" + SENTENCE
SECOND = "第二段。" + SENTENCE
# Long enough to be prose from outside the core block.
OUTER_PROSE = "导语段落。" + SENTENCE * 3


def tidied(lines: list[str], core: list[bool] | None = None, *, title: str | None = None,
           captions: tuple[str, ...] = ()) -> tuple[list[str], str | None]:
    kept, editor, _ = tidy(lines, core if core is not None else [True] * len(lines),
                           title=title, captions=list(captions))
    return kept, editor


def kept_between(line: str) -> list[str]:
    """What is left of ``line`` placed between two article paragraphs."""
    kept, _ = tidied([FIRST, line, SECOND])
    assert kept[0] == FIRST and kept[-1] == SECOND
    return kept[1:-1]


# ---------------------------------------------------------------- editor lines

@pytest.mark.parametrize("line, editor", [
    ("【责任编辑:徐匆】", "徐匆"),
    ("【责任编辑：徐匆】", "徐匆"),
    ("(责编：王某)", "王某"),
    ("（责编：王某）", "王某"),
    ("责任编辑：张三", "张三"),
    ("编辑：李四", "李四"),
], ids=["brackets-ascii-colon", "brackets-fullwidth-colon", "parens", "fullwidth-parens",
        "bare", "short-label"])
def test_editor_line_dropped_and_editor_returned(line: str, editor: str) -> None:
    kept, found = tidied([FIRST, line, SECOND])
    assert kept == [FIRST, SECOND]
    assert found == editor


def test_first_editor_line_wins() -> None:
    _, found = tidied([FIRST, "责任编辑：张三", "编辑：李四"])
    assert found == "张三"


@pytest.mark.parametrize("mark", ["（责编：王某）", "(责编：王某)", "【责任编辑:徐匆】"],
                         ids=["fullwidth-parens", "parens", "brackets"])
def test_trailing_editor_mark_removed_from_last_paragraph(mark: str) -> None:
    kept, _ = tidied([FIRST, SECOND + mark])
    assert kept == [FIRST, SECOND]


def test_editor_mark_inside_an_earlier_paragraph_stays() -> None:
    kept, _ = tidied([FIRST + "【责任编辑:徐匆】", SECOND])
    assert kept == [FIRST + "【责任编辑:徐匆】", SECOND]


# ---------------------------------------------------------------- furniture

FURNITURE = [
    "上一篇：某某新闻标题",
    "下一篇",
    "分享到：",
    "分享到 微信 微博",
    "【打印】【关闭】",
    "【打印】 【关闭窗口】",
    "【字号 大 中 小】",
    "[1] [2] 下一页",
    "[1] [2] [3]",
    "原标题：这是原来的标题",
    "展开全文",
    "扫一扫，关注福州新闻网微信公众号",
    "欢迎关注本网微信公众号",
    "点击下载新闻客户端，看更多精彩内容",
    "【我要打印】【关闭窗口】",
    "我要纠错",
    "本文来源：人民网",
    "（文章来源：新华网）",
    "阅读次数：1234",
    "点击数：88 次",
    "文章录入：admin",
    "视频加载中，请稍候...",
    "点击图片进入下一页",
    "网站标识码：3501000001 闽ICP备05000000号",
    "京公网安备 11000002000001号",
    "用微信扫描二维码 分享至好友和朋友圈",
    "更多精彩内容请关注公众号",
    "标签：新春 走访",
    "关键词：应急管理，防汛",
    "（本文来源：经济日报 作者：孙七）",
]
FURNITURE_IDS = ["previous", "next", "share-to", "share-to-services", "print-close",
                 "print-close-window", "font-size", "pagination-next", "pagination", "original-title",
                 "expand", "scan-to-follow", "follow-wechat", "download-app", "i-want-to-print",
                 "i-want-to-correct", "article-source", "bracketed-source", "read-count",
                 "click-count", "entered-by", "video-loading", "gallery-click", "site-registration",
                 "police-registration", "wechat-scan-share", "more-follow", "tags", "keywords",
                 "bracketed-credits"]


@pytest.mark.parametrize("line", FURNITURE, ids=FURNITURE_IDS)
def test_short_furniture_line_dropped(line: str) -> None:
    assert kept_between(line) == []


def test_sentence_about_an_app_download_kept() -> None:
    line = "据统计，今年以来全市居民下载政务服务客户端的人数同比增长三成。"
    assert kept_between(line) == [line]


@pytest.mark.parametrize("start", ["上一篇：", "下一篇：", "分享到", "原标题：", "展开全文",
                                   "[1] [2] 下一页", "【字号 大 中 小】", "【打印】【关闭】"],
                         ids=["previous", "next", "share-to", "original-title", "expand",
                              "pagination", "font-size", "print-close"])
def test_long_line_starting_like_furniture_kept(start: str) -> None:
    line = start + SENTENCE * 3
    assert kept_between(line) == [line]


@pytest.mark.parametrize("line", [
    "Share this article", "Print recipe", "Bookmark the permalink.", "No responses so far",
    "Gefällt mir:", "Jetzt teilen!", "(Noch keine Bewertungen)", "- Anzeige -", "Über den Autor",
    "War der Artikel nützlich?", "Wie bewerten Sie diesen Artikel?", "Permalien", "drukuj",
    "Gefällt mir Lade...", "No Response so far »", "Kontakt:",
    "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
    "Mehr zum Thema", "Das könnte dich auch interessieren", "Related Coverage",
    "Schlagworte zum Thema: Rechtsanwalt, Anwalt, Justiz", "Tags: Denken, Bilder",
    "This entry was posted in Allgemein. Bookmark the permalink.",
    "→ Learn more", "LEARN MORE", "Mehr erfahren", "En savoir plus", "‹ Back to Story", "Weiterlesen »",
    "Read more. . .", "No related posts.", "No related posts found", "STORY HIGHLIGHTS",
    "More Science & Environment stories", "Don't miss these Health stories", "MOST POPULAR",
    "Most Popular This Week", "MUST-READ RELATED ARTICLES:", "Meistgelesen", "Am meisten gelesen...",
    "Articles les plus lus", "Lo más leído",
    "Keep Reading", "Trending", "DON'T MISS", "Popular on IndieWire", "More in Milan",
    "Elsewhere on BBC News", "Check Out More Of Our Geekery", "Related Videos", "Ähnliche Artikel",
    "Verwandte Beiträge:", "Mehr zu Klima und Konsum", "Weitere Informationen",
    "Audios et vidéos sur le sujet", "Самые популярные диеты", "Читайте также:",
    "Share this Post", "Like this story? Share it with a friend!", "Advert", "Iklan", "Sukai ini:",
    "Suka Memuat...",
    "Auch interessant:", "Schon gelesen?", "Mehr Themen:", "Das Thema könnte dich auch interessieren:",
    "Lesen Sie auch die folgenden Beiträge:", "Weitere Beiträge aus der Kolumne:",
    "Vorschau auf den nächsten Artikel", "Auch auf gofeminin.de", "Also on rt.com", "Next Article",
    "Previous Post: S&P 500 Index Breaks 1,400—What’s Next?", "sponsored links", "Editor's Pick",
    "If you found this article helpful, check out...",
    'Print Recipe 3"x5" Cards 4"x6" Cards Full Page', "Rezept drucken Bei Pinterest speichern",
    "Pin It", "Save to Pinterest", "Jump to Recipe",
], ids=["share-en", "print-recipe", "permalink", "no-responses", "like-de", "share-de",
        "no-ratings-de", "ad-label-de", "about-author-de", "helpful-de", "rate-de", "permalink-fr",
        "print-pl", "like-loading-de", "no-response-arrow", "contact-label", "login-to-comment-de",
        "related-heading-de", "related-heading-du", "related-heading-en", "tags-de", "tags-en",
        "filed-under-en", "learn-more-arrow", "learn-more-caps", "learn-more-de", "learn-more-fr",
        "back-to-story", "read-on-de", "read-more-spaced-dots", "no-related-posts",
        "no-related-posts-found", "story-highlights", "more-section-stories", "dont-miss-stories",
        "most-popular", "most-popular-this-week", "must-read-related", "most-read-de", "most-read-de-2",
        "most-read-fr", "most-read-es", "keep-reading", "trending", "dont-miss", "popular-on-site",
        "more-in-section", "elsewhere-on-site", "more-of-our", "related-videos", "similar-articles-de",
        "related-posts-de", "more-on-topic-de", "further-information-de", "audio-video-fr",
        "most-popular-ru", "read-also-ru", "share-post", "share-with-a-friend", "advert-label",
        "advert-label-id", "like-this-id", "like-loading-id", "also-interesting-de", "read-yet-de",
        "more-topics-de", "topic-may-interest-de", "read-also-posts-de", "more-posts-column-de",
        "next-article-preview-de", "also-on-site-de", "also-on-site-en", "next-article",
        "previous-post", "sponsored-links", "editors-pick", "found-helpful-check-out",
        "recipe-card-buttons", "recipe-card-buttons-de", "pin-it", "save-to-pinterest", "jump-to-recipe"])
def test_interface_line_dropped(line: str) -> None:
    assert kept_between(line) == []


@pytest.mark.parametrize("line", [
    "Teilen Sie Ihre Erfahrungen mit uns, wir freuen uns auf Ihre Nachricht.",
    "Drucken war früher teuer.",
    "Themen: Die Regierung hat heute drei neue Gesetze beschlossen. Sie gelten ab Mai.",
    "Keep reading the label before you buy.",
    "Trending topics change by the hour on the network, the study found.",
    "Don't miss the last train home.",
    "More in sorrow than in anger, the judge read the verdict.",
    "Weitere Informationen gibt es beim Bürgeramt.",
    "Mehr zu den Kosten lesen Sie im zweiten Teil.",
    "More",
    "Share this story with your children, the author says.",
    "Advertising revenue rose by a fifth.",
    "Iklan itu ditayangkan selama sebulan.",
    "Auch interessant ist, dass die Stadt die Kosten trägt.",
    "Schon gelesen hatte er das Buch, bevor der Film kam.",
    "Next article in the series will look at the costs.",
    "Lesen Sie auch den zweiten Teil, der morgen erscheint.",
    "Pin it to the fridge and tick off each chore as you go.",
    "Print recipe cards were popular in the 1970s.",
], ids=["sentence-starting-with-share", "sentence-starting-with-print", "label-then-sentences",
        "keep-reading-sentence", "trending-sentence", "dont-miss-sentence", "more-in-sentence",
        "further-information-sentence-de", "more-on-sentence-de", "more-alone",
        "share-sentence", "advertising-sentence", "advert-sentence-id", "also-interesting-sentence-de",
        "read-yet-sentence-de", "next-article-sentence", "read-also-sentence-de",
        "pin-it-sentence", "print-recipe-sentence"])
def test_sentence_starting_with_an_interface_word_kept(line: str) -> None:
    assert kept_between(line) == [line]


PROMOTIONS = [
    "Never miss the latest news by signing up to our newsletter today!",
    "Subscribe now to our eNATION edition for the full story.",
    "Click here to subscribe to The Paradigm Newsletter",
    "For the latest stories download the Nationnews apps for iOS and Android.",
    "Folgen Sie uns auf Twitter", "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen.",
    "Síguenos en Telegram, Instagram, Facebook y Twitter", "Abonnez-vous à notre lettre d'information",
    "Sign up for email updates from President Obama and Senior Administration Officials",
    "To receive these entries once a month by e-mail, sign up for the Crypto-Gram Newsletter.",
    "Sign-up To The Newsletter And Get A Free eBook", "NEWSLETTER SIGN UP",
    "updates and free printables delivered straight to your inbox!", "WHITEHOUSE.GOV IN YOUR INBOX",
    "When you join our list we will send you the links to our exclusive free printables.",
    "Follow us!", "Like us on Facebook!", "Twitter: @nuttynomads", "Comment on Facebook",
    "Do you think he will be a better judge? Tell us on Facebook!", "Folgt uns!",
    "Jetzt zum kostenlosen Newsletter anmelden", "Pour rester informé inscrivez-vous à la newsletter",
    "Suscribite a nuestro newsletter", "¡Mira lo que tiene nuestro canal de YouTube!",
    "Iscriviti alla newsletter", "Seguici su Instagram", "Zapraszamy też do subskrypcji tygodnika",
    "Subscribe to WIRED and stay smart with more of your favorite Ideas writers.",
    "There was a problem subscribing you to the newsletter. Double check your email and try again.",
    "First-time subscribers also receive a special welcome gift handmade by expert artisans!",
    "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99.",
    "Get the latest news straight to your phone with the VI Consortium app.",
    "Join our Space Forums to keep talking space on the latest missions, night sky and more!",
    "If you enjoyed this article, we have a proposition for you: Join NRPLUS.",
    "Jetzt für Golf-Lotse Top-News anmelden",
    "Die aktuelle Ausgabe der L-MAG jetzt an jedem Bahnhofskiosk, im Abo, als e-Paper erhältlich.",
    "Puede escribirnos o seguirnos en Facebook, o suscribirse aquí a nuestra newsletter.",
    "Recevez chaque matin notre newsletter", "Ricevi ogni settimana la nostra newsletter",
    "Stay Up-to-Date On Environmental Management News with EL's Free Daily Newsletter",
    "¿Ya sabías que en Guatemala.com tenemos canal de Telegram? Únete desde tu celular.",
    "Click like to get the latest music news, hottest tracks and more via Facebook.",
    "You should like Thought Catalog on Facebook here.", "Become a fan of CNNOpinion",
    "Interested in keeping up with Tesla Motors?",
    "Do you want to be informed of DiEM25's actions? Sign up here",
]
PROMOTION_IDS = ["newsletter-en", "subscribe-our", "subscribe-the-newsletter", "download-app", "follow-de",
        "email-de", "follow-es", "subscribe-fr", "email-updates", "sign-up-for-the-newsletter",
        "sign-up-to-the-newsletter", "newsletter-sign-up", "to-your-inbox", "in-your-inbox",
        "join-our-list", "follow-us", "like-us-on", "network-handle", "comment-on-network",
        "tell-us-on", "follow-de-plural", "newsletter-de", "newsletter-fr", "subscribe-es-ar",
        "channel-es", "newsletter-it", "follow-it", "subscribe-pl", "subscribe-to-name",
        "subscribing-failed", "subscribers-receive", "delivered-to-your-letterbox",
        "straight-to-your-phone", "join-our-forums", "proposition", "register-now-de",
        "print-edition-de", "newsletter-es", "newsletter-fr-our", "newsletter-it-our",
        "stay-up-to-date-newsletter", "channel-es-we-have", "click-like", "should-like-on-facebook",
        "become-a-fan", "keeping-up-with", "sign-up-here"]


@pytest.mark.parametrize("line", PROMOTIONS, ids=PROMOTION_IDS)
def test_promotion_of_the_site_dropped(line: str) -> None:
    assert kept_between(line) == []


@pytest.mark.parametrize("line", [*PROMOTIONS, "Signing  up to our list", "Newsletter signup",
                                  "sign-up for the Weekly Planner newsletter"],
                         ids=[*PROMOTION_IDS, "signing-up-spaces", "newsletter-signup", "sign-up-hyphen"])
def test_promotion_key_gate_opens_for_every_group_that_matches(line: str) -> None:
    """A group is searched only when the line holds one of its keys (and the word that
    key needs with it, ``PROMO_KEYS_WITH``): every group that matches must be opened."""
    lowered = line.lower()
    matched = [keys for keys, pattern in PP.PROMO_GROUPS if pattern.search(line)]
    assert matched
    for keys in matched:
        assert any(key in lowered and PP.PROMO_KEYS_WITH.get(key, "") in lowered for key in keys)


@pytest.mark.parametrize("line", ["Designed for our readers", "Sign the petition to our council",
                                  "She was assigned to the newsletter desk"],
                         ids=["design", "sign-without-up", "assigned"])
def test_line_with_sign_but_no_up_matches_no_promotion(line: str) -> None:
    assert not any(pattern.search(line) for _, pattern in PP.PROMO_GROUPS)
    assert kept_between(line) == [line]


@pytest.mark.parametrize("line", [
    "Sign up for the Disney+ bundle using the same email as your Hulu account.",
    "Analysts expect more customers to subscribe to the service after the price cut.",
    "Thousands follow her on Twitter, where she posts daily.",
    "Facebook said on Tuesday that it would follow Twitter in labelling state media.",
    "The new filter sorts spam before it arrives in your inbox.",
    "If you want in, just sign up for my newsletter (it's free).",
    "Follow Grace on Twitter.",
    "Many subscribe to the view that prices will fall, the survey found.",
    "The parcels were delivered to your neighbour's address by mistake, the firm admitted.",
    "Wer sich jetzt anmelden will, muss bis Freitag warten.",
    "She became a fan of the band in 1990 and never missed a show.",
    "Interested in keeping up with the Joneses, they bought a second car.",
    "Readers who stay up to date with the newsletter of the club know the rules.",
    "Users who click like on a post see more of the same, Facebook said.",
], ids=["sign-up-for-a-product", "subscribe-in-a-news-sentence", "someone-followed-on-a-network",
        "network-in-a-news-sentence", "inbox-sentence", "author-newsletter", "follow-the-author",
        "subscribe-to-a-view", "delivered-to-a-neighbour", "register-sentence-de",
        "became-a-fan-sentence", "keeping-up-sentence", "stay-up-to-date-sentence",
        "click-like-sentence"])
def test_sentence_about_subscribing_kept(line: str) -> None:
    assert kept_between(line) == [line]


# ---------------------------------------------------------------- Western datelines

@pytest.mark.parametrize("line", [
    "Stand: 05.02.20, 10:27", "4. Juni 19", "3/4/21 10:00", "June 4, 19", "am 14. Mai 14",
    "Stand: 05. Februar 2020", "June 4, 2019", "2020-02-05 08:00",
], ids=["numeric", "month-two-digits", "slashes", "month-first", "by-on", "year-de", "year-en",
        "iso"])
def test_dates_found_alike_by_the_numeric_pattern_without_four_digits(line: str) -> None:
    # A month-name date ends in a four-digit year: without one, the numeric forms alone
    # find what the whole pattern finds.
    whole = L.WESTERN_DATE.subn(" ", line)
    if L.FOUR_DIGITS.search(line) is None:
        assert L.NUMERIC_WESTERN_DATE.subn(" ", line) == whole
    else:
        assert all(L.FOUR_DIGITS.search(m.group(0)) for m in L.WESTERN_DATE.finditer(line)
                   if L.NUMERIC_WESTERN_DATE.fullmatch(m.group(0)) is None)


@pytest.mark.parametrize("line", [
    "Stand: 05. Februar 2020", "Aktualisiert: 11.04.2020, 10:27", "Dienstag, 4. Juni 2019, 15:54",
    "von Anja Muster am 14. Mai 2014, 15:40 Uhr", "Posted on March 3rd, 2020 by admin",
    "Updated 1:39 am EST, Wednesday, November 20, 2019", "June 4, 2019", "28.04.2020 21:38 Uhr",
    "Publié le 2 mars 2020", "2020-02-05",
], ids=["stand-de", "updated-de", "weekday-de", "by-on-de", "posted-by-en", "updated-en",
        "bare-date-en", "bare-date-time-de", "published-fr", "iso"])
def test_dateline_dropped(line: str) -> None:
    assert kept_between(line) == []


@pytest.mark.parametrize("line", [
    "Am 4. Juni 2019 starb er.",
    "02.11.2022 - Placebo - Stadthalle",
    "Termin: 21.02.2020, 19 Uhr",
    "— The Senate (@Senate) October 9, 2018",
    "Der Vertrag vom 12.03.2020 wurde von allen Partnern unterzeichnet und gilt ab sofort",
], ids=["sentence", "dated-list-entry", "event-time", "tweet-signature", "long-sentence"])
def test_line_with_a_date_that_is_not_a_dateline_kept(line: str) -> None:
    assert kept_between(line) == [line]


# ---------------------------------------------------------------- info, title, disclaimer

@pytest.mark.parametrize("line", [
    "2024-08-06 09:47 来源：新华社",
    "发布时间：2024年8月6日 作者：张三",
    "2024/8/6 浏览次数：1024",
    "来源：新华社",
], ids=["date-source", "date-author", "date-views", "lone-source"])
def test_info_line_dropped(line: str) -> None:
    assert kept_between(line) == []


def test_long_line_with_date_and_source_kept() -> None:
    line = "2024-08-06 来源：新华社 " + SENTENCE * 5
    assert kept_between(line) == [line]


def test_line_with_date_but_no_info_marker_kept() -> None:
    line = "2024年8月6日，全市召开安全生产工作会议。"
    assert kept_between(line) == [line]


@pytest.mark.parametrize("line", [
    "2024年8月6日，国务院新闻办公室发布《中国的能源转型》白皮书。",
    "据悉，该平台自2023年1月1日上线以来，累计点击量超过500万次，受到市民广泛欢迎。",
], ids=["date-and-publish", "date-and-clicks"])
def test_prose_sentence_with_date_and_info_word_kept(line: str) -> None:
    # A news sentence, not a "date + 来源/发布/点击" label line.
    assert kept_between(line) == [line]


@pytest.mark.parametrize("line", ["鼓楼公安交出最美窗口答卷", "鼓楼公安 交出最美窗口答卷"],
                         ids=["same", "spaced"])
def test_line_equal_to_title_dropped(line: str) -> None:
    kept, _ = tidied([line, FIRST], title="鼓楼公安交出最美窗口答卷")
    assert kept == [FIRST]


def test_line_containing_title_kept() -> None:
    line = "鼓楼公安交出最美窗口答卷，获得群众好评。"
    kept, _ = tidied([line, FIRST], title="鼓楼公安交出最美窗口答卷")
    assert kept == [line, FIRST]


@pytest.mark.parametrize("line", [
    "声明：本文仅代表作者观点，不代表本站立场。",
    "免责声明：本站转载内容仅供参考。",
    "【版权声明】：本文版权归原作者所有。",
    "声明：" + SENTENCE * 10,
], ids=["statement", "disclaimer", "copyright-notice", "long-statement"])
def test_disclaimer_line_dropped(line: str) -> None:
    assert kept_between(line) == []


def test_very_long_paragraph_starting_with_statement_kept() -> None:
    line = "声明：" + SENTENCE * 20
    assert kept_between(line) == [line]


def test_caption_lines_dropped() -> None:
    kept, _ = tidied(["图为会场", FIRST], captions=("图为会场",))
    assert kept == [FIRST]


# ---------------------------------------------------------------- outside the core

@pytest.mark.parametrize("line, kept", [
    (OUTER_PROSE, True),
    ("短行。", False),
    ("没有标点的一行文字但是它足够长足够长足够长足够长足够长足够长足够长足够长", False),
    ("鼓楼公安交出最美窗口答卷", False),
], ids=["prose", "short", "long-unpunctuated", "headline"])
def test_line_outside_core_kept_only_when_prose(line: str, kept: bool) -> None:
    lines, _ = tidied([line, FIRST], [False, True])
    assert lines == ([line, FIRST] if kept else [FIRST])


OUTER_PROSE_2 = "第二个导语段落。" + SENTENCE * 3
SUBHEADING = "举报人寻而不得"


def test_short_line_between_two_outside_paragraphs_kept() -> None:
    # A subheading of a section the wrapper adds, between two of its paragraphs.
    lines = [OUTER_PROSE, SUBHEADING, OUTER_PROSE_2, FIRST]
    kept, _ = tidied(lines, [False, False, False, True])
    assert kept == lines


@pytest.mark.parametrize("lines, core", [
    ([OUTER_PROSE, SUBHEADING, FIRST], [False, False, True]),
    ([OUTER_PROSE, SUBHEADING, "另一行短字", OUTER_PROSE_2], [False, False, False, False]),
    ([SUBHEADING, OUTER_PROSE, FIRST], [False, False, True]),
    ([OUTER_PROSE, SUBHEADING], [False, False]),
], ids=["before-the-core", "two-in-a-row", "before-any-prose", "at-the-end"])
def test_short_line_outside_core_dropped_unless_between_outside_paragraphs(
        lines: list[str], core: list[bool]) -> None:
    kept, _ = tidied(lines, core)
    assert SUBHEADING not in kept


def test_furniture_between_two_outside_paragraphs_still_dropped() -> None:
    kept, _ = tidied([OUTER_PROSE, "责任编辑：张三", OUTER_PROSE_2], [False, False, False])
    assert kept == [OUTER_PROSE, OUTER_PROSE_2]


def test_short_line_inside_core_kept() -> None:
    kept, _ = tidied([FIRST, "短行。"], [True, True])
    assert kept == [FIRST, "短行。"]


# ---------------------------------------------------------------- sieves

SIEVED = [
    ("copyright", "根据《中华人民共和国著作权法》，凡本网所有作品，未经书面许可，任何单位和个人不得转载、摘编。"),
    ("copyright", "本网郑重公告：本网刊载的所有内容，版权归本网所有，转载请注明出处。"),
    ("copyright", "凡本网注明“来源：XXX”的作品，均转载自其它媒体，转载目的在于传递更多信息。"),
    ("copyright", "（本文为本网原创稿件，转载请注明出处）"),
    ("copyright", "© 2012 The Associated Press. All rights reserved. This material may not be "
                  "published, broadcast, rewritten or redistributed."),
    ("related-item", "·哈尔滨今起集中供暖 (2005-04-27 14:32PM)"),
    ("related-item", "· 我市召开安全生产工作会议 [04-27]"),
    ("related-item", "全省春耕生产现场会召开（2024-03-06 09:30）"),
    ("pager", "第1页/共1页 << 上一页 | 下一页 >>"),
    ("pager", "共3页: 上一页 1 2 3 下一页"),
    ("pager", "« Previous Page 2 of 5 Next »"),
    ("pager", "Previous 1 / 13 Next"),
    ("reporter", "光明日报记者 王建宏 张文攀"),
    ("reporter", "新京报记者 彭冲 山东冠县报道"),
    ("reporter", "本报记者 张三 通讯员 李四"),
    ("credits", "来源：巴彦淖尔日报 编辑：苏亮"),
    ("credits", "医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳"),
    ("credits", "文/张三 图/李四"),
    ("credits", "编辑/苏芳"),
    ("column-tag", "【新春走基层】"),
    ("column-tag", "〖专题〗"),
    ("empty-label", "责任编辑："),
    ("empty-label", "返回搜狐，查看更多"),
    ("script-notice", "You need to enable JavaScript to run this app."),
    ("script-notice", "请开启浏览器的JavaScript功能后再访问本页面"),
    ("comment-form", "Leave a Reply"),
    ("comment-form", "Your email address will not be published. Required fields are marked *"),
    ("comment-form", "Name *"),
    ("comment-form", "You may use these HTML tags and attributes: <a href=\"\" title=\"\"> <b>"),
    ("comment-form", "Notify me of follow-up comments by email."),
    ("comment-form", "The comments to this entry are closed."),
    ("comment-form", "TrackBack URL for this entry:"),
    ("comment-form", "Kommentar verfassen"),
    ("comment-form", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert"),
    ("comment-form", "Laisser un commentaire"),
    ("print-note", "A version of this article appeared in print on 11/08/2012, on page B9 of the "
                   "New York edition with the headline: Loading Photos From Camera to iPad."),
    ("powered-by", "Powered by Movable Type. Photo at top by Geoffrey Stone."),
    ("read-also", "LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández en el MDC de Nueva York"),
    ("read-also", "PUEDES VER: ¿Qué es la Sunedu, cómo está conformada y para qué sirve?"),
    ("read-also", "(Le puede interesar: Buscan responsables de bus quemado en Anorí, Antioquia)"),
    ("read-also", "Czytaj też: Wyścig zbrojeń ruszył z kopyta"),
    ("read-also", "Related post: Pickled Brussels Sprouts Recipe"),
    ("read-also", "Lesen Sie auch: Die Bahn erhöht die Preise"),
    ("read-also", "相关阅读：《哈尔滨今起集中供暖》"),
    ("read-also", "À lire aussi » Ballonnements, lourdeurs...Quel est votre profil digestif et comment y remédier ?"),
    ("read-also", "Lesen Sie auch » Die Bahn erhöht die Preise … schon wieder"),
    ("post-filing", "Posted in: Sidelines | comments |"),
    ("post-filing", "Filed under news, two kisses for maddy."),
    ("post-filing", "Archived under Portfolio."),
    ("post-filing", "by Joseph Dickerson , Filed under: Fan Productions,Interview,Memorabilia , trackback"),
    ("post-filing", "Article by Steph, filed under Cities & Urbanism in the Architecture category."),
    ("post-filing", "3. August 2015 · Filed under ziemlich privat"),
    ("post-filing", "Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Fotografie | Tags: Gegenlicht |"),
    ("post-filing", "Abgelegt unter Allgemein"),
    ("post-filing", "Publié dans : Actualités"),
    ("post-filing", "Classé dans Actualités, Politique"),
    ("post-filing", "Archivado en: Noticias, Política"),
    ("post-filing", "Archiviato in Notizie"),
    ("post-note", "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under "
                  "Neat Stuff, Robot Art. You can follow any responses to this entry through the RSS 2.0 feed."),
    ("post-note", "This entry was written by matt, posted on 9/10/2012 at 1:38 pm."),
    ("post-note", "This was written by K.G. Schneider. Posted on Friday, November 2, 2012, at 1:23 pm. "
                  "Filed under Conferences, Librarianship. Bookmark the permalink."),
    ("post-note", "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter debianforum, Linux. "
                  "Kommentare zu diesen Eintrag im RSS 2.0 Feed."),
    ("post-note", "Dieser Eintrag wurde am 5. Mai 2014 von Anna veröffentlicht."),
    ("post-note", "Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und "
                  "wurde unter Allgemein, Tastings & Events abgelegt. Du kannst die Kommentare verfolgen."),
    ("post-note", "Cet article a été publié dans Actualités, Politique."),
    ("post-note", "Esta entrada fue publicada en Noticias."),
    ("post-note", "Questa voce è stata pubblicata in Notizie."),
    ("post-note", "Posted by Karen Eng | Permalink | 2 Comments | Trackback"),
    ("trackback", "http://www.typepad.com/services/trackback/6a00d8341c534853ef017d3d9ab66a970c"),
    ("trackback", "Listed below are links to weblogs that reference Is your app an ass-kisser?:"),
    ("trackback", "Trackback Pings"),
    ("trackback", "TRACKBACKS"),
    ("trackback", "Trackbacks und Pingbacks"),
    ("trackback", "Trackbacks are closed, but you can post a comment."),
    ("trackback", "Post a comment or leave a trackback: Trackback URL."),
    ("trackback", "Bookmark the permalink. Follow any comments here with the RSS feed for this post."),
    ("trackback", "Notify me of followup comments via e-mail"),
    ("trackback", "Benachrichtige mich über nachfolgende Kommentare per E-Mail."),
    ("trackback", "Prévenez-moi de tous les nouveaux commentaires par e-mail."),
    ("trackback", "Avvisami via e-mail se ci sono nuovi commenti."),
    ("trackback", "Recibir un correo electrónico con los siguientes comentarios a esta entrada."),
    ("support-call", "Help keep all of our online content free and accessible - donate today!"),
    ("support-call", "Help support GayGamer by purchasing your items through our store!"),
    ("support-call", "Get Instant Leads And Recognition - Advertise On Bit Rebels"),
    ("support-call", "If you enjoyed reading this post – would you consider supporting our work? Just click here."),
    ("support-call", "We rely on your support to make local news available to all"),
    ("support-call", "Become a member today and read without limits."),
    ("support-call", "Unterstützen Sie uns"),
    ("support-call", "Unterstütze das Projekt:"),
    ("support-call", "Jede kleine Spende hilft den notleidenden Menschen dieser Welt!"),
    ("support-call", "Werben Sie bei uns"),
    ("support-call", "Soutenez-nous"),
    ("support-call", "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS"),
    ("support-call", "Haz una donación hoy y apoya el periodismo independiente"),
    ("support-call", "Faites un don"),
    ("support-call", "Sostienici"),
    ("disclosure", "This website is supported, in part, by affiliate arrangements (usually Amazon). "
                   "Affiliate relationships are always marked by bolded links."),
    ("disclosure", "This post may contain affiliate links. As an Amazon Associate I earn from qualifying purchases."),
    ("disclosure", "Microsoft may earn an Affiliate Commission if you purchase something through "
                   "recommended links in this article."),
    ("disclosure", "As an Amazon Associate I earn from qualifying purchases."),
    ("disclosure", "The opinions expressed in this commentary are solely those of the authors."),
    ("disclosure", "Schneier.com is a personal website. Opinions expressed are not necessarily those of BT."),
    ("disclosure", "NOW Grenada is not responsible for the opinions, statements or media content "
                   "presented by contributors."),
    ("disclosure", "Die mit Sternchen (*) gekennzeichneten Links sind sogenannte »Affiliate-Links«."),
    ("disclosure", "(*) Alle mit einem Stern gekennzeichneten Links sind Affiliate-Links."),
    ("disclosure", "Dieser Artikel enthält Affiliate-Links und/oder werbende Inhalte."),
    ("disclosure", "Für Links auf dieser Seite erhält familie.de ggf. eine Provision vom Händler."),
    ("disclosure", "Anzeige, enthält Affiliate Links"),
    ("disclosure", "*Werbung. Dieser Beitrag enthält Werbung für MYMARINI."),
    ("disclosure", "Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion."),
    ("disclosure", "Kommentare von Lesern stellen keinesfalls die Meinung der Redaktion dar!"),
    ("disclosure", "Cet article contient des liens affiliés."),
    ("disclosure", "Las opiniones expresadas en este artículo no reflejan necesariamente la posición del medio."),
    ("disclosure", "Le opinioni espresse in questo articolo sono esclusivamente dell'autore."),
    ("teaser", "Will iPad lovers give Windows 8 tablets a chance? That's the question we asked for t… Read More..."),
    ("teaser", "Can we understand what goes on in an animal's head? Read more..."),
    ("teaser", "„Die Bewegung ist bedrohlich, als die Ordnungshüter es erwartet hatten.“ Weiterlesen →"),
    ("teaser", "Sommerzeit ist Urlaubszeit, das lässt sich Bella Hadid nicht zwei mal sagen. Seht selbst! Weiterlesen"),
    ("teaser", "Le gouvernement a présenté son budget mardi, avec des économies dans… Lire la suite"),
    ("copyright", "All rights reserved © 2006-2010 FAD Media, Inc."),
    ("copyright", "© Copyright 2012 admin, All rights Reserved."),
    ("copyright", "Alle Rechte vorbehalten."),
    ("copyright", "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone. Dalsze rozpowszechnianie "
                  "artykułu za zgodą wydawcy."),
    ("agency-credit", "Sakib Ali/Hindustan Times/Getty Images"),
    ("agency-credit", "Judy Eddy/WENN.com"),
    ("agency-credit", "Kay Nietfeld / dpa"),
    ("agency-credit", "istockphoto"),
    ("agency-credit", "Image copyright Getty Images"),
    ("agency-credit", "Image copyright EPA"),
    ("post-tags", "Tagged as: fall, fall craft, tissue paper, tree"),
    ("post-tags", "Labels: GOProud, homocons, Jimmy LaSalvia"),
    ("post-tags", "Tagged with: eclipses, solar eclipse"),
    ("post-tags", "Category: BMW - Tags: bmw 2013, bmw suv, suv 2013"),
    ("post-tags", "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad veiculo"),
    ("copyright", "© Kamps Consulting Ltd. This article is licenced for use on Pixiq only. "
                  "Please do not reproduce wholly or in part without a license."),
    ("copyright", "Where not otherwise specified, this work is licensed under a Creative Commons "
                  "License permitting non-commercial sharing with attribution."),
    ("copyright", "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE."),
    ("comments-heading", "7 Comments"),
    ("comments-heading", "13 Responses to “Malawi Police replaces spokesman”"),
    ("comments-heading", "3 commentaires"),
    ("legal-notice", "Disclaimer:The content on this site is provided as general information only and "
                     "should not be taken as investment advice. All site content, including "
                     "advertisements, shall not be construed as a recommendation to buy or sell any security."),
    ("legal-notice", "The information on this website is for informational purposes only."),
    ("legal-notice", "By providing information about entertainment and cultural events on this site, "
                     "TheaterMania.com shall not be deemed to endorse,"),
    ("legal-notice", "We require all participants in interactive areas to accept the terms of the Time "
                     "Inc. subscriber agreement. Please read the agreement before making comments."),
    ("legal-notice", "By using this site you agree to the Terms of Use."),
    ("legal-notice", "Real-time U.S. stock quotes reflect trades reported through Nasdaq only; "
                     "comprehensive U.S. stock quotes reflect trading in all markets and are delayed at "
                     "least 15 minutes."),
    ("legal-notice", "I have read and agree to the Privacy Policy."),
    ("legal-notice", "(Alle Angaben ohne Gewähr)"),
    ("legal-notice", "© 2fly4 - Alle Angaben ohne Gewähr!"),
    ("legal-notice", "Ja, ich habe die Datenschutzerklärung gelesen und bin damit einverstanden."),
    ("legal-notice", "Ich bin mit der Verarbeitung meiner Daten nach Datenschutzerklärung einverstanden."),
    ("legal-notice", "Mit der Registrierung akzeptiere ich die Nutzungsbedingungen der Portale."),
    ("reader-call", "Submit your letter to the editor via this form. Read more Letters to the Editor."),
    ("reader-call", "We want to hear what you think about this article. Submit a letter to the editor "
                    "or write to letters@theatlantic.com."),
    ("reader-call", "The Times is committed to publishing a diversity of letters to the editor. We’d "
                    "like to hear what you think about this or any of our articles."),
    ("reader-call", "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com."),
    ("legal-notice", "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis "
                     "keine Verbindung zu Twitter her."),
]


@pytest.mark.parametrize("name, line", SIEVED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(SIEVED)])
def test_sieved_line_dropped_and_named(name: str, line: str) -> None:
    assert sieved(line) == name
    assert kept_between(line) == []


def test_sieves_by_length_are_those_that_take_the_line() -> None:
    # For a line of any length: every sieve whose longest line it fits, in SIEVES order.
    from scraper.extract.tidy import _SIEVE_LENGTHS, _SIEVES_UP_TO
    from bisect import bisect_left
    for length in range(max(_SIEVE_LENGTHS) + 2):
        expected = [name for name, _, max_len, _, _, _ in SIEVES if length <= max_len]
        found = _SIEVES_UP_TO[bisect_left(_SIEVE_LENGTHS, length)]
        assert [name for name, _, _, _, _ in found] == expected, length


@pytest.mark.parametrize("name, line", SIEVED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(SIEVED)])
def test_sieve_gate_passes_every_line_its_pattern_matches(name: str, line: str) -> None:
    # In any letter case: the patterns ignore it, so their gates must too.
    for variant in (line, line.upper(), line.lower(), line.swapcase()):
        for _, pattern, _, _, _, gate in SIEVES:
            if gate is not None and pattern.match(variant) is not None:
                assert gate(variant), variant


@pytest.mark.parametrize("name, line", SIEVED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(SIEVED)])
def test_sieve_keys_are_held_by_every_line_its_pattern_matches(name: str, line: str) -> None:
    # A sieve is tried only on lines holding one of its key words where it looks for
    # them: every line it matches, in any letter case, must hold one there.
    for variant in (line, line.upper(), line.lower(), line.swapcase()):
        lowered = variant.lower()
        for _, pattern, _, keys, window, _ in SIEVES:
            if keys and pattern.match(variant) is not None:
                searched = lowered[:window] if window > 0 else lowered[window:]
                assert any(key in searched for key in keys), variant


@pytest.mark.parametrize("line", [
    "本报记者从市版权局获悉，今年以来全市查处未经许可转载他人作品的案件12起，涉案网站已被责令整改。",
    "记者：首先欢迎你来到新华网接受我们的采访，请问你怎样看待农业税补贴问题？",
    "据新华社拉萨电（记者 格桑边觉）记者近日从自治区农业农村厅了解到，全区改造户用卫生厕所4.66万座。",
    "• Blindleistungsmessung und Genauigkeit: Klasse 2 (IEC/EN 62053-23)",
    "Response Votes % Prev Diff",
    "Prev",
    "【专家观点】：城市更新要以人民为中心，稳步推进老旧小区改造。",
    "会议于2024年8月6日在北京召开，各省区市代表参加。",
    "Visitors can leave a reply card at the desk before the museum closes at six.",
    "The version of the bill that appeared in print on Monday had no such clause.",
    "The plant is powered by wind and solar farms spread over three counties, the utility said.",
    "Readers with JavaScript disabled see blank pages on many older sites.",
    "Related: the two cases were linked, police said. Both men were arrested on Monday.",
    "Read more about the plan in the council's report, published on its website.",
    "更多精彩节目将在春节期间陆续播出，敬请关注。",
    "今年全市网站ICP备案审核时间缩短至5个工作日。",
    "关键词：稳中求进。这是今年经济工作的总基调，会议对此作了部署。",
    "Posted in 1990, the letter was never answered.",
    "Posted in the window, the sign warned passers-by.",
    "Filed under seal, it was opened only in 2019.",
    "Published in Nature, the study found that mice sleep more.",
    "He listed three categories: food, shelter, and water.",
    "Posted by Ree in Pioneer Woman",
    "The report, filed under seal: a 40-page memo.",
    "The trackback feature was dropped from the blog software years ago.",
    "Dieser Text wurde unter einer freien Lizenz verbreitet.",
    "Der Beitrag wurde am Montag im Stadtrat vorgestellt und dann im Ausschuss beraten.",
    "The charity asked people to donate today.",
    "Help support local food banks this winter, the mayor urged.",
    "The council will advertise on buses and trams from May.",
    "She decided to become a member of the club in 1990.",
    "The fund helps keep the museum open; donations rose by a third last year.",
    "Wir unterstützen Sie bei der Antragstellung.",
    "Affiliate links are a common way for bloggers to earn money, the study found.",
    "The views expressed in the report are shared by many economists.",
    "The views expressed by the minister drew criticism from the opposition.",
    "The company may earn a commission on each sale, analysts said.",
    "Disclosure: I have worked with both of them on many projects and I pay them when they help me.",
    "Dieser Artikel erschien zuerst in der Zeitung.",
    "I want to read more.",
    "You can read more about the acquisition in our press release today.",
    "Several lessons emerge in the aftermath of the election and Christians should consider them. [Continue reading]",
    "Learn more about the group and their mission in the video below",
    "Back to my original sentiment: I like old stuff.",
    "More than 200 stories were filed.",
    "Most popular among teenagers were phones.",
    "All rights reserved, the label said, and the band agreed to the terms.",
    "Copyright is a hard subject for most photographers.",
    "The crowd in Delhi waits for the results. Sakib Ali/Getty Images",
    "Image via Kirill Linnik/Shutterstock",
    "Photo: Courtesy of Atria Books",
    "He told Reuters.",
    "Reuters",
    "Image copyright law was changed in 2019; photographers welcomed it.",
    "The price rose 3% year on year, input/output data show.",
    "Labels: the tins were marked in red.", "Tagged as a risk, the bridge was closed in May.",
    "This work is licensed to three publishers, the agent said.",
    "Der Text wurde 2019 unter großem Druck geschrieben, sagt die Autorin.",
    "The minister said the figures should not be taken as medical advice.",
    "The data are for informational purposes only, officials said.",
    "The ministry said it does not endorse the festival.",
    "Stock quotes on the exchange were delayed by a glitch on Monday.",
    "I agree with the critics that the new privacy policy is flawed.",
    "Sie verlangte, dass alle Angaben geprüft werden.",
    "Ich habe mich lange mit Datenschutz beschäftigt, sagt die Forscherin.",
    "Wir respektieren die Entscheidung des Gerichts.",
    "The paper received hundreds of letters to the editor after the story ran.",
    "We hope you enjoy the change, and we’d love to hear what you think.",
    "Police said they have a tip line for witnesses.",
], ids=["copyright-news", "interview-question", "dateline-reporter", "standard-number",
        "table-header", "table-cell", "tag-led-sentence", "dated-sentence", "reply-sentence",
        "print-sentence", "powered-sentence", "javascript-sentence", "related-sentences",
        "read-more-sentence", "more-programmes-sentence", "icp-sentence", "keyword-sentence",
        "posted-in-a-year", "posted-in-the", "filed-under-then-clause", "published-in-a-journal",
        "categories-sentence", "byline-with-category", "filed-under-mid-sentence",
        "trackback-sentence", "text-published-de", "contribution-presented-de",
        "donate-in-a-report", "help-support-in-a-quote", "advertise-sentence", "member-sentence",
        "donations-sentence", "support-offer-de", "affiliate-sentence", "views-of-a-report",
        "views-of-a-minister", "commission-in-a-report", "author-disclosure", "article-first-appeared-de",
        "read-more-sentence-end", "read-more-about", "post-continue-reading", "learn-more-about",
        "back-to-sentence", "more-than-stories", "most-popular-sentence",
        "rights-reserved-sentence", "copyright-sentence", "caption-with-credit", "credit-via-writer", "credit-courtesy", "agency-in-a-sentence",
        "agency-alone", "image-copyright-sentence", "slash-in-a-sentence", "labels-sentence",
        "tagged-as-sentence", "licensed-sentence", "text-written-de", "advice-in-a-report",
        "information-purposes-in-a-report", "endorse-in-a-report", "quotes-delayed-sentence",
        "privacy-policy-opinion", "angaben-sentence-de", "datenschutz-sentence-de", "respect-sentence-de",
        "letters-in-a-report", "hear-what-you-think-of-a-change", "tip-sentence"])
def test_article_line_like_a_sieve_kept(line: str) -> None:
    assert sieved(line) is None
    assert kept_between(line) == [line]


@pytest.mark.parametrize("line, editor", [
    ("(松花江网编辑 孙桂芳)", "孙桂芳"),
    ("（责任编辑 李四）", "李四"),
    ("【纠错】 责任编辑： 尹世杰", "尹世杰"),
    ("【编辑:刘欢】 返回搜狐，查看更多", "刘欢"),
], ids=["site-editor-in-parens", "editor-without-colon", "after-a-control", "before-furniture"])
def test_editor_mark_forms_dropped_and_editor_returned(line: str, editor: str) -> None:
    kept, found = tidied([FIRST, line, SECOND])
    assert kept == [FIRST, SECOND]
    assert found == editor


def test_editor_mark_before_a_sentence_kept() -> None:
    line = "【编辑:刘欢】" + SENTENCE
    kept, found = tidied([FIRST, line, SECOND])
    assert kept == [FIRST, line, SECOND] and found is None


# ---------------------------------------------------------------- repeated lines

def test_a_repeated_line_is_judged_once_and_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    # A page may repeat a short line thousands of times (table cells, a nest read as flat
    # text): each distinct line is judged once, and every copy gets that judgement.
    tidy_module = importlib.import_module("scraper.extract.tidy")
    judged: list[str] = []
    real = tidy_module._is_furniture

    def counting(line: str) -> bool:
        judged.append(line)
        return real(line)

    monkeypatch.setattr(tidy_module, "_is_furniture", counting)
    lines = [FIRST, "段落文字", "分享到：", "段落文字", SECOND] * 500
    kept, _ = tidied(lines)
    assert sorted(set(judged)) == sorted({FIRST, "段落文字", "分享到：", SECOND})
    assert len(judged) == 4
    assert kept == [FIRST, "段落文字", "段落文字", SECOND] * 500


# ---------------------------------------------------------------- comment threads

ARTICLE = [
    "The council voted on Tuesday to close the old bridge to traffic for the summer months.",
    "Engineers found cracks in two of its piers last year, and repairs will take until October.",
    "Drivers are asked to use the ring road, where a temporary lane has been opened for buses.",
]
THREAD = ["Great post, thanks for sharing this with us.",
          "Posted by: Jane Doe | Mar 26, 2007 2:01:23 PM",
          "I drive over that bridge every day and never noticed a thing."]


@pytest.mark.parametrize("heading", [
    "Comments", "2 comments:", "Comments (12)", "READER COMMENTS:", "User comments",
    "1 Comment", "Comment (3)", "7 Responses to “How to close a bridge”",
    "One thought on “Bridge closed for the summer”", "40 Responses to \"Bridge closed\"",
    "12 Kommentare", "Kommentare (3)", "3 commentaires", "Comentarios", "Commenti",
    "5 Replies", "Two reactions",
    "Leave a Reply", "Leave a Reply to John Smith", "Post a comment", "Add new comment",
    "Tell us what YOU think...", "TELL US WHAT YOU THINK:", "Share your thoughts", "Have your say",
    "Join the discussion", "Schreibe einen Kommentar", "Laisser un commentaire",
    "Deja un comentario", "Lascia un commento",
])
def test_comment_thread_under_the_article_dropped(heading: str) -> None:
    kept, _ = tidied([*ARTICLE, heading, *THREAD])
    assert kept == ARTICLE


@pytest.mark.parametrize("heading", [
    "Comment", "Responses", "Thoughts on the closure", "Discussion", "Reactions",
    "Comments from the mayor were not expected until Friday.", "What do you think?",
    "Tell us what you think about the closure by Friday, the council asked residents.",
])
def test_text_under_a_heading_like_a_thread_heading_kept(heading: str) -> None:
    # (A lone "Comment" goes as interface words; the text under it stays.)
    closing = "The bridge will reopen in October, the council said in a statement."
    kept, _ = tidied([*ARTICLE, heading, closing])
    assert kept[:3] == ARTICLE and kept[-1] == closing


def test_comment_count_above_the_article_does_not_end_it() -> None:
    # "7 Comments" under the headline: little or no article text stands above it.
    kept, _ = tidied(["7 Comments", *ARTICLE])
    assert kept == ARTICLE
    kept, _ = tidied([ARTICLE[0][:60], "7 Comments", *ARTICLE[1:]])
    assert kept == [ARTICLE[0][:60], *ARTICLE[1:]]


def test_comment_thread_traced() -> None:
    why: dict[int, str] = {}
    tidy([*ARTICLE, "Comments", *THREAD], [True] * 7, title=None, captions=[], why=why)
    assert [why[index] for index in range(3, 7)] == ["under a comments heading"] * 4


# ---------------------------------------------------------------- related lists in the core

HEADLINES = ["Mayor opens new ring road lane for buses", "Five bridges to visit this summer",
             "Council budget: what changes in 2024"]


@pytest.mark.parametrize("heading", ["Related Coverage", "DON'T MISS", "More stories",
                                     "You may also like", "Verwandte Artikel", "Leggi anche"])
def test_related_list_under_the_article_in_the_core_dropped(heading: str) -> None:
    kept, _ = tidied([*ARTICLE, heading, *HEADLINES])
    assert kept == ARTICLE


def test_related_box_inside_the_text_keeps_the_text_below_it() -> None:
    # A box of links set between paragraphs: prose follows it, so it ends nothing.
    closing = ("The bridge will reopen in October, the council said in a statement on Monday, "
               "once both piers are repaired.")
    kept, _ = tidied([*ARTICLE, "Related Coverage", *HEADLINES, closing])
    assert kept[:3] == ARTICLE and kept[-1] == closing


def test_related_list_traced() -> None:
    why: dict[int, str] = {}
    tidy([*ARTICLE, "More stories", *HEADLINES], [True] * 7, title=None, captions=[], why=why)
    assert [why[index] for index in range(3, 7)] == ["under a related-articles heading"] * 4


def test_any_key_finds_a_key_where_holds_any_does() -> None:
    from hypothesis import given, strategies as st
    from scraper.extract.measures import any_key, holds_any

    keys = ("ab", "a", "xyz", "zz", "页面", "join our", "/", "«")
    found = any_key(keys)

    @given(st.text(alphabet="abxyz 页面/«join our", max_size=30))
    def check(text: str) -> None:
        assert (found.search(text) is not None) == holds_any(text, keys)

    check()


def test_furniture_key_words_all_open_the_joint_search() -> None:
    from scraper.extract import tidy as T
    keys = [*(key for keys, _ in PP.PROMO_GROUPS for key in keys),
            *(key for _, _, _, keys, _, _ in SIEVES for key in keys)]
    assert keys and all(T._ANY_KEY.search(f"plain {key} words") for key in keys)
    assert T._ANY_KEY.search("那是一句没有任何关键字的话") is None


@pytest.mark.parametrize("line", [
    "Subscribe to our newsletter for more.", "Privacy policy and terms of use apply.",
    "上一页 下一页", "Image copyright Getty Images", "A plain sentence of the article."])
def test_sieved_without_keys_agrees_when_no_key_is_there(line: str) -> None:
    from scraper.extract import tidy as T
    if T._ANY_KEY.search(line.lower()) is None:
        assert sieved(line, keyed=False) == sieved(line)
    else:
        assert sieved(line) == sieved(line, line.lower())
