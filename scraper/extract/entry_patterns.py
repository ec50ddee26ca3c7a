"""What makes a block a list of titled entries (see ``entries``): a thread of customer
reviews, the panels of an FAQ, the slides of a slideshow. Each entry is an element built
like its neighbours (the same tag and class) that opens with a title and goes on below it.
"""

from __future__ import annotations

import re

# At least this many entries of one shape (three same-shaped blocks are often an article's
# own sections: a lead, the text, a conclusion)…
ENTRY_MIN_ITEMS = 4
# …holding at least this share of the list's text (the rest: a heading, a pager)…
ENTRY_TEXT_SHARE = 0.8
# …and at least this share of them open with a title (a review's header with its
# author, an FAQ's question, a slide's headline), each followed by at least
# ENTRY_MIN_REST characters of its own.
ENTRY_TITLED_SHARE = 0.75
ENTRY_MIN_REST = 20
# A title: a heading element (or one inside the entry's first block), or a first block
# whose class or id names one (``jdgm-rev__header``, ``panel-heading``,
# ``accordion-title``, ``faq-question``).
ENTRY_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "dt", "summary"))
ENTRY_TITLE_CLASS = re.compile(r"title|heading|header|head|question|name|toggle|summary",
                               re.IGNORECASE)
# Elements that are not entries of their own: inline markup and what renders as nothing.
ENTRY_SKIPPED_TAGS = frozenset(("br", "span", "a", "img", "strong", "b", "em", "i", "font",
                                "script", "style", "-comment"))
# The page's headline: a block holding it is the article itself, its sections headed
# below it, never a list of entries beside the article.
ENTRY_HEADLINE = "h1"
# The article looked for without the list must score at least this much (a paragraph
# or two of prose) to be believed…
ENTRY_ARTICLE_MIN_SCORE = 10.0
# …and, when it holds the list (a slideshow set in a story), at least this share of the
# list's own score for the list to leave it: an article that is mostly its list (an
# introduction above ten titled items) keeps it.
ENTRY_EMBED_SHARE = 0.25
