"""Dates as clerks type them (parse_date) and as reports print them (signature_date, find_date, find_year)."""

from __future__ import annotations

import datetime as dt

import pytest

from govform.domain.dates import DateError, chinese_number, find_date, find_year, parse_date, signature_date

JAN_20 = dt.date(2025, 1, 20)


@pytest.mark.parametrize(
    "text",
    ["2025年1月20日", "2025-01-20", "2025.1.20", "2025/1/20", "二〇二五年一月二十日", "二○二五年一月二十日",
     "２０２５年１月２０日", "  2025年1月20日\u3000", "2025 年 1 月 20 日"],
)  # fmt: skip
def test_a_signature_date_in_every_way_reports_write_it(text):
    assert signature_date(text) == JAN_20


@pytest.mark.parametrize(
    "text", ["2025年13月1日", "2025年2月30日", "重庆市长寿区人民政府", "本报告2025年1月20日发布", ""]
)
def test_what_is_not_a_date_alone(text):
    assert signature_date(text) is None


def test_a_date_inside_text():
    found = find_date("统计期限为2024年1月1日至2024年12月31日")
    assert found is not None and found[0] == dt.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("十十", None)]
)
def test_chinese_numbers(text, value):
    assert chinese_number(text) == value


def test_a_year_in_a_title():
    assert find_year("某某镇2024年政府信息公开工作年度报告")[0] == 2024
    assert find_year("某某镇二〇二四年度政府信息公开工作年度报告")[0] == 2024
    assert find_year("政府信息公开工作年度报告") is None


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


def test_a_clerk_may_type_the_date_in_chinese_numerals():
    assert parse_date("二〇二六年一月十五日") == dt.date(2026, 1, 15)
