"""Dates, as clerks type them and as reports print them.

A clerk types 2026年1月15日, 2026-1-15, 2026.1.15, 2026/1/15 or 20260115 (full-width digits from an input
method too): `parse_date` reads it or says in words why it cannot. A published report prints its date as
2025年1月20日, 2025-01-20, 2025.1.20, 2025/1/20 or 二〇二五年一月二十日: `find_date`, `signature_date` and
`find_year` read those out of running text (the DOCX import).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from govform.domain.messages import Message

_ZERO = "〇○零OoＯ0"
_DIGITS = {**dict.fromkeys(_ZERO, 0), **{d: i for i, d in enumerate("一二三四五六七八九", start=1)}}
_CN = "〇○零OoＯ一二三四五六七八九"
_ARABIC = re.compile(r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?|[-./](\d{1,2})[-./](\d{1,2})(?!\d))")
_CHINESE = re.compile(
    rf"([{_CN}]{{4}})\s*年\s*([一二三四五六七八九十]{{1,3}})\s*月\s*([一二三四五六七八九十]{{1,4}})\s*日"
)
_YEAR = re.compile(rf"(?<!\d)(\d{{4}})(?!\d)|([{_CN}]{{4}})(?=\s*年)")

# What a clerk types, the whole text one date.
_TYPED = (
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?"),
    re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
_YEAR_ONLY = re.compile(r"\d{4}年?")
_YEAR_MONTH = re.compile(r"(\d{4})(?:年|[-./])(\d{1,2})月?")


class DateError(ValueError):
    """Text that is not a date; `message` says why and how to write one."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def parse_date(text: str) -> dt.date | None:
    """The date `text` names, None for blank text; raises DateError for anything else."""
    cleaned = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not cleaned:
        return None
    for pattern in _TYPED:
        match = pattern.fullmatch(cleaned)
        if match:
            year, month, day = (int(g) for g in match.groups() if g.isdigit())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise DateError(Message("dates.no_such_day", year=year, month=month, day=day)) from None
    found = find_date(cleaned)
    if found is not None and found[1].group(0) == cleaned:  # 二〇二六年一月十五日
        return found[0]
    if _YEAR_ONLY.fullmatch(cleaned) or _YEAR_MONTH.fullmatch(cleaned):
        raise DateError(Message("dates.incomplete", text=text.strip()))
    raise DateError(Message("dates.unreadable", text=text.strip()))


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


def signature_date(text: str) -> dt.date | None:
    """A paragraph that is a date and nothing else (a report's signature date), or None."""
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
