"""Parsing the figures a clerk types or pastes: the one place that decides what a number cell accepts."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Full-width digits and punctuation an IME produces, folded to ASCII before parsing.
_FOLD = str.maketrans("０１２３４５６７８９，．－＋", "0123456789,.-+")
_SPACES = re.compile(r"[\s\u3000]+")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")
_PLAIN = re.compile(r"\d+")
_DECIMAL = re.compile(r"(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?|\.(\d+)")

DEFAULT_MAX_INTEGER = 10**9
DEFAULT_AMOUNT_PLACES = 4


class NumberError(ValueError):
    """A figure that cannot be accepted; `str(error)` says in Chinese what is wrong and what is allowed."""


def _normalise(text: str) -> str:
    return _SPACES.sub("", text.translate(_FOLD))


def _reject_sign_or_letters(text: str, folded: str, allowed: str) -> None:
    if folded.startswith("-") or folded.startswith("−"):
        raise NumberError(f"不能填负数。{allowed}")
    if folded.startswith("+"):
        raise NumberError(f"请去掉“+”号。{allowed}")
    if any(not (ch.isdigit() and ch.isascii()) and ch not in ",." for ch in folded):
        raise NumberError(f"“{text.strip()}”中含有数字以外的字符。{allowed}")


def parse_integer(text: str, max_value: int = DEFAULT_MAX_INTEGER) -> int | None:
    """A count: `12`, `１２`, ` 12 `, `1,234`, `１,２３４` → int; blank → None; anything else raises NumberError."""
    allowed = "此处只能填写0或正整数（如 12、1,234）。"
    folded = _normalise(text)
    if not folded:
        return None
    _reject_sign_or_letters(text, folded, allowed)
    if "." in folded:
        raise NumberError(f"此处应填整数，不能有小数。{allowed}")
    if _PLAIN.fullmatch(folded):
        value = int(folded)
    elif _GROUPED.fullmatch(folded):
        value = int(folded.replace(",", ""))
    else:
        raise NumberError(f"千位分隔符“,”的位置不对。{allowed}")
    if value > max_value:
        raise NumberError(f"数值{value:,}过大，超过了{max_value:,}，请核对是否多输了数字。")
    return value


def parse_amount(
    text: str, places: int = DEFAULT_AMOUNT_PLACES, max_value: int = DEFAULT_MAX_INTEGER
) -> Decimal | None:
    """A money figure in 万元 kept exact: `2.02`, `１２.５`, `1,234.5` → Decimal; blank → None."""
    allowed = f"此处填写金额（单位：万元），可以有最多{places}位小数，如 2.02。"
    folded = _normalise(text)
    if not folded:
        return None
    _reject_sign_or_letters(text, folded, allowed)
    match = _DECIMAL.fullmatch(folded)
    if not match:
        if folded.count(".") > 1:
            raise NumberError(f"小数点多了一个。{allowed}")
        raise NumberError(f"千位分隔符“,”的位置不对。{allowed}")
    fraction = match.group(2) or match.group(3) or ""
    if len(fraction) > places:
        raise NumberError(f"小数位数太多（最多{places}位）。{allowed}")
    try:
        value = Decimal(folded.replace(",", ""))
    except InvalidOperation as error:  # the pattern above admits only valid decimals
        raise NumberError(allowed) from error
    if value > max_value:
        raise NumberError(f"金额{value}万元过大，请核对单位是否为万元。")
    return value


def format_amount(value: Decimal) -> str:
    """An amount as a clerk writes it: no exponent, no trailing zeros ("2.02", "0", "96171.6")."""
    text = format(value.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")
