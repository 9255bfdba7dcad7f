"""The report's findings, kept current while the clerk types, and which cell or tab each one marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from govform.domain.format import Cell, Sum
from govform.domain.rules import Finding, explanation, is_missing, standing, validate
from govform.ui.document import Document

if TYPE_CHECKING:
    from govform.domain.report import Report

TEXT_DEBOUNCE_MS = 300


class Checker(QObject):
    """Re-validates at once after a cell or field changes, 300 ms after typing in a text, and with the
    text of an open cell editor as if it were entered (on a detached copy: the report is left untouched)."""

    findingsChanged = Signal()

    def __init__(self, document: Document, parent: QObject | None = None):
        super().__init__(parent)
        self.report = self._report = document.report
        self._document = document
        self._preview: tuple[str, Cell, str] | None = None
        self.previewed: Report | None = None  # the report as if the open editor's text were entered
        self._sum_rules = {rule.id for rule in self._report.format.rules if isinstance(rule, Sum)}
        self._timer = QTimer(self, singleShot=True, interval=TEXT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.findings: list[Finding] = []
        self.explanations: dict[int, str] = {}  # by the index of an explained warning in `findings`
        self._take(validate(self._report))
        signals = document.signals
        signals.cellsChanged.connect(self.refresh)
        signals.subsectionsChanged.connect(self.refresh)
        signals.explanationChanged.connect(self._on_explanation)
        signals.textChanged.connect(self._later)
        signals.metaChanged.connect(self._on_meta)

    def _later(self) -> None:
        """Typing in a text: check once the clerk pauses."""
        self._timer.start()

    def _on_meta(self, name: str) -> None:
        if name == "preamble":
            self._later()
        else:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        report = self._report
        if self._preview is not None:
            table_id, (row, column), text = self._preview
            report = report.with_cell(table_id, row, column, report.parse(table_id, row, column, text))
        self.previewed = report if self._preview is not None else None
        self._document.set_pending(self.previewed)
        findings = validate(report)
        if findings != self.findings:
            self._take(findings)
            self.findingsChanged.emit()

    def _take(self, findings: list[Finding]) -> None:
        self.findings = findings
        report = self._report
        self.explanations = {}
        if report.explanations:
            for index, finding in enumerate(findings):
                said = explanation(report, finding)
                if said is not None:
                    self.explanations[index] = said
        explained = {id(findings[index]) for index in self.explanations}
        self._states = {id(f): "explained" if id(f) in explained else standing(f) for f in findings}

    def state(self, finding: Finding) -> str:
        """ "error", "warning", "missing" (not filled in yet) or "explained" (a warning the clerk explained)."""
        return self._states.get(id(finding)) or str(finding.severity)

    def _on_explanation(self) -> None:
        self._take(self.findings)
        self.findingsChanged.emit()

    def preview(self, table_id: str, cell: Cell, text: str) -> None:
        """Check as if `text` were entered in that cell (an open editor's uncommitted text)."""
        self._preview = (table_id, cell, text)
        self.refresh()

    def end_preview(self) -> None:
        if self._preview is not None:
            self._preview = None
            self.refresh()

    def counts(self) -> tuple[int, int]:
        """Errors and warnings as `govform check` counts them (explained warnings apart)."""
        errors = sum(f.is_error for f in self.findings)
        return errors, len(self.findings) - errors - len(self.explanations)

    def tally(self) -> tuple[int, int, int, int]:
        """What the status bar says: (still to fill in, errors, warnings, explained warnings)."""
        standings = [standing(finding) for finding in self.findings]
        warnings = sum(s == "warning" and index not in self.explanations for index, s in enumerate(standings))
        return standings.count("missing"), standings.count("error"), warnings, len(self.explanations)

    def marked_cells(self, table_id: str) -> dict[Cell, list[Finding]]:
        """The findings each cell of a table shows. A sum finding marks its total, not all its parts."""
        marked: dict[Cell, list[Finding]] = {}
        for finding in self.findings:
            refs = [ref for ref in finding.cells if ref.table == table_id]
            if finding.rule in self._sum_rules:
                refs = refs[:1]
            for ref in refs:
                marked.setdefault(ref.cell, []).append(finding)
        return marked

    def missing_in(self, section_id: str | None) -> int:
        """What is still to fill in on a section's tab (None: the basic information)."""
        return sum(f.section == section_id and is_missing(f) for f in self.findings)

    def errors_in(self, section_id: str | None) -> int:
        """Errors belonging to a section's tab (None: the basic information), not counting what is still to
        be filled in: a tab not started yet is not a failure."""
        return sum(f.section == section_id and standing(f) == "error" for f in self.findings)
