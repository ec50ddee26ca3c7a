"""Scoring of title, published, source and author against zh-dev's truth.

- title, source, author: exact after whitespace normalisation (runs of spaces, NBSP and
  U+3000 become one space; trimmed).
- published: both values must parse as ISO 8601. When the truth is date-only the
  dates must match; otherwise the prediction must carry a time and the local
  wall-clock time must match to the minute and, when both carry a UTC offset, so must
  the instant.
- A field is scored on the pages whose truth states it (non-null); a value predicted
  where the truth is null counts as a false positive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

# A bare calendar date: the page shows no time of day.
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def _parse_iso(value: str) -> datetime | date | None:
    value = value.strip()
    try:
        if _DATE_ONLY.match(value):
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def published_matches(truth: str, predicted: str) -> bool:
    """``predicted`` equals ``truth`` at minute resolution (day when truth is date-only)."""
    want, got = _parse_iso(truth), _parse_iso(predicted)
    if want is None or got is None:
        return False
    if not isinstance(want, datetime):
        return (got.date() if isinstance(got, datetime) else got) == want
    if not isinstance(got, datetime):
        return False  # the page gives a time; a bare date is not enough
    if _minute(want.replace(tzinfo=None)) != _minute(got.replace(tzinfo=None)):
        return False  # local wall-clock time differs
    if want.tzinfo is not None and got.tzinfo is not None:
        return _minute(want.astimezone(timezone.utc)) == _minute(got.astimezone(timezone.utc))
    return True


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def text_matches(truth: str, predicted: str) -> bool:
    return normalize_space(truth) == normalize_space(predicted)


MATCHERS: dict[str, Callable[[str, str], bool]] = {
    "title": text_matches,
    "published": published_matches,
    "source": text_matches,
    "author": text_matches,
}


@dataclass
class FieldScore:
    right: int = 0            # truth stated and prediction matches
    stated: int = 0           # pages whose truth states the field
    false_positives: int = 0  # truth null, prediction not null

    @property
    def share(self) -> float:
        return self.right / self.stated if self.stated else 0.0


def check_field(name: str, truth: Any, predicted: str | None) -> bool | None:
    """True/False when the truth states the field; None when it does not."""
    if truth is None:
        return None
    return predicted is not None and MATCHERS[name](str(truth), predicted)


def score_metadata(fields: Iterable[str], truth: list[dict[str, Any]],
                   predicted: list[dict[str, str | None]]) -> dict[str, FieldScore]:
    """Per field, counts over the pages; ``predicted[i]`` is the prediction for ``truth[i]``."""
    scores: dict[str, FieldScore] = {}
    for name in fields:
        score = scores[name] = FieldScore()
        for want, got in zip(truth, predicted, strict=True):
            verdict = check_field(name, want.get(name), got.get(name))
            if verdict is None:
                score.false_positives += got.get(name) is not None
            else:
                score.stated += 1
                score.right += verdict
    return scores
