"""The reconciliation and plausibility rules: one pure function from a report to its findings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as attribute
from decimal import Decimal
from functools import cache
from types import MappingProxyType
from typing import Any

from govform.domain.format import (
    Balance,
    CarriedOver,
    Cell,
    CellsFilled,
    Dates,
    FeeAmount,
    FeeNotice,
    InForceTrend,
    NarrativeFigures,
    ProcessingFee,
    Regulations,
    Repealed,
    Rule,
    SectionsFilled,
    Severity,
    SubheadNumbers,
    Sum,
    Table,
    UnchangedText,
    compares_with,
)
from govform.domain.messages import DEFAULT_LANGUAGE, Message, Phrase
from govform.domain.previous import paragraph_key
from govform.domain.report import CellRef, Invalid, Report, TableData, Value, display_value
from govform.domain.text import strip_subhead_number, subhead_number


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: the rule that found it, its severity, the words, where it is and the figures involved."""

    rule: str  # the id of the rule in the format, unique ("R4-review")
    code: str  # the code a clerk sees ("R4")
    severity: Severity
    message: Message
    cells: tuple[CellRef, ...] = ()  # every cell the finding involves
    primary: CellRef | None = None  # the cell most likely wrong: where "show me" goes and what is marked
    section: str | None = None  # the section it belongs to; None: the report's basic information
    field: str | None = None  # a metadata field ("agency", "signed_on", …) when it is about one
    subsection: int | None = None  # the sub-head of `section` it is about
    figures: Mapping[str, Any] = attribute(default_factory=lambda: MappingProxyType({}))
    paragraph: int | None = None  # the paragraph of the section's (or sub-head's) text it is about, from 0

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.message.text(language)


_MISSING = frozenset(
    ("message_blank", "message_empty", "message_empty_subsection", "message_untitled_subsection", "message_agency",
     "message_missing")
)  # fmt: skip


def is_missing(finding: Finding) -> bool:
    """Whether a finding is about something not filled in yet (a blank cell, an empty part, no date) rather
    than about something filled in wrongly: the window shows those as still to do, not as failures."""
    return finding.message.key.rsplit(".", 1)[-1] in _MISSING


def standing(finding: Finding) -> str:
    """ "missing" (not filled in yet), "error" or "warning": how the window and its export question count a
    finding (a blank cell is still to do, not a failure)."""
    return "missing" if is_missing(finding) else str(finding.severity)


def subject(finding: Finding) -> str:
    """What a finding is about, the same while its figures change: its rule and its place
    ("W1 proactive/regulations/issued", "W5 signed_on", "W7 overview 2")."""
    parts = [finding.rule]
    ref = finding.primary or (finding.cells[0] if finding.cells else None)
    if ref is not None:
        parts.append(f"{ref.table}/{ref.row}/{ref.column}")
    for part in (finding.section, finding.subsection, finding.field):
        if part is not None:
            parts.append(str(part))
    return " ".join(parts)


def facts(finding: Finding) -> str:
    """What a finding says, with its figures: its message in Chinese. An explanation answers these facts."""
    return finding.message.text(DEFAULT_LANGUAGE)


def explanation(report: Report, finding: Finding) -> str | None:
    """The clerk's explanation of a warning while it still says what it said when explained, else None."""
    if finding.is_error or not report.explanations:
        return None
    return report.explanations.get((subject(finding), facts(finding)))


def _number(value: Value) -> int | Decimal:
    return value if isinstance(value, int | Decimal) else 0


def _shown(value: Value) -> str | Message:
    return Message("rules.blank_figure") if value is None else display_value(value)


def _refs(table: Table, cells: Iterable[Cell]) -> tuple[CellRef, ...]:
    return tuple(CellRef(table.id, row, column) for row, column in cells)


def _finding(rule: Rule, message: Message, cells: tuple[CellRef, ...] = (), **kwargs: Any) -> Finding:
    kwargs.setdefault("primary", cells[0] if cells else None)
    return Finding(rule.id, rule.code, rule.severity, message, cells, **kwargs)


Check = Callable[[Any, Report], Iterator[Finding]]
_CHECKS: dict[type[Rule], Check] = {}


def _check(kind: type[Rule]) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        _CHECKS[kind] = function
        return function

    return register


