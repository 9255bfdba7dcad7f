"""How the report's tables are set: the type size and column widths that keep every figure and every label
line whole, and which rows must stay on one page together.

Widths come from what the cells print. A value column is as wide as its widest figure, a label column as
its longest printed line (labels break only where the format breaks them, between words: 商业/企业). What
is left of the text block widens the value columns, narrowest first, so they look even. When the columns
do not fit at the table's type size, the type shrinks by half a point until they do: a figure never
wraps ("2221/5"), nor does a label inside a word ("商业企/业").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from govform.domain.format import Cell
from govform.domain.layout import Grid, GridCell
from govform.domain.text import text_width
from govform.io.gbt9704 import TEXT_HEIGHT, TEXT_WIDTH

# Type sizes in half-points: tables at 五号 10.5 pt, wide ones (table 三 and 四) at 9 pt.
TABLE_SIZE, WIDE_TABLE_SIZE = 21, 18
WIDE_TABLE_COLUMNS = 8  # from this many printed columns on, a table starts at the smaller size
# Only absurd figures shrink a table this far: all 15 cells of table 四 at 9 digits print at 3.5 pt.
SMALLEST_TABLE_SIZE = 6

CELL_MARGIN = 57  # twips, 1 mm each side, as the circulated template has it
MIN_VALUE_CHARS = 2  # a value column is at least two characters wide
NARROW = 0.65  # a digit or Latin letter, in characters: half in 仿宋_GB2312, 0.64 in what LibreOffice substitutes
LINE_SLACK = 0.3  # characters of room a line gets beyond its width, so that no renderer wraps it
ROW_HEIGHT = 1.6  # the least row height, in lines of the table's type: airy, yet table 三 fits one page
LINE_HEIGHT = 1.4  # the height of a line of the table's type (single spacing), in lines, for estimates
TITLE_ROW_FILL = "C6D9F1"  # the light shading of table 二's block titles in the circulated template


class TableType(NamedTuple):
    """How a table is set: its type size in half-points and its column widths in twips (summing to the text block)."""

    size: int
    widths: list[int]


def cell_lines(cell: GridCell, values: Mapping[Cell, str]) -> tuple[str, ...]:
    """What a printed cell shows, line by line: its figure, or its label with the format's line breaks."""
    if cell.cell is not None:
        return (values.get(cell.cell, ""),)
    return cell.lines


def line_twips(line: str, size: int) -> float:
    """The width a cell needs to print `line` whole at `size` (half-points), its margins included."""
    return (text_width(line, NARROW) + LINE_SLACK) * size * 10 + 2 * CELL_MARGIN


def table_type(grid: Grid, values: Mapping[Cell, str]) -> TableType:
    """The largest type size, from the table's own down by half points, at which every printed line of every
    cell fits its column; the columns' widths at that size."""
    start = WIDE_TABLE_SIZE if grid.columns >= WIDE_TABLE_COLUMNS else TABLE_SIZE
    for size in range(start, SMALLEST_TABLE_SIZE - 1, -1):
        needs = column_needs(grid, values, size)
        if sum(needs) <= TEXT_WIDTH:
            return TableType(size, _fill(_widen_values(grid, needs), TEXT_WIDTH))
    # Even the smallest type is too large: every column shrinks alike and figures wrap rather than run off.
    return TableType(SMALLEST_TABLE_SIZE, _fill(needs, TEXT_WIDTH))


def column_needs(grid: Grid, values: Mapping[Cell, str], size: int) -> list[float]:
    """The least width of each column (twips) at `size` so that no printed line of any cell wraps."""
    char = size * 10
    needs = [0.0] * grid.label_columns + [MIN_VALUE_CHARS * char + 2 * CELL_MARGIN] * (
        grid.columns - grid.label_columns
    )
    needs = [max(n, char + 2 * CELL_MARGIN) for n in needs]
    for cell in sorted(grid.cells, key=lambda c: c.colspan):
        widest = max((line_twips(line, size) for line in cell_lines(cell, values) if line), default=0.0)
        span = range(cell.column, cell.column + cell.colspan)
        missing = widest - sum(needs[k] for k in span)
        if missing <= 0:
            continue
        if cell.column < grid.label_columns:
            needs[span[-1]] += missing  # a label spanning label columns: the innermost (widest) one grows
        else:
            for k in span:
                needs[k] += missing / len(span)
    return needs


