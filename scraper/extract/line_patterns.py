"""Word lists and patterns for single lines of a rendered body: editor lines, page
furniture, interface words, disclaimers, related-article headings, info lines and
datelines. Block-level lists and thresholds are in ``patterns``.
"""

from __future__ import annotations

import re

from .post_patterns import (COMMENTS_HEADING, COMMENTS_HEADING_MAX_LEN, COMMENTS_KEYS,
                            DISCLOSURE_HEAD, DISCLOSURE_KEYS, DISCLOSURE_NOTE,
                            DISCLOSURE_NOTE_MAX_LEN, POST_FILING, POST_FILING_MAX_LEN, POST_KEYS,
                            POST_NOTE, POST_NOTE_MAX_LEN, POST_TAGS, POST_TAGS_KEYS,
                            POST_TAGS_MAX_LEN, PROMO_GROUPS, PROMO_LINE_MAX_LEN,
                            SUPPORT_CALL, SUPPORT_CALL_MAX_LEN, SUPPORT_KEYS, TEASER_KEYS,
                            TEASER_LINE, TEASER_LINE_MAX_LEN, TEASER_TAIL, TRACKBACK_LINE,
                            TRACKBACK_LINE_MAX_LEN)

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
# ini:" and "Suka Memuat..." the blog engine's like button as "Like this:", "Like Loading...".
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
        |bookmark\s+the\s+permalink|print\s+recipe|no\s+comments?(?:\s+yet|\s+so\s+far)?
        |no\s+responses?(?:\s+so\s+far)?|was\s+this\s+(?:article|page)\s+helpful\??
        |gefällt\s+mir|teilen|jetzt\s+teilen|artikel\s+teilen|drucken|rezept\s+drucken
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

# ---------------------------------------------------------------- sieves
# Boilerplate classes that portals put inside the article's own container, where no
# block-level hint reaches them. Each is matched against one whole line up to its
# maximum length; ``SIEVES`` lists them by name (the name says why a line was dropped).

