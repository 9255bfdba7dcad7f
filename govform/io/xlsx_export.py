"""The report as an Excel workbook (WPS 表格, Excel, LibreOffice Calc): the three tables laid out as printed.

Each table's sheet walks `table_grid`, so its merges and labels are those of the DOCX and the window. A total
the report computes is a SUM formula over its parts; one the clerk typed is kept as typed. Every value cell
has the data validation its figure needs (whole numbers ≥ 0; 万元 amounts ≥ 0 with the format's decimal
places) and is unlocked; the rest of a table sheet is protected without a password, so labels cannot be
typed over by accident but nothing stops a clerk who wants to change the sheet. Pages are A4, the header
rows repeat and each table prints one page wide.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import math
import os
import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govform.domain.format import Cell, Format, Table, ValueType
from govform.domain.layout import Grid, table_grid
from govform.domain.messages import Message
from govform.domain.numbers import format_amount
from govform.domain.report import Invalid, Report, Value
from govform.io.docx_package import clean
from govform.io.files import os_error_reason, write_atomically
from govform.io.registry import ExportError, ExportOptions
from govform.io.xlsx_layout import (
    EXCEL_MAX_TEXT,
    GRID_LEFT,
    GRID_TOP,
    HEADING_ROW,
    HINT_ROW,
    INFO_FIELDS,
    INFO_FIRST_ROW,
    TEXT_COLUMNS,
    TEXT_FIRST_ROW,
    TITLE_ROW,
    format_label,
    info_labels,
    info_sheet_name,
    table_sheet_name,
    text_sheet_name,
    words,
)

__all__ = ["export_xlsx"]

FONT_NAME = "宋体"  # what WPS and Excel use for Chinese ledgers; LibreOffice substitutes a CJK serif
TABLE_FONT = Font(name=FONT_NAME, size=10.5)
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
HEADING_FONT = Font(name=FONT_NAME, size=12, bold=True)
HINT_FONT = Font(name=FONT_NAME, size=9, color="666666")
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_ROW_FILL = PatternFill("solid", fgColor="C6D9F1")  # table 二's block titles, as the DOCX shades them
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")  # a computed total: filled in by its formula
UNLOCKED = Protection(locked=False)

# Widths in Excel's units (the width of a digit); a Chinese character at 10.5 pt takes about two.
VALUE_WIDTH = 9.5
LABEL_UNITS = 20  # per label column, shared among them as the format's label_widths say
CHAR_UNITS = 2.0
LINE_POINTS = 13.5  # one line of 10.5 pt text
TEXT_WIDTH = 90  # the text sheet's column of paragraphs
LANDSCAPE_FROM = 100  # a table wider than this (units) prints landscape


class _TooLong(Exception):
    """A line of text longer than a spreadsheet cell holds; `cell` names the table's cell when it is one."""

    def __init__(self, cell: str | None = None):
        super().__init__(cell)
        self.cell = cell


