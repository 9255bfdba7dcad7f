"""The edits a clerk can make, each pushed onto the document's undo stack as one command."""

from __future__ import annotations

from collections.abc import Mapping

from govform.domain.format import Cell
from govform.domain.report import Report, TableData, Value, same_value
from govform.ui.commands import (
    InsertSubsection,
    MoveSubsection,
    RemoveSubsection,
    SetCells,
    SetMeta,
    SetSubsection,
    SetText,
)
from govform.ui.document import Document


class Edits:
    """Intents from the editors, turned into undo commands on one document's stack."""

    def __init__(self, document: Document):
        self.document = document

    @property
    def report(self) -> Report:
        return self.document.report

    def _push(self, command) -> None:
        self.document.stack.push(command)

    def begin_typing(self) -> None:
        """An editor gained focus: what is typed from now on is a new undo step."""
        self.document.typing_session += 1

    def set_cells(self, table_id: str, values: Mapping[Cell, Value], label: str) -> bool:
        """Set cells as one undo step; False (and nothing pushed) when nothing would change."""
        data = self.report.tables[table_id]
        if all(_unchanged(data, cell, value) for cell, value in values.items()):
            return False
        self._push(SetCells(self.report, table_id, values, label))
        return True

    def set_meta(self, name: str, value: object, *, typing: bool = False) -> None:
        if getattr(self.report, name) == value:
            return
        session = self.document.typing_session if typing else -1
        self._push(SetMeta(self.report, name, value, f"修改{self.report.format.labels.field(name)}", session))

    def set_text(self, section_id: str, text: str) -> None:
        if self.report.narratives[section_id].text == text:
            return
        heading = self.report.format.section(section_id).heading
        self._push(SetText(self.report, section_id, text, f"编辑“{heading}”", self.document.typing_session))

    def set_subsection(self, section_id: str, index: int, field: str, value: str) -> None:
        sub = self.report.narratives[section_id].subsections[index]
        if getattr(sub, field) == value:
            return
        number = self.report.format.section(section_id).subsection_number(index)
        what = "标题" if field == "title" else "内容"
        label = f"编辑小标题{number}的{what}"
        self._push(SetSubsection(self.report, section_id, index, field, value, label, self.document.typing_session))

    def add_subsection(self, section_id: str, title: str) -> int:
        index = len(self.report.narratives[section_id].subsections)
        self._push(InsertSubsection(self.report, section_id, index, title, f"添加小标题“{title}”"))
        return index

    def remove_subsection(self, section_id: str, index: int) -> None:
        title = self.report.narratives[section_id].subsections[index].title
        self._push(RemoveSubsection(self.report, section_id, index, f"删除小标题“{title}”"))

    def move_subsection(self, section_id: str, source: int, target: int) -> None:
        count = len(self.report.narratives[section_id].subsections)
        if source == target or not 0 <= target < count:
            return
        self._push(MoveSubsection(self.report, section_id, source, target, "调整小标题顺序"))


def _unchanged(data: TableData, cell: Cell, value: Value) -> bool:
    """Whether storing `value` would leave the cell as it is (a total: also automatic or typed)."""
    same = same_value(data[cell], value)
    if not data.is_total(cell):
        return same
    if value is None:
        return not data.is_manual(cell)
    return data.is_manual(cell) and same
