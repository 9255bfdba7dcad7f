"""The report format (sections, tables, labels, rules) loaded from its TOML file in templates/."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from govform.resources import read_toml, template_path

DEFAULT_FORMAT = "standard-2021"

Cell = tuple[str, str]
"""A value cell inside one table: (row id, column id)."""


class FormatError(Exception):
    """The format file itself is broken: a developer's error, never the clerk's."""


# The format's value records are NamedTuples: immutable, equal and hashable by value as frozen dataclasses
# are, but defined ~0.5 ms faster each at start-up (Python 3.11 compiles six methods per frozen dataclass).
# Table and Format, compared by identity, stay dataclasses.


class Node(NamedTuple):
    """A label in a row or column tree; leaves carry the id of a row or column."""

    label: str
    id: str | None = None
    short: str | None = None
    children: tuple[Node, ...] = ()
    type: str = "integer"
    unit: str | None = None

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
    type: str  # "integer" or "amount"
    unit: str | None
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


@dataclass(frozen=True, eq=False)  # identity: a format's tables are singletons
class Table:
    id: str
    number: str
    title: str
    short: str  # "表三"
    blocks: tuple[Block, ...]
    cells: tuple[Cell, ...]  # every value cell in printed order
    _rows: Mapping[str, tuple[Block, Row]] = field(repr=False)
    _columns: Mapping[Cell, Column] = field(repr=False)

    def row(self, row_id: str) -> Row:
        return self._rows[row_id][1]

    def block_of(self, row_id: str) -> Block:
        return self._rows[row_id][0]

    def column(self, row_id: str, column_id: str) -> Column:
        return self._columns[(row_id, column_id)]

    def has_cell(self, row_id: str, column_id: str) -> bool:
        return (row_id, column_id) in self._columns

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
    kind: str  # "narrative" or "table"
    table: str | None = None
    required: bool = False
    subsection_numbering: str | None = None
    subsections: tuple[str, ...] = ()  # the standard sub-heads a new report starts with
    optional_subsections: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    def subsection_number(self, index: int) -> str:
        """The automatic number of the index-th (0-based) sub-head: "（一）"."""
        return (self.subsection_numbering or "{n}").format(n=chinese_numeral(index + 1))


class AgencyKind(NamedTuple):
    id: str
    label: str
    makes_regulations: bool
    fee_ceiling: int | None = None


class Rule(NamedTuple):
    code: str
    severity: str
    kind: str
    params: Mapping[str, Any]


class Total(NamedTuple):
    """A cell the report fills in by itself as the sum of other cells of the same table."""

    table: str
    cell: Cell
    parts: tuple[Cell, ...]
    rule: str


@dataclass(frozen=True, eq=False)
class Format:
    id: str
    name: str
    first_year: int
    title_line: str
    date_pattern: str
    deadline: tuple[int, int]
    max_integer: int
    amount_places: int
    sections: tuple[Section, ...]
    tables: Mapping[str, Table]
    agency_kinds: tuple[AgencyKind, ...]
    rules: tuple[Rule, ...]
    totals: Mapping[tuple[str, Cell], Total]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def agency_kind(self, kind_id: str) -> AgencyKind:
        for kind in self.agency_kinds:
            if kind.id == kind_id:
                return kind
        raise KeyError(kind_id)

    def report_title(self, year: int) -> str:
        return self.title_line.format(year=year)

    def format_date(self, year: int, month: int, day: int) -> str:
        return self.date_pattern.format(year=year, month=month, day=day)

    def section_of_table(self, table_id: str) -> Section:
        for section in self.sections:
            if section.table == table_id:
                return section
        raise KeyError(table_id)


_NUMERALS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (sub-heads rarely pass 99)."""
    if n < 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


def _node(raw: Mapping[str, Any]) -> Node:
    return Node(
        label=raw.get("label", ""),
        id=raw.get("id"),
        short=raw.get("short"),
        children=tuple(_node(child) for child in raw.get("children", ())),
        type=raw.get("type", "integer"),
        unit=raw.get("unit"),
    )


def _block(table_short: str, raw: Mapping[str, Any]) -> Block:
    row_tree = tuple(_node(r) for r in raw["rows"])
    column_tree = tuple(_node(c) for c in raw["columns"])
    title = raw.get("title")

    rows = []
    for top in row_tree:
        for path, leaf in top.leaves():
            if leaf.id is None:
                raise FormatError(f"{table_short}: a row without an id: {leaf.label}")
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
        if leaf.id is None or leaf.type not in ("integer", "amount"):
            raise FormatError(f"{table_short}: a column without an id or with an unknown type: {leaf.label}")
        # The shortest tail of the label chain that no other column of the block shares.
        size = next(k for k in range(1, len(chain) + 1) if sum(other[-k:] == chain[-k:] for other in names) == 1)
        columns.append(Column(leaf.id, leaf.label, leaf.type, leaf.unit, chain[:-1], "·".join(chain[-size:])))
    return Block(raw["id"], title, raw.get("corner"), row_tree, column_tree, tuple(rows), tuple(columns))


