"""Editing a table's printed grid like a spreadsheet: what the clipboard holds, where a paste lands, where
the cursor goes next. Pure, so the window's grid and the tests share it without Qt.

Positions are (row, column) on the printed grid of `layout.table_grid`; value cells are (row id, column id).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from govform.domain.format import Cell
from govform.domain.layout import Grid
from govform.domain.messages import Message
from govform.domain.report import Invalid, TableData, Value, display_value, same_value

Position = tuple[int, int]


class Move(enum.Enum):
    UP = (-1, 0)
    DOWN = (1, 0)
    LEFT = (0, -1)
    RIGHT = (0, 1)
    NEXT = "next"  # Tab: the next value cell in reading order, across rows
    PREVIOUS = "previous"


class PasteRefused(Exception):
    """A paste that would not fit or holds a figure the cell cannot take; nothing was changed."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def split_tsv(text: str) -> list[list[str]]:
    """Rows of tab-separated fields, as Excel and WPS put a range on the clipboard."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def value_cells(grid: Grid, positions: Iterable[Position]) -> list[Cell]:
    """The value cells anchored at `positions` (labels, headers and covered positions are skipped)."""
    cells = []
    for row, column in positions:
        anchor = grid.anchor_at(row, column)
        if anchor.cell is not None and (anchor.row, anchor.column) == (row, column):
            cells.append(anchor.cell)
    return cells


def plan_paste(
    grid: Grid,
    top_left: Position,
    text: str,
    selection: list[Position],
    parse: Callable[[Cell, str], Value],
) -> dict[Cell, Value]:
    """What pasting `text` with its top-left at `top_left` stores, cell by cell; raises PasteRefused.

    One figure onto a selection of several cells fills every selected value cell, as in a spreadsheet.
    A range must land on value cells only, and every figure must be acceptable: a paste is whole or nothing.
    """
    rows = split_tsv(text)
    if not rows or not any(field.strip() for fields in rows for field in fields):
        raise PasteRefused(Message("sheet.nothing_to_paste"))
    targets: list[tuple[Cell, str]] = []
    if len(rows) == 1 and len(rows[0]) == 1 and len(selection) > 1:
        targets = [(cell, rows[0][0]) for cell in value_cells(grid, selection)]
    else:
        width = max(len(fields) for fields in rows)
        top, left = top_left
        for i, fields in enumerate(rows):
            for j, field in enumerate(fields + [""] * (width - len(fields))):
                row, column = top + i, left + j
                inside = 0 <= row < grid.rows and 0 <= column < grid.columns
                anchor = grid.anchor_at(row, column) if inside else None
                if anchor is None or anchor.cell is None or (anchor.row, anchor.column) != (row, column):
                    raise PasteRefused(
                        Message("sheet.does_not_fit", rows=len(rows), columns=width, row=i + 1, column=j + 1)
                    )
                targets.append((anchor.cell, field))
    values: dict[Cell, Value] = {}
    for cell, field in targets:
        value = parse(cell, field)
        if isinstance(value, Invalid):
            label = grid.table.cell_label(*cell)
            raise PasteRefused(Message("sheet.bad_figure", text=value.text, cell=label, reason=value.reason))
        values[cell] = value
    return values


def keep_totals_automatic(data: TableData, values: Mapping[Cell, Value]) -> dict[Cell, Value]:
    """`values` to store, with every total among them that holds what it would compute anyway (after the
    change) as None, so it keeps computing itself: a paste or a fill that covers a total does not freeze it.
    A total given a different figure stays as given (the clerk typed it: it is reported)."""
    given = {cell for cell, value in values.items() if data.is_total(cell) and value is not None}
    if not given:
        return dict(values)
    trial = data.copy()
    for cell, value in values.items():
        trial.set(cell, None if cell in given else value)
    kept = dict(values)
    for cell in data.totals():
        if cell not in given:
            continue
        value, computed = values[cell], trial[cell]
        if _same_figure(value, computed):
            kept[cell] = None
        else:
            trial.set(cell, value)  # stays typed; the totals above it add it up as it is
    return kept


def _same_figure(a: Value, b: Value) -> bool:
    if isinstance(a, int | Decimal) and isinstance(b, int | Decimal):
        return a == b
    return same_value(a, b)


def copy_text(grid: Grid, data: TableData, positions: Iterable[Position]) -> str:
    """The figures at `positions` as tab-separated rows over their bounding rectangle."""
    chosen = {p for p in positions if _is_anchor(grid, p)}
    if not chosen:
        return ""
    rows = [r for r, _ in chosen]
    columns = [c for _, c in chosen]
    lines = []
    for r in range(min(rows), max(rows) + 1):
        fields = []
        for c in range(min(columns), max(columns) + 1):
            anchor = grid.anchor_at(r, c) if (r, c) in chosen else None
            fields.append(display_value(data[anchor.cell]) if anchor and anchor.cell else "")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def _is_anchor(grid: Grid, position: Position) -> bool:
    row, column = position
    if not (0 <= row < grid.rows and 0 <= column < grid.columns):
        return False
    anchor = grid.anchor_at(row, column)
    return (anchor.row, anchor.column) == position


def move(grid: Grid, current: Position, step: Move, *, to_edge: bool = False) -> Position:
    """Where the cursor goes from `current`: the nearest value cell that way, or `current` at the edge;
    with `to_edge` (Ctrl+arrow, as in a spreadsheet) the last value cell that way.

    Merged labels and headers are never a destination; Tab and Shift+Tab run through the value cells in
    reading order, from the end of one row to the start of the next."""
    if to_edge and step not in (Move.NEXT, Move.PREVIOUS):
        while (following := move(grid, current, step)) != current:
            current = following
        return current
    here = grid.anchor_at(*current)
    if step in (Move.NEXT, Move.PREVIOUS):
        cells = list(grid.table.cells)
        forward = step is Move.NEXT
        if here.cell is not None:
            index = cells.index(here.cell) + (1 if forward else -1)
        else:
            after = [i for i, c in enumerate(cells) if grid.value_position(c) > (here.row, here.column)]
            if not after:
                return current
            index = after[0] if forward else after[0] - 1
        return grid.value_position(cells[index]) if 0 <= index < len(cells) else current
    step_row, step_column = step.value
    row = current[0] if step_row == 0 else (here.row if step_row < 0 else here.row + here.rowspan - 1)
    column = current[1] if step_column == 0 else (here.column if step_column < 0 else here.column + here.colspan - 1)
    while True:
        row, column = row + step_row, column + step_column
        if not (0 <= row < grid.rows and 0 <= column < grid.columns):
            return current
        target = grid.anchor_at(row, column)
        if target.role == "value":
            return (target.row, target.column)
