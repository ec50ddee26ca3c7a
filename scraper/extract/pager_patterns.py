"""Every word list, pattern and threshold the pager reader (``pager``) uses, named once.

A multi-page article (分页) names its other pages in one of four ways: ``<link
rel="next">`` / ``<a rel="prev">``; a pager of links under the body
(``上一页 [1] [2] [3] 下一页``, ``« 1 2 Next page »``); a TRS script call that draws the pager
in the browser (``createPageHTML(3, 0, "t20240806_5521", "html")``); or numbered links
alone. Each pattern below says what it catches and one real case it matched.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- the cheap gate

# A page with a pager almost always carries one of these markers somewhere in its
# source. A page with none of them, and no link to a page-suffixed copy of its own file
# name (``SUFFIX_AFTER_STEM``), is not read further: most pages have no pager. They are
# looked for in the page's UTF-8 bytes, where a substring search is many times faster
# than in a str holding CJK text or emoji.

# UTF-8 lead bytes of the CJK Unified Ideographs (U+4E00–U+9FFF). A page without any of
# them holds no Chinese text, hence no 页 and no TRS pager (a Chinese CMS): a search for
# one byte is many times cheaper than one for a word, so other pages are spared those.
CJK_LEAD_BYTES = (b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9")

# Words of a pager of links, 上一页 [1] [2] 下一页: ``PAGE_WORD_BEFORE`` (上, 下, 前 or 后,
# perhaps 一) right before a ``PAGE_CHAR`` (页); each 页 is looked at, not 首页 or 页面.
PAGE_CHAR = "页".encode()
PAGE_WORD_BEFORE = re.compile("(?:上|下|前|后)(?:一)?$".encode())
# The TRS pager script.
TRS_MARKER = b"createPageHTML"
# rel="next" / rel="prev" in the head: "rel=" is searched, then what follows it, up to
# the end of the head.
HEAD_END = b"</head>"
REL_MARKER = b"rel="
REL_VALUES = (b"next", b'"next', b"'next", b"prev", b'"prev', b"'prev")

# ---------------------------------------------------------------- link texts

# The text of a link to the article's next page: 下一页, 下页, 后一页, "Next page",
# "Nächste Seite", "Następna strona", "Page suivante", "Next ›", "»".
NEXT_PAGE_TEXT = re.compile(
    r"""^(?:
        下一?页 | 后一?页 | 下一分页
      | next(?:\s*page)? | next\s*[›»>]+ | [›»>]{1,2}
      | nächste\s*seite | weiter | następna(?:\s*strona)? | page\s*suivante | página\s*siguiente
      | pagina\s*successiva | volgende\s*pagina
    )$""", re.IGNORECASE | re.VERBOSE)
# The text of a link to the article's previous page: 上一页, 上页, 前一页, "Previous page", "«".
PREV_PAGE_TEXT = re.compile(
    r"""^(?:
        上一?页 | 前一?页 | 上一分页
      | prev(?:ious)?(?:\s*page)? | [‹«<]+\s*prev(?:ious)? | [‹«<]{1,2}
      | vorherige\s*seite | zurück | poprzednia(?:\s*strona)? | page\s*précédente
      | página\s*anterior | pagina\s*precedente | vorige\s*pagina
    )$""", re.IGNORECASE | re.VERBOSE)
# A page number as pagers print it: 2, [2], 【2】, 第2页, "Page 2", "Seite 2".
PAGE_NUMBER_TEXT = re.compile(
    r"^[\[【(（]?\s*(?:第\s*)?(?:page\s*|seite\s*|strona\s*)?(\d{1,3})\s*页?\s*[\]】)）]?$",
    re.IGNORECASE)
# Links to the previous or next *article*, never a page of this one: 上一篇, 下一篇, 上篇,
# 下篇, "Previous post", "Next article", "Older post", "Vorheriger Beitrag", "Nächster
# Artikel". A pager holding one is the site's article navigation.
ARTICLE_NAV_TEXT = re.compile(
    r"""(?:
        上一篇 | 下一篇 | 上篇 | 下篇 | 上一条 | 下一条 | 上一则 | 下一则
      | (?:previous|prev|next|older|newer)\s*(?:post|article|story|entry|news)
      | (?:vorheriger|nächster)\s*(?:beitrag|artikel)
    )""", re.IGNORECASE | re.VERBOSE)

# Words that make a next/previous link a *page* link by themselves (下一页, "Next page",
# "Nächste Seite"), where "Next", "»" and "Weiter" may also lead to the next article.
# Only such links, and numbered ones, may name a page outside the article's path stem.
EXPLICIT_PAGE_WORD = re.compile(r"页|page|seite|strona|pagina|página", re.IGNORECASE)
# Longest link text read as a pager item: pager links are words or numbers, never
# headlines (a 下一篇 link often carries the next article's headline).
PAGER_TEXT_MAX = 24
# Most numbered links one pager may hold: a pager shows a window of pages, while a run
# of dozens of numbers is a calendar, a ranking or a table.
PAGER_LINKS_MAX = 30

# ---------------------------------------------------------------- where a pager sits

# Tags that hold a pager as a whole; the items inside (li, span, b, font) do not.
PAGER_HOLDER_TAGS = frozenset(("div", "p", "nav", "ul", "ol", "td", "center", "section",
                               "form", "footer", "table", "tr", "dd", "article", "main", "body"))
# Class/id words of comment sections, whose pagers page the comments (评论 = pinglun,
# 留言 = liuyan, 回复 = huifu): class="menu_comments", id="pagination_comms", id="pl_list".
COMMENT_HINT = re.compile(
    r"(?:comment|comms|pinglun|liuyan|huifu|reply|replies|respond|discuss|review|(?:^|[\s_-])pl(?:$|[\s_-]))",
    re.IGNORECASE)
# URL parts of comment pages: ?cpage=2, /comment-page-2/, ?paged1=2#pagination_comms,
# #comments, pinglun.php?page=2.
COMMENT_URL = re.compile(r"(?:comment|comms|pinglun|liuyan|reply|cpage|#respond)", re.IGNORECASE)
# Ancestors of a pager searched for comment words, and for the body it follows.
PAGER_ANCESTORS = 4
# Sentence ends that mark prose (the article body) as opposed to a list of links.
SENTENCE_END = re.compile(r"[。！？；]|[.!?](?=\s|$)")
# Sentences a block before a pager must hold for the pager to be its body's own pager:
# a channel's pager follows a list of headlines, which end in no full stop.
PAGER_BODY_MIN_SENTENCES = 3
# Preceding blocks with text looked at for that body, at the nearest level that has any.
PAGER_BODY_SIBLINGS = 3
# Links in a block without sentences that make it a list of links, which stands between
# a pager and the body: a channel's headlines, a view of teasers.
LIST_MIN_LINKS = 2

# ---------------------------------------------------------------- the TRS script

# The TRS pager call and its variants; its arguments are read by ``TRS_ARGUMENT``:
#   createPageHTML(3, 0, "t20240806_5521", "html");                 count, index, stem, ext
#   createPageHTML(countPage, currentPage, "t20240806_5521", "shtml");  variables set above
#   createPageHTML('page_div', 3, 1, 't20240806_5521', 'html', 42);  element id first,
#                                                                     record count last
# (read from the page's bytes, like the markers)
TRS_CALL = re.compile(rb"\bcreatePageHTML\s*\(([^()]{1,300})\)")
# One argument: a quoted string, a number, or a variable name.
TRS_ARGUMENT = re.compile(rb"""\s*(?:"([^"]*)"|'([^']*)'|(\d+)|([A-Za-z_$][\w$]*))\s*(?:,|$)""")
# ``var countPage = 3`` / ``currentPage=0;``: the values of the call's variables.
TRS_VARIABLE = re.compile(rb"\b([A-Za-z_$][\w$]*)\s*=\s*(\d+)\b")