def _table(table_id: str, raw: Mapping[str, Any]) -> Table:
    blocks = tuple(_block(raw["short"], b) for b in raw["blocks"])
    rows: dict[str, tuple[Block, Row]] = {}
    columns: dict[Cell, Column] = {}
    cells: list[Cell] = []
    for block in blocks:
        for row in block.rows:
            if row.id in rows:
                raise FormatError(f"{table_id}: row id {row.id} twice")
            rows[row.id] = (block, row)
            for column in block.columns:
                columns[(row.id, column.id)] = column
                cells.append((row.id, column.id))
    return Table(
        id=table_id,
        number=raw["number"],
        title=raw["title"],
        short=raw["short"],
        blocks=blocks,
        cells=tuple(cells),
        _rows=MappingProxyType(rows),
        _columns=MappingProxyType(columns),
    )


def sum_cells(table: Table, rule: Rule) -> Iterator[tuple[Cell, tuple[Cell, ...]]]:
    """The (total cell, part cells) pairs a "sum" rule states for `table`."""
    target, parts = rule.params["total"], tuple(rule.params["parts"])
    if rule.params["per"] == "row":
        for row in table.rows:
            if table.has_cell(row.id, target):
                yield (row.id, target), tuple((row.id, p) for p in parts)
    else:
        for column in table.block_of(target).columns:
            yield (target, column.id), tuple((p, column.id) for p in parts)


def _totals(tables: Mapping[str, Table], rules: tuple[Rule, ...]) -> dict[tuple[str, Cell], Total]:
    totals: dict[tuple[str, Cell], Total] = {}
    for rule in rules:
        if rule.kind != "sum":
            continue
        table = tables[rule.params["table"]]
        for cell, parts in sum_cells(table, rule):
            for c in (cell, *parts):
                if not table.has_cell(*c):
                    raise FormatError(f"rule {rule.code}: no cell {c} in {table.id}")
            # The first rule that defines a total fills it; later rules only check it.
            totals.setdefault((table.id, cell), Total(table.id, cell, parts, rule.code))
    return totals


def parse_format(data: Mapping[str, Any]) -> Format:
    """Build a Format from the parsed TOML data, checking that rules refer to cells that exist."""
    try:
        tables = {tid: _table(tid, raw) for tid, raw in data["tables"].items()}
        rules = tuple(
            Rule(
                r["code"],
                r["severity"],
                r["kind"],
                MappingProxyType({k: v for k, v in r.items() if k not in ("code", "severity", "kind")}),
            )
            for r in data["rules"]
        )
        sections = tuple(
            Section(
                id=s["id"],
                number=s["number"],
                title=s["title"],
                kind=s["kind"],
                table=s.get("table"),
                required=s.get("required", False),
                subsection_numbering=s.get("subsection_numbering"),
                subsections=tuple(s.get("subsections", ())),
                optional_subsections=tuple(s.get("optional_subsections", ())),
            )
            for s in data["sections"]
        )
        return Format(
            id=data["id"],
            name=data["name"],
            first_year=data["first_year"],
            title_line=data["title"]["report_line"],
            date_pattern=data["signature"]["date_pattern"],
            deadline=(data["signature"]["deadline_month"], data["signature"]["deadline_day"]),
            max_integer=data["numbers"]["max_integer"],
            amount_places=data["numbers"]["amount_places"],
            sections=sections,
            tables=MappingProxyType(tables),
            agency_kinds=tuple(AgencyKind(**k) for k in data["agency_kinds"]),
            rules=rules,
            totals=MappingProxyType(_totals(tables, rules)),
        )
    except (KeyError, TypeError) as error:
        raise FormatError(f"format data incomplete: {error!r}") from error


def load_format_file(path: Path) -> Format:
    return parse_format(read_toml(path))


@cache
def load_format(format_id: str = DEFAULT_FORMAT) -> Format:
    """The format `format_id` from templates/ (cached: formats are immutable)."""
    path = template_path(format_id)
    if not path.is_file():
        raise KeyError(format_id)
    return load_format_file(path)
