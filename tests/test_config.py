"""Config loading: the shipped examples load; every mistake names the file and key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.config import load_config
from scraper.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
MINIMAL_SITE = '[[site]]\nname = "a"\nstart_urls = ["https://example.com/news/"]\n'


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", ["config.toml", "samples/demo-portal/config.toml"],
                         ids=["repository-example", "demo-portal"])
def test_shipped_configs_load(path: str) -> None:
    config = load_config(ROOT / path)
    assert config.sites and all(s.start_urls or s.feeds or s.sitemaps for s in config.sites)


def test_defaults_and_compiled_patterns(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL_SITE + "include = ['/\\d{8}/']\n"))
    site = config.sites[0]
    assert (config.crawl.concurrency, config.crawl.per_host_delay, site.max_list_pages) == (8, 1.0, 3)
    assert site.include[0].search("https://example.com/20240115/a.html")
    assert site.domains == ("example.com",)


def test_relative_paths_resolve_against_the_config_directory(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, '[crawl]\nstate = "db/state.sqlite3"\n' + MINIMAL_SITE))
    assert config.state_path == tmp_path / "db" / "state.sqlite3"


def test_integer_is_accepted_where_a_number_is_expected(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "[crawl]\nper_host_delay = 2\n" + MINIMAL_SITE))
    assert config.crawl.per_host_delay == 2.0


def test_forced_encoding_is_normalised(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, MINIMAL_SITE + 'encoding = "GB2312"\n'))
    assert config.sites[0].encoding == "gb18030"


BAD = [
    ("unknown-crawl-key", "[crawl]\nthreads = 4\n" + MINIMAL_SITE, "crawl.threads: unknown key"),
    ("unknown-top-key", "[crowl]\n" + MINIMAL_SITE, "crowl: unknown key"),
    ("wrong-type", '[crawl]\nconcurrency = "8"\n' + MINIMAL_SITE,
     "crawl.concurrency: expected an integer, got the string '8'"),
    ("bool-is-not-int", "[crawl]\nretries = true\n" + MINIMAL_SITE, "crawl.retries: expected an integer"),
    ("negative-delay", "[crawl]\nper_host_delay = -1\n" + MINIMAL_SITE,
     "crawl.per_host_delay: must be at least 0"),
    ("zero-timeout", "[crawl]\ntimeout = 0\n" + MINIMAL_SITE, "crawl.timeout: must be greater than 0"),
    ("output-placeholder", '[crawl]\noutput = "data/{host}.jsonl"\n' + MINIMAL_SITE,
     "crawl.output: unknown placeholder {host}"),
    ("warc-suffix", '[crawl]\nwarc = "archive/{site}.warc"\n' + MINIMAL_SITE,
     "crawl.warc: expected a file path pattern ending in .warc.gz"),
    ("warc-placeholder", '[crawl]\nwarc = "archive/{host}.warc.gz"\n' + MINIMAL_SITE,
     "crawl.warc: unknown placeholder {host}"),
    ("warc-stdout", '[crawl]\nwarc = "-"\n' + MINIMAL_SITE, "crawl.warc: expected a file path"),
    ("attachments-placeholder", '[crawl]\nattachments = "files/{date}/"\n' + MINIMAL_SITE,
     "crawl.attachments: unknown placeholder {date}; use {site}"),
    ("attachments-true", '[crawl]\nattachments = true\n' + MINIMAL_SITE,
     "crawl.attachments: expected a folder path pattern such as 'attachments/{site}/', or false"),
    ("attachments-site-number", MINIMAL_SITE + "attachments = 3\n",
     "site[0].attachments: expected a folder path pattern"),
    ("attachments-empty", MINIMAL_SITE + 'attachments = " "\n', "site[0].attachments: expected"),
    ("no-sites", "[crawl]\n", "site: no [[site]] configured"),
    ("start-urls-string", MINIMAL_SITE + MINIMAL_SITE.replace('"a"', '"b"') + MINIMAL_SITE.replace(
        '"a"', '"c"').replace('["https://example.com/news/"]', '"https://example.com/"'),
     "site[2].start_urls: expected a list of URLs"),
    ("not-a-url", MINIMAL_SITE.replace("https://example.com/news/", "example.com/news"),
     "site[0].start_urls[0]: 'example.com/news' is not an http(s) URL"),
    ("no-sources", '[[site]]\nname = "a"\n', "site[0]: needs at least one of start_urls, feeds, sitemaps"),
    ("missing-name", '[[site]]\nfeeds = ["https://example.com/rss"]\n', "site[0].name: missing"),
    ("bad-name", MINIMAL_SITE.replace('"a"', '"a/b"'), "site[0].name: use letters"),
    ("duplicate-name", MINIMAL_SITE + MINIMAL_SITE, "site[1].name: duplicate site name 'a'"),
    ("unknown-site-key", MINIMAL_SITE + "max_pages = 3\n", "site[0].max_pages: unknown key"),
    ("bad-regex", MINIMAL_SITE + "include = ['(unclosed']\n",
     "site[0].include[0]: invalid regular expression"),
    ("zero-max-new", MINIMAL_SITE + "max_new = 0\n", "site[0].max_new: must be at least 1"),
    ("bad-encoding", MINIMAL_SITE + 'encoding = "klingon"\n', "site[0].encoding: unknown encoding"),
    ("bad-selector", MINIMAL_SITE + '[site.selectors]\nbody = "div[["\n',
     "site[0].selectors.body: invalid CSS selector"),
    ("unknown-selector", MINIMAL_SITE + '[site.selectors]\nauthor = "p.by"\n',
     "site[0].selectors.author: unknown key"),
    ("invalid-toml", "[crawl\n", "invalid TOML"),
]


@pytest.mark.parametrize("text, message", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert str(caught.value).startswith(str(tmp_path / "config.toml") + ": ")
    assert message in str(caught.value)


def test_attachments_folder_is_per_site_with_the_crawl_value_as_default(tmp_path: Path) -> None:
    text = ('[crawl]\nattachments = "files/{site}/"\n' + MINIMAL_SITE
            + MINIMAL_SITE.replace('"a"', '"b"') + 'attachments = "/srv/b-files"\n'
            + MINIMAL_SITE.replace('"a"', '"c"') + "attachments = false\n")
    config = load_config(write(tmp_path, text))
    assert [s.attachments for s in config.sites] == ["files/{site}/", "/srv/b-files", None]
    assert load_config(write(tmp_path, MINIMAL_SITE)).sites[0].attachments is None


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.toml")
