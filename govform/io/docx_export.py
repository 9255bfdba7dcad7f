"""The report as a finished DOCX in the standard layout: GB/T 9704 page and type, the format's tables and merges.

Every label comes from the format data (section headings, sub-head numbers, the tables' grids); the
writer only decides how they look. Every run names its fonts explicitly (ascii, hAnsi and eastAsia) and
the styles carry no theme fonts, so Word and WPS show the same thing on any machine.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from govform.domain.format import Section, Table
from govform.domain.layout import Grid, GridCell, table_grid
from govform.domain.report import Narrative, Report, display_value, paragraphs
from govform.io.export_fonts import ExportFonts
from govform.io.files import os_error_reason, write_atomically
from govform.io.registry import ExportError, ExportOptions

__all__ = ["export_docx"]


def _mm(mm: float) -> int:
    """Millimetres in twips (1/1440 inch), the unit of Word's page and table geometry."""
    return round(mm * 1440 / 25.4)


# GB/T 9704-2012: A4, text block 156 × 225 mm, 22 lines of 28 characters.
PAGE_WIDTH, PAGE_HEIGHT = _mm(210), _mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = _mm(37), _mm(35), _mm(28), _mm(26)
TEXT_WIDTH = _mm(156)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) // LINES_PER_PAGE  # 579 twips ≈ 28.95 pt
# The page number's em dashes sit 7 mm below the text block: its line ends about 25 mm above the edge.
FOOTER_DISTANCE = _mm(25)

# Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt; tables at 五号 10.5 pt, wide ones at 9 pt.
TITLE_SIZE, BODY_SIZE, PAGE_NUMBER_SIZE = 44, 32, 28
TABLE_SIZE, WIDE_TABLE_SIZE = 21, 18
WIDE_TABLE_COLUMNS = 8  # from this many printed columns on, a table uses the smaller size

