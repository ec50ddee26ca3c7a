"""Every word list, regex and threshold used to read page metadata.

Each name carries a comment: what it catches and one real example it matched.
Dates have their own patterns in ``dates.py``, the channel (栏目) in
``channel_patterns.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Triggered:
    """A pattern tried only where its trigger, a one-character class, matches.

    Python's ``re`` scans text for one character class many times faster than for an
    alternation of words, so each labelled pattern names the first characters it can
    start with. A text holding none of them (an English page for a Chinese label) is
    ruled out by ``in`` tests first, which run at memory speed. Same
    ``finditer``/``search`` interface as a compiled pattern.
    """

    first_chars: str
    trigger: re.Pattern[str]
    pattern: re.Pattern[str]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        if not any(char in text for char in self.first_chars):
            return
        end = len(text) if endpos is None else endpos
        for hit in self.trigger.finditer(text, pos, end):
            match = self.pattern.match(text, hit.start(), end)
            if match is not None:
                yield match

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


def triggered(first_chars: str, pattern: str, flags: int = 0) -> Triggered:
    """A Triggered pattern that can only start with one of ``first_chars``."""
    return Triggered(first_chars, re.compile(f"[{re.escape(first_chars)}]"),
                     re.compile(pattern, flags))


# ---------------------------------------------------------------- <meta> and JSON-LD

# <meta> names/properties (lower-cased) holding the publication time, best first.
# e.g. <meta property="article:published_time" content="2019-11-19T10:00:00Z">,
# <meta name="PubDate" content="2022-02-11 09:52"> (Chinese government CMS)
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "og:release_date", "article.published", "published_time",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.date",
    "date", "firstpublishedtime", "article:published", "weibo:article:create_at",
)
# <meta> names holding the last modification time. e.g. og:updated_time, itemprop=dateUpdate
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dateupdate",
    "lastmodifiedtime", "dc.date.modified", "dcterms.modified", "weibo:article:update_at",
)
# <meta> names holding the headline. e.g. <meta name="ArticleTitle" content="为现代化…">
TITLE_META = ("og:title", "twitter:title", "articletitle", "headline", "dc.title")
# <meta> names holding the originating outlet (来源). e.g. <meta name="ContentSource"
# content="巴彦淖尔日报">, <meta name="mediaid" content="中国新闻网"> (sohu)
SOURCE_META = ("contentsource", "source", "mediaid", "og:article:source", "article:source")
# <meta> names holding the writer. e.g. <meta name="author" content="Jane Doe">
AUTHOR_META = ("author", "article:author", "byl", "parsely-author", "dc.creator", "sailthru.author")
# <meta> names holding the site's name. e.g. og:site_name "The New York Times",
# <meta name="SiteName" content="巴彦淖尔市人民政府">
SITE_META = ("og:site_name", "sitename")
# <meta> names only Chinese government sites carry (the national convention): such a
# site's bare times are Beijing time (+08:00) on its English pages too.
# e.g. <meta name="SiteIDCode" content="3501000001">, <meta name="ColumnName" content="News">
GOVERNMENT_SITE_META = ("siteidcode", "columnname", "articletitle", "contentsource")
# <meta> names holding the site's domain: its name when it states none and the URL is not
# known (a saved file). e.g. <meta name="SiteDomain" content="www.fuzhou.gov.cn">
SITE_DOMAIN_META = ("sitedomain",)
# <meta> names holding the language. e.g. <meta http-equiv="content-language" content="zh-CN">
LANGUAGE_META = ("content-language", "language", "og:locale", "dc.language")

# The script type of JSON-LD. e.g. <script type="application/ld+json">
JSONLD_TYPE = "application/ld+json"
# schema.org types whose JSON-LD describes the article itself.
# e.g. {"@type": "NewsArticle", "headline": …, "datePublished": …}
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage",
    "analysisnewsarticle", "opinionnewsarticle", "report", "scholarlyarticle",
    "socialmediaposting", "liveblogposting", "techarticle", "backgroundnewsarticle",
})
# JSON-LD scripts longer than this are skipped: a data dump, not page metadata.
JSONLD_MAX_CHARS = 200_000

# An author value that names a site, a company or an id, not a person.
# e.g. "www.yunnan.cn,云南日报报业集团,云南网", "L_104485", "Discuz! Team and Comsenz UI Team"
AUTHOR_JUNK = re.compile(
    r"""https?:|www\.|\.com|\.cn\b|@|\d{3}|_\d
      | \b(team|staff|admin|administrator|editor|webmaster|inc|ltd)\b
      | 网络|公司|集团|报业|网站|管理员|编辑部|本站""", re.VERBOSE | re.IGNORECASE)
# A CJK author value that is an outlet or a government body, not a person.
# e.g. article:author "环球网" (sina), <meta name="Author" content="福州市人民政府">,
# "市应急管理局", "市政府办公厅"
AUTHOR_OUTLET = re.compile(r"[\u4e00-\u9fff](?:报|网|社|台|刊|新闻|频道|客户端|之家"
                           r"|政府|办公厅|办公室|委员会|管理局|局|厅|委|署|中心)$")

# ---------------------------------------------------------------- title

# Separators between a headline and the site/channel names in <title>.
# e.g. "四年前中500万现穷困潦倒__商贸_产业资讯_新浪网", "X - 要闻云南 - 云南日报网",
# "工商部门初定SKII广告属于虚假宣传-搜狐财经", "拿起跨界…成长--大河网"
TITLE_SEPARATOR = re.compile(
    r"""\s*_+\s*                          # 新浪: title_channel_site
      | \s*[|｜]\s*                       # title | site
      | \s+[-–—:·•»]+\s+                  # spaced dashes: "title - site"
      | (?<=[^\x00-\x7f])\s*-+\s*(?=[^\x00-\x7f])   # unspaced dash between CJK: 宣传-搜狐
      | (?<=[^\x00-\x7f])\s*-+\s*(?=[A-Za-z])       # 宣传-Sohu
      | \s*-{2,}\s*(?=\S)                          # 成长--大河网, 发布Vista--雅虎新闻
    """, re.VERBOSE)
# A trailing <title> segment at most this long (characters) is a site or channel name.
# e.g. "搜狐财经", "新浪房产", "The New York Times"
SITE_SEGMENT_MAX_CHARS = 18
# A stripped <title> this short names only the site when no headline matched it.
# e.g. "北医新闻网" from "北医新闻网_(新闻)"
SITE_ONLY_MAX_CHARS = 6
# Words that mark a <title> segment as a site or channel name whatever its length.
# e.g. "巴彦淖尔市人民政府网", "河南日报网-河南日报官方网站"
SITE_SEGMENT_WORDS = re.compile(
    r"网$|网站|官网|官方|门户|首页|频道|在线|新闻中心|政府|\.(com|cn|net|org)\b"
    r"|\b(news|online|times|post|daily|magazine|official)\b", re.IGNORECASE)
# A headline shorter than this is not trusted as the title. e.g. "首页"
TITLE_MIN_CHARS = 4
# A headline longer than this is a paragraph, not a title.
TITLE_MAX_CHARS = 200
# Elements that hold the on-page headline, most specific first.
# e.g. <h1>, <td class=bt_title>, <div class="article-title">, <div class="Heading">
# (<h1> comes from the single metadata query; these are read only when no <h1> matched.)
HEADLINE_SELECTORS = ("h2, [class*=title i], [id*=title i], [class*=headline i], "
                      "[class*=heading i], th")
# How many headline candidates of one selector are compared with <title>.
HEADLINE_CANDIDATES_MAX = 40

# ---------------------------------------------------------------- visible text

# How many visible lines are read from the top of the page: the headline, info line
# and byline sit in the first few hundred; huge pages stay cheap.
SCAN_LINES_MAX = 1000
# A line longer than twice the title plus this cannot be the headline's line.
TITLE_LINE_SLACK = 20
# A line of script or style code that shows up among the text lines (inline <script>
# in the body is text to the parser): skipped in the info block.
# e.g. "document.write('<a href=…>')", "var s = {…};"
CODE_LINE = re.compile(r"[{};]\s*$|^\s*[{}]|\bfunction\s*\(|\b(?:document|window)\.|^\s*var\s")
# Substrings one of which every CODE_LINE match holds: lines without any skip the regex.
CODE_HINTS = ("{", "}", ";", "function", "document.", "window.", "var")
# Any of CODE_HINTS, in one search (a generator of seven ``in`` tests costs three times more).
CODE_HINT = re.compile("|".join(map(re.escape, CODE_HINTS)))
# How many characters of a title start the search for its line.
TITLE_NEEDLE_CHARS = 8
# How many lines after the title are searched for the date (the info line).
INFO_AFTER_TITLE_LINES = 12
# How many lines before the title are searched when nothing follows it (e-papers put
# the date above the headline). e.g. "2022年02月13日" then "“厕所革命”改善农牧区人居环境"
INFO_BEFORE_TITLE_LINES = 3
# A line longer than this is a paragraph: the info block stops there.
INFO_LINE_MAX_CHARS = 90
# A line at least this long that ends a sentence is prose, not an info line: the info
# block stops there too, and a date inside it (a deadline) is not the page's date.
# e.g. "资金使用情况请于2024年12月31日前报送市财政局和市交通运输局。"
PROSE_LINE_MIN_CHARS = 30
# What closes a sentence of prose; info lines end in a date, a name or a label.
SENTENCE_ENDS = ("。", "！", "？", "。”", "！”", "？”")
# How many lines after the title are searched for a byline or a labelled field that
# sits below the body (e.g. "编辑：金金 来源：21世纪经济报道 作者：宋怡 杨志华").
BODY_SCAN_LINES = 300
# ... and at most this many characters of them, so that long pages stay cheap.
BODY_SCAN_CHARS = 15_000

# A Han character or CJK punctuation (《, 【, 、): the info-line labels, bylines and
# outlet names all hold one, so a text without any is not read for them.
CJK_TEXT = re.compile(r"[\u3000-\u303f\u4e00-\u9fff]")
# Labels of the source (来源) field. e.g. "来源：新华日报", "来源于：东区办事处", "稿源：…",
# "文章来源：…" (the prefix needs no matching), "本文转自：…", "摘自：…", "原载：…"
SOURCE_LABEL = r"(?:来源于?|稿源|出处|来自|转载自|转自|摘自|原载于?)"
# Labels of the author field. e.g. "作者：宋怡 杨志华", "撰文：…", "文/李明"
AUTHOR_LABEL = r"(?:作者|撰文|撰稿|文字|稿件作者|供稿)"
# Labels of the editor field. e.g. "【责任编辑:林丹】", "(责编：王五)", "编辑：苏亮"
EDITOR_LABEL = r"(?:责任编辑|值班编辑|网络编辑|编审|责编|编辑)"
# Labels of a date field. e.g. "发布时间：2022-02-13 04:22:18", "发布日期：2019-03-06"
DATE_LABEL = r"(?:发布|发表|更新|上传|出版|刊发|日期|时间|发稿)"
# A line that carries the publication date under a label, when the headline's line was
# not found. e.g. "发布日期：2019-03-06", "时间：2004年10月21日14:18", "2024-08-06 来源:福州晚报"
INFO_DATE_LINE = triggered("发更上出刊日时来稿转摘原", r"(?:" + DATE_LABEL + "|" + SOURCE_LABEL + r")\s*[:：]")
# A label just before a date that makes it the modification date. e.g. "更新时间：…"
MODIFIED_LABEL = re.compile(r"(?:更新|修改|修订|updated|modified)", re.IGNORECASE)


def spaced(*words: str) -> str:
    """An alternation of ``words`` that also matches them with spaces between their
    characters, as attribute blocks write labels ("成 文 日 期", "发布　日期")."""
    return "(?:" + "|".join(r"\s*".join(map(re.escape, word)) for word in words) + ")"


# A label just before a date that makes it a date of the document, never the page's
# publication: when it was written or signed (the 政府信息公开 block's "成文日期：2024-03-15",
# "成文时间", "签发日期"), or when it takes or loses effect ("实施日期", "施行日期",
# "生效日期", "废止日期", "失效日期").
DOCUMENT_DATE_LABEL = re.compile(
    spaced("成文", "签发", "签署", "实施", "施行", "生效", "废止", "失效") + r"\s*"
    + spaced("日期", "时间"))
# A label just before a date that names it the publication date: in one info block it
# wins over a date without a label. e.g. "发布日期：2024-03-18" beside "成文日期：2024-03-15",
# "发布时间：2022-02-13 04:22:18", "发表时间：…"
PUBLISHED_LABEL = re.compile(
    spaced("发布", "发表", "刊发", "发稿", "公开") + r"\s*" + spaced("日期", "时间"))
# How many characters before a date are read for its label.
DATE_LABEL_REACH = 8
# Any label of the info line: a field value stops where the next label begins.
# e.g. "来源：本站原创 作者：医技药剂党支部" (作者 ends the source)
ANY_LABEL = re.compile(
    r"(?:来源于|来源|稿源|出处|来自|转载自|转自|摘自|原载于|原载|作者|撰文|撰稿|记者|通讯员|责任编辑|责编|编辑|审核|校对|"
    r"发布|发表|更新|时间|日期|浏览|阅读|点击|字号|分享|打印|评论|关键词|所属分类|栏目)"
    r"[\s]*(?:[:：]|$)")
# Full-width or ASCII colon, with the spaces around it.
COLON = r"\s*[:：]\s*"

# A labelled source. e.g. "来源：[ 人民网 ]", "来源:福州晚报", "文章来源: 新华网"
SOURCE_FIELD = triggered("来稿出转摘原", SOURCE_LABEL + COLON + r"[\[【（(《]?\s*([^\s\]】）)》|｜]+)")
# A labelled author. e.g. "作者：宋怡 杨志华", "作者: 肖远强 林春长"
AUTHOR_FIELD = triggered("作撰文稿供", AUTHOR_LABEL + COLON + r"(.+)")
# A labelled author token longer than this is prose, not a name. e.g. "医技药剂党支部" (7) passes
LABELLED_NAME_MAX_CHARS = 12
# Punctuation of prose, brackets of column tags and titles: a line holding one is not the
# value of a 作者 or 来源 label that ended the line before. e.g. "【新春走基层】", "本文…，…。"
NOT_A_VALUE_LINE = re.compile(r"[，。！？；：:【】\[\]（）()《》“”\"]")
# A labelled editor. e.g. "责任编辑：苏亮", "【责任编辑:林丹】", "(责编：王五)"
EDITOR_FIELD = triggered("责值网编", EDITOR_LABEL + COLON + r"[\[【]?\s*([^\s\]】）)|｜]+)")

# A Chinese personal name: 2–4 Han characters (a middle dot joins transliterations).
# e.g. "葛灵丹", "格桑边觉", "阿卜杜拉·艾力"
CJK_NAME = r"[\u4e00-\u9fff]{1,4}(?:·[\u4e00-\u9fff]{1,6})?"
CJK_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}")
# Roles that start another person's credit inside a reporter's byline: the names after
# them are a correspondent's or an intern's, not the reporter's (作者 lines name the
# reporters alone). e.g. "（记者 肖远强 林春长 通讯员 榕公宣）"
CO_CREDIT_ROLE = r"(?:通讯员|实习生|见习记者|摄影|摄像)"
# Several names separated by spaces or 、, as bylines list them, up to a co-credit role.
# e.g. "伊琳 李清芬"
CJK_NAMES = (CJK_NAME + r"(?:[ \t\xa0\u3000、，,]+(?!" + CO_CREDIT_ROLE + r")" + CJK_NAME
             + r"){0,5}")
# A reporter byline inside parentheses, any outlet before 记者. e.g. "（记者 胡晓蓉）",
# "新华社巴黎12月9日电（记者唐霁）", "(信报记者 蔡雪婧)"
REPORTER_PAREN = triggered(
    "（(", r"[（(]\s*[^\s（()）]{0,12}?记者[:：]?\s*(" + CJK_NAMES + r")"
    r"\s*(?:[）)]|(?=" + CO_CREDIT_ROLE + r"))")
# A reporter byline ending at a word that closes it: "/文", "报道", the line end, a comma.
# e.g. "河南商报记者马俊峰/文", "新京报记者 彭冲 山东冠县报道", "□ 本报记者 葛灵丹",
# "新华网黑龙江频道 记者 伊琳 李清芬"
REPORTER_LINE = re.compile(
    r"记者[:：]?\s*(" + CJK_NAMES + r")"
    r"(?=\s*(?:[/／|｜]\s*文|$|[）)]|\s+\S{2,12}报道|\s+报道|[，,；;]?\s*" + CO_CREDIT_ROLE + r"))",
    re.MULTILINE)
# A byline of the form "文/X", "文 | X" or "文/图 X". e.g. "(文/图 刘玺东 易赛楠)", "文｜王五"
WRITER_SLASH = triggered(
    "撰文", r"(?<![^\s（(])(?:撰文|文字|文)\s*(?:[/／、]\s*图\s*)?[/／|｜:：\s]\s*(" + CJK_NAMES + r")"
    r"(?=\s*(?:[）)]|$|\s))", re.MULTILINE)
# Unlabelled names in parentheses closing the last paragraph. e.g. "…的决心。（常书香 马丹阳 ）",
# "（袁源）". Each name must start with a common surname (see SURNAMES).
TRAILING_NAMES = triggered("（(", r"[（(][ \t]*(" + CJK_NAMES + r")[ \t]*[）)][ \t]*$", re.MULTILINE)
# Bracketed names on the info line, before 来源. e.g. "2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]"
BRACKET_NAMES = re.compile(
    r"[\[【]\s*([\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3}){0,3})\s*[\]】]")
# Photographer credits: names followed by these are never authors. e.g. "蔡雪婧/摄", "记者 X 摄"
PHOTO_CREDIT = re.compile(r"^\s*[/／]?\s*(?:摄影?|图|供图)")
# Words around names that are roles, not names. e.g. "通讯员", "实习生"
# A token ending in one of them is a role ("信报记者"), never a name.
NAME_ROLE_WORDS = ("通讯员", "实习生", "记者", "摄影", "报道", "综合", "整理", "编译", "发自", "编辑",
                   "责编", "电")

# Common Chinese surnames (single and compound): an unlabelled name must start with one.
# e.g. 常 (常书香), 袁 (袁源); rules out "（完）", "（图）", "（新华社）"
SURNAMES_COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
                     "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门")
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙"
    "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟"
    "殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
    "麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚"
    "花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿"
    "薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭"
    "干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)

# Values of the source field that mean "unknown", not an outlet. e.g. "来自: 互联网"
SOURCE_UNKNOWN = frozenset({"互联网", "网络", "网友", "未知", "佚名", "不详", "无", "其他", "转载",
                            "网络转载", "网友投稿", "综合", "本站", "admin"})
# A source value that holds no outlet, only how the text came: a placeholder, read past
# for the outlet named elsewhere. e.g. "转载文章", "网络转载", "网友投稿", "综合整理"
# ("本站原创" names the site itself: an outlet).
SOURCE_PLACEHOLDER = re.compile(
    r"(?:网络|互联网|网友|网上|网络上)?(?:转载|转帖|转自|摘自|整理|综合|收集|投稿)?"
    r"(?:文章|稿件|作品|内容|资料|信息|整理|转载)?")
# Between a writer and the outlet in one source value. e.g. "石佳/中国青年报"
WRITER_OUTLET_SPLIT = re.compile(r"\s*[/／]\s*")
# A labelled author that names nobody. e.g. "作者：佚名", "作者：admin", "作者：本站"
AUTHOR_UNKNOWN = frozenset({"佚名", "未知", "不详", "匿名", "网友", "admin", "管理员", "本站",
                            "小编", "编辑部"})
# An unlabelled outlet name right after the date on the info line ends in one of these.
# e.g. "2005年03月31日03:18 北京娱乐信报", "2003年11月12日16:36 金羊网—新快报", "《理财周刊》"
OUTLET_SUFFIX = re.compile(
    r"(?:报|网|社|刊|台|志|新闻|频道|客户端|在线|之声|电视|广播|时报|周刊|日报|晚报|早报|商报|"
    r"晨报|导报|杂志|之家|通讯)$")
# An unlabelled outlet name is at most this long. e.g. "21世纪经济报道" (8)
OUTLET_MAX_CHARS = 20
# Brackets and quotes trimmed from a field value. e.g. "《理财周刊》", "[ 人民网 ]"
VALUE_TRIM = " \t[]【】()（）《》<>〈〉\"'“”‘’:：,，.。;；|｜-—_/"

# An English byline. e.g. "By Jane Doe and John Roe", "BY JANE DOE"
BYLINE_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
# Elements that hold an English byline. e.g. <span class="byline">, <a rel="author">
BYLINE_SELECTORS = ("[itemprop=author] [itemprop=name]", "[itemprop=author]", "[rel=author]",
                    "[class*=byline]", "[class*=author-name]", "[class*=author]")
# The one query for byline elements: only the selectors the others imply (an author's
# name sits inside [itemprop=author]; "author-name" holds "author"), so it tests fewer per
# element. Every BYLINE_SELECTORS element is among what it finds, or inside one of them.
ANY_BYLINE_SELECTOR = "[itemprop=author], [rel=author], [class*=byline], [class*=author]"
# Attributes whose values a selector compares regardless of ASCII case, as HTML has it
# and the CSS engine does: [rel=author] matches rel="Author". The other attributes of
# BYLINE_SELECTORS (class, itemprop) compare exactly: [class*=byline] misses "ByLine".
CASELESS_ATTRIBUTES = frozenset({"rel"})
# A byline longer than this is a paragraph (an author bio), not a name list.
BYLINE_MAX_CHARS = 100
# Conjunctions between English names. e.g. "Jane Doe and John Roe"
NAME_JOINERS = re.compile(r"\s*(?:,|;|\band\b|&|、|，)\s*", re.IGNORECASE)

# ---------------------------------------------------------------- language

# Share of CJK characters in a text sample above which the page is Chinese.
CJK_SHARE_MIN = 0.2
# How many characters of text the language guess reads.
LANGUAGE_SAMPLE_CHARS = 800
# Runs of Han characters; kana; hangul; Latin letters: counted by the cheap language guess
# (read from the title, else the first lines).
HAN = re.compile(r"[\u4e00-\u9fff]+")
KANA = re.compile(r"[\u3040-\u30ff]+")
HANGUL = re.compile(r"[\uac00-\ud7af]+")
LATIN_LETTER = re.compile(r"[A-Za-z]+")
# Any one kana, Han or hangul character: a text without one cannot be guessed CJK.
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
# Latin text with at least this many " the "/" and " in the sample is guessed English.
ENGLISH_WORDS_MIN = 2
