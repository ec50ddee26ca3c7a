"""Dates as pages write them, read into ISO 8601.

Understands ISO 8601 and its portal variants (``2024-08-06 09:47:05``, ``2024/8/6``,
``2022.01.20 16:31``), Chinese dates (``2024年8月6日 09:47``, ``2019年06月15日08:18``),
Chinese-numeral dates as documents sign them (``二〇二四年八月六日``,
``二○二四年元月三十一日``), RFC 2822 (``Tue, 19 Nov 2019 10:00:00 GMT``), English month
names (``November 19, 2019``) and Unix timestamps in ``<meta>``.

A time without a stated offset gets the page's implied one (``+08:00`` on Chinese pages)
when the caller passes it; a date alone stays a date (``2022-02-12``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

# Years outside this range are page furniture (copyright 1996, ids), not publication dates.
YEAR_MIN = 1990
YEAR_MAX = 2100

# Offsets written after a time. e.g. "+08:00", "+0800", "Z", " GMT"
_TZ = r"(?P<tz>Z|[+-]\d{2}:?\d{2}|\s?(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
# A time of day, optionally after a Chinese half-day word. e.g. "09:47:05", "下午3:05",
# "08时19分", "10:00 PM"
_TIME = (r"(?:\s*|T|\s*[,，]\s*)(?:(?P<half>上午|下午|晚上|凌晨|中午|早上|傍晚)\s*)?"
         r"(?P<H>\d{1,2})\s*[:：时]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2})(?:\.\d+)?)?"
         r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?" + _TZ)

# Numeric and Chinese dates, year first. e.g. "2024-08-06 09:47:05", "2024年8月6日 09:47",
# "2021-1-29 13:18", "2022.01.20 16:31", "2004年7月16日08:19"
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*"
    r"(?P<d>\d{1,2})(?!\d)\s*日?(?:" + _TIME + r")?")
# The characters documents write for zero in a Chinese-numeral year: 〇 (U+3007), the
# circle ○ (U+25CB) typed in its place, 零, and the full-width and Latin O and 0 some
# portals print. e.g. "二○二四年", "二Ｏ二四年"
_CN_ZEROS = "〇○零Ｏ０O0"
# Chinese-numeral dates, as documents sign them; 元月 is the first month.
# e.g. "二〇二四年八月六日", "二○二四年元月三十一日"
_CN_DIGIT = _CN_ZEROS + "一二三四五六七八九十"
HAN_NUMERAL_DATE = re.compile(
    rf"(?P<y>[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>元|[{_CN_DIGIT}]{{1,2}})\s*月\s*"
    rf"(?P<d>[{_CN_DIGIT}]{{1,3}})\s*日")
# English dates with a month name. e.g. "November 19, 2019", "19 Nov 2019", "Nov. 19, 2019 10:00 AM"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<mon>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
ENGLISH_DATE = re.compile(
    r"\b(?:" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+(?P<mon2>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
    r",?\s+(?P<y2>(?:19|20)\d{2}))\b(?:(?:\s+at)?" + _TIME + r")?", re.IGNORECASE)
# A date without its year, as some apps print it. e.g. "发布时间：09-30 22:46", "9月30日 22:46"
YEARLESS_DATE = re.compile(
    r"(?<![\d.\-/])(?P<m>\d{1,2})\s*(?:月|-)\s*(?P<d>\d{1,2})\s*日?(?!\d)" + _TIME.replace(
        "(?:\\s*|T|\\s*[,，]\\s*)", r"\s+"))
# Four digits that may be a year: numeric and English dates are only looked for in a
# text that holds them (one fast scan rules out most lines).
YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
# A Unix timestamp in seconds or milliseconds. e.g. content="1577630049"
UNIX_TIME = re.compile(r"^\d{10}(?:\d{3})?$")

_HALF_DAY_PM = frozenset({"下午", "晚上", "傍晚"})


@dataclass(frozen=True)
class DateValue:
    """One date read from a page; ``start``/``end`` locate it in the text it came from."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    offset: str | None = None   # "+08:00", or None when the page states none
    start: int = 0
    end: int = 0

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def day_key(self) -> tuple[int, int, int]:
        return (self.year, self.month, self.day)

    @property
    def iso_date(self) -> str:
        """The day alone in ISO 8601: "2024-08-05"."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def iso(self, default_offset: str | None = None) -> str:
        """ISO 8601: date only, or date and time with the stated or implied offset."""
        day = self.iso_date
        if self.hour is None or self.minute is None:
            return day
        offset = self.offset or default_offset or ""
        return f"{day}T{self.hour:02d}:{self.minute:02d}:{self.second:02d}{offset}"


def _offset(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip().upper()
    if raw in ("Z", "GMT", "UTC"):
        return "+00:00"
    raw = raw.removeprefix("GMT").removeprefix("UTC")
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", raw)
    if not match:
        return None
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    return f"{sign}{hours:02d}:{minutes:02d}" if hours <= 14 and minutes < 60 else None


def _han_number(text: str) -> int:
    """Chinese numerals to an int: digit by digit ("二〇二四"), or with 十 ("十二", "二十六")."""
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits.update({zero: 0 for zero in _CN_ZEROS})
    digits["元"] = 1   # 元月, the first month
    if "十" not in text:
        value = 0
        for char in text:
            value = value * 10 + digits[char]
        return value
    tens, _, ones = text.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _build(year: int, month: int, day: int, match: re.Match[str] | None,
           start: int, end: int) -> DateValue | None:
    """A validated DateValue, with the time groups of ``match`` when present."""
    if not (YEAR_MIN <= year <= YEAR_MAX):
        return None
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    hour = minute = None
    second = 0
    offset = None
    groups = match.groupdict() if match is not None else {}
    if groups.get("H") is not None:
        hour, minute = int(groups["H"]), int(groups["M"])
        second = int(groups["S"]) if groups.get("S") else 0
        half = groups.get("half")
        ampm = (groups.get("ampm") or "").lower().replace(".", "")
        if (half in _HALF_DAY_PM or ampm == "pm") and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or second > 59:
            hour = minute = None
            second = 0
        else:
            offset = _offset(groups.get("tz"))
    return DateValue(year, month, day, hour, minute, second, offset, start, end)


def _from_numeric(match: re.Match[str]) -> DateValue | None:
    return _build(int(match["y"]), int(match["m"]), int(match["d"]), match,
                  match.start(), match.end())


def _from_han(match: re.Match[str]) -> DateValue | None:
    try:
        year, month, day = (_han_number(match[k]) for k in ("y", "m", "d"))
    except KeyError:
        return None
    return _build(year, month, day, None, match.start(), match.end())


def _from_english(match: re.Match[str]) -> DateValue | None:
    month_name = (match["mon"] or match["mon2"])[:3].lower()
    day = int(match["d"] or match["d2"])
    year = int(match["y"] or match["y2"])
    return _build(year, _MONTHS.index(month_name) + 1, day, match, match.start(), match.end())


def find_dates(text: str, *, english: bool = True) -> list[DateValue]:
    """Every valid date written in ``text``, in order of position."""
    found: list[DateValue] = []
    if YEAR_DIGITS.search(text):
        found += [v for m in NUMERIC_DATE.finditer(text) if (v := _from_numeric(m))]
        if english:
            found += [v for m in ENGLISH_DATE.finditer(text) if (v := _from_english(m))]
    if "年" in text:
        found += [v for m in HAN_NUMERAL_DATE.finditer(text) if (v := _from_han(m))]
    return sorted(found, key=lambda v: v.start)


def find_date(text: str, *, english: bool = True) -> DateValue | None:
    """The first valid date written in ``text``."""
    dates = find_dates(text, english=english)
    return dates[0] if dates else None


def find_yearless(text: str, year: int) -> DateValue | None:
    """A month-day-time date without its year (``09-30 22:46``), completed with ``year``."""
    match = YEARLESS_DATE.search(text)
    if match is None:
        return None
    return _build(year, int(match["m"]), int(match["d"]), match, match.start(), match.end())


def parse_date(value: str) -> DateValue | None:
    """Read one machine-written date (``<meta>``, JSON-LD, ``<time datetime>``)."""
    value = value.strip()
    if not value:
        return None
    if UNIX_TIME.match(value):
        seconds = int(value[:10])
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
        return DateValue(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                         moment.second, "+00:00")
    # Most machine dates are ISO 8601: a valid numeric date at the start is what
    # find_date would give first, read without scanning for the other forms.
    leading = NUMERIC_DATE.match(value)
    if leading is not None and (found := _from_numeric(leading)) is not None:
        return found
    found = find_date(value)
    if found is not None and found.start == 0:
        return found
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return found
    offset = moment.strftime("%z")
    return DateValue(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                     moment.second, f"{offset[:3]}:{offset[3:]}" if offset else None)
