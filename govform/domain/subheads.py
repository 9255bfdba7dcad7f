"""Sub-head headings in text: which line of a section is one of its sub-heads ("（一）主动公开情况")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from govform.domain.labels import normalise, similarity

SUBHEAD_LENGTH = 30  # a sub-head title is short: a longer line is text
SIMILAR_TITLE = 0.75  # how alike a line and a sub-head's title must be for the line to be its heading

_NUMERAL = "一二三四五六七八九十"
SUBHEAD_NUMBER = re.compile(rf"^[（(]\s*(?:[{_NUMERAL}]+|\d+)\s*[）)]\s*[、.．]?\s*")
"""A sub-head's numbering as printed at the start of its line: （一） (一) （1） (1), with stray spaces."""
_ITEM_NUMBER = re.compile(r"^\d+\s*[.、．]\s*")  # "1." before a sub-head set in a Heading style
_TITLE_ENDS = re.compile(rf"^(.{{1,{SUBHEAD_LENGTH}}}?)[。：:；;]\s*(.*)$")
SENTENCE_END = ("。", "；", ";", "！", "？")
_EDGE = " \t\u3000\u00a0"


def subhead_heading(line: str, titles: Sequence[str], *, styled: bool = False) -> tuple[str, str] | None:
    """(title, text after it on the same line) when `line` is a sub-head's heading, else None.

    A heading is numbered as a sub-head ("（一）主动公开情况", "(2)依申请公开：本年度…"), or `styled` as one (a
    Word heading or numbered list paragraph) and short, or a short line alike to one of `titles`
    ("一、主动公开", "政府信息管理："). `line` is one paragraph without the spaces at its ends."""
    numbered = SUBHEAD_NUMBER.match(line)
    if numbered:
        body = line[numbered.end() :]
        split = _TITLE_ENDS.match(body)
        if split:
            return split.group(1).strip(_EDGE), split.group(2).strip(_EDGE)
        return body.strip(_EDGE), ""
    short = len(normalise(line)) <= SUBHEAD_LENGTH and not line.endswith(SENTENCE_END)
    if short and styled:
        return _ITEM_NUMBER.sub("", line, count=1).rstrip("：:"), ""
    if short and len(normalise(line)) <= 20 and any(similarity(line, t) >= SIMILAR_TITLE for t in titles):
        return line.rstrip("：:"), ""
    return None
