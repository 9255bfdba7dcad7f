"""The 问题 panel: the findings, grouped (errors, what is still to fill in, warnings, explained warnings), and
beside them what the selected one proposes: 「改为6」, 「恢复自动计算」, 「未发生的事项填0」, 「说明…」.

Enter or a double-click shows where a finding is; Esc goes back to where the clerk was. The panel forwards
each intent to its `handler` (the window), which turns it into an undoable edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QTreeView, QVBoxLayout, QWidget

from govform.domain.report import CellRef
from govform.domain.rules import Finding
from govform.ui.problems_model import FINDING_ROLE, FINDINGS_ROLE, KEY_ROLE, ProblemsModel

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QPaintEvent

    from govform.domain.fixes import Fix
    from govform.ui.problems_details import Details


class Handler(Protocol):
    def reveal(self, finding: Finding) -> None: ...

    def leave_problems(self) -> None: ...

    def apply_fix(self, fix: Fix) -> None: ...

    def restore_total(self, cell: CellRef) -> None: ...

    def fill_blanks(self, tables: list[str]) -> None: ...

    def explain(self, finding: Finding) -> None: ...

    def problems_filter_changed(self) -> None: ...


class ProblemsView(QTreeView):
    """The findings tree: Enter or a double-click on a finding shows it; Esc goes back to the report."""

    def __init__(self, handler: Handler, parent: QWidget | None = None):
        super().__init__(parent)
        self._handler = handler
        self.filtered = False  # only the current tab's findings are listed
        # A viewport of our own making, so that painting on it needs no `viewport()`: PySide answers that
        # (a QWidget made by Qt) by loading every widget class it has, ~50 M instructions of start-up.
        self._port = QWidget()
        self.setViewport(self._port)
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setExpandsOnDoubleClick(False)  # a double-click activates: a group opens at its first finding
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("问题列表"))
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)  # the panel may be made small
        self.activated.connect(self._on_activated)

    def _on_activated(self, index: QModelIndex) -> None:
        """A finding: show where it is. A group: open it and go to its first finding."""
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self._handler.reveal(finding)
            return
        if self.model().rowCount(index):
            self.expand(index)
            self.setCurrentIndex(self.model().index(0, 0, index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._handler.leave_problems()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """An empty list says why it is empty, as a placeholder does, rather than being a blank box."""
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount():
            return
        from PySide6.QtGui import QPainter, QPalette  # wanted once the list is empty

        text = (
            self.tr("当前标签页没有问题。")
            if self.filtered
            else self.tr("没有发现问题。填写时，错误和警告会列在这里。")
        )
        painter = QPainter(self._port)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = self.fontMetrics().horizontalAdvance("信") // 2
        box = self._port.rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, text)
        painter.end()


class ProblemsPanel(QWidget):
    """The tree of findings with a filter to the current tab, and the selected finding's proposals."""

    def __init__(self, handler: Handler, parent: QWidget | None = None):
        super().__init__(parent)
        self.handler = handler
        self.view = ProblemsView(handler)
        self.only_current: QCheckBox | None = None  # made with the first finding: a filter of nothing is noise
        self._details: Details | None = None
        self._expanded: set[str] = set()
        self._current_key: str | None = None
        self._column = column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view, 1)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(4, 0, 4, 4)
        self._row.addLayout(column, 3)
        self.setFocusProxy(self.view)

    def only_current_tab(self) -> bool:
        """Whether the clerk asked to see only the current tab's findings."""
        return self.only_current is not None and self.only_current.isChecked()

    def _add_filter(self) -> None:
        self.only_current = QCheckBox(self.tr("只看当前标签页(&O)"))
        self.only_current.setToolTip(self.tr("只列出当前标签页中的问题"))
        self.only_current.toggled.connect(self._filter_toggled)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addStretch(1)
        top.addWidget(self.only_current)
        self._column.insertLayout(0, top)

    def _filter_toggled(self, checked: bool) -> None:
        self.view.filtered = checked
        self.handler.problems_filter_changed()

    def model(self) -> ProblemsModel | None:
        model = self.view.model()
        return model if isinstance(model, ProblemsModel) else None

    def setModel(self, model: ProblemsModel) -> None:
        self.view.setModel(model)
        self._expanded.clear()
        model.modelAboutToBeReset.connect(self._remember)
        model.modelReset.connect(self._restore)
        self.view.selectionModel().currentChanged.connect(self._show_current)
        self.view.expanded.connect(lambda index: self._expanded.add(index.data(KEY_ROLE)))
        self.view.collapsed.connect(lambda index: self._expanded.discard(index.data(KEY_ROLE)))
        if self.only_current is None and model.rowCount():
            self._add_filter()
        self._show_current(self.view.currentIndex())

    def _remember(self) -> None:
        current = self.view.currentIndex()
        self._current_key = current.data(KEY_ROLE) if current.isValid() else None

    def _restore(self) -> None:
        model = self.model()
        if model is None:
            return
        if self.only_current is None and model.rowCount():
            self._add_filter()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(KEY_ROLE) in self._expanded:
                self.view.expand(index)
            if self._current_key is not None:
                for found in (index, *(model.index(r, 0, index) for r in range(model.rowCount(index)))):
                    if found.data(KEY_ROLE) == self._current_key:
                        self.view.setCurrentIndex(found)
        self._show_current(self.view.currentIndex())

    def _show_current(self, index: QModelIndex) -> None:
        findings = index.data(FINDINGS_ROLE) if index.isValid() else None
        if not findings and self._details is None:
            return
        if self._details is None:
            from govform.ui.problems_details import Details  # made when a finding is first chosen

            self._details = Details(self.handler, self)
            self._row.addWidget(self._details, 2)
        model = self.model()
        self._details.show_entry(model.report if model else None, index)
        previous: QWidget = self.view  # Tab from the list goes through the proposals, Shift+Tab back
        for button in self._details.buttons():
            QWidget.setTabOrder(previous, button)
            previous = button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc on a proposal (or the filter) goes back to where the clerk was, as it does from the list."""
        if event.key() == Qt.Key.Key_Escape:
            self.handler.leave_problems()
            return
        super().keyPressEvent(event)
