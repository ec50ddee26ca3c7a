"""Golden pages (samples/pages): our extraction checked field by field against truth.

Each sample's ``expected.json`` comes from a dataset's hand-made labels (see
``samples/pages/README.md``); only the fields it lists under ``labelled`` are checked.
"""

from __future__ import annotations

import difflib
import json
from datetime import date, datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from scraper import Article, extract

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples" / "pages"
SLUGS = sorted(p.name for p in SAMPLES_DIR.iterdir() if (p / "expected.json").is_file())

# Character similarity (difflib ratio, whitespace removed) the body must reach.
BODY_SIMILARITY_MIN = 0.95
# Per-page floors above the default, once a page is known to do better (only ever raised).
BODY_SIMILARITY_BY_PAGE: dict[str, float] = {}


def squash(text: str) -> str:
    """``text`` without any whitespace: paragraph breaks differ between splitters."""
    return "".join(text.split())


def normalize_space(text: str) -> str:
    return " ".join(text.split())


@cache
def expected(slug: str) -> dict[str, Any]:
    return json.loads((SAMPLES_DIR / slug / "expected.json").read_text(encoding="utf-8"))


@cache
def extracted(slug: str) -> Article:
    return extract((SAMPLES_DIR / slug / "source.html").read_bytes(), url=expected(slug)["url"])


def paragraphs(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _cases(field: str, *, stated_only: bool = False) -> list[str]:
    return [slug for slug in SLUGS
            if field in expected(slug)["labelled"]
            and not (stated_only and expected(slug).get(field) is None)]


def test_there_are_enough_samples() -> None:
    assert len(SLUGS) >= 12


@pytest.mark.parametrize("slug", _cases("title"))
def test_title(slug: str) -> None:
    got = extracted(slug).title
    assert got is not None and normalize_space(got) == normalize_space(expected(slug)["title"])


def _minute(value: str) -> tuple[datetime | date, bool]:
    """(value parsed at minute resolution, whether it is a bare date)."""
    if len(value) == len("2005-03-21"):
        return date.fromisoformat(value), True
    return datetime.fromisoformat(value).replace(second=0, microsecond=0), False


@pytest.mark.parametrize("slug", _cases("published", stated_only=True))
def test_published_to_the_minute(slug: str) -> None:
    want, date_only = _minute(expected(slug)["published"])
    got_text = extracted(slug).published
    assert got_text is not None, "no published date"
    got, _ = _minute(got_text)
    if date_only:
        assert (got.date() if isinstance(got, datetime) else got) == want
        return
    assert isinstance(got, datetime), f"{got_text!r} has no time; the page shows one"
    assert isinstance(want, datetime)
    assert got.replace(tzinfo=None) == want.replace(tzinfo=None)  # local wall-clock time
    if got.tzinfo is not None and want.tzinfo is not None:  # and the instant
        assert got.astimezone(timezone.utc) == want.astimezone(timezone.utc)


@pytest.mark.parametrize(("slug", "field"), [
    pytest.param(slug, field, id=f"{slug}-{field}")
    for field in ("source", "author") for slug in _cases(field, stated_only=True)])
def test_source_and_author(slug: str, field: str) -> None:
    got = getattr(extracted(slug), field)
    assert got is not None and normalize_space(got) == normalize_space(expected(slug)[field])


@pytest.mark.parametrize("slug", _cases("body"))
def test_body_similarity(slug: str) -> None:
    floor = BODY_SIMILARITY_BY_PAGE.get(slug, BODY_SIMILARITY_MIN)
    ratio = difflib.SequenceMatcher(None, squash(expected(slug)["body"]),
                                    squash(extracted(slug).body), autojunk=False).ratio()
    assert ratio >= floor


@pytest.mark.parametrize("which", [0, -1], ids=["first", "last"])
@pytest.mark.parametrize("slug", _cases("body"))
def test_body_keeps_first_and_last_paragraph(slug: str, which: int) -> None:
    paragraph = paragraphs(expected(slug)["body"])[which]
    assert squash(paragraph) in squash(extracted(slug).body)


# Pages whose captions cannot be told from the HTML: the stored DOM lost the pictures
# they belonged to, leaving bold centred lines that read like subheadings.
CAPTIONS_WITHOUT_PICTURES = {
    "gne-cjddsb-1": "saved DOM lost its <img>s; captions look like centred subheadings",
}


def _caption_case(slug: str) -> Any:
    reason = CAPTIONS_WITHOUT_PICTURES.get(slug)
    return pytest.param(slug, marks=pytest.mark.xfail(reason=reason, strict=True)) if reason else slug


@pytest.mark.parametrize("slug", [_caption_case(s) for s in _cases("captions") if expected(s)["captions"]])
def test_no_caption_in_body(slug: str) -> None:
    body = squash(extracted(slug).body)
    leaked = [c for c in expected(slug)["captions"] if squash(c) in body]
    assert leaked == []


# Record fields a sample states exactly, as the record writes them (a government page's
# section, its document fields, its attachments without a download path).
EXACT_FIELDS = ("channel", "document", "attachments")


@pytest.mark.parametrize(("slug", "field"), [
    pytest.param(slug, field, id=f"{slug}-{field}")
    for field in EXACT_FIELDS for slug in _cases(field)])
def test_exact_fields(slug: str, field: str) -> None:
    record = extracted(slug).to_record()
    assert record.get(field) == expected(slug)[field]


def test_the_readme_lists_every_sample() -> None:
    """``python -m bench.make_samples`` lists the hand-written pages too (``gov-*``)."""
    readme = (SAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    assert [slug for slug in SLUGS if f"| `{slug}` |" not in readme] == []