# 28 characters of 3号 (16 pt) are 158 mm: 3号 text is condensed by a fraction of a point so that 28 fill
# the 156 mm line. (A character grid, docGrid "linesAndChars" with a negative charSpace, does the same in
# Word, but LibreOffice then puts each character in two grid cells and prints 14 to a line.)
BODY_CONDENSE = math.ceil(BODY_SIZE * 10 - TEXT_WIDTH / CHARS_PER_LINE)  # twips per character
CELL_MARGIN = 57  # 1 mm each side, as the circulated template has it
MIN_VALUE_CHARS, MIN_LABEL_CHARS, FLEXIBLE_LABEL_CHARS = 2, 4, 12
DIGIT_WIDTH = 0.65  # an Arabic digit, in characters: about half in 仿宋, 0.62 in what LibreOffice substitutes
ROW_HEIGHT = 1.6  # the least row height, in lines of the table's type: airy, yet table 三 fits one page
TITLE_ROW_FILL = "C6D9F1"  # the light shading of table 二's block titles in the circulated template
BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export_docx(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write `report` as a DOCX at `path`, atomically; raises ExportError and leaves an existing file as it was."""
    document = _Writer(report, (options or ExportOptions()).fonts).document()
    path = Path(path)
    try:
        write_atomically(path, document.save)
    except OSError as error:
        raise ExportError(path, os_error_reason(error, writing=True)) from error


# -- XML pieces -----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Text as XML can carry it: no control characters (Word's manual line break \\v, pasted \\r…)."""
    return _NOT_XML.sub("", text.replace("\r", ""))


def _fonts_xml(font: str) -> str:
    name = quoteattr(font)
    return f'<w:rFonts w:ascii={name} w:hAnsi={name} w:eastAsia={name} w:cs={name} w:hint="eastAsia"/>'


def _run_properties(font: str, size: int) -> str:
    condense = f'<w:spacing w:val="-{BODY_CONDENSE}"/>' if size == BODY_SIZE else ""
    return (
        f'<w:rPr>{_fonts_xml(font)}<w:color w:val="000000"/>{condense}'
        f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
    )


def _run(text: str, font: str, size: int) -> str:
    return f'<w:r>{_run_properties(font, size)}<w:t xml:space="preserve">{escape(_clean(text))}</w:t></w:r>'


def _indent(first_line_chars: int, size: int) -> str:
    """A first-line indent in characters (Word, WPS) with the same in twips for readers that ignore chars."""
    twips = first_line_chars * size * 10
    return f'<w:ind w:firstLineChars="{first_line_chars * 100}" w:firstLine="{twips}"/>'


_EXACT = f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
_SINGLE = '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
# 2号 title lines one grid line apart; off the grid, or LibreOffice gives each of them two grid lines.
_TITLE_SPACING = f'<w:snapToGrid w:val="0"/>{_EXACT}'
_NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>'


# -- the document -----------------------------------------------------------------------------


class _Writer:
    def __init__(self, report: Report, fonts: ExportFonts):
        self.report = report
        self.fonts = fonts
        self.body: list[str] = []

    def document(self) -> Any:
        document = Document()
        self._package(document)
        self._styles(document)
        self._page(document)
        self._footers(document)
        self._title()
        for text in paragraphs(self.report.preamble):
            self._paragraph(text)
        for section in self.report.format.sections:
            self._section(section)
        self._signature()
        body = document.element.body
        fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(self.body)}</w:body>")
        anchor = body.sectPr
        for element in list(fragment):
            anchor.addprevious(element)
        return document

    # -- paragraphs ---------------------------------------------------------------------------

    def _add(self, properties: str, runs: str = "", mark: tuple[str, int] | None = None) -> None:
        mark_xml = _run_properties(*mark) if mark else ""
        self.body.append(f"<w:p><w:pPr>{properties}{mark_xml}</w:pPr>{runs}</w:p>")

    def _paragraph(self, text: str) -> None:
        self._add(f'{_EXACT}{_indent(2, BODY_SIZE)}<w:jc w:val="both"/>', _run(text, self.fonts.body, BODY_SIZE))

    def _blank(self) -> None:
        self._add(f"{_EXACT}{_NO_INDENT}", mark=(self.fonts.body, BODY_SIZE))

    def _heading(self, text: str, style: str, font: str) -> None:
        self._add(
            f'<w:pStyle w:val="{style}"/><w:keepNext/><w:keepLines/>{_EXACT}{_indent(2, BODY_SIZE)}'
            '<w:jc w:val="both"/>',
            _run(text, font, BODY_SIZE),
        )

    def _title(self) -> None:
        for line in self.report.title_lines():
            self._add(
                f'<w:pStyle w:val="ReportTitle"/><w:keepNext/>{_TITLE_SPACING}{_NO_INDENT}<w:jc w:val="center"/>',
                _run(line, self.fonts.title, TITLE_SIZE),
                mark=(self.fonts.title, TITLE_SIZE),
            )
        self._blank()

    def _signature(self) -> None:
        self._blank()
        for line in (self.report.agency, self.report.signature_date()):
            if line:
                self._add(f'{_EXACT}{_NO_INDENT}<w:jc w:val="right"/>', _run(line, self.fonts.body, BODY_SIZE))

    def _section(self, section: Section) -> None:
        self._heading(section.heading, "Heading1", self.fonts.heading)
        if section.table:
            self._table(self.report.format.tables[section.table])
        self._narrative(section, self.report.narratives[section.id])

    def _narrative(self, section: Section, narrative: Narrative) -> None:
        for text in paragraphs(narrative.text):
            self._paragraph(text)
        for index, sub in enumerate(narrative.subsections):
            self._heading(section.subsection_number(index) + sub.title, "Heading2", self.fonts.subhead)
            for text in paragraphs(sub.text):
                self._paragraph(text)

    # -- tables -------------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        grid = table_grid(table)
        data = self.report.tables[table.id]
        values = {
            c.cell: display_value(data[c.cell], table.column(*c.cell).type) for c in grid.cells if c.cell is not None
        }
        size = WIDE_TABLE_SIZE if grid.columns >= WIDE_TABLE_COLUMNS else TABLE_SIZE
        widths = column_widths(grid, values, size)
        roles = grid.row_roles()
        # Each block stays on one page: table 三 and 四 whole, table 二 may break before a block title.
        # (A table taller than a page still breaks; then its header rows repeat.)
        height = round(size * 10 * ROW_HEIGHT)
        borders = "".join(BORDER.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        parts = [
            f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]
        for row in range(grid.rows):
            last = row == grid.rows - 1
            keep = not last and roles[row + 1] != "title"
            header = "<w:tblHeader/>" if row < grid.header_rows else ""
            parts.append(
                f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="atLeast"/>{header}</w:trPr>'
            )
            column = 0
            while column < grid.columns:
                anchor = grid.anchor_at(row, column)
                width = sum(widths[anchor.column : anchor.column + anchor.colspan])
                parts.append(self._cell(anchor, row, width, values, size, keep))
                column = anchor.column + anchor.colspan
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self.body.append("".join(parts))

    def _cell(self, anchor: GridCell, row: int, width: int, values: dict, size: int, keep: bool) -> str:
        starts = anchor.row == row
        span = f'<w:gridSpan w:val="{anchor.colspan}"/>' if anchor.colspan > 1 else ""
        merge = ""
        if anchor.rowspan > 1:
            merge = '<w:vMerge w:val="restart"/>' if starts else "<w:vMerge/>"
        fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{TITLE_ROW_FILL}"/>' if anchor.role == "title" else ""
        text = (values[anchor.cell] if anchor.cell is not None else anchor.text) if starts else ""
        # Titles and one-row labels read as text; headers, figures and tall group labels are centred.
        flowing = anchor.role == "title" or (anchor.role == "label" and anchor.rowspan == 1)
        align = "both" if flowing else "center"
        keep_xml = "<w:keepNext/>" if keep else ""
        runs = _run(text, self.fonts.body, size) if text else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}{fill}<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="TableText"/>{keep_xml}{_SINGLE}{_NO_INDENT}<w:jc w:val="{align}"/>'
            f"{_run_properties(self.fonts.body, size)}</w:pPr>{runs}</w:p></w:tc>"
        )

    # -- page, footers, styles ----------------------------------------------------------------

    def _package(self, document: Any) -> None:
        """Name the file's author and title, and drop what python-docx's template carries but this file is not:
        a Word 2010 copy of the styles (with theme fonts) and a preview picture of an empty page."""
        agency, title = self.report.title_lines()
        properties = document.core_properties
        properties.title = agency + title
        properties.author = properties.last_modified_by = agency
        properties.comments = ""
        properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        for rId, rel in list(document.part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                document.part.drop_rel(rId)
        package = document.part.package
        for rId, rel in list(package.rels.items()):
            if rel.reltype.endswith("/thumbnail"):
                del package.rels[rId]
        preview = document.settings.element.find(qn("w:savePreviewPicture"))
        if preview is not None:
            preview.getparent().remove(preview)

    def _page(self, document: Any) -> None:
        sect = document.sections[0]._sectPr
        size = sect.find(qn("w:pgSz"))
        size.attrib.clear()
        size.set(qn("w:w"), str(PAGE_WIDTH))
        size.set(qn("w:h"), str(PAGE_HEIGHT))
        margins = sect.find(qn("w:pgMar"))
        for name, value in (
            ("top", MARGIN_TOP),
            ("right", MARGIN_RIGHT),
            ("bottom", MARGIN_BOTTOM),
            ("left", MARGIN_LEFT),
            ("header", _mm(15)),
            ("footer", FOOTER_DISTANCE),
            ("gutter", 0),
        ):
            margins.set(qn(f"w:{name}"), str(value))
        grid = sect.find(qn("w:docGrid"))
        grid.attrib.clear()
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(LINE_PITCH))

    def _footers(self, document: Any) -> None:
        document.settings.odd_and_even_pages_header_footer = True
        section = document.sections[0]
        gap = PAGE_NUMBER_SIZE * 10  # one character of 4号
        for footer, align, indent in (
            (section.footer, "right", f'w:left="0" w:right="{gap}"'),
            (section.even_page_footer, "left", f'w:left="{gap}" w:right="0"'),
        ):
            footer.is_linked_to_previous = False
            element = footer._element
            for child in list(element):
                element.remove(child)
            element.append(parse_xml(self._page_number(align, indent)))

    def _page_number(self, align: str, indent: str) -> str:
        font, size = self.fonts.page_number, PAGE_NUMBER_SIZE
        props = _run_properties(font, size)

        def field(kind: str) -> str:
            return f'<w:r>{props}<w:fldChar w:fldCharType="{kind}"/></w:r>'

        return (
            f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="PageNumber"/>{_SINGLE}'
            f'<w:ind {indent} w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="{align}"/>{props}</w:pPr>'
            f"{_run('— ', font, size)}{field('begin')}"
            f'<w:r>{props}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f"{field('separate')}{_run('1', font, size)}{field('end')}{_run(' —', font, size)}</w:p>"
        )

    def _styles(self, document: Any) -> None:
        styles = document.styles.element
        _strip_theme_fonts(styles)
        fonts = self.fonts
        defaults = styles.find(qn("w:docDefaults"))
        for child in list(defaults):
            defaults.remove(child)
        defaults.append(
            parse_xml(
                f'<w:rPrDefault {nsdecls("w")}><w:rPr>{_fonts_xml(fonts.body)}<w:color w:val="000000"/>'
                f'<w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/>'
                '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            )
        )
        defaults.append(
            parse_xml(f'<w:pPrDefault {nsdecls("w")}><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault>')
        )
        body = f'{_EXACT}{_indent(2, BODY_SIZE)}<w:jc w:val="both"/>'
        self._style(styles, "Normal", "Normal", None, body, fonts.body, BODY_SIZE)
        heading = f"<w:keepNext/><w:keepLines/>{body}"
        self._style(styles, "Heading1", "heading 1", "Normal", f'{heading}<w:outlineLvl w:val="0"/>', fonts.heading)
        self._style(styles, "Heading2", "heading 2", "Normal", f'{heading}<w:outlineLvl w:val="1"/>', fonts.subhead)
        title = f'<w:keepNext/>{_TITLE_SPACING}{_NO_INDENT}<w:jc w:val="center"/>'
        self._style(styles, "ReportTitle", "报告标题", "Normal", title, fonts.title, TITLE_SIZE)
        cell = f'{_SINGLE}{_NO_INDENT}<w:jc w:val="center"/>'
        self._style(styles, "TableText", "表格文字", "Normal", cell, fonts.body, TABLE_SIZE)
        number = f"{_SINGLE}{_NO_INDENT}"
        self._style(styles, "PageNumber", "页码", "Normal", number, fonts.page_number, PAGE_NUMBER_SIZE)
        settings = document.settings.element
        language = settings.find(qn("w:themeFontLang"))
        if language is not None:
            language.set(qn("w:eastAsia"), "zh-CN")

    def _style(
        self, styles: Any, style_id: str, name: str, based_on: str | None, ppr: str, font: str, size: int = BODY_SIZE
    ) -> None:
        """(Re)define a paragraph style: black, not bold, with explicit fonts and the given paragraph properties."""
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style_id:
                styles.remove(old)
        default = ' w:default="1"' if style_id == "Normal" else ""
        parent = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph"{default} w:styleId="{style_id}">'
                f'<w:name w:val="{name}"/>{parent}<w:next w:val="Normal"/><w:qFormat/>'
                f"<w:pPr>{ppr}</w:pPr>{_style_run_properties(font, size)}</w:style>"
            )
        )


