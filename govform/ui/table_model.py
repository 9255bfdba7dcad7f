"""A statistics table as a Qt model laid out like the printed one: a thin adapter over the domain table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from govform.domain import sheet
from govform.domain.format import Cell
from govform.domain.layout import GridCell, table_grid
from govform.domain.report import Invalid, Value, display_value
from govform.domain.rules import Finding
from govform.ui import look, words
from govform.ui.checker import Checker
from govform.ui.undo import Edits

Index = QModelIndex | QPersistentModelIndex

FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 1  # the findings a cell shows
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # "error", "warning", "missing" (not filled in yet) or None
CELL_ROLE = Qt.ItemDataRole.UserRole + 3  # the value cell (row id, column id), None elsewhere
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # the printed cell's role: "value", "label", "header", …

_FLAG_ROLES = [
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    FINDINGS_ROLE,
    SEVERITY_ROLE,
]


class TableModel(QAbstractTableModel):
    """Reads the domain table (a reference, never a copy); writes through the undo stack; announces exactly
    the cells the document's signals say changed, and the cells whose findings changed."""

    def __init__(self, edits: Edits, table_id: str, checker: Checker, parent: QObject | None = None):
        super().__init__(parent)
        self._edits = edits
        self._report = edits.report
        self.table = self._report.format.tables[table_id]
        self._data = self._report.tables[table_id]
        self.grid = table_grid(self.table)
        self._checker = checker
        self._marked: dict[Cell, list[Finding]] = checker.marked_cells(table_id)
        self._totals = [cell for cell in self.table.cells if self._data.is_total(cell)]
        edits.document.signals.cellsChanged.connect(self._on_cells)
        checker.findingsChanged.connect(self._on_findings)

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
        automatic = self._data.is_total(cell) and not self._data.is_manual(cell)
        previewed = self._checker.previewed
        # While a figure is being typed, the totals show what it makes them, as the findings already do.
        value = previewed.tables[self.table.id][cell] if automatic and previewed is not None else self._data[cell]
        findings = self._marked.get(cell, [])
        severity = self._severity(findings)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_value(value, self.table.column(*cell).type)  # "+1", "79000.1元" as printed
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == CELL_ROLE:
            return cell
        if role == FINDINGS_ROLE:
            return findings
        if role == SEVERITY_ROLE:
            return severity
        if role == Qt.ItemDataRole.DecorationRole:
            return look.severity_icon(severity) if severity in ("error", "warning") else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if severity in ("error", "warning"):
                return look.ERROR_FILL if severity == "error" else look.WARNING_FILL
            return look.TOTAL_FILL if automatic else None
        if role == Qt.ItemDataRole.ForegroundRole and automatic:
            return look.TOTAL_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell, value, automatic, findings)
        return None

    def _severity(self, findings: list[Finding]) -> str | None:
        """How a cell is marked: an error over a warning over a blank still to fill in; explained: not."""
        states = {self._checker.state(f) for f in findings}
        return next((s for s in ("error", "warning", "missing") if s in states), None)

    def _tooltip(self, cell: Cell, value: Value, automatic: bool, findings: list[Finding]) -> str:
        lines = [self.table.cell_label(*cell)]
        if automatic:
            lines.append(self.tr("自动计算：各分项之和"))
        elif self._data.is_manual(cell):
            lines.append(self.tr("手动填写的总计（按 Delete 恢复自动计算）"))
        if isinstance(value, Invalid):
            lines.append(words.text(value.reason))
        lines += [words.text(f.message) for f in findings]
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
        cells = sheet.value_cells(self.grid, [(i.row(), i.column()) for i in indexes])
        if cells:
            self._edits.set_cells(self.table.id, dict.fromkeys(cells), self.tr("清除{n}个单元格").format(n=len(cells)))

    def paste(self, top: int, left: int, text: str, selection: list[QModelIndex]) -> str | None:
        """Paste tab-separated figures with their top-left at grid (top, left), as one undo step.

        Returns why the paste was refused (then nothing at all changed), or None.
        """
        positions = [(i.row(), i.column()) for i in selection]
        try:
            values = sheet.plan_paste(self.grid, (top, left), text, positions, self._parse)
        except sheet.PasteRefused as refusal:
            return words.text(refusal.message)
        self._edits.set_cells(self.table.id, values, self.tr("粘贴{n}个单元格").format(n=len(values)))
        return None

    def _parse(self, cell: Cell, text: str) -> Value:
        return self._report.parse(self.table.id, *cell, text)

    def copy_text(self, indexes: list[QModelIndex]) -> str:
        """The selected figures as tab-separated rows over their bounding rectangle."""
        return sheet.copy_text(self.grid, self._data, [(i.row(), i.column()) for i in indexes])

    # -- live checking ---------------------------------------------------------------------------

    def preview(self, index: Index, text: str) -> None:
        """Check the report as if `text`, still being typed at `index`, were entered."""
        printed = self.printed_cell(index)
        if printed is not None and printed.cell is not None:
            self._checker.preview(self.table.id, printed.cell, text)
            self._announce_totals()

    def end_preview(self) -> None:
        self._checker.end_preview()
        self._announce_totals()

    def _announce_totals(self) -> None:
        for cell in self._totals:
            index = self.index_of(cell)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    # -- notifications ---------------------------------------------------------------------------

    def _on_cells(self, table_id: str, cells: tuple[Cell, ...]) -> None:
        if table_id != self.table.id:
            return
        for cell in cells:
            index = self.index_of(cell)
            self.dataChanged.emit(index, index)

    def _on_findings(self) -> None:
        marked = self._checker.marked_cells(self.table.id)
        touched = {c for c in marked.keys() | self._marked.keys() if marked.get(c) != self._marked.get(c)}
        self._marked = marked
        for cell in touched:
            index = self.index_of(cell)
            self.dataChanged.emit(index, index, _FLAG_ROLES)
