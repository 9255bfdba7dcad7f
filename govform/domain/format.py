"""The report format (sections, tables, labels, rules) loaded from its TOML file in templates/.

`parse_format` checks the whole template when it is loaded, the way a compiler checks a program: every
table, row and column a rule or total names must exist, rule ids must be unique, every rule has the
parameters and messages of its kind, and each message uses only the placeholders its rule fills in. A
broken template is refused with a FormatError naming the file and the key, never a KeyError mid-typing.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple, NoReturn, dataclass_transform

from govform.domain.messages import Message, placeholders
from govform.resources import read_toml, template_names, template_path

DEFAULT_FORMAT = "standard-2021"

Cell = tuple[str, str]
"""A value cell inside one table: (row id, column id)."""


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class ValueType(enum.StrEnum):
    INTEGER = "integer"  # a count, a whole number ≥ 0
    AMOUNT = "amount"  # money in 万元, a decimal ≥ 0
    SIGNED = "signed"  # a change from last year, written "+1", "-2", "0" (the 2019 format's 本年增/减)
    MONEY = "money"  # money with its unit written in the cell ("79000.1元", "7.9万元"), kept in 元


class FormatError(Exception):
    """A template that cannot be used: a template author's error, never the clerk's. Names the file and key."""

    def __init__(self, file: str, key: str, problem: Message):
        self.file = file
        self.key = key
        self.problem = problem
        self.message = Message("format.broken", file=file, key=key, problem=problem)
        super().__init__(str(self.message))


class UnknownFormat(LookupError):
    """A format name that no template in templates/ carries (or that is not a name at all)."""

    def __init__(self, name: object):
        self.name = name
        self.message = Message("format.unknown", name=str(name)[:80])
        super().__init__(str(self.message))


# -- the format's records --------------------------------------------------------------------------
# The structural records below (Node … AgencyKind) are NamedTuples, a start-up trick (govform/startup.py):
# every start defines ~45 record classes, and a dataclass costs 3–4 × as much to define as a NamedTuple
# (Python 3.11 compiles each generated method separately). These records belong to the format, are made
# only by parse_format and are never compared with plain tuples, so tuple equality does them no harm.
# Tables and formats are dataclasses, compared by identity; rules are records of their own (see Rule).


class Node(NamedTuple):
    """A label in a row or column tree; leaves carry the id of a row or column."""

    label: str
    id: str | None = None
    short: str | None = None
    children: tuple[Node, ...] = ()
    type: ValueType = ValueType.INTEGER
    breaks: str | None = None  # the label with its printed line breaks ("商业\n企业"), when it has any
    aliases: tuple[str, ...] = ()  # other names published reports use for it (old names: 规范性文件)

    @property
    def depth(self) -> int:
        return 1 + max((child.depth for child in self.children), default=0)

    def leaves(self, path: tuple[Node, ...] = ()) -> Iterator[tuple[tuple[Node, ...], Node]]:
        """Every leaf below this node with the chain of ancestors above it (this node included)."""
        if not self.children:
            yield path, self
        for child in self.children:
            yield from child.leaves((*path, self))


class Column(NamedTuple):
    id: str
    label: str
    type: ValueType
    path: tuple[str, ...]  # the group labels above it, outermost first
    display: str  # the shortest name that is unique in its block, e.g. "行政复议·结果维持"


class Row(NamedTuple):
    id: str
    label: str
    path: tuple[Node, ...]  # the group nodes above it, outermost first
    display: str  # e.g. "第三项（一）予以公开"
    short: str  # what a rule message calls it, e.g. "第一项", "第三项（七）总计"


class Block(NamedTuple):
    id: str
    title: str | None
    corner: str | None
    corner_breaks: str | None  # the corner with its printed line breaks, when it has any
    row_tree: tuple[Node, ...]
    column_tree: tuple[Node, ...]
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]

    @property
    def label_depth(self) -> int:
        """How many label columns the printed block has (0 when its only row is unlabelled)."""
        if all(not node.label and not node.children for node in self.row_tree):
            return 0
        return max(node.depth for node in self.row_tree)

    @property
    def header_depth(self) -> int:
        return max(node.depth for node in self.column_tree)


@dataclass(slots=True, eq=False)  # identity: a format's tables are singletons
class Table:
    """One statistics table: its blocks of rows and columns, and where each value cell is."""

    id: str
    number: str
    title: str
    short: str  # "表三"
    blocks: tuple[Block, ...]
    cells: tuple[Cell, ...]  # every value cell in printed order
    label_widths: tuple[float, ...]  # the share of each label column in the window's grid
    _rows: Mapping[str, tuple[Block, Row]] = field(repr=False)
    _columns: Mapping[Cell, Column] = field(repr=False)

    def row(self, row_id: str) -> Row:
        return self._rows[row_id][1]

    def has_row(self, row_id: str) -> bool:
        return row_id in self._rows

    def block_of(self, row_id: str) -> Block:
        return self._rows[row_id][0]

    def column(self, row_id: str, column_id: str) -> Column:
        return self._columns[(row_id, column_id)]

    def has_cell(self, row_id: str, column_id: str) -> bool:
        return (row_id, column_id) in self._columns

    def has_column(self, column_id: str) -> bool:
        return any(column.id == column_id for block in self.blocks for column in block.columns)

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for block in self.blocks for row in block.rows)

    @property
    def value_width(self) -> int:
        """Value columns of the printed table (the widest block)."""
        return max(len(block.columns) for block in self.blocks)

    @property
    def label_width(self) -> int:
        return max(block.label_depth for block in self.blocks)

    def cell_label(self, row_id: str, column_id: str) -> str:
        """How a clerk names a cell: "表三 第三项（一）予以公开 / 自然人"."""
        row = self.row(row_id)
        column = self.column(row_id, column_id)
        return f"{self.short} {row.display} / {column.display}" if row.display else f"{self.short} {column.display}"


class Section(NamedTuple):
    id: str
    number: str
    title: str
    table: str | None = None  # the table a statistics section shows
    required: bool = False
    subsection_numbering: str | None = None
    subsections: tuple[str, ...] = ()  # the standard sub-heads a new report starts with
    optional_subsections: tuple[str, ...] = ()
    short_title: str | None = None  # a few words for a tab or a list, where the full title would not fit

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    @property
    def short_heading(self) -> str:
        """ "三、依申请公开": the heading in a few words, for the window's tabs."""
        return f"{self.number}、{self.short_title or self.title}"

    def subsection_number(self, index: int) -> str:
        """The automatic number of the index-th (0-based) sub-head: "（一）"."""
        return (self.subsection_numbering or "{n}").format(n=chinese_numeral(index + 1))


