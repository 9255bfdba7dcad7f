"""Dates as clerks type them: 2026年1月15日, 2026-1-15, 2026.1.15, 2026/1/15 or 20260115 (full-width digits
from an input method too)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from govform.domain.messages import Message

_PATTERNS = (
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
    for pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            year, month, day = (int(g) for g in match.groups() if g.isdigit())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise DateError(Message("dates.no_such_day", year=year, month=month, day=day)) from None
    if _YEAR_ONLY.fullmatch(cleaned) or _YEAR_MONTH.fullmatch(cleaned):
        raise DateError(Message("dates.incomplete", text=text.strip()))
    raise DateError(Message("dates.unreadable", text=text.strip()))