_CJK_NAME = r"[\u4e00-\u9fff·]{2,4}"          # a Chinese personal name (王建宏, 彭冲)
_CJK_NAMES = _CJK_NAME + r"(?:[\s、，,]+" + _CJK_NAME + r")*"
# A copyright or reprint notice: opens like one ("根据《中华人民共和国著作权法》…",
# "本网郑重公告", "凡本网注明…", "本文为…原创", "未经书面许可…", "© 2012 … All rights
# reserved", "© Copyright 2012 …", "All rights reserved © 2006-2010 …", "Materiał
# chroniony prawem autorskim - wszelkie prawa zastrzeżone…", the site's licence for its
# text: "© Kamps Consulting Ltd. This article is licenced for use on Pixiq only…", "Where
# not otherwise specified, this work is licensed under a Creative Commons License…",
# "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND…") and speaks of copyright or
# reprinting somewhere in the line (a notice that opens with its reservation of rights
# is looked at from its start, so that reservation is the word). A news sentence about
# copyright opens like a sentence ("本报记者从市版权局获悉…").
COPYRIGHT_NOTICE = re.compile(
    r"""^[\s【\[（(※★◆■●*]*(?:
        (?:根据|依据|依照)\s*《[^》]{0,12}著作权[^》]{0,8}》
      | (?:本|我)(?:网|站|报|刊|台)?郑重(?:公告|声明|提醒|提示)
      | 凡(?:本|我)?(?:网|站|报|刊|平台)?(?:注明|标注|署名|转载|未注明)
      | (?:本|我)(?:网|站|报|刊|台|网站|平台|公众号|号)(?:所有|原创|刊载|刊登|发布|稿件|内容|作品|图文|文章|独家|版权|转载|注明|文字)
      | 本(?:文|稿|作品|篇)(?:系|为|由|是|来自|转载|原创|版权|仅代表|内容)
      | (?:未经|非经).{0,30}?(?:许可|授权|同意)
      | (?:如需|欢迎|谢绝|严禁|禁止|请勿|转载请|任何单位)(?:.{0,6})(?:转载|复制|摘编|使用)
      | 版权(?:所有|归|属|声明|说明)
      | (?:copyright|©|\(c\))\s*(?:copyright\s+)?(?:\d{4}|by\b|the\b)
      | (?=(?:all\s+rights\s+reserved|(?:alle|sämtliche)\s+rechte\s+vorbehalten|tous\s+droits\s+réservés
          |todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti\s+riservati
          |wszelkie\s+prawa\s+zastrzeżone)\s*(?:[.|©]|\(c\)|$)|materiał\s+chroniony\s+prawem\s+autorskim)
      | this\s+material\s+may\s+not\s+be\s+(?:published|reproduced|redistributed)
      | (?:©\s*[^.!?]{2,60}\.\s+|where\s+not\s+otherwise\s+(?:specified|noted),\s+)?
        this\s+(?:article|post|work|text|story|content)\s+is\s+(?=licen[cs]ed\s+(?:under|for\s+use)\b)
      | (?:dieser|der)\s+(?:text|artikel|beitrag)\s+(?:wurde|ist|steht)\s+(?=.{0,30}?\bunter\s+(?:der|einer)\s+lizenz\s+(?:cc\b|creative\s+commons))
    )(?=.*(?:著作权|版权|转载|复制|摘编|镜像|侵权|法律责任|copyright|rights\s+reserved|redistribut|reproduc
        |licen[cs]|lizenz
        |rechte\s+vorbehalten|droits\s+réservés|derechos\s+reservados|diritti\s+riservati
        |prawa\s+zastrzeżone|prawem\s+autorskim))""",
    re.VERBOSE | re.IGNORECASE,
)
COPYRIGHT_NOTICE_MAX_LEN = 400
# An entry of a related-news list standing in the body: a bullet, a headline and its
# date ("·哈尔滨今起供暖 (2005-04-27 14:32PM)", "· 标题 [04-27]"), or a headline with
# a bracketed date and time, which no article sentence ends with.
_LIST_DATE = (r"(?<![\d./-])(?:(?:19|20)?\d{2}[-/.年])?(?:0?[1-9]|1[0-2])[-/.月]"
              r"(?:0?[1-9]|[12]\d|3[01])日?(?!\d)")