def export_xlsx(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write `report` as an XLSX workbook at `path`, atomically; raises ExportError and leaves an old file as it was."""
    path = Path(path)
    try:
        workbook = build_workbook(report)
    except _TooLong as long:
        if long.cell is not None:
            raise ExportError(path, Message("xlsx.cell_too_long", cell=long.cell, limit=EXCEL_MAX_TEXT)) from None
        raise ExportError(path, Message("xlsx.text_too_long", limit=EXCEL_MAX_TEXT)) from None
    try:
        write_atomically(path, lambda out: save_workbook(workbook, out))
    except OSError as error:
        raise ExportError(path, os_error_reason(error, writing=True)) from error


# libxml2's names for the write errors a clerk meets, as lxml reports them (SerialisationError("IO_ENOSPC")).
_LIBXML_ERRORS = {
    "IO_ENOSPC": errno.ENOSPC,
    "IO_EFBIG": errno.EFBIG,
    "IO_EACCES": errno.EACCES,
    "IO_EROFS": errno.EROFS,
    "IO_EIO": errno.EIO,
}


def save_workbook(workbook: Workbook, out: BinaryIO) -> None:
    """openpyxl's save, with the failures of its temporary files as OSError: it writes each sheet to a temporary
    file first, with lxml, whose SerialisationError ("IO_ENOSPC") a full temporary folder came as."""
    from lxml.etree import SerialisationError

    try:
        workbook.save(out)
    except SerialisationError as error:
        code = _LIBXML_ERRORS.get(str(error).strip(), errno.EIO)
        _drop_quietly(error)
        raise OSError(code, os.strerror(code)) from None


def _drop_quietly(error: BaseException) -> None:
    """Free what a failed save left behind without Python's "Exception ignored" at exit: openpyxl's sheet
    writers, held by the error's traceback, are generators that flush their temporary file again, and fail
    again, when collected."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        error.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


def build_workbook(report: Report) -> Workbook:
    """The workbook: basic information, one sheet per table (in the order of the sections), the text."""
    workbook = Workbook()
    _info_sheet(workbook.active, report)
    for section in report.format.sections:
        if section.table:
            _table_sheet(workbook.create_sheet(), report, report.format.tables[section.table])
    _text_sheet(workbook.create_sheet(), report)
    workbook.properties.title = clean("".join(report.title_lines()))
    workbook.properties.creator = clean(report.agency) or "govform"
    return workbook


def _put(cell: Any, value: object) -> None:
    """Set a cell's value; text stays text even when it starts with "=", and loses what XML cannot carry."""
    if isinstance(value, str):
        value = clean(value)  # openpyxl's ILLEGAL_CHARACTERS_RE let U+FFFE, U+FFFF and lone surrogates through
        if len(value) > EXCEL_MAX_TEXT:
            raise _TooLong
        cell.value = value
        if value.startswith("="):
            cell.data_type = "s"
    else:
        cell.value = value


# -- the tables -----------------------------------------------------------------------------------


def _coordinate(grid: Grid, cell: Cell) -> tuple[int, int]:
    row, column = grid.value_position(cell)
    return GRID_TOP + row, GRID_LEFT + column


def _ranges(positions: Iterable[tuple[int, int]]) -> str:
    """Cells as a SUM's argument: runs down a column or along a row become ranges ("D8:D28,D30")."""
    cells = sorted(set(positions))
    same_column = len({c for _, c in cells}) == 1
    if not same_column:
        cells.sort(key=lambda rc: (rc[0], rc[1]))
    runs: list[list[tuple[int, int]]] = []
    for cell in cells:
        last = runs[-1][-1] if runs else None
        step = (1, 0) if same_column else (0, 1)
        if last and (last[0] + step[0], last[1] + step[1]) == cell:
            runs[-1].append(cell)
        else:
            runs.append([cell])

    def name(cell: tuple[int, int]) -> str:
        return f"{get_column_letter(cell[1])}{cell[0]}"

    return ",".join(name(run[0]) if len(run) == 1 else f"{name(run[0])}:{name(run[-1])}" for run in runs)


def _cell_value(value: Value) -> int | float | str | None:
    if isinstance(value, Invalid):
        return value.text
    if isinstance(value, Decimal):
        return float(value)  # at most 10 digits before and 4 after the point: exact as a double's shortest form
    return value


def _amount_format(value: Value) -> str:
    """Show an amount with the places it was typed with ("2.0200"); otherwise as Excel's General shows it."""
    if isinstance(value, Decimal) and format(value, "f") != format_amount(value):
        places = -value.as_tuple().exponent  # type: ignore[operator]
        return "0." + "0" * places
    return "General"


def _whole_validation(fmt: Format) -> DataValidation:
    return DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2=str(fmt.max_integer),
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=False,
        errorTitle=words("invalid_title"),
        error=Message("numbers.allowed_integer").text(),
    )


def _amount_validation(fmt: Format, coordinate: str) -> DataValidation:
    """万元 amounts: a number ≥ 0 with at most the format's decimal places (a custom rule: Excel's "decimal"
    type cannot limit the places)."""
    places, limit = fmt.amount_places, fmt.max_integer
    rule = (
        f"AND(ISNUMBER({coordinate}),{coordinate}>=0,{coordinate}<={limit},ROUND({coordinate},{places})={coordinate})"
    )
    validation = DataValidation(
        type="custom",
        formula1=rule,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=words("invalid_title"),
        error=Message("numbers.allowed_amount", places=places).text(),
    )
    validation.add(coordinate)
    return validation


def _column_widths(grid: Grid) -> list[float]:
    table = grid.table
    shares = table.label_widths or ()
    total = LABEL_UNITS * grid.label_columns
    labels = [total * share / sum(shares) for share in shares] if shares else []
    return [*labels, *[VALUE_WIDTH] * (grid.columns - grid.label_columns)]


