"""Starting this year's report from last year's, and what a report keeps of last year's report for the rules
across years (Y1 上年结转, Y2 现行有效件数) and the 雷同 flag (a paragraph still identical to last year's).

A report's `previous` (a PreviousYear) holds only what those rules read: the cells they name, found in last
year's report by the same table, row and column ids (the 2019 and 2021 formats share table 三's ids), and last
year's paragraphs. A rule whose `previous_formats` does not name last year's format compares nothing (Y2
across 2019→2021, where table 二's columns mean something else).
"""

from __future__ import annotations

import copy
import re
from types import MappingProxyType

from govform.domain.format import CarriedOver, Format, compares_with, format_for_year
from govform.domain.report import CellRef, PreviousYear, Report, Value

_SPACES = re.compile(r"\s+")


def paragraph_key(text: str) -> str:
    """What "the same paragraph" compares: the text without any white space (re-flowed text is still the same)."""
    return _SPACES.sub("", text)


def previous_of(last: Report, fmt: Format, source: str = "") -> PreviousYear:
    """What a report in `fmt` keeps of `last` (last year's report): the cells its rules across years read that
    last year's format has, and every paragraph of last year's narrative."""
    values: dict[CellRef, Value] = {}
    for table_id, row, column in fmt.previous_cells(last.format.id):
        table = last.format.tables.get(table_id)
        if table is not None and table.has_cell(row, column):
            values[CellRef(table_id, row, column)] = last.value(table_id, row, column)
    paragraphs = tuple(text for *_, text in last.paragraphs())
    return PreviousYear(last.year, last.format.id, last.agency, source, MappingProxyType(values), paragraphs)


def start_from(last: Report, source: str = "", fmt: Format | None = None) -> Report:
    """This year's report begun from last year's: the same agency, kind, preamble, sub-heads and narrative (a
    draft to rewrite: the 雷同 rule flags every paragraph left as it was), the year after, no date, every figure
    blank except those the format carries over from last year (Y1: 上年结转 = last year's 结转下年度继续办理).

    `fmt` defaults to the format in force for the new year (a 2020 report begins a 2021 report in the 2021
    format). Sections are carried over by id; a section the new format lacks is not carried over."""
    year = last.year + 1
    fmt = fmt or format_for_year(year)
    kinds = {kind.id for kind in fmt.agency_kinds}
    kind = last.agency_kind if last.agency_kind in kinds else fmt.kind_of_agency(last.agency)
    report = Report(fmt, agency=last.agency, agency_kind=kind, year=year, preamble=last.preamble)
    for section in fmt.sections:
        if section.id in last.narratives:
            report.narratives[section.id] = copy.deepcopy(last.narratives[section.id])
    for rule in fmt.rules:
        if isinstance(rule, CarriedOver) and compares_with(rule, last.format.id):
            _carry(rule, last, report)
    report.previous = previous_of(last, fmt, source)
    return report


def _carry(rule: CarriedOver, last: Report, report: Report) -> None:
    table = report.format.tables[rule.table]
    last_table = last.format.tables.get(rule.table)
    if last_table is None:
        return
    data = report.tables[rule.table]
    values = {cell: data[cell] for cell in table.cells if not data.is_total(cell) or data.is_manual(cell)}
    for column in table.block_of(rule.row).columns:
        if last_table.has_cell(rule.previous_row, column.id) and not data.is_total((rule.row, column.id)):
            values[(rule.row, column.id)] = last.value(rule.table, rule.previous_row, column.id)
    data.load(values)
