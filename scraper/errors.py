"""Exceptions raised by scraper.

The tree::

    ScraperError
    ├── NotHTMLError        input is not an HTML document at all (binary, PDF, image…)
    ├── EmptyInputError     input holds nothing: no bytes, or only whitespace
    ├── NoArticleError      a page with something in it, but no article text found
    ├── DecodeError         bytes could not be turned into text
    ├── ConfigError         a config file is missing a key, has a wrong type or a bad value
    ├── FetchError          a page could not be fetched; ``stage`` says where it failed
    └── OutputError         the machine refused the output: a full disk, a folder that
                            cannot be created (what failed, on which path)

Extraction itself never raises on HTML, however broken: it returns a possibly empty
article. Only the per-input boundary of a command catches these and turns them into
error records.
"""

from __future__ import annotations


class ScraperError(Exception):
    """Base class of every error scraper raises on purpose."""

    stage: str = "extract"


class NotHTMLError(ScraperError):
    """The input is not HTML (binary data, PDF, image, JSON…)."""

    stage = "decode"


class EmptyInputError(ScraperError):
    """The input holds no bytes, or nothing but whitespace: there is no page to extract.

    The library's ``extract`` returns an empty article for such input; the commands
    check for it first (``scraper.encoding.require_content``), so that an empty file
    or an empty 200 response is an error record, never a silent empty one."""

    stage = "empty"


class NoArticleError(ScraperError):
    """The page holds something, but extraction found no article text in it (a bare
    list page, a frameset, a script-only shell).

    The library's ``extract`` returns an article with an empty body for such a page;
    the commands and the crawl check for it (``scraper.models.require_article``), so
    that it is an error record or a failed page, never a silent empty record."""

    stage = "extract"


class DecodeError(ScraperError):
    """The bytes could not be decoded into text."""

    stage = "decode"


class ConfigError(ScraperError):
    """A configuration file is invalid; the message names the file and the key path."""

    stage = "config"

    def __init__(self, path: str, key: str, message: str) -> None:
        self.path = path
        self.key = key
        super().__init__(f"{path}: {key}: {message}" if key else f"{path}: {message}")


class FetchError(ScraperError):
    """A page could not be fetched.

    ``stage`` is one of: robots, dns, connect, timeout, redirect, http, too-large,
    content-type, decode.
    """

    def __init__(self, stage: str, message: str, *, status: int | None = None,
                 attempts: int = 1) -> None:
        self.stage = stage
        self.status = status
        self.attempts = attempts
        super().__init__(message)


class OutputError(ScraperError):
    """Writing the output failed for a reason of the machine, not of one page (a full
    disk, a folder that cannot be created). The message says what failed and on which
    path; ``__cause__`` holds the ``OSError``."""

    stage = "write"

    def __init__(self, action: str, path: str, error: OSError) -> None:
        self.path = path
        self.errno = error.errno
        reason = error.strerror or str(error)
        code = f" (errno {error.errno})" if error.errno is not None else ""
        super().__init__(f"cannot {action} {path}: {reason}{code}")
