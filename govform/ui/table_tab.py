"""A statistics table's tab: the grid, laid out like the printed table, a line saying how much is still blank
(with 「未发生的事项填0」), and an optional note under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govform.domain.format import Section
from govform.domain.text import clean_paragraphs
from govform.ui.checker import Checker
from govform.ui.text_edits import ParagraphEdit, TabPage
from govform.ui.undo import Edits

if TYPE_CHECKING:
    from govform.ui.grid_view import GridView
    from govform.ui.table_model import TableModel


class TableTab(TabPage, QWidget):
    """A statistics table's page, with an optional note under the table; its grid is laid out by `build()`,
    when the page is first shown or used."""

    model: TableModel
    view: GridView
    note: ParagraphEdit
    blanks: QWidget
    fill_button: QPushButton

    def __init__(
        self,
        edits: Edits,
        section: Section,
        checker: Checker,
        refused: SignalInstance,
        accepted: SignalInstance,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._edits = edits
        self._section = section
        self._checker = checker
        self._refused = refused
        self._accepted = accepted
        self.built = False

    @property
    def table_id(self) -> str:
        assert self._section.table is not None
        return self._section.table

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        from govform.ui.grid_view import GridView  # the grids' modules load with the first grid
        from govform.ui.table_model import TableModel

        self.model = TableModel(self._edits, self.table_id, self._checker, self)
        self.view = GridView(self.model)
        self.view.refused.connect(self._refused)
        self.view.accepted.connect(self._accepted)
        title = QLabel(self._section.heading)
        title.setBuddy(self.view)
        self.blanks = QWidget()
        self._blank_words = QLabel()
        self._blank_words.setWordWrap(True)
        self.fill_button = QPushButton(self.tr("未发生的事项填0"))
        self.fill_button.setToolTip(self.tr("把本表所有空白格子填为0（总计自动计算）；可以撤销。"))
        self.fill_button.clicked.connect(self.fill_blanks)
        hint = QHBoxLayout(self.blanks)
        hint.setContentsMargins(0, 0, 0, 0)
        hint.addWidget(self._blank_words, 1)
        hint.addWidget(self.fill_button)
        section_id = self._section.id
        self.note = ParagraphEdit(lines=2)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)  # the grid keeps the room
        self.note.setAccessibleName(self.tr("表格说明"))
        self.note.setPlaceholderText(self.tr("表格说明（可不填，每段一行）：导出时排在表格之后。"))
        self.note.show_text(self._edits.report.narratives[section_id].text)
        self.note.clean_paste = clean_paragraphs
        self.note.new_step.connect(self._edits.begin_typing)
        self.note.typed.connect(lambda text: self._edits.set_text(section_id, text))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.blanks)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        # The grid first in the page's Tab order, though the blanks' button is above it: arriving at the page
        # (Ctrl+PgUp from the next tab, on a real screen) Qt gave the button the keyboard, with no frame in
        # sight, and the digits typed next were lost while a Space filled the table with 0.
        QWidget.setTabOrder(self.view, self.fill_button)
        QWidget.setTabOrder(self.fill_button, self.note)
        signals = self._edits.document.signals
        signals.textChanged.connect(self._on_text)
        signals.cellsChanged.connect(self._on_cells)
        self._show_blanks()
        if self.isVisible():  # added to a page already on screen: show now, not after the next paint
            for widget in (title, self.view, self.note):
                widget.show()

    def finish_editing(self) -> bool:
        if self.built:
            self.view.finish_editing()  # a cell takes any text: what is not a figure is kept and flagged
        return True

    def blank_count(self) -> int:
        """Value cells still blank (automatic totals aside: they compute themselves)."""
        data = self._edits.report.tables[self.table_id]
        return sum(value is None and not data.is_total(cell) for cell, value in data.items())

    def fill_blanks(self) -> None:
        self._edits.fill_blanks([self.table_id], self.tr("{table}未发生的事项填0").format(table=self._short()))
        self.view.setFocus()

    def _short(self) -> str:
        return self._edits.report.format.tables[self.table_id].short

    def _show_blanks(self) -> None:
        count = self.blank_count()
        self.blanks.setVisible(count > 0)
        if count:
            self._blank_words.setText(
                self.tr(
                    "本表还有 {count} 个格子未填写。没有发生的事项请填0；也可以选中一片格子，输入数字后按 Ctrl+Enter。"
                ).format(count=count)
            )

    def _on_cells(self, table_id: str) -> None:
        if table_id == self.table_id:
            self._show_blanks()

    def _on_text(self, section_id: str, index: int | None) -> None:
        if section_id == self._section.id and index is None:
            self.note.show_text(self._edits.report.narratives[section_id].text)