def _table_of(table_id: str, report: Report) -> tuple[Table, TableData, str]:
    """A table, its data in `report`, and the id of the section that shows it."""
    table = report.format.tables[table_id]
    return table, report.tables[table_id], report.format.section_of_table(table_id).id


def _terms(table: Table, rows: tuple[str, ...], values: list[Value]) -> list[Any]:
    """ "第一项(5)加第二项(0)" as a list a message joins: labels, figures and the word for "and"."""
    terms: list[Any] = []
    for index, (row, value) in enumerate(zip(rows, values, strict=True)):
        if index:
            terms.append(Message("rules.plus"))
        terms += [table.row(row).short, "(", _shown(value), ")"]
    return terms


@_check(Balance)
def _balance(rule: Balance, report: Report) -> Iterator[Finding]:
    table, data, section = _table_of(rule.table, report)
    left, right = rule.left, rule.right
    for column in table.block_of(left[0]).columns:
        lv = [data[(row, column.id)] for row in left]
        rv = [data[(row, column.id)] for row in right]
        if any(value is None for value in (*lv, *rv)):
            continue  # not filled in yet: R5 lists the blanks, which are no error of reconciliation
        ls, rs = sum(map(_number, lv)), sum(map(_number, rv))
        if ls != rs:
            message = rule.message(
                table=table.short,
                column=column.display,
                left_terms=Phrase(*_terms(table, left, lv)),
                right_terms=Phrase(*_terms(table, right, rv)),
                left=ls,
                right=rs,
            )
            cells = _refs(table, [(row, column.id) for row in (*left, *right)])
            yield _finding(rule, message, cells, section=section, figures={"left": ls, "right": rs})


@_check(Sum)
def _sum(rule: Sum, report: Report) -> Iterator[Finding]:
    table, data, section = _table_of(rule.table, report)
    for cell, parts in rule.cells(table):
        total = data[cell]
        if not isinstance(total, int | Decimal):
            continue  # blank or unreadable: R5 says so
        found = sum(_number(data[p]) for p in parts)
        if found != total:
            message = rule.message(
                table=table.short,
                row=table.row(cell[0]).display,
                column=table.column(*cell).display,
                total=total,
                sum=found,
            )
            yield _finding(
                rule, message, _refs(table, (cell, *parts)), section=section, figures={"total": total, "sum": found}
            )


@_check(CellsFilled)
def _cells(rule: CellsFilled, report: Report) -> Iterator[Finding]:
    for table in report.format.tables.values():
        data = report.tables[table.id]
        section = report.format.section_of_table(table.id).id
        for cell, value in data.items():
            if value is None:
                if data.is_total(cell) and not data.is_manual(cell):
                    continue  # an automatic total is blank only because its parts are: those are reported
                message = rule.message("message_blank", cell=table.cell_label(*cell))
            elif isinstance(value, Invalid):
                message = rule.message(
                    "message_invalid", cell=table.cell_label(*cell), text=value.text, reason=value.reason
                )
            else:
                continue
            yield _finding(rule, message, _refs(table, (cell,)), section=section)


@_check(SectionsFilled)
def _sections(rule: SectionsFilled, report: Report) -> Iterator[Finding]:
    fmt = report.format
    if not report.agency.strip():
        yield _finding(rule, rule.message("message_agency"), field="agency")
    if not fmt.applies_to(report.year):
        yield _finding(rule, rule.message("message_year", year=report.year, first_year=fmt.first_year), field="year")
    for section in fmt.sections:
        narrative = report.narratives[section.id]
        if section.required and narrative.is_empty():
            yield _finding(rule, rule.message("message_empty", section=section.heading), section=section.id)
        for index, sub in enumerate(narrative.subsections):
            number = section.subsection_number(index)
            if not sub.title.strip():
                message = rule.message("message_untitled_subsection", section=section.heading, number=number)
                yield _finding(rule, message, section=section.id, subsection=index)
            elif not sub.text.strip():
                message = rule.message(
                    "message_empty_subsection", section=section.heading, subsection=number + sub.title
                )
                yield _finding(rule, message, section=section.id, subsection=index)


def _mentions(report: Report, section_id: str, keywords: tuple[str, ...]) -> bool:
    text = report.narratives[section_id].all_text()
    return any(word in text for word in keywords)


