"""Every word list, regex and threshold used to read the channel (栏目): the site's
section that holds the page, from its ``<meta>`` tags or its breadcrumb (see
``channel``).

Each name carries a comment: what it catches and one real example it matched.
"""

from __future__ import annotations

import re

# <meta> names holding the site's section that holds the page, best first.
# e.g. <meta name="ColumnName" content="政策文件"> (the Chinese government-site convention),
# <meta property="article:section" content="Politics">
CHANNEL_META = ("columnname", "article:section", "og:article:section")
# Channel values that name no section. e.g. article:section "Uncategorized", "null", "All"
CHANNEL_UNKNOWN = frozenset({"null", "none", "undefined", "uncategorized", "uncategorised", "all",
                             "default", "posts", "tags", "homepage", "未分类", "默认栏目"})
# Elements that are a breadcrumb by their class or id (one query, case-insensitive).
# e.g. <nav class="breadcrumb">, <div class="w1000 crumbs">, <div class="dqwz"> (当前位置),
# <div class="mbx"> (面包屑)
BREADCRUMB_STEMS = ("crumb", "dqwz", "mbx")
BREADCRUMB_SELECTOR = ", ".join(f"[{attr}*={stem} i]" for stem in BREADCRUMB_STEMS
                                for attr in ("class", "id"))
# The label that opens a breadcrumb, with its colon. e.g. "当前位置：首页 > 政务公开",
# "您现在的位置：", "您的位置:", "现在位置：", "所在位置：", "位置：", "You are here:"
POSITION_LABEL = re.compile(
    r"""^\s*(?:(?:您|你)?(?:现在|目前|当前|所在)?的?(?:所在)?位置
         | 当前页面 | 当前栏目
         | current\s+location | you\s+are\s+here)\s*[:：]\s*""",
    re.VERBOSE | re.IGNORECASE)
# The labels that open a breadcrumb without a breadcrumb class, looked for in the page's
# text (one fast search for a hint first), then the element holding them is read. Classes
# such as "position", "location", "weizhi" are read this way, by their label: as classes
# they also name tag clouds, places and map widgets, and a second query would cost every page.
# e.g. <div class="current-location">当前位置：…, <table id="MyPosition02">位置： 首页 > …,
# "您现在的位置：", "You are here:"
POSITION_HINTS = ("位置", "You are here", "You Are Here")
POSITION_WORDS = ("当前位置", "现在位置", "现在的位置", "您的位置", "你的位置", "所在位置",
                  "目前位置", "位置：", "位置:", "You are here", "You Are Here")
# How many elements up from the one holding a 当前位置 label its crumbs are looked for.
# e.g. <div><span>当前位置：</span><a>首页</a> > <a>政务公开</a></div> (one up)
BREADCRUMB_LABEL_LEVELS = 3
# Separators between crumbs. e.g. "首页 > 政务公开 >> 政策文件", "首页 » News", "首页 ＞ 要闻",
# "首页 → 新闻", "Home / World", "首页 - 新闻中心" (a dash only with spaces around it)
CRUMB_SEPARATOR = re.compile(r"\s*(?:&gt;|[>›»＞→/／\\|｜]|-+>|—+>?|-{2,}|\s[-·]\s)\s*")
# Crumbs that name the site's home, never a channel. e.g. "首页", "网站首页", "Home",
# "Startseite", "Accueil", "Главная"
HOME_CRUMBS = frozenset({"首页", "网站首页", "主页", "返回首页", "本站首页", "首 页", "home",
                         "homepage", "home page", "startseite", "start", "accueil", "inicio",
                         "início", "главная", "strona główna", "home »"})
# Crumbs that name the page itself or a move from it, not its channel.
# e.g. "首页 > 政策文件 > 正文", "‹ Zurück", "Vorheriges | Nächstes"
PAGE_CRUMBS = frozenset({"正文", "详情", "内容", "正文内容", "文章内容", "详细内容", "详细信息",
                         "内容详情", "文章详情", "阅读文章", "浏览文章", "article", "details",
                         "back", "next", "previous", "zurück", "‹ zurück", "weiter",
                         "nächstes", "vorheriges", "返回", "上一篇", "下一篇"})
# A crumb longer than this is a headline or a sentence, not a channel's name; a crumb
# holding Han characters, longer than the CJK limit. e.g. "Biologie & Wissenschaft" (23)
# is a channel, "关于印发某某办法的通知" (11) may be a headline, caught by the title test.
CRUMB_MAX_CHARS = 30
CJK_CRUMB_MAX_CHARS = 15
# A breadcrumb's text longer than this is a block that holds more than the breadcrumb.
BREADCRUMB_MAX_CHARS = 200
# A crumb ending so is a shortened headline; one ending in a colon is a label.
# e.g. "关于印发某某办法的…", "Current:"
CRUMB_SHORTENED = ("…", "...", "..")
CRUMB_LABEL_END = (":", "：")
# A crumb this long or longer that the headline holds is a piece of the headline.
# e.g. "Interne Unterlagen im Netz" of "Daten von Rheinmetall gehackt - Interne Unterlagen im Netz"
CRUMB_HEADLINE_PART_CHARS = 8
# Marks trimmed from a crumb. e.g. "• The White House Blog", "News and Updates\u200e"
CRUMB_TRIM = " •·\u200e\u200f"
