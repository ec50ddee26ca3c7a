"""The line sieves: boilerplate classes that portals and blogs put inside the article's
own container, where no block-level hint reaches them (copyright notices, related-news
entries, pagers, reporter and credit lines, comment forms, read-also links…). Each is
matched against one whole line up to its maximum length; ``SIEVES`` lists them by name
(the name says why a line was dropped). The blog engines' own furniture is in
``post_patterns``; the other single-line classes are in ``line_patterns``.
"""

from __future__ import annotations

import re

from .line_patterns import CJK_NAMES
from .post_patterns import (COMMENTS_HEADING, COMMENTS_HEADING_MAX_LEN, COMMENTS_KEYS,
                            DISCLOSURE_HEAD, DISCLOSURE_KEYS, DISCLOSURE_NOTE,
                            DISCLOSURE_NOTE_MAX_LEN, POST_FILING, POST_FILING_MAX_LEN, POST_KEYS,
                            POST_NOTE, POST_NOTE_MAX_LEN, POST_TAGS, POST_TAGS_KEYS,
                            POST_TAGS_MAX_LEN, SUPPORT_CALL, SUPPORT_CALL_MAX_LEN, SUPPORT_KEYS,
                            TEASER_KEYS, TEASER_LINE, TEASER_LINE_MAX_LEN, TEASER_TAIL,
                            TRACKBACK_LINE, TRACKBACK_LINE_MAX_LEN)

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
# The site's legal notices to its reader, under or beside its articles: that its content
# is no advice ("The content on this site is provided as general information only and
# should not be taken as investment advice. …", "… is for informational purposes only"),
# that an event listed on it is not endorsed ("By providing information about … events
# on this site, TheaterMania.com shall not be deemed to endorse,"), that taking part means
# accepting its terms ("We require all participants in interactive areas to accept the
# terms of the … subscriber agreement. …", "By using this site you agree …"), that its
# quotes are delayed ("Real-time U.S. stock quotes reflect trades reported through Nasdaq
# only; … delayed at least 15 minutes."); in German "Alle Angaben ohne Gewähr", a form's
# consent ("Ich habe die Datenschutzerklärung gelesen und akzeptiere sie.", "Mit der
# Registrierung akzeptiere ich die Nutzungsbedingungen …", "I have read and agree to the
# privacy policy") and an embedded post's privacy notice ("Wir respektieren deine
# Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter
# her."). The advice and endorsement forms need the site or its content as their subject:
# a report that a minister's figures "should not be taken as advice" stays.
_NOTICE_SUBJECT = (r"\b(?:this|the|our|all)\s+(?:site|website|blog|content|information|material"
                   r"|articles?|posts?)\b")
