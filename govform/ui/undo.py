"""Every edit of the report as an undo command on the document's one stack, and `Edits`, which turns the
editors' intents into those commands.

Each command calls one domain method to do and one to undo. Typing merges: the commands of one editor
during one visit (`Document.typing_session`) share a merge key and become one undo step.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtGui import QUndoCommand

from govform.domain.format import Cell
from govform.domain.report import PreviousYear, Report, Subsection, TableData, Value, same_value
from govform.domain.rules import Finding, facts, subject
from govform.ui import words
from govform.ui.document import Document

if TYPE_CHECKING:
    from govform.domain.messages import Message


class Place(NamedTuple):
    """Where an edit happened, for undo and redo to show it: a table's cells, a field of the basic
    information, or a section's text (its own, or a sub-head's "title" or "text")."""

    table: str | None = None
    cells: tuple[Cell, ...] = ()
    field: str | None = None
    section: str | None = None
    subsection: int | None = None
    part: str = "text"


class Change(QUndoCommand):
    """An edit from an old to a new value, done by `apply(value)`. Commands with equal, non-None merge keys
    merge into one undo step that keeps the first old and the last new value."""

    MERGING = 1  # Qt merges only commands with the same id(); the merge key then decides

    place = Place()

    def __init__(self, report: Report, label: str, old: Any, new: Any, merge_key: Hashable | None = None):
        super().__init__(label)
        self.report = report
        self.old = old
        self.new = new
        self.merge_key = merge_key

    def apply(self, value: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)

    def id(self) -> int:
        return self.MERGING if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or other.merge_key != self.merge_key:  # type: ignore[attr-defined]
            return False
        self.new = other.new  # type: ignore[attr-defined]
        return True


class SetCells(Change):
    """Set one or more cells of a table (a typed figure, a paste, a Delete over a selection)."""

    def __init__(self, report: Report, table_id: str, values: Mapping[Cell, Value], label: str):
        data = report.tables[table_id]
        # A total that was computing itself is restored as None, which makes it compute itself again.
        old = {cell: None if data.is_total(cell) and not data.is_manual(cell) else data[cell] for cell in values}
        super().__init__(report, label, old, dict(values))
        self.table = table_id
        self.place = Place(table=table_id, cells=tuple(values))

    def apply(self, value: Mapping[Cell, Value]) -> None:
        self.report.set_cells(self.table, value)


class SetMeta(Change):
    """Change one field of the basic information."""

    def __init__(self, report: Report, name: str, value: object, label: str, merge_key: Hashable | None):
        super().__init__(report, label, getattr(report, name), value, merge_key)
        self.name = name
        self.place = Place(field=name)

    def apply(self, value: object) -> None:
        self.report.set_meta(self.name, value)


class SetPrevious(Change):
    """Compare with another record of last year's report (None: with none)."""

    def __init__(self, report: Report, previous: PreviousYear | None, label: str):
        super().__init__(report, label, report.previous, previous)

    def apply(self, value: PreviousYear | None) -> None:
        self.report.set_previous(value)


class SetText(Change):
    """Replace a section's own text."""

    def __init__(self, report: Report, section_id: str, text: str, label: str, merge_key: Hashable | None):
        super().__init__(report, label, report.narratives[section_id].text, text, merge_key)
        self.section = section_id
        self.place = Place(section=section_id)

    def apply(self, value: str) -> None:
        self.report.set_text(self.section, value)


class SetSubsection(Change):
    """Change a sub-head's title or text."""

    def __init__(self, report: Report, section_id: str, index: int, part: str, value: str, label: str, merge_key):
        old = getattr(report.narratives[section_id].subsections[index], part)
        super().__init__(report, label, old, value, merge_key)
        self.section, self.index, self.part = section_id, index, part
        self.place = Place(section=section_id, subsection=index, part=part)

    def apply(self, value: str) -> None:
        self.report.set_subsection(self.section, self.index, **{self.part: value})


class InsertSubsections(QUndoCommand):
    """Insert sub-heads (title, text) at `index`, all as one change of the report."""

    def __init__(self, report: Report, section_id: str, index: int, subsections: list[tuple[str, str]], label: str):
        super().__init__(label)
        self.place = Place(section=section_id, subsection=index, part="title")
        self._report = report
        self._section = section_id
        self._index = index
        self._subsections = [Subsection(title, text) for title, text in subsections]

    def redo(self) -> None:
        self._report.insert_subsections(self._section, self._index, self._subsections)

    def undo(self) -> None:
        self._subsections = self._report.remove_subsections(self._section, self._index, len(self._subsections))