def _style_run_properties(font: str, size: int) -> str:
    """A style's run properties: as a run's, and explicitly not bold (the built-in headings are)."""
    return _run_properties(font, size).replace("<w:color", '<w:b w:val="0"/><w:bCs w:val="0"/><w:color', 1)


def _strip_theme_fonts(styles: Any) -> None:
    """Drop every theme font and theme colour reference: WPS reports theme fonts as missing."""
    for element in styles.iter():
        for attribute in list(element.attrib):
            local = attribute.rsplit("}", 1)[-1]
            if local.endswith(("Theme", "theme")) or local.startswith("theme"):
                del element.attrib[attribute]
        if element.tag == qn("w:rFonts") and not element.attrib:
            element.getparent().remove(element)


def column_widths(grid: Grid, values: dict, size: int) -> list[int]:
    """Column widths in twips summing to the text block's width.

    Every column first gets its minimum: value columns room for their widest figure (and at least two
    characters, so header words wrap as "结果/维持"), label columns what their labels need, except the
    label column with the longest labels (table 三's third), which starts at FLEXIBLE_LABEL_CHARS. What
    is left widens that column up to its labels' full length, then the value columns. A table without
    labels (table 四) gets equal columns.
    """
    char = size * 10  # one CJK character in twips
    if grid.label_columns == 0:
        return _fill([1.0] * grid.columns, TEXT_WIDTH)
    digits = max((len(v) for v in values.values()), default=0)
    value_min = max(MIN_VALUE_CHARS, DIGIT_WIDTH * digits) * char + 2 * CELL_MARGIN
    needs = [float(MIN_LABEL_CHARS * char + 2 * CELL_MARGIN)] * grid.label_columns
    for cell in grid.cells:
        if cell.role == "label" and cell.colspan == 1:
            chars = max(MIN_LABEL_CHARS, math.ceil(len(cell.text) / cell.rowspan))
            needs[cell.column] = max(needs[cell.column], chars * char + 2 * CELL_MARGIN)
    flexible = needs.index(max(needs))
    widths = list(needs)
    widths[flexible] = min(needs[flexible], FLEXIBLE_LABEL_CHARS * char + 2 * CELL_MARGIN)
    value_count = grid.columns - grid.label_columns
    left = TEXT_WIDTH - sum(widths) - value_count * value_min
    grow = min(max(left, 0), needs[flexible] - widths[flexible])
    widths[flexible] += grow
    # Too little room (huge figures) shrinks every column alike: figures wrap rather than run off the page.
    value_width = value_min + max(left - grow, 0) / value_count
    return _fill([*widths, *[value_width] * value_count], TEXT_WIDTH)


def _fill(weights: list[float], total: int) -> list[int]:
    """Whole twips in proportion to `weights`, summing exactly to `total` (the largest remainders round up)."""
    exact = [w * total / sum(weights) for w in weights]
    widths = [int(w) for w in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: widths[i] - exact[i])
    for i in by_remainder[: total - sum(widths)]:
        widths[i] += 1
    return widths
