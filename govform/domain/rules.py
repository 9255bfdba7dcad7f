"""The reconciliation and plausibility rules: one pure function from a report to its findings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from govform.domain.format import Cell, Format, Rule, Table, sum_cells
from govform.domain.report import CellRef, Invalid, Report, TableData, Value, display_value

ERROR = "error"
WARNING = "warning"


class Finding(NamedTuple):
    """One problem: a stable code (R1…, W1…), its severity, the cells or section involved, the figures."""

    code: str
    severity: str
    message: str
    cells: tuple[CellRef, ...] = ()
    section: str | None = None  # the section it belongs to; None: the report's basic information
    field: str | None = None  # a metadata field ("agency", "signed_on", …) when it is about one
    figures: Mapping[str, Any] = MappingProxyType({})

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def _number(value: Value) -> int | Decimal:
    return value if isinstance(value, int | Decimal) else 0


def _shown(value: Value) -> str:
    return "未填" if value is None else display_value(value)


def _refs(table: Table, cells: Iterator[Cell] | tuple[Cell, ...]) -> tuple[CellRef, ...]:
    return tuple(CellRef(table.id, row, column) for row, column in cells)


Check = Callable[[Rule, Report], Iterator[Finding]]
_CHECKS: dict[str, Check] = {}


def _check(kind: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        _CHECKS[kind] = function
        return function

    return register


def _finding(rule: Rule, message: str, **kwargs: Any) -> Finding:
    return Finding(rule.code, rule.severity, message, **kwargs)


def _table_of(rule: Rule, report: Report) -> tuple[Table, TableData, str]:
    """The table a rule is about, its data in `report`, and the id of the section that shows it."""
    table = report.format.tables[rule.params["table"]]
    return table, report.tables[table.id], report.format.section_of_table(table.id).id


def _cell_of(rule: Rule, report: Report) -> tuple[Table, Cell, Value, str]:
    """For a rule about one cell (its `table`, `row`, `column`): the table, the cell, its value, its section."""
    table, data, section = _table_of(rule, report)
    cell = (rule.params["row"], rule.params["column"])
    return table, cell, data[cell], section


@_check("balance")
def _balance(rule: Rule, report: Report) -> Iterator[Finding]:
    table, data, section = _table_of(rule, report)
    left, right = rule.params["left"], rule.params["right"]
    for column in table.block_of(left[0]).columns:
        lv = [data[(row, column.id)] for row in left]
        rv = [data[(row, column.id)] for row in right]
        ls, rs = sum(map(_number, lv)), sum(map(_number, rv))
        if ls != rs:
            terms = [
                "加".join(f"{table.row(row).short}({_shown(v)})" for row, v in zip(rows, values, strict=True))
                for rows, values in ((left, lv), (right, rv))
            ]
            message = rule.params["message"].format(
                table=table.short, column=column.display, left_terms=terms[0], right_terms=terms[1], left=ls, right=rs
            )
            cells = _refs(table, tuple((row, column.id) for row in (*left, *right)))
            yield _finding(rule, message, cells=cells, section=section, figures={"left": ls, "right": rs})


@_check("sum")
def _sum(rule: Rule, report: Report) -> Iterator[Finding]:
    table, data, section = _table_of(rule, report)
    for cell, parts in sum_cells(table, rule):
        total = data[cell]
        if not isinstance(total, int | Decimal):
            continue  # blank or unreadable: R5 says so
        found = sum(_number(data[p]) for p in parts)
        if found != total:
            message = rule.params["message"].format(
                table=table.short,
                row=table.row(cell[0]).display,
                column=table.column(*cell).display,
                total=total,
                sum=found,
            )
            yield _finding(
                rule,
                message,
                cells=_refs(table, (cell, *parts)),
                section=section,
                figures={"total": total, "sum": found},
            )


@_check("cells")
def _cells(rule: Rule, report: Report) -> Iterator[Finding]:
    for table in report.format.tables.values():
        data = report.tables[table.id]
        section = report.format.section_of_table(table.id).id
        for cell, value in data.items():
            if value is None:
                if data.is_total(cell) and not data.is_manual(cell):
                    continue  # an automatic total is blank only because its parts are: those are reported
                message = rule.params["message_blank"].format(cell=table.cell_label(*cell))
            elif isinstance(value, Invalid):
                message = rule.params["message_invalid"].format(
                    cell=table.cell_label(*cell), text=value.text, reason=value.reason
                )
            else:
                continue
            yield _finding(rule, message, cells=_refs(table, (cell,)), section=section)


@_check("sections")
def _sections(rule: Rule, report: Report) -> Iterator[Finding]:
    p = rule.params
    if not report.agency.strip():
        yield _finding(rule, p["message_agency"], field="agency")
    if report.year < report.format.first_year:
        yield _finding(
            rule, p["message_year"].format(year=report.year, first_year=report.format.first_year), field="year"
        )
    for section in report.format.sections:
        narrative = report.narratives[section.id]
        if section.required and narrative.is_empty():
            yield _finding(rule, p["message_empty"].format(section=section.heading), section=section.id)
        for index, sub in enumerate(narrative.subsections):
            if not sub.title.strip():
                yield _finding(
                    rule,
                    p["message_untitled_subsection"].format(section=section.heading),
                    section=section.id,
                    figures={"index": index},
                )
            elif not sub.text.strip():
                name = section.subsection_number(index) + sub.title
                yield _finding(
                    rule,
                    p["message_empty_subsection"].format(section=section.heading, subsection=name),
                    section=section.id,
                    figures={"index": index},
                )


def _mentions(report: Report, section_id: str, keywords: list[str]) -> bool:
    text = report.narratives[section_id].all_text()
    return any(word in text for word in keywords)


@_check("processing_fee")
def _processing_fee(rule: Rule, report: Report) -> Iterator[Finding]:
    section = rule.params["section"]
    narrative = report.narratives[section]
    if not narrative.is_empty() and not _mentions(report, section, rule.params["keywords"]):
        yield _finding(rule, rule.params["message"], section=section)


@_check("regulations")
def _regulations(rule: Rule, report: Report) -> Iterator[Finding]:
    kind = report.format.agency_kind(report.agency_kind)
    if kind.makes_regulations:
        return
    table, data, section = _table_of(rule, report)
    for row in rule.params["rows"]:
        for column in rule.params["columns"]:
            value = data[(row, column)]
            if isinstance(value, int | Decimal) and value > 0:
                message = rule.params["message"].format(
                    cell=table.cell_label(row, column), value=display_value(value), agency_kind=kind.label
                )
                yield _finding(rule, message, cells=_refs(table, ((row, column),)), section=section)


@_check("repealed")
def _repealed(rule: Rule, report: Report) -> Iterator[Finding]:
    p = rule.params
    table, data, section = _table_of(rule, report)
    for row in p["rows"]:
        cells = ((row, p["issued"]), (row, p["repealed"]), (row, p["in_force"]))
        issued, repealed, in_force = (_number(data[c]) for c in cells)
        if repealed > in_force + issued:
            message = p["message"].format(
                table=table.short, row=table.row(row).label, repealed=repealed, in_force=in_force, issued=issued
            )
            yield _finding(rule, message, cells=_refs(table, cells), section=section)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _section_heading(report: Report, section_id: str | None) -> str:
    return "开头部分" if section_id is None else report.format.section(section_id).heading


@_check("narrative_figures")
def _narrative_figures(rule: Rule, report: Report) -> Iterator[Finding]:
    p = rule.params
    table, cell, value, _ = _cell_of(rule, report)
    if not isinstance(value, int):
        return
    for section_id, text in report.texts():
        for pattern in p["patterns"]:
            for match in _compiled(pattern).finditer(text):
                quoted = int(match.group(1))
                if quoted != value:
                    message = p["message"].format(
                        section=_section_heading(report, section_id), quoted=quoted, table=table.short, value=value
                    )
                    yield _finding(
                        rule,
                        message,
                        cells=_refs(table, (cell,)),
                        section=section_id,
                        figures={"quoted": quoted, "value": value},
                    )


@_check("fee_notice")
def _fee_notice(rule: Rule, report: Report) -> Iterator[Finding]:
    p = rule.params
    table, cell, value, _ = _cell_of(rule, report)
    if isinstance(value, int) and value > 0 and not _mentions(report, p["section"], p["keywords"]):
        message = p["message"].format(table=table.short, row=table.row(cell[0]).label, value=value)
        yield _finding(rule, message, cells=_refs(table, (cell,)), section=p["section"])


_PERIOD = re.compile(r"(\d{4})年(?:1月1日|12月31日)")


@_check("dates")
def _dates(rule: Rule, report: Report) -> Iterator[Finding]:
    p = rule.params
    signed, fmt = report.signed_on, report.format
    next_year = report.year + 1
    if signed is None:
        yield _finding(rule, p["message_missing"], field="signed_on")
    elif signed.year != next_year:
        yield _finding(
            rule, p["message_year"].format(date=report.signature_date(), next_year=next_year), field="signed_on"
        )
    else:
        month, day = fmt.deadline
        if signed > dt.date(next_year, month, day):
            message = p["message_late"].format(date=report.signature_date(), next_year=next_year, month=month, day=day)
            yield _finding(rule, message, field="signed_on")
    for section_id, text in report.texts():
        years = {int(y) for y in _PERIOD.findall(text)} - {report.year}
        for year in sorted(years):
            message = p["message_period"].format(
                section=_section_heading(report, section_id), quoted=year, year=report.year
            )
            yield _finding(rule, message, section=section_id, field=None if section_id else "preamble")


@_check("fee_amount")
def _fee_amount(rule: Rule, report: Report) -> Iterator[Finding]:
    kind = report.format.agency_kind(report.agency_kind)
    table, cell, value, section = _cell_of(rule, report)
    if kind.fee_ceiling is not None and isinstance(value, Decimal | int) and value > kind.fee_ceiling:
        message = rule.params["message"].format(
            cell=table.cell_label(*cell), value=display_value(value), agency_kind=kind.label
        )
        yield _finding(rule, message, cells=_refs(table, (cell,)), section=section)


def _rule_checks(fmt: Format) -> list[tuple[Rule, Check]]:
    unknown = [rule.kind for rule in fmt.rules if rule.kind not in _CHECKS]
    if unknown:
        raise ValueError(f"rules of unknown kind in {fmt.id}: {unknown}")
    return [(rule, _CHECKS[rule.kind]) for rule in fmt.rules]


def validate(report: Report) -> list[Finding]:
    """Every finding for `report`: errors first, then warnings, each in the order of the format."""
    findings = [finding for rule, check in _rule_checks(report.format) for finding in check(rule, report)]
    findings.sort(key=lambda f: not f.is_error)
    return findings
