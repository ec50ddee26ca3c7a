"""Every block-level word list, pattern and threshold the body extractor uses, named
once (the class and id words are in ``hint_patterns``; the lists for single lines of
the body are in ``line_patterns``, ``sieve_patterns`` and ``post_patterns``).
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------- tags

# Never content: dropped from the tree before anything is scored. Only elements that
# can hold text are listed: each tag costs a search of the whole page, and empty ones
# (<meta>, <link>, <input>, <embed>; <head> is not in the body at all) add nothing to
# what is measured or rendered.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "select", "textarea", "button", "option", "map", "audio", "video", "dialog",
    # ruby annotations: the reading aids over 漢字 (子<rt>こ</rt>) would be read twice
    "rt", "rp",
)
# Structural boilerplate by HTML5 semantics.
BOILERPLATE_TAGS = ("nav", "aside", "footer", "menu")

# Elements whose class/id can mark a whole boilerplate block. Inline ones (a, span, i,
# img) are left to the link-density rules: they are many and small.
HINTED_BLOCK_TAGS = ("div", "section", "ul", "ol", "dl", "table", "td", "p", "header",
                     "form", "center", "dd", "li")

# Elements that start a new line when rendered.
BLOCK_TAGS = frozenset((
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    "caption", "legend", "menu",
))
# Void elements: no end tag, never any content (a line break, an image, a form field).
VOID_TAGS = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
))
# Blocks that are themselves one paragraph (or a heading, a line of its section): their
# text scores their parent.
PARAGRAPH_TAGS = frozenset(("p", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd",
                            "dt", "address"))

# Readability's tag priors: containers that usually hold articles score up, list
# and heading wrappers down.
TAG_PRIOR = {
    "div": 5, "article": 10, "main": 5, "section": 3, "td": 3, "pre": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}

# ---------------------------------------------------------------- text measures

# CJK ideographs and kana (one of them carries about as much as a short Latin word), in
# runs: summing run lengths makes one match per run, where matching each character
# builds a list as long as a Chinese text (five times slower).
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# How many Latin characters one CJK character is worth when measuring text length.
CJK_WEIGHT = 3
# Sentence punctuation, full-width and Latin: prose has it, menus and link lists do not.
# Latin marks count only before a space or the end, so numbers (3.77, 1,000) and
# tickers do not pass for prose.
PUNCTUATION = re.compile(r"[，。、；！？：]|[,;.!?:](?=\s|$)")

# A text run shorter than this (weighted chars) does not score as a paragraph.
MIN_PARAGRAPH_LEN = 25
# A paragraph's score: one point, one per punctuation mark, one per this many weighted
# chars (capped), as in readability.
CHARS_PER_POINT = 100
MAX_LENGTH_POINTS = 3
# Ancestors that share a paragraph's score: parent fully, grandparent half, then a third.
SCORE_LEVELS = (1.0, 0.5, 1 / 3)

# Characters that render as nothing: soft hyphens (Mit\u00adtel\u00adal\u00adter), zero-width
# spaces, byte-order marks and word joiners. They split words for search and matching.
INVISIBLE_CHARS = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Elements nested deeper than this inside the article are rendered as plain text lines
# (Python's recursion has a limit; real articles nest a few dozen levels at most).
MAX_RENDER_DEPTH = 150
# A body shorter than this (weighted chars) is retried without class/id pruning, and
# the longer result wins (readability's sieve).
MIN_BODY_LEN = 250
# <noscript> tags, removed for that retry so that their contents parse as markup (a
# parser that runs scripts reads them as raw text).
NOSCRIPT_TAG = re.compile(r"</?noscript\b[^>]*>", re.IGNORECASE)
# A tag inside a stated text (some sites put the article's HTML in articleBody).
MARKUP_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,400}>")
# How many of the best-scored candidates get their link density measured.
TOP_CANDIDATES = 5
# The chosen node's wrappers (up to this many levels) are taken in while the text
# they add is at most WIDEN_MAX_EXTRA times the article's and mostly not links.
WIDEN_LEVELS = 3
WIDEN_MAX_EXTRA = 0.5
WIDEN_MAX_LINK_DENSITY = 0.3
# Wrappers adding fewer characters than this are climbed whatever their links.
WIDEN_THIN_EXTRA = 100
# Lines the wrapper adds are kept only when this long (weighted) and punctuated…
OUTER_PROSE_LEN = 80
# …or when up to OUTSIDE_RUN_MAX of them in a row stand between two such lines (a
# subheading or a short paragraph of a section the wrapper adds). Longer runs are
# teaser lists: a title and a date line between each post's excerpt.
OUTSIDE_RUN_MAX = 1
# A body shorter than SPREAD_MAX_LEN (characters without whitespace) that holds less
# than SPREAD_MAX_COVERAGE of the page's text outside links may be one section of an
# article spread over several (product, recipe and event pages): the smallest node
# holding every block that scores SPREAD_SCORE_SHARE of the best one is rendered
# instead, when that gives more text.
SPREAD_MAX_LEN = 2000
SPREAD_MAX_COVERAGE = 0.3
SPREAD_SCORE_SHARE = 0.3
SPREAD_CANDIDATES = 30
# The <article> element (or itemprop=articleBody) up to ARTICLE_LEVELS above the chosen
# node is rendered whole, but for its <header>, when it holds at most ARTICLE_MAX_GROWTH
# times the chosen text and at most ARTICLE_MAX_LINK_DENSITY of it is links.
ARTICLE_BODY_ITEMPROP = "articlebody"
ARTICLE_LEVELS = 10
ARTICLE_MAX_GROWTH = 4
ARTICLE_MAX_LINK_DENSITY = 0.3
# Siblings of the chosen node are kept when they score at least this share of it…
SIBLING_SCORE_SHARE = 0.2
SIBLING_MIN_SCORE = 10.0
# …or when they are plain paragraphs this long with few links.
SIBLING_PARAGRAPH_LEN = 80
SIBLING_LINK_DENSITY_MAX = 0.25
# Blocks of the chosen block's tag and class under a common ancestor at most
# SECTION_LEVELS above it (div.story-text split by an advert row, one
# div.elementor-text-editor per builder section) are sections of the same article
# when they score at least SECTION_MIN_SCORE (a paragraph or two of prose).
SECTION_LEVELS = 10
SECTION_MIN_SCORE = 10.0
# A linked headline beside such a block makes it the teaser of another post.
SECTION_TEASER_TITLE = "h1 a, h2 a, h3 a, h4 a, a h1, a h2, a h3, a h4"
# Alternative candidates this close to the top one, sharing an ancestor, pull the
# choice up to that ancestor (articles split into several sibling blocks).
ALTERNATIVE_SCORE_SHARE = 0.75
MIN_ALTERNATIVES = 3
# An ancestor of the top candidate that scores more than the wrapper below it is taken
# only when a block it adds scores this much (a paragraph or two of prose, as
# SIBLING_MIN_SCORE): a byline, a site's info line or a sidebar's tagline beside the
# article raise its score too (cw-500b350d: "巴彦淖尔市政府门户网站 … 打印本页").
CLIMB_PART_MIN_SCORE = 10.0

# The standfirst above the article block (see ``standfirst``): an element whose class or
# id names a lead, deck, intro, summary, subtitle or excerpt in a newsroom's words
# (``p#stand-first``, ``h2#deck``, ``div.leadIn``, ``h2.article-subheadline``,
# ``div.contentHeaderHeader__abstract``, Spanish ``bajada``/``entradilla``, French
# ``chapo``, German ``vorspann``): looked for among the elements whose class or id holds
# one of STANDFIRST_STEMS (any letter case), and matched whole-word.
STANDFIRST_HINT = re.compile(
    r"""(?<![a-z])(?:lead|leadin|lede|stand[-_ ]?first|deck|dek|intro|introtext|summary
      |sub[-_ ]?title|sub[-_ ]?head|sub[-_ ]?headline|abstract|excerpt|bajada|entradilla
      |chapo|chapeau|sumario|vorspann)(?![a-z])""", re.VERBOSE)
STANDFIRST_STEMS = ("lead", "lede", "stand", "deck", "dek", "intro", "summary", "title", "head",
                    "abstract", "excerpt", "bajada", "entradilla", "chapo", "sumario", "vorspann")
# It stands before the article block or one of its STANDFIRST_LEVELS nearest ancestors,
# with at most STANDFIRST_GAP_MAX characters between them (a byline, a date)…
STANDFIRST_LEVELS = 6
STANDFIRST_GAP_MAX = 300
# The page's headline: a standfirst comes after it, a site's tagline before it.
HEADLINE_TAGS = frozenset(("h1",))
# …and is a sentence or two (weighted characters), with at most this share of links.
STANDFIRST_MIN_LEN = 30
STANDFIRST_MAX_LEN = 600
STANDFIRST_LINK_SHARE_MAX = 0.2

# A body too short to be an article (MIN_BODY_LEN) whose chosen block holds lists of
# headline links is a link roll (a blog's "links of the week", a news briefing): the
# lists are the post. A list of at least LINK_ROLL_MIN_ITEMS links averaging
# LINK_ROLL_MIN_LEN characters is read then, not dropped as a link list.
LINK_ROLL_TAGS = frozenset(("ul", "ol"))
LINK_ROLL_MIN_ITEMS = 3
LINK_ROLL_MIN_LEN = 30
# A link-dense list inside the article's core block is the article's own, read whatever
# its link share, when the article's prose goes on after it (at least
# ARTICLE_LIST_PROSE_AFTER characters outside links among its siblings) and most of its
# items say more than their link (less than ARTICLE_LIST_ITEM_LINK_SHARE of an item is
# link: "Copywriting Ebook Giveaway! – 15.7%", "… by Deborah Shane", "See it now:
# Amazon"): the emails a post compares, the deals it lists. A related list comes at the
# end, its items bare headlines; a list holding pictures is one of teaser cards.
ARTICLE_LIST_TAGS = frozenset(("ul", "ol"))
ARTICLE_LIST_PROSE_AFTER = 80
ARTICLE_LIST_ITEM_LINK_SHARE = 0.9

# ---------------------------------------------------------------- second opinion

# Page-region elements: a block inside one is the page's furniture (an "about us"
# blurb in <footer>, a newsletter box in <aside>), not its article.
REGION_TAGS = frozenset(("header", "footer", "nav", "aside"))
# The same regions named by ARIA landmark role or by the layout's id (id="header").
REGION_ROLES = frozenset(("banner", "contentinfo", "navigation", "complementary"))
REGION_IDS = frozenset(("header", "footer", "sidebar", "nav", "navigation", "masthead"))
# The chosen block is doubted when its body is shorter than DOUBT_MAX_LEN (characters
# without whitespace) and holds less than DOUBT_PROSE_SHARE of the page's prose (a
# teaser, a blurb or one comment taken for the article; a long body beside a longer
# comment thread is the article)…
DOUBT_MAX_LEN = 500
DOUBT_PROSE_SHARE = 0.3
# …and then the best of the DOUBT_CANDIDATES best raw scores (at most
# DOUBT_ALTERNATIVES of them, each scoring at least DOUBT_MIN_SCORE_SHARE of the best)
# is rendered too. It replaces the first choice when its body is DOUBT_GAIN times as
# long, or REGION_DOUBT_GAIN times when the first sits in a page region.
DOUBT_CANDIDATES = 10
DOUBT_ALTERNATIVES = 3
DOUBT_MIN_SCORE_SHARE = 0.3
DOUBT_MIN_ADJUSTED_SHARE = 0.5
DOUBT_GAIN = 2.0
REGION_DOUBT_GAIN = 0.5

# ---------------------------------------------------------------- pruning inside the body

# A block inside the body whose text is mostly anchors is a link list (related news,
# channel links, rankings), not prose.
LINK_DENSITY_MAX = 0.5
# Short blocks need a lower link share to be kept: "更多>>" style widgets.
SHORT_BLOCK_LEN = 60
SHORT_LINK_DENSITY_MAX = 0.35
# A link-dense block of the article's core that wraps a paragraph this long (characters
# without whitespace) with few links is read child by child, not dropped whole: a post's
# one paragraph above its "Transcript | Download mp4" and "Related" link lines.
WRAPPED_PROSE_MIN = 80
# …when the block opens with it: at most this much link text before it (a section link).
WRAPPED_PROSE_LEAD_LINKS_MAX = 20
# The anchors that are links, for every link share: an ``<a name>`` without ``href`` is
# a bookmark the page can be scrolled to (``<a name="wodarg">Eine der meistgestellten
# Hörerfragen …</a>``, a manual's ``<a name="config"><h2>Configuring Rsync``), its
# text the article's own, not a link to somewhere else.
LINK_ANCHORS = "a:not([name]:not([href]))"
# A paragraph inside the article's core block is dropped only when it is nearly all
# link: a sentence built around one long link is still the article's.
CORE_PARAGRAPH_LINK_DENSITY_MAX = 0.8
# …nor when it is a sentence around its links: words of its own beside at most
# LINKED_SENTENCE_MAX_LINKS links, at least LINKED_SENTENCE_MIN_WORDS words, and the
# end of a sentence ("a different dave wrote:", "A product marketing guide!", "This
# week's new Tabletop is … called Say Anything."). A paragraph that is all link, or
# several links in a row (headlines, "X from Y on Vimeo."), is still a link list; a
# read-also label before its link is cut by the sieves (``READ_ALSO``).
LINKED_SENTENCE_MAX_LINKS = 2
LINKED_SENTENCE_MIN_WORDS = 3
LINKED_SENTENCE_END = re.compile(r"[.!?:。！？：][\"'”’)\]]*$")
# …unless the paragraph is a web or mail address printed as text (a petition's URL, a
# contact address): the article gives it to the reader, it is no link to another page.
PRINTED_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A negative-hinted element is only pruned if it holds less than this share of the page's
# text outside links.
MAX_PRUNED_SHARE = 0.5
# …except an element that is never the article (named for comments by COMMENT_WORDS or
# COMMENT_STEMS, or by a REGION_IDS id: a Disqus thread, the ``div#sidebar`` of a blog,
# either longer than a short post): it is pruned whenever the page holds at least this
# much prose outside it (characters outside links, as MIN_BODY_LEN), and spared only
# when it wraps the page's text.
NEVER_ARTICLE_OUTSIDE_MIN = 250

# ---------------------------------------------------------------- captions

# A short text block right after an image-only block is its caption.
CAPTION_MAX_LEN = 80
# A block whose class names it a caption (``Figure-caption``, ``wp-caption-text``) is one
# up to this long (characters without whitespace): captions of news photos run to two
# sentences.
CAPTION_HINTED_MAX_LEN = 300
# Without a caption class, a line under a picture is its caption only when it is this
# short (or centred) and has at most this many clause breaks: prose has more.
CAPTION_PLAIN_MAX_LEN = 40
CAPTION_MAX_CLAUSES = 1
# …and, neither centred nor caption-classed, only when it does not end a sentence the
# Latin way: a short paragraph of a post under its picture ("So without further ado here
# are days 1-3. Enjoy!", "3. Click on Widgets.", "What flowers are you loving this
# summer?") is its text, where a caption is a label ("Tokyo, Japan"). A Chinese
# caption keeps its full stop (图为会场一角。): 。 is not one of these.
CAPTION_PLAIN_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
# A line under a picture that ends in a colon is never its caption, centred or not: it
# announces what comes next ("Here is how you do it in 2 simple steps:", "Und so sieht
# das bei uns im Redaktionsblog aus:", 动力系统主要参数：), where a caption labels
# what is above it.
CAPTION_LEADS_ON = re.compile(r"[:：]$")
# A line that is only the title of a work (《冬夜读书示子聿》) is a heading, not a caption.
WORK_TITLE = re.compile(r"《[^》]+》")
CLAUSE_PUNCTUATION = re.compile(r"[，；,;]")
CENTERED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
