"""Bounds on hostile pages (``bounds``): how deep, how many attributes and how many
options the parser is given before the page is cut.

The HTML parser's cost per tag grows with the open elements' depth, and per attribute
with the attributes already on the element: 100,000 nested <div>s took a minute. Past
these bounds the page is cut before parsing, deliberately, and the record says so.
"""

from __future__ import annotations

# Elements opened below this many open elements are dropped and their text kept: such
# nesting is read as flat text (libxml2, under trafilatura, stops at 256 as well).
MAX_DEPTH = 256
# Only a page with more '<' than this can nest deeper than the parser takes in stride
# (at most half of them open elements); smaller pages are not scanned at all.
DEPTH_SCAN_MIN_TAGS = 12_000
# A select keeps its first MAX_SELECT_OPTIONS options: the parser's time per option grows
# with the options before it (20,000 took 3 s), and a select is never content anyway.
MAX_SELECT_OPTIONS = 1_000
# A start tag keeps its first MAX_ATTRIBUTES attributes (no real element has more).
MAX_ATTRIBUTES = 256
# Only a page with more '=' than this is searched for a tag with that many attributes
# (the parser takes a few thousand on one element in stride), or one with few tags for
# its length (attributes without values: more characters per '<' than this).
ATTRIBUTE_SCAN_MIN_EQUALS = 4_000
ATTRIBUTE_SCAN_CHARS_PER_TAG = 400
# On a page with more attributes than this in all ('='), each tag keeps its first
# MAX_ATTRIBUTES_CROWDED_PAGE: the parser holds about 250 bytes per attribute, so 40 MB
# of elements with 200 attributes each took 1.7 GB.
MANY_ATTRIBUTES = 500_000
MAX_ATTRIBUTES_CROWDED_PAGE = 32
