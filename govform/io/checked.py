"""What checking one file found, as plain data: the rows of `govform check`, its JSON lines, the batch
summary workbook and the window's batch dialog.

Everything a person reads is already rendered in the language of the run (the Messages are put into words
where the file was checked, in the worker process), so a result is cheap to pass between processes and the
command line, the workbook and the window say the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govform.domain.format import Format
from govform.domain.messages import Message, catalogue
from govform.domain.report import CellRef, Report
from govform.domain.rules import Finding, explanation

__all__ = ["CheckedCell", "CheckedFinding", "CheckedReport", "checked", "checked_finding", "rule_words", "unreadable"]


@dataclass(frozen=True, slots=True)
class CheckedCell:
    table: str  # the table's id ("applications")
    row: str
    column: str
    label: str  # how a clerk names it: "表三 第一项 / 自然人"


@dataclass(frozen=True, slots=True)
class CheckedFinding:
    code: str  # "R1"
    rule: str  # the rule's id in the format ("R4-review")
    severity: str  # "error" or "warning"
    words: str  # the code in words ("勾稽关系不符")
    message: str
    section: str | None  # the section's id; None: the basic information
    heading: str | None  # the section's heading ("三、收到和处理政府信息公开申请情况")
    order: int  # the section's place in the format (-1: the basic information), to group findings by section
    field: str | None
    subsection: int | None
    paragraph: int | None  # the paragraph of that text (0-based, among its non-blank lines), for 雷同 (Y3)
    table: str  # the short name of the table it is about ("表三"), or ""
    where: str  # the cell, field or section it is about, in words
    cells: tuple[CheckedCell, ...]
    primary: CheckedCell | None
    figures: tuple[tuple[str, int | str], ...]  # the figures it compares, by name ("total", 1), ("sum", 4)
    figures_text: str  # the same in words ("填报的总计 1；各项之和 4")
    explanation: str | None = None  # the clerk's explanation of a warning that still says what it said

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def is_explained(self) -> bool:
        return self.explanation is not None

    def as_json(self) -> dict[str, Any]:
        def cell(ref: CheckedCell | None) -> dict[str, str] | None:
            if ref is None:
                return None
            return {"table": ref.table, "row": ref.row, "column": ref.column, "label": ref.label}

        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "words": self.words,
            "message": self.message,
            "section": self.section,
            "field": self.field,
            "subsection": self.subsection,
            "paragraph": self.paragraph,
            "cells": [cell(ref) for ref in self.cells],
            "primary": cell(self.primary),
            "figures": dict(self.figures),
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class CheckedReport:
    """One file of a check: read and validated, or unreadable with the reason."""

    path: str
    kind: str  # the kind of file in words ("项目文件", "Word 文档")
    problem: str | None = None  # why it could not be read (one line); None: it was read
    agency: str = ""
    year: int | None = None
    format: str = ""  # the report format's reference ("国办公开办函〔2021〕30号")
    findings: tuple[CheckedFinding, ...] = ()

    @property
    def readable(self) -> bool:
        return self.problem is None

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        """Warnings not explained (explained ones are counted apart)."""
        return sum(not f.is_error and not f.is_explained for f in self.findings)

    @property
    def explained(self) -> int:
        return sum(f.is_explained for f in self.findings)

    @property
    def status(self) -> str:
        """ "unreadable", "errors", "warnings" or "clean" (explained warnings do not count)."""
        if not self.readable:
            return "unreadable"
        return "errors" if self.errors else "warnings" if self.warnings else "clean"

    def badness(self) -> tuple[int, int, int]:
        """Worst first: unreadable, then by errors, then by warnings (sort ascending by this)."""
        return (0 if self.problem is not None else 1, -self.errors, -self.warnings)

    def as_json(self) -> dict[str, Any]:
        if self.problem is not None:
            return {"file": self.path, "kind": self.kind, "readable": False, "error": self.problem, "findings": []}
        return {
            "file": self.path,
            "kind": self.kind,
            "readable": True,
            "agency": self.agency,
            "year": self.year,
            "format": self.format,
            "errors": self.errors,
            "warnings": self.warnings,
            "explained": self.explained,
            "findings": [f.as_json() for f in self.findings],
        }


def rule_words(code: str, language: str) -> str:
    """A rule's code in words ("R1" → "勾稽关系不符"), from the catalogue's `rules.words.<code>`; the code
    itself for a code the catalogue has no words for (a format added later)."""
    key = f"rules.words.{code}"
    return Message(key).text(language) if key in catalogue(language) or key in catalogue() else code


def _figure(value: Any) -> int | str:
    return value if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _figures_text(figures: tuple[tuple[str, int | str], ...], language: str) -> str:
    separator = Message("batch.figure_separator").text(language)
    return separator.join(Message(f"batch.figure.{name}", value=value).text(language) for name, value in figures)


def _cell(fmt: Format, ref: CellRef) -> CheckedCell:
    return CheckedCell(ref.table, ref.row, ref.column, fmt.tables[ref.table].cell_label(ref.row, ref.column))


def _where(report: Report, finding: Finding, language: str) -> str:
    fmt = report.format
    if finding.primary is not None:
        return fmt.tables[finding.primary.table].cell_label(finding.primary.row, finding.primary.column)
    if finding.field is not None:
        return fmt.field_label(finding.field).text(language)
    if finding.section is not None:
        section = fmt.section(finding.section)
        if finding.subsection is not None:
            subsections = report.narratives[section.id].subsections
            title = subsections[finding.subsection].title if finding.subsection < len(subsections) else ""
            return f"{section.heading} {section.subsection_number(finding.subsection)}{title}"
        return section.heading
    return ""


def checked_finding(report: Report, finding: Finding, language: str) -> CheckedFinding:
    """One finding as plain data in `language`."""
    fmt = report.format
    cells = tuple(_cell(fmt, ref) for ref in finding.cells)
    primary = _cell(fmt, finding.primary) if finding.primary is not None else None
    figures = tuple((name, _figure(value)) for name, value in finding.figures.items())
    table = fmt.tables[(finding.primary or finding.cells[0]).table].short if finding.cells else ""
    return CheckedFinding(
        code=finding.code,
        rule=finding.rule,
        severity=str(finding.severity),
        words=rule_words(finding.code, language),
        message=finding.message.text(language),
        section=finding.section,
        heading=fmt.section(finding.section).heading if finding.section else None,
        order=fmt.sections.index(fmt.section(finding.section)) if finding.section else -1,
        field=finding.field,
        subsection=finding.subsection,
        paragraph=finding.paragraph,
        table=table,
        where=_where(report, finding, language),
        cells=cells,
        primary=primary,
        figures=figures,
        figures_text=_figures_text(figures, language),
        explanation=explanation(report, finding),
    )


def checked(path: Path | str, kind: Message, report: Report, findings: list[Finding], language: str) -> CheckedReport:
    """A readable file's result: its report's particulars and every finding, in `language`."""
    return CheckedReport(
        path=str(path),
        kind=kind.text(language),
        agency=report.agency,
        year=report.year,
        format=report.format.reference,
        findings=tuple(checked_finding(report, f, language) for f in findings),
    )


def unreadable(path: Path | str, kind: Message, problem: Message, language: str) -> CheckedReport:
    """A file that could not be read as a report, with the reason (one line)."""
    return CheckedReport(path=str(path), kind=kind.text(language), problem=problem.text(language))
