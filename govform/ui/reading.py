"""Reports read from the files the clerk picks: a document imported as a new report, this year's report begun
from last year's, last year's report to compare with. The controller's part, decisions only (tested with the
fake view); loaded when the clerk first does one of these, not when the window opens.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from govform.domain.format import FormatError
from govform.domain.report import CellRef, PreviousYear, Report
from govform.io import registry
from govform.io.project import SUFFIX, ProjectError
from govform.ui import words
from govform.ui.answers import FileChoice

if TYPE_CHECKING:
    from govform.ui.controller import View


class Reading(enum.Enum):
    """Why the clerk is asked for a report to read (the file dialog's title follows)."""

    IMPORT = "import"  # 文件 › 导入 Word 报告: a document becomes a new report
    START_FROM = "start_from"  # 文件 › 从上年报告新建
    PREVIOUS = "previous"  # 工具 › 指定上年报告: what the rules across years compare with


class NoteLine(NamedTuple):
    """One line of an import report as the window shows it."""

    kind: str  # one of govform.io.registry.NOTE_KINDS
    text: str  # in the window's language
    similarity: float | None  # how alike a label matched below exact was, 0..1
    cells: tuple[CellRef, ...]  # the cells it is about ("show me" goes to the first)
    section: str | None  # the section it is about
    field: str | None = None  # the field of the basic information it is about (a particular inferred)


class ImportReport(NamedTuple):
    """What an import said about the document it read, kept while the report read from it is open."""

    source: str  # the name of the file read
    kinds: tuple[str, ...]  # every kind of note, in the order the window groups them
    notes: tuple[NoteLine, ...]


def import_kinds() -> list[FileChoice]:
    """The documents a report can be imported from, as the registry of importers has them."""
    return [FileChoice(suffix, words.text(kind.name)) for suffix, kind in registry.IMPORTERS.items()]


def report_kinds() -> list[FileChoice]:
    """What last year's report can be read from: a project, or any document an importer reads."""
    return [FileChoice(SUFFIX, words.translate("Controller", "年报项目")), *import_kinds()]


def accepts(path: Path) -> bool:
    """Whether `path` is a project or a document an importer reads (what the window accepts dropped)."""
    return path.suffix.lower() == SUFFIX or path.suffix.lower() in registry.IMPORTERS


def read(view: View, path: Path) -> registry.ImportResult | None:
    """The report in a project or a document, with its import notes; None (and why shown) if it cannot be read."""
    try:
        return registry.read_report(path)
    except (registry.ImportFailed, registry.UnknownKind, ProjectError) as error:
        view.show_error(words.text(error.message))
        return None


FIELD_OF_NOTE = {
    "import.note.date_read": "signed_on",
    "import.note.agency_from_signature": "agency",
    "import.note.year_from_period": "year",
    "import.note.year_from_date": "year",
    "import.note.kind_guessed": "agency_kind",
    "import.note.kind_unknown": "agency_kind",
}
"""The field of the basic information each kind of inferred particular is about (where "show me" goes)."""


def import_report(path: Path, notes: list[registry.ImportNote]) -> ImportReport:
    lines = tuple(
        NoteLine(n.kind, words.text(n.message), n.similarity, n.cells, n.section, FIELD_OF_NOTE.get(n.message.key))
        for n in notes
    )
    return ImportReport(path.name, tuple(registry.NOTE_KINDS), lines)


def start_from(view: View, path: Path) -> tuple[Report, ImportReport | None] | None:
    """This year's report begun from last year's at `path`, with the import report when it was a document."""
    from govform.domain import previous

    result = read(view, path)
    if result is None:
        return None
    try:
        report = previous.start_from(result.report, source=path.name)
    except FormatError as error:
        view.show_error(words.text(error.message))
        return None
    return report, None if path.suffix.lower() == SUFFIX else import_report(path, result.notes)


def previous_year(view: View, path: Path, report: Report) -> PreviousYear | None:
    """What `report` keeps of the report at `path` for the rules across years; a report of another year than the
    one before is used only if the clerk says so. None: not read, or not wanted."""
    from govform.domain.previous import previous_of

    result = read(view, path)
    if result is None:
        return None
    last = result.report
    if last.year != report.year - 1:
        question = words.translate(
            "Controller",
            "“{name}”是{found}年度的报告，而本报告是{year}年度的，上一年度应是{expected}年度。仍要与它对照吗？",
        )
        text = question.format(name=path.name, found=last.year, year=report.year, expected=report.year - 1)
        if not view.ask_use_previous(text):
            return None
    return previous_of(last, report.format, source=path.name)