class RemoveSubsection(QUndoCommand):
    def __init__(self, report: Report, section_id: str, index: int, label: str):
        super().__init__(label)
        self.place = Place(section=section_id, subsection=index, part="title")
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
        self.place = Place(section=section_id, subsection=target, part="title")
        self.undo_place = Place(section=section_id, subsection=source, part="title")
        self._report = report
        self._section = section_id
        self._source = source
        self._target = target

    def redo(self) -> None:
        self._report.move_subsection(self._section, self._source, self._target)

    def undo(self) -> None:
        self._report.move_subsection(self._section, self._target, self._source)


class Several(QUndoCommand):
    """One undo step made of several edits, done in order and undone in reverse. (They are kept here rather
    than made Qt children of this command: Qt would call Python objects that Python may have let go.)"""

    def __init__(self, label: str, place: Place, commands: list[QUndoCommand]):
        super().__init__(label)
        self.place = place
        self.commands = commands

    def redo(self) -> None:
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()


class SetExplanation(QUndoCommand):
    """Write, change or remove the clerk's explanation of a warning."""

    def __init__(self, report: Report, subject: str, facts: str, text: str, label: str, place: Place):
        super().__init__(label)
        self.report = report
        self.subject, self.facts, self.text = subject, facts, text
        self.old = [(key[1], value) for key, value in report.explanations.items() if key[0] == subject]
        self.place = place

    def redo(self) -> None:
        self.report.set_explanation(self.subject, self.facts, self.text)

    def undo(self) -> None:
        facts, text = self.old[0] if self.old else (self.facts, "")
        self.report.set_explanation(self.subject, facts, text)


def _unchanged(data: TableData, cell: Cell, value: Value) -> bool:
    """Whether storing `value` would leave the cell as it is (a total: also automatic or typed)."""
    same = same_value(data[cell], value)
    if not data.is_total(cell):
        return same
    if value is None:
        return not data.is_manual(cell)
    return data.is_manual(cell) and same


