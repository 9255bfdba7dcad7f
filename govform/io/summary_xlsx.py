"""The batch check's summary workbook: a sheet with one row per file, worst first, and a sheet of every finding.

Both sheets have their header frozen and a filter on every column, so the office can sort by agency or pick
out one rule; each file name links to the file (relative to the workbook when the file is beside or below
it, so a folder moved with its summary keeps its links). Words are in the language of the run.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govform.domain.messages import Message
from govform.io.checked import CheckedReport
from govform.io.files import os_error_reason, refuse_to_replace, shown_name, write_atomically
from govform.io.registry import ExportError
from govform.io.xlsx_export import save_workbook

__all__ = ["summary_refusal", "write_summary"]

_SURROGATES = re.compile("[\ud800-\udfff]")
FIRST_FINDINGS = 3  # findings shown in a file's row; the findings sheet has them all
BOLD = Font(bold=True)
WRAP = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")
STATUS_FILLS = {
    "unreadable": PatternFill("solid", fgColor="F4B6B6"),
    "errors": PatternFill("solid", fgColor="FCE4D6"),
    "warnings": PatternFill("solid", fgColor="FFF2CC"),
    "clean": PatternFill("solid", fgColor="E2EFDA"),
}
REPORT_COLUMNS = (  # name, width
    ("status", 10),
    ("file", 36),
    ("agency", 30),
    ("year", 7),
    ("kind", 12),
    ("format", 22),
    ("errors", 7),
    ("warnings", 7),
    ("first", 80),
    ("folder", 30),
)
FINDING_COLUMNS = (
    ("file", 36),
    ("severity", 8),
    ("code", 7),
    ("words", 18),
    ("table", 7),
    ("where", 40),
    ("figures", 26),
    ("message", 90),
)
LINE_POINTS = 15.0


def summary_refusal(path: Path | str, checked: Sequence[Path | str] = ()) -> Message | None:
    """Why the summary may not be written at `path`, else None: it is a workbook (.xlsx), and never written
    over one of the `checked` files, a project file, a read-only file or anything but a regular file (what
    export never replaces). Asked before a run, so that a mistyped name costs neither a report nor the run."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return Message("batch.summary_not_xlsx", suffix=path.suffix or "—")
    if any(_same_file(path, Path(other)) for other in checked):
        return Message("batch.summary_is_checked")
    return refuse_to_replace(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def write_summary(reports: Sequence[CheckedReport], path: Path | str, language: str) -> None:
    """Write the summary of `reports` at `path`, atomically; raises ExportError (also for what
    summary_refusal refuses)."""
    path = Path(path)
    refusal = summary_refusal(path, [report.path for report in reports])
    if refusal is not None:
        raise ExportError(path, refusal)
    workbook = Workbook()
    ordered = sorted(reports, key=lambda r: (r.badness(), r.path))
    _reports_sheet(workbook.active, ordered, path.parent, language)
    _findings_sheet(workbook.create_sheet(), ordered, path.parent, language)
    try:
        write_atomically(path, lambda out: save_workbook(workbook, out))
    except OSError as error:
        raise ExportError(path, os_error_reason(error, writing=True)) from error


def _words(key: str, language: str, **params: object) -> str:
    return Message(key, **params).text(language)


def _clean(value: object) -> object:
    if isinstance(value, str):
        return _SURROGATES.sub("\ufffd", ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _absolute(path: str | Path) -> Path:
    """`path` from the root, as named: symbolic links are not followed (one may loop, or point nowhere)."""
    return Path(os.path.abspath(path))


def _link(file: str, base: Path) -> str:
    """The file as a hyperlink target: relative to the workbook's folder when it is there or below."""
    target = _absolute(file)
    try:
        relative = target.relative_to(_absolute(base)).as_posix()
    except ValueError:
        return target.as_uri()
    # A name that is not UTF-8 (a zip from Windows unpacked here) or holds a control character has no form a
    # workbook can hold as text: the link spells its bytes, percent-encoded.
    return relative if relative.isprintable() and not _SURROGATES.search(relative) else target.as_uri()


def _folder(file: str, base: Path) -> str:
    """The file's folder, relative to the workbook's when below it ("" when beside it)."""
    folder = _absolute(file).parent
    try:
        relative = folder.relative_to(_absolute(base))
    except ValueError:
        return shown_name(folder)
    return "" if relative == Path() else shown_name(relative.as_posix())


def _header(sheet: Worksheet, columns: tuple[tuple[str, int], ...], prefix: str, language: str) -> None:
    for index, (name, width) in enumerate(columns, start=1):
        cell = sheet.cell(1, index, _words(f"{prefix}.{name}", language))
        cell.font = BOLD
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _finish(sheet: Worksheet, columns: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(sheet.max_row, 2)}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _lines(text: str, width: int) -> int:
    per_line = max(1, int(width / 2))  # Chinese characters take two width units
    return sum(max(1, math.ceil(len(line) / per_line)) for line in text.split("\n"))


def _file_cell(sheet: Worksheet, row: int, column: int, report: CheckedReport, base: Path) -> None:
    cell = sheet.cell(row, column, _clean(shown_name(Path(report.path).name)))
    cell.hyperlink = _link(report.path, base)
    cell.style = "Hyperlink"
    cell.alignment = TOP


def _reports_sheet(sheet: Worksheet, reports: Sequence[CheckedReport], base: Path, language: str) -> None:
    sheet.title = _words("batch.sheet.reports", language)
    _header(sheet, REPORT_COLUMNS, "batch.column", language)
    first_width = dict(REPORT_COLUMNS)["first"]
    for row, report in enumerate(reports, start=2):
        if report.problem is not None:
            first = report.problem
        else:
            shown = [
                _words(
                    "cli.finding", language, severity=Message(f"severity.{f.severity}"), code=f.code, message=f.message
                )
                for f in report.findings[:FIRST_FINDINGS]
            ]
            if len(report.findings) > FIRST_FINDINGS:
                shown.append(_words("batch.more", language, count=len(report.findings) - FIRST_FINDINGS))
            first = "\n".join(shown)
        values = {
            "status": _words(f"batch.status.{report.status}", language),
            "agency": report.agency,
            "year": report.year,
            "kind": report.kind,
            "format": report.format,
            "errors": report.errors if report.readable else None,
            "warnings": report.warnings if report.readable else None,
            "first": first,
            "folder": _folder(report.path, base),
        }
        for column, (name, _) in enumerate(REPORT_COLUMNS, start=1):
            if name == "file":
                _file_cell(sheet, row, column, report, base)
                continue
            cell = sheet.cell(row, column, _clean(values[name]))
            cell.alignment = WRAP if name == "first" else TOP
        sheet.cell(row, 1).fill = STATUS_FILLS[report.status]
        sheet.row_dimensions[row].height = _lines(first, first_width) * LINE_POINTS
    _finish(sheet, len(REPORT_COLUMNS))


def _findings_sheet(sheet: Worksheet, reports: Sequence[CheckedReport], base: Path, language: str) -> None:
    sheet.title = _words("batch.sheet.findings", language)
    _header(sheet, FINDING_COLUMNS, "batch.finding_column", language)
    message_width = dict(FINDING_COLUMNS)["message"]
    row = 2
    for report in reports:
        for finding in report.findings:
            values = {
                "severity": _words(f"severity.{finding.severity}", language),
                "code": finding.code,
                "words": finding.words,
                "table": finding.table,
                "where": finding.where,
                "figures": finding.figures_text,
                "message": finding.message,
            }
            for column, (name, _) in enumerate(FINDING_COLUMNS, start=1):
                if name == "file":
                    _file_cell(sheet, row, column, report, base)
                    continue
                cell = sheet.cell(row, column, _clean(values[name]))
                cell.alignment = WRAP if name in ("message", "where") else TOP
            sheet.row_dimensions[row].height = _lines(finding.message, message_width) * LINE_POINTS
            row += 1
    _finish(sheet, len(FINDING_COLUMNS))
