"""Where the report sits in govform's workbook, shared by the XLSX writer and reader so they cannot disagree.

The workbook has a sheet of basic information, one sheet per table laid out as printed (`table_grid`, merges
included) and a sheet of the narrative text, one line of text per row. The workbook is a document of the
report, so its words are Chinese whatever the program's language.
"""

from __future__ import annotations

from govform.domain.format import Format, Table
from govform.domain.messages import Message

TITLE_ROW, HEADING_ROW, HINT_ROW = 1, 2, 3
GRID_TOP, GRID_LEFT = 5, 1  # the printed grid's top-left cell (1-based, as spreadsheets count)
INFO_FIRST_ROW = 3  # basic information: label in column A, value in column B, from this row on
INFO_FIELDS = ("agency", "agency_kind", "year", "signed_on")  # the preamble is text: it is on the text sheet
TEXT_COLUMNS = ("section", "number", "subsection", "text")  # the text sheet's columns, A to D
TEXT_FIRST_ROW = 2  # below the column titles
EXCEL_MAX_TEXT = 32767  # characters in one cell


def words(key: str, **params: object) -> str:
    """A word of the workbook (sheet names, column titles), in Chinese: the report's language."""
    return Message(f"xlsx.{key}", **params).text()


def info_sheet_name() -> str:
    return words("sheet.info")


def text_sheet_name() -> str:
    return words("sheet.text")


def table_sheet_name(table: Table) -> str:
    return table.short


def format_label() -> str:
    return words("format_label")


def info_labels(fmt: Format) -> dict[str, str]:
    """The label of each basic-information row, by field."""
    return {name: fmt.field_label(name).text() for name in INFO_FIELDS}
