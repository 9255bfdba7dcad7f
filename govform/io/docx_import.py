"""Importing a Word report (.docx) as a report: ours, the official template filled in, or as agencies
really publish them. Registered in govform.io.registry.IMPORTERS for ".docx".

The document's body is read as paragraphs and tables (govform.io.docx_read). Its tables are read against
every format govform knows (govform.io.printed_tables); the format whose tables fit best, helped by the
year in the title, is the report's format (a 2019 or 2020 report in the 2019 trial format is recognised so).
The narrative is then laid out along that format's sections: the title (agency and year), the preamble, the
six sections found by their headings however numbered or styled, §一's sub-heads, every paragraph, and the
signature (agency and date). What was read and how is told in the import report (ImportNote), in Chinese:
labels matched below exact with their similarity, cells left blank or converted, what was not found and
what was not mapped. Nothing is dropped without a note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from govform.domain.dates import find_year, signature_date
from govform.domain.format import Block as FormatBlock
from govform.domain.format import Column, Format, FormatError, Section, Table, ValueType, format_names, load_format
from govform.domain.labels import ALIAS, POSITION, VARIANT, Match, compare, normalise, printed, similarity
from govform.domain.messages import Message
from govform.domain.numbers import UNITS, NumberError, format_amount, parse_amount, split_unit
from govform.domain.report import CellRef, Invalid, Narrative, Report, Subsection, Value, parse_value
from govform.domain.subheads import SENTENCE_END, SUBHEAD_NUMBER, subhead_heading
from govform.io.docx_open import open_package
from govform.io.docx_read import Block, Paragraph, TooLarge, read_body
from govform.io.docx_read import Table as PrintedTable
from govform.io.printed_tables import BlockReading, Segment, TablesReading, read_tables, segments_of
from govform.io.registry import ImportFailed, ImportNote, ImportResult

__all__ = ["import_docx", "read_figure", "title_agency"]

HEADING_LENGTH = 40  # a heading is short: longer paragraphs are text
TITLE_LINE_LENGTH = 60
SHOWN_CELLS = 6  # a note about many cells names this many and counts the rest

_NUMERAL = "一二三四五六七八九十"
_LEVEL1 = re.compile(rf"^(?:第[{_NUMERAL}]+部分|[{_NUMERAL}]+\s*[、.．,，]|\d+\s*[、.．]|[{_NUMERAL}]+\s+)\s*")
_BLANK_MARKS = frozenset({"/", "／", "\\", "—", "——", "－", "-", "--", "---", "–", "−", "无", "空", "//"})
_EDGE = " \t\u3000\u00a0"
_PERIOD = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日")
_ABOVE_TITLE = re.compile(r"附件\s*\d*\s*[:：]?|.{0,20}[〔\[]\d{4}[〕\]]\s*\d+\s*号")
_REPORT_WORDS = "政府信息公开"
_AGENCY_ENDINGS = (
    "政府",
    "办事处",
    "街道",
    "局",
    "委员会",
    "委",
    "办公室",
    "办公厅",
    "厅",
    "署",
    "中心",
    "办",
    "院",
    "公署",
)


def import_docx(path: Path | str) -> ImportResult:
    """Read the Word report at `path`; raises ImportFailed (in a clerk's words) when it cannot be read as one."""
    path = Path(path)
    package = open_package(path)
    try:
        blocks = read_body(package.document, package.styles)
    except TooLarge as large:
        raise ImportFailed(path, Message(f"import.refused.{large.key}", limit=large.limit)) from None
    try:
        formats = [load_format(name) for name in format_names()]
        return _Import(path, blocks, formats).run()
    except FormatError as error:
        raise ImportFailed(path, error.message) from None


def _note(kind: str, key: str, /, *, cells: tuple[CellRef, ...] = (), similarity: float | None = None,
          section: str | None = None, **params: object) -> ImportNote:  # fmt: skip
    return ImportNote(kind, Message(f"import.note.{key}", **params), cells, similarity, section)


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


def _lines(paragraph: Paragraph) -> list[str]:
    """A paragraph's lines as narrative paragraphs (a manual line break starts a new one), without edge spaces."""
    return [line.strip(_EDGE) for line in paragraph.text.split("\n") if line.strip(_EDGE)]


# -- cells --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """What a printed cell gives: the value, and how it was read when not as the format writes it."""

    value: Value
    how: str = ""  # "", "blank", "unit", "yuan", "wan", "not_converted", "invalid"
    mark: str = ""  # the blank mark or the unit written


def read_figure(text: str, column: Column, fmt: Format) -> Figure:
    """A printed cell's text as a value of `column`: blank, "/", "—", "－", "无" are blank; "0件" is 0; "251000元"
    in a 万元 cell is 25.1; anything else is parsed as typed (text that is no figure stays, as Invalid)."""
    # Lines of a cell are joined by a space: "1" over "2" is two figures, refused as such, never 12.
    shown = " ".join(line.strip(_EDGE) for line in text.splitlines() if line.strip(_EDGE))
    if not shown:
        return Figure(None, "blank")
    if shown in _BLANK_MARKS:
        return Figure(None, "blank", shown)
    number, unit = split_unit(shown)
    if unit and column.type is not ValueType.MONEY:
        factor = UNITS[unit]
        if factor is None and column.type in (ValueType.INTEGER, ValueType.SIGNED):
            value = parse_value(column, number, fmt)
            if not isinstance(value, Invalid) and value is not None:
                return Figure(value, "unit", unit)
        elif factor is not None and column.type is ValueType.AMOUNT:
            try:
                amount = parse_amount(number, 8, fmt.max_integer * 10_000)
            except NumberError:
                amount = None
            if amount is not None:
                wan = amount * factor / Decimal(10_000)
                try:
                    exact: Decimal | None = Decimal(format_amount(wan))
                except InvalidOperation:
                    exact = None
                if exact is not None and -int(exact.as_tuple().exponent) <= fmt.amount_places:
                    return Figure(exact, "wan" if unit == "万元" else "yuan", unit)
                return Figure(Invalid(shown, Message("import.note.reason_places", places=fmt.amount_places)),
                              "not_converted", unit)  # fmt: skip
    value = parse_value(column, shown, fmt)
    if isinstance(value, Invalid):
        return Figure(value, "invalid")
    return Figure(value)


# -- the import ---------------------------------------------------------------------------------


@dataclass
class _Layout:
    """Where the report's parts are in the document's blocks."""

    headings: dict[int, tuple[Section, Match]]  # block index → the section whose heading it is
    head: list[int] = field(default_factory=list)  # blocks before the first heading
    sections: dict[str, list[int]] = field(default_factory=dict)  # section id → its blocks


class _Import:
    def __init__(self, path: Path, blocks: list[Block], formats: list[Format]):
        self.path = path
        self.blocks = blocks
        self.formats = formats
        self.notes: list[ImportNote] = []
        self.skipped: set[int] = set()  # paragraphs read as table titles or the signature, not narrative

    # -- the steps ----------------------------------------------------------------------------

    def run(self) -> ImportResult:
        default = self.formats[0] if len(self.formats) == 1 else load_format()
        layout = self._layout(default)
        title_blocks, agency, year = self._title(layout.head)
        segments, titles_above = self._segments()
        year_hint = year or self._period_year(layout)

        def likely(fmt: Format) -> tuple[bool, bool]:
            return (bool(year_hint) and fmt.applies_to(year_hint or 0), fmt is default)

        readings: list[TablesReading] = []
        for fmt in sorted(self.formats, key=likely, reverse=True):
            readings.append(read_tables(fmt, segments))
            if readings[-1].complete and likely(fmt)[0]:
                break  # every table of the format the year says, read cleanly: no other format can fit better
        best = max(readings, key=lambda r: (r.score + (2.0 if likely(r.format)[0] else 0.0), r.format is default))
        fmt = best.format
        if fmt is not default:
            layout = self._layout(fmt)
            title_blocks, agency, year = self._title(layout.head)
        self._refuse_unless_report(best, layout)
        for reading in best.readings:
            index = titles_above.get(id(reading.segment))
            if index is not None:
                self.skipped.add(index)
                section = fmt.section_of_table(reading.table.id).id
                text = self._line(index)
                self.notes.append(_note("skipped", "table_title", section=section, text=text))
        signature_agency, signed_on = self._signature(layout)
        report = self._report(fmt, layout, title_blocks, agency, signature_agency, year, signed_on)
        self._tables(report, best, layout)
        self._format_notes(fmt, report)
        return ImportResult(report, self.notes)

    # -- where things are ---------------------------------------------------------------------

    def _paragraph(self, index: int) -> Paragraph | None:
        block = self.blocks[index]
        return block if isinstance(block, Paragraph) else None

    def _line(self, index: int) -> str:
        """A paragraph's text on one line ("" for a table)."""
        paragraph = self._paragraph(index)
        return printed(paragraph.text) if paragraph is not None else ""

    def _layout(self, fmt: Format) -> _Layout:
        headings: dict[int, tuple[Section, Match]] = {}
        start = 0
        subheads: tuple[str, ...] = ()  # the current section's standard sub-heads
        for index, block in enumerate(self.blocks):
            if isinstance(block, Paragraph):
                found = _section_heading(block, fmt.sections, start)
                if found is None:
                    continue
                section, match = found
                text = printed(block.text)
                if any(similarity(text, sub) >= match.similarity for sub in subheads):
                    continue  # "主动公开情况" in 一 is its sub-head, not 二、主动公开政府信息情况
                headings[index] = (section, match)
                start = fmt.sections.index(section) + 1
                subheads = (*section.subsections, *section.optional_subsections)
        layout = _Layout(headings)
        current: list[int] = layout.head
        for index in range(len(self.blocks)):
            if index in headings:
                current = layout.sections.setdefault(headings[index][0].id, [])
                continue
            current.append(index)
        return layout

    def _title(self, head: list[int]) -> tuple[list[int], str, int | None]:
        """The title's paragraphs at the top, the agency and the year they name. Lines above the title that
        mark an attachment or a document number ("附件1", "X府办〔2025〕3号") are skipped."""
        lines: list[int] = []
        for index in head:
            paragraph = self._paragraph(index)
            if paragraph is None:
                break
            text = printed(paragraph.text)
            if not text:
                continue
            if not lines and _ABOVE_TITLE.fullmatch(text):
                if index not in self.skipped:
                    self.skipped.add(index)
                    self.notes.append(_note("skipped", "above_title", text=text))
                continue
            short = len(text) <= TITLE_LINE_LENGTH and not text.endswith((*SENTENCE_END, "：", ":"))
            titled = paragraph.align == "center" or paragraph.title or paragraph.level == 0 or "报告" in text
            if not short or (lines and not titled):
                break
            lines.append(index)
            if "报告" in text:
                break
        text = "".join(self._line(i) for i in lines)
        return lines, title_agency(text), (found[0] if (found := find_year(text)) else None)

    def _period_year(self, layout: _Layout) -> int | None:
        """The year of the statistics period ("2024年1月1日至…"), stated before or in the first section."""
        first = next(iter(layout.sections.values()), [])
        for index in layout.head + first:
            paragraph = self._paragraph(index)
            if paragraph is not None and (match := _PERIOD.search(paragraph.text)):
                return int(match.group(1))
        return None

    def _segments(self) -> tuple[list[Segment], dict[int, int]]:
        """Every printed table cut into segments, and for a segment with its title printed just above it (table
        二 as four small tables), the index of that paragraph."""
        titles = {b.title for fmt in self.formats for t in fmt.tables.values() for b in t.blocks if b.title}
        corners = {b.corner for fmt in self.formats for t in fmt.tables.values() for b in t.blocks if b.corner}
        segments: list[Segment] = []
        above: dict[int, int] = {}
        number = 0
        for index, block in enumerate(self.blocks):
            if not isinstance(block, PrintedTable):
                continue
            number += 1
            cut = segments_of(block, number, titles, corners)
            title_index = self._title_above(index, titles)
            if title_index is not None and cut and cut[0].title is None:
                cut[0].title = self._line(title_index)
                above[id(cut[0])] = title_index
            segments += cut
        return segments, above

    def _title_above(self, index: int, titles: Iterable[str]) -> int | None:
        for back in range(index - 1, max(index - 3, -1), -1):
            block = self.blocks[back]
            if not isinstance(block, Paragraph):
                return None
            text = printed(block.text)
            if text:
                return back if any(similarity(text, title) >= 0.75 for title in titles) else None
        return None

    def _refuse_unless_report(self, best: TablesReading, layout: _Layout) -> None:
        if best.readings:
            return
        tables = sum(isinstance(block, PrintedTable) for block in self.blocks)
        pictures = sum(block.pictures for block in self.blocks)
        if not tables and not pictures:
            raise ImportFailed(self.path, Message("import.refused.no_tables"))
        if len(layout.headings) < 3:
            raise ImportFailed(self.path, Message("import.refused.not_report"))

    def _signature(self, layout: _Layout) -> tuple[str, dt.date | None]:
        """The agency and date at the end (taken out of the last section's text)."""
        last = next((layout.sections[s] for s in reversed(list(layout.sections)) if layout.sections[s]), layout.head)
        candidates = [i for i in last if (p := self._paragraph(i)) is not None and printed(p.text)]
        if not candidates:
            return "", None
        date, agency = None, ""
        end = candidates[-1]
        date_text = self._line(end)
        date = signature_date(date_text)
        if date is None:
            return "", None
        self.skipped.add(end)
        if date_text != f"{date.year}年{date.month}月{date.day}日":
            self.notes.append(
                _note("guessed", "date_read", text=date_text, date=f"{date.year}年{date.month}月{date.day}日")
            )
        if len(candidates) >= 2:
            index = candidates[-2]
            paragraph = self._paragraph(index)
            text = printed(paragraph.text) if paragraph else ""
            looks = paragraph is not None and (paragraph.align in ("right", "center") or text.endswith(_AGENCY_ENDINGS))
            if looks and len(text) <= HEADING_LENGTH and not text.endswith(SENTENCE_END):
                agency = text
                self.skipped.add(index)
        return agency, date

    # -- the report ---------------------------------------------------------------------------

    def _report(
        self,
        fmt: Format,
        layout: _Layout,
        title_blocks: list[int],
        agency: str,
        signature_agency: str,
        year: int | None,
        signed_on: dt.date | None,
    ) -> Report:
        if not agency and signature_agency:
            agency = signature_agency
            self.notes.append(_note("guessed", "agency_from_signature", agency=agency))
        elif not agency:
            self.notes.append(_note("missing", "agency_missing"))
        if year is None:
            year = self._period_year(layout)
            if year is not None:
                self.notes.append(_note("guessed", "year_from_period", year=year))
            elif signed_on is not None:
                year = signed_on.year - 1
                self.notes.append(_note("guessed", "year_from_date", year=year))
            else:
                year = dt.date.today().year - 1
                self.notes.append(_note("missing", "year_missing", year=year))
        kind = fmt.kind_of_agency(agency) if agency else None
        if kind is not None:
            self.notes.append(_note("guessed", "kind_guessed", kind=fmt.agency_kind(kind).label))
        else:
            kind = fmt.default_agency_kind
            if agency:
                self.notes.append(_note("guessed", "kind_unknown", kind=fmt.agency_kind(kind).label))
        if signed_on is None:
            self.notes.append(_note("missing", "date_missing"))
        self.skipped.update(title_blocks)
        preamble = [line for i in layout.head if i not in self.skipped for line in self._text_of(i)]
        report = Report(
            fmt, agency=agency, agency_kind=kind, year=year, signed_on=signed_on, preamble="\n".join(preamble)
        )
        for section, match in layout.headings.values():
            if not match.exact:
                self.notes.append(
                    _note("matched", "heading", similarity=match.similarity, section=section.id,
                          found=match.found, heading=section.heading, similarity_text=_percent(match.similarity))
                )  # fmt: skip
        found = {section.id for section, _ in layout.headings.values()}
        for section in fmt.sections:
            if section.id not in found:
                self.notes.append(_note("missing", "section_missing", section=section.id, heading=section.heading))
                continue
            report.narratives[section.id] = self._narrative(section, layout.sections.get(section.id, []))
        paragraphs = sum(1 for _ in report.paragraphs())
        subsections = sum(len(n.subsections) for n in report.narratives.values())
        none = Message("import.note.none")
        self.notes.insert(
            0,
            _note("read", "read", sections=len(found), all_sections=len(fmt.sections), subsections=subsections,
                  paragraphs=paragraphs),
        )  # fmt: skip
        self.notes.insert(
            1,
            _note("read", "particulars", agency=report.agency or none, year=report.year,
                  date=report.signature_date() or none),
        )  # fmt: skip
        return report

    def _text_of(self, index: int) -> list[str]:
        paragraph = self._paragraph(index)
        return _lines(paragraph) if paragraph is not None else []

    def _narrative(self, section: Section, blocks: list[int]) -> Narrative:
        """A section's paragraphs: its own text, then each sub-head with the text below it."""
        text: list[str] = []
        subsections: list[tuple[Subsection, list[str]]] = []
        titles = [b.title for b in self._table_blocks(section) if b.title]
        if section.table:  # a caption repeating the table's title ("表二 主动公开政府信息情况")
            titles += [t.title for fmt in self.formats if (t := fmt.tables.get(section.table)) is not None]
        standard = (*section.subsections, *section.optional_subsections)
        for index in blocks:
            paragraph = self._paragraph(index)
            if paragraph is None or index in self.skipped:
                continue
            lines = _lines(paragraph)
            if not lines:
                continue
            if len(lines) == 1 and _is_caption(lines[0], titles):
                self.skipped.add(index)
                self.notes.append(_note("skipped", "table_title", section=section.id, text=lines[0]))
                continue
            styled = (paragraph.level is not None and paragraph.level >= 1) or paragraph.numbered
            head = subhead_heading(lines[0], standard, styled=styled) if section.subsection_numbering else None
            if head is not None:
                title, rest = head
                subsections.append((Subsection(title), []))
                lines = ([rest] if rest else []) + lines[1:]
            (subsections[-1][1] if subsections else text).extend(lines)
        for sub, lines in subsections:
            sub.text = "\n".join(lines)
        return Narrative("\n".join(text), [sub for sub, _ in subsections])

    def _table_blocks(self, section: Section) -> list[FormatBlock]:
        """The blocks of the section's table in every format (their titles may be printed above the tables)."""
        if not section.table:
            return []
        return [b for fmt in self.formats if section.table in fmt.tables for b in fmt.tables[section.table].blocks]

    # -- the tables ---------------------------------------------------------------------------

    def _tables(self, report: Report, best: TablesReading, layout: _Layout) -> None:
        fmt = report.format
        found: dict[str, list[BlockReading]] = defaultdict(list)
        for reading in best.readings:
            found[reading.table.id].append(reading)
        figures = 0
        blanks: dict[tuple[str, str], list[CellRef]] = defaultdict(list)
        for table in fmt.tables.values():
            section = fmt.section_of_table(table.id).id
            values: dict[tuple[str, str], Value] = {}
            for reading in found.get(table.id, []):
                self._label_notes(table, reading, section)
                for cell, text in reading.texts.items():
                    figure = read_figure(text, table.column(*cell), fmt)
                    values[cell] = figure.value
                    figures += figure.value is not None and not isinstance(figure.value, Invalid)
                    self._figure_note(table, section, cell, text, figure, blanks)
            report.tables[table.id].load(values)
            self._missing_notes(table, found.get(table.id, []), layout, fmt)
        for (table_id, mark), cells in blanks.items():
            table = fmt.tables[table_id]
            self.notes.append(
                _note("blank", "blank_mark" if mark else "blank", cells=tuple(cells), table=table.short, mark=mark,
                      count=len(cells), cells_text=_cells_text(table, cells))
            )  # fmt: skip
        for segment in best.unused:
            start = next(
                (printed(c.text) for c in segment.table.cells if c.row in segment.rows and printed(c.text)), ""
            )
            if start:
                self.notes.append(_note("unmapped", "table_unused", number=segment.number, start=start[:20]))
        tables = len({id(r.segment.table) for r in best.readings})
        self.notes.insert(1, _note("read", "figures", tables=tables, figures=figures))

    def _label_notes(self, table: Table, reading: BlockReading, section: str) -> None:
        for match in reading.matches:
            key = {VARIANT: "label_variant", ALIAS: "label_alias", POSITION: "label_position"}.get(
                match.how, "label_similar"
            )
            self.notes.append(
                _note("matched", key, similarity=match.similarity, section=section, table=table.short,
                      found=match.found, label=match.label, similarity_text=_percent(match.similarity))
            )  # fmt: skip
        for text in reading.extra_rows:
            self.notes.append(_note("unmapped", "row_extra", section=section, table=table.short, found=text))
        for text in reading.extra_columns:
            self.notes.append(_note("unmapped", "column_extra", section=section, table=table.short, found=text))
        for row in reading.missing_rows:
            cells = tuple(CellRef(table.id, row, c.id) for c in reading.block.columns)
            self.notes.append(
                _note("missing", "row_missing", cells=cells, section=section, table=table.short,
                      row=table.row(row).display or table.short)
            )  # fmt: skip
        for column in reading.missing_columns:
            cells = tuple(CellRef(table.id, r.id, column) for r in reading.block.rows)
            label = next(c.display for c in reading.block.columns if c.id == column)
            self.notes.append(
                _note("missing", "column_missing", cells=cells, section=section, table=table.short, column=label)
            )

    def _figure_note(
        self, table: Table, section: str, cell: tuple[str, str], text: str, figure: Figure, blanks: dict
    ) -> None:
        ref = CellRef(table.id, *cell)
        label = table.cell_label(*cell)
        shown = printed(text)
        if figure.how == "blank":
            blanks[(table.id, figure.mark)].append(ref)
        elif figure.how in ("unit", "yuan", "wan"):
            value = format_amount(figure.value) if isinstance(figure.value, Decimal) else figure.value
            self.notes.append(
                _note("converted", f"converted_{figure.how}", cells=(ref,), section=section, cell=label, text=shown,
                      value=value, unit=figure.mark)
            )  # fmt: skip
        elif figure.how in ("invalid", "not_converted"):
            self.notes.append(_note("invalid", figure.how, cells=(ref,), section=section, cell=label, text=shown))

    def _missing_notes(self, table: Table, readings: list[BlockReading], layout: _Layout, fmt: Format) -> None:
        section = fmt.section_of_table(table.id)
        found = {reading.block.id for reading in readings}
        missing = [block for block in table.blocks if block.id not in found]
        if not missing:
            return
        pictures = sum(
            block.pictures
            for i in layout.sections.get(section.id, [])
            if isinstance(block := self.blocks[i], Paragraph)
        )
        cells = tuple(CellRef(table.id, row.id, column.id) for b in missing for row in b.rows for column in b.columns)
        if pictures and not readings:
            self.notes.append(_note("picture", "table_picture", cells=cells, section=section.id, table=table.short))
            return
        for block in missing:
            block_cells = tuple(CellRef(table.id, row.id, column.id) for row in block.rows for column in block.columns)
            what = block.title or table.title
            key = "table_picture" if pictures else "table_missing"
            self.notes.append(_note("picture" if pictures else "missing", key, cells=block_cells, section=section.id,
                                    table=f"{table.short}（{what}）" if block.title else table.short))  # fmt: skip

    def _format_notes(self, fmt: Format, report: Report) -> None:
        self.notes.insert(0, _note("format", "format", name=fmt.name))
        if "differences" in fmt.notes:
            self.notes.insert(1, ImportNote("format", fmt.note("differences")))
        if not fmt.applies_to(report.year):
            self.notes.insert(1, _note("format", "format_year", year=report.year, name=fmt.name))


def _cells_text(table: Table, cells: list[CellRef]) -> str:
    names = [table.cell_label(ref.row, ref.column).removeprefix(table.short).strip() for ref in cells[:SHOWN_CELLS]]
    text = "、".join(names)
    return text + (f"等{len(cells)}格" if len(cells) > SHOWN_CELLS else "")


def _is_caption(line: str, titles: list[str]) -> bool:
    """A short line naming a table or block ("第二十条第（一）项", "表二 主动公开政府信息情况"), not a sentence."""
    return not line.endswith(SENTENCE_END) and any(
        len(line) <= len(title) + 6 and similarity(line, title) >= 0.75 for title in titles
    )


def title_agency(text: str) -> str:
    """The agency a report's title names: "XX镇2024年政府信息公开工作年度报告", "2024年XX镇政府信息公开…",
    "XX局政府信息公开工作年度报告（2024年度）", "XX局关于2024年…的报告"; "" when it names none."""
    words = text.find(_REPORT_WORDS)
    found = find_year(text)
    if found is not None and (words < 0 or found[1].start() < words):
        match = found[1]
        before = text[: match.start()]
        after = re.sub(r"^\s*年\s*度?", "", text[match.end() :])
        between = after[: after.find(_REPORT_WORDS)] if _REPORT_WORDS in after else ""
        agency = before if before.strip(_EDGE + "关于") else between
    else:
        agency = text[:words] if words > 0 else ""
    agency = agency.strip(_EDGE + "：:，,（(")
    for word in ("关于", "的"):
        agency = agency.removeprefix(word).removesuffix(word).strip(_EDGE)
    return agency if len(agency) >= 2 and re.search(r"[\u4e00-\u9fff]", agency) else ""


def _section_heading(paragraph: Paragraph, sections: tuple[Section, ...], start: int) -> tuple[Section, Match] | None:
    """The section whose heading `paragraph` is (one from `start` on), however it is numbered or styled."""
    text = printed(paragraph.text)
    if not text or len(normalise(text)) > HEADING_LENGTH or paragraph.level not in (None, 0):
        return None
    level1, level2 = _LEVEL1.match(text), SUBHEAD_NUMBER.match(text)
    rest = text[(level1 or level2).end() :] if (level1 or level2) else text
    marked = level1 is not None or paragraph.level == 0  # Word's own numbering may be any level: not a mark
    threshold = 0.9 if level2 or not marked else 0.75
    best: tuple[Section, Match] | None = None
    for section in sections[start:]:
        match = compare(rest, section.title)
        if match.similarity >= threshold and (best is None or match.similarity > best[1].similarity):
            best = (section, match)
    if best is None:
        return None
    section, match = best
    exact = text == section.heading or (paragraph.level == 0 and rest == section.title and not level1 and not level2)
    how = "exact" if exact else (VARIANT if match.similarity >= 1.0 else match.how)
    return section, Match(text, section.heading, match.similarity, how)
