"""The options that ask for the article's structure: shared by ``extract`` and ``fetch``."""

from __future__ import annotations

import argparse

from ..extract.options import PLAIN, Options



def add_structure_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("structure")
    group.add_argument("--markdown", action="store_true",
                       help='also write the article as Markdown (GFM), key "markdown"')
    group.add_argument("--html", action="store_true",
                       help='also write the article as clean HTML, key "html"')
    group.add_argument("--links", action="store_true",
                       help="keep links in the Markdown and HTML (absolute with a URL); "
                       "without it, only their text")


def structure_options(args: argparse.Namespace) -> Options:
    if not (args.markdown or args.html or args.links):
        return PLAIN
    return Options(markdown=args.markdown, html=args.html, links=args.links)
