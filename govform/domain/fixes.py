"""Figures that would make a reconciliation hold, for the clerk to accept with one click ("改为6"): a sum's
total as its parts add up, and for a column that does not balance, each cell that alone could balance it.
Nothing here changes the report; the window applies a fix the clerk chooses, as one undo step."""

from __future__ import annotations

from decimal import Decimal

from govform.domain.format import Balance, Sum
from govform.domain.messages import Message
from govform.domain.report import CellRef, Report
from govform.domain.rules import Finding


class Fix:
    """Set `cell` to `value`; `message` says so and on what assumption."""

    __slots__ = ("cell", "message", "value")

    def __init__(self, cell: CellRef, value: int | Decimal, message: Message):
        self.cell = cell
        self.value = value
        self.message = message

    def __repr__(self) -> str:
        return f"Fix({self.cell!r}, {self.value!r})"


def fixes(report: Report, finding: Finding) -> list[Fix]:
    """The single-cell changes that would resolve `finding` (none for findings that are not about figures)."""
    rule = next((r for r in report.format.rules if r.id == finding.rule), None)
    if isinstance(rule, Sum) and finding.primary is not None and "sum" in finding.figures:
        ref = finding.primary
        label = report.format.tables[ref.table].cell_label(ref.row, ref.column)
        value = finding.figures["sum"]
        return [Fix(ref, value, Message("fixes.sum", cell=label, value=value))]
    if isinstance(rule, Balance) and {"left", "right"} <= finding.figures.keys():
        return _balance_fixes(report, rule, finding)
    return []


def _balance_fixes(report: Report, rule: Balance, finding: Finding) -> list[Fix]:
    left, right = finding.figures["left"], finding.figures["right"]
    found = []
    for ref in finding.cells:
        data = report.tables[ref.table]
        if data.is_total(ref.cell) and not data.is_manual(ref.cell):
            continue  # it adds up its parts: one of those is what to change
        current = data[ref.cell]
        number = current if isinstance(current, int | Decimal) else 0
        value = number + (right - left if ref.row in rule.left else left - right)
        if value < 0:
            continue
        label = report.format.tables[ref.table].cell_label(ref.row, ref.column)
        found.append(Fix(ref, value, Message("fixes.balance", cell=label, value=value)))
    return found
