"""Where each label and value of a table sits on the printed grid, merges included.

The DOCX writer and the window's grids both walk this one layout, so they cannot disagree with each
other or with the format data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from govform.domain.format import Block, Cell, Node, Table


@dataclass(frozen=True, slots=True)
class GridCell:
    """One printed cell, anchored at (row, column) and spanning rowspan × colspan grid cells."""

    row: int
    column: int
    rowspan: int
    colspan: int
    role: str  # "title" (a block's title row), "corner", "header", "label" or "value"
    text: str = ""
    cell: Cell | None = None  # the value cell shown here (role "value")
    breaks: str | None = None  # the text with its printed line breaks ("商业\n企业"), when it has any

    @property
    def lines(self) -> tuple[str, ...]:
        """The text as printed, line by line: the format's own line breaks, else one line."""
        return tuple((self.breaks or self.text).split("\n"))


@dataclass(frozen=True, eq=False)
class Grid:
    table: Table
    rows: int
    columns: int
    label_columns: int
    header_rows: int  # the rows at the top that repeat when the table breaks across pages
    cells: tuple[GridCell, ...]

    def value_position(self, cell: Cell) -> tuple[int, int]:
        return _positions(self)[cell]

    def anchor_at(self, row: int, column: int) -> GridCell:
        """The printed cell that covers grid position (row, column)."""
        return _coverage(self)[(row, column)]

    def row_roles(self) -> list[str]:
        """For each grid row: "title", "header" or "body"."""
        roles = ["body"] * self.rows
        for c in self.cells:
            if c.role in ("title", "header", "corner"):
                for r in range(c.row, c.row + c.rowspan):
                    roles[r] = "title" if c.role == "title" else "header"
        return roles


@cache
def _positions(grid: Grid) -> dict[Cell, tuple[int, int]]:
    return {c.cell: (c.row, c.column) for c in grid.cells if c.cell is not None}


@cache
def _coverage(grid: Grid) -> dict[tuple[int, int], GridCell]:
    covered = {}
    for c in grid.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.column, c.column + c.colspan):
                covered[(r, k)] = c
    return covered


def _count_leaves(node: Node) -> int:
    return 1 if not node.children else sum(_count_leaves(child) for child in node.children)


def _leaf_spans(count: int, width: int) -> list[tuple[int, int]]:
    """(start, span) of each of `count` value columns spread over `width` printed columns."""
    base, extra = divmod(width, count)
    spans, start = [], 0
    for index in range(count):
        span = base + (1 if index >= count - extra else 0)
        spans.append((start, span))
        start += span
    return spans


def _block_cells(block: Block, top: int, labels: int, width: int) -> tuple[list[GridCell], int]:
    cells: list[GridCell] = []
    row = top
    if block.title:
        cells.append(GridCell(row, 0, 1, labels + width, "title", block.title))
        row += 1

    depth = block.header_depth
    if labels:
        cells.append(GridCell(row, 0, depth, labels, "corner", block.corner or "", breaks=block.corner_breaks))
    spans = _leaf_spans(len(block.columns), width)
    leaf_index = 0

    def place_header(node: Node, level: int) -> tuple[int, int]:
        nonlocal leaf_index
        if not node.children:
            start, span = spans[leaf_index]
            leaf_index += 1
            cells.append(
                GridCell(
                    row + level,
                    labels + start,
                    depth - level,
                    span,
                    "header",
                    node.label,
                    breaks=node.breaks,
                )
            )
            return start, span
        placed = [place_header(child, level + 1) for child in node.children]
        start = placed[0][0]
        span = sum(s for _, s in placed)
        cells.append(GridCell(row + level, labels + start, 1, span, "header", node.label, breaks=node.breaks))
        return start, span

    for node in block.column_tree:
        place_header(node, 0)
    row += depth

    def place_rows(node: Node, level: int) -> None:
        nonlocal row
        if not node.children:
            if labels:
                cells.append(GridCell(row, level, 1, labels - level, "label", node.label, breaks=node.breaks))
            for (start, span), column in zip(spans, block.columns, strict=True):
                cells.append(GridCell(row, labels + start, 1, span, "value", cell=(node.id or "", column.id)))
            row += 1
            return
        cells.append(GridCell(row, level, _count_leaves(node), 1, "label", node.label, breaks=node.breaks))
        for child in node.children:
            place_rows(child, level + 1)

    for node in block.row_tree:
        place_rows(node, 0)
    return cells, row


@cache
def table_grid(table: Table) -> Grid:
    """The printed layout of `table`, as the format's merge structure gives it."""
    labels, width = table.label_width, table.value_width
    cells: list[GridCell] = []
    row = 0
    for block in table.blocks:
        block_cells, row = _block_cells(block, row, labels, width)
        cells += block_cells
    only = table.blocks[0]
    header_rows = only.header_depth if len(table.blocks) == 1 and not only.title else 0
    cells.sort(key=lambda c: (c.row, c.column))
    return Grid(table, row, labels + width, labels, header_rows, tuple(cells))
