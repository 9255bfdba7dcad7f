"""Text as clerks bring it in, made fit for the report: numbering and indents carried over from last year's
document, and where a long name may break into lines.

Clerks start by copying last year's report out of Word or WPS, so a sub-head title arrives as
"（一）主动公开情况" (the report numbers its sub-heads itself) and a paragraph as "　　2024年，…" (the export
indents every paragraph itself). The window strips these as the clerk pastes; the export strips them again.
"""

from __future__ import annotations

import math
import re
import unicodedata

_CHINESE_DIGITS = "一二三四五六七八九十百零〇两"
_SPACE = " \t\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff"
_NUMBERING = re.compile(
    rf"[{_SPACE}]*("
    rf"[（(][{_CHINESE_DIGITS}\d]+[)）]"  # （一） (一) （1） (1)
    rf"|[{_CHINESE_DIGITS}]+[、．.]"  # 一、 一．
    r"|\d+(?:[、．]|\.(?!\d))"  # 1. 1、 1． (not 1.5)
    r"|[\u2460-\u249b]"  # ① ⑴ ⒈
    rf")[{_SPACE}]*"
)
_INDENT = re.compile(f"^[{_SPACE}]+")


def subhead_number(title: str) -> str | None:
    """The numbering a sub-head title starts with ("（一）", "1.", "一、"), or None when it has none."""
    match = _NUMBERING.match(title)
    return match.group(1) if match else None


def strip_subhead_number(title: str) -> str:
    """A sub-head title without the numbering and spaces it starts with: "（一）主动公开情况" → "主动公开情况"."""
    match = _NUMBERING.match(title)
    return title[match.end() if match else 0 :].strip(_SPACE_CHARS)


def strip_indent(paragraph: str) -> str:
    """A paragraph without the spaces it starts with (ASCII, full-width U+3000, no-break, tabs)."""
    return _INDENT.sub("", paragraph)


def strip_indents(text: str) -> str:
    """Every line (paragraph) of `text` without the spaces it starts with."""
    return "\n".join(strip_indent(line) for line in text.split("\n"))


_SPACE_CHARS = (
    " \t\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff"
)


def clean_paragraphs(text: str, at_line_start: bool) -> str:
    """Pasted paragraphs without the indents they bring (the export indents every paragraph itself); the
    first line keeps its spaces when it lands in the middle of a line."""
    if at_line_start:
        return strip_indents(text)
    first, _, rest = text.partition("\n")
    return first + ("\n" + strip_indents(rest) if rest else "")


def clean_title(text: str, at_start: bool) -> str:
    """A pasted sub-head title without the number it brings ("（一）主动公开情况" → "主动公开情况"): the report
    numbers its sub-heads itself."""
    return strip_subhead_number(text) if at_start else text


# -- breaking a long name into lines ---------------------------------------------------------------