@_check(ProcessingFee)
def _processing_fee(rule: ProcessingFee, report: Report) -> Iterator[Finding]:
    narrative = report.narratives[rule.section]
    if not narrative.is_empty() and not _mentions(report, rule.section, rule.keywords):
        heading = report.format.section(rule.section).heading
        yield _finding(rule, rule.message(section=heading), section=rule.section)


@_check(Regulations)
def _regulations(rule: Regulations, report: Report) -> Iterator[Finding]:
    kind = report.format.agency_kind(report.agency_kind)
    if kind.makes_regulations:
        return
    table, data, section = _table_of(rule.table, report)
    for row in rule.rows:
        for column in rule.columns:
            value = data[(row, column)]
            if isinstance(value, int | Decimal) and value > 0:
                message = rule.message(
                    cell=table.cell_label(row, column), value=display_value(value), agency_kind=kind.label
                )
                yield _finding(rule, message, _refs(table, ((row, column),)), section=section)


@_check(Repealed)
def _repealed(rule: Repealed, report: Report) -> Iterator[Finding]:
    table, data, section = _table_of(rule.table, report)
    for row in rule.rows:
        cells = ((row, rule.repealed), (row, rule.in_force), (row, rule.issued))
        repealed, in_force, issued = (_number(data[c]) for c in cells)
        if repealed > in_force + issued:
            message = rule.message(
                table=table.short, row=table.row(row).label, repealed=repealed, in_force=in_force, issued=issued
            )
            yield _finding(rule, message, _refs(table, cells), section=section)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _section_heading(report: Report, section_id: str | None) -> str | Message:
    return report.format.field_label("preamble") if section_id is None else report.format.section(section_id).heading


@_check(NarrativeFigures)
def _narrative_figures(rule: NarrativeFigures, report: Report) -> Iterator[Finding]:
    table, data, _ = _table_of(rule.table, report)
    cell = (rule.row, rule.column)
    value = data[cell]
    if not isinstance(value, int):
        return
    for section_id, text in report.texts():
        for pattern in rule.patterns:
            for match in _compiled(pattern).finditer(text):
                if len(match.group(1)) > 12:
                    continue  # not a count anyone would quote
                quoted = int(match.group(1))
                if quoted != value:
                    message = rule.message(
                        section=_section_heading(report, section_id), quoted=quoted, table=table.short, value=value
                    )
                    yield _finding(
                        rule,
                        message,
                        _refs(table, (cell,)),
                        section=section_id,
                        field=None if section_id else "preamble",
                        figures={"quoted": quoted, "value": value},
                    )


@_check(FeeNotice)
def _fee_notice(rule: FeeNotice, report: Report) -> Iterator[Finding]:
    table, data, _ = _table_of(rule.table, report)
    cell = (rule.row, rule.column)
    value = data[cell]
    if isinstance(value, int) and value > 0 and not _mentions(report, rule.section, rule.keywords):
        heading = report.format.section(rule.section).heading
        message = rule.message(table=table.short, row=table.row(rule.row).label, value=value, section=heading)
        yield _finding(rule, message, _refs(table, (cell,)), section=rule.section)


@_check(Dates)
def _dates(rule: Dates, report: Report) -> Iterator[Finding]:
    signed, fmt = report.signed_on, report.format
    next_year = report.year + 1
    if signed is None:
        yield _finding(rule, rule.message("message_missing"), field="signed_on")
    elif signed.year != next_year:
        message = rule.message("message_year", date=report.signature_date(), next_year=next_year)
        yield _finding(rule, message, field="signed_on")
    else:
        month, day = fmt.deadline
        if signed > dt.date(next_year, month, day):
            message = rule.message(
                "message_late", date=report.signature_date(), next_year=next_year, month=month, day=day
            )
            yield _finding(rule, message, field="signed_on")
    period = _compiled(rule.period_pattern)
    for section_id, text in report.texts():
        years = {int(y) for y in period.findall(text) if len(y) <= 4} - {report.year}
        for year in sorted(years):
            message = rule.message(
                "message_period", section=_section_heading(report, section_id), quoted=year, year=report.year
            )
            yield _finding(rule, message, section=section_id, field=None if section_id else "preamble")


