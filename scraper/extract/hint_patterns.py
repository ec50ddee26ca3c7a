"""The class and id words that say what an element is (the article, a comment thread,
boilerplate), and the values they give a node's hint; read by ``hints``.

Class/id hints are matched against the element's ``class`` and ``id`` joined together.
Short words are matched as whole tokens (split on ``-``, ``_``, spaces, digits and
camelCase humps) so that ``nav`` does not fire inside ``canvas``; long, unambiguous
stems are matched as substrings so that ``breadcrumbs`` and ``sharebox`` still fire.
"""

from __future__ import annotations

import re

# Readers' comments (评论 = pinglun; Disqus's ``disqus_thread``, WordPress's ``respond``):
# a thread may hold more prose than the article it follows, so it is not spared for
# its length alone (see NEVER_ARTICLE_OUTSIDE_MIN).
_COMMENT_TOKENS = ("comment", "comments", "pinglun", "reply", "replies", "disqus", "respond")
# The author's box under the article (``author-info``, ``about_author``): a bio, a photo
# and links, with more prose than a short post; the byline is read before.
_AUTHOR_TOKENS = ("author", "authors", "autor", "autorin")
# Words that, beside an author word and nothing else in one class name, make it the
# author's box even inside the article's wrapper words: ``article-author``,
# ``author-content``, ``post-author-bio``, ``blog_author_description``. A name that
# adds anything else (WordPress's ``author-admin``, ``entry-author-bobsutton`` on
# every post by that author) only says who wrote the article.
_AUTHOR_BOX_PARTS = (
    "bio", "box", "about", "info", "description", "desc", "details", "profile", "card",
    "block", "wrap", "wrapper", "container", "section", "area", "inner", "module", "short",
    "footer",
)
# Short boilerplate words, matched as whole tokens of class/id.
_NEGATIVE_TOKENS = (
    # navigation and breadcrumbs (当前位置 = dqwz, 面包屑 = mbx)
    "nav", "navi", "menu", "menus", "crumb", "crumbs", "breadcrumb", "breadcrumbs", "dqwz", "mbx",
    "topbar", "subnav", "navbar", "sitemap",
    # header / footer
    "footer", "foot", "masthead", "copyright", "banquan",
    # sidebars
    "sidebar", "aside",
    # share bars (bdshare = Baidu share, jiathis)
    "share", "sharing", "social", "bdshare", "jiathis", "bshare", "fenxiang",
    # related and recommended (相关新闻 = xgxw, 相关文章 = xgwz, 推荐 = tuijian)
    "related", "relate", "xgxw", "xgwz", "xglj", "recommend", "recommended",
    "tuijian", "recomm",
    # rankings and hot lists (排行 = paihang)
    "rank", "ranking", "hotnews", "paihang", "phb", "top10", "popular", "trending",
    # comments (评论 = pinglun)
    *_COMMENT_TOKENS,
    # advertising
    "ad", "advert", "advertisement", "banner", "gg", "sponsor", "sponsored", "promo",
    "adsbygoogle",
    # page furniture
    "login", "search", "tools", "toolbar", "pager", "pagination", "pages", "paging",
    "subscribe", "newsletter", "popup", "modal", "cookie", "cookies", "consent", "gdpr",
    "keywords", "marquee", "ticker",
    "skip", "qrcode", "erweima",
    # the author's box under the article (bio, photo, links): the byline is read before
    *_AUTHOR_TOKENS,
)
# Boilerplate words that are also parts of CSS utility names: they count only at the
# start of a class or id. ``hidden-xs`` and ``no-print`` mark responsive duplicates
# and page furniture; ``field--label-hidden`` or ``has-ads`` mark nothing.
NEGATIVE_CLASS_PREFIXES = ("hidden", "hide", "no-print", "noprint", "print", "ads", "ad-",
                           "adsense", "d-none")
# Words that often, not always, mark boilerplate (``left-side`` columns, ``rail``
# layouts, Elementor's ``widget`` on every block): they lower a block's score only.
_WEAK_NEGATIVE_TOKENS = (
    "side", "widget", "widgets", "rail", "more", "hot", "tags", "tag", "byline", "extra",
    "header", "top", "bottom", "position", "location", "info",
)
# Long boilerplate stems, matched as substrings of class/id.
_NEGATIVE_STEMS = (
    "breadcrumb", "copyright", "footer", "sidebar", "comment", "share", "related", "recommend",
    "navbar", "navigation", "advert", "sponsor", "newsletter", "subscribe", "pagination",
    "paihang", "bdshare", "jiathis", "disclaimer", "shengming", "mianze", "cookie", "consent",
    "author-bio", "app-download", "subscription",
    # sign-up boxes for a newsletter or an account (``wh-signup-block``, ``signup-form``)
    "signup", "sign-up",
    # drawers that slide in over the page (Bootstrap, Foundation): menus, carts, contact cards
    "offcanvas", "off-canvas",
)
# Words that mark the article container; they protect an element from the negative hints.
_POSITIVE_TOKENS = (
    "article", "articles", "content", "contents", "main", "body", "text", "post", "entry",
    "story", "detail", "details", "zhengwen", "zw", "news-content", "con", "cont", "txt",
    "artibody", "maincontent", "postbody", "blog",
)
_POSITIVE_STEMS = ("article", "content", "trs_editor", "zhengwen", "artibody", "story", "postbody",
                   "entry-content", "正文")