def _widen_values(grid: Grid, needs: list[float]) -> list[float]:
    """The text block's width left over from `needs` goes to the value columns, the narrowest first, so the
    value columns are as even as their figures allow."""
    labels, values = needs[: grid.label_columns], needs[grid.label_columns :]
    room = TEXT_WIDTH - sum(labels)
    ordered = sorted(values)
    if sum(ordered) >= room:
        return needs
    # Raise the k narrowest columns to one level, k as large as leaves every raised column no narrower.
    for k in range(len(ordered), 0, -1):
        level = (room - sum(ordered[k:])) / k
        if level >= ordered[k - 1]:
            break
    return labels + [max(need, level) for need in values]


def _fill(weights: Sequence[float], total: int) -> list[int]:
    """Whole twips in proportion to `weights`, summing exactly to `total` (the largest remainders round up)."""
    exact = [w * total / sum(weights) for w in weights]
    widths = [int(w) for w in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: widths[i] - exact[i])
    for i in by_remainder[: total - sum(widths)]:
        widths[i] += 1
    return widths


# -- keeping rows together ------------------------------------------------------------------------------

KEPT_HEIGHT = TEXT_HEIGHT // 3  # a table breaks across pages only where about a third of a page is free


def row_heights(grid: Grid, values: Mapping[Cell, str], size: int) -> list[float]:
    """An estimate of each row's printed height in twips (its tallest one-row cell decides)."""
    char = size * 10
    lines = [1] * grid.rows
    for cell in grid.cells:
        if cell.rowspan == 1:
            lines[cell.row] = max(lines[cell.row], len(cell_lines(cell, values)))
    return [max(ROW_HEIGHT * char, count * LINE_HEIGHT * char) for count in lines]


def kept_with_next(grid: Grid, values: Mapping[Cell, str], size: int) -> list[bool]:
    """For each row, whether it stays on the page of the row below it.

    A table with header rows (三, 四) keeps them and the rows filling about the first third of a page
    together, with the heading above (which keeps with the table): it starts on a page only where that
    much is free, and then breaks where the page ends, its header rows repeated. Rows that belong together
    stay together too: a block of table 二 (its title, header and rows: 二 breaks only between blocks, as
    the format's four small tables), the rows a group label spans in table 三 (（三）不予公开 and its eight),
    and the last two rows."""
    heights = row_heights(grid, values, size)
    keep = [False] * grid.rows
    height = 0.0
    for row in range(grid.rows - 1):
        height += heights[row]
        if row < grid.header_rows or (grid.header_rows and height < KEPT_HEIGHT):
            keep[row] = True
    for first, last in _groups(grid):
        if sum(heights[first : last + 1]) < KEPT_HEIGHT:
            for row in range(first, last):
                keep[row] = True
    if grid.rows >= 2:
        keep[grid.rows - 2] = True
    keep[grid.rows - 1] = False
    return keep


def _groups(grid: Grid) -> list[tuple[int, int]]:
    """(first, last) rows that belong together: each block under a title row, each group label's rows."""
    groups = []
    titles = sorted(c.row for c in grid.cells if c.role == "title")
    for index, row in enumerate(titles):
        end = titles[index + 1] - 1 if index + 1 < len(titles) else grid.rows - 1
        groups.append((row, end))
    for cell in grid.cells:
        if cell.role == "label" and cell.rowspan > 1:
            groups.append((cell.row, cell.row + cell.rowspan - 1))
    return groups
