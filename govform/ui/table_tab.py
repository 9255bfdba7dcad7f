"""A statistics table's tab: the grid, laid out like the printed table, and an optional note under it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from govform.domain.format import Section
from govform.ui.checker import Checker
from govform.ui.text_edits import ParagraphEdit
from govform.ui.undo import Edits

if TYPE_CHECKING:
    from govform.ui.grid_view import GridView
    from govform.ui.table_model import TableModel


class TableTab(QWidget):
    """A statistics table's page, with an optional note under the table; its grid is laid out by `build()`,
    when the page is first shown or used."""

    model: TableModel
    view: GridView
    note: ParagraphEdit

    def __init__(
        self,
        edits: Edits,
        section: Section,
        checker: Checker,
        refused: SignalInstance,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._edits = edits
        self._section = section
        self._checker = checker
        self._refused = refused
        self.built = False

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        from govform.ui.grid_view import GridView  # the grids' modules load with the first grid
        from govform.ui.table_model import TableModel

        assert self._section.table is not None
        self.model = TableModel(self._edits, self._section.table, self._checker, self)
        self.view = GridView(self.model)
        self.view.refused.connect(self._refused)
        title = QLabel(self._section.heading)
        title.setBuddy(self.view)
        section_id = self._section.id
        self.note = ParagraphEdit(lines=2)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)  # the grid keeps the room
        self.note.setAccessibleName(self.tr("表格说明"))
        self.note.setPlaceholderText(self.tr("表格说明（可不填，每段一行）：导出时排在表格之后。"))
        self.note.show_text(self._edits.report.narratives[section_id].text)
        self.note.focused.connect(self._edits.begin_typing)
        self.note.typed.connect(lambda text: self._edits.set_text(section_id, text))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self._edits.document.signals.textChanged.connect(self._on_text)
        if self.isVisible():  # added to a page already on screen: show now, not after the next paint
            for widget in (title, self.view, self.note):
                widget.show()

    def _on_text(self, section_id: str, index: int | None) -> None:
        if section_id == self._section.id and index is None:
            self.note.show_text(self._edits.report.narratives[section_id].text)