class AgencyKind(NamedTuple):
    id: str
    label: str
    makes_regulations: bool
    fee_ceiling: int | None = None
    name_patterns: tuple[str, ...] = ()  # how agencies of this kind are named ("镇人民政府$"), to guess the kind


class Total(NamedTuple):
    """A cell the report fills in by itself as the sum of other cells of the same table."""

    table: str
    cell: Cell
    parts: tuple[Cell, ...]
    rule: str  # the id of the sum rule that defines it


# -- rules: one typed record per kind -------------------------------------------------------------


Words = Mapping[str, frozenset[str]]
"""A rule kind's messages: each message's name, and the placeholders a rule of that kind fills in for it."""


@dataclass_transform(kw_only_default=True)
class Rule:
    """One rule of the format. Each kind is a subclass with typed parameters, declared as annotated class
    attributes (a default is the attribute's value) and given by name; `MESSAGES` names the messages a rule of
    that kind carries and the placeholders each may use.

    Not a dataclass, though it reads like one: Python 3.11 compiles a generated __init__ for each dataclass,
    and the format defines its sixteen kinds at every start-up (see govform/startup.py for what that saves).
    `__init_subclass__` lists each kind's parameters in `PARAMS` instead, which __init__, __eq__, __repr__
    and the template reader (`_rule`) go by."""

    KIND: ClassVar[str] = ""
    MESSAGES: ClassVar[Words] = {}
    PARAMS: ClassVar[Mapping[str, str]] = {}
    """Every parameter's name and its type as written (this module defers annotations), the base's first."""

    id: str  # unique in the format, e.g. "R4-review"
    code: str  # the code a clerk sees, shared by rules stating the same thing, e.g. "R4"
    severity: Severity
    format: str  # the id of the format, for its messages' keys

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.PARAMS = _params(cls)

    def __init__(self, **values: Any) -> None:
        for name in self.PARAMS:
            if name in values:
                setattr(self, name, values.pop(name))
            elif not hasattr(type(self), name):  # no default
                raise TypeError(f"{type(self).__name__} needs {name}")
        if values:
            raise TypeError(f"{type(self).__name__} has no parameter {', '.join(values)}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.PARAMS)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values() == self._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.PARAMS)
        return f"{type(self).__name__}({values})"

    def message(self, name: str = "message", **params: Any) -> Message:
        """This rule's message `name` with its placeholders' values (the words come from the catalogue)."""
        return Message(f"{self.format}.rules.{self.id}.{name}", **params)

    def check(self, checks: _Checks) -> None:
        """Refuse parameters that name a table, row, column or section the format does not have."""


def _params(kind: type[Rule]) -> dict[str, str]:
    """The parameters a rule kind declares: its annotated attributes but the ClassVars, its bases' first."""
    return {
        name: written
        for klass in reversed(kind.__mro__)
        for name, written in vars(klass).get("__annotations__", {}).items()
        if not written.startswith("ClassVar")
    }


Rule.PARAMS = _params(Rule)


def _words(*names: str) -> frozenset[str]:
    return frozenset(names)


class _Checks:
    """The naming checks rules share; each raises a FormatError naming the file and key."""

    def __init__(self, tables: Mapping[str, Table], sections: Mapping[str, Section], where: str, file: str):
        self.tables, self.sections, self.where, self.file = tables, sections, where, file

    def fail(self, key: str, problem: Message) -> NoReturn:
        raise FormatError(self.file, f"{self.where}.{key}", problem)

    def table(self, key: str, table_id: str) -> Table:
        if table_id not in self.tables:
            self.fail(key, Message("format.no_table", name=table_id))
        return self.tables[table_id]

    def rows(self, key: str, table: Table, row_ids: tuple[str, ...]) -> None:
        for row_id in row_ids:
            if not table.has_row(row_id):
                self.fail(key, Message("format.no_row", table=table.short, name=row_id))

    def columns(self, key: str, table: Table, column_ids: tuple[str, ...]) -> None:
        for column_id in column_ids:
            if not table.has_column(column_id):
                self.fail(key, Message("format.no_column", table=table.short, name=column_id))

    def cells(self, key: str, table: Table, cells: tuple[Cell, ...]) -> None:
        for row_id, column_id in cells:
            if not table.has_cell(row_id, column_id):
                self.fail(key, Message("format.no_cell", table=table.short, row=row_id, column=column_id))

    def section(self, key: str, section_id: str) -> None:
        if section_id not in self.sections:
            self.fail(key, Message("format.no_section", name=section_id))

    def patterns(self, key: str, patterns: tuple[str, ...]) -> None:
        """Regular expressions that capture one figure (or year) each."""
        for pattern in patterns:
            try:
                compiled = re.compile(pattern)
            except re.error as error:
                self.fail(key, Message("format.bad_pattern", error=str(error)))
            if compiled.groups != 1:
                self.fail(key, Message("format.pattern_groups", pattern=pattern))


class Balance(Rule):
    """In each column of a block: the sum of the `left` rows equals the sum of the `right` rows (R1)."""

    KIND = "balance"
    MESSAGES: ClassVar[Words] = {"message": _words("table", "column", "left_terms", "right_terms", "left", "right")}
    table: str
    left: tuple[str, ...]
    right: tuple[str, ...]

    def check(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        checks.rows("left", table, self.left)
        checks.rows("right", table, self.right)
        blocks = {table.block_of(row).id for row in (*self.left, *self.right)}
        if len(blocks) > 1:
            checks.fail("right", Message("format.rows_in_blocks", table=table.short))


class Sum(Rule):
    """`total` equals the sum of `parts`, in every row (per = "row") or every column (per = "column").

    Sum rules also define the totals the report fills in by itself."""

    KIND = "sum"
    MESSAGES: ClassVar[Words] = {"message": _words("table", "row", "column", "total", "sum")}
    table: str
    per: str
    total: str
    parts: tuple[str, ...]

    def cells(self, table: Table) -> Iterator[tuple[Cell, tuple[Cell, ...]]]:
        """The (total cell, part cells) pairs this rule states for `table`."""
        if self.per == "row":
            for row in table.rows:
                if table.has_cell(row.id, self.total):
                    yield (row.id, self.total), tuple((row.id, part) for part in self.parts)
        else:
            for column in table.block_of(self.total).columns:
                yield (self.total, column.id), tuple((part, column.id) for part in self.parts)

    def check(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        if self.per not in ("row", "column"):
            checks.fail("per", Message("format.bad_choice", value=self.per, choices="row, column"))
        if self.per == "row":
            checks.columns("total", table, (self.total,))
            checks.columns("parts", table, self.parts)
        else:
            checks.rows("total", table, (self.total,))
            checks.rows("parts", table, self.parts)
        for cell, parts in self.cells(table):
            checks.cells("parts", table, (cell, *parts))


class CellsFilled(Rule):
    """Every cell holds an acceptable figure: not blank, not text (R5)."""

    KIND = "cells"
    MESSAGES: ClassVar[Words] = {
        "message_blank": _words("cell"),
        "message_invalid": _words("cell", "text", "reason"),
    }


class SectionsFilled(Rule):
    """The agency is named, the year fits the format, required sections and every sub-head have text (R6)."""

    KIND = "sections"
    MESSAGES: ClassVar[Words] = {
        "message_empty": _words("section"),
        "message_empty_subsection": _words("section", "subsection"),
        "message_untitled_subsection": _words("section", "number"),
        "message_agency": _words(),
        "message_year": _words("year", "first_year"),
    }


class ProcessingFee(Rule):
    """A section must state the 信息处理费 position (mention one of `keywords`)."""

    KIND = "processing_fee"
    MESSAGES: ClassVar[Words] = {"message": _words("section")}
    section: str
    keywords: tuple[str, ...]

    def check(self, checks: _Checks) -> None:
        checks.section("section", self.section)


class Regulations(Rule):
    """Only agencies that make 规章 report figures in these cells (W1)."""

    KIND = "regulations"
    MESSAGES: ClassVar[Words] = {"message": _words("cell", "value", "agency_kind")}
    table: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]

    def check(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        checks.rows("rows", table, self.rows)
        checks.cells("columns", table, tuple((row, column) for row in self.rows for column in self.columns))


class Repealed(Rule):
    """No more documents repealed than were in force plus issued (W2)."""

    KIND = "repealed"
    MESSAGES: ClassVar[Words] = {"message": _words("table", "row", "repealed", "in_force", "issued")}
    table: str
    rows: tuple[str, ...]
    issued: str
    repealed: str
    in_force: str

    def check(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        checks.rows("rows", table, self.rows)
        for key, column in (("issued", self.issued), ("repealed", self.repealed), ("in_force", self.in_force)):
            checks.cells(key, table, tuple((row, column) for row in self.rows))


class _OneCell(Rule):
    """A rule about one cell."""

    table: str
    row: str
    column: str

    def check(self, checks: _Checks) -> None:
        self.check_cell(checks)

    def check_cell(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        checks.rows("row", table, (self.row,))
        checks.cells("column", table, ((self.row, self.column),))


class NarrativeFigures(_OneCell):
    """A figure quoted in the text ("收到申请N件") matches the table (W3); `patterns` capture the figure."""

    KIND = "narrative_figures"
    MESSAGES: ClassVar[Words] = {"message": _words("section", "quoted", "table", "value")}
    patterns: tuple[str, ...] = ()

    def check(self, checks: _Checks) -> None:
        self.check_cell(checks)
        checks.patterns("patterns", self.patterns)


class FeeNotice(_OneCell):
    """A fee-related figure above 0 must be explained in a section (W4)."""

    KIND = "fee_notice"
    MESSAGES: ClassVar[Words] = {"message": _words("table", "row", "value", "section")}
    section: str = ""
    keywords: tuple[str, ...] = ()

    def check(self, checks: _Checks) -> None:
        self.check_cell(checks)
        checks.section("section", self.section)


class FeeAmount(_OneCell):
    """An amount above the agency kind's plausible ceiling was probably typed in 元, not 万元 (W6)."""

    KIND = "fee_amount"
    MESSAGES: ClassVar[Words] = {"message": _words("cell", "value", "agency_kind")}


class Dates(Rule):
    """The signature date falls in the next year by the deadline; the statistics period names the year (W5)."""

    KIND = "dates"
    MESSAGES: ClassVar[Words] = {
        "message_missing": _words(),
        "message_year": _words("date", "next_year"),
        "message_late": _words("date", "next_year", "month", "day"),
        "message_period": _words("section", "quoted", "year"),
    }
    period_pattern: str

    def check(self, checks: _Checks) -> None:
        checks.patterns("period_pattern", (self.period_pattern,))


class SubheadNumbers(Rule):
    """A sub-head title carries no number of its own: the report numbers sub-heads by their order (（一）…),
    so a title copied as "（一）主动公开情况" would print its number twice."""

    KIND = "subhead_numbers"
    MESSAGES: ClassVar[Words] = {"message": _words("section", "number", "title", "own")}


# -- rules across years: they compare with last year's report (Report.previous) -----------------------


class CarriedOver(Rule):
    """Each column of a block: this year's `row` equals last year's `previous_row` (Y1: 上年结转 = last year's
    结转下年度继续办理). `previous_formats` names the formats whose figures mean the same (empty: any)."""

    KIND = "carried_over"
    MESSAGES: ClassVar[Words] = {
        "message": _words("table", "column", "row", "value", "previous_row", "previous", "previous_year"),
        "message_year": _words("previous_year", "expected"),
    }
    table: str
    row: str
    previous_row: str
    previous_formats: tuple[str, ...] = ()

    def check(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        checks.rows("row", table, (self.row,))
        checks.rows("previous_row", table, (self.previous_row,))

    def previous_cells(self, fmt: Format) -> Iterator[tuple[str, str, str]]:
        """The cells of last year's report this rule reads: (table, row, column)."""
        for column in fmt.tables[self.table].block_of(self.previous_row).columns:
            yield self.table, self.previous_row, column.id


class InForceTrend(Rule):
    """现行有效件数 ≈ last year's 现行有效件数 + 本年制发 − 本年废止 (Y2; documents also lapse or get amended)."""

    KIND = "in_force_trend"
    MESSAGES: ClassVar[Words] = {
        "message": _words("table", "row", "in_force", "previous", "previous_year", "issued", "repealed", "expected"),
    }
    table: str
    rows: tuple[str, ...]
    issued: str
    repealed: str
    in_force: str
    previous_formats: tuple[str, ...] = ()

    def check(self, checks: _Checks) -> None:
        table = checks.table("table", self.table)
        checks.rows("rows", table, self.rows)
        for key, column in (("issued", self.issued), ("repealed", self.repealed), ("in_force", self.in_force)):
            checks.cells(key, table, tuple((row, column) for row in self.rows))

    def previous_cells(self, fmt: Format) -> Iterator[tuple[str, str, str]]:
        for row in self.rows:
            yield self.table, row, self.in_force


class UnchangedText(Rule):
    """A paragraph of at least `min_length` characters still identical to one of last year's report (雷同)."""

    KIND = "unchanged_text"
    MESSAGES: ClassVar[Words] = {"message": _words("section", "paragraph", "excerpt", "previous_year")}
    min_length: int = 20


ACROSS_YEARS = (CarriedOver, InForceTrend, UnchangedText)
"""The rule kinds that need last year's report; without it they find nothing."""


RULE_KINDS: Mapping[str, type[Rule]] = MappingProxyType(
    {
        kind.KIND: kind
        for kind in (
            Balance,
            Sum,
            CellsFilled,
            SectionsFilled,
            ProcessingFee,
            Regulations,
            Repealed,
            NarrativeFigures,
            FeeNotice,
            FeeAmount,
            Dates,
            SubheadNumbers,
            *ACROSS_YEARS,
        )
    }
)


# -- the format ----------------------------------------------------------------------------------


META_FIELDS = ("agency", "agency_lines", "agency_kind", "year", "signed_on", "preamble")


@dataclass(slots=True, eq=False)
class Format:
    """A report format as its template defines it: the sections, tables, agency kinds and rules, and the
    patterns a report's title, dates and exported file names follow."""

    id: str
    name: str
    reference: str  # the document that issued it, e.g. 国办公开办函〔2021〕30号
    first_year: int
    last_year: int | None  # the last report year it applies to (None: still in force)
    title_line: str
    date_pattern: str
    deadline: tuple[int, int]
    max_integer: int
    amount_places: int
    default_agency_kind: str
    export_name: str
    sections: tuple[Section, ...]
    tables: Mapping[str, Table]
    agency_kinds: tuple[AgencyKind, ...]
    rules: tuple[Rule, ...]
    totals: Mapping[tuple[str, Cell], Total]
    notes: tuple[str, ...] = ()  # the names of the template's [notes], e.g. "differences"

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def field_label(self, name: str) -> Message:
        """What this format calls a field of the basic information (one of META_FIELDS), from its [labels]."""
        return Message(f"{self.id}.labels.{name}")

    def agency_kind(self, kind_id: str) -> AgencyKind:
        for kind in self.agency_kinds:
            if kind.id == kind_id:
                return kind
        raise KeyError(kind_id)

    def report_title(self, year: int) -> str:
        return self.title_line.format(year=year)

    def format_date(self, year: int, month: int, day: int) -> str:
        return self.date_pattern.format(year=year, month=month, day=day)

    def export_stem(self, agency: str, year: int) -> str:
        """The name an exported or saved report is offered under, without its suffix."""
        return self.export_name.format(agency=agency, year=year)

    def section_of_table(self, table_id: str) -> Section:
        for section in self.sections:
            if section.table == table_id:
                return section
        raise KeyError(table_id)

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    def note(self, name: str) -> Message:
        """One of the template's [notes], e.g. "differences": what this format lacks compared with the next."""
        return Message(f"{self.id}.notes.{name}")

    def kind_of_agency(self, agency: str) -> str | None:
        """The agency kind an agency's full name suggests ("…镇人民政府" → township), by the kinds' name patterns."""
        name = re.sub(r"\s+", "", agency)
        name = re.sub(r"[（(][^（）()]*[)）]$", "", name)  # "…办公室（区政务服务管理办公室）": the name before it
        for kind in self.agency_kinds:
            if any(re.search(pattern, name) for pattern in kind.name_patterns):
                return kind.id
        return None

    def previous_cells(self, previous_format: str) -> list[tuple[str, str, str]]:
        """The cells of last year's report (in `previous_format`) the rules across years read."""
        cells: dict[tuple[str, str, str], None] = {}
        for rule in self.rules:
            if isinstance(rule, CarriedOver | InForceTrend) and compares_with(rule, previous_format):
                cells.update(dict.fromkeys(rule.previous_cells(self)))
        return list(cells)


def compares_with(rule: CarriedOver | InForceTrend, previous_format: str) -> bool:
    """Whether last year's figures in `previous_format` mean what `rule` compares them with."""
    return not rule.previous_formats or previous_format in rule.previous_formats


_NUMERALS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 → 一百, 105 → 一百零五 (any n ≥ 1)."""
    if n < 10:
        return _NUMERALS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")
    digits = str(n)
    spoken, zero = [], False
    units = ["", "十", "百", "千"]
    for place, digit in enumerate(digits):
        unit = units[(len(digits) - 1 - place) % 4] + ("万" * ((len(digits) - 1 - place) // 4))
        if digit == "0":
            zero = True
            continue
        if zero and spoken:
            spoken.append("零")
        zero = False
        spoken.append(_NUMERALS[int(digit)] + unit)
    return "".join(spoken)


# -- reading a template -----------------------------------------------------------------------------


class _Reader:
    """Typed access to the template's data, each failure a FormatError naming the file and the key."""

    def __init__(self, file: str):
        self.file = file

    def fail(self, key: str, problem: Message) -> FormatError:
        return FormatError(self.file, key, problem)

    def get(self, data: Mapping[str, Any], key: str, where: str, kind: type | tuple[type, ...], default: Any = ...):
        if key not in data:
            if default is ...:
                raise self.fail(_join(where, key), Message("format.missing"))
            return default
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(_join(where, key), Message("format.wrong_type", expected=_type_name(kind)))
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, default: Any = ...) -> str:
        return self.get(data, key, where, str, default)

    def texts(self, data: Mapping[str, Any], key: str, where: str, default: Any = ...) -> tuple[str, ...]:
        value = self.get(data, key, where, list, default)
        if not all(isinstance(item, str) for item in value):
            raise self.fail(_join(where, key), Message("format.wrong_type", expected=_type_name(list)))
        return tuple(value)

    def table(self, data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        return self.get(data, key, where, dict)

    def tables(self, data: Mapping[str, Any], key: str, where: str, default: Any = ...) -> list[Mapping[str, Any]]:
        value = self.get(data, key, where, list, default)
        if not all(isinstance(item, dict) for item in value):
            raise self.fail(_join(where, key), Message("format.wrong_type", expected=_type_name(dict)))
        return value


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _type_name(kind: type | tuple[type, ...]) -> Message:
    names = {str: "text", int: "integer", bool: "boolean", list: "list", dict: "table", float: "number"}
    first = kind[0] if isinstance(kind, tuple) else kind
    return Message(f"format.type.{names.get(first, 'value')}")


def _node(reader: _Reader, raw: Mapping[str, Any], where: str) -> Node:
    label = reader.text(raw, "label", where, "")
    type_name = reader.text(raw, "type", where, "integer")
    try:
        value_type = ValueType(type_name)
    except ValueError:
        problem = Message("format.bad_choice", value=type_name, choices=", ".join(ValueType))
        raise reader.fail(f"{where}.type", problem) from None
    breaks = _breaks(reader, raw, "breaks", label, where)
    children = tuple(
        _node(reader, child, f"{where}.children[{i}]")
        for i, child in enumerate(reader.tables(raw, "children", where, []))
    )
    return Node(
        label,
        reader.text(raw, "id", where, None),
        reader.text(raw, "short", where, None),
        children,
        value_type,
        breaks,
        reader.texts(raw, "aliases", where, ()),
    )


def _breaks(reader: _Reader, raw: Mapping[str, Any], key: str, label: str, where: str) -> str | None:
    """A label with its printed line breaks ("商业\n企业"), which must spell the label once they are removed."""
    breaks = reader.text(raw, key, where, None)
    if breaks is not None and breaks.replace("\n", "") != label:
        raise reader.fail(f"{where}.{key}", Message("format.breaks_differ", label=label))
    return breaks


def _block(reader: _Reader, table_short: str, raw: Mapping[str, Any], where: str) -> Block:
    row_tree = tuple(_node(reader, r, f"{where}.rows[{i}]") for i, r in enumerate(reader.tables(raw, "rows", where)))
    column_tree = tuple(
        _node(reader, c, f"{where}.columns[{i}]") for i, c in enumerate(reader.tables(raw, "columns", where))
    )
    if not row_tree or not column_tree:
        raise reader.fail(f"{where}.rows", Message("format.empty_block"))
    title = reader.text(raw, "title", where, None)

    rows = []
    for top in row_tree:
        for path, leaf in top.leaves():
            if leaf.id is None:
                raise reader.fail(f"{where}.rows", Message("format.leaf_without_id", label=leaf.label))
            prefix = "".join(node.short or node.label for node in path[:1])
            middle = " ".join(node.label for node in path[1:])
            display = prefix + (middle + " " if middle else "") + leaf.label
            if title:
                display = f"{title} {display}"
            short = (path[0].short if path and path[0].short else "") + (leaf.short or leaf.label)
            rows.append(Row(leaf.id, leaf.label, path, display, short))

    leaves = [(path, leaf) for top in column_tree for path, leaf in top.leaves()]
    names = [(*(node.label for node in path), leaf.label) for path, leaf in leaves]
    columns = []
    for (_, leaf), chain in zip(leaves, names, strict=True):
        if leaf.id is None:
            raise reader.fail(f"{where}.columns", Message("format.leaf_without_id", label=leaf.label))
        # The shortest tail of the label chain that no other column of the block shares.
        size = next(k for k in range(1, len(chain) + 1) if sum(other[-k:] == chain[-k:] for other in names) == 1)
        columns.append(Column(leaf.id, leaf.label, leaf.type, chain[:-1], "·".join(chain[-size:])))
    if len({c.id for c in columns}) != len(columns):
        raise reader.fail(f"{where}.columns", Message("format.duplicate_id", name=table_short))
    block_id = reader.text(raw, "id", where)
    corner = reader.text(raw, "corner", where, None)
    corner_breaks = _breaks(reader, raw, "corner_breaks", corner or "", where)
    return Block(block_id, title, corner, corner_breaks, row_tree, column_tree, tuple(rows), tuple(columns))


def _table(reader: _Reader, table_id: str, raw: Mapping[str, Any]) -> Table:
    where = f"tables.{table_id}"
    short = reader.text(raw, "short", where)
    blocks = tuple(
        _block(reader, short, b, f"{where}.blocks[{i}]") for i, b in enumerate(reader.tables(raw, "blocks", where))
    )
    if not blocks:
        raise reader.fail(f"{where}.blocks", Message("format.missing"))
    rows: dict[str, tuple[Block, Row]] = {}
    columns: dict[Cell, Column] = {}
    cells: list[Cell] = []
    for block in blocks:
        for row in block.rows:
            if row.id in rows:
                raise reader.fail(f"{where}.blocks", Message("format.duplicate_row", name=row.id))
            rows[row.id] = (block, row)
            for column in block.columns:
                columns[(row.id, column.id)] = column
                cells.append((row.id, column.id))
    label_depth = max(block.label_depth for block in blocks)
    widths = reader.get(raw, "label_widths", where, list, [])
    if len(widths) != label_depth or not all(isinstance(w, int | float) and w > 0 for w in widths):
        raise reader.fail(f"{where}.label_widths", Message("format.label_widths", count=label_depth))
    return Table(
        id=table_id,
        number=reader.text(raw, "number", where),
        title=reader.text(raw, "title", where),
        short=short,
        blocks=blocks,
        cells=tuple(cells),
        label_widths=tuple(float(w) for w in widths),
        _rows=MappingProxyType(rows),
        _columns=MappingProxyType(columns),
    )


def _rule(reader: _Reader, raw: Mapping[str, Any], index: int, format_id: str) -> Rule:
    rule_id = reader.text(raw, "id", f"rules[{index}]")
    where = f"rules.{rule_id}"
    kind_name = reader.text(raw, "kind", where)
    kind = RULE_KINDS.get(kind_name)
    if kind is None:
        raise reader.fail(f"{where}.kind", Message("format.bad_choice", value=kind_name, choices=", ".join(RULE_KINDS)))
    severity_name = reader.text(raw, "severity", where)
    try:
        severity = Severity(severity_name)
    except ValueError:
        problem = Message("format.bad_choice", value=severity_name, choices="error, warning")
        raise reader.fail(f"{where}.severity", problem) from None
    values: dict[str, Any] = {}
    own = Rule.PARAMS.keys()  # given below
    for name, written in kind.PARAMS.items():
        if name in own:
            continue
        default = getattr(kind, name, ...)
        if written == "tuple[str, ...]":
            values[name] = reader.texts(raw, name, where, default)
        elif written == "int":
            values[name] = reader.get(raw, name, where, int, default)
        else:
            values[name] = reader.text(raw, name, where, default)
    known = own | set(values) | {"kind"}
    for name in raw:
        if name not in known and name not in kind.MESSAGES:
            raise reader.fail(f"{where}.{name}", Message("format.unknown_key"))
    for name, allowed in kind.MESSAGES.items():
        text = reader.text(raw, name, where)
        unknown = placeholders(text) - allowed
        if unknown:
            raise reader.fail(
                f"{where}.{name}",
                Message(
                    "format.bad_placeholder",
                    names="、".join("{" + n + "}" for n in sorted(unknown)),
                    allowed="、".join("{" + n + "}" for n in sorted(allowed)) or "—",
                ),
            )
    return kind(id=rule_id, code=reader.text(raw, "code", where), severity=severity, format=format_id, **values)


def _section(reader: _Reader, raw: Mapping[str, Any], index: int) -> Section:
    where = f"sections[{index}]"
    return Section(
        id=reader.text(raw, "id", where),
        number=reader.text(raw, "number", where),
        title=reader.text(raw, "title", where),
        table=reader.text(raw, "table", where, None),
        required=reader.get(raw, "required", where, bool, False),
        subsection_numbering=reader.text(raw, "subsection_numbering", where, None),
        subsections=reader.texts(raw, "subsections", where, ()),
        optional_subsections=reader.texts(raw, "optional_subsections", where, ()),
        short_title=reader.text(raw, "short_title", where, None),
    )


def _agency_kind(reader: _Reader, raw: Mapping[str, Any], index: int) -> AgencyKind:
    where = f"agency_kinds[{index}]"
    patterns = reader.texts(raw, "name_patterns", where, ())
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise reader.fail(f"{where}.name_patterns", Message("format.bad_pattern", error=str(error))) from None
    return AgencyKind(
        id=reader.text(raw, "id", where),
        label=reader.text(raw, "label", where),
        makes_regulations=reader.get(raw, "makes_regulations", where, bool),
        fee_ceiling=reader.get(raw, "fee_ceiling", where, int, None),
        name_patterns=patterns,
    )


def _totals(tables: Mapping[str, Table], rules: tuple[Rule, ...]) -> dict[tuple[str, Cell], Total]:
    totals: dict[tuple[str, Cell], Total] = {}
    for rule in rules:
        if isinstance(rule, Sum):
            for cell, parts in rule.cells(tables[rule.table]):
                # The first rule that defines a total fills it; later rules only check it.
                totals.setdefault((rule.table, cell), Total(rule.table, cell, parts, rule.id))
    return totals


def _check_cycles(totals: Mapping[tuple[str, Cell], Total], reader: _Reader) -> None:
    state: dict[tuple[str, Cell], int] = {}

    def visit(key: tuple[str, Cell]) -> None:
        state[key] = 1
        for part in totals[key].parts:
            other = (key[0], part)
            if other in totals:
                if state.get(other) == 1:
                    raise reader.fail(f"rules.{totals[key].rule}.parts", Message("format.cycle", cell=part[0]))
                if other not in state:
                    visit(other)
        state[key] = 2

    for key in totals:
        if key not in state:
            visit(key)


def parse_format(data: Mapping[str, Any], file: str = "") -> Format:
    """Build a Format from a template's data, checking all of it; raises FormatError naming `file` and the key."""
    reader = _Reader(file or f"{data.get('id', '?')}.toml")
    format_id = reader.text(data, "id", "")
    if file and Path(file).stem != format_id:
        raise reader.fail("id", Message("format.id_not_file", name=format_id))
    tables_data = reader.table(data, "tables", "")
    tables = {tid: _table(reader, tid, reader.table(tables_data, tid, "tables")) for tid in tables_data}
    sections = tuple(_section(reader, s, i) for i, s in enumerate(reader.tables(data, "sections", "")))
    by_id: dict[str, Section] = {}
    for index, section in enumerate(sections):
        if section.id in by_id:
            raise reader.fail(f"sections[{index}].id", Message("format.duplicate_id", name=section.id))
        if section.table is not None and section.table not in tables:
            raise reader.fail(f"sections[{index}].table", Message("format.no_table", name=section.table))
        by_id[section.id] = section
    shown = [s.table for s in sections if s.table]
    for table_id in tables:
        if shown.count(table_id) != 1:
            raise reader.fail(f"tables.{table_id}", Message("format.table_not_shown", name=table_id))
    rules = tuple(_rule(reader, raw, i, format_id) for i, raw in enumerate(reader.tables(data, "rules", "")))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise reader.fail(f"rules.{rule.id}.id", Message("format.duplicate_id", name=rule.id))
        seen.add(rule.id)
        rule.check(_Checks(tables, by_id, f"rules.{rule.id}", reader.file))
    totals = _totals(tables, rules)
    _check_cycles(totals, reader)
    agency_kinds = tuple(_agency_kind(reader, k, i) for i, k in enumerate(reader.tables(data, "agency_kinds", "")))
    default_kind = reader.text(data, "default_agency_kind", "")
    if default_kind not in {k.id for k in agency_kinds}:
        raise reader.fail(
            "default_agency_kind",
            Message("format.bad_choice", value=default_kind, choices=", ".join(k.id for k in agency_kinds)),
        )
    labels = reader.table(data, "labels", "")
    for name in META_FIELDS:
        reader.text(labels, name, "labels")
    title = reader.table(data, "title", "")
    signature = reader.table(data, "signature", "")
    numbers = reader.table(data, "numbers", "")
    files = reader.table(data, "files", "")
    notes = reader.get(data, "notes", "", dict, {})
    for name in notes:
        reader.text(notes, name, "notes")
    return Format(
        id=format_id,
        name=reader.text(data, "name", ""),
        reference=reader.text(data, "reference", ""),
        first_year=reader.get(data, "first_year", "", int),
        last_year=reader.get(data, "last_year", "", int, None),
        title_line=reader.text(title, "report_line", "title"),
        date_pattern=reader.text(signature, "date_pattern", "signature"),
        deadline=(
            reader.get(signature, "deadline_month", "signature", int),
            reader.get(signature, "deadline_day", "signature", int),
        ),
        max_integer=reader.get(numbers, "max_integer", "numbers", int),
        amount_places=reader.get(numbers, "amount_places", "numbers", int),
        default_agency_kind=default_kind,
        export_name=reader.text(files, "export_name", "files"),
        sections=sections,
        tables=MappingProxyType(tables),
        agency_kinds=agency_kinds,
        rules=rules,
        totals=MappingProxyType(totals),
        notes=tuple(notes),
    )


def load_format_file(path: Path) -> Format:
    """The format in the template at `path`; a file that is not valid TOML is a FormatError too."""
    try:
        data = read_toml(path)
    except ValueError as error:  # tomllib.TOMLDecodeError, UnicodeDecodeError
        raise FormatError(path.name, "", Message("format.not_toml", reason=str(error))) from None
    except OSError as error:
        raise FormatError(path.name, "", Message("format.unreadable", reason=error.strerror or str(error))) from None
    return parse_format(data, path.name)


def load_format(format_id: str = DEFAULT_FORMAT) -> Format:
    """The format named `format_id`, read once: a format is immutable and compared by identity.
    Raises UnknownFormat or FormatError."""
    return _load_format(format_id)


@cache
def _load_format(format_id: str) -> Format:
    path = template_path(format_id)
    if path is None:
        raise UnknownFormat(format_id)
    return load_format_file(path)


def format_names() -> list[str]:
    """The formats a report can be written in, by name (see resources.template_names)."""
    return template_names()


def format_for_year(year: int) -> Format:
    """The format a report of `year` is written in: the newest one that applies to that year, else the default."""
    formats = [load_format(name) for name in format_names()]
    applicable = [fmt for fmt in formats if fmt.applies_to(year)]
    return max(applicable, key=lambda fmt: fmt.first_year) if applicable else load_format()
