"""Undo commands: each is one small edit that calls one domain method, and its inverse."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QUndoCommand

from govform.domain.format import Cell
from govform.domain.report import Report, Subsection, Value

# Ids of commands that merge while the clerk keeps typing in the same editor.
TEXT_ID, SUBSECTION_ID, META_ID = 1001, 1002, 1003


class SetCells(QUndoCommand):
    """Set one or more cells of a table (a typed figure, a paste, a Delete over a selection)."""

    def __init__(self, report: Report, table_id: str, values: Mapping[Cell, Value], text: str):
        super().__init__(text)
        self._report = report
        self._table = table_id
        self._new = dict(values)
        data = report.tables[table_id]
        # A total that was computing itself is restored as None, which makes it compute itself again.
        self._old = {
            cell: None if data.is_total(cell) and not data.is_manual(cell) else data[cell] for cell in self._new
        }

    def redo(self) -> None:
        self._report.set_cells(self._table, self._new)

    def undo(self) -> None:
        self._report.set_cells(self._table, self._old)


class SetMeta(QUndoCommand):
    """Change one field of the basic information; successive keystrokes in one field merge."""

    def __init__(self, report: Report, name: str, value: object, text: str, session: int = -1):
        super().__init__(text)
        self._report = report
        self._name = name
        self._old = getattr(report, name)
        self._new = value
        self._session = session

    def id(self) -> int:
        return META_ID if self._session >= 0 else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMeta) or (other._name, other._session) != (self._name, self._session):
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._report.set_meta(self._name, self._new)

    def undo(self) -> None:
        self._report.set_meta(self._name, self._old)


class SetText(QUndoCommand):
    """Replace a section's own text; typing in one editor during one visit is one undo step."""

    def __init__(self, report: Report, section_id: str, text: str, label: str, session: int):
        super().__init__(label)
        self._report = report
        self._section = section_id
        self._old = report.narratives[section_id].text
        self._new = text
        self._session = session

    def id(self) -> int:
        return TEXT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetText) or (other._section, other._session) != (self._section, self._session):
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._report.set_text(self._section, self._new)

    def undo(self) -> None:
        self._report.set_text(self._section, self._old)


class SetSubsection(QUndoCommand):
    """Change a sub-head's title or text; typing in one editor during one visit is one undo step."""

    def __init__(self, report: Report, section_id: str, index: int, field: str, value: str, label: str, session: int):
        super().__init__(label)
        self._report = report
        self._key = (section_id, index, field, session)
        self._old = getattr(report.narratives[section_id].subsections[index], field)
        self._new = value

    def id(self) -> int:
        return SUBSECTION_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetSubsection) or other._key != self._key:
            return False
        self._new = other._new
        return True

    def _set(self, value: str) -> None:
        section_id, index, field, _ = self._key
        self._report.set_subsection(section_id, index, **{field: value})

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class InsertSubsection(QUndoCommand):
    def __init__(self, report: Report, section_id: str, index: int, title: str, label: str):
        super().__init__(label)
        self._report = report
        self._section = section_id
        self._index = index
        self._subsection = Subsection(title)

    def redo(self) -> None:
        self._report.insert_subsection(self._section, self._index, self._subsection)

    def undo(self) -> None:
        self._subsection = self._report.remove_subsection(self._section, self._index)


class RemoveSubsection(QUndoCommand):
    def __init__(self, report: Report, section_id: str, index: int, label: str):
        super().__init__(label)
        self._report = report
        self._section = section_id
        self._index = index
        self._removed: Subsection | None = None

    def redo(self) -> None:
        self._removed = self._report.remove_subsection(self._section, self._index)

    def undo(self) -> None:
        assert self._removed is not None
        self._report.insert_subsection(self._section, self._index, self._removed)


class MoveSubsection(QUndoCommand):
    def __init__(self, report: Report, section_id: str, source: int, target: int, label: str):
        super().__init__(label)
        self._report = report
        self._section = section_id
        self._source = source
        self._target = target

    def redo(self) -> None:
        self._report.move_subsection(self._section, self._source, self._target)

    def undo(self) -> None:
        self._report.move_subsection(self._section, self._target, self._source)
