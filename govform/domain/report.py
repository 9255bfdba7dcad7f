"""The report being written: metadata, narrative sections and the tables' cells, with one mutation path."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from govform.domain.format import META_FIELDS, Cell, Column, Format, Table, Total, ValueType
from govform.domain.messages import Message
from govform.domain.numbers import (
    NumberError,
    format_amount,
    format_signed,
    parse_amount,
    parse_integer,
    parse_money,
    parse_signed,
)


@dataclass(frozen=True, slots=True)
class Invalid:
    """Text in a number cell that is not an acceptable figure, kept so nothing the clerk typed is lost."""

    text: str
    reason: Message

    def __str__(self) -> str:
        return self.text


Value = int | Decimal | Invalid | None
"""A cell: a count (int), an amount in 万元 (Decimal), unacceptable text (Invalid) or blank (None)."""


def same_value(a: Value, b: Value) -> bool:
    """Whether two cell values are the same value: of one type and equal, amounts to the digit as written
    (2.0200 is not 2.02: the file keeps what was typed), Invalid text with its reason."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Decimal):
        return a.as_tuple() == b.as_tuple()  # type: ignore[union-attr]
    return a == b


@dataclass(frozen=True, slots=True)
class CellRef:
    """A value cell of the report: which table, which row, which column."""

    table: str
    row: str
    column: str

    @property
    def cell(self) -> Cell:
        return (self.row, self.column)


@dataclass(slots=True)
class PreviousYear:
    """What a report keeps of last year's report: the figures the rules across years compare with (Y1's
    结转下年度继续办理, Y2's 现行有效件数) and its paragraphs (for 雷同). See govform.domain.previous."""

    year: int
    format: str  # the id of last year's format
    agency: str = ""
    source: str = ""  # the name of the file it was read from, to tell the clerk
    values: Mapping[CellRef, Value] = field(default_factory=dict)
    paragraphs: tuple[str, ...] = ()  # last year's paragraphs, as written

    def value(self, table: str, row: str, column: str) -> Value:
        return self.values.get(CellRef(table, row, column))


@dataclass
class Subsection:
    """A sub-head of a narrative section; its number (（一）…) is never stored, it is derived from its place."""

    title: str
    text: str = ""


@dataclass
class Narrative:
    """A section's own text (paragraphs separated by newlines) followed by its sub-heads."""

    text: str = ""
    subsections: list[Subsection] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.text.strip() and not any(s.text.strip() for s in self.subsections)

    def all_text(self) -> str:
        return "\n".join([self.text, *(f"{s.title}\n{s.text}" for s in self.subsections)])


def paragraphs(text: str) -> list[str]:
    """The non-blank paragraphs of a narrative text."""
    return [line for line in text.split("\n") if line.strip()]


def parse_value(column: Column, text: str, fmt: Format) -> Value:
    """What a cell holds once `text` is typed into it; unacceptable text becomes Invalid with the reason."""
    try:
        if column.type is ValueType.AMOUNT:
            return parse_amount(text, fmt.amount_places, fmt.max_integer)
        if column.type is ValueType.SIGNED:
            return parse_signed(text, fmt.max_integer)
        if column.type is ValueType.MONEY:
            return parse_money(text, fmt.amount_places, fmt.max_integer)
        return parse_integer(text, fmt.max_integer)
    except NumberError as error:
        return Invalid(text.strip(), error.reason)


def _numeric(value: Value) -> bool:
    return isinstance(value, int | Decimal)


