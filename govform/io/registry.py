"""The kinds of file govform writes and reads besides its project file, found by suffix.

The command line (`export -o NAME.ext`, `import FILE`), the window's controller and its menus ask here;
nothing outside govform.io names a document type. Each entry names the module that does the work, imported
only when a file of that kind is written or read (python-docx and openpyxl stay off the start-up path).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from govform.domain.messages import Message
from govform.domain.report import CellRef, Report
from govform.io.export_fonts import STANDARD_FONTS, ExportFonts
from govform.io.files import refuse_to_replace, shown_name


class ExportError(Exception):
    """A document could not be written; `message` names the file and the problem (str: in Chinese)."""

    def __init__(self, path: Path | str, problem: Message):
        self.path = Path(path)
        self.problem = problem
        self.message = Message("export.cannot_export", name=shown_name(self.path.name), problem=problem)
        super().__init__(str(self.message))


class ImportFailed(Exception):
    """A document could not be read as a report; `message` names the file and the problem."""

    def __init__(self, path: Path | str, problem: Message):
        self.path = Path(path)
        self.problem = problem
        self.message = Message("import.cannot_import", name=shown_name(self.path.name), problem=problem)
        super().__init__(str(self.message))


@dataclass(slots=True)
class ExportOptions:
    """What the clerk chose for an export (the window's settings, the command line's flags)."""

    fonts: ExportFonts = STANDARD_FONTS
    # Characters between the signature (agency and date) and the right margin: GB/T 9704 7.3.5 右空二字.
    signature_indent: int = 2


@dataclass(slots=True)
class ImportNote:
    """One line of an import report: what was read, matched, converted, left blank or not mapped, and why."""

    kind: str  # one of NOTE_KINDS
    message: Message
    cells: tuple[CellRef, ...] = ()  # the cells it is about (a blank, a conversion, a column not found)
    similarity: float | None = None  # for a label matched below exact: how alike, 0..1
    section: str | None = None  # the section it is about, when it is about one


NOTE_KINDS = {
    "format": "the report format recognised (and what an old format lacks)",
    "read": "what was read",
    "matched": "a label (heading, row, column, block title) matched to the format's below exact, with similarity",
    "guessed": "a particular inferred: the agency kind from its name, the year, the agency from the signature",
    "converted": "a figure read from a form the format does not write: 0件, 251000元 in a 万元 cell",
    "blank": "cells left blank: blank, “/”, “—”, “无” (the rules then flag them)",
    "invalid": "a cell whose text is no figure, kept as text (the rules flag it)",
    "missing": "something the format has that the document lacks (a section, a table, a row, a date)",
    "picture": "a table printed as a picture or embedded object: nothing to read",
    "unmapped": "something in the document that is none of the format's (a table, a row, a column), not imported",
    "skipped": "text read as furniture, not narrative (a block title printed above its table)",
}
"""The kinds of ImportNote, for a window or a workbook to group or colour them by."""


@dataclass
class ImportResult:
    """A report read from a document, with the import report that says how it was read."""

    report: Report
    notes: list[ImportNote] = field(default_factory=list)


@dataclass(slots=True)
class FileKind:
    """A kind of document, by suffix: its name for menus and file dialogs, and the function that handles it."""

    suffix: str  # ".docx"
    name: Message  # "Word 文档"
    handler: str  # "module:function", imported when first used

    def function(self) -> Callable[..., Any]:
        module, name = self.handler.split(":")
        return getattr(importlib.import_module(module), name)


EXPORTERS: Mapping[str, FileKind] = MappingProxyType(
    {
        ".docx": FileKind(".docx", Message("io.kind.docx"), "govform.io.docx_export:export_docx"),
        ".xlsx": FileKind(".xlsx", Message("io.kind.xlsx"), "govform.io.xlsx_export:export_xlsx"),
        ".html": FileKind(".html", Message("io.kind.html"), "govform.io.html_export:export_html"),
        ".pdf": FileKind(".pdf", Message("io.kind.pdf"), "govform.io.pdf_export:export_pdf"),
    }
)
"""Writers: `function(report, path, options: ExportOptions) -> None`, raising ExportError."""

IMPORTERS: Mapping[str, FileKind] = MappingProxyType(
    {
        ".docx": FileKind(".docx", Message("io.kind.docx"), "govform.io.docx_import:import_docx"),
        ".xlsx": FileKind(".xlsx", Message("io.kind.xlsx"), "govform.io.xlsx_import:import_xlsx"),
    }
)
"""Readers: `function(path) -> ImportResult`, raising ImportFailed."""

PROJECT_SUFFIX = ".govform"


class UnknownKind(Exception):
    """No exporter or importer for a file's suffix; `message` names the suffixes there are."""

    def __init__(self, path: Path, message: Message):
        self.path = path
        self.message = message
        super().__init__(str(message))


