"""A statistics table as a grid laid out like the printed one, edited like a spreadsheet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
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

from govform.domain.format import Cell
from govform.domain.layout import GridCell, table_grid
from govform.domain.report import CellsChanged, Change, Invalid, Value, display_value
from govform.domain.rules import Finding
from govform.ui import look
from govform.ui.checker import Checker
from govform.ui.edits import Edits

Index = QModelIndex | QPersistentModelIndex

FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 1  # the findings a cell shows
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # "error", "warning" or None
CELL_ROLE = Qt.ItemDataRole.UserRole + 3  # the value cell (row id, column id), None elsewhere
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # the printed cell's role: "value", "label", "header", …

_FLAG_ROLES = [
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    FINDINGS_ROLE,
    SEVERITY_ROLE,
]


def split_tsv(text: str) -> list[list[str]]:
    """Rows of tab-separated fields, as Excel and WPS put a range on the clipboard."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


class TableModel(QAbstractTableModel):
    """A thin adapter over one table of the report: reads the domain, writes through the undo stack."""

    def __init__(self, edits: Edits, table_id: str, checker: Checker, parent: QObject | None = None):
        super().__init__(parent)
        self._edits = edits
        self._report = edits.report
        self.table = self._report.format.tables[table_id]
        self._data = self._report.tables[table_id]  # a reference: the model never copies values
        self.grid = table_grid(self.table)
        self._checker = checker
        self._marked: dict[Cell, list[Finding]] = checker.marked_cells(table_id)
        self._report.subscribe(self._on_change)
        checker.findingsChanged.connect(self._on_findings)

    def detach(self) -> None:
        self._report.unsubscribe(self._on_change)
        self._checker.findingsChanged.disconnect(self._on_findings)

    # -- geometry --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.columns

    def printed_cell(self, index: Index) -> GridCell | None:
        """The printed cell anchored at `index` (None for a position a merge covers)."""
        if not index.isValid():
            return None
        anchor = self.grid.anchor_at(index.row(), index.column())
        return anchor if (anchor.row, anchor.column) == (index.row(), index.column()) else None

    def index_of(self, cell: Cell) -> QModelIndex:
        row, column = self.grid.value_position(cell)
        return self.index(row, column)

    # -- reading ---------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        printed = self.printed_cell(index)
        if printed is None:
            return Qt.ItemFlag.NoItemFlags
        if printed.role == "value":
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        printed = self.printed_cell(index)
        if printed is None:
            return None
        if role == KIND_ROLE:
            return printed.role
        if printed.cell is None:
            return self._label_data(printed, role)
        return self._value_data(printed.cell, role)

    def _label_data(self, printed: GridCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return printed.text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if printed.role == "label" and printed.rowspan == 1:
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and printed.role in ("header", "corner", "title"):
            return look.HEADER_FILL
        if role == Qt.ItemDataRole.FontRole and printed.role == "title":
            return look.bold(QGuiApplication.font())
        if role == Qt.ItemDataRole.ToolTipRole and printed.text:
            return printed.text
        return None

    def _value_data(self, cell: Cell, role: int) -> Any:
        value = self._data[cell]
        automatic = self._data.is_total(cell) and not self._data.is_manual(cell)
        findings = self._marked.get(cell, [])
        severity = None if not findings else "error" if any(f.is_error for f in findings) else "warning"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_value(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == CELL_ROLE:
            return cell
        if role == FINDINGS_ROLE:
            return findings
        if role == SEVERITY_ROLE:
            return severity
        if role == Qt.ItemDataRole.DecorationRole:
            return look.severity_icon(severity) if severity else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if severity:
                return look.ERROR_FILL if severity == "error" else look.WARNING_FILL
            return look.TOTAL_FILL if automatic else None
        if role == Qt.ItemDataRole.ForegroundRole and automatic:
            return look.TOTAL_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, value, automatic, findings)
        return None

    def _tooltip(self, cell: Cell, value: Value, automatic: bool, findings: list[Finding]) -> str:
        lines = [self.table.cell_label(*cell)]
        if automatic:
            lines.append(self.tr("自动计算：各分项之和"))
        elif self._data.is_manual(cell):
            lines.append(self.tr("手动填写的总计（按 Delete 恢复自动计算）"))
        if isinstance(value, Invalid):
            lines.append(str(value.reason))
        lines += [str(f.message) for f in findings]
        return "\n".join(lines)

    # -- writing ---------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        printed = self.printed_cell(index)
        if role != Qt.ItemDataRole.EditRole or printed is None or printed.cell is None:
            return False
        row, column = printed.cell
        parsed = self._report.parse(self.table.id, row, column, str(value))
        label = self.tr("填写 {cell}").format(cell=self.table.cell_label(row, column))
        self._edits.set_cells(self.table.id, {printed.cell: parsed}, label)
        return True

    def clear(self, indexes: list[QModelIndex]) -> None:
        """Blank the value cells among `indexes` in one undo step (totals compute themselves again)."""
        cells = [c.cell for c in map(self.printed_cell, indexes) if c is not None and c.cell is not None]
        if cells:
            self._edits.set_cells(self.table.id, dict.fromkeys(cells), self.tr("清除{n}个单元格").format(n=len(cells)))

    def paste(self, top: int, left: int, text: str, selection: list[QModelIndex]) -> str | None:
        """Paste tab-separated figures with their top-left at grid (top, left), as one undo step.

        Returns why the paste was refused (then nothing at all changed), or None.
        """
        rows = split_tsv(text)
        if not rows or not any(field.strip() for fields in rows for field in fields):
            return self.tr("剪贴板中没有可粘贴的数字。")
        targets: list[tuple[Cell, str]] = []
        if len(rows) == 1 and len(rows[0]) == 1 and len(selection) > 1:
            # One figure onto a selection fills every selected cell, as in a spreadsheet.
            cells = [c.cell for c in map(self.printed_cell, selection) if c is not None and c.cell is not None]
            targets = [(cell, rows[0][0]) for cell in cells]
        else:
            width = max(len(fields) for fields in rows)
            for i, fields in enumerate(rows):
                for j, text_ in enumerate(fields + [""] * (width - len(fields))):
                    printed = self.printed_cell(self.index(top + i, left + j))
                    if printed is None or printed.cell is None:
                        return self.tr(
                            "粘贴的内容有{rows}行{columns}列，从所选单元格起放不进表格的填数区域"
                            "（第{row}行第{column}列落在表头、栏目名称或表格之外）。未粘贴任何内容。"
                        ).format(rows=len(rows), columns=width, row=i + 1, column=j + 1)
                    targets.append((printed.cell, text_))
        values: dict[Cell, Value] = {}
        for cell, field in targets:
            value = self._report.parse(self.table.id, *cell, field)
            if isinstance(value, Invalid):
                return self.tr("“{text}”（{cell}）不能粘贴：{reason}未粘贴任何内容。").format(
                    text=value.text, cell=self.table.cell_label(*cell), reason=str(value.reason)
                )
            values[cell] = value
        label = self.tr("粘贴{n}个单元格").format(n=len(values))
        self._edits.set_cells(self.table.id, values, label)
        return None

    def copy_text(self, indexes: list[QModelIndex]) -> str:
        """The selected figures as tab-separated rows over their bounding rectangle."""
        chosen = {(i.row(), i.column()) for i in indexes if self.printed_cell(i) is not None}
        if not chosen:
            return ""
        rows = [r for r, _ in chosen]
        columns = [c for _, c in chosen]
        lines = []
        for r in range(min(rows), max(rows) + 1):
            fields = []
            for c in range(min(columns), max(columns) + 1):
                printed = self.printed_cell(self.index(r, c)) if (r, c) in chosen else None
                fields.append(display_value(self._data[printed.cell]) if printed and printed.cell else "")
            lines.append("\t".join(fields))
        return "\n".join(lines) + "\n"

    # -- live checking ---------------------------------------------------------------------------

    def preview(self, index: Index, text: str) -> None:
        """Check the report as if `text`, still being typed at `index`, were entered."""
        printed = self.printed_cell(index)
        if printed is not None and printed.cell is not None:
            self._checker.preview(self.table.id, printed.cell, text)

    def end_preview(self) -> None:
        self._checker.end_preview()

    # -- notifications ---------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if not isinstance(change, CellsChanged) or change.table != self.table.id:
            return
        for cell in change.cells:
            index = self.index_of(cell)
            self.dataChanged.emit(index, index)

    def _on_findings(self) -> None:
        marked = self._checker.marked_cells(self.table.id)
        touched = {c for c in marked.keys() | self._marked.keys() if marked.get(c) != self._marked.get(c)}
        self._marked = marked
        for cell in touched:
            index = self.index_of(cell)
            self.dataChanged.emit(index, index, _FLAG_ROLES)


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
        shares = {1: [1.0], 2: [0.45, 0.55], 3: [0.16, 0.26, 0.58]}.get(grid.label_columns, [])
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
        model, current = self.model(), self.currentIndex()
        grid = model.grid
        actions = QAbstractItemView.CursorAction
        if not current.isValid() or action not in (
            actions.MoveUp,
            actions.MoveDown,
            actions.MoveLeft,
            actions.MoveRight,
            actions.MoveNext,
            actions.MovePrevious,
        ):
            return super().moveCursor(action, modifiers)
        here = grid.anchor_at(current.row(), current.column())
        if action in (actions.MoveNext, actions.MovePrevious):
            cells = list(model.table.cells)
            if here.cell is not None:
                position = cells.index(here.cell) + (1 if action == actions.MoveNext else -1)
            else:
                after = [i for i, c in enumerate(cells) if grid.value_position(c) > (here.row, here.column)]
                position = after[0] if after and action == actions.MoveNext else (after[0] - 1 if after else -1)
            return model.index_of(cells[position]) if 0 <= position < len(cells) else current
        step_row = {actions.MoveUp: -1, actions.MoveDown: 1}.get(action, 0)
        step_column = {actions.MoveLeft: -1, actions.MoveRight: 1}.get(action, 0)
        row = current.row() if step_row == 0 else (here.row if step_row < 0 else here.row + here.rowspan - 1)
        column = (
            current.column()
            if step_column == 0
            else (here.column if step_column < 0 else here.column + here.colspan - 1)
        )
        while True:
            row, column = row + step_row, column + step_column
            if not (0 <= row < grid.rows and 0 <= column < grid.columns):
                return current
            target = grid.anchor_at(row, column)
            if target.role == "value":
                return model.index(target.row, target.column)

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