@_check(FeeAmount)
def _fee_amount(rule: FeeAmount, report: Report) -> Iterator[Finding]:
    kind = report.format.agency_kind(report.agency_kind)
    table, data, section = _table_of(rule.table, report)
    cell = (rule.row, rule.column)
    value = data[cell]
    if kind.fee_ceiling is not None and isinstance(value, Decimal | int) and value > kind.fee_ceiling:
        message = rule.message(cell=table.cell_label(*cell), value=display_value(value), agency_kind=kind.label)
        yield _finding(rule, message, _refs(table, (cell,)), section=section)


@_check(SubheadNumbers)
def _subhead_numbers(rule: SubheadNumbers, report: Report) -> Iterator[Finding]:
    for section in report.format.sections:
        for index, sub in enumerate(report.narratives[section.id].subsections):
            own = subhead_number(sub.title)
            if own is not None:
                message = rule.message(
                    section=section.heading,
                    number=section.subsection_number(index),
                    title=strip_subhead_number(sub.title),
                    own=own,
                )
                yield _finding(rule, message, section=section.id, subsection=index, figures={"own": own})


@_check(CarriedOver)
def _carried_over(rule: CarriedOver, report: Report) -> Iterator[Finding]:
    previous = report.previous
    if previous is None or not compares_with(rule, previous.format):
        return
    table, data, section = _table_of(rule.table, report)
    if previous.year != report.year - 1:
        message = rule.message("message_year", previous_year=previous.year, expected=report.year - 1)
        yield _finding(rule, message, section=section, figures={"previous_year": previous.year})
        return
    for column in table.block_of(rule.row).columns:
        last = previous.value(rule.table, rule.previous_row, column.id)
        value = data[(rule.row, column.id)]
        if isinstance(last, int | Decimal) and isinstance(value, int | Decimal) and last != value:
            message = rule.message(
                table=table.short,
                column=column.display,
                row=table.row(rule.row).label,
                value=value,
                previous_row=table.row(rule.previous_row).label,
                previous=last,
                previous_year=previous.year,
            )
            cells = _refs(table, ((rule.row, column.id),))
            yield _finding(rule, message, cells, section=section, figures={"value": value, "previous": last})


@_check(InForceTrend)
def _in_force_trend(rule: InForceTrend, report: Report) -> Iterator[Finding]:
    previous = report.previous
    if previous is None or not compares_with(rule, previous.format) or previous.year != report.year - 1:
        return
    table, data, section = _table_of(rule.table, report)
    for row in rule.rows:
        last = previous.value(rule.table, row, rule.in_force)
        cells = ((row, rule.in_force), (row, rule.issued), (row, rule.repealed))
        in_force, issued, repealed = (data[c] for c in cells)
        figures = (last, in_force, issued, repealed)
        if not all(isinstance(v, int | Decimal) for v in figures):
            continue
        expected = last + issued - repealed  # type: ignore[operator]
        if in_force != expected:
            message = rule.message(
                table=table.short,
                row=table.row(row).label,
                in_force=in_force,
                previous=last,
                previous_year=previous.year,
                issued=issued,
                repealed=repealed,
                expected=expected,
            )
            yield _finding(
                rule, message, _refs(table, cells), section=section, figures={"expected": expected, "previous": last}
            )


@_check(UnchangedText)
def _unchanged_text(rule: UnchangedText, report: Report) -> Iterator[Finding]:
    previous = report.previous
    if previous is None:
        return
    last = {key for key in map(paragraph_key, previous.paragraphs) if len(key) >= rule.min_length}
    for section_id, sub, index, text in report.paragraphs():
        key = paragraph_key(text)
        if len(key) < rule.min_length or key not in last:
            continue
        where: str | Message | Phrase = _section_heading(report, section_id)
        if section_id is not None and sub is not None:
            section = report.format.section(section_id)
            where = Phrase(
                section.heading, section.subsection_number(sub), report.narratives[section_id].subsections[sub].title
            )
        excerpt = key[:20] + ("…" if len(key) > 20 else "")
        message = rule.message(section=where, paragraph=index + 1, excerpt=excerpt, previous_year=previous.year)
        yield _finding(
            rule,
            message,
            section=section_id,
            field=None if section_id else "preamble",
            subsection=sub,
            paragraph=index,
        )


def validate(report: Report) -> list[Finding]:
    """Every finding for `report`: errors first, then warnings, each in the order of the format."""
    findings = [finding for rule in report.format.rules for finding in _CHECKS[type(rule)](rule, report)]
    findings.sort(key=lambda f: not f.is_error)
    return findings