def text_width(text: str, narrow: float = 0.5) -> float:
    """The printed width of `text` in characters of its size: Chinese characters and full-width punctuation
    count 1, Latin letters and digits `narrow` (half in the GB2312 fonts)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else narrow for c in text)


# The words an agency's name is built of end in these (longest first). A break after one of them falls
# between words ("重庆市长寿区/长寿湖镇人民政府"); never inside one ("…信息化建设/处").
_UNIT_ENDS = sorted(
    (
        "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "人民政府", "街道办事处", "办事处", "街道",
        "管理委员会", "委员会", "管委会", "办公厅", "办公室", "中心",
        "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡", "局", "厅", "委", "办", "处", "科", "院", "所", "站",
        "队", "署", "会", "社",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
# One-character ends that begin or end an ordinary word instead: no break after 市 in 市场 or 城市.
_NOT_AN_END_BEFORE = {
    "市": "场政民容辖县区", "区": "域划县", "县": "域级区", "乡": "村镇", "镇": "街", "州": "市区县盟",
    "委": "员", "办": "公事理", "处": "理", "科": "技学研", "院": "校", "所": "属有", "会": "计议", "社": "会区保",
    "省": "级直委", "队": "伍", "署": "理", "局": "长", "站": "点",
}  # fmt: skip
_NOT_AN_END_AFTER = {"市": "城都", "乡": "城", "镇": "城乡", "区": "城市"}
_NO_LINE_START = "）)、，。；：”’"
# Words that belong to the unit before them: no break in 委员会/办公室 (the committee's office).
_ATTACHED = ("办公室", "办公厅", "办事处", "机关")


def name_breaks(name: str) -> dict[int, bool]:
    """The places (indices into `name`) where a name may break between two of its words, each with whether
    the break is a strong one: at a bracket or after a word of two or more characters ("人民政府")."""
    breaks: dict[int, bool] = {}
    for index in range(1, len(name)):
        before, after = name[:index], name[index]
        if after in _NO_LINE_START or name[index - 1] in "（(":
            continue  # 避头尾: no line starts with a closing mark, none ends with an opening one
        if after in "（(" or name[index - 1] in "）)":
            breaks[index] = True
            continue
        end = next((e for e in _UNIT_ENDS if before.endswith(e)), None)
        if end is None or name.startswith(_ATTACHED, index):
            continue
        if len(end) == 1:
            previous = name[index - 2] if index >= 2 else ""
            if after in _NOT_AN_END_BEFORE.get(end, "") or previous in _NOT_AN_END_AFTER.get(end, ""):
                continue
        breaks[index] = len(end) > 1
    return breaks


def balanced_lines(name: str, capacity: float, chosen: str = "") -> list[str]:
    """`name` in as few lines of at most `capacity` characters as it needs, broken between words into lines
    of nearly equal length (GB/T 9704 7.3.3: 词意完整, 排列对称).

    `chosen` is the name with the clerk's own line breaks ("重庆市长寿区\\n长寿湖镇人民政府"); it is used when
    the name needs breaking, it still spells `name` and its lines fit. A name without breaks between words
    that fit is broken evenly by length."""
    name = name.strip()
    if text_width(name) <= capacity:
        return [name] if name else []
    lines = chosen.split("\n")
    if "".join(lines) == name and all(0 < text_width(line) <= capacity for line in lines):
        return lines
    fewest = math.ceil(text_width(name) / capacity)
    if len(name) <= _LONGEST_NAME:
        candidates = name_breaks(name)
        for count in (fewest, fewest + 1):
            best = _balanced_split(name, candidates, count, capacity)
            if best is not None:
                return best
    return _even_split(name, fewest)


_LONGEST_NAME = 120  # characters; a longer "name" is not one, and is simply cut into even lines


WEAK_BREAK = 1.5  # characters: a break after a one-character word counts as a line this much longer


def _balanced_split(name: str, candidates: dict[int, bool], count: int, capacity: float) -> list[str] | None:
    """`name` cut at `count - 1` of `candidates` into lines within `capacity`: the longest line as short as
    can be (a weak break adding WEAK_BREAK), then the lines as even as can be (least sum of squared widths);
    None when no cut fits."""
    cuts = [0, *sorted(candidates), len(name)]
    strong = [True, *(candidates[c] for c in sorted(candidates)), True]
    # best[k][j]: (longest plus penalties, sum of squares, longest, penalties, previous cut) for name[:cuts[j]]
    Key = tuple[float, float, float, float, int]
    best: list[dict[int, Key]] = [{0: (0.0, 0.0, 0.0, 0.0, -1)}]
    for _ in range(count):
        row: dict[int, Key] = {}
        for i, (_, squares, longest, penalty, _previous) in best[-1].items():
            for j in range(i + 1, len(cuts)):
                width = text_width(name[cuts[i] : cuts[j]])
                if width > capacity:
                    break
                new_longest = max(longest, width)
                new_penalty = penalty + (0.0 if strong[j] else WEAK_BREAK)
                key = (new_longest + new_penalty, squares + width * width, new_longest, new_penalty, i)
                if j not in row or key[:2] < row[j][:2]:
                    row[j] = key
        best.append(row)
    end = len(cuts) - 1
    if end not in best[-1]:
        return None
    lines, j = [], end
    for k in range(count, 0, -1):
        i = best[k][j][4]
        lines.append(name[cuts[i] : cuts[j]])
        j = i
    return lines[::-1]


def _even_split(name: str, count: int) -> list[str]:
    """`name` cut into `count` lines of about equal width, wherever that falls."""
    total, lines, start, done = text_width(name), [], 0, 0.0
    for k in range(1, count):
        index = start
        while index < len(name) and done + text_width(name[start : index + 1]) <= total * k / count + 0.25:
            index += 1
        done += text_width(name[start:index])
        lines.append(name[start:index])
        start = index
    return [*lines, name[start:]]
