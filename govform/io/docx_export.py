"""The report as a finished DOCX in the standard layout: GB/T 9704 page and type, the format's tables and merges.

Every label comes from the format data (section headings, sub-head numbers, the tables' grids and their
line breaks); the writer only decides how they look. Every run names its fonts explicitly (ascii, hAnsi
and eastAsia) and the styles carry no theme fonts, so Word and WPS show the same thing on any machine.
The package around the text is written from scratch (`docx_package`), and the tables are set by
`docx_tables`. Whatever text a report holds (control characters, lone surrogates, very long paragraphs,
hundreds of sub-heads) is made fit for XML here, and the export never fails on it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govform.domain.format import Section, Table
from govform.domain.layout import GridCell, table_grid
from govform.domain.report import Narrative, Report, display_value, paragraphs
from govform.domain.text import balanced_lines, strip_indent, strip_subhead_number, text_width
from govform.io import docx_package as package
from govform.io.docx_package import NAMESPACES, Style, attribute_xml, text_xml
from govform.io.docx_tables import CELL_MARGIN, ROW_HEIGHT, TITLE_ROW_FILL, cell_lines, kept_with_next, table_type
from govform.io.export_fonts import ExportFonts
from govform.io.files import os_error_reason, write_atomically
from govform.io.gbt9704 import (
    BODY_ADVANCE,
    BODY_CONDENSE,
    BODY_SIZE,
    CHARS_PER_LINE,
    LINE_PITCH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    TEXT_WIDTH,
    TITLE_CHARS,
    TITLE_SIZE,
    mm,
)
from govform.io.registry import ExportError, ExportOptions

__all__ = ["export_docx"]

# GB/T 9704 7.5: the page number's em dashes sit 7 mm below the text block. The footer's line (4号, single
# spacing) ends this far above the page's lower edge, which puts them there as LibreOffice prints them.
FOOTER_DISTANCE = mm(25.3)
TABLE_GAP = LINE_PITCH // 2  # the space between a table and the heading or note below it
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'


def export_docx(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write `report` as a DOCX at `path`, atomically; raises ExportError and leaves an existing file as it was."""
    writer = _Writer(report, options or ExportOptions())
    document = writer.document()
    path = Path(path)
    try:
        write_atomically(path, lambda out: package.write_package(out, document, writer.footers(), writer.parts()))
    except OSError as error:
        raise ExportError(path, os_error_reason(error, writing=True)) from error


# -- XML pieces -----------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """A title or a name as one line: the line breaks and tabs a pasted value may carry are dropped."""
    return "".join(text.replace("\t", " ").split("\n")).replace("\r", "")


def _fonts_xml(font: str) -> str:
    name = attribute_xml(font)
    return f'<w:rFonts w:ascii={name} w:hAnsi={name} w:eastAsia={name} w:cs={name} w:hint="eastAsia"/>'


def _run_properties(font: str, size: int) -> str:
    condense = f'<w:spacing w:val="-{BODY_CONDENSE}"/>' if size == BODY_SIZE else ""
    return (
        f'<w:rPr>{_fonts_xml(font)}<w:color w:val="000000"/>{condense}'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    )


def _run(text: str, font: str, size: int) -> str:
    """A run of text; a tab inside it stays a tab (w:tab), every other control character is dropped."""
    pieces = text.replace("\r", "").replace("\n", "").split("\t")
    body = "<w:tab/>".join(f'<w:t xml:space="preserve">{text_xml(piece)}</w:t>' for piece in pieces)
    return f"<w:r>{_run_properties(font, size)}{body}</w:r>"


def _indent(first_line_chars: int, size: int) -> str:
    """A first-line indent in characters (Word, WPS) with the same in twips for readers that ignore chars."""
    twips = first_line_chars * size * 10
    return f'<w:ind w:firstLineChars="{first_line_chars * 100}" w:firstLine="{twips}"/>'


def _spacing(before: int = 0) -> str:
    return f'<w:spacing w:before="{before}" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'


