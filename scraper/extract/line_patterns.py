"""Word lists and patterns for single lines of a rendered body: editor lines, page
furniture, interface words, disclaimers, related-article headings, info lines and
datelines. Block-level lists and thresholds are in ``patterns``.
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

# Lines that are furniture, not article text. Each alternative is one kind.
FURNITURE_LINE = re.compile(
    r"""^(?:
        原标题\s*[:：].*                              # 原标题：… (original headline)
      | [（(]?原题为.*                                 # （原题为…）
      | 展开全文 | 阅读全文 | 查看全文 | 点击查看.* | 点击进入.*
      | 上一篇\s*[:：]?.* | 下一篇\s*[:：]?.*          # previous / next article
      | 分享到\s*[:：]?.* | 分享\s*[:：].*               # share bars
      | 【?\s*(?:打印|关闭|关闭窗口|打印本页|返回顶部|收藏|纠错)\s*】?(?:\s*【?\s*(?:打印|关闭|关闭窗口|打印本页|返回顶部|收藏|纠错)\s*】?)*
      | 【?\s*字号\s*[:：]?.*                           # 【字号 大 中 小】
      | 字体\s*[:：]\s*[大中小\s]+
      | (?:\[\s*\d+\s*\]\s*)+(?:下一页|上一页|尾页)?\s*  # [1] [2] pagination
      | (?:上一页|下一页|首页|尾页)(?:\s+\S+){0,12}
      | 来源\s*[:：]\s*\S{1,30}                          # a lone 来源 line
      | (?:本报|本刊)?(?:记者|通讯员)\s*[:：]?\s*[\u4e00-\u9fff·\s]{2,20}   # standalone byline
      | [□■]\s*.{0,30}
      | 版权所有.* | Copyright\s*©.* | ©\s*\d{4}.*
      | (?:扫一扫|扫码|扫描二维码|长按(?:识别)?二维码|欢迎关注|关注我们).*   # WeChat and app promotions
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
# Interface words standing alone on a line: gallery, page, rating and sharing controls.
# Each alternative is one language's usual labels (English, German, French, Spanish,
# Italian, Polish, Portuguese).
UI_LINE = re.compile(
    r"""^[(\[]?\s*(?:caption|close|advertisement|ad|tags?|share(?:\s+this(?:\s+article)?)?|print|e-?mail
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
        |sie\s+müssen\s+sich\s+(?:einloggen|anmelden),?\s+um\s+.{0,60}?\s+zu\s+können)\s*[)\]]?\s*[:.…!»›]*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A heading that opens a list of other articles: never article text itself; outside
# the article's core block everything after it is that list. Each alternative is one language's usual words.
RELATED_HEADING = re.compile(
    r"""^(?:相关(?:新闻|阅读|文章|报道|链接)|延伸阅读|推荐阅读|猜你喜欢|热门(?:新闻|文章|推荐)
        |you\s+(?:may|might)\s+(?:also\s+)?like|related(?:\s+(?:articles?|stories|posts|news|content))?
        |more\s+(?:from|on|stories|news)\b.*|recommended(?:\s+for\s+you)?|read\s+(?:also|next)
        |você\s+pode\s+gostar|leia\s+também|lea\s+también|te\s+puede\s+interesar
        |lire\s+aussi|à\s+lire\s+aussi|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren|mehr\s+zum\s+thema
        |weitere\s+artikel|zum\s+weiterlesen|related\s+coverage|leggi\s+anche)\s*[:：.…]*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A line of tags or topics: the label, then a list of words ("Schlagworte zum Thema:
# Anwalt, Justiz", "Tags: Denken, Bilder"), or the blog engine's filing note.
TAGS_LINE = re.compile(
    r"""^(?:tags?|schlagw(?:orte|örter)|stichw(?:orte|örter)|themen|keywords|mots[-\s]clés
        |etiquetas|tag)(?:\s+zum\s+thema)?\s*[:：]\s*[^.!?。！？]*$
      | ^this\s+entry\s+was\s+posted\s+in\b.*
      | ^dieser\s+(?:eintrag|beitrag)\s+wurde\s+(?:in\s+.*\s+)?veröffentlicht\b.*""",
    re.VERBOSE | re.IGNORECASE,
)
# Interface, related-heading and tags lines are matched whole, up to this length.
INTERFACE_LINE_MAX_LEN = 160
# A promotion of the site itself: newsletter, subscription, app and social-media calls
# ("Sign up to our newsletter", "Folgen Sie uns auf Twitter", "Síguenos en Telegram").
# Searched in lines up to PROMO_LINE_MAX_LEN; each alternative names the site ("our",
# "us") or addresses the reader, so a sentence about subscriptions is not one.
PROMO_LINE = re.compile(
    r"""(?:subscribe|sign(?:ing)?\s+up)\s+(?:now\s+|today\s+)?(?:to|for)\s+our\b
      | \b(?:subscribe\s+to|sign\s+up\s+for)\s+the\s+[\w\s.+]{1,30}?newsletter
      | \bour\s+(?:\w+\s+)?newsletter | \bfollow\s+(?:us|me)\s+on\b
      | \bdownload\s+(?:our|the\s+\w+)\s+apps?\b | \benter\s+your\s+e-?mail
      | \balready\s+a\s+subscriber | \bplease\s+subscribe
      | \bunseren?\s+newsletter | \bnewsletter\s+(?:abonnieren|bestellen)
      | \b(?:gib|geben\s+sie)\s+(?:deine|ihre)\s+e-mail-adresse | \bfolgen\s+sie\s+uns\b | \bfolge\s+uns\b
      | \bs[ií]guenos\s+en\b | \bsuscr[ií]bete\b | \babonnez-vous\b | \bsuivez-nous\b""",
    re.VERBOSE | re.IGNORECASE,
)
PROMO_LINE_MAX_LEN = 300
# Every alternative above holds one of these (lower-cased): lines without any are not
# searched, which spares the regex's many starting points on ordinary prose.
PROMO_KEYS = ("subscri", "sign", "newsletter", "follow", "download", "mail", "folge", "guenos",
              "suscr", "abonn", "suivez")
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
WESTERN_DATE = re.compile(
    r"\b(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,2}\.?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?\d{4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})",
    re.IGNORECASE,
)
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
