"""The problems panel: every finding, errors first; activating one shows where it is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from govform.domain.messages import Message
from govform.domain.rules import Finding
from govform.ui import look
from govform.ui.checker import Checker

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsModel(QAbstractListModel):
    """The checker's findings as a list (validate already puts errors first)."""

    def __init__(self, checker: Checker, parent: QObject | None = None):
        super().__init__(parent)
        self._checker = checker
        self._findings: list[Finding] = list(checker.findings)
        checker.findingsChanged.connect(self._on_findings)

    def detach(self) -> None:
        self._checker.findingsChanged.disconnect(self._on_findings)

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
            severity = Message(f"severity.{finding.severity}")
            return str(Message("cli.finding", severity=severity, code=finding.code, message=finding.message))
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(finding.message)
        if role == Qt.ItemDataRole.DecorationRole:
            return look.severity_icon(finding.severity)
        if role == FINDING_ROLE:
            return finding
        return None


class ProblemsView(QListView):
    """Double-click or Enter on a finding asks to show it."""

    reveal = Signal(object)  # the Finding

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("问题列表"))
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.reveal.emit(finding)
