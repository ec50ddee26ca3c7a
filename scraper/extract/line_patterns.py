"""Word lists and patterns for single lines of a rendered body: editor lines, page
furniture, interface words, disclaimers, related-article headings, info lines and
datelines. The sieves for boilerplate inside the article container are in
``sieve_patterns``; block-level lists and thresholds are in ``patterns``.
"""

from __future__ import annotations

import re

# Editor lines: 【责任编辑:徐匆】, (责任编辑：王某), 责编：X, 编辑：X. Group "name" is the editor.
EDITOR_LINE = re.compile(
    r"""^[\s【\[（(]*
        (?:责任编辑|责编|编辑|本文编辑|值班编辑|审核|校对|Editor)
        \s*[:：]\s*
        (?P<name>[^】\]）)]{1,40}?)
        [\s】\]）)]*$""",
    re.VERBOSE,
)
# Trailing editor mark inside a paragraph: "……。(责编：王某)" / "【责任编辑:徐匆】".
TRAILING_EDITOR = re.compile(
    r"[【\[（(]\s*(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<name>[^】\]）)]{1,30}?)\s*[】\]）)]\s*$")
# A Chinese personal name (王建宏, 彭冲), and several in a row.
CJK_NAME = r"[\u4e00-\u9fff·]{2,4}"
CJK_NAMES = CJK_NAME + r"(?:[\s、，,]+" + CJK_NAME + r")*"
# An editor named in brackets without a colon, often after the site's name:
# "(松花江网编辑 孙桂芳)", "【编辑 王某】", "（责任编辑 李四 张三）". Group "name" is the editor.
BRACKETED_EDITOR = re.compile(
    r"^[（(【\[]\s*[\u4e00-\u9fff]{0,10}?(?:责任编辑|网络编辑|值班编辑|编辑|责编|编审)\s*[:：/]?\s*"
    r"(?P<name>" + CJK_NAMES + r")\s*[）)】\]]$"
)

# The controls of an article page, each alone or in brackets: "【打印】【关闭】",
# "【我要打印】【关闭窗口】", "我要纠错", "加入收藏".
_CONTROL = (r"【?\s*(?:打印|关闭|关闭窗口|打印本页|打印此页|打印文章|关闭本页|关闭此页|返回顶部|收藏|纠错"
            r"|加入收藏|我要(?:打印|纠错|收藏|分享|评论))\s*】?")
