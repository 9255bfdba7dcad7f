"""Reading govform's workbook back: as a new report (`import_xlsx`, the registry's importer for .xlsx) or as
the figures to put into an open report (`read_table_values`, for 导入表格数据).

The layout is the one `xlsx_export` writes (see `xlsx_layout`), also after WPS, Excel or LibreOffice Calc saved
it: a total that is still a formula is the report's own computed total unless the program that saved the file
left its result, which is then read like a typed figure. Every figure goes through the report's own parsing,
so text, a negative or a fraction in a count gets the same Chinese reason as typing it in the window.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import stat
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NamedTuple

from govform.domain.format import Cell, Format, FormatError, Table, ValueType, format_names, load_format
from govform.domain.layout import Grid, table_grid
from govform.domain.messages import Message
from govform.domain.report import Invalid, Narrative, Report, Subsection, Value, parse_value, same_value
from govform.io.archive import UnsafeArchive, open_zip
from govform.io.files import os_error_reason
from govform.io.registry import ImportFailed, ImportNote, ImportResult
from govform.io.xlsx_layout import (
    GRID_LEFT,
    GRID_TOP,
    INFO_FIELDS,
    INFO_FIRST_ROW,
    TEXT_FIRST_ROW,
    format_label,
    info_labels,
    info_sheet_name,
    table_sheet_name,
    text_sheet_name,
    words,
)

__all__ = ["TableValues", "import_xlsx", "read_table_values"]

MAX_FILE_SIZE = 50 * 1024 * 1024  # a report's workbook is about 30 KB
_FIXED_PLACES = re.compile(r"0\.(0+)")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_SHOWN_BLANKS = 5  # blank cells named in a note; the rest are counted


class _Cell(NamedTuple):
    value: Any  # as the file holds it: a formula as its text ("=SUM(D8:D28)")
    result: Any  # a formula's result as the program that saved the file left it (None when it left none)
    formula: bool
    number_format: str


Sheet = dict[tuple[int, int], _Cell]


@dataclass
class TableValues:
    """The figures read from a workbook for an open report: table id → {cell: value}, every value cell of each
    table found (a total read as None computes itself), and notes on what was read, blank or refused."""

    values: dict[str, dict[Cell, Value]] = field(default_factory=dict)
    notes: list[ImportNote] = field(default_factory=list)

    def changes(self, report: Report) -> dict[str, dict[Cell, Value]]:
        """Only the cells whose value differs from `report`'s (what 导入表格数据 would change)."""
        changed: dict[str, dict[Cell, Value]] = {}
        for table_id, values in self.values.items():
            data = report.tables[table_id]
            for cell, value in values.items():
                current = None if data.is_total(cell) and not data.is_manual(cell) else data[cell]
                if not same_value(current, value):
                    changed.setdefault(table_id, {})[cell] = value
        return changed


def import_xlsx(path: Path | str) -> ImportResult:
    """A new report from a workbook govform exported (basic information, the three tables, the text)."""
    path = Path(path)
    sheets = _read(path)
    info = sheets.get(info_sheet_name())
    if info is None:
        raise ImportFailed(path, Message("xlsx.no_info", sheet=info_sheet_name()))
    notes: list[ImportNote] = []
    report = _report_from_info(path, info, notes)
    found = _read_tables(path, sheets, report, notes)
    text = sheets.get(text_sheet_name())
    if text is None:
        notes.append(ImportNote("missing", Message("xlsx.no_text", sheet=text_sheet_name())))
    else:
        _read_text(text, report, notes)
    for table_id, values in found.items():
        report.tables[table_id].load(values)
    return ImportResult(report, notes)


def read_table_values(path: Path | str, report: Report) -> TableValues:
    """The figures of the three tables in a workbook, parsed for `report` (its format and value types); the
    window applies them as one undoable change. Raises ImportFailed when no table is found."""
    path = Path(path)
    result = TableValues()
    result.values = _read_tables(path, _read(path), report, result.notes)
    if not result.values:
        raise ImportFailed(path, Message("xlsx.no_tables"))
    return result


