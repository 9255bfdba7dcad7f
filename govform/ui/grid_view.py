"""A statistics table's grid view: keys, copy and paste as in a spreadsheet, marked cells, sizing."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from govform.domain import sheet
from govform.domain.format import Cell
from govform.domain.layout import GridCell
from govform.ui import look
from govform.ui.table_model import SEVERITY_ROLE, TableModel
from govform.ui.text_edits import to_window

Index = QModelIndex | QPersistentModelIndex

_MOVES = {
    QAbstractItemView.CursorAction.MoveUp: sheet.Move.UP,
    QAbstractItemView.CursorAction.MoveDown: sheet.Move.DOWN,
    QAbstractItemView.CursorAction.MoveLeft: sheet.Move.LEFT,
    QAbstractItemView.CursorAction.MoveRight: sheet.Move.RIGHT,
    QAbstractItemView.CursorAction.MoveNext: sheet.Move.NEXT,
    QAbstractItemView.CursorAction.MovePrevious: sheet.Move.PREVIOUS,
}


_MARKS = {  # how a marked cell is outlined: an error solid red, a warning dashed amber, a blank dotted grey
    "error": (look.ERROR_LINE, 2, Qt.PenStyle.SolidLine),
    "warning": (look.WARNING_LINE, 2, Qt.PenStyle.DashLine),
    "missing": (look.MISSING_LINE, 1, Qt.PenStyle.DotLine),
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
        # Enter commits at once (Qt queues it), so the figure is in the report when the cursor moves down;
        # Ctrl+Enter puts the figure into every selected cell, as in a spreadsheet. The window's keys the line
        # editor takes for itself (Ctrl+E on X11) are the window's.
        if isinstance(editor, QLineEdit) and event.type() == QEvent.Type.KeyPress and to_window(editor, event):
            return True
        if (
            isinstance(editor, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            view = self.parent()
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier and isinstance(view, GridView):
                text = editor.text()
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                view.fill_selection(text)
                return True
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
        view = self.parent()
        if isinstance(view, GridView) and view.rowSpan(index.row(), index.column()) > 1:
            # A label merged over several rows (三、本年度办理结果) is drawn in the part of it in sight, as
            # WPS 表格 keeps a merged cell's words: scrolled, its middle was out of sight and the rows lost it.
            shown = option.rect.intersected(view.viewport().rect().adjusted(0, view.header_height(), 0, 0))
            if not shown.isEmpty() and shown != option.rect:
                option = QStyleOptionViewItem(option)
                option.rect = shown
        super().paint(painter, option, index)
        severity = index.data(SEVERITY_ROLE)
        if severity:
            colour, width, style = _MARKS[severity]
            painter.save()
            painter.setPen(QPen(colour, width, style))
            painter.drawRect(QRect(option.rect).adjusted(1, 1, -2, -2))
            painter.restore()


class FrozenRows(QTableView):
    """The header rows of a grid drawn again over its top, so the column headings stay in sight while the
    rows scroll under them (as a spreadsheet's frozen panes). It takes no focus and no clicks: those go
    to the grid beneath, which shows the same cells."""

    def __init__(self, grid: GridView, rows: int):
        super().__init__(grid)
        self._grid = grid
        self.rows = rows
        model = grid.model()
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self))  # its own: a shared one would send it the grid's editors
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for cell in model.grid.cells:
            if cell.row < rows and (cell.rowspan > 1 or cell.colspan > 1):
                self.setSpan(cell.row, cell.column, cell.rowspan, cell.colspan)
        for row in range(rows, model.grid.rows):
            self.setRowHidden(row, True)
        grid.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)

    def height_needed(self) -> int:
        return sum(self._grid.rowHeight(row) for row in range(self.rows))

    def follow(self) -> None:
        """Take the grid's column widths and header row heights, and cover the top of its viewport."""
        grid = self._grid
        for column in range(grid.model().columnCount()):
            self.setColumnWidth(column, grid.columnWidth(column))
        for row in range(self.rows):
            self.setRowHeight(row, grid.rowHeight(row))
        port = grid.viewport().geometry()
        self.setGeometry(port.x(), port.y(), port.width(), self.height_needed() + 1)
        self.horizontalScrollBar().setValue(grid.horizontalScrollBar().value())
        self.raise_()


class GridView(QTableView):
    """Arrows, Tab, Enter, Delete, F2, typing, copy and paste as in a spreadsheet; Ctrl+Enter fills the
    selection with the figure typed; the header rows stay in sight while the rows scroll."""

    refused = Signal(str)  # a paste or fill that was refused, with the reason
    accepted = Signal()  # a paste or fill that went in (a refusal shown before is out of date)

    frozen: FrozenRows | None = None  # made once the grid is laid out (Qt calls scrollTo before that)

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
        # A table of one block has one header to keep in sight; a table of several blocks (表二) has one
        # header per block, and is short.
        single = len(model.table.blocks) == 1 and model.grid.header_rows > 0
        self.frozen = FrozenRows(self, model.grid.header_rows) if single else None
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
        if self.frozen is not None:
            self.frozen.follow()

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

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dy:  # the merged labels are drawn where they are in sight: all of the grid, not only what scrolled in
            self.viewport().update()

    def header_height(self) -> int:
        """The height the frozen header rows cover at the top of the viewport (0 without them)."""
        return self.frozen.height_needed() if self.frozen is not None else 0

    def scrollTo(self, index: Index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        """Scroll as Qt does, then so that the cell is not hidden under the frozen header rows."""
        super().scrollTo(index, hint)
        covered = self.header_height()
        if not covered or not index.isValid() or index.row() < self.frozen.rows:  # type: ignore[union-attr]
            return
        top = self.visualRect(index).top()
        if top < covered:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (covered - top))

    # -- moving ----------------------------------------------------------------------------------

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        current = self.currentIndex()
        step = _MOVES.get(action)
        if not current.isValid() or step is None:
            return super().moveCursor(action, modifiers)
        to_edge = bool(modifiers & Qt.KeyboardModifier.ControlModifier)  # Ctrl+arrow: to the table's edge
        row, column = sheet.move(self.model().grid, (current.row(), current.column()), step, to_edge=to_edge)
        return self.model().index(row, column)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter: commit, then move down
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._step(QAbstractItemView.CursorAction.MoveDown)
            return
        super().closeEditor(editor, hint)

    def finish_editing(self) -> None:
        """Put what is being typed into the cell into the report and close its editor where it is, as WPS 表格
        does before it saves: Ctrl+S, an export or closing the window never leave a typed figure out."""
        if self.state() == QAbstractItemView.State.EditingState:
            editor = self.indexWidget(self.currentIndex())
            if editor is not None:
                self.commitData(editor)
                super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

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
        self._put(QGuiApplication.clipboard().text())

    def fill_selection(self, text: str) -> None:
        """Ctrl+Enter: the figure typed into every selected cell, as one undo step."""
        self._put(text)

    def _put(self, text: str) -> None:
        selection = self.selectedIndexes() or [self.currentIndex()]
        top = min(i.row() for i in selection)
        left = min(i.column() for i in selection)
        problem = self.model().paste(top, left, text, selection)
        if problem:
            self.refused.emit(problem)
        else:
            self.accepted.emit()

    def select_cell(self, cell: Cell) -> None:
        """Put the cursor on `cell`, alone selected, in sight below the header with its row's labels."""
        self.select_cells([cell])

    def select_cells(self, cells: list[Cell] | tuple[Cell, ...]) -> None:
        """Select `cells` (the cursor on the first), in sight with their row labels, and take the focus."""
        model = self.model()
        first = model.index_of(cells[0])
        self.setCurrentIndex(first)
        selection = self.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        selection.select(first, flags.ClearAndSelect)
        for cell in cells[1:]:
            selection.select(model.index_of(cell), flags.Select)
        self._bring_into_sight(first)
        # Again once the window has laid itself out: a jump from the 问题 panel shows its details there,
        # and the grid, shorter then, hid the lower part of a cell scrolled to its bottom edge.
        later = QPersistentModelIndex(first)
        QTimer.singleShot(0, self, lambda: later.isValid() and self._bring_into_sight(later))
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _bring_into_sight(self, index: QModelIndex | QPersistentModelIndex) -> None:
        """`index` in sight below the header, with its row's labels when the labels and the cell fit."""
        self.scrollTo(index)
        bar = self.horizontalScrollBar()
        if self.visualRect(index).right() + bar.value() <= self.viewport().width():
            bar.setValue(0)