# Lines that are furniture, not article text. Each alternative is one kind.
FURNITURE_LINE = re.compile(
    r"""^(?:
        原标题\s*[:：].*                              # 原标题：… (original headline)
      | [（(]?原题为.*                                 # （原题为…）
      | 展开全文 | 阅读全文 | 查看全文 | 点击查看.* | 点击进入.*
      | 上一篇\s*[:：]?.* | 下一篇\s*[:：]?.*          # previous / next article
      | 分享到\s*[:：]?.* | 分享\s*[:：].*               # share bars
      | """ + _CONTROL + r"(?:\s*" + _CONTROL + r""")*
      | 【?\s*字号\s*[:：]?.*                           # 【字号 大 中 小】
      | 字体\s*[:：]\s*[大中小\s]+
      | (?:\[\s*\d+\s*\]\s*)+(?:下一页|上一页|尾页)?\s*  # [1] [2] pagination
      | (?:上一页|下一页|首页|尾页)(?:\s+\S+){0,12}
      | [（(【\[]?\s*(?:本文|文章|稿件|信息|新闻)?来源\s*[:：]\s*[^\s）)】\]]{1,30}\s*[）)】\]]?  # a lone 来源 line
      | (?:阅读|浏览|点击|访问)(?:次数|数|量)?\s*[:：]\s*\d+\s*次?      # 阅读次数：1234
      | (?:文章|信息)?(?:录入|发布人)\s*[:：]\s*\S{1,20}                # 文章录入：admin
      | (?:视频|内容|图片)?(?:正在)?加载中.{0,12} | 正在加载.{0,12}          # a player's placeholder
      | 点击图片.{0,16}                                    # 点击图片进入下一页 (gallery)
      | 网站标识码.* | .{0,30}(?:ICP[备证]|公网安备)\s*\d+号.{0,30}   # the site's registration
      | (?:本报|本刊)?(?:记者|通讯员)\s*[:：]?\s*[\u4e00-\u9fff·\s]{2,20}   # standalone byline
      | [□■]\s*.{0,30}
      | 版权所有.* | Copyright\s*©.* | ©\s*\d{4}.*
      | (?:用?微信)?(?:扫一扫|扫码|扫描二维码|长按(?:识别)?二维码|欢迎关注|关注我们).*   # WeChat and app promotions
      | 更多(?:精彩|资讯|新闻|内容)+.{0,8}(?:请|敬请|欢迎)?(?:关注|下载|订阅|访问).{0,24}
      | (?:点击)?下载.{0,12}(?:客户端|APP|App|app).*
      | 《[^》]{1,20}》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d*\s*版\s*[）)]   # print citation
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
# Disclaimer paragraphs, kept out of the body whatever their length (up to DISCLAIMER_MAX_LEN).
DISCLAIMER_LINE = re.compile(
    r"""^[【\[（(]?\s*(?:
        声明 | 免责声明 | 版权声明 | 特别声明 | 郑重声明 | 风险提示 | 免责条款
      | Disclaimer
    )\s*[】\]）)]?\s*[:：]""",
    re.VERBOSE | re.IGNORECASE,
)
DISCLAIMER_MAX_LEN = 400
# A block around the article whose first characters name a copyright or disclaimer
# notice ("福州新闻网版权与免责声明:", "Copyright notice") is dropped whole.
DISCLAIMER_BLOCK = re.compile(r"版权与免责声明|免责声明|版权声明|版权所有|Disclaimer|Copyright", re.I)
DISCLAIMER_HEAD_LEN = 40
# Interface words standing alone on a line: gallery, page, rating and sharing controls,
# and the links that lead on ("→ Learn more", "‹ Back to Story", "Weiterlesen »",
# "Read more. . ."), perhaps behind an arrow, and the calls of a share bar ("Share this
# Post", "Like this story? Share it with a friend!"). Each
# alternative is one language's usual labels (English, German, French, Spanish, Italian,
# Polish, Portuguese, Indonesian, Chinese): "Iklan" is an advertisement's label, "Sukai
# ini:" and "Suka Memuat..." the blog engine's like button as "Like this:", "Like Loading...";
# a recipe card's buttons ("Print Recipe 3"x5" Cards 4"x6" Cards Full Page", "Rezept
# drucken Bei Pinterest speichern", "Jump to Recipe") and a picture's "Pin It".
UI_LINE = re.compile(
    r"""^[→←‹›«»>]?\s*[(\[]?\s*(?:caption|close|advertisement|ad|tags?|share(?:\s+this(?:\s+(?:article|post|story))?)?|print|e-?mail
        |like\s+this\s+(?:story|article|post)\?\s*share\s+it\s+with\s+a\s+friend
        |advert|iklan|sukai\s+ini|suka\s+memuat\.*
        |learn\s+more|mehr\s+erfahren|en\s+savoir\s+plus|más\s+información|scopri\s+di\s+più|saiba\s+mais|了解更多
        |back\s+to\s+(?:story|article|the\s+article|overview)|retour(?:\s+à\s+l'accueil)?|volver|torna\s+indietro
        |weiterlesen|lire\s+la\s+suite|leer\s+más|seguir\s+leyendo|leggi\s+(?:tutto|di\s+più)|continua\s+a\s+leggere
        |no\s+related\s+(?:posts|articles)(?:\s+found)?|story\s+highlights
        |comments?|read\s+more|continue\s+reading|loading\.*|skip\s+to\s+content|menu
        |previous|next|back\s+to\s+top|view\s+gallery|enlarge|photos?|like\s+this|permalink
        |bookmark\s+the\s+permalink|no\s+comments?(?:\s+yet|\s+so\s+far)?
        |(?:print\s+recipe|rezept\s+drucken)(?:\s+(?:\d+"?\s*x\s*\d+"?\s+cards|full\s+page
            |(?:bei|auf)\s+pinterest\s+(?:speichern|merken)|pin\s+it))*
        |pin\s+(?:it|this)|save\s+(?:to|on)\s+pinterest|(?:bei|auf)\s+pinterest\s+(?:speichern|merken|pinnen)
        |jump\s+to\s+recipe|zum\s+rezept\s+springen
        |no\s+responses?(?:\s+so\s+far)?|was\s+this\s+(?:article|page)\s+helpful\??
        |gefällt\s+mir|teilen|jetzt\s+teilen|artikel\s+teilen|drucken
        |kommentieren|kommentare?|anzeige|werbung|-\s*anzeige\s*-|zurück(?:\s+zur\s+\w+)?
        |quellen\s+(?:ausblenden|einblenden)|externer\s+inhalt|noch\s+keine\s+bewertungen
        |(?:war|ist)\s+(?:der|dieser|die|diese)\s+(?:artikel|beitrag|seite)\s+(?:nützlich|hilfreich)\??
        |wie\s+bewerten\s+sie\s+diesen\s+(?:artikel|beitrag)\??|hier\s+können\s+sie\s+den\s+artikel\s+bewerten
        |möchten\s+sie\s+(?:den|diesen)\s+(?:artikel|beitrag)\s+teilen\??|über\s+den\s+autor(?:in)?
        |partager|imprimer|permalien|publicité|compartir|imprimir|publicidad|condividi|stampa
        |drukuj|udostępnij|compartilhar
        |like\s+loading\.*|gefällt\s+mir\s+lade\.*|vergrößern|kontakt|contact|von|by
        |you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment
        |sie\s+müssen\s+sich\s+(?:einloggen|anmelden),?\s+um\s+.{0,60}?\s+zu\s+können)\s*[)\]]?(?:\s*[:.…!»›→])*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A heading that opens a list of other articles: never article text itself; outside
# the article's core block everything after it is that list ("More Science & Environment
# stories", "MOST POPULAR", "Meistgelesen", "Les plus lus", "Lo más leído"), and so are
# the headings of a section's or a site's other pages ("More in Milan", "Popular on
# IndieWire", "Elsewhere on BBC News", "Keep Reading", "Trending", "DON'T MISS",
# "Ähnliche Artikel", "Mehr zu Klima und Konsum", "Weitere Informationen", "Audios et
# vidéos sur le sujet", "Самые популярные диеты"), and the labels over the next post or
# a teaser ("Next Article", "Previous Post: …", "Auch interessant:", "Schon gelesen?",
# "Also on rt.com", "If you found this article helpful, check out..."). Each alternative
# is one language's usual words; matched only as the whole line.
RELATED_HEADING = re.compile(
    r"""^(?:相关(?:新闻|阅读|文章|报道|链接)|延伸阅读|推荐阅读|猜你喜欢|热门(?:新闻|文章|推荐)
        |you\s+(?:may|might)\s+(?:also\s+)?like|related(?:\s+(?:articles?|stories|posts|news|content))?
        |more\s+(?:from|on|stories|news)\b.*|recommended(?:\s+for\s+you)?|read\s+(?:also|next)
        |você\s+pode\s+gostar|leia\s+também|lea\s+también|te\s+puede\s+interesar
        |lire\s+aussi|à\s+lire\s+aussi|mehr\s+zum\s+thema
        |(?:das|dieses)\s+(?:thema\s+)?könnte\s+(?:sie|dich|euch)\s+auch\s+interessieren
        |auch\s+interessant|schon\s+gelesen\??|mehr\s+themen|lesen\s+sie\s+auch(?:\s+die\s+folgenden\s+beiträge)?
        |weitere\s+(?:artikel|beiträge|themen|nachrichten|meldungen)(?:\s+(?:aus|zu|zum|von)\s+(?:[\w-]+\s+){0,2}[\w-]+)?
        |vorschau\s+auf\s+den\s+nächsten\s+artikel|(?:auch\s+auf|also\s+on)\s+[\w-]+\.[a-z]{2,4}
        |you\s+might\s+also\s+be\s+interested\s+in|you\s+may\s+also\s+(?:enjoy|read)
        |(?:next|previous)\s+(?:article|post|story)(?:\s*:\s*.{1,100})?|sponsored\s+links?|editor['’]?s\s+picks?
        |if\s+you\s+(?:found|liked|enjoyed)\s+this\s+(?:article|post)(?:\s+helpful)?,?\s+check\s+out
        |zum\s+weiterlesen|related\s+coverage|leggi\s+anche
        |(?:must[-\s]read\s+)?related\s+(?:articles|posts|stories)
        |more\s+(?:[\w&,'’-]+\s+){1,4}?(?:stories|news|articles|videos|posts)
        |don'?t\s+miss(?:\s+these)?(?:\s+[\w&'’-]+){0,3}\s+(?:stories|articles|posts)
        |most\s+(?:popular|read|viewed|shared|e-?mailed|commented)(?:\s+(?:this\s+(?:week|month)|today|now))?
         (?:\s+(?:[\w'’-]+\s+){0,2}(?:stories|articles|posts|news|videos))?
        |(?:die\s+)?meistgelesen(?:e|en)?(?:\s+(?:artikel|beiträge|nachrichten))?|am\s+meisten\s+gelesen
        |(?:articles\s+)?les\s+plus\s+lus|lo\s+más\s+leído|(?:las\s+|los\s+)?más\s+leíd[oa]s|i\s+più\s+letti
        |keep\s+reading|trending(?:\s+now)?|don['’]?t\s+miss|popular\s+on\s+[\w.]+
        |more\s+in\s+(?:[\w&'’-]+\s+){0,2}[\w&'’-]+|elsewhere\s+on\s+(?:[\w.]+\s+){0,2}[\w.]+
        |check\s+out\s+more\s+of\s+our\s+\w+|related\s+videos
        |(?:ähnliche|verwandte)\s+(?:artikel|beiträge)|mehr\s+zu\s+(?:[\w-]+\s+){0,3}[\w-]+|weitere\s+informationen
        |audios\s+et\s+vidéos\s+sur\s+le\s+sujet
        |самые\s+популярные(?:\s+\w+)?|читайте\s+также|похожие\s+(?:статьи|новости))\s*[:：.…]*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A line of tags or topics: the label, then a list of words ("Schlagworte zum Thema:
# Anwalt, Justiz", "Tags: Denken, Bilder"). The blog engine's filing notes are
# ``post_patterns.POST_FILING`` and ``POST_NOTE``.
TAGS_LINE = re.compile(
    r"""^(?:tags?|schlagw(?:orte|örter)|stichw(?:orte|örter)|themen|keywords|mots[-\s]clés
        |etiquetas|tag|标签|关键词|关键字)(?:\s+zum\s+thema)?\s*[:：]\s*[^.!?。！？]*$""",
    re.VERBOSE | re.IGNORECASE,
)
# Interface, related-heading and tags lines are matched whole, up to this length.
INTERFACE_LINE_MAX_LEN = 160
# A line at least this long that comes again in one body is a widget's copy (gallery
# captions, slides, desktop and mobile twins): only its first occurrence is kept.
REPEATED_LINE_MIN_LEN = 80
# Furniture lines are short; longer lines are kept whatever they start with.
FURNITURE_MAX_LEN = 60

# An info line above the body: a date plus 来源/作者/发布/浏览/点击. Dropped when short.
INFO_LINE_MARKERS = re.compile(r"来源|作者|发布|时间|浏览|点击|阅读|编辑|字号|Source|Posted|Published", re.I)
# The same words as labels (来源：, 发布时间:): a field, whatever else the line holds.
INFO_LINE_LABEL = re.compile(
    r"(?:来源|作者|发布时间|发布日期|发布|时间|日期|浏览|浏览次数|点击|点击数|阅读|编辑|责任编辑|字号|Source|Posted|Published)\s*[:：]",
    re.I)
# A line with sentence punctuation inside is prose, even with a date and 发布 in it.
SENTENCE_END = re.compile(r"[。！？；，]")
DATE_IN_LINE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
INFO_LINE_MAX_LEN = 120

# Western datelines: a date (05.02.2020, 2020-02-05, 4. Juni 2019, June 4, 2019) with at
# most a label, a weekday, a time and a name around it ("Stand: 05. Februar 2020",
# "Dienstag, 4. Juni 2019, 15:54", "von Anja Muster am 14. Mai 2014, 15:40 Uhr").
_MONTHS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december",
    "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
    "dicembre",
)
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_NUMERIC_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
_NAMED_DATE = (r"\d{1,2}\.?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?\d{4}"
               r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}")
WESTERN_DATE = re.compile(r"\b(?:" + _NUMERIC_DATE + "|" + _NAMED_DATE + ")", re.IGNORECASE)
# A date with a month name ends in a four-digit year: a line without four digits in a
# row holds only the numeric forms, found without trying the month names at each word.
NUMERIC_WESTERN_DATE = re.compile(r"\b(?:" + _NUMERIC_DATE + ")", re.IGNORECASE)
FOUR_DIGITS = re.compile(r"\d{4}")
# Every WESTERN_DATE has two digits in a row: lines without them are not searched.
TWO_DIGITS = re.compile(r"\d\d")
CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.h]\d{2}(?:\s*(?:uhr|h|am|pm)\b)?|\s*uhr\b)", re.IGNORECASE)
# Words that make a dated line a publication line: labels, "by"/"on" and weekdays.
_DATELINE_WORDS = (
    "posted", "published", "updated", "written", "by", "on", "at", "date", "last", "modified",
    "stand", "aktualisiert", "publiziert", "veröffentlicht", "veröffentlichung", "erstellt",
    "verfasst", "geschrieben", "datum", "zuletzt", "bearbeitet", "von", "am", "um",
    "publié", "mis", "à", "jour", "le", "par", "publicado", "actualizado", "el", "por",
    "pubblicato", "aggiornato", "il", "da",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
)
DATELINE_WORDS = frozenset(_DATELINE_WORDS)
# A dated line is a publication line when it holds nothing but the date, the time and
# those words, or those words and a name of at most this many words ("von Anja Muster
# am 14. Mai 2014"); and it is no longer than DATELINE_MAX_LEN.
DATELINE_MAX_NAME_WORDS = 3
DATELINE_MAX_LEN = 80

# An editor mark that opens a line whose rest is furniture: "【编辑:刘欢】 返回搜狐，查看更多";
# a control before it: "【纠错】 责任编辑： 尹世杰". Group "name" is the editor.
LEADING_EDITOR = re.compile(
    r"^[【\[（(]\s*(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<name>[^】\]）)]{1,30}?)\s*[】\]）)]\s*")
LEADING_CONTROL = re.compile(r"^(?:[【\[]\s*(?:纠错|打印|关闭|收藏|分享|推荐)\s*[】\]]\s*)+")