# Class words by which a page tells search engines that a block is not its content
# (Google's ``nocontent``, Yahoo's ``robots-nocontent``, ``noContent``): boilerplate
# whatever else the class says, and never the positive ``content`` they contain.
NOT_CONTENT = re.compile(r"(?<![a-z])no[-_ ]?content(?![a-z])")

# Print-stylesheet classes that name the part of the page a printout holds: the recipe
# card under a food post (``div.printable``), the ingredients (``div.print-full``), the
# region a print button prints (``print-area``). They start with the ``print`` of
# NEGATIVE_CLASS_PREFIXES (print buttons, print-only headers) but mark content, unless
# they say the part is left out (``printable--none``).
PRINTED_PART = re.compile(
    r"(?<![a-z])(?:printable(?![-_]*(?:none|hidden|hide)(?![a-z]))|print[-_]?(?:full|area)(?![a-z]))")
# What every PRINTED_PART match holds: a substring test first, a tenth of the search.
PRINTED_PART_KEY = "print"

_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def hint_text(value: str) -> str:
    """A class/id string lower-cased with camelCase humps split: ``mainNav`` → ``main nav``."""
    lowered = value.lower()
    return lowered if lowered == value else _CAMEL_HUMP.sub(" ", value).lower()


# Every byte but an ASCII lower-case letter, as a space: what splits a hint text into
# words (a non-ASCII character's UTF-8 bytes, all above 127, split words too).
_LETTERS_ONLY = bytes(code if 97 <= code <= 122 else 32 for code in range(256))


def hint_words(text: str) -> set[str]:
    """The words of a ``hint_text``: its runs of letters (a-z). One byte translation
    and a split on spaces: half the cost of a regex split, and the walk asks for the
    words of every new class/id it meets."""
    letters = text.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY)
    return set(letters.decode("ascii").split())


def _words(words: tuple[str, ...]) -> frozenset[str]:
    """A word group for whole-word matching; refuses to be empty."""
    if not words:
        raise ValueError("empty word group")
    return frozenset(words)


def _stems(stems: tuple[str, ...]) -> re.Pattern[str]:
    """A stem group for substring matching (one C-level search); refuses to be empty."""
    if not stems:
        raise ValueError("empty stem group")
    return re.compile("|".join(map(re.escape, stems)))


def _prefixes(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Words at the start of a class or id (after a space or the start)."""
    if not prefixes:
        raise ValueError("empty prefix group")
    return re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, prefixes)) + ")")


NEGATIVE_WORDS = _words(_NEGATIVE_TOKENS)
WEAK_NEGATIVE_WORDS = _words(_WEAK_NEGATIVE_TOKENS)
POSITIVE_WORDS = _words(_POSITIVE_TOKENS)
NEGATIVE_STEMS = _stems(_NEGATIVE_STEMS)
POSITIVE_STEMS = _stems(_POSITIVE_STEMS)
NEGATIVE_PREFIXES = _prefixes(NEGATIVE_CLASS_PREFIXES)
COMMENT_WORDS = _words(_COMMENT_TOKENS)
AUTHOR_WORDS = _words(_AUTHOR_TOKENS)
AUTHOR_BOX_WORDS = _words(_AUTHOR_TOKENS + _POSITIVE_TOKENS + _AUTHOR_BOX_PARTS)
# Comment containers named in one word: ``commentlist``, ``jc_commentsDiv``, ``dsq-comments``.
COMMENT_STEMS = _stems(("comment",))
# …but a live report's running commentary (``live-match-comments``, ``liveblog-comment``)
# is the article itself.
LIVE_WORDS = _words(("live", "liveblog", "liveticker"))

# How many distinct class/id strings keep their computed hint (a few hundred per site).
HINT_CACHE_SIZE = 16384
# Class/id hint values: boilerplate for sure, boilerplate unless it holds prose.
STRONG_NEGATIVE = -2
WEAK_NEGATIVE = -1
# Score added or subtracted per unit of class/id hint (readability's weight is 25).
CLASS_WEIGHT = 25

# Class/id words of caption blocks (``pictext``, ``wp-caption-text``, 图注 blocks ``tu``).
CAPTION_HINT = _words(("caption", "pictext", "pic", "img", "image", "photo", "figcaption", "tu",
                       "pictitle", "imgtitle", "pic_txt", "credit", "wp-caption-text"))
