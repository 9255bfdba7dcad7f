"""An open project: the report, where it is saved, and its undo stack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from govform.domain.report import Report

UNTITLED = "未命名.govform"


class Document:
    """One open report with its own undo stack; "unsaved" means the stack is away from its clean state."""

    def __init__(self, report: Report, path: Path | None = None, *, name: str | None = None):
        self.report = report
        self.path = path  # None: untitled, or the shipped sample, which must never be overwritten
        self._name = name
        self.stack = QUndoStack()
        self.typing_session = 0  # bumped when an editor gains focus: typing merges only within one visit

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self._name or UNTITLED

    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.stack.setClean()

    def mark_unsaved(self) -> None:
        """For a report restored from the recovery journal: it differs from every file on disk."""
        self.stack.resetClean()