def _lines(text: str, width: float, char_units: float = CHAR_UNITS) -> int:
    per_line = max(1, int(width / char_units))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _row_heights(grid: Grid, widths: list[float]) -> list[float]:
    """Row heights that show every label whole (Excel does not grow rows for wrapped text in merged cells)."""
    lines = [1] * grid.rows
    for cell in sorted(grid.cells, key=lambda c: c.rowspan):
        if not cell.text:
            continue
        width = sum(widths[cell.column : cell.column + cell.colspan])
        needed = _lines(cell.text, width)
        have = sum(lines[cell.row : cell.row + cell.rowspan])
        if needed > have:
            lines[cell.row + cell.rowspan - 1] += needed - have
    return [n * LINE_POINTS + 5 for n in lines]


def _title_rows(sheet: Worksheet, report: Report, heading: str, widths: list[float]) -> None:
    """The report's title (two lines, centred, as printed), the section's heading and a hint, across the table."""
    width = sum(widths)
    rows = (
        (TITLE_ROW, "\n".join(report.title_lines()), TITLE_FONT, "center", 2.7, 20.0),
        (HEADING_ROW, heading, HEADING_FONT, "left", 2.3, 17.0),
        (HINT_ROW, words("hint"), HINT_FONT, "left", 1.8, 12.0),
    )
    for row, text, font, horizontal, char_units, line_points in rows:
        cell = sheet.cell(row, 1)
        _put(cell, text)
        cell.font = font
        cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        sheet.row_dimensions[row].height = _lines(text, width, char_units) * line_points + 4


def _protect(sheet: Worksheet) -> None:
    """Protected without a password: labels and formulas stay as they are, widths and heights may change."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.formatCells = False


def _a4(sheet: Worksheet, landscape: bool, title_rows: str | None, one_page: bool = False) -> None:
    """A4, one page wide (and, for a table, one page tall: each of the three fits one page)."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 1 if one_page else 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    if title_rows:
        sheet.print_title_rows = title_rows


def _table_sheet(sheet: Worksheet, report: Report, table: Table) -> None:
    fmt = report.format
    grid = table_grid(table)
    data = report.tables[table.id]
    sheet.title = table_sheet_name(table)
    widths = _column_widths(grid)
    _title_rows(sheet, report, fmt.section_of_table(table.id).heading, widths)
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(GRID_LEFT + index)].width = width
    for index, height in enumerate(_row_heights(grid, widths)):
        sheet.row_dimensions[GRID_TOP + index].height = height
    for row in range(GRID_TOP, GRID_TOP + grid.rows):
        for column in range(GRID_LEFT, GRID_LEFT + grid.columns):
            sheet.cell(row, column).border = BORDER

    whole = _whole_validation(fmt)
    sheet.add_data_validation(whole)
    for printed in grid.cells:
        row, column = GRID_TOP + printed.row, GRID_LEFT + printed.column
        if printed.rowspan > 1 or printed.colspan > 1:
            sheet.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + printed.rowspan - 1,
                end_column=column + printed.colspan - 1,
            )
        target = sheet.cell(row, column)
        target.font = TABLE_FONT
        if printed.cell is None:
            _put(target, printed.text or None)
            flowing = printed.role == "title" or (printed.role == "label" and printed.rowspan == 1)
            target.alignment = Alignment(horizontal="left" if flowing else "center", vertical="center", wrap_text=True)
            if printed.role == "title":
                target.fill = TITLE_ROW_FILL
            continue
        value = data[printed.cell]
        target.alignment = Alignment(horizontal="center", vertical="center")
        target.protection = UNLOCKED
        if data.is_total(printed.cell) and not data.is_manual(printed.cell):
            parts = fmt.totals[(table.id, printed.cell)].parts
            target.value = f"=SUM({_ranges(_coordinate(grid, part) for part in parts)})"
            target.fill = TOTAL_FILL
        else:
            try:
                _put(target, _cell_value(value))
            except _TooLong:
                raise _TooLong(table.cell_label(*printed.cell)) from None
        if table.column(*printed.cell).type is ValueType.AMOUNT:
            target.number_format = _amount_format(value)
            sheet.add_data_validation(_amount_validation(fmt, target.coordinate))
        else:
            whole.add(target.coordinate)

    if grid.header_rows:
        sheet.freeze_panes = sheet.cell(GRID_TOP + grid.header_rows, GRID_LEFT + grid.label_columns)
    last = f"{get_column_letter(GRID_LEFT + grid.columns - 1)}{GRID_TOP + grid.rows - 1}"
    sheet.print_area = f"A{TITLE_ROW}:{last}"
    repeat = f"{GRID_TOP}:{GRID_TOP + grid.header_rows - 1}" if grid.header_rows else None
    _a4(sheet, sum(widths) > LANDSCAPE_FROM, repeat, one_page=True)
    _protect(sheet)