_EXACT = _spacing()
_SINGLE = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
# 2号 title lines one grid line apart; off the grid, or LibreOffice gives each of them two grid lines.
_TITLE_SPACING = f'<w:snapToGrid w:val="0"/>{_EXACT}'
_NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>'
# Widow and orphan control off: every full page holds its 22 lines (GB/T 9704), a paragraph's last line
# may begin a page.
_NO_WIDOW_CONTROL = '<w:widowControl w:val="0"/>'


# -- the document -----------------------------------------------------------------------------


class _Writer:
    def __init__(self, report: Report, options: ExportOptions):
        self.report = report
        self.fonts: ExportFonts = options.fonts
        self.signature_indent = max(0, min(options.signature_indent, CHARS_PER_LINE // 2))  # 0–14 characters
        self.body: list[str] = []
        self.space_before = 0  # the space the next paragraph keeps from a table above it

    def document(self) -> str:
        self._title()
        for text in paragraphs(self.report.preamble):
            self._paragraph(text)
        for section in self.report.format.sections:
            self._section(section)
        self._signature()
        return (
            f"{package.DECLARATION}<w:document {NAMESPACES}><w:body>{''.join(self.body)}"
            f"{self._section_properties()}</w:body></w:document>"
        )

    # -- paragraphs ---------------------------------------------------------------------------

    def _add(self, properties: str, runs: str = "", mark: tuple[str, int] | None = None) -> None:
        mark_xml = _run_properties(*mark) if mark else ""
        if self.space_before:
            properties = properties.replace(_EXACT, _spacing(self.space_before), 1)
            self.space_before = 0
        self.body.append(f"<w:p><w:pPr>{properties}{mark_xml}</w:pPr>{runs}</w:p>")

    def _paragraph(self, text: str) -> None:
        text = strip_indent(text)  # the export indents every paragraph itself (a pasted "　　" would double it)
        self._add(f'{_EXACT}{_indent(2, BODY_SIZE)}<w:jc w:val="both"/>', _run(text, self.fonts.body, BODY_SIZE))

    def _blank(self) -> None:
        self._add(f"{_EXACT}{_NO_INDENT}", mark=(self.fonts.body, BODY_SIZE))

    def _heading(self, text: str, style: str, font: str) -> None:
        self._add(
            f'<w:pStyle w:val="{style}"/><w:keepNext/><w:keepLines/>{_EXACT}{_indent(2, BODY_SIZE)}'
            '<w:jc w:val="both"/>',
            _run(text, font, BODY_SIZE),
        )

    def _agency_lines(self, capacity: float) -> list[str]:
        return balanced_lines(_one_line(self.report.agency), capacity, self.report.agency_lines)

    def _title(self) -> None:
        lines = [*self._agency_lines(TITLE_CHARS), _one_line(self.report.title_lines()[1])]
        for line in lines:
            self._add(
                f'<w:pStyle w:val="ReportTitle"/><w:keepNext/>{_TITLE_SPACING}{_NO_INDENT}<w:jc w:val="center"/>',
                _run(line, self.fonts.title, TITLE_SIZE),
                mark=(self.fonts.title, TITLE_SIZE),
            )
        self._blank()

    def _signature(self) -> None:
        """GB/T 9704 7.3.5.2: the agency 右空二字 (by default), the date below it starting two characters
        further right; a date longer than the agency keeps the right indent and the agency moves left of it."""
        self._blank()
        indent = self.signature_indent
        agency = self._agency_lines(CHARS_PER_LINE - indent)
        date = self.report.signature_date()
        agency_width = text_width(agency[0]) if agency else 0.0
        date_width = text_width(date)
        if agency_width >= date_width + 2:
            agency_right = indent * BODY_ADVANCE
            date_left = TEXT_WIDTH - agency_right - round(agency_width * BODY_ADVANCE) + 2 * BODY_ADVANCE
            date_indent = f'<w:ind w:left="{date_left}" w:right="0" w:firstLineChars="0" w:firstLine="0"/>'
            date_align = "left"
        else:
            agency_right = round((indent + date_width + 2 - agency_width) * BODY_ADVANCE)
            date_indent = self._right_indent(indent * BODY_ADVANCE)
            date_align = "right"
        for line in agency:
            self._add(
                f'{_EXACT}{self._right_indent(agency_right)}<w:jc w:val="right"/>',
                _run(line, self.fonts.body, BODY_SIZE),
            )
        if date:
            self._add(f'{_EXACT}{date_indent}<w:jc w:val="{date_align}"/>', _run(date, self.fonts.body, BODY_SIZE))

    @staticmethod
    def _right_indent(twips: int) -> str:
        return f'<w:ind w:left="0" w:right="{twips}" w:firstLineChars="0" w:firstLine="0"/>'

    def _section(self, section: Section) -> None:
        self._heading(section.heading, "Heading1", self.fonts.heading)
        if section.table:
            self._table(self.report.format.tables[section.table])
        self._narrative(section, self.report.narratives[section.id])

    def _narrative(self, section: Section, narrative: Narrative) -> None:
        for text in paragraphs(narrative.text):
            self._paragraph(text)
        for index, sub in enumerate(narrative.subsections):
            title = strip_subhead_number(_one_line(sub.title))  # the number is the report's, by order
            self._heading(section.subsection_number(index) + title, "Heading2", self.fonts.subhead)
            for text in paragraphs(sub.text):
                self._paragraph(text)

    # -- tables -------------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        grid = table_grid(table)
        data = self.report.tables[table.id]
        values = {
            c.cell: display_value(data[c.cell], table.column(*c.cell).type) for c in grid.cells if c.cell is not None
        }
        size, widths = table_type(grid, values)
        keep = kept_with_next(grid, values, size)
        height = round(size * 10 * ROW_HEIGHT)
        borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        parts = [
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        for row in range(grid.rows):
            header = "<w:tblHeader/>" if row < grid.header_rows else ""
            parts.append(
                f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>{header}</w:trPr>'
            )
            column = 0
            while column < grid.columns:
                anchor = grid.anchor_at(row, column)
                width = sum(widths[anchor.column : anchor.column + anchor.colspan])
                parts.append(self._cell(anchor, row, width, values, size, keep[row]))
                column = anchor.column + anchor.colspan
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self.body.append("".join(parts))
        self.space_before = TABLE_GAP

    def _cell(self, anchor: GridCell, row: int, width: int, values: dict, size: int, keep: bool) -> str:
        starts = anchor.row == row
        span = f'<w:gridSpan w:val="{anchor.colspan}"/>' if anchor.colspan > 1 else ""
        merge = ""
        if anchor.rowspan > 1:
            merge = '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
        fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{TITLE_ROW_FILL}"/>' if anchor.role == "title" else ""
        lines = cell_lines(anchor, values) if starts else ("",)
        # Titles and one-row labels read as text from the left; headers, figures and tall group labels are centred.
        flowing = anchor.role == "title" or (anchor.role == "label" and anchor.rowspan == 1)
        align = "left" if flowing else "center"
        keep_xml = "<w:keepNext/>" if keep else ""
        # Each printed line is a paragraph of its own: it breaks where the format breaks it, and no reader
        # stretches a line that ends in a manual line break.
        paragraphs_xml = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="TableText"/>{keep_xml}{_SINGLE}{_NO_INDENT}<w:jc w:val="{align}"/>'
            f"{_run_properties(self.fonts.body, size)}</w:pPr>{_run(line, self.fonts.body, size) if line else ''}</w:p>"
            for line in lines
        )
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}{fill}<w:vAlign w:val="center"/></w:tcPr>'
            f"{paragraphs_xml}</w:tc>"
        )

    # -- page, footers, styles, properties ------------------------------------------------------

    def _section_properties(self) -> str:
        return (
            '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>'
            '<w:footerReference w:type="even" r:id="rIdFooter2"/>'
            f'<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
            f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
            f'w:left="{MARGIN_LEFT}" w:header="{mm(15)}" w:footer="{FOOTER_DISTANCE}" w:gutter="0"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/></w:sectPr>'
        )

    def footers(self) -> list[str]:
        """The odd pages' footer (right, a character's gap) and the even pages' (left), each "— N —"."""
        gap = PAGE_NUMBER_SIZE * 10  # one character of 4号
        return [
            self._page_number("right", f'w:left="0" w:right="{gap}"'),
            self._page_number("left", f'w:left="{gap}" w:right="0"'),
        ]

    def _page_number(self, align: str, indent: str) -> str:
        font, size = self.fonts.page_number, PAGE_NUMBER_SIZE
        props = _run_properties(font, size)

        def field(kind: str) -> str:
            return f'<w:r>{props}<w:fldChar w:fldCharType="{kind}"/></w:r>'

        return (
            f'{package.DECLARATION}<w:ftr {NAMESPACES}><w:p><w:pPr><w:pStyle w:val="PageNumber"/>{_SINGLE}'
            f'<w:ind {indent} w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{align}"/>{props}</w:pPr>'
            f"{_run('— ', font, size)}{field('begin')}"
            f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f"{field('separate')}{_run('1', font, size)}{field('end')}{_run(' —', font, size)}</w:p></w:ftr>"
        )

    def parts(self) -> dict[str, str]:
        fonts = self.fonts
        agency, title = (_one_line(line) for line in self.report.title_lines())
        body = f'{_NO_WIDOW_CONTROL}{_EXACT}{_indent(2, BODY_SIZE)}<w:jc w:val="both"/>'
        heading = f"<w:keepNext/><w:keepLines/>{body}"
        title_ppr = f'<w:keepNext/>{_NO_WIDOW_CONTROL}{_TITLE_SPACING}{_NO_INDENT}<w:jc w:val="center"/>'
        cell = f'{_NO_WIDOW_CONTROL}{_SINGLE}{_NO_INDENT}<w:jc w:val="center"/>'
        styles = [
            Style("Normal", "Normal", body, _style_run(fonts.body, BODY_SIZE), None),
            Style("Heading1", "heading 1", f'{heading}<w:outlineLvl w:val="0"/>', _style_run(fonts.heading, BODY_SIZE)),
            Style("Heading2", "heading 2", f'{heading}<w:outlineLvl w:val="1"/>', _style_run(fonts.subhead, BODY_SIZE)),
            Style("ReportTitle", "报告标题", title_ppr, _style_run(fonts.title, TITLE_SIZE)),
            Style("TableText", "表格文字", cell, _style_run(fonts.body, BODY_SIZE)),
            Style("PageNumber", "页码", f"{_SINGLE}{_NO_INDENT}", _style_run(fonts.page_number, PAGE_NUMBER_SIZE)),
        ]
        defaults_run = (
            f'{_fonts_xml(fonts.body)}<w:color w:val="000000"/><w:sz w:val="{BODY_SIZE}"/>'
            f'<w:szCs w:val="{BODY_SIZE}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        )
        defaults_paragraph = f'{_NO_WIDOW_CONTROL}<w:spacing w:after="0"/>'
        return {
            "word/styles.xml": package.styles(defaults_run, defaults_paragraph, styles),
            "word/settings.xml": package.SETTINGS,
            "word/fontTable.xml": package.font_table(
                [fonts.body, fonts.heading, fonts.subhead, fonts.title, fonts.page_number]
            ),
            "word/theme/theme1.xml": package.theme(fonts.heading, fonts.body),
            "docProps/core.xml": package.core_properties(
                agency + title, agency, dt.datetime.now(dt.UTC).replace(microsecond=0)
            ),
        }


def _style_run(font: str, size: int) -> str:
    """A style's run properties: as a run's, and explicitly not bold (Word's built-in headings are)."""
    inner = _run_properties(font, size)[len("<w:rPr>") : -len("</w:rPr>")]
    return inner.replace("<w:color", '<w:b w:val="0"/><w:bCs w:val="0"/><w:color', 1)