def _kind(table: Mapping[str, FileKind], path: Path, refusal: str) -> FileKind:
    kind = table.get(path.suffix.lower())
    if kind is None:
        known = "、".join(sorted(table)) or "—"
        raise UnknownKind(
            path, Message(refusal, name=shown_name(path.name), suffix=shown_name(path.suffix) or "—", known=known)
        )
    return kind


def exporter(path: Path) -> FileKind:
    """The exporter for `path`'s suffix; raises UnknownKind when there is none."""
    return _kind(EXPORTERS, path, "export.unknown_suffix")


MAX_LINES = 20_000
"""Lines of text in a report that is exported (a long report has 500): every line is a paragraph of the DOCX,
a row of the workbook. A project holding far more (1,500,000 lines of preamble fit in 15 MB) took 4 GB to
export as DOCX and failed in the workbook (past Excel's 1,048,576 rows)."""
MAX_SUBHEADS = 1_000
MAX_AGENCY = 200
"""Characters of the agency's name (the longest real ones have 40; the title is set from it)."""


def export(report: Report, path: Path, options: ExportOptions | None = None, *, source: Path | None = None) -> None:
    """Write `report` to `path` as its suffix says; raises ExportError, or UnknownKind for an unknown suffix.

    Whatever the kind, nothing the clerk did not ask to replace is written over: a project file, `source`
    (the project being exported), a device or a pipe, or a read-only file (ExportError saying so). A report
    far larger than any (MAX_LINES, MAX_SUBHEADS, MAX_AGENCY) is not exported: what was pasted is to be checked."""
    kind = exporter(path)
    refusal = refuse_to_replace(path, source=source) or _beyond_any_report(report)
    if refusal is not None:
        raise ExportError(path, refusal)
    kind.function()(report, path, options or ExportOptions())


def _beyond_any_report(report: Report) -> Message | None:
    if len(report.agency) > MAX_AGENCY:
        return Message("export.agency_too_long", count=len(report.agency), limit=MAX_AGENCY)
    narratives = report.narratives.values()
    subheads = sum(len(narrative.subsections) for narrative in narratives)
    if subheads > MAX_SUBHEADS:
        return Message("export.too_many_subheads", count=subheads, limit=MAX_SUBHEADS)
    texts = [report.preamble, *(n.text for n in narratives), *(s.text for n in narratives for s in n.subsections)]
    lines = sum(text.count("\n") + 1 for text in texts) + subheads
    if lines > MAX_LINES:
        return Message("export.too_many_lines", count=lines, limit=MAX_LINES)
    return None


def importer(path: Path) -> FileKind:
    """The importer for `path`'s suffix; raises UnknownKind when there is none."""
    return _kind(IMPORTERS, path, "import.unknown_suffix")


def read_report(path: Path) -> ImportResult:
    """The report in a project file (.govform) or in any document an importer reads (its import report
    with it). Raises ProjectError for a project, ImportFailed for a document, UnknownKind for anything else."""
    if path.suffix.lower() == PROJECT_SUFFIX:
        from govform.io.project import load_project

        return ImportResult(load_project(path))
    return importer(path).function()(path)
