"""Line patterns for what a site sets around a post: the blog engine's filing notes and
trackback furniture. Each is matched against one whole line (``line_patterns.SIEVES``
lists them with the rest), in the languages of the blog engines: English, German,
French, Spanish and Italian.
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
# Every POST_FILING and POST_NOTE holds one of these (lower-cased): other lines are not
# tried, which spares the prefix's many starting points on ordinary prose.
POST_KEYS = ("filed", "posted", "archiv", "abgelegt", "veröffentlicht", "publi", "pubblic",
             "classé", "clasificado", "written", "geschrieben", "verfasst", "eintrag", "beitrag",
             "entrada", "voce")

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
