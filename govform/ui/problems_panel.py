"""The 问题 panel: every finding, errors first; activating one shows where it is."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from govform.ui.problems_model import FINDING_ROLE


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