def display_value(value: Value, kind: ValueType = ValueType.INTEGER) -> str:
    """A cell of type `kind` as printed: "0", "12", "2.02", "+1" (signed), "79000.1元" (money); blank is ""."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value) + ("元" if kind is ValueType.MONEY else "")
    if kind is ValueType.SIGNED and isinstance(value, int):
        return format_signed(value)
    return str(value)


class TableData:
    """The values of one table; totals fill themselves from their parts unless the clerk entered one."""

    def __init__(self, table: Table, totals: Mapping[Cell, Total]):
        self.table = table
        self._totals = dict(totals)
        self._values: dict[Cell, Value] = dict.fromkeys(table.cells)
        self._manual: set[Cell] = set()
        self._dependents: dict[Cell, list[Cell]] = {}
        for cell, total in self._totals.items():
            for part in total.parts:
                self._dependents.setdefault(part, []).append(cell)
        self._order = self._topological_totals()

    def _topological_totals(self) -> list[Cell]:
        order: list[Cell] = []
        seen: set[Cell] = set()

        def visit(cell: Cell) -> None:
            if cell in seen:
                return
            seen.add(cell)
            for part in self._totals[cell].parts:
                if part in self._totals:
                    visit(part)
            order.append(cell)

        for cell in self._totals:
            visit(cell)
        return order

    def __getitem__(self, cell: Cell) -> Value:
        return self._values[cell]

    def __iter__(self) -> Iterator[Cell]:
        return iter(self.table.cells)

    def items(self) -> Iterator[tuple[Cell, Value]]:
        return iter(self._values.items())

    def is_total(self, cell: Cell) -> bool:
        return cell in self._totals

    def totals(self) -> list[Cell]:
        """The totals, each after the totals it adds up."""
        return list(self._order)

    def is_manual(self, cell: Cell) -> bool:
        """A total holding a figure the clerk typed or a file carried, rather than the computed sum."""
        return cell in self._manual

    def computed(self, cell: Cell) -> Value:
        """The sum of a total's parts (blank when no part holds a number)."""
        values = [self._values[p] for p in self._totals[cell].parts]
        numbers = [v for v in values if _numeric(v)]
        return sum(numbers) if numbers else None

    def set(self, cell: Cell, value: Value) -> list[Cell]:
        """Store `value` (None on a total means: compute it again); returns every cell whose value changed."""
        if cell not in self._values:
            raise KeyError(cell)
        if cell in self._totals:
            if value is None:
                self._manual.discard(cell)
                value = self.computed(cell)
            else:
                self._manual.add(cell)
        changed: list[Cell] = []
        if not same_value(self._values[cell], value):
            self._values[cell] = value
            changed.append(cell)
            self._propagate(cell, changed)
        return changed

    def _propagate(self, cell: Cell, changed: list[Cell]) -> None:
        for dependent in self._dependents.get(cell, ()):
            if dependent in self._manual:
                continue
            value = self.computed(dependent)
            if not same_value(self._values[dependent], value):
                self._values[dependent] = value
                changed.append(dependent)
                self._propagate(dependent, changed)

    def copy(self) -> TableData:
        """A detached copy of the values and manual marks (the format data is shared: it never changes)."""
        clone = copy.copy(self)
        clone._values = dict(self._values)
        clone._manual = set(self._manual)
        return clone

    def load(self, values: Mapping[Cell, Value]) -> None:
        """Take every cell from `values`; a total that is given and disagrees with its parts stays as given."""
        self._manual.clear()
        for cell in self.table.cells:
            self._values[cell] = values.get(cell)
        for cell in self._order:
            given, computed = self._values[cell], self.computed(cell)
            if given is None or (_numeric(given) and given == computed):
                self._values[cell] = computed
            else:
                self._manual.add(cell)


# What one mutation changed, for views to refresh exactly that.


@dataclass(slots=True)
class CellsChanged:
    """Cells of one table changed value (derived totals included)."""

    table: str
    cells: tuple[Cell, ...]


@dataclass(slots=True)
class MetaChanged:
    """A field of the basic information changed (one of format.META_FIELDS), or "previous": last year's report
    the rules across years compare with."""

    name: str


@dataclass(slots=True)
class TextChanged:
    """A section's own text (subsection None), or a sub-head's title or text, changed."""

    section: str
    subsection: int | None = None
    part: str = "text"  # "text" or "title" (a sub-head's)


@dataclass(slots=True)
class SubsectionsChanged:
    """Sub-heads of a section were inserted, removed or moved; those from `index` on are renumbered."""

    section: str
    index: int


class ExplanationChanged:
    """The clerk's explanation of a warning (by the warning's subject) was written, changed or removed.
    A plain class: one fewer dataclass to define at start-up."""

    __slots__ = ("subject",)
    __match_args__ = ("subject",)

    def __init__(self, subject: str):
        self.subject = subject


