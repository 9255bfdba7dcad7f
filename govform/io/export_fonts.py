"""The Chinese fonts a DOCX export names; kept apart from the writer so settings can offer them without python-docx."""

from __future__ import annotations

from typing import NamedTuple


class ExportFonts(NamedTuple):
    """Which installed font each kind of text uses (GB/T 9704: 仿宋 body, 黑体 and 楷体 heads, 小标宋 title)."""

    body: str = "仿宋_GB2312"
    heading: str = "黑体"
    subhead: str = "楷体_GB2312"
    title: str = "方正小标宋简体"
    page_number: str = "宋体"


STANDARD_FONTS = ExportFonts()
"""The fonts GB/T 9704 names, as government offices have them installed."""

FALLBACK_FONTS = ExportFonts(body="仿宋", subhead="楷体", title="宋体")
"""For computers without the _GB2312 and 方正 fonts: the 仿宋/楷体/宋体 that Windows and WPS ship."""

FONT_PRESETS = {"gb2312": STANDARD_FONTS, "plain": FALLBACK_FONTS}
"""The presets the window's settings offer, by the key they are stored under."""
