#!/usr/bin/env python3
"""A small offline news portal for trying ``scraper crawl`` without the internet.

    python samples/demo-portal/serve.py --port 8765
    scraper crawl -c samples/demo-portal/config.toml

It serves, from ``articles.json`` (re-read on every request, so articles added to it
appear at once):

- channel pages ``/news/``, ``/society/`` with pagination: ``下一页`` links on news,
  the TRS ``createPageHTML(...)`` script on society (``index_1.shtml`` is page 2);
- articles at ``/<channel>/<yyyymmdd>/t<yyyymmdd>_<id>.shtml`` in GBK (with and
  without a charset in the Content-Type header) or UTF-8;
- an English section ``/en/`` whose articles are found through its sitemap only;
- ``/rss.xml`` (links carry utm_* tracking parameters), ``/sitemap.xml`` (a sitemap
  index) pointing to ``/sitemap-news.xml`` (a news sitemap) and
  ``/en/sitemap.xml.gz`` (gzip-compressed); feeds and sitemaps answer
  ``If-None-Match`` with 304;
- an article that always answers 500, and one article reachable under two URLs;
- multi-page articles (分页), one per pager style: ``上一页 [1] [2] [3] 下一页`` links
  (pages ``t…_1021_2.shtml``, ``_3``), the TRS ``createPageHTML(3, 0, "t…_2021",
  "shtml")`` script (pages ``t…_2021_1.shtml``, ``_2``) and ``<link rel="next">`` on an
  English article (``?page=2``); and a single-page article whose ``上一篇/下一篇`` links
  lead to other articles. Test-only fields make a page fail (500, or a 200 with an
  empty body), a pager loop back to page 1, an article carry its channel's pager, or
  the lists link a later page.

Only the standard library is used. ``make_server`` is what the tests import.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "articles.json"
DEFAULT_PORT = 8765
PAGE_SIZE = 4          # headlines per channel page
CHANNEL_NAMES = {"news": "福州新闻", "society": "社会民生", "en": "English"}
ARTICLE_PATH = re.compile(
    r"^/(?P<channel>[a-z]+)/(?P<day>\d{8})/t\d{8}_(?P<id>\d+)(?:_(?P<page>\d+))?\.shtml$")
EN_ARTICLE_PATH = re.compile(r"^/en/\d{4}/\d{2}/\d{2}/(?P<slug>[a-z0-9-]+)\.html$")
CHANNEL_PAGE = re.compile(r"^/(?P<channel>news|society)/(?:index(?:_(?P<page>\d+))?\.shtml)?$")


@dataclass(frozen=True)
class Item:
    id: int
    channel: str
    date: str                 # YYYY-MM-DD
    title: str
    body: list[str]
    encoding: str = "utf-8"   # gbk or utf-8
    charset_header: bool = True
    fail: bool = False        # always answers 500
    same_as: int | None = None   # serves the content of another article
    slug: str | None = None      # English articles
    pages: list[list[str]] | None = None   # paragraphs of pages 2, 3… (a multi-page article)
    pager: str = "links"         # how the pages link: links, trs or rel
    editor: str | None = None    # 责任编辑, under the text of every page
    neighbours: bool = False     # 上一篇/下一篇 links to the articles before and after it
    fail_pages: list[int] = field(default_factory=list)   # page numbers answering 500
    empty_pages: list[int] = field(default_factory=list)  # page numbers answering 200, empty
    pager_loop: bool = False     # the last page's pager links back to page 1: [1] [2] [1]
    channel_pager: bool = False  # the page also carries its channel's pager
    listed_page: int = 1         # the page that channels, the feed and sitemaps link to

    @property
    def listed(self) -> str:
        return self.page_path(self.listed_page)

    @property
    def path(self) -> str:
        if self.slug:
            return f"/en/{self.date.replace('-', '/')}/{self.slug}.html"
        day = self.date.replace("-", "")
        return f"/{self.channel}/{day}/t{day}_{self.id}.shtml"

    @property
    def count(self) -> int:
        return 1 + len(self.pages or [])

    def page_path(self, number: int) -> str:
        """The URL path of page ``number`` (1-based) in this article's pager style."""
        if number == 1:
            return self.path
        if self.pager == "rel":
            return f"{self.path}?page={number}"
        suffix = number - 1 if self.pager == "trs" else number   # TRS counts from 0
        return self.path.replace(".shtml", f"_{suffix}.shtml")

    def page_number(self, suffix: str | None) -> int | None:
        """Which page a ``_N`` file suffix names, None when this article has no such page."""
        if suffix is None:
            return 1
        number = int(suffix) + 1 if self.pager == "trs" else int(suffix)
        return number if self.pager != "rel" and 2 <= number <= self.count else None


