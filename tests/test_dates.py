from __future__ import annotations

import pytest

from scraper.extract.dates import find_date, find_dates, find_yearless, parse_date

CHINA = "+08:00"


@pytest.mark.parametrize("text, expected", [
    ("2024-08-06 09:47:05", "2024-08-06T09:47:05+08:00"),
    ("2024年8月6日 09:47", "2024-08-06T09:47:00+08:00"),
    ("2019年06月15日08:18 来源：人民网", "2019-06-15T08:18:00+08:00"),
    ("2024/8/6", "2024-08-06"),
    ("2022.01.20 16:31", "2022-01-20T16:31:00+08:00"),
    ("发布: 2021-1-29 13:18", "2021-01-29T13:18:00+08:00"),
    ("发布时间：2022-02-13　04:22:18", "2022-02-13T04:22:18+08:00"),
    ("二〇二四年八月六日", "2024-08-06"),
    ("2024年8月6日 下午3:05", "2024-08-06T15:05:00+08:00"),
    ("November 19, 2019 10:00 PM", "2019-11-19T22:00:00+08:00"),
    ("19 Nov 2019", "2019-11-19"),
], ids=["iso-seconds", "chinese-minutes", "chinese-glued-time", "slashes-date-only",
        "dots", "single-digit-month", "fullwidth-space", "han-numerals", "afternoon",
        "english-month-pm", "english-day-first"])
def test_visible_dates_read_with_implied_offset(text: str, expected: str) -> None:
    found = find_date(text)
    assert found is not None
    assert found.iso(CHINA) == expected


@pytest.mark.parametrize("text", [
    "Copyright 1996-2005", "电话 0591-8765-4321", "2024-13-45", "第1980年代", "",
], ids=["copyright-range", "phone-number", "impossible-month", "era-word", "empty"])
def test_non_dates_are_ignored(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize("value, expected", [
    ("2019-11-19T10:00:00.000Z", "2019-11-19T10:00:00+00:00"),
    ("2022-02-13T04:22:18+08:00", "2022-02-13T04:22:18+08:00"),
    ("2019-11-19T06:56:43-0500", "2019-11-19T06:56:43-05:00"),
    ("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00+00:00"),
    ("1577630049", "2019-12-29T14:34:09+00:00"),
    ("2022-02-13", "2022-02-13"),
], ids=["iso-z", "iso-offset", "offset-without-colon", "rfc2822", "unix-seconds",
        "date-only"])
def test_machine_dates_keep_their_stated_offset(value: str, expected: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None
    assert parsed.iso(CHINA) == expected


@pytest.mark.parametrize("text, expected", [
    ("二〇二四年八月五日", "2024-08-05"),
    ("二○二四年八月五日", "2024-08-05"),
    ("二零二四年十二月一日", "2024-12-01"),
    ("二〇二四年元月三十一日", "2024-01-31"),
    ("二〇二三年十月二十日", "2023-10-20"),
    ("二Ｏ二四年三月十五日", "2024-03-15"),
    ("福州市应急管理局\n二〇二四年 八月 五日", "2024-08-05"),
], ids=["ideographic-zero", "circle-zero", "ling", "yuanyue-thirty-first", "twenty",
        "fullwidth-o", "spaced-after-organ"])
def test_chinese_numeral_dates_as_documents_sign_them(text: str, expected: str) -> None:
    found = find_date(text)
    assert found is not None and found.iso(CHINA) == expected


@pytest.mark.parametrize("text", ["二〇二四年十三月五日", "二〇二四年二月三十日", "一二三四年五月六日"],
                         ids=["month-thirteen", "february-thirtieth", "year-out-of-range"])
def test_impossible_chinese_numeral_dates_are_ignored(text: str) -> None:
    assert find_date(text) is None


def test_date_without_time_stays_a_date_whatever_the_offset() -> None:
    found = find_date("2022年02月12日")
    assert found is not None and found.iso(CHINA) == "2022-02-12"


def test_time_without_offset_stays_naive_when_none_is_implied() -> None:
    found = find_date("2024-08-06 09:47")
    assert found is not None and found.iso() == "2024-08-06T09:47:00"


def test_dates_are_found_in_order_with_positions() -> None:
    text = "发布 2024-08-06 09:47 更新 2024-08-07 10:00"
    dates = find_dates(text)
    assert [d.day for d in dates] == [6, 7]
    assert text[dates[0].start:dates[0].end].startswith("2024-08-06")


def test_yearless_date_completed_with_given_year() -> None:
    found = find_yearless("发布时间：09-30 22:46", 2019)
    assert found is not None and found.iso(CHINA) == "2019-09-30T22:46:00+08:00"