# -- basic information and text ---------------------------------------------------------------------


def _info_sheet(sheet: Worksheet, report: Report) -> None:
    fmt = report.format
    sheet.title = info_sheet_name()
    _put(sheet.cell(TITLE_ROW, 1), "".join(report.title_lines()))
    sheet.cell(TITLE_ROW, 1).font = TITLE_FONT
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 60
    labels = info_labels(fmt)
    kinds = [kind.label for kind in fmt.agency_kinds]
    values: dict[str, object] = {
        "agency": report.agency,
        "agency_kind": fmt.agency_kind(report.agency_kind).label,
        "year": report.year,
        "signed_on": report.signed_on,
    }
    row = INFO_FIRST_ROW
    for name in INFO_FIELDS:
        sheet.cell(row, 1, labels[name]).font = TABLE_FONT
        value = sheet.cell(row, 2)
        _put(value, values[name])
        value.font = TABLE_FONT
        value.protection = UNLOCKED
        value.alignment = Alignment(horizontal="left")
        if isinstance(values[name], dt.date):
            value.number_format = 'yyyy"年"m"月"d"日"'
        if name == "agency_kind":
            choice = DataValidation(type="list", formula1='"' + ",".join(kinds) + '"', allow_blank=False)
            choice.add(value.coordinate)
            sheet.add_data_validation(choice)
        if name == "year":
            year = DataValidation(type="whole", operator="between", formula1=str(fmt.first_year), formula2="2999")
            year.add(value.coordinate)
            sheet.add_data_validation(year)
        row += 1
    sheet.cell(row, 1, format_label()).font = TABLE_FONT
    sheet.cell(row, 2, fmt.name).font = TABLE_FONT
    _a4(sheet, False, None)
    _protect(sheet)


def _text_rows(report: Report) -> Iterable[tuple[str, str, str, str]]:
    """(section, number, sub-head, line) for every line of the narrative: the first line of each part names
    the part, the lines after it leave those columns blank."""
    fmt = report.format

    def part(section: str, number: str, title: str, text: str) -> Iterable[tuple[str, str, str, str]]:
        for index, line in enumerate(text.split("\n")):
            yield (section, number, title, line) if index == 0 else ("", "", "", line)

    yield from part(fmt.field_label("preamble").text(), "", "", report.preamble)
    for section in fmt.sections:
        narrative = report.narratives[section.id]
        yield from part(section.heading, "", "", narrative.text)
        for index, sub in enumerate(narrative.subsections):
            yield from part("", section.subsection_number(index), sub.title, sub.text)


def _text_sheet(sheet: Worksheet, report: Report) -> None:
    sheet.title = text_sheet_name()
    widths = (30, 8, 28, TEXT_WIDTH)
    for index, (name, width) in enumerate(zip(TEXT_COLUMNS, widths, strict=True), start=1):
        title = sheet.cell(1, index, words(f"text_column.{name}"))
        title.font = Font(name=FONT_NAME, size=10.5, bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    wrap = Alignment(vertical="top", wrap_text=True)
    for row, values in enumerate(_text_rows(report), start=TEXT_FIRST_ROW):
        for column, value in enumerate(values, start=1):
            if value:
                cell = sheet.cell(row, column)
                _put(cell, value)
                cell.font = TABLE_FONT
                cell.alignment = wrap
        sheet.row_dimensions[row].height = _lines(values[-1], TEXT_WIDTH) * LINE_POINTS + 4
    # The end is marked: a spreadsheet keeps no empty rows, so the text's last empty lines would be lost.
    _put(sheet.cell(sheet.max_row + 1, 1), words("text_end"))
    _a4(sheet, True, "1:1")
