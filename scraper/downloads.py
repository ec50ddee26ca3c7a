"""Attachment downloads: each attachment of an article fetched and kept on disk.

``download_attachments(fetcher, article, directory)`` fetches every attachment
(``Article.attachments``) through the fetcher the page came through, so the same
politeness holds (robots.txt, the per-host delay and concurrency, retries of transient
faults, the size limit ``max_bytes``), and saves each body under its content's SHA-256
(``<sha256 hex>.<type>``, e.g. ``9f86d0….pdf``) in ``directory``: the same file twice,
under two URLs or in two articles, is one file. A file is written to a temporary name,
forced to disk and renamed into place, so a file under its final name is always whole;
a record names it (``path``) only once it is there.

A download that fails (404, robots.txt, too large, a timeout…) never costs the
record: that attachment gets no ``path`` but an ``error`` (``stage``, ``status``,
``message``, as the fetcher's), and a warning is logged. A disk that cannot take the
file is the machine's fault: ``OutputError``, as for the records themselves.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import replace
from pathlib import Path

from .config import Config, SiteConfig
from .errors import OutputError
from .fetch import Fetcher, FetchRequest, FetchResult
from .models import Article, Attachment
from .output import fsync_dir

log = logging.getLogger(__name__)

__all__ = ["download_attachments", "site_directory", "save", "remove_orphans", "ANY_TYPE"]

# Attachments are whatever the server says they are (application/pdf,
# application/octet-stream, application/vnd.ms-excel…): every media type is accepted.
ANY_TYPE = ("*/*",)
# A file being written, before it is renamed into place: hidden, and named by the
# process writing it, so two runs never write the same temporary file.
TEMP_NAME = ".{name}.{pid}.part"
TEMP_GLOB = ".*.part"

# Folders this process has already cleared of temporary files left by dead writers:
# one listing per folder and process, not one per article.
_cleared: set[Path] = set()


def download_attachments(fetcher: Fetcher, article: Article,
                         directory: Path | None) -> Article:
    """``article`` with each attachment downloaded into ``directory`` (its ``path``
    set), or marked with the ``error`` that stopped it; as it is without a directory."""
    if directory is None or not article.attachments:
        return article
    if directory not in _cleared:
        remove_orphans(directory)
        _cleared.add(directory)
    requests = [FetchRequest(a.url, content_types=ANY_TYPE) for a in article.attachments]
    done: list[Attachment] = []
    for attachment, result in zip(article.attachments, fetcher.fetch_many(requests),
                                  strict=True):
        done.append(_settled(attachment, result, directory, article.url))
    return replace(article, attachments=done)


def remove_orphans(directory: Path) -> list[Path]:
    """Delete the temporary files in ``directory`` whose writing process is gone (a run
    killed while saving), and return them. A file of a live process is left alone: it
    may be another run or ``scraper fetch`` writing into the same folder."""
    removed = []
    for temp in directory.glob(TEMP_GLOB):
        pid = temp.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not _alive(int(pid)):
            temp.unlink(missing_ok=True)
            removed.append(temp)
    if removed:
        log.info("%s: removed %d file(s) left by a killed download", directory, len(removed))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # someone else's process: alive
        return True
    return True


def site_directory(config: Config, site: SiteConfig) -> Path | None:
    """Where the crawl keeps a site's attachments (``attachments``, per site or under
    ``[crawl]``, with ``{site}`` its name), or None when they are not downloaded."""
    if site.attachments is None:
        return None
    return config.resolve(site.attachments.format(site=site.name))


def _settled(attachment: Attachment, result: FetchResult, directory: Path,
             page: str | None) -> Attachment:
    if result.error is not None:
        stage = getattr(result.error, "stage", "fetch")
        log.warning("%s: attachment %s not downloaded: %s: %s", page, attachment.url, stage,
                    result.error)
        return replace(attachment, error={"stage": stage, "status": result.status,
                                          "message": str(result.error)})
    path = save(result.content or b"", attachment.type, directory)
    return replace(attachment, path=str(path))


def save(content: bytes, kind: str, directory: Path) -> Path:
    """``content`` in ``directory`` as ``<sha256 hex>.<kind>``, written atomically; a
    file of that name is already this content and is left as it is."""
    path = directory / f"{hashlib.sha256(content).hexdigest()}.{kind}"
    if path.exists():
        return path
    temp = directory / TEMP_NAME.format(name=path.name, pid=os.getpid())
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
        fsync_dir(directory)   # the new name survives a power cut too
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError("write attachment", str(path), exc) from exc
    return path
