"""Dates as clerks type them."""

from __future__ import annotations

import datetime as dt

import pytest

from govform.domain.dates import DateError, parse_date

WRITTEN = [
    "2026年1月15日",
    "2026-1-15",
    "2026.1.15",
    "2026/1/15",
    "20260115",
    "２０２６年１月１５日",
    " 2026 - 01 - 15 ",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_the_ways_clerks_write_a_date(text):
    assert parse_date(text) == dt.date(2026, 1, 15)


def test_blank_is_no_date():
    assert parse_date("  ") is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2026", "不完整"),
        ("2026年1月", "不完整"),
        ("2026-2-30", "没有2026年2月30日"),
        ("明天", "不是日期"),
        ("2026-1-15-3", "不是日期"),
        ("26-1-15", "不是日期"),
    ],
)
def test_anything_else_is_refused_in_chinese_with_how_to_write_it(text, words):
    with pytest.raises(DateError) as refused:
        parse_date(text)
    assert words in str(refused.value.message)
    assert refused.value.message.text("en")