LEGAL_NOTICE = re.compile(
    r"""^(?:
        (?=.{0,500}?""" + _NOTICE_SUBJECT + r""")
        (?=.{0,500}?\b(?:should|must)\s+not\s+be\s+(?:taken|construed|considered|relied\s+(?:up)?on|treated|used)\s+as\b.{0,40}?\badvice\b
          |.{0,500}?\bis\s+not\s+intended\s+(?:as|to\s+be)\b.{0,40}?\badvice\b
          |.{0,500}?\b(?:does|do)\s+not\s+constitute\b.{0,40}?\badvice\b
          |.{0,500}?\bfor\s+(?:general\s+)?information(?:al)?\s+purposes\s+only\b).*
      | (?=.{0,300}?\bon\s+this\s+(?:site|website)\b)
        (?=.{0,400}?\b(?:shall|does|will)\s+not\s+(?:be\s+deemed\s+to\s+)?(?:endorse|constitute\s+an?\s+endorsement)\b).*
      | (?:we\s+require|you\s+must|all\s+(?:users|participants|members|commenters))\b.{0,120}?\baccept\s+the\s+terms\s+of\b.*
      | by\s+(?:using|visiting|posting\s+(?:on|to)|commenting\s+on)\s+(?:this|our)\s+(?:site|website|page|forum|blog)\b
        .{0,80}?\byou\s+(?:agree|accept|consent)\b.*
      | (?=.{0,80}?\bquotes\b)(?=.{0,400}?\bdelayed\s+(?:by\s+)?(?:at\s+least\s+)?\d+\s+min(?:utes?)?\b).*
      | (?:yes,\s*)?i\s+(?:have\s+read\s+(?:and\s+(?:agree\s+to|accept)\s+)?|agree\s+to\s+|accept\s+|consent\s+to\s+)
        (?:the|your)\s+(?:privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions))\b.*
      | (?:[^.!?]{0,40}\s[-–|]\s*)?\(?(?:alle\s+)?angaben\s+ohne\s+gewähr\)?\s*[!.]?
      | (?:ja,\s*)?ich\s+(?:habe|bin)\b.{0,80}?\bdatenschutz(?:erklärung|hinweise|bestimmungen|richtlinien?)\b
        .{0,80}?\b(?:gelesen|akzeptiert?|einverstanden|zur\s+kenntnis\s+genommen)\b.*
      | (?:mit\s+der\s+(?:registrierung|anmeldung)\s+)?akzeptiere\s+ich\b.{0,80}?\b(?:nutzungsbedingungen|datenschutz).*
      | (?:wir\s+respektieren\s+(?:deine|ihre)\s+privatsphäre|we\s+respect\s+your\s+privacy)\b.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
LEGAL_NOTICE_MAX_LEN = 1000
# Every LEGAL_NOTICE holds one of these (lower-cased).
LEGAL_NOTICE_KEYS = ("advice", "purposes only", "endorse", "terms", "you agree", "you accept",
                     "you consent", "delayed", "privacy", "gewähr", "datenschutz", "nutzungsbedingungen",
                     "privatsphäre")
# The site asking its reader to write in about the article: letters to the editor ("Submit
# your letter to the editor via this form.", "… Submit a letter to the editor or write to
# letters@…"), "We want to hear what you think about this article.", "We’d like to hear
# what you think about this or any of our articles.", "Have a tip? <reporter> may be
# reached at …". A post's own "we'd love to hear what you think." (of a product, a change)
# names neither this article nor ours, and a report on letters received sends none.
READER_CALL = re.compile(
    r"""^(?:
        .{0,160}?\b(?:submit|send|write)\s+(?:us\s+)?(?:your\s+|a\s+)?letters?\s+to\s+the\s+editor\b.*
      | .{0,160}?\bwe(?:['’]d|\s+would)?\s+(?:like|want|love)\s+to\s+hear\s+what\s+you\s+think\s+(?:about|of)\s+(?:this|our)\b.*
      | (?:got|have)\s+a\s+(?:news\s+)?tip\s*\?.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
READER_CALL_MAX_LEN = 400
# Every READER_CALL holds one of these (lower-cased).
READER_CALL_KEYS = ("to the editor", "hear what you think", "a tip", "news tip")
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
# A reporter line: outlet, the role, the names, and where it was reported from
# ("光明日报记者 王建宏 张文攀", "新京报记者 彭冲 山东冠县报道", "本报记者 张三 通讯员 李四").
# Only a whole line: "据新华社电（记者 格桑边觉）记者近日…" is a sentence.
_REPORTER_ROLE = r"(?:本报|本刊|本台|本网)?(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生)"
REPORTER_LINE = re.compile(
    r"^[\u4e00-\u9fff·]{0,12}?" + _REPORTER_ROLE + r"[\s:：]+" + CJK_NAMES
    + r"(?:\s+" + _REPORTER_ROLE + r"[\s:：]+" + CJK_NAMES + r")*"
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
# "Czytaj też: Wyścig zbrojeń…", "Lesen Sie auch: …", "Read more: …", "相关阅读：《…》",
# "À lire aussi » Ballonnements, lourdeurs...Quel est votre profil digestif ?".
# The label must end in a colon (or »), and the rest be one headline, not sentences
# (an ellipsis inside it is no sentence's end).
READ_ALSO = re.compile(
    r"""^[\[(【]?\s*(?:
        (?:also\s+)?read(?:\s+(?:more|also|next))? | see\s+also | related(?:\s+(?:post|story|article|link))?
      | (?:lesen\s+sie\s+(?:auch|mehr)|lies\s+auch|mehr\s+(?:dazu|zum\s+thema)|siehe\s+auch)
      | (?:le\s+puede\s+interesar|te\s+puede\s+interesar|puedes?\s+ver|lea\s+(?:también|además)|mir[ae]|ver\s+también|lee\s+también)
      | (?:lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi) | (?:leggi\s+anche|vedi\s+anche)
      | (?:czytaj\s+(?:też|także|więcej)|dowiedz\s+się\s+więcej|zobacz\s+(?:też|także))
      | (?:leia\s+(?:também|mais)|veja\s+também)
      | 相关(?:阅读|新闻|文章|报道|链接) | 延伸阅读 | 推荐阅读 | 点击阅读 | 阅读原文 | 往期回顾 | 猜你喜欢
    )\s*[\])】]?\s*[:：»]\s*(?:[^.!。！]|\.\.\.|…){2,150}[.!。！]?$""",
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
    ("legal-notice", LEGAL_NOTICE, LEGAL_NOTICE_MAX_LEN, LEGAL_NOTICE_KEYS, 0),
    ("reader-call", READER_CALL, READER_CALL_MAX_LEN, READER_CALL_KEYS, 0),
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