# -- the file ---------------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Sheet]:
    """Every sheet's non-empty cells, with formulas and their saved results side by side.

    The package is checked before openpyxl reads it (its directory, every part's declared size: see
    govform.io.archive), and the sheets are read within MAX_CELLS cells and MAX_POSITIONS positions walked,
    whatever their dimensions declare, so that a crafted workbook of a few kilobytes is refused at once."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ImportFailed(path, Message("files.is_folder"))
        if not stat.S_ISREG(info.st_mode):  # a pipe would never end, a device never stop giving bytes
            raise ImportFailed(path, Message("import.package.not_regular"))
        if info.st_size > MAX_FILE_SIZE:
            raise ImportFailed(path, Message("xlsx.too_large"))
        with path.open("rb") as file:
            with open_zip(file, xml_limit=MAX_XML_PART) as archive:
                _check_lists(archive)
            formulas = _sheets(path, file, data_only=False)
            results = _sheets(path, file, data_only=True)
    except OSError as error:
        raise ImportFailed(path, Message("files.read_failed", reason=os_error_reason(error))) from None
    except UnsafeArchive as unsafe:
        raise ImportFailed(path, Message(f"xlsx.{unsafe.key}", **unsafe.params)) from None
    except (_NotAWorkbook, zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise ImportFailed(path, Message("xlsx.not_workbook")) from None
    sheets: dict[str, Sheet] = {}
    for name, cells in formulas.items():
        saved = results.get(name, {})
        sheets[name] = {
            position: _Cell(value, saved.get(position, (None,))[0], data_type == "f", number_format)
            for position, (value, data_type, number_format) in cells.items()
        }
    return sheets


MAX_XML_PART = 16 * 1024 * 1024
"""The most a workbook's XML part may declare: openpyxl parses every sheet, the shared strings and the styles
whole (our workbook's largest is 24 KB; a style-laden one saved by Excel a few megabytes)."""
MAX_LIST_PART = 1024 * 1024
"""The most the styles and shared strings parts may declare: openpyxl makes an object of every entry they list,
twice (200,000 styles in 14 MB took 7 s and 380 MB, 700,000 strings in 15 MB 9 s); ours are 8 KB and none,
WPS's and Excel's re-saves of it some 50 KB each (the text sheet's lines become shared strings)."""
MAX_CELLS = 100_000
"""Non-empty cells of all sheets: our workbook has about 1,500."""
MAX_POSITIONS = 2_000_000
"""Cells and rows walked, empty ones included (openpyxl fills a row up to its last cell, a sheet up to its
last row): a stray cell in Excel's last row, 1,048,576, still fits."""


def _check_lists(archive: zipfile.ZipFile) -> None:
    for info in archive.infolist():
        listing = info.filename.lower().endswith(("styles.xml", "sharedstrings.xml"))
        if listing and info.file_size > MAX_LIST_PART:
            raise UnsafeArchive("bomb", part=info.filename[-60:], limit=MAX_LIST_PART // (1024 * 1024))


def _not_a_workbook() -> tuple[type[BaseException], ...]:
    from xml.etree.ElementTree import ParseError

    from lxml.etree import XMLSyntaxError
    from openpyxl.utils.exceptions import InvalidFileException

    # What openpyxl lets through on a damaged or crafted package: its own, the XML parsers' (an undefined
    # entity, a DTD that expands too much), the zip reader's, and what its element classes make of nonsense.
    return (
        InvalidFileException, ParseError, XMLSyntaxError, zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error,
        EOFError, NotImplementedError, KeyError, ValueError, TypeError, IndexError, AttributeError, OverflowError,
    )  # fmt: skip


class _NotAWorkbook(Exception):
    pass


def _sheets(path: Path, file: Any, *, data_only: bool) -> dict[str, dict[tuple[int, int], tuple[Any, str, str]]]:
    """(value, data type, number format) of every non-empty cell by position, by sheet; raises ImportFailed past
    the limits above, _NotAWorkbook when openpyxl cannot read the file."""
    from openpyxl import load_workbook

    file.seek(0)
    try:
        workbook = load_workbook(file, read_only=True, data_only=data_only)
    except _not_a_workbook():
        raise _NotAWorkbook from None
    try:
        sheets: dict[str, dict[tuple[int, int], tuple[Any, str, str]]] = {}
        cells = positions = 0
        for sheet in workbook.worksheets:
            found: dict[tuple[int, int], tuple[Any, str, str]] = {}
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()  # what a sheet declares of its size is not believed: rows are not padded to it
            for row in sheet.iter_rows():
                positions += max(len(row), 1)
                if positions > MAX_POSITIONS:
                    raise ImportFailed(path, Message("xlsx.too_many_cells", sheet=sheet.title))
                for c in row:
                    if getattr(c, "value", None) is None:
                        continue
                    cells += 1
                    if cells > MAX_CELLS:
                        raise ImportFailed(path, Message("xlsx.too_many_cells", sheet=sheet.title))
                    found[(c.row, c.column)] = (c.value, c.data_type, c.number_format or "General")
            sheets[sheet.title] = found
        return sheets
    except _not_a_workbook():
        raise _NotAWorkbook from None
    finally:
        workbook.close()


def _text(cell: _Cell | None) -> str:
    """A label cell's text, without the spaces and line breaks a spreadsheet adds or keeps."""
    if cell is None or cell.value is None:
        return ""
    return "".join(str(cell.value).split())


# -- the tables -------------------------------------------------------------------------------------


def _labels(grid: Grid) -> list[tuple[int, int, str]]:
    return [(c.row, c.column, "".join(c.text.split())) for c in grid.cells if c.cell is None and c.text]


def _place(sheet: Sheet, grid: Grid) -> tuple[int, int] | None:
    """Where the grid's top-left is on `sheet`: found by its first label, then every label checked."""
    labels = _labels(grid)
    first_row, first_column, first_text = labels[0]
    for (row, column), cell in sheet.items():
        if _text(cell) != first_text:
            continue
        top, left = row - first_row, column - first_column
        if all(_text(sheet.get((top + r, left + c))) == text for r, c, text in labels):
            return top, left
    return None


def _first_difference(sheet: Sheet, grid: Grid) -> tuple[str, str, str]:
    """The first label that is not where the exported layout puts it: (cell name, expected, found)."""
    from openpyxl.utils import get_column_letter

    for r, c, text in _labels(grid):
        position = (GRID_TOP + r, GRID_LEFT + c)
        found = _text(sheet.get(position))
        if found != text:
            return f"{get_column_letter(position[1])}{position[0]}", text, found
    return "", "", ""  # pragma: no cover - _place would have found the grid


def _locate(path: Path, sheets: Mapping[str, Sheet], table: Table) -> tuple[str, Sheet, tuple[int, int]] | None:
    """The sheet holding `table` and its offset: the sheet of its name, else any sheet with its layout."""
    grid = table_grid(table)
    name = table_sheet_name(table)
    own = sheets.get(name)
    candidates = [(name, own)] if own is not None else []
    candidates += [(other, cells) for other, cells in sheets.items() if other != name]
    for sheet_name, cells in candidates:
        offset = _place(cells, grid)
        if offset is not None:
            return sheet_name, cells, offset
    if own is not None:
        cell, expected, found = _first_difference(own, grid)
        raise ImportFailed(
            path, Message("xlsx.layout_changed", sheet=name, cell=cell, expected=expected, found=found or "—")
        )
    return None


def figure_text(value: Any, number_format: str = "General", *, amount: bool = False) -> str:
    """A spreadsheet value as the text a clerk would have typed: 12 → "12", 12.0 → "12", 2.02 → "2.02",
    -3 → "-3", and for an amount shown with fixed places ("0.0000") → "2.0200"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(Decimal(repr(value)), "f")
        places = _FIXED_PLACES.fullmatch(number_format)
        if amount and places and value >= 0:
            try:
                exact = Decimal(text)
                fixed = exact.quantize(Decimal(1).scaleb(-len(places.group(1))))
                if fixed == exact:
                    text = format(fixed, "f")
            except InvalidOperation:
                pass
        return text
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _read_tables(path: Path, sheets: Mapping[str, Sheet], report: Report, notes: list[ImportNote]) -> dict:
    fmt = report.format
    found: dict[str, dict[Cell, Value]] = {}
    for section in fmt.sections:
        if not section.table:
            continue
        table = fmt.tables[section.table]
        located = _locate(path, sheets, table)
        if located is None:
            notes.append(ImportNote("missing", Message("xlsx.table_missing", table=table.short)))
            continue
        sheet_name, sheet, (top, left) = located
        found[table.id] = _table_values(table, sheet, top, left, report, sheet_name, notes)
    return found


def _table_values(
    table: Table, sheet: Sheet, top: int, left: int, report: Report, sheet_name: str, notes: list[ImportNote]
) -> dict[Cell, Value]:
    grid = table_grid(table)
    data = report.tables[table.id]
    values: dict[Cell, Value] = {}
    blanks: list[str] = []
    figures = computed = 0
    for printed in grid.cells:
        if printed.cell is None:
            continue
        cell = sheet.get((top + printed.row, left + printed.column))
        column = table.column(*printed.cell)
        raw = None if cell is None else (cell.result if cell.formula else cell.value)
        if cell is not None and cell.formula and raw is None and not data.is_total(printed.cell):
            notes.append(
                ImportNote("blank", Message("xlsx.formula_without_result", cell=table.cell_label(*printed.cell)))
            )
        text = figure_text(raw, cell.number_format if cell else "General", amount=column.type is ValueType.AMOUNT)
        value = parse_value(column, text, report.format)
        values[printed.cell] = value
        if isinstance(value, Invalid):
            label = table.cell_label(*printed.cell)
            notes.append(
                ImportNote("format", Message("xlsx.invalid_figure", cell=label, text=value.text, reason=value.reason))
            )
        elif value is not None:
            figures += 1
        elif data.is_total(printed.cell):
            computed += 1
        else:
            blanks.append(table.cell_label(*printed.cell))
    read = Message("xlsx.read_figures", table=table.short, sheet=sheet_name, count=figures)
    if computed:
        read = Message("xlsx.read_figures_totals", table=table.short, sheet=sheet_name, count=figures, totals=computed)
    notes.append(ImportNote("read", read))
    if blanks:
        shown = "、".join(blanks[:_SHOWN_BLANKS]) + ("…" if len(blanks) > _SHOWN_BLANKS else "")
        notes.append(
            ImportNote("blank", Message("xlsx.blank_cells", table=table.short, count=len(blanks), cells=shown))
        )
    return values


# -- basic information and text -----------------------------------------------------------------------


def _column(sheet: Sheet, column: int, first_row: int) -> Iterable[tuple[int, _Cell]]:
    for (row, col), cell in sorted(sheet.items()):
        if col == column and row >= first_row:
            yield row, cell


def _format_named(name: str, notes: list[ImportNote]) -> Format:
    for candidate in format_names():
        try:
            fmt = load_format(candidate)
        except FormatError:
            continue
        if fmt.name == name or fmt.id == name:
            return fmt
    fmt = load_format()
    if name:
        notes.append(ImportNote("format", Message("xlsx.unknown_format", name=name, used=fmt.name)))
    return fmt


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.fullmatch(str(value).strip()) if value is not None else None
    if match:
        try:
            return dt.date(*(int(group) for group in match.groups()))
        except ValueError:
            return None
    return None


def _report_from_info(path: Path, sheet: Sheet, notes: list[ImportNote]) -> Report:
    given = {_text(label): sheet.get((row, 2)) for row, label in _column(sheet, 1, INFO_FIRST_ROW)}
    fmt = _format_named(_text(given.get(format_label())), notes)
    labels = info_labels(fmt)
    raw = {
        name: (given.get("".join(labels[name].split())) or _Cell(None, None, False, "")).value for name in INFO_FIELDS
    }
    year_text = figure_text(raw["year"]).strip()
    if not year_text.isdigit() or not 1900 < int(year_text) < 3000:
        raise ImportFailed(path, Message("xlsx.bad_year", label=labels["year"], value=year_text or "—"))
    kinds = {kind.label: kind.id for kind in fmt.agency_kinds} | {kind.id: kind.id for kind in fmt.agency_kinds}
    kind_text = str(raw["agency_kind"] or "").strip()
    kind = kinds.get(kind_text)
    if kind is None:
        kind = fmt.default_agency_kind
        default = fmt.agency_kind(kind).label
        notes.append(
            ImportNote(
                "format",
                Message("xlsx.unknown_kind", label=labels["agency_kind"], value=kind_text or "—", used=default),
            )
        )
    signed = _date(raw["signed_on"])
    if signed is None and raw["signed_on"] not in (None, ""):
        notes.append(
            ImportNote("format", Message("xlsx.bad_date", label=labels["signed_on"], value=str(raw["signed_on"])))
        )
    agency = "" if raw["agency"] is None else str(raw["agency"]).strip()
    return Report(fmt, agency=agency, agency_kind=kind, year=int(year_text), signed_on=signed)


def _read_text(sheet: Sheet, report: Report, notes: list[ImportNote]) -> None:
    """The narrative from the text sheet: a row naming a part (column A) or a sub-head (B, C) starts it, the rows
    below continue it, a line per row (a missing row is an empty line)."""
    fmt = report.format
    preamble = fmt.field_label("preamble").text()
    headings = {"".join(s.heading.split()): s.id for s in fmt.sections}
    end = words("text_end")
    last = max((row for row, _ in sheet), default=TEXT_FIRST_ROW - 1)
    texts: dict[str | None, list[str]] = {}
    subsections: dict[str, list[tuple[str, list[str]]]] = {}
    lines: list[str] | None = None
    section: str | None = None
    for row in range(TEXT_FIRST_ROW, last + 1):
        part, number, title, line = (sheet.get((row, column)) for column in (1, 2, 3, 4))
        name = _text(part)
        if name == end:
            break
        line_text = "" if line is None or line.value is None else str(line.value)
        if name:
            if name == "".join(preamble.split()):
                section, lines = None, texts.setdefault(None, [])
            elif name in headings:
                section = headings[name]
                lines = texts.setdefault(section, [])
                subsections.setdefault(section, [])
            else:
                notes.append(ImportNote("unmapped", Message("xlsx.unknown_part", row=row, text=str(part.value))))
                lines = None
                continue
        elif _text(number) or (title is not None and title.value is not None):
            if section is None:
                notes.append(ImportNote("unmapped", Message("xlsx.unknown_part", row=row, text=_text(number))))
                lines = None
                continue
            lines = []
            subsections[section].append(("" if title is None or title.value is None else str(title.value), lines))
        if lines is not None:
            lines.append(line_text)
    report.preamble = "\n".join(texts.get(None, []))
    for section_id in headings.values():
        if section_id in texts:
            report.narratives[section_id] = Narrative(
                "\n".join(texts[section_id]),
                [Subsection(title, "\n".join(body)) for title, body in subsections.get(section_id, [])],
            )
