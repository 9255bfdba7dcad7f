"""Reading a date as reports print it: 2025年1月20日, 2025-01-20, 2025.1.20, 2025/1/20, 二〇二五年一月二十日."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_ZERO = "〇○零OoＯ0"
_DIGITS = {**dict.fromkeys(_ZERO, 0), **{d: i for i, d in enumerate("一二三四五六七八九", start=1)}}
_CN = "〇○零OoＯ一二三四五六七八九"
_ARABIC = re.compile(r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?|[-./](\d{1,2})[-./](\d{1,2})(?!\d))")
_CHINESE = re.compile(
    rf"([{_CN}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月\s*([一二三四五六七八九十]{{1,4}})\s*日"
)
_YEAR = re.compile(rf"(?<!\d)(\d{{4}})(?!\d)|([{_CN}]{{4}})(?=\s*年)")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; None for anything else."""
    if not text or any(ch not in _DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def chinese_year(text: str) -> int:
    """二〇二五 → 2025 (each character one digit)."""
    return int("".join(str(_DIGITS[ch]) for ch in text))


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first valid date in `text` and where it stands, or None."""
    folded = unicodedata.normalize("NFKC", text)
    for match in _ARABIC.finditer(folded):
        year = int(match.group(1))
        month, day = (match.group(2), match.group(3)) if match.group(2) else (match.group(4), match.group(5))
        try:
            return dt.date(year, int(month), int(day)), match
        except ValueError:
            continue
    for match in _CHINESE.finditer(folded):
        month, day = chinese_number(match.group(2)), chinese_number(match.group(3))
        if month is None or day is None:
            continue
        try:
            return dt.date(chinese_year(match.group(1)), month, day), match
        except ValueError:
            continue
    return None


def parse_date(text: str) -> dt.date | None:
    """A paragraph that is a date and nothing else (a signature date), or None."""
    found = find_date(text)
    if found is None:
        return None
    _, match = found
    folded = match.string
    rest = (folded[: match.start()] + folded[match.end() :]).strip(" \t\u3000\u00a0\r\n")
    return found[0] if len(rest) <= 1 else None


def find_year(text: str) -> tuple[int, re.Match[str]] | None:
    """The first year in `text` written in four digits, Arabic or Chinese (二〇二四年)."""
    for match in _YEAR.finditer(text):
        year = int(match.group(1)) if match.group(1) else chinese_year(match.group(2))
        if 1990 <= year <= 2100:
            return year, match
    return None
