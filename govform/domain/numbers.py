"""Parsing the figures a clerk types or pastes: the one place that decides what a number cell accepts.

A refused figure raises NumberError carrying a Message (what is wrong, and what the cell accepts); the
words are in the catalogues under `numbers.`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from govform.domain.messages import Message

# Full-width digits and punctuation an IME produces, folded to ASCII before parsing.
_FOLD = str.maketrans("０１２３４５６７８９，．－＋", "0123456789,.-+")
# Characters a web page or Word carries invisibly (zero-width space and joiners, the word joiner, the BOM):
# they are dropped, as the clerk cannot see them to delete them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_EDGE_SPACES = " \t\u3000\u00a0"
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")
_PLAIN = re.compile(r"\d+")
_DECIMAL = re.compile(r"(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?|\.(\d+)")
_MAX_DIGITS = 30  # beyond any figure a report holds; longer runs of digits are refused before int() sees them

DEFAULT_MAX_INTEGER = 10**9
DEFAULT_AMOUNT_PLACES = 4

# Units a published report writes into a cell after the figure ("0件", "79000.1元", "2.02万元"), and what each
# multiplies a figure by to give 元 (None: a count, not money).
UNITS: dict[str, int | None] = {
    "件": None, "条": None, "个": None, "次": None, "项": None, "宗": None, "起": None, "家": None, "人": None,
    "元": 1, "万元": 10_000, "亿元": 100_000_000,
}  # fmt: skip
_UNIT_AT_END = re.compile("(" + "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)) + r")\s*$")


class NumberError(ValueError):
    """A figure that cannot be accepted; `reason` says what is wrong and what is allowed."""

    def __init__(self, reason: Message):
        self.reason = reason
        super().__init__(str(reason))


def _normalise(text: str) -> str:
    """Fold full-width forms, drop invisible characters and the spaces around the figure."""
    return text.translate(_FOLD).translate(_INVISIBLE).strip(_EDGE_SPACES + "\r\n")


def _refuse(problem: str, allowed: Message, **params: object) -> NumberError:
    return NumberError(Message(f"numbers.{problem}", allowed=allowed, **params))


def _check_characters(text: str, folded: str, allowed: Message) -> None:
    if folded.startswith(("-", "−")):
        raise _refuse("negative", allowed)
    if folded.startswith("+"):
        raise _refuse("plus", allowed)
    for ch in folded:
        if ch.isascii() and (ch.isdigit() or ch in ",."):
            continue
        if ch in _EDGE_SPACES:
            raise _refuse("space_inside", allowed)
        if ch == "。":
            raise _refuse("full_stop", allowed)
        if ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cn", "Zl", "Zp"):
            raise _refuse("invisible", allowed, code=f"U+{ord(ch):04X}")
        raise _refuse("not_digits", allowed, text=text.strip())


def _digits(folded: str, allowed: Message, max_value: int) -> None:
    if sum(ch.isdigit() for ch in folded) > _MAX_DIGITS:
        raise _refuse("too_long", allowed, max_value=f"{max_value:,}")


def parse_integer(text: str, max_value: int = DEFAULT_MAX_INTEGER) -> int | None:
    """A count: `12`, `１２`, ` 12 `, `1,234`, `１,２３４` → int; blank → None; anything else raises NumberError."""
    allowed = Message("numbers.allowed_integer")
    folded = _normalise(text)
    if not folded:
        return None
    _check_characters(text, folded, allowed)
    if "." in folded:
        raise _refuse("decimal_in_count", allowed)
    _digits(folded, allowed, max_value)
    if _PLAIN.fullmatch(folded):
        value = int(folded)
    elif _GROUPED.fullmatch(folded):
        value = int(folded.replace(",", ""))
    else:
        raise _refuse("grouping", allowed)
    if value > max_value:
        raise _refuse("too_large", allowed, value=f"{value:,}", max_value=f"{max_value:,}")
    return value


def parse_amount(
    text: str, places: int = DEFAULT_AMOUNT_PLACES, max_value: int = DEFAULT_MAX_INTEGER
) -> Decimal | None:
    """A money figure in 万元 kept exact, as typed: `2.02`, `１２.５`, `1,234.5`, `2.0200` → Decimal; blank → None."""
    allowed = Message("numbers.allowed_amount", places=places)
    folded = _normalise(text)
    if not folded:
        return None
    _check_characters(text, folded, allowed)
    _digits(folded, allowed, max_value)
    match = _DECIMAL.fullmatch(folded)
    if not match:
        if folded.count(".") > 1:
            raise _refuse("two_points", allowed)
        if folded.endswith("."):
            raise _refuse("nothing_after_point", allowed)
        raise _refuse("grouping", allowed)
    fraction = match.group(2) or match.group(3) or ""
    if len(fraction) > places:
        raise _refuse("too_many_places", allowed, places=places)
    try:
        value = Decimal(folded.replace(",", ""))
    except InvalidOperation as error:  # the pattern above admits only valid decimals
        raise NumberError(allowed) from error
    if value > max_value:
        raise _refuse("amount_too_large", allowed, value=format_amount(value))
    return value


def parse_signed(text: str, max_value: int = DEFAULT_MAX_INTEGER) -> int | None:
    """A change from last year, signed as the 2019 format writes it: `+1`, `-2`, `0`, `－２` → int; blank → None."""
    allowed = Message("numbers.allowed_signed")
    folded = _normalise(text).replace("−", "-")
    if not folded:
        return None
    sign = -1 if folded[0] == "-" else 1
    digits = folded[1:].lstrip(_EDGE_SPACES) if folded[0] in "+-" else folded
    if not digits or digits[0] in "+-":
        raise _refuse("not_digits", allowed, text=text.strip())
    _check_characters(text, digits, allowed)
    if "." in digits:
        raise _refuse("decimal_in_count", allowed)
    _digits(digits, allowed, max_value)
    if not (_PLAIN.fullmatch(digits) or _GROUPED.fullmatch(digits)):
        raise _refuse("grouping", allowed)
    value = int(digits.replace(",", ""))
    if value > max_value:
        raise _refuse("too_large", allowed, value=f"{value:,}", max_value=f"{max_value:,}")
    return sign * value


def parse_money(text: str, places: int = DEFAULT_AMOUNT_PLACES, max_value: int = DEFAULT_MAX_INTEGER) -> Decimal | None:
    """Money with its unit written in the cell, kept in 元: `79000.1元`, `7.9万元`, `79000.1` (元) → Decimal."""
    allowed = Message("numbers.allowed_money", places=places)
    folded = _normalise(text)
    if not folded:
        return None
    number, unit = split_unit(folded)
    if not number or (unit and UNITS[unit] is None):
        raise _refuse("not_digits", allowed, text=text.strip())
    try:
        amount = parse_amount(number, places, max_value)
    except NumberError as error:  # the same reason, saying what this cell accepts
        raise NumberError(Message(error.reason.key, **{**error.reason.params, "allowed": allowed})) from None
    factor = UNITS[unit] if unit else 1
    return Decimal(format_amount(amount * (factor or 1)))


def split_unit(text: str) -> tuple[str, str]:
    """A figure and the unit written after it: "0件" → ("0", "件"), "2.02万元" → ("2.02", "万元"), "12" → ("12", "")."""
    match = _UNIT_AT_END.search(text)
    if not match:
        return text, ""
    return text[: match.start()].rstrip(_EDGE_SPACES), match.group(1)


def format_signed(value: int) -> str:
    """A signed change as the 2019 format prints it: "+1", "-2", "0"."""
    return f"+{value}" if value > 0 else str(value)


def format_amount(value: Decimal) -> str:
    """An amount as a clerk writes it: no exponent, no trailing zeros ("2.02", "0", "96171.6")."""
    text = format(value.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")
