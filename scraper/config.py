"""The crawl configuration: frozen dataclasses loaded once from a TOML file.

``load_config(path)`` reads and validates the whole file before anything is fetched.
Every problem raises ``ConfigError(path, key, message)`` whose key is the path of the
offending value, e.g. ``site[2].start_urls: expected a list of URLs``. Relative paths
(``output``, ``state``, ``warc``, ``attachments``) are resolved against the directory of the config
file, so a crontab line works from any working directory.

The documented example with every key is ``config.toml`` at the repository root.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .encoding import normalize_charset
from .errors import ConfigError
from .toml_reader import TomlReader, at_least, non_empty, positive, toml_type

DEFAULT_CONFIG = "config.toml"
# Identifies the crawler and gives site operators a way to reach whoever runs it.
DEFAULT_USER_AGENT = "scraper/0.1 (+https://example.invalid/scraper)"
# Placeholders the output pattern may use.
OUTPUT_FIELDS = frozenset({"site", "date", "month", "year"})
# A site name becomes part of file paths: keep it to safe characters.
SITE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Placeholders an attachment folder pattern may use: one folder per site, so that the
# same file twice in a site is one file (names are content hashes).
ATTACHMENT_FIELDS = frozenset({"site"})
# Archive file names end so: each WARC record is its own gzip member.
WARC_SUFFIX = ".warc.gz"
# Per-site CSS selector overrides that the crawl knows how to apply.
SELECTOR_FIELDS = ("title", "body", "date")

@dataclass(frozen=True)
class Selectors:
    """CSS selectors that replace the heuristics for one site, when set."""

    title: str | None = None
    body: str | None = None
    date: str | None = None

    def any(self) -> bool:
        return any((self.title, self.body, self.date))


@dataclass(frozen=True)
class SiteConfig:
    name: str
    start_urls: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    domains: tuple[str, ...] = ()      # hosts whose links count as the site's own
    max_list_pages: int = 3
    max_new: int = 100
    max_sitemaps: int = 20
    delay: float | None = None         # overrides crawl.per_host_delay for this site
    encoding: str | None = None        # forced codec name, already normalised
    selectors: Selectors = field(default_factory=Selectors)
    # Also write the article as Markdown / clean HTML (default: the [crawl] value).
    markdown: bool = False
    html: bool = False
    # Folder pattern the article's attachments are downloaded to (default: the [crawl]
    # value); None downloads none.
    attachments: str | None = None


@dataclass(frozen=True)
class CrawlConfig:
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = 8
    per_host_concurrency: int = 2
    per_host_delay: float = 1.0
    timeout: float = 20.0
    connect_timeout: float = 10.0
    retries: int = 2
    max_bytes: int = 10_000_000
    robots: bool = True
    max_attempts: int = 3              # runs that try a failing article before it is dead
    workers: int = 1                   # extraction processes (0: one per core)
    markdown: bool = False             # records also carry "markdown" (GFM)
    html: bool = False                 # records also carry "html" (clean, safe HTML)
    max_pages: int = 20                # pages of one multi-page article stitched; 1: none followed
    output: str = "data/{site}/{date}.jsonl"
    state: str = "state.sqlite3"
    warc: str | None = None            # WARC archive pattern; None archives nothing
    attachments: str | None = None     # folder pattern for attachment downloads; None: none


@dataclass(frozen=True)
class Config:
    path: Path
    crawl: CrawlConfig
    sites: tuple[SiteConfig, ...]

    @property
    def state_path(self) -> Path:
        return self.resolve(self.crawl.state)

    def resolve(self, value: str) -> Path:
        """A path from the config, relative ones taken from the config file's directory."""
        candidate = Path(value).expanduser()
        return candidate if candidate.is_absolute() else self.path.parent / candidate

    def site(self, name: str) -> SiteConfig:
        for site in self.sites:
            if site.name == name:
                return site
        raise KeyError(name)