# ---------------------------------------------------------------- URLs of pages

# The highest page number believed: larger numbers are article or record ids.
MAX_PAGE_NUMBER = 999
# File extensions of pages, kept apart from the stem: t20240806_5521_2.shtml.
PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|cms)$", re.IGNORECASE)
# A page suffix marked by a word, at the end of a path without its extension:
# .../seite-2 (zeit.de), ...-p2 (faz.net), ...,nPack,2 (interia.pl), .../page/2, _page3.
MARKED_PAGE_SUFFIX = re.compile(
    r"(?:/|[_-])(?:seite|page|pagina|strona)[-_/]?(\d{1,3})/?$|-p(\d{1,3})$|,npack,(\d{1,3})$",
    re.IGNORECASE)
# A bare page suffix: t20240806_5521_2 (TRS), 12345-2, .../12345/2/. Taken as a page
# number only against a stem that ends in an article id (``ARTICLE_ID_END``) or that is
# the other page's whole path: art_12 and art_13 are two articles, not two pages.
BARE_PAGE_SUFFIX = re.compile(r"(?:[_-]|/)(\d{1,3})/?$")
# An article id closing a stem: t20240806_5521, 5222535.
ARTICLE_ID_END = re.compile(r"\d{4,}$")
# Query parameters that carry a page number: ?page=2, ?pg=3, ?pageNo=2, ?pn=2, ?nPage=2.
# Not ``p`` (WordPress's post id: ?p=2905 is another article).
PAGE_PARAM = re.compile(
    r"^(?:page|pg|pageno|page_no|pagenum|pagenumber|pageindex|pn|curpage|currentpage|npage|ipage)$",
    re.IGNORECASE)
# What follows the page's own file stem in a link to one of its other pages: the gate
# for pagers of numbered links alone (t20240806_5521_2.shtml, ...-p2.html, /seite-2).
SUFFIX_AFTER_STEM = re.compile(
    rb"(?:[_-]p?\d|/seite|/page|/\d|,nPack|(?:\.\w{2,5})?\?(?:[^\"'\s<>]*&(?:amp;)?)?(?:page|pg|pn|pageno)=\d)",
    re.IGNORECASE)
