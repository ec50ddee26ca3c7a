"""Line patterns for what a site sets around a post: the blog engine's filing notes and
trackback furniture, the site's calls to its reader (newsletters, social networks,
donations, advertising), its disclosures, and the teasers of its other posts.
``sieve_patterns.SIEVES`` lists the whole-line ones with the rest. In the languages of
the blog engines: English, German, French, Spanish and Italian, and others where the
form is usual.

Most are tried only on lines that hold one of their key words: a search over a long
line costs a regex as much per character as it has alternatives.
"""

from __future__ import annotations

import re

# The labels a blog engine files a post with: "Filed under", "Posted in", "Abgelegt unter",
# "Classé dans", "Archivado en", "Archiviato in". Without a colon, only these: a sentence
# may open with the others ("Published in Nature, the study …").
_FILING_LABEL = r"""(?:
    (?:filed|archived|posted)\s+(?:under|in) | abgelegt\s+(?:unter|in) | (?:classé|archivé)\s+dans
  | (?:archivado|clasificado)\s+en | archiviato\s+in
)"""
# … and with a colon, also "Published in:", "Veröffentlicht in:", "Publié dans :",
# "Publicado en:", "Pubblicato in:".
_PUBLISHED_LABEL = (r"(?:published\s+in|veröffentlicht\s+(?:in|unter)|publié\s+dans|publicado\s+en"
                    r"|pubblicato\s+in)")
# What may stand before the label on the line: other furniture cut off by separators
# ("Veröffentlicht: 05.01.2020 | Autor: X | ", "3. August 2015 · ") or a byline ended
# by a comma ("by Joseph Dickerson , ", "Article by Steph, ").
_FILING_PREFIX = r"""(?:
    (?:[^|·•!?]{1,60}[|·•]\s*){1,4}
  | (?:\w+\s+)?(?:by|von|par|por|da)\s+[^,|·•!?]{1,40},\s*
)?"""
# An article or a pronoun opening a sentence after a colon-less label, or after a comma in
# its list, is prose ("Posted in the window, the sign …", "Filed under seal, it …"), and so
# is a number ("Posted in 1990, the letter …"): a category is a name.
_PROSE_WORD = (r"(?:the|a|an|this|that|his|her|their|he|she|it|they|we|der|die|das|den|dem|des|ein"
               r"|eine|einem|einer|er|sie|es|le|la|les|un|une|il|elle|ils|el|los|las|lo|gli|uno)\b")