_LIST_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?"
# The bullets that open an entry of a related-news list.
LIST_BULLETS = "·•●◆◇▪■□▶►»>"
RELATED_ITEM = re.compile(
    r"""^(?:
        [""" + LIST_BULLETS + r"""]\s*\S.{0,80}?\s*[(\[（【]?\s*""" + _LIST_DATE + r"(?:\s*" + _LIST_CLOCK
    + r""")?\s*[)\]）】]?
      | \S.{0,80}?\s*[(\[（【]\s*""" + _LIST_DATE + r"\s*" + _LIST_CLOCK + r"""\s*[)\]）】]
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
RELATED_ITEM_MAX_LEN = 120
# A pager standing as a line: page counts, previous/next/first/last links, page numbers
# and arrows only ("第1页/共1页 << 上一页 | 下一页 >>", "共3页: 上一页 1 2 3 下一页",
# "« Previous Page 2 of 5 Next »"). A Latin word needs a second word or a number: a
# lone "Prev" is a table's column. One digit per step: no nested repeat to backtrack over.
PAGER_LINE = re.compile(
    r"""^(?=.*(?:页|<<|>>|«|»|(?:prev|next|page).*(?:prev|next|page|\d)))(?:
        第\s*\d+\s*页 | 共\s*\d+\s*(?:页|条) | 上一页 | 下一页 | 上页 | 下页 | 首页 | 尾页 | 末页
      | 前一页 | 后一页 | 跳转到? | 转到 | 到第 | 页 | 当前 | 分页
      | prev(?:ious)?(?:\s+page)? | next(?:\s+page)? | first | last | page | of | go
      | \d | [\s/／|｜<>‹›«»\[\]【】()（）:：.…,，·\-]
    )+$""",
    re.VERBOSE | re.IGNORECASE,
)
PAGER_LINE_MAX_LEN = 80
# Every PAGER_LINE holds one of these (lower-cased): its lookahead asks for one.
PAGER_KEYS = ("页", "<<", ">>", "«", "»", "prev", "next", "page")
# An editor named in brackets without a colon, often after the site's name:
# "(松花江网编辑 孙桂芳)", "【编辑 王某】", "（责任编辑 李四 张三）". Group "name" is the editor.
BRACKETED_EDITOR = re.compile(
    r"^[（(【\[]\s*[\u4e00-\u9fff]{0,10}?(?:责任编辑|网络编辑|值班编辑|编辑|责编|编审)\s*[:：/]?\s*"
    r"(?P<name>" + _CJK_NAMES + r")\s*[）)】\]]$"
)
# A reporter line: outlet, the role, the names, and where it was reported from
# ("光明日报记者 王建宏 张文攀", "新京报记者 彭冲 山东冠县报道", "本报记者 张三 通讯员 李四").
# Only a whole line: "据新华社电（记者 格桑边觉）记者近日…" is a sentence.
_REPORTER_ROLE = r"(?:本报|本刊|本台|本网)?(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生)"
REPORTER_LINE = re.compile(
    r"^[\u4e00-\u9fff·]{0,12}?" + _REPORTER_ROLE + r"[\s:：]+" + _CJK_NAMES
    + r"(?:\s+" + _REPORTER_ROLE + r"[\s:：]+" + _CJK_NAMES + r")*"
    + r"(?:\s*[\u4e00-\u9fff]{0,10}?(?:报道|摄影?|电|发自[\u4e00-\u9fff]{1,8}))?$"
)
REPORTER_LINE_MAX_LEN = 60
# A line of credits only, role and name, perhaps in brackets ("来源：巴彦淖尔日报 编辑：苏亮",
# "医技药剂党支部供稿 摄影/张艳 编辑/苏芳", "文/张三 图/李四", "（本文来源：经济日报 作者：孙七）"):
# two credits or more, or one with a staff
# role. 记者/作者 alone with a colon open an interview's question ("记者：……"), so
# a single credit never has them.
_CREDIT_ROLE = (r"(?:责任编辑|编辑|责编|审核|审校|校对|初审|复审|终审|摄影|摄像|图片|图|文字|文|撰稿"
                r"|作者|记者|通讯员|(?:本文|文章|稿件)?来源|策划|监制|统筹|制作|设计|美编|主编|编审)")
_STAFF_ROLE = r"(?:责任编辑|编辑|责编|审核|审校|校对|初审|复审|终审|摄影|摄像|图片|图|文字|文|美编|编审)"
_CREDIT_NAME = r"[\u4e00-\u9fff·]{2,12}(?:[\s、][\u4e00-\u9fff·]{2,4}){0,3}"
_CREDIT = (r"(?:" + _CREDIT_ROLE + r"\s*[:：/|｜]\s*" + _CREDIT_NAME
           + r"|[\u4e00-\u9fff、·]{2,20}?(?:供稿|供图|摄))")
CREDITS_LINE = re.compile(
    r"^[（(【\[]?\s*(?:" + _CREDIT + r"(?:\s+" + _CREDIT + r")+|" + _STAFF_ROLE + r"\s*[:：/|｜]\s*"
    + _CREDIT_NAME + r")\s*[）)】\]]?$"
)
CREDITS_LINE_MAX_LEN = 60
# A column tag standing alone: 【新春走基层】, 【图说】, 〖专题〗. Short, no sentence in it.
COLUMN_TAG = re.compile(r"^[【〖]\s*[^】〗。！？；，,.!?]{2,12}\s*[】〗]$")
COLUMN_TAG_MAX_LEN = 16
# A line that is only an empty label ("责任编辑：") or a link back to the site's front
# page ("返回搜狐，查看更多", "返回首页").
EMPTY_LABEL = re.compile(
    r"^(?:(?:责任编辑|编辑|责编|来源|作者|记者)\s*[:：]|返回(?:首页|顶部|列表|\S{1,8}[，,]\s*查看更多))$")
EMPTY_LABEL_MAX_LEN = 20

# The notice a script-rendered page shows without scripts, or in its <noscript>: "You
# need to enable JavaScript to run this app.", "请开启浏览器的JavaScript", "Bitte
# aktivieren Sie JavaScript". Never the article, which a script would have put there;
# a sentence about JavaScript does not speak to its reader ("Readers with JavaScript
# disabled see blank pages").
SCRIPT_NOTICE = re.compile(
    r"""^(?=.*javascript)(?=.*(?:
        enable | turn\s+on | activate | allow | required | requires | disabled | not\s+supported
      | 开启 | 启用 | 打开 | 允许 | 禁用 | 不支持 | 需要 | aktivieren | activer | activez | habilit | attiva
    ))(?=.*(?:                       # and it speaks to the reader, or of this page
        \byou | please | \bbitte\b | \bsie\b | veuillez | \bvotre\b | por\s+favor | 请 | 您
      | this\s+(?:app|site|page|website|browser)
    )).*$""",
    re.VERBOSE | re.IGNORECASE,
)
SCRIPT_NOTICE_MAX_LEN = 160

# A blog's comment form and comment-thread furniture, line by line, in the blog engines'
# usual languages (English, German, French, Spanish, Italian): "Leave a Reply",
# "Your email address will not be published. Required fields are marked *", "Name *",
# "You may use these HTML tags and attributes: …", "Notify me of follow-up comments by
# email.", "The comments to this entry are closed.", "TrackBack URL for this entry:".
COMMENT_FORM = re.compile(
    r"""^(?:
        leave\s+a\s+(?:reply|comment)(?:\s+to\s+.{1,60})? | post\s+a\s+comment | add\s+(?:a\s+|your\s+)?comment
      | write\s+(?:a\s+)?comment | your\s+email\s+address\s+will\s+not\s+be\s+published.*
      | required\s+fields\s+are\s+marked.* | (?:name|e-?mail|website|url)\s*(?:\*|\(required\))\s*:?
      | you\s+may\s+use\s+these\s+html\s+tags.* | notify\s+me\s+of\s+(?:follow-up\s+comments|new\s+posts).*
      | remember\s+me\??.* | (?:the\s+)?comments\s+(?:to\s+this\s+entry\s+)?are\s+closed\.?
      | comments?\s*\(\d+\) | be\s+the\s+first\s+to\s+(?:comment|like\s+this)\.?
      | you\s+can\s+follow\s+any\s+responses\s+to\s+this\s+entry.* | trackback(?:\s+url\b.*)?
      | comments\s+powered\s+by\s+disqus\.? | post\s+navigation | website | webseite
      | kommentar\s+verfassen | (?:hinterlasse|schreibe)\s+einen\s+kommentar
      | (?:deine|ihre)\s+e-mail-adresse\s+wird\s+nicht\s+veröffentlicht.* | erforderliche\s+felder\s+sind.*
      | laisser\s+un\s+commentaire | votre\s+adresse\s+(?:e-)?mail\s+ne\s+sera\s+pas\s+publiée.*
      | deja\s+(?:una\s+respuesta|un\s+comentario) | tu\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada.*
      | lascia\s+un\s+commento | il\s+tuo\s+indirizzo\s+email\s+non\s+sarà\s+pubblicato.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
COMMENT_FORM_MAX_LEN = 300
# A newspaper's print-edition note under a web article: "A version of this article
# appeared in print on 11/08/2012, on page B9 of the New York edition…".
PRINT_NOTE = re.compile(
    r"^a\s+version\s+of\s+this\s+(?:article|review|story|column|op-ed|editorial)\s+"
    r"appear(?:ed|s)\s+in\s+print\b.*$", re.IGNORECASE)
PRINT_NOTE_MAX_LEN = 300
# The software credit of a site's footer: "Powered by Movable Type.", "Proudly powered by
# WordPress".
POWERED_BY = re.compile(r"^(?:proudly\s+)?powered\s+by\s+[\w.\- ]{2,40}[.!]?(?:\s.{0,80})?$",
                        re.IGNORECASE)
POWERED_BY_MAX_LEN = 120

# A link to another article set in the text under a read-also label, in the languages
# of UI_LINE and Chinese: "LE PUEDE INTERESAR: La ficha de…", "PUEDES VER: ¿Qué es…?",
# "Czytaj też: Wyścig zbrojeń…", "Lesen Sie auch: …", "Read more: …", "相关阅读：《…》".
# The label must end in a colon and the rest be one headline, not sentences.
READ_ALSO = re.compile(
    r"""^[\[(【]?\s*(?:
        (?:also\s+)?read(?:\s+(?:more|also|next))? | see\s+also | related(?:\s+(?:post|story|article|link))?
      | (?:lesen\s+sie\s+(?:auch|mehr)|lies\s+auch|mehr\s+(?:dazu|zum\s+thema)|siehe\s+auch)
      | (?:le\s+puede\s+interesar|te\s+puede\s+interesar|puedes?\s+ver|lea\s+(?:también|además)|mir[ae]|ver\s+también|lee\s+también)
      | (?:lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi) | (?:leggi\s+anche|vedi\s+anche)
      | (?:czytaj\s+(?:też|także|więcej)|dowiedz\s+się\s+więcej|zobacz\s+(?:też|także))
      | (?:leia\s+(?:também|mais)|veja\s+também)
      | 相关(?:阅读|新闻|文章|报道|链接) | 延伸阅读 | 推荐阅读 | 点击阅读 | 阅读原文 | 往期回顾 | 猜你喜欢
    )\s*[\])】]?\s*[:：]\s*[^.!。！]{2,150}[.!。！]?$""",
    re.VERBOSE | re.IGNORECASE,
)
READ_ALSO_MAX_LEN = 200

# A picture agency's credit standing as a line of its own, under or over a picture:
# the photographer and the agencies in a path ending in the agency ("Sakib Ali/Hindustan
# Times/Getty Images", "Judy Eddy/WENN.com"), a picture library's name alone
# ("istockphoto"), or the label picture pages set before it ("Image copyright Getty
# Images", "Image copyright EPA"). A caption that says what the picture shows ("The crowd
# in Delhi. Sakib Ali/Getty Images") is a sentence, and "Image via …/Shutterstock",
# "Photo: Courtesy of …" are the writer's own credits: those stay.
_PICTURE_LIBRARY = (r"(?:getty\s+images(?:\s+(?:north\s+america|europe|asia\s?pac))?"
                    r"|wenn(?:\.com)?|istock(?:photo)?(?:\.com)?|shutterstock(?:\.com)?"
                    r"|picture[-\s]alliance|imago(?:\s+images)?)")
_PICTURE_AGENCY = r"(?:" + _PICTURE_LIBRARY + r"|afp|reuters|ap|epa(?:-efe)?|dpa)"
AGENCY_CREDIT = re.compile(
    r"""^(?:image\s+copyright\s+[^.!?:;]{2,40}
      | (?!.*\b(?:via|courtesy|photo|image|by)\b)(?:[\w.'’&-]+(?:\s+[\w.'’&-]+){0,4}\s*/\s*){1,3}"""
    + _PICTURE_AGENCY + r"""
      | """ + _PICTURE_LIBRARY + r""")$""",
    re.VERBOSE | re.IGNORECASE,
)
AGENCY_CREDIT_MAX_LEN = 90
# Every AGENCY_CREDIT holds one of these (lower-cased): the label, the path's slash or a
# picture library that stands alone.
AGENCY_CREDIT_KEYS = ("image copyright", "/", "getty", "istock", "shutterstock", "wenn",
                      "imago", "alliance")

# name, pattern, longest line it is tried on, the words (lower-cased) one of which a line
# must hold to be tried (none: every line is), and where they are looked for: in the
# line's first N characters (N > 0), its last -N (N < 0) or the whole line (0)
SIEVES: tuple[tuple[str, re.Pattern[str], int, tuple[str, ...], int], ...] = (
    ("copyright", COPYRIGHT_NOTICE, COPYRIGHT_NOTICE_MAX_LEN, (), 0),
    ("related-item", RELATED_ITEM, RELATED_ITEM_MAX_LEN, (), 0),
    ("pager", PAGER_LINE, PAGER_LINE_MAX_LEN, PAGER_KEYS, 0),
    ("reporter", REPORTER_LINE, REPORTER_LINE_MAX_LEN, (), 0),
    ("credits", CREDITS_LINE, CREDITS_LINE_MAX_LEN, (), 0),
    ("column-tag", COLUMN_TAG, COLUMN_TAG_MAX_LEN, (), 0),
    ("empty-label", EMPTY_LABEL, EMPTY_LABEL_MAX_LEN, (), 0),
    ("script-notice", SCRIPT_NOTICE, SCRIPT_NOTICE_MAX_LEN, (), 0),
    ("comment-form", COMMENT_FORM, COMMENT_FORM_MAX_LEN, (), 0),
    ("print-note", PRINT_NOTE, PRINT_NOTE_MAX_LEN, (), 0),
    ("powered-by", POWERED_BY, POWERED_BY_MAX_LEN, (), 0),
    ("read-also", READ_ALSO, READ_ALSO_MAX_LEN, (), 0),
    ("post-filing", POST_FILING, POST_FILING_MAX_LEN, POST_KEYS, 0),
    ("post-note", POST_NOTE, POST_NOTE_MAX_LEN, (), 0),
    ("trackback", TRACKBACK_LINE, TRACKBACK_LINE_MAX_LEN, (), 0),
    ("support-call", SUPPORT_CALL, SUPPORT_CALL_MAX_LEN, SUPPORT_KEYS, 0),
    ("disclosure", DISCLOSURE_NOTE, DISCLOSURE_NOTE_MAX_LEN, DISCLOSURE_KEYS, DISCLOSURE_HEAD),
    ("teaser", TEASER_LINE, TEASER_LINE_MAX_LEN, TEASER_KEYS, -TEASER_TAIL),
    ("agency-credit", AGENCY_CREDIT, AGENCY_CREDIT_MAX_LEN, AGENCY_CREDIT_KEYS, 0),
    ("post-tags", POST_TAGS, POST_TAGS_MAX_LEN, POST_TAGS_KEYS, 0),
    ("comments-heading", COMMENTS_HEADING, COMMENTS_HEADING_MAX_LEN, COMMENTS_KEYS, 0),
)
# An editor mark that opens a line whose rest is furniture: "【编辑:刘欢】 返回搜狐，查看更多";
# a control before it: "【纠错】 责任编辑： 尹世杰". Group "name" is the editor.
LEADING_EDITOR = re.compile(
    r"^[【\[（(]\s*(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<name>[^】\]）)]{1,30}?)\s*[】\]）)]\s*")
LEADING_CONTROL = re.compile(r"^(?:[【\[]\s*(?:纠错|打印|关闭|收藏|分享|推荐)\s*[】\]]\s*)+")
