"""A statistics table's grid view: keys, copy and paste as in a spreadsheet, marked cells, sizing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from govform.domain import sheet
from govform.domain.format import Cell
from govform.domain.layout import GridCell
from govform.ui import look
from govform.ui.table_model import SEVERITY_ROLE, TableModel

Index = QModelIndex | QPersistentModelIndex

_MOVES = {
    QAbstractItemView.CursorAction.MoveUp: sheet.Move.UP,
    QAbstractItemView.CursorAction.MoveDown: sheet.Move.DOWN,
    QAbstractItemView.CursorAction.MoveLeft: sheet.Move.LEFT,
    QAbstractItemView.CursorAction.MoveRight: sheet.Move.RIGHT,
    QAbstractItemView.CursorAction.MoveNext: sheet.Move.NEXT,
    QAbstractItemView.CursorAction.MovePrevious: sheet.Move.PREVIOUS,
}


class CellDelegate(QStyledItemDelegate):
    """A right-aligned line editor that checks as the clerk types; marked cells get a border too."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        model = index.model()
        persistent = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: model.preview(persistent, text))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        # Findings change while typing and re-announce the cell: never overwrite what is being typed.
        if isinstance(editor, QLineEdit) and not editor.isModified():
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Enter commits at once (Qt queues it), so the figure is in the report when the cursor moves down.
        if (
            isinstance(editor, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        model = index.model()
        super().destroyEditor(editor, index)
        if isinstance(model, TableModel):
            model.end_preview()

    def paint(self, painter, option, index: Index) -> None:
        super().paint(painter, option, index)
        severity = index.data(SEVERITY_ROLE)
        if severity:
            painter.save()
            colour = look.ERROR_LINE if severity == "error" else look.WARNING_LINE
            style = Qt.PenStyle.SolidLine if severity == "error" else Qt.PenStyle.DashLine
            painter.setPen(QPen(colour, 2, style))
            painter.drawRect(QRect(option.rect).adjusted(1, 1, -2, -2))
            painter.restore()


class GridView(QTableView):
    """Arrows, Tab, Enter, Delete, F2, typing, copy and paste as in a spreadsheet."""

    refused = Signal(str)  # a paste that was refused, with the reason

    def __init__(self, model: TableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for cell in model.grid.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.column, cell.rowspan, cell.colspan)
        self.setAccessibleName(model.table.title)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_columns()
        self.setCurrentIndex(model.index_of(model.table.cells[0]))

    def model(self) -> TableModel:
        return super().model()  # type: ignore[return-value]

    def _size_columns(self) -> None:
        """Value columns fit seven digits; label columns share the rest of the width, deeper levels wider."""
        grid = self.model().grid
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("信")
        value_count = grid.columns - grid.label_columns
        value_width = max(metrics.horizontalAdvance("0000000") + 28, em * 4 + 16)
        weights = grid.table.label_widths  # one per label column, from the format's template
        shares = [w / sum(weights) for w in weights] if weights else []
        available = self.viewport().width() - 2
        if shares:
            label_total = max(em * 8 * len(shares), available - value_width * value_count)
            label_total = min(label_total, em * 40)
            value_width = max(value_width, (available - label_total) // value_count)
            for column, share in enumerate(shares):
                self.setColumnWidth(column, int(label_total * share))
        else:
            value_width = max(value_width, available // value_count)
        for column in range(grid.label_columns, grid.columns):
            self.setColumnWidth(column, value_width)
        self._size_rows()

    def _size_rows(self) -> None:
        """Each row as high as its wrapped labels; a merged label too high for its rows grows its last row."""
        grid = self.model().grid
        metrics = self.fontMetrics()
        line = metrics.lineSpacing() + 8
        heights = [line] * grid.rows

        def needed(cell: GridCell) -> int:
            width = sum(self.columnWidth(c) for c in range(cell.column, cell.column + cell.colspan)) - 10
            flags = Qt.TextFlag.TextWordWrap
            return metrics.boundingRect(QRect(0, 0, max(width, 10), 10_000), flags, cell.text).height() + 8

        spanned = []
        for cell in grid.cells:
            if not cell.text:
                continue
            if cell.rowspan == 1:
                heights[cell.row] = max(heights[cell.row], needed(cell))
            else:
                spanned.append(cell)
        for cell in spanned:
            rows = range(cell.row, cell.row + cell.rowspan)
            missing = needed(cell) - sum(heights[r] for r in rows)
            if missing > 0:
                heights[rows[-1]] += missing
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._size_columns()

    # -- moving ----------------------------------------------------------------------------------

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        step = _MOVES.get(action)
        if not current.isValid() or step is None:
            return super().moveCursor(action, modifiers)
        row, column = sheet.move(self.model().grid, (current.row(), current.column()), step)
        return self.model().index(row, column)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: commit, then move down
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._step(QAbstractItemView.CursorAction.MoveDown)
            return
        super().closeEditor(editor, hint)

    def _step(self, action: QAbstractItemView.CursorAction) -> None:
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if target.isValid():
            self.setCurrentIndex(target)

    # -- keys ------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # The grid owns its copy and paste keys, as a line editor does, whatever the menus bind them to.
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Paste)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.model().clear(self.selectedIndexes() or [self.currentIndex()])
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._step(QAbstractItemView.CursorAction.MoveDown)
                return
        super().keyPressEvent(event)

    def copy(self) -> None:
        text = self.model().copy_text(self.selectedIndexes() or [self.currentIndex()])
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste(self) -> None:
        selection = self.selectedIndexes() or [self.currentIndex()]
        top = min(i.row() for i in selection)
        left = min(i.column() for i in selection)
        problem = self.model().paste(top, left, QGuiApplication.clipboard().text(), selection)
        if problem:
            self.refused.emit(problem)

    def select_cell(self, cell: Cell) -> None:
        index = self.model().index_of(cell)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
