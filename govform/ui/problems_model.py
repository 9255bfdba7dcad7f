"""The report's findings as a list model for the 问题 panel (validate already puts errors first)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from govform.domain.messages import Message
from govform.domain.rules import Finding
from govform.ui import look, words
from govform.ui.checker import Checker

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


def finding_line(finding: Finding) -> str:
    """ "错误 R1：…" as `govform check` prints it, in the window's language."""
    severity = Message(f"severity.{finding.severity}")
    return words.text(Message("cli.finding", severity=severity, code=finding.code, message=finding.message))


class ProblemsModel(QAbstractListModel):
    """The checker's findings, refreshed whenever they change."""

    def __init__(self, checker: Checker, parent: QObject | None = None):
        super().__init__(parent)
        self._checker = checker
        self._findings: list[Finding] = list(checker.findings)
        checker.findingsChanged.connect(self._on_findings)

    def _on_findings(self) -> None:
        self.beginResetModel()
        self._findings = list(self._checker.findings)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return finding_line(finding)
        if role == Qt.ItemDataRole.ToolTipRole:
            return words.text(finding.message)
        if role == Qt.ItemDataRole.DecorationRole:
            return look.severity_icon(finding.severity)
        if role == FINDING_ROLE:
            return finding
        return None
