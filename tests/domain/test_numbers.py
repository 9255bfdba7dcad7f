from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govform.domain.numbers import (
    NumberError,
    format_amount,
    format_signed,
    parse_amount,
    parse_integer,
    parse_money,
    parse_signed,
    split_unit,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("１２", 12),
        (" 12 ", 12),
        ("1,234", 1234),
        ("１,２３４", 1234),
        ("１，２３４", 1234),
        ("0", 0),
        ("\u300012\u3000", 12),
        ("", None),
        ("   ", None),
        ("1000000000", 10**9),
    ],
)
def test_integer_accepts(text, expected):
    assert parse_integer(text) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("abc", "数字以外"),
        ("12a", "数字以外"),
        ("-5", "负数"),
        ("－５", "负数"),
        ("1.5", "整数"),
        ("12,34", "千位分隔符"),
        ("1000000001", "过大"),
        ("+3", "+"),
        ("1 2", "空格"),  # two figures, or a typo: never silently 12
        ("12\t3", "空格"),
        ("12\u200b", None),  # a zero-width space copied from a web page is dropped
        ("2。02", "句号"),
        ("１２\u2028", "不可见字符 U+2028"),
        ("9" * 5000, "位数太多"),  # Python refuses int() of more than 4,300 digits: never reached
    ],
)
def test_integer_rejects_with_chinese_reason(text, says):
    if says is None:
        assert parse_integer(text) == 12
        return
    with pytest.raises(NumberError) as error:
        parse_integer(text)
    assert says in str(error.value)
    assert "0或正整数" in str(error.value) or "过大" in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.02", Decimal("2.02")),
        ("96171.6", Decimal("96171.6")),
        ("１２．５", Decimal("12.5")),
        ("0", Decimal(0)),
        ("1,234.5", Decimal("1234.5")),
        (".5", Decimal("0.5")),
        ("", None),
    ],
)
def test_amount_accepts_exact_decimals(text, expected):
    value = parse_amount(text)
    assert value == expected
    assert value is None or isinstance(value, Decimal)


@pytest.mark.parametrize(
    ("text", "says"),
    [("1.23456", "小数位数"), ("1.2.3", "小数点"), ("-1", "负数"), ("元", "数字以外"), ("5.", "小数点后面没有数字")],
)
def test_amount_rejects(text, says):
    with pytest.raises(NumberError, match=says):
        parse_amount(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_integer_round_trips_in_every_written_form(n):
    full_width = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_integer(str(n)) == n
    assert parse_integer(f"{n:,}") == n
    assert parse_integer(full_width) == n


@given(st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False))
def test_amount_format_parses_back(value):
    assert parse_amount(format_amount(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [("+1", 1), ("-2", -2), ("0", 0), ("－２", -2), ("＋3", 3), ("−4", -4), ("12", 12), ("", None), ("+1,234", 1234)],
)
def test_signed_change_accepts(text, expected):
    assert parse_signed(text) == expected


@pytest.mark.parametrize(
    ("text", "says"), [("+", "数字以外"), ("1.5", "整数"), ("+1件", "数字以外"), ("--1", "数字以外")]
)
def test_signed_change_refuses(text, says):
    with pytest.raises(NumberError) as raised:
        parse_signed(text)
    assert says in str(raised.value) and "+1、-2" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("79000.1元", "79000.1"), ("7.9万元", "79000"), ("79000.1", "79000.1"), ("1,234元", "1234"), ("0元", "0")],
)
def test_money_with_its_unit_is_kept_in_yuan(text, expected):
    assert parse_money(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["5件", "元", "-3元", "1.23456元"])
def test_money_refuses_what_is_not_an_amount(text):
    with pytest.raises(NumberError) as raised:
        parse_money(text)
    assert "79000.1元" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("0件", ("0", "件")), ("251000元", ("251000", "元")), ("2.02万元", ("2.02", "万元")), ("12", ("12", "")),
     ("3 条", ("3", "条"))],
)  # fmt: skip
def test_split_unit(text, expected):
    assert split_unit(text) == expected


def test_format_signed():
    assert [format_signed(v) for v in (1, 0, -2)] == ["+1", "0", "-2"]