@dataclass
class Portal:
    data: Path
    delay: float = 0.0        # seconds added before each article response
    hits: dict[str, int] = field(default_factory=dict)   # requests per path (query left out)
    # every request in arrival order: its target (path and query) and headers, lower-case
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def items(self) -> list[Item]:
        raw = json.loads(self.data.read_text(encoding="utf-8"))
        items = [Item(**entry) for entry in raw["articles"]]
        return sorted(items, key=lambda i: (i.date, i.id), reverse=True)

    def count(self, path: str, target: str, headers: dict[str, str]) -> None:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            self.requests.append((target, headers))


def page(title: str, inner: str, charset: str = "utf-8", head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="{'en' if charset == 'utf-8' and title.isascii() else 'zh-CN'}">
<head><meta charset="{'gb2312' if charset == 'gbk' else 'utf-8'}"><title>{html.escape(title)}</title>{head}</head>
<body>
<div class="header"><a href="/">首页</a> | <a href="/news/">福州新闻</a> | <a href="/society/">社会民生</a>
 | <a href="/en/">English</a> | <a href="/about.html">关于我们</a></div>
{inner}
<div class="footer">版权所有 示例门户网站 | <a href="/rss.xml">RSS</a></div>
</body></html>"""


def article_html(item: Item, content: Item, number: int = 1,
                 neighbours: tuple[Item | None, Item | None] = (None, None)) -> str:
    """Page ``number`` of an article: headline, info line, text, pager, editor line."""
    text = content.body if number == 1 else (content.pages or [])[number - 2]
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in text)
    if number > 1:
        paragraphs += f'\n<p><img src="/images/{item.id}_{number}.jpg" alt="{html.escape(item.title)}（{number}）"></p>'
    info = f"{content.date} 09:30 来源：示例门户网站" if not content.slug else f"{content.date} 09:30"
    editor = f'<div class="editor">责任编辑：{html.escape(item.editor)}</div>' if item.editor else ""
    inner = f"""<div class="crumbs"><a href="/">首页</a> &gt; <a href="/{item.channel}/">{
        CHANNEL_NAMES.get(item.channel, item.channel)}</a></div>
<div class="article"><h1>{html.escape(content.title)}</h1>
<div class="info">{info}</div>
<div class="content">{paragraphs}</div>{pager_html(item, number)}{editor}{neighbours_html(*neighbours)}</div>
{channel_pager_html(item) if item.channel_pager else ""}"""
    return page(content.title, inner, item.encoding, head=rel_links(item, number))


def pager_html(item: Item, number: int) -> str:
    """The pager under the text: 上一页 [1] [2] [3] 下一页 links, or the TRS script."""
    if item.count == 1 or item.pager == "rel":
        return ""
    if item.pager == "trs":
        stem = item.path.rsplit("/", 1)[1].removesuffix(".shtml")
        return (f'\n<div id="page_div"></div><script>var currentPage = {number - 1};//所在页从0开始\n'
                f"var countPage = {item.count}//共多少页\n"
                f'createPageHTML(countPage, currentPage, "{stem}", "shtml");</script>')
    links = [f'<a href="{item.page_path(number - 1)}">上一页</a>'] if number > 1 else []
    for k in range(1, item.count + 1):
        links.append(f"<span>[{k}]</span>" if k == number else f'<a href="{item.page_path(k)}">[{k}]</a>')
    last = number == item.count
    if last and item.pager_loop:   # a broken pager: [1] [2] [1] 下一页 → page 1
        links.append(f'<a href="{item.page_path(1)}">[1]</a>')
    if not last or item.pager_loop:
        links.append(f'<a href="{item.page_path(1 if last else number + 1)}">下一页</a>')
    return '\n<div class="pages">' + " ".join(links) + "</div>"


def rel_links(item: Item, number: int) -> str:
    if item.count == 1 or item.pager != "rel":
        return ""
    out = f'<link rel="prev" href="{item.page_path(number - 1)}">' if number > 1 else ""
    if number < item.count:
        out += f'<link rel="next" href="{item.page_path(number + 1)}">'
    return out


def neighbours_html(before: Item | None, after: Item | None) -> str:
    """上一篇/下一篇: the previous and next *articles*, never pages of this one."""
    links = [f'<a href="{i.path}">{label}：{html.escape(i.title)}</a>'
             for label, i in (("上一篇", before), ("下一篇", after)) if i is not None]
    return f'\n<div class="pre-next">{"<br>".join(links)}</div>' if links else ""


def channel_pager_html(item: Item) -> str:
    """The channel's own pager, as some templates print it under every article."""
    channel = item.channel
    return (f'<div class="more"><ul><li><a href="/{channel}/">{CHANNEL_NAMES.get(channel, channel)}</a></li></ul>'
            f'<div class="pager"><a href="/{channel}/index.shtml">首页</a> '
            f'<a href="/{channel}/index_1.shtml">下一页</a> <a href="/{channel}/index_2.shtml">3</a></div>'
            f'<script>createPageHTML(3, 0, "index", "shtml");</script></div>')


def channel_html(channel: str, items: list[Item], number: int) -> str:
    """Page ``number`` (0-based) of a channel; news links 下一页, society uses the TRS script."""
    mine = [i for i in items if i.channel == channel]
    pages = max(1, -(-len(mine) // PAGE_SIZE))
    shown = mine[number * PAGE_SIZE:(number + 1) * PAGE_SIZE]
    rows = "\n".join(f'<li><a href="{i.listed}" target="_blank">{html.escape(i.title)}</a>'
                     f"<span>{i.date}</span></li>" for i in shown)
    if channel == "society":
        pager = (f'<script>var countPage = {pages}; var currentPage = {number};\n'
                 f'createPageHTML({pages}, {number}, "index", "shtml");</script>')
    else:
        nxt = f'<a href="index_{number + 1}.shtml">下一页</a>' if number + 1 < pages else ""
        pager = f'<div class="pager"><a href="index.shtml">首页</a> {nxt}</div>'
    name = CHANNEL_NAMES[channel]
    return page(f"{name} - 示例门户网站", f'<ul class="list">{rows}</ul>{pager}')


def rss_xml(items: list[Item], base: str) -> str:
    entries = "\n".join(
        f"<item><title>{html.escape(i.title)}</title>"
        f"<link>{base}{i.listed}{'&amp;' if '?' in i.listed else '?'}utm_source=rss&amp;utm_medium=feed</link>"
        f"<pubDate>{i.date}</pubDate></item>"
        for i in items if i.channel == "news" and not i.slug)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>示例门户网站</title><link>{base}/</link>\n{entries}\n</channel></rss>")


def sitemap_index(base: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>"
            f"<sitemap><loc>{base}/en/sitemap.xml.gz</loc></sitemap></sitemapindex>")


def urlset(items: list[Item], base: str, news: bool) -> str:
    def entry(i: Item) -> str:
        extra = ("<news:news><news:publication><news:name>示例门户网站</news:name>"
                 "<news:language>zh</news:language></news:publication>"
                 f"<news:publication_date>{i.date}</news:publication_date>"
                 f"<news:title>{html.escape(i.title)}</news:title></news:news>") if news else ""
        return f"<url><loc>{html.escape(base + i.listed)}</loc>{extra}</url>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            + "".join(entry(i) for i in items) + "</urlset>")


class Handler(BaseHTTPRequestHandler):
    server: PortalServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)

    def do_GET(self) -> None:
        portal = self.server.portal
        path = urlsplit(self.path).path
        portal.count(path, self.path, {k.lower(): v for k, v in self.headers.items()})
        items = portal.items()
        base = f"http://{self.headers.get('Host') or '127.0.0.1'}"
        if path == "/robots.txt":
            return self.send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        if path == "/":
            links = "".join(f'<li><a href="/{c}/">{n}</a></li>' for c, n in CHANNEL_NAMES.items())
            return self.html(page("示例门户网站", f"<ul>{links}</ul>"))
        match = CHANNEL_PAGE.match(path)
        if match:
            return self.html(channel_html(match["channel"], items, int(match["page"] or 0)))
        if path == "/en/":
            rows = "".join(f'<li><a href="{html.escape(i.listed)}">{html.escape(i.title)}</a></li>'
                           for i in items if i.slug)
            return self.html(page("English", f"<ul>{rows}</ul>"))
        if path == "/rss.xml":
            return self.xml(rss_xml(items, base).encode("utf-8"), "application/rss+xml")
        if path == "/sitemap.xml":
            return self.xml(sitemap_index(base).encode("utf-8"), "application/xml")
        if path == "/sitemap-news.xml":
            news = [i for i in items if not i.slug]
            return self.xml(urlset(news, base, True).encode("utf-8"), "application/xml")
        if path == "/en/sitemap.xml.gz":
            data = urlset([i for i in items if i.slug], base, False).encode("utf-8")
            return self.xml(gzip.compress(data, mtime=0), "application/x-gzip")
        found = find_page(items, path, urlsplit(self.path).query)
        if found is None:
            return self.send(404, "text/html; charset=utf-8", "<h1>404 Not Found</h1>".encode())
        return self.article(*found, items)

    def article(self, item: Item, number: int, items: list[Item]) -> None:
        delay = self.server.portal.delay
        if delay:
            time.sleep(delay)
        if item.fail or number in item.fail_pages:
            return self.send(500, "text/html; charset=utf-8", b"<h1>500 Internal Server Error</h1>")
        if number in item.empty_pages:   # an overloaded server's 200 with nothing in it
            return self.send(200, "text/html; charset=utf-8", b"")
        by_id = {i.id: i for i in items}
        content = by_id.get(item.same_as, item) if item.same_as else item
        body = article_html(item, content, number, _neighbours(item, items)).encode(item.encoding)
        charset = "GBK" if item.encoding == "gbk" else "utf-8"
        ctype = f"text/html; charset={charset}" if item.charset_header else "text/html"
        self.send(200, ctype, body)

    def html(self, text: str) -> None:
        self.send(200, "text/html; charset=utf-8", text.encode("utf-8"))

    def xml(self, data: bytes, ctype: str) -> None:
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, ctype, b"", etag=etag)
        self.send(200, ctype, data, etag=etag)

    def send(self, status: int, ctype: str, body: bytes, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


def find_page(items: list[Item], path: str, query: str) -> tuple[Item, int] | None:
    """The article and page number a request names, None for no such page."""
    match = ARTICLE_PATH.match(path)
    if match:
        base = path.replace(f"_{match['page']}.shtml", ".shtml") if match["page"] else path
        item = next((i for i in items if i.path == base), None)
        number = item.page_number(match["page"]) if item is not None else None
        return (item, number) if item is not None and number is not None else None
    item = next((i for i in items if i.path == path), None)
    if item is None:
        return None
    page = dict(parse_qsl(query)).get("page", "1")
    number = int(page) if page.isdigit() else 0
    return (item, number) if 1 <= number <= item.count and (number == 1 or item.pager == "rel") else None


def _neighbours(item: Item, items: list[Item]) -> tuple[Item | None, Item | None]:
    """The articles before and after ``item`` in its channel, when it links them."""
    if not item.neighbours:
        return None, None
    mine = [i for i in items if i.channel == item.channel and not i.fail]
    at = mine.index(item)
    return (mine[at + 1] if at + 1 < len(mine) else None), (mine[at - 1] if at > 0 else None)


class PortalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], portal: Portal, quiet: bool) -> None:
        self.portal = portal
        self.quiet = quiet
        super().__init__(address, Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a crawl killed mid-request) is no server error."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def make_server(data: Path = DEFAULT_DATA, *, host: str = "127.0.0.1", port: int = 0,
                delay: float = 0.0, quiet: bool = True) -> PortalServer:
    """A portal server bound to ``host:port`` (0 picks a free port); call serve_forever()."""
    return PortalServer((host, port), Portal(Path(data), delay), quiet)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the offline demo portal.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: %(default)s)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="articles file (default: articles.json beside this script)")
    parser.add_argument("--delay", type=float, default=0.0,
                        help="seconds to wait before answering each article (default: 0)")
    parser.add_argument("--log", action="store_true", help="log every request on stderr")
    args = parser.parse_args(argv)
    server = make_server(args.data, host=args.host, port=args.port, delay=args.delay,
                         quiet=not args.log)
    host, port = server.server_address[:2]
    print(f"demo portal on http://{host}:{port}/ (Ctrl-C stops it)", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
