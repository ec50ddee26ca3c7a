"""The crawl benchmark's portals: one channel page and many distinct articles per port.

Like ``bench/fetch_server.py`` (its own process, one ``asyncio.Protocol`` per
connection, one timer per answer, ``latency`` seconds after the request head), but
each port is a whole small portal for ``scraper crawl``: ``/list.html`` links
``/a/0.html`` … ``/a/{articles - 1}.html`` under headline-length texts, and each
article is a sample page (``samples/pages/*/source.html``) made distinct by the
article's number written into its longest body paragraph, so that the crawl's
deduplication by content does not skip it: every article is extracted and written.
Pages are served as UTF-8 with their charset in the header.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from multiprocessing.connection import Connection

from bench.fetch_server import ROBOTS, DelayedProtocol, load_pages, proc_cpu_seconds, response
from scraper.encoding import decode
from scraper.extract import extract

LIST_PATH = b"/list.html"
ARTICLE_PREFIX = b"/a/"
# Characters of the body's longest paragraph that locate it in the page source.
ANCHOR_CHARS = 12


def article_templates() -> list[tuple[bytes, bytes]]:
    """(before, after) halves of each sample page, split where the article number goes:
    inside its longest body paragraph, checked to change the extracted body."""
    templates = []
    for raw in load_pages():
        text = decode(raw).text
        body = extract(text).body
        if not body:
            continue
        longest = max(body.splitlines(), key=len)
        at = text.find(longest[:ANCHOR_CHARS])
        if at < 0:
            continue
        cut = at + ANCHOR_CHARS
        before, after = text[:cut].encode("utf-8"), text[cut:].encode("utf-8")
        bodies = {extract(before + b" %d " % n + after).body for n in (1, 2)}
        if len(bodies) == 2:
            templates.append((before, after))
    return templates


def list_page(articles: int) -> bytes:
    links = "".join(f'<li><a href="/a/{i}.html">第{i}号新闻 城市建设最新进展报道</a></li>'
                    for i in range(articles))
    return (f"<!doctype html><html><head><meta charset=utf-8><title>新闻</title></head>"
            f"<body><ul>{links}</ul></body></html>").encode("utf-8")


class _Answers:
    def __init__(self, articles: int) -> None:
        self.templates = article_templates()
        self.robots = response(ROBOTS, b"text/plain")
        self.listing = response(list_page(articles), b"text/html; charset=utf-8")
        self.missing = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"

    def get(self, path: bytes) -> bytes:
        if path == b"/robots.txt":
            return self.robots
        if path == LIST_PATH:
            return self.listing
        number = path.removeprefix(ARTICLE_PREFIX).removesuffix(b".html")
        if path.startswith(ARTICLE_PREFIX) and number.isdigit():
            before, after = self.templates[int(number) % len(self.templates)]
            return response(before + b" " + number + b" " + after, b"text/html; charset=utf-8")
        return self.missing


async def _serve(conn: Connection, latency: float, hosts: int, articles: int) -> None:
    answers = _Answers(articles)
    loop = asyncio.get_running_loop()
    servers = [await loop.create_server(lambda: DelayedProtocol(answers.get, latency),
                                        "127.0.0.1", 0, backlog=512) for _ in range(hosts)]
    conn.send(([s.sockets[0].getsockname()[1] for s in servers], len(answers.templates)))
    await asyncio.Event().wait()   # until the parent terminates this process


def _server_main(conn: Connection, latency: float, hosts: int, articles: int) -> None:
    asyncio.run(_serve(conn, latency, hosts, articles))


class PortalServer:
    """The portal server process; a context manager that always stops it."""

    def __init__(self, latency: float, hosts: int, articles: int) -> None:
        self.latency = latency
        parent, child = multiprocessing.Pipe()
        self.process = multiprocessing.Process(target=_server_main,
                                               args=(child, latency, hosts, articles),
                                               daemon=True)
        self.process.start()
        self.ports, self.templates = parent.recv()

    def cpu_seconds(self) -> float:
        return proc_cpu_seconds(self.process.pid or 0)

    def __enter__(self) -> PortalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.join(5)
