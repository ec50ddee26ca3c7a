"""scraper: fetch news and portal pages, strip the boilerplate, write articles as JSON Lines.

    >>> from scraper import extract
    >>> article = extract(open("page.html", "rb").read(), url="https://example.com/a.html")
    >>> article.title, article.body
"""

from __future__ import annotations

import logging

from .encoding import Decoded, decode
from .errors import (ConfigError, DecodeError, EmptyInputError, FetchError, NotHTMLError,
                     OutputError, ScraperError)
from .extract import extract, extract_text
from .models import SCHEMA_VERSION, Article, Attachment, Image

__all__ = [
    "extract", "extract_text", "decode", "Decoded",
    "Article", "Attachment", "Image", "SCHEMA_VERSION",
    "ScraperError", "NotHTMLError", "EmptyInputError", "DecodeError", "ConfigError", "FetchError",
    "OutputError",
]

# A library adds no handlers of its own; the CLI configures logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())