_NOT_PROSE_AFTER = r"(?!\d|" + _PROSE_WORD + r")(?!.*,\s*" + _PROSE_WORD + r")"
# The blog engine's filing note under a post, alone or with the post's other furniture:
# "Posted in: Fantasy | comments |", "Filed under news, two kisses for maddy.", "Archived
# under Portfolio.", "by Joseph Dickerson , Filed under: Fan Productions,Interview ,
# trackback", "3. August 2015 · Filed under ziemlich privat", "Abgelegt unter: Fotografie",
# "Publié dans : Actualités", "Archivado en: Noticias". With a colon the rest is a list,
# without one it is a short one of names. Not "Posted by X in Y" (a byline, which some
# sites' text keeps), nor a lone "Category: X" (a field of a data sheet as often).
POST_FILING = re.compile(
    r"^" + _FILING_PREFIX + r"""(?:
        (?:""" + _FILING_LABEL + "|" + _PUBLISHED_LABEL + r""")\s*:\s*[^.!?]{1,200}[.]?
      | """ + _FILING_LABEL + r"\s+" + _NOT_PROSE_AFTER + r"""[^.!?:;]{1,80}[.]?
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
# The sentence a blog theme writes about the entry: "This entry was posted on Saturday,
# August 25th, 2012 at 12:23 am and is filed under Neat Stuff. You can follow any
# responses…", "This entry was written by matt, posted on 9/10/2012 at 1:38 pm.", "This
# was written by K.G. Schneider. Posted on Friday, … Filed under Life. Bookmark the
# permalink.", "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter Linux.",
# "Dieser Eintrag wurde am 5. Mai 2014 veröffentlicht.", "Der Beitrag wurde am Mittwoch, den
# 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.", "Cet article a été publié dans
# Actualités.", "Esta entrada fue publicada en Noticias.", "Questa voce è stata pubblicata
# in Notizie.", and the byline that ends in the footer's links ("Posted by Karen Eng |
# Permalink | 2 Comments | Trackback").
POST_NOTE = re.compile(
    r"""^(?:
        this\s+(?:entry|post)\s+was\s+(?:posted|written|filed|published)\s+(?:on|in|by|at|under)\b.*
      | this\s+was\s+(?:written|posted)\s+by\s+.{1,60}?\b(?:posted|filed)\s+(?:on|in|under)\b.*
      | (?:posted|written|erstellt|geschrieben|verfasst|publié|publicado|pubblicato)\s+(?:on|am|le|el|il)\s+
        .{1,60}?\s+(?:and|und|et|y|e)\s+(?:is\s+|ist\s+)?(?:filed|posted|abgelegt|classé|archivado|archiviato)
        \s+(?:under|in|unter|dans|en)\b.*
      | dieser\s+(?:eintrag|beitrag)\s+wurde\s+.{0,100}?\b(?:veröffentlicht|abgelegt|geschrieben|erstellt)\b.*
      | der\s+(?:eintrag|beitrag)\s+wurde\s+am\s+.{0,120}?\b(?:unter|in)\s+.{1,120}?\babgelegt\b.*
      | (?:cette\s+entrée|cet\s+article|ce\s+billet)\s+a\s+été\s+(?:publiée?|classée?|rédigée?)\s+(?:le|dans|par)\b.*
      | esta\s+entrada\s+(?:fue|ha\s+sido)\s+(?:publicada|escrita|archivada)\b.*
      | questa\s+voce\s+(?:è\s+stata|fu)\s+(?:pubblicata|scritta|archiviata)\b.*
      | (?:posted|written|geschrieben|verfasst|publié|publicado|pubblicato)\s+(?:by|von|par|por|da)\s+[^|]{1,60}
        (?:\|\s*(?:permalink|\d+\s+comments?|comments?|kommentare?|trackbacks?|pingbacks?|share|e-?mail|print)\s*)+\|?
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
POST_NOTE_MAX_LEN = 400
POST_FILING_MAX_LEN = 160
# Every POST_FILING holds one of these (lower-cased): other lines are not tried, which
# spares the prefix's many starting points on ordinary prose. (POST_NOTE opens with its
# first word: a line is tried at its start only.)
POST_KEYS = ("filed", "posted", "archiv", "abgelegt", "veröffentlicht", "publi", "pubblic",
             "classé", "clasificado")

# A blog's trackback and comment-feed furniture: the trackback address itself
# ("http://www.typepad.com/services/trackback/6a00d834…"), TypePad's heading over the
# list of trackbacks ("Listed below are links to weblogs that reference …:"), "Trackback
# Pings", "Trackbacks are closed, but you can post a comment.", "Post a comment or leave a
# trackback: Trackback URL.", "Bookmark the permalink. Follow any comments here with the
# RSS feed for this post.", "Trackbacks und Pingbacks", and the comment form's notify box
# in the blog engines' languages ("Notify me of followup comments via e-mail",
# "Benachrichtige mich über nachfolgende Kommentare per E-Mail.", "Prévenez-moi de tous
# les nouveaux commentaires par e-mail.", "Avvisami via e-mail …").
TRACKBACK_LINE = re.compile(
    r"""^(?:
        https?://\S+/trackback(?:/\S*)?
      | listed\s+below\s+are\s+links\s+to\s+(?:weblogs|blogs|sites)\s+that\s+reference\b.*
      | (?:trackbacks?|pingbacks?)(?:\s*(?:&|and|und|et|y|e|/)\s*(?:trackbacks?|pingbacks?))?
        (?:\s+(?:pings?|url\b.*|are\s+closed\b.*|sind\s+geschlossen\b.*))?\s*:?
      | post\s+a\s+comment\s+or\s+leave\s+a\s+trackback\b.*
      | (?:trackbacks|comments)\s+are\s+closed,\s+but\s+you\s+can\b.*
      | bookmark\s+the\s+permalink\b.*
      | notify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments))\b.*
      | benachrichtige\s+mich\s+über\s+(?:nachfolgende|neue)\b.*
      | prévenez-moi\s+de\s+tous\s+les\s+nouveaux\b.*
      | avvisami\s+(?:via\s+e-?mail|dei\s+nuovi|alla\s+pubblicazione)\b.*
      | recib(?:ir|e)\s+un\s+(?:correo(?:\s+electrónico)?|e-?mail)\s+con\s+los\s+(?:siguientes|nuevos)\s+comentarios\b.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
TRACKBACK_LINE_MAX_LEN = 200

# The networks a site asks to be followed on.
_NETWORK = r"(?:facebook|twitter|instagram|youtube|telegram|whatsapp)"


def _promo(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.VERBOSE | re.IGNORECASE)


# A promotion of the site itself: newsletter, subscription, app and social-media calls
# ("Sign up to our newsletter", "Sign-up to the Daily Blog Tips newsletter", "Sign up for
# email updates from …", "… delivered straight to your inbox!", "WHITEHOUSE.GOV IN YOUR
# INBOX", "When you join our list we will send you …", "Like us on Facebook!", "Follow
# us!", "Twitter: @nuttynomads", "Comment on Facebook", "Folgen Sie uns auf Twitter",
# "Jetzt zum kostenlosen Newsletter anmelden", "Inscrivez-vous à la newsletter",
# "Síguenos en Telegram", "¡Mira lo que tiene nuestro canal de YouTube!", "… tenemos canal
# de Telegram", "suscribirse aquí a nuestra newsletter", "Iscriviti alla newsletter",
# "Zapraszamy do subskrypcji", "Stay Up-to-Date … with EL's Free Daily Newsletter", "Click
# like to get the latest music news … via Facebook.", "You should like Thought Catalog on
# Facebook here.", "Become a fan of CNNOpinion", "Interested in keeping up with Tesla
# Motors?", "… Sign up here"), and its subscription and delivery offers
# ("Subscribe to WIRED and stay smart …", "Get … delivered through your letterbox every
# month", "… straight to your phone with the … app", "Join our Space Forums …", "we have
# a proposition for you", "Jetzt für … anmelden", "… im Abo, als e-Paper … erhältlich").
# Searched in lines up to PROMO_LINE_MAX_LEN;
# each alternative names the site ("our", "us"), addresses the reader or is the whole
# line, so a sentence about subscriptions or about someone's followers is not one
# ("Thousands follow her on Twitter"). Not "Follow <author> on Twitter" (an article's
# own last line as often), nor the author's "sign up for my newsletter" in a post's text.
#
# One group of alternatives per set of key words (lower-cased), which every alternative
# of the group holds: a line is searched only by the groups whose words it holds, and
# a small group's search costs little on a long line (each alternative is tried at
# every character).
PROMO_GROUPS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("subscri", "sign", "suscr", "abonn", "inscri", "iscriv", "subskryp"), _promo(
        r"""(?:subscribe|sign(?:ing)?\s+up)\s+(?:now\s+|today\s+)?(?:to|for)\s+our\b
          | \b(?:subscribe\s+to|sign[-\s]up\s+(?:for|to))\s+the\s+[\w\s.+-]{1,30}?newsletter
          | \bsign(?:ing)?[-\s]up\s+(?:for|to)\s+(?:(?:the|free|daily|weekly)\s+)?(?!my\b)
            (?:[\w.+'’-]+\s+){0,3}?(?:e-?mail\s+updates|e-?mails|newsletters?|alerts)\b
          | \bnewsletter\s+sign[-\s]?up\b | \balready\s+a\s+subscriber | \bplease\s+subscribe
          | \bsuscr[ií]b[eií]te\b | \babonnez-vous\b | \binscrivez-vous\s+à\s+(?:la|notre)\s+newsletter
          | \biscriviti\s+(?:alla|alla\s+nostra)\s+newsletter
          | \bzapraszamy\s+(?:też\s+|również\s+)?do\s+subskrypcji
          | ^subscribe\s+to\s+\S | \bproblem\s+subscribing\b | \bsubscribers\s+(?:also\s+)?receive\b""")),
    (("newsletter",), _promo(
        r"""\bour\s+(?:\w+\s+)?newsletter | \bunseren?\s+newsletter | \bnuestr[oa]\s+(?:\w+\s+)?newsletter
          | \bnotre\s+(?:\w+\s+)?newsletter | \bla\s+nostra\s+newsletter
          | ^stay\s+(?:up[-\s]to[-\s]date|informed|in\s+the\s+know)\b.{0,100}?\bnewsletter\b
          | \bnewsletter\s+(?:abonnieren|bestellen|anmelden|erhalten) | \bzum\s+(?:\w+\s+)?newsletter\s+anmelden""")),
    (("inbox", "join our"), _promo(
        r"""\b(?:straight|right|directly|delivered)\s+(?:to|in(?:to)?)\s+your\s+inbox\b
          | ^.{0,60}\b(?:to|in|into)\s+your\s+inbox\s*[:!]?$
          | \bjoin\s+our\s+(?:mailing\s+|e-?mail\s+)?(?:list|newsletter)\b""")),
    (("follow", "folg", "guenos", "suivez", "retrouvez", "seguici"), _promo(
        r"""\bfollow\s+(?:us|me)\s+on\b | ^follow\s+(?:us|me)\s*[!.:]?$ | \bfolgen\s+sie\s+uns\b
          | \bfolg(?:e|t)\s+(?:uns|mir)\b | \bs[ií]guenos\s+en\b | \bsuivez-nous\b | \bretrouvez-nous\s+sur\b
          | \bseguici\s+su\b""")),
    (("facebook", "twitter", "instagram", "youtube", "telegram", "whatsapp"), _promo(
        r"""\b(?:like|find|join|tell|check|connect\s+with)\s+(?:us|me)(?:\s+out)?\s+(?:on|at)\s+""" + _NETWORK + r"""\b
          | ^""" + _NETWORK + r"""(?:\s+fan\s+page)?\s*:\s*\S+$ | ^(?:comment|discuss)\s+(?:this\s+)?on\s+""" + _NETWORK + r"""$
          | \b(?:nuestro|tenemos)\s+canal\s+de\s+""" + _NETWORK + r"""\b
          | ^(?:click|hit)\s+["“]?like["”]?\s+to\b.{0,80}?\bfacebook\b | ^you\s+should\s+like\s+.{1,40}?\s+on\s+facebook\b""")),
    (("fan of", "keeping up with", "sign up here"), _promo(
        r"""^become\s+a\s+fan\s+of\s+\S+\s*[.!]?$ | ^interested\s+in\s+keeping\s+up\s+with\s+[^.!?]{1,40}\?$
          | \bsign\s+up\s+here\s*[.!]?$""")),
    (("download", "mail"), _promo(
        r"""\bdownload\s+(?:our|the\s+\w+)\s+apps?\b | \benter\s+your\s+e-?mail
          | \b(?:gib|geben\s+sie)\s+(?:deine|ihre)\s+e-mail-adresse""")),
    (("deliver", "straight to your", "join our", "proposition"), _promo(
        r"""\bdelivered\s+(?:to|through|straight\s+to)\s+your\s+(?:door|letterbox|mailbox)
          | \bstraight\s+to\s+your\s+(?:phone|device|mobile)\b
          | \bjoin\s+our\s+(?:[\w-]+\s+)?(?:forums?|community)\b | \bwe\s+have\s+a\s+proposition\s+for\s+you\b""")),
    (("anmelden", "e-paper", "epaper"), _promo(
        r"""^jetzt\s+(?:für\s+.{1,40}?\s+)?(?:kostenlos\s+)?anmelden\b
          | \b(?:im\s+abo|als\s+e-?paper)\b.{0,60}\berhältlich\b""")),
)
PROMO_LINE_MAX_LEN = 300
# Keys that open their group's search only when the line also holds the second word:
# every alternative of PROMO_GROUPS that holds "sign" has "up" right after it ("sign up",
# "signing up", "sign-up", "signup"), so a line that only holds "design", "signal" or
# "assigned" is not searched for them.
PROMO_KEYS_WITH = {"sign": "up"}

# The site asking its reader for money or custom: to donate, to support it, to become a
# member, to advertise on it ("Help keep all of our online content free and accessible -
# donate today!", "Help support GayGamer by purchasing your items through our store!", "If
# you enjoyed reading this post – would you consider supporting our work?", "We rely on
# your support to make local news available to all", "Get Instant Leads And Recognition -
# Advertise On Bit Rebels", "Unterstützen Sie uns", "Jede kleine Spende hilft …", "Werben
# Sie bei uns", "Soutenez-nous", "HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS",
# "Haz una donación", "Sostienici"). A call opens the line or follows a dash; elsewhere only words
# that speak of "us" and "our work" count, so a report on a charity's appeal stays
# ("The charity asked people to donate today.").
SUPPORT_CALL = re.compile(
    r"""^(?:
        (?:please\s+)?help\s+(?:us\s+)?support\b.{0,120}?
        \b(?:donat\w*|contribut\w*|by\s+(?:purchasing|buying|subscribing|becoming)|our\s+(?:store|shop|work|journalism|site))\b.*
      | (?:please\s+)?help\s+(?:us\s+)?(?:keep|fund|sustain)\b.{0,120}?\b(?:donat\w*|donation)\b.*
      | (?:.{0,120}[-–—:|]\s*)?(?:donate|make\s+a\s+donation)\s+(?:now|today|here)\s*[!.]?
      | (?:.{0,120}[-–—:|]\s*)?advertise\s+(?:on|with|at|here)\b[^.!?]{0,40}[!.]?
      | (?:please\s+)?(?:become\s+a\s+(?:member|supporter)|hazte\s+miembro|werde\s+(?:mitglied|unterstützer(?:in)?)
        |devenez\s+(?:membre|donateur))\b.{0,120}
      | .{0,160}?\b(?:would\s+you\s+consider|please\s+consider|consider)\s+supporting\s+(?:us|our\s+work)\b.*
      | .{0,160}?\bsupport\s+(?:us|our\s+(?:work|journalism|newsroom|reporting))\s+(?:today|now|here|by\b|with\b|on\s+patreon)\b.*
      | we\s+rely\s+on\s+(?:your\s+support|readers\s+like\s+you|the\s+support\s+of\s+(?:our\s+)?readers)\b.*
      | .{0,80}?\bunterstütze[n]?\s+(?:sie\s+)?(?:uns|unsere\s+arbeit|das\s+projekt)\b.*
      | jede\s+(?:kleine\s+)?spende\b.* | jetzt\s+(?:spenden|unterstützen|mitglied\s+werden)\b.*
      | werben\s+sie\s+(?:bei|mit|auf)\s+uns\b.* | wir\s+sind\s+spendenfinanziert\b.*
      | (?:.{0,80}?\b)?(?:soutenez[-\s]nous|faites\s+un\s+don)\b.*
      | (?:.{0,80}?\b)?(?:haz\s+(?:una\s+)?donación|dona\s+(?:ahora|hoy|aquí))\b.*
      | (?:.{0,80}?\b)?(?:sostienici|sostieni\s+(?:il\s+nostro|la\s+nostra)|fai\s+una\s+donazione|dona\s+ora)\b.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
SUPPORT_CALL_MAX_LEN = 160
# Every SUPPORT_CALL holds one of these (lower-cased; "dona": donate, donation, donación,
# donazione, dona ora). Few: they are looked for in every line.
SUPPORT_KEYS = ("dona", "advertis", "support", "rely on", "member", "miembro", "mitglied",
                "unterstütz", "spende", "werben", "soutenez", "faites un don", "sostien", "membre")

# The site's disclosure set under its posts: that their links earn it a commission, or
# that the opinions are the author's alone. In English: "This website is supported, in
# part, by affiliate arrangements (usually Amazon).", "This post may contain affiliate
# links.", "Some of the links above are affiliate links …", "Microsoft may earn an
# Affiliate Commission if you purchase something through recommended links in this
# article.", "As an Amazon Associate I earn from qualifying purchases.", "The opinions
# expressed in this commentary are solely those of the authors.", "Schneier.com is a
# personal website. Opinions expressed are not necessarily those of BT.", "NOW Grenada
# is not responsible for the opinions … presented by contributors."; in
# German: "Die mit Sternchen (*) gekennzeichneten Links sind sogenannte Affiliate-Links",
# "Dieser Artikel enthält Affiliate-Links", "Für Links auf dieser Seite erhält familie.de
# ggf. eine Provision", "Anzeige, enthält Affiliate Links", "Dieser Beitrag gibt die
# Meinung des Autors wieder, nicht notwendigerweise die der Redaktion"; and the French,
# Spanish and Italian forms ("Cet article contient des liens affiliés", "Las opiniones
# expresadas … no reflejan …", "Le opinioni espresse … sono …"). Each speaks of this
# post, this site or its links: an article about affiliate marketing or about someone's
# views stays. Not the author's own note, which the post's text holds as often ("Disclosure:
# I have worked with …", "Note: The views … in this article are those of the author").
_DISCLOSURE_LABEL = (r"(?:[*(]\s*|\(\*\)\s*)*(?:(?:hinweis|transparenz(?:hinweis)?|anzeige|werbung"
                     r"|advertisement)\s*[:.,]\s*)?")
DISCLOSURE_NOTE = re.compile(
    r"^" + _DISCLOSURE_LABEL + r"""(?:
        (?:this|the)\s+(?:post|site|website|article|page|blog|review)\b.{0,80}?\b(?:affiliate|commission)\b.*
      | (?:some\s+of\s+|all\s+)?(?:the\s+)?links?\s+(?:in|on|above|below|within)\s+(?:this|the|these)\b.{0,60}?\baffiliate.*
      | (?:[\w.'’-]+\s+){1,3}(?:may|might|will|can)\s+(?:earn|receive|get)\s+(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?commission\b
        (?=.*\b(?:links?|purchases?|featured|this\s+(?:page|article|post))\b).*
      | as\s+an\s+amazon\s+associate\b.*
      | (?:(?:[^.!?]|\.(?=\S)){1,60}[.!]\s+)?(?:the\s+)?(?:views?|opinions?)(?:\s+and\s+(?:views?|opinions?))?\s+expressed
        (?:\s+(?:in\s+this\s+\w+|here(?:in)?|on\s+this\s+(?:site|blog|website)))?\s+(?:are|do\s+not)\b
        (?=.*\b(?:author|authors|those\s+of|necessarily|reflect|solely|own)\b).*
      | (?:[\w.'’-]+\s+){1,4}is\s+not\s+responsible\s+for\s+the\s+(?:opinions|views|content)\b.*
      | (?:die\s+|alle\s+)*(?:mit\s+(?:einem\s+)?(?:sternchen|stern)\b.{0,20}?\s+gekennzeichneten\s+links|links\s+mit\s+(?:sternchen|stern))
        \b.{0,40}?\baffiliate.*
      | (?:dieser|dieses|der)\s+(?:artikel|beitrag|post|text)\s+(?:kann|enthält|beinhaltet)\b.{0,80}?
        \b(?:affiliate|provision|werbung|werbende)\w*.*
      | für\s+links\s+auf\s+dieser\s+seite\s+erhält\b.{0,40}?\bprovision\b.*
      | enthält\s+(?:affiliate[-\s]links|werbung)\b.*
      | (?:namentlich\s+gekennzeichnete\s+)?(?:dieser\s+)?(?:beitrag|beiträge|artikel|kommentare(?:\s+von\s+lesern)?)\s+
        (?:gibt|geben|stellen|spiegeln|spiegelt)\s+(?:immer\s+|ausschließlich\s+|keinesfalls\s+|nicht\s+)?(?:die\s+)?meinung\s+de[sr]\b.*
      | (?:cet\s+article|ce\s+billet|cette\s+page)\s+(?:peut\s+)?(?:contenir|contient)\s+des\s+liens\s+(?:affiliés|d'affiliation|sponsorisés)\b.*
      | les\s+(?:opinions|propos)\s+exprimé(?:e?s)?\b.{0,60}?\b(?:n'engagent|sont\s+celles?)\b.*
      | (?:este\s+(?:artículo|post)|esta\s+(?:página|entrada))\s+(?:puede\s+)?conten(?:er|iene)\s+enlaces\s+(?:de\s+)?afiliad.*
      | las\s+opiniones\s+expresadas\b.{0,60}?\b(?:son\s+(?:de\s+)?(?:exclusiva\s+)?responsabilidad|no\s+(?:reflejan|representan|necesariamente))\b.*
      | quest[oa]\s+(?:articolo|post|pagina)\s+(?:può\s+)?contiene?\s+link\s+(?:di\s+)?affilia.*
      | le\s+opinioni\s+espresse\b.{0,60}?\b(?:sono|non)\b.*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
DISCLOSURE_NOTE_MAX_LEN = 400
# Every DISCLOSURE_NOTE holds one of these (lower-cased) in its first DISCLOSURE_HEAD
# characters: each alternative names its subject near the line's start.
DISCLOSURE_HEAD = 120
DISCLOSURE_KEYS = ("affili", "afiliad", "commission", "associate", "opinion", "views expressed",
                   "meinung", "provision", "werbung", "responsible for", "propos exprimé")

# A teaser of another post: its first words cut off, then the link to read it ("Will
# iPad lovers give Windows 8 tablets a chance? That's the question we asked for t… Read
# More...", "Can we understand what goes on in an animal's head? Read more...", "…
# erwartet hatten.“ Weiterlesen →", "… Lire la suite", "… Leer más", "… Leggi tutto").
# The label follows an ellipsis or a sentence's end: "I want to read more." is prose, and
# so, for the golds, is a post's own "… [Continue reading]" in brackets.
_TEASER_LABEL = (r"(?:read\s+more|continue\s+reading|weiterlesen|lire\s+la\s+suite|leer\s+más"
                 r"|seguir\s+leyendo|leggi\s+(?:tutto|di\s+più)|continua\s+a\s+leggere|阅读全文)")
TEASER_LINE = re.compile(
    r"""^.{10,400}?(?:
        (?:…|\.\.\.)\s*""" + _TEASER_LABEL + r"""(?:\s*[.…»›→>])*
      | [.!?“”"»]\s*""" + _TEASER_LABEL + r"""(?:\s*[.…»›→>])*
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
TEASER_LINE_MAX_LEN = 420
# Every TEASER_LINE holds one of these (lower-cased) in its last TEASER_TAIL characters.
TEASER_KEYS = ("read more", "continue reading", "weiterlesen", "lire la suite", "leer más",
               "seguir leyendo", "leggi", "continua a leggere", "阅读全文")
TEASER_TAIL = 28

# The labels a blog engine lists a post's tags under, alone or at the end of the post's
# filing line: "Tagged as: fall, fall craft, tissue paper", "Labels: GOProud, homocons",
# "Tagged with: …", "Category: BMW - Tags: bmw 2013, bmw suv", "05/10/2018 - Publicado
# por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento". What stands before
# the label is fields cut off by separators; the tags are a list, not a sentence.
POST_TAGS = re.compile(
    r"""^(?:[^.!?|·•]{1,60}\s[-|·•]\s){0,4}
        (?:labels|tagged(?:\s+(?:as|with|in))?|tags?)\s*:\s*[^.!?]{1,200}$""",
    re.VERBOSE | re.IGNORECASE,
)
POST_TAGS_MAX_LEN = 300
# Every POST_TAGS holds one of these (lower-cased).
POST_TAGS_KEYS = ("tag", "label")

# The heading of a comment thread, in the blog engines' and news sites' usual words:
# "Comments", "2 comments:", "Comments (12)", "READER COMMENTS:", "7 Responses to “How
# to …”", "One thought on “…”", "12 Kommentare", "Kommentare (3)", "3 commentaires",
# "Comentarios", "Commenti"; or the comment form's, which the thread follows or
# precedes ("Leave a Reply", "Tell us what YOU think...", "Have your say", "Schreibe
# einen Kommentar", "Laisser un commentaire"). A count is needed before "responses",
# "replies", "thoughts" and "reactions", which alone may head an article's own section,
# and before a singular "Comment" (what a source may offer a journalist, in a list of
# such headings). Below the article's text, the rest of the body is the thread (``tidy``).
_COMMENT_WORD = (r"(?:comments|kommentare|commentaires|comentarios|commenti"
                 r"|(?:reader|user|readers['’]?|visitor)\s+comments|leserkommentare)")
_COUNTED_WORD = r"(?:responses?|replies|repl(?:y|ies)|thoughts?|reactions?|comments?)"
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
COMMENTS_HEADING = re.compile(
    r"""^(?:
        (?:\d+\s+)?""" + _COMMENT_WORD + r"""(?:\s*[(\[]\d+[)\]])?
      | (?:comment|kommentar|commentaire|comentario|commento)\s*[(\[]\d+[)\]]
      | """ + _COUNT + r"\s+" + _COUNTED_WORD + r"""(?:\s+(?:to|on|for|zu)\s+.{1,150})?
      | (?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+|your\s+|new\s+)?comment
        |write\s+a\s+comment|tell\s+us\s+what\s+you\s+think|share\s+your\s+thoughts
        |join\s+the\s+(?:discussion|conversation)|have\s+your\s+say|kommentar\s+(?:verfassen|schreiben)
        |(?:hinterlasse|schreibe)\s+einen\s+kommentar|laisser\s+un\s+commentaire
        |deja\s+(?:una\s+respuesta|un\s+comentario)|lascia\s+un\s+commento)(?:\s+to\s+.{1,150})?\s*(?:[.!…]+|\.\.\.)?
    )\s*[:.]?$""",
    re.VERBOSE | re.IGNORECASE,
)
COMMENTS_HEADING_MAX_LEN = 180
# Every COMMENTS_HEADING holds one of these (lower-cased): other lines are not tried.
COMMENTS_KEYS = ("omment", "coment", "espons", "repl", "hought", "eaction", "think", "discussion",
                 "conversation", "say", "respuesta")
# The weighted length of article text kept above a comments or related-articles heading
# for it to end the body (``tidy``): a count under the headline ("7 Comments") stands
# above the article, not below it.
ENDING_MIN_ABOVE = 200