def load_config(path: str | Path) -> Config:
    """Read, validate and return the config at ``path``; ``ConfigError`` on any problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(str(path), "", f"cannot read: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), "", "not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "", f"invalid TOML: {exc}") from exc
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path) -> Config:
    """Validate an already-parsed TOML document (``path`` names it in errors)."""
    reader = TomlReader(str(path))
    reader.known(data, "", ("crawl", "site"))
    crawl = _crawl(reader, reader.table(data, "crawl"))
    raw_sites = data.get("site", [])
    if not isinstance(raw_sites, list) or not all(isinstance(s, dict) for s in raw_sites):
        raise reader.error("site", "expected [[site]] tables")
    if not raw_sites:
        raise reader.error("site", "no [[site]] configured; add at least one")
    sites = tuple(_site(reader, raw, f"site[{i}]", crawl) for i, raw in enumerate(raw_sites))
    seen: set[str] = set()
    for i, site in enumerate(sites):
        if site.name in seen:
            raise reader.error(f"site[{i}].name", f"duplicate site name {site.name!r}")
        seen.add(site.name)
    return Config(path=path, crawl=crawl, sites=sites)


def _crawl(r: TomlReader, t: Mapping[str, Any]) -> CrawlConfig:
    d = CrawlConfig()
    k = "crawl"
    r.known(t, k, CrawlConfig.__dataclass_fields__)
    output = r.get(t, k, "output", str, d.output)
    _check_output(r, f"{k}.output", output)
    return CrawlConfig(
        user_agent=r.get(t, k, "user_agent", str, d.user_agent, check=non_empty),
        concurrency=r.get(t, k, "concurrency", int, d.concurrency, check=at_least(1)),
        per_host_concurrency=r.get(t, k, "per_host_concurrency", int, d.per_host_concurrency,
                                   check=at_least(1)),
        per_host_delay=r.number(t, k, "per_host_delay", d.per_host_delay, check=at_least(0)),
        timeout=r.number(t, k, "timeout", d.timeout, check=positive),
        connect_timeout=r.number(t, k, "connect_timeout", d.connect_timeout, check=positive),
        retries=r.get(t, k, "retries", int, d.retries, check=at_least(0)),
        max_bytes=r.get(t, k, "max_bytes", int, d.max_bytes, check=at_least(1024)),
        robots=r.get(t, k, "robots", bool, d.robots),
        max_attempts=r.get(t, k, "max_attempts", int, d.max_attempts, check=at_least(1)),
        workers=r.get(t, k, "workers", int, d.workers, check=at_least(0)),
        markdown=r.get(t, k, "markdown", bool, d.markdown),
        html=r.get(t, k, "html", bool, d.html),
        max_pages=r.get(t, k, "max_pages", int, d.max_pages, check=at_least(1)),
        output=output,
        state=r.get(t, k, "state", str, d.state, check=non_empty),
        warc=_warc(r, t, k),
        attachments=_attachments(r, t, k, None),
    )


def _warc(r: TomlReader, t: Mapping[str, Any], k: str) -> str | None:
    pattern = r.get(t, k, "warc", str, None)
    if pattern is None:
        return None
    _check_output(r, f"{k}.warc", pattern)
    if not pattern.endswith(WARC_SUFFIX):
        raise r.error(f"{k}.warc", f"expected a file path pattern ending in {WARC_SUFFIX}, "
                      "such as 'archive/{site}/{date}.warc.gz'")
    return pattern


def _attachments(r: TomlReader, t: Mapping[str, Any], k: str, default: str | None) -> str | None:
    """A folder pattern (``"attachments/{site}/"``), or ``false`` for none."""
    if "attachments" not in t:
        return default
    value, key = t["attachments"], f"{k}.attachments"
    if value is False:
        return None
    example = "a folder path pattern such as 'attachments/{site}/', or false"
    if not isinstance(value, str):
        raise r.error(key, f"expected {example}, got {toml_type(value)}")
    if not value.strip():
        raise r.error(key, f"expected {example}")
    _check_placeholders(r, key, value, ATTACHMENT_FIELDS)
    return value


def _site(r: TomlReader, t: Mapping[str, Any], k: str, crawl: CrawlConfig) -> SiteConfig:
    r.known(t, k, SiteConfig.__dataclass_fields__)
    if "name" not in t:
        raise r.error(f"{k}.name", "missing; every site needs a name")
    name = r.get(t, k, "name", str, "", check=_site_name)
    start_urls = r.urls(t, k, "start_urls")
    feeds = r.urls(t, k, "feeds")
    sitemaps = r.urls(t, k, "sitemaps")
    if not (start_urls or feeds or sitemaps):
        raise r.error(k, "needs at least one of start_urls, feeds, sitemaps")
    d = SiteConfig(name=name)
    domains = tuple(h.lower() for h in r.strings(t, k, "domains"))
    return SiteConfig(
        name=name, start_urls=start_urls, feeds=feeds, sitemaps=sitemaps,
        include=r.patterns(t, k, "include"), exclude=r.patterns(t, k, "exclude"),
        domains=domains or _default_domains(start_urls + feeds + sitemaps),
        max_list_pages=r.get(t, k, "max_list_pages", int, d.max_list_pages, check=at_least(1)),
        max_new=r.get(t, k, "max_new", int, d.max_new, check=at_least(1)),
        max_sitemaps=r.get(t, k, "max_sitemaps", int, d.max_sitemaps, check=at_least(1)),
        delay=r.number(t, k, "delay", None, check=at_least(0)),
        encoding=_encoding(r, t, k),
        selectors=_selectors(r, t, k),
        markdown=r.get(t, k, "markdown", bool, crawl.markdown),
        html=r.get(t, k, "html", bool, crawl.html),
        attachments=_attachments(r, t, k, crawl.attachments),
    )


def _default_domains(urls: tuple[str, ...]) -> tuple[str, ...]:
    hosts = {(urlsplit(u).hostname or "").removeprefix("www.") for u in urls}
    return tuple(sorted(h for h in hosts if h))


def _encoding(r: TomlReader, t: Mapping[str, Any], k: str) -> str | None:
    label = r.get(t, k, "encoding", str, None)
    if label is None:
        return None
    codec = normalize_charset(label)
    if codec is None:
        raise r.error(f"{k}.encoding", f"unknown encoding {label!r}")
    return codec


def _selectors(r: TomlReader, t: Mapping[str, Any], k: str) -> Selectors:
    raw = r.table(t, "selectors", prefix=k)
    key = f"{k}.selectors"
    r.known(raw, key, SELECTOR_FIELDS)
    values = {name: r.get(raw, key, name, str, None, check=_css) for name in SELECTOR_FIELDS}
    return Selectors(**values)


# ---- checks: each returns an error message, or None when the value is fine ----

def _site_name(value: str) -> str | None:
    if SITE_NAME.match(value):
        return None
    return "use letters, digits, '.', '_' and '-' only (it becomes part of file paths)"


def _css(value: str) -> str | None:
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError  # only when selectors are set

    try:
        LexborHTMLParser("<p></p>").css(value)
    except SelectolaxError as exc:
        return f"invalid CSS selector {value!r}: {exc}"
    return None


def _check_placeholders(r: TomlReader, key: str, pattern: str, known: frozenset[str]) -> None:
    """A path pattern's ``{placeholders}`` must parse and each be one of ``known``."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(pattern) if name is not None}
    except ValueError as exc:
        raise r.error(key, f"bad pattern {pattern!r}: {exc}") from exc
    unknown = sorted(fields - known)
    if unknown:
        allowed = ", ".join("{%s}" % f for f in sorted(known))
        raise r.error(key, f"unknown placeholder {{{unknown[0]}}}; use {allowed}")


def _check_output(r: TomlReader, key: str, pattern: str) -> None:
    if pattern == "-":
        return
    _check_placeholders(r, key, pattern, OUTPUT_FIELDS)
    if not pattern.strip() or pattern.endswith(("/", "\\")):
        raise r.error(key, "expected a file path pattern such as 'data/{site}/{date}.jsonl'")


