"""URL canonicalisation and the article-URL heuristics used when a site has no include pattern.

``canonical(url)`` gives the one spelling under which a page is stored and deduplicated:
no fragment, no tracking parameters, lower-case scheme and host, no default port, sorted
query. ``looks_like_article(url)`` guesses from the URL alone whether it names an
article rather than a channel, tag, search or media page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only say where a click came from; dropped so that one article
# reached from a feed, a share button and a channel page is one URL.
TRACKING_PARAMS = frozenset({
    "spm", "from", "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid",
    "mc_eid", "_hsenc", "_hsmi", "ref", "ref_src", "share", "shareid", "share_token",
    "isappinstalled", "scene", "srcid", "wfr", "timestamp", "tt_from", "tt_medium",
    "sharer_shareid", "sharer_sharetime", "clicktime", "enterid", "subscene",
})
# Parameter prefixes with the same role: utm_source, utm_medium, pk_campaign…
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci")
DEFAULT_PORTS = {"http": 80, "https": 443}

# File extensions that are never article pages (media, downloads, assets).
NON_PAGE_EXTENSIONS = re.compile(
    r"""\.(?:
        jpe?g|png|gif|webp|svg|bmp|ico      # images
      | mp4|mp3|avi|mov|flv|wav|m3u8        # audio and video
      | pdf|docx?|xlsx?|pptx?|wps|txt       # documents served for download
      | zip|rar|7z|gz|tar|exe|apk|dmg       # archives and installers
      | css|js|json|xml|rss|atom            # assets and feeds
    )$""", re.IGNORECASE | re.VERBOSE)

# A date in the path, as portals put it before or inside the file name:
# /20240115/, /2024-01/15/, /2024/0115/, t20240115_123.shtml, /2024/01/15/
DATE_IN_PATH = re.compile(
    r"""(?:^|[/_t-])(?:19|20)\d{2}
        (?:
            [-/_]?(?:0[1-9]|1[0-2])[-/_]?(?:0[1-9]|[12]\d|3[01])   # year month day
          | [-/](?:0[1-9]|1[0-2])/                                  # /2024/01/ or /2024-01/
        )""", re.VERBOSE)
# A file named by a long number, as CMS article pages are: 1234567.html, content_5678.htm,
# art_123456.shtml, t20240115_8765.shtml, detail-12345.html
NUMERIC_ID_FILE = re.compile(r"(?:^|[/_-])(?:[a-z]{0,8}[_-])?\d{4,}(?:_\d+)?\.(?:s?html?|php|aspx?|jsp)$",
                             re.IGNORECASE)
# A readable slug of several words, as English news URLs end: /2024/01/city-opens-new-bridge
SLUG_WORDS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}(?:\.s?html?)?/?$", re.IGNORECASE)
# Path words of pages that list or serve other pages, never articles.
NON_ARTICLE_SEGMENTS = re.compile(
    r"""/(?:
        tag|tags|topic|topics|category|categories|author|authors   # listing by facet
      | search|login|register|signup|user|member|account          # site functions
      | about|contact|help|privacy|terms|sitemap|rss|feed|feeds    # site information
      | page|list|lists|index|archive|archives                      # pagination and indexes
    )(?:/|$|\.|_)""", re.IGNORECASE | re.VERBOSE)
# Index pages of channels: index.html, index_2.shtml, default.aspx, list_3.html
INDEX_FILE = re.compile(r"/(?:index|default|list|more)(?:_\d+)?\.(?:s?html?|php|aspx?|jsp)$",
                        re.IGNORECASE)


def is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical(url: str) -> str:
    """The canonical spelling of an absolute http(s) URL (see the module docstring)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not is_tracking(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def on_domains(url: str, domains: tuple[str, ...]) -> bool:
    """True if the URL's host is one of ``domains`` or a subdomain of one."""
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def looks_like_article(url: str) -> bool:
    """Guess from the URL alone whether it names an article page."""
    parts = urlsplit(url)
    path = parts.path
    if NON_PAGE_EXTENSIONS.search(path) or INDEX_FILE.search(path):
        return False
    if path in ("", "/") or (path.endswith("/") and not SLUG_WORDS.search(path)):
        return False
    if NON_ARTICLE_SEGMENTS.search(path) and not DATE_IN_PATH.search(path):
        return False
    if DATE_IN_PATH.search(path) or NUMERIC_ID_FILE.search(path) or SLUG_WORDS.search(path):
        return True
    # ?id=12345 style article links on older portals
    return any(k.lower() in ("id", "aid", "articleid", "docid", "newsid") and v.isdigit()
               for k, v in parse_qsl(parts.query))
