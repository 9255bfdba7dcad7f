"""An open project: the report, where it is saved, its undo stack, and the one connection from the report
to Qt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from govform.domain.report import (
    CellsChanged,
    Change,
    ExplanationChanged,
    MetaChanged,
    Report,
    SubsectionsChanged,
    TextChanged,
)

UNTITLED = "未命名.govform"


class DocumentSignals(QObject):
    """Subscribes to the report once and re-emits every change as a typed Qt signal.

    Widgets and models connect to these signals, never to the report, so Qt disconnects them when they are
    destroyed: no widget needs a detach(), and no change can reach a deleted widget.
    """

    cellsChanged = Signal(str, object)  # table id, the tuple of cells whose value changed (totals included)
    metaChanged = Signal(str)  # the field of the basic information: agency, agency_kind, year, signed_on, preamble
    textChanged = Signal(str, object, str)  # section id, sub-head index (None: the section's own text), "text"/"title"
    subsectionsChanged = Signal(str, int)  # section id, the first sub-head renumbered
    explanationChanged = Signal(str)  # the subject of the warning whose explanation changed
    changed = Signal()  # after any of the above
    pendingChanged = Signal()  # what is being typed and not yet taken changed (Document.pending)

    def __init__(self, report: Report, parent: QObject | None = None):
        super().__init__(parent)
        report.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        match change:
            case CellsChanged(table, cells):
                self.cellsChanged.emit(table, cells)
            case MetaChanged(name):
                self.metaChanged.emit(name)
            case TextChanged(section, subsection, part):
                self.textChanged.emit(section, subsection, part)
            case SubsectionsChanged(section, index):
                self.subsectionsChanged.emit(section, index)
            case ExplanationChanged(subject):
                self.explanationChanged.emit(subject)
        self.changed.emit()


class Document:
    """One open report with its own undo stack; "unsaved" means the stack is away from its clean state."""

    def __init__(
        self,
        report: Report,
        path: Path | None = None,
        *,
        name: str | None = None,
        sample: bool = False,
        folder: Path | None = None,
    ):
        self.report = report
        self.path = path  # None: untitled, or the shipped sample, which must never be overwritten
        self.sample = sample  # the shipped sample, opened to look around: not the clerk's report yet
        self._name = name
        self.folder = folder  # where saving an untitled report suggests (an imported document's folder)
        self.read_only = False  # another window holds the project: saving asks for a new file
        self.signals = DocumentSignals(report)
        self.stack = QUndoStack(self.signals)
        self.typing_session = 0  # bumped when an editor gains focus: typing merges only within one visit
        self.pending: Report | None = None  # the report as what is being typed would make it (None: nothing)

    def set_pending(self, report: Report | None) -> None:
        """What an open cell editor or a date being typed would make of the report, before Enter takes it:
        the recovery journal keeps it, so a crash mid-typing loses none of it."""
        if report is not self.pending:
            self.pending = report
            self.signals.pendingChanged.emit()

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self._name or UNTITLED

    def rename(self, name: str) -> None:
        """The name an untitled report goes by (and Save offers), when its agency or year changed it."""
        self._name = name

    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.sample = False
        self.stack.setClean()

    def mark_unsaved(self) -> None:
        """For a report restored from the recovery journal or read from another file: it differs from every
        file on disk."""
        self.stack.resetClean()
