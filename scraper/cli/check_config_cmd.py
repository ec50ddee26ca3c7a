"""``scraper check-config``: validate a crawl config without fetching anything."""

from __future__ import annotations

import argparse

from ..config import Config, SiteConfig
from .crawl_cmd import add_config_argument, read_config
from .exits import EXIT_OK, EXIT_USAGE

NAME = "check-config"
HELP = "validate a crawl config file without crawling"
DESCRIPTION = """\
Read and validate the config file as 'scraper crawl' would, print what it will crawl,
and exit 0; on the first problem print it (file and key path) and exit 2.

examples:
  scraper check-config
  scraper check-config -c /etc/scraper/config.toml
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    config = read_config(args.config, NAME)
    if config is None:
        return EXIT_USAGE
    print(describe(config))
    return EXIT_OK


def describe(config: Config) -> str:
    lines = [f"{config.path}: OK, {len(config.sites)} site(s)",
             f"  output: {config.crawl.output}", f"  state:  {config.state_path}"]
    if config.crawl.warc:
        lines.append(f"  warc:   {config.crawl.warc}")
    if config.crawl.attachments:
        lines.append(f"  attachments: {config.crawl.attachments}")
    lines += [f"  {site.name}: {_site_line(site)}" for site in config.sites]
    return "\n".join(lines)


def _site_line(site: SiteConfig) -> str:
    parts = [f"{len(site.start_urls)} start page(s)", f"{len(site.feeds)} feed(s)",
             f"{len(site.sitemaps)} sitemap(s)",
             f"{len(site.include)} include pattern(s)" if site.include else "URL heuristics",
             f"max_new {site.max_new}"]
    if site.attachments:
        parts.append(f"attachments {site.attachments}")
    return ", ".join(parts)