class Edits:
    """Intents from the editors, turned into undo commands on one document's stack."""

    def __init__(self, document: Document):
        self.document = document

    @property
    def report(self) -> Report:
        return self.document.report

    def _push(self, command: QUndoCommand) -> None:
        self.document.stack.push(command)

    def _typing(self, *what: Hashable) -> tuple[Hashable, ...]:
        """The merge key of typing into one editor during the current visit."""
        return (*what, self.document.typing_session)

    def begin_typing(self) -> None:
        """An editor gained focus: what is typed from now on is a new undo step."""
        self.document.typing_session += 1

    def set_cells(self, table_id: str, values: Mapping[Cell, Value], label: str) -> bool:
        """Set cells as one undo step; False (and nothing pushed) when nothing would change. A total given
        the figure it computes anyway keeps computing itself."""
        return self.set_tables({table_id: values}, label)

    def set_tables(self, changes: Mapping[str, Mapping[Cell, Value]], label: str) -> bool:
        """Set cells of one or more tables as one undo step (an import, a fill); False when nothing changes."""
        from govform.domain import sheet  # with the first figure: the window's start-up need not load it

        planned = {}
        for table_id, values in changes.items():
            data = self.report.tables[table_id]
            values = sheet.keep_totals_automatic(data, values)
            if not all(_unchanged(data, cell, value) for cell, value in values.items()):
                planned[table_id] = values
        if not planned:
            return False
        if len(planned) == 1:
            [(table_id, values)] = planned.items()
            self._push(SetCells(self.report, table_id, values, label))
            return True
        first, values = next(iter(planned.items()))
        commands: list[QUndoCommand] = [SetCells(self.report, t, v, label) for t, v in planned.items()]
        self._push(Several(label, Place(table=first, cells=tuple(values)), commands))
        return True

    def fill_blanks(self, table_ids: list[str], label: str) -> int:
        """未发生的事项填0: every blank cell of the tables (totals compute themselves) set to 0, as one undo
        step; the number of cells filled."""
        changes = {}
        for table_id in table_ids:
            data = self.report.tables[table_id]
            blank = [cell for cell, value in data.items() if value is None and not data.is_total(cell)]
            if blank:
                changes[table_id] = {cell: self.report.parse(table_id, *cell, "0") for cell in blank}
        self.set_tables(changes, label)
        return sum(len(cells) for cells in changes.values())

    def set_meta(self, name: str, value: object, *, typing: bool = False) -> None:
        if getattr(self.report, name) == value:
            return
        label = words.translate("Edits", "修改{field}").format(field=words.text(self.report.format.field_label(name)))
        self._push(SetMeta(self.report, name, value, label, self._typing("meta", name) if typing else None))

    def set_previous(self, previous: PreviousYear | None) -> None:
        """Last year's report the rules across years compare with (None: none), as one undo step."""
        if self.report.previous == previous:
            return
        if previous is None:
            label = words.translate("Edits", "不再对照上年报告")
        else:
            label = words.translate("Edits", "对照上年报告“{source}”").format(source=previous.source or previous.year)
        self._push(SetPrevious(self.report, previous, label))

    def set_text(self, section_id: str, text: str) -> None:
        if self.report.narratives[section_id].text == text:
            return
        heading = self.report.format.section(section_id).heading
        label = words.translate("Edits", "编辑“{heading}”").format(heading=heading)
        self._push(SetText(self.report, section_id, text, label, self._typing("text", section_id)))

    def set_subsection(self, section_id: str, index: int, part: str, value: str) -> None:
        sub = self.report.narratives[section_id].subsections[index]
        if getattr(sub, part) == value:
            return
        number = self.report.format.section(section_id).subsection_number(index)
        label = (
            words.translate("Edits", "编辑小标题{number}的标题")
            if part == "title"
            else words.translate("Edits", "编辑小标题{number}的内容")
        ).format(number=number)
        key = self._typing("subsection", section_id, index, part)
        self._push(SetSubsection(self.report, section_id, index, part, value, label, key))

    def explain(self, finding: Finding, text: str) -> None:
        """Keep the clerk's explanation of a warning with the project (blank text removes it)."""
        key = (subject(finding), facts(finding))
        if self.report.explanations.get(key, "") == text.strip():
            return
        label = (
            words.translate("Edits", "说明警告（{code}）")
            if text.strip()
            else words.translate("Edits", "删除警告（{code}）的说明")
        ).format(code=finding.code)
        place = Place(
            table=finding.primary.table if finding.primary else None,
            cells=(finding.primary.cell,) if finding.primary else (),
            field=finding.field,
            section=None if finding.primary else finding.section,
            subsection=finding.subsection,
        )
        self._push(SetExplanation(self.report, key[0], key[1], text.strip(), label, place))

    def add_subsection(self, section_id: str, title: str) -> int:
        index = len(self.report.narratives[section_id].subsections)
        label = words.translate("Edits", "添加小标题“{title}”").format(title=title)
        self._push(InsertSubsections(self.report, section_id, index, [(title, "")], label))
        return index

    def paste_subheads(self, section_id: str, box: int | None, pasted: str, start: int, end: int) -> Message | None:
        """Paste `pasted` over `start:end` of a box of a section (`box`: None for the section's own text, else a
        sub-head's index) when it holds the section's sub-head headings: each heading's text to its sub-head,
        as one undo step, and what was done in words. None: it holds none, and is for an ordinary paste."""
        from govform.domain.subheads import paste_subheads  # with the first such paste, not at start-up

        narrative = self.report.narratives[section_id]
        section = self.report.format.section(section_id)
        titles = (*section.subsections, *section.optional_subsections)
        paste = paste_subheads(narrative, section.title, titles, pasted, box=box, start=start, end=end)
        if paste is None:
            return None
        label = words.translate("Edits", "按小标题分段粘贴")
        commands: list[QUndoCommand] = []
        if paste.text != narrative.text:
            commands.append(SetText(self.report, section_id, paste.text, label, None))
        for index, (sub, text) in enumerate(zip(narrative.subsections, paste.texts, strict=True)):
            if text != sub.text:
                commands.append(SetSubsection(self.report, section_id, index, "text", text, label, None))
        if paste.added:
            commands.append(
                InsertSubsections(self.report, section_id, len(narrative.subsections), [*paste.added], label)
            )
        self._push(Several(label, Place(section=section_id, subsection=box), commands))
        return paste.message()

    def remove_subsection(self, section_id: str, index: int) -> None:
        title = self.report.narratives[section_id].subsections[index].title
        label = words.translate("Edits", "删除小标题“{title}”").format(title=title)
        self._push(RemoveSubsection(self.report, section_id, index, label))

    def move_subsection(self, section_id: str, source: int, target: int) -> None:
        count = len(self.report.narratives[section_id].subsections)
        if source == target or not 0 <= target < count:
            return
        self._push(MoveSubsection(self.report, section_id, source, target, words.translate("Edits", "调整小标题顺序")))
