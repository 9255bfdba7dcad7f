"""Sub-head headings in text: which line of a section is one of its sub-heads ("（一）主动公开情况"), and what
pasting a whole section copied from last year's report does to the sub-heads of this year's.

The Word importer (govform.io.docx_import) and the window's paste use the same recognition, so a section
pasted in lands in the same sub-heads as the same section imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govform.domain.labels import normalise, similarity
from govform.domain.messages import Message, Phrase
from govform.domain.report import Narrative
from govform.domain.text import clean_paragraphs, strip_indents, strip_subhead_number

SUBHEAD_LENGTH = 30  # a sub-head title is short: a longer line is text
SIMILAR_TITLE = 0.75  # how alike a line and a sub-head's title must be for the line to be its heading
SHOWN_TITLES = 5  # the status bar names this many sub-heads a paste filled, and counts them all
SECTION_TITLE = 0.9  # how alike a line and the section's own title must be to be its heading
SPLIT_LINES = 1_000
"""Lines a paste may have to be split among the sub-heads (a whole section 一 has under 100): a longer one is
pasted as it is, at once (100,000 short lines took 3.8 s to look through, the window frozen meanwhile)."""
SPLIT_ADDED = 20
"""Sub-heads a paste may add (a section of the standard has 5, a report's own a few more): text that would add
more is not a section with its sub-heads (600 numbered lines added 600 sub-heads, 10 s to look through, then
minutes for the window to make their boxes, and two such pastes were past what the export takes), and is pasted
as it is."""

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


@dataclass(frozen=True, slots=True)
class SubheadPaste:
    """A section as it becomes when text with sub-head headings is pasted into one of its boxes: its own text,
    its sub-heads' texts, the sub-heads the paste adds (title, text), and the titles of the sub-heads that
    received text, in the order pasted."""

    text: str
    texts: tuple[str, ...]
    added: tuple[tuple[str, str], ...]
    filled: tuple[str, ...]

    def message(self) -> Message:
        """What the paste did, for the status bar: the sub-heads it filled (the first SHOWN_TITLES by name)."""
        pieces: list[str | Message] = []
        for index, title in enumerate(self.filled[:SHOWN_TITLES]):
            pieces += [Message("paste.separator"), title] if index else [title]
        if len(self.filled) > SHOWN_TITLES:
            pieces.append(Message("paste.more"))
        titles = Phrase(*pieces)
        if self.added:
            return Message("paste.subheads_added", titles=titles, count=len(self.filled), added=len(self.added))
        return Message("paste.subheads", titles=titles, count=len(self.filled))


def paste_subheads(
    narrative: Narrative,
    section_title: str,
    titles: Sequence[str],
    pasted: str,
    *,
    box: int | None,
    start: int,
    end: int,
) -> SubheadPaste | None:
    """What pasting `pasted` over `start:end` of a box of the section does (`box`: None for the section's own
    text, else the index of the sub-head whose text it is), when it holds a heading of one of the section's
    sub-heads (`titles`, the format's, or the report's own); None when it holds none, and is pasted as it is.

    The text before the first heading goes where the cursor is, as a paste does (the section's own heading,
    when copied with it, is left out). Each heading's text goes to the sub-head of that title: it becomes the
    sub-head's text when it has none, else it follows that text as new paragraphs. A heading of a sub-head the
    report does not have adds one (more than SPLIT_ADDED of them: None). Pasted paragraphs lose their indents, as
    in any paste."""
    lines = re.sub(r"\r\n?|[\u2028\u2029]", "\n", pasted).split("\n")
    if len(lines) > SPLIT_LINES:
        return None
    known = [*titles, *(s.title for s in narrative.subsections if s.title.strip())]
    heads = [subhead_heading(line.strip(_EDGE), known) for line in lines]
    if not any(head and any(similarity(head[0], title) >= SIMILAR_TITLE for title in known) for head in heads):
        return None
    first = next(i for i, head in enumerate(heads) if head is not None)
    parts: list[tuple[str, list[str]]] = []
    for line, head in zip(lines[first:], heads[first:], strict=True):
        if head is None:
            parts[-1][1].append(line)
        else:
            parts.append((head[0], [head[1]] if head[1] else []))

    own = narrative.text
    subs = [[s.title, s.text] for s in narrative.subsections]
    before = _paragraphs(_without_section_heading(lines[:first], section_title))
    boxed = own if box is None else subs[box][1]
    boxed = boxed[:start] + clean_paragraphs(before, start == 0 or boxed[start - 1] == "\n") + boxed[end:]
    if box is None:
        own = boxed
    else:
        subs[box][1] = boxed
    count = len(narrative.subsections)
    present = [title for title, _ in subs]
    filled: list[int] = []
    for title, body in parts:
        index = _subhead_of(title, present)  # a heading of a sub-head not there adds one, as importing it would
        if index is None:
            if len(subs) - count == SPLIT_ADDED:
                return None
            subs.append([strip_subhead_number(title), ""])
            index = len(subs) - 1
        text = strip_indents(_paragraphs(body))
        subs[index][1] = _appended(subs[index][1], text)
        if (text or index >= count) and index not in filled:
            filled.append(index)
    texts = tuple(text for _, text in subs[:count])
    added = tuple((title, text) for title, text in subs[count:])
    if own == narrative.text and texts == tuple(s.text for s in narrative.subsections) and not added:
        return None  # only headings of sub-heads already there: pasted as it is
    return SubheadPaste(own, texts, added, tuple(subs[index][0] for index in filled))


def _without_section_heading(lines: list[str], section_title: str) -> list[str]:
    """The lines before the first sub-head, without the section's own heading ("一、总体情况") copied with them."""
    for i, line in enumerate(lines):
        if line.strip(_EDGE):
            heading = strip_subhead_number(line.strip(_EDGE))
            return lines[i + 1 :] if similarity(heading, section_title) >= SECTION_TITLE else lines
    return lines


def _paragraphs(lines: list[str]) -> str:
    """Lines as a text, without the blank lines at its ends."""
    while lines and not lines[0].strip(_EDGE):
        lines = lines[1:]
    while lines and not lines[-1].strip(_EDGE):
        lines = lines[:-1]
    return "\n".join(lines)


def _subhead_of(title: str, present: Sequence[str]) -> int | None:
    """The index of the sub-head `title` heads: the one of that title once normalised, else the most alike."""
    title = strip_subhead_number(title)
    alike = [(normalise(other) == normalise(title), similarity(title, other), -i) for i, other in enumerate(present)]
    best = max(range(len(present)), key=lambda i: alike[i], default=None)
    if best is None or not present[best].strip() or not (alike[best][0] or alike[best][1] >= SIMILAR_TITLE):
        return None
    return best


def _appended(text: str, body: str) -> str:
    """`body` after `text` as new paragraphs (never over it); `text` blank: `body`."""
    if not body:
        return text
    if not text.strip():
        return body
    return text + ("" if text.endswith("\n") else "\n") + body