Change = CellsChanged | MetaChanged | TextChanged | SubsectionsChanged | ExplanationChanged


class Report:
    """One year's report of one agency, in one format. Every mutation goes through a method that notifies."""

    def __init__(
        self,
        fmt: Format,
        *,
        agency: str = "",
        agency_kind: str | None = None,
        year: int,
        signed_on: dt.date | None = None,
        preamble: str = "",
        agency_lines: str = "",
        previous: PreviousYear | None = None,
    ):
        self.format = fmt
        self.agency = agency
        # The agency's name with the clerk's own line breaks ("重庆市长寿区\n长寿湖镇人民政府"), for the title
        # and the signature where the name needs more than one line; "" (or breaks that no longer spell the
        # name) lets the export break it between words.
        self.agency_lines = agency_lines
        self.agency_kind = agency_kind or fmt.default_agency_kind
        self.year = year
        self.signed_on = signed_on
        self.preamble = preamble
        self.previous = previous
        # The clerk's explanations of warnings that are true as they stand (a 上报说明): by the warning's
        # subject and what it said (rules.subject and rules.facts); it answers the warning only while the
        # warning still says the same.
        self.explanations: dict[tuple[str, str], str] = {}
        # Every section has a narrative: the table sections may carry a short note under their table.
        self.narratives: dict[str, Narrative] = {s.id: Narrative() for s in fmt.sections}
        self.tables: dict[str, TableData] = {
            table_id: TableData(table, {cell: total for (tid, cell), total in fmt.totals.items() if tid == table_id})
            for table_id, table in fmt.tables.items()
        }
        fmt.agency_kind(self.agency_kind)  # an unknown kind is a programming error: fail early
        self._listeners: list[Callable[[Change], None]] = []

    @classmethod
    def new(cls, fmt: Format, *, agency: str, year: int, agency_kind: str | None = None) -> Report:
        """A blank report with the standard sub-heads of §一 in place and every cell blank."""
        report = cls(fmt, agency=agency, agency_kind=agency_kind, year=year)
        for section in fmt.sections:
            report.narratives[section.id].subsections = [Subsection(t) for t in section.subsections]
        return report

    # -- observing ------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.remove(listener)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- cells ----------------------------------------------------------------------------------

    def value(self, table_id: str, row: str, column: str) -> Value:
        return self.tables[table_id][(row, column)]

    def parse(self, table_id: str, row: str, column: str, text: str) -> Value:
        """What `text` typed into that cell would store (never raises: bad text becomes Invalid)."""
        return parse_value(self.format.tables[table_id].column(row, column), text, self.format)

    def set_cell(self, table_id: str, row: str, column: str, value: Value) -> tuple[Cell, ...]:
        """Set one cell; returns (and announces) every cell that changed, derived totals included."""
        if isinstance(value, bool) or (isinstance(value, int | Decimal) and value < 0):
            value = self.parse(table_id, row, column, str(value))
        changed = tuple(self.tables[table_id].set((row, column), value))
        if changed:
            self._notify(CellsChanged(table_id, changed))
        return changed

    def set_cells(self, table_id: str, values: Mapping[Cell, Value]) -> tuple[Cell, ...]:
        """Set several cells as one change (a paste); one notification lists every changed cell."""
        data = self.tables[table_id]
        changed: dict[Cell, None] = {}
        for cell, value in values.items():
            changed.update(dict.fromkeys(data.set(cell, value)))
        if changed:
            self._notify(CellsChanged(table_id, tuple(changed)))
        return tuple(changed)

    def with_cell(self, table_id: str, row: str, column: str, value: Value) -> Report:
        """A detached copy in which one cell holds `value`, for checking text not yet entered.

        Only that table is copied; the copy has no listeners and this report is left untouched.
        """
        preview = self._detached()
        preview.tables = dict(self.tables)
        preview.tables[table_id] = self.tables[table_id].copy()
        preview.set_cell(table_id, row, column, value)
        return preview

    def with_meta(self, name: str, value: object) -> Report:
        """A detached copy in which one field of the basic information holds `value` (a date being typed)."""
        if name not in META_FIELDS:
            raise KeyError(name)
        preview = self._detached()
        setattr(preview, name, value)
        return preview

    def _detached(self) -> Report:
        """A shallow copy that tells nobody of its changes (what it shares with this report is not changed)."""
        detached = copy.copy(self)
        detached._listeners = []
        return detached

    # -- metadata and text ----------------------------------------------------------------------

    def set_meta(self, name: str, value: object) -> None:
        if name not in META_FIELDS:
            raise KeyError(name)
        if name == "agency_kind":
            self.format.agency_kind(str(value))
        if getattr(self, name) != value:
            setattr(self, name, value)
            self._notify(MetaChanged(name))

    def set_previous(self, previous: PreviousYear | None) -> None:
        """Compare with this record of last year's report (None: with none)."""
        if self.previous != previous:
            self.previous = previous
            self._notify(MetaChanged("previous"))

    def set_text(self, section_id: str, text: str) -> None:
        narrative = self.narratives[section_id]
        if narrative.text != text:
            narrative.text = text
            self._notify(TextChanged(section_id))

    def set_subsection(self, section_id: str, index: int, *, title: str | None = None, text: str | None = None) -> None:
        sub = self.narratives[section_id].subsections[index]
        for name, value in (("title", title), ("text", text)):
            if value is not None and getattr(sub, name) != value:
                setattr(sub, name, value)
                self._notify(TextChanged(section_id, index, name))

    def insert_subsection(self, section_id: str, index: int, subsection: Subsection) -> None:
        self.insert_subsections(section_id, index, [subsection])

    def insert_subsections(self, section_id: str, index: int, subsections: list[Subsection]) -> None:
        """Insert several sub-heads at `index` as one change (a view remakes its sub-heads once, not per sub-head)."""
        self.narratives[section_id].subsections[index:index] = subsections
        self._notify(SubsectionsChanged(section_id, index))

    def remove_subsection(self, section_id: str, index: int) -> Subsection:
        return self.remove_subsections(section_id, index, 1)[0]

    def remove_subsections(self, section_id: str, index: int, count: int) -> list[Subsection]:
        """Remove `count` sub-heads from `index` on as one change; they are returned."""
        subs = self.narratives[section_id].subsections
        removed = subs[index : index + count]
        del subs[index : index + count]
        self._notify(SubsectionsChanged(section_id, index))
        return removed

    def move_subsection(self, section_id: str, source: int, target: int) -> None:
        subs = self.narratives[section_id].subsections
        subs.insert(target, subs.pop(source))
        self._notify(SubsectionsChanged(section_id, min(source, target)))

    def set_explanation(self, subject: str, facts: str, text: str) -> None:
        """Explain the warning `subject` as it says `facts` (blank text: remove the explanation). A subject
        keeps one explanation: a new one replaces what was written when the warning said something else."""
        old = {key: value for key, value in self.explanations.items() if key[0] == subject}
        new = {(subject, facts): text} if text.strip() else {}
        if old == new:
            return
        for key in old:
            del self.explanations[key]
        self.explanations.update(new)
        self._notify(ExplanationChanged(subject))

    # -- reading --------------------------------------------------------------------------------

    def title_lines(self) -> tuple[str, str]:
        return self.agency, self.format.report_title(self.year)

    def signature_date(self) -> str:
        d = self.signed_on
        return self.format.format_date(d.year, d.month, d.day) if d else ""

    def texts(self) -> Iterable[tuple[str | None, str]]:
        """Every narrative text with the id of its section (None for the preamble)."""
        yield None, self.preamble
        for section_id, narrative in self.narratives.items():
            yield section_id, narrative.all_text()

    def paragraphs(self) -> Iterator[tuple[str | None, int | None, int, str]]:
        """Every paragraph of the narrative as (section id or None for the preamble, sub-head index or None,
        index of the paragraph in its text, text); sub-head titles are not paragraphs."""
        for index, text in enumerate(paragraphs(self.preamble)):
            yield None, None, index, text
        for section_id, narrative in self.narratives.items():
            for index, text in enumerate(paragraphs(narrative.text)):
                yield section_id, None, index, text
            for sub_index, sub in enumerate(narrative.subsections):
                for index, text in enumerate(paragraphs(sub.text)):
                    yield section_id, sub_index, index, text
