"""Shared builders for tests: reports that reconcile, and the sample."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from govform.domain.format import Cell, Format, load_format
from govform.domain.report import Report, Subsection
from govform.io.project import load_project
from govform.resources import sample_project

APPLICANTS = ("natural_person", "commercial", "research", "nonprofit", "legal_services", "other")


def sample() -> Report:
    return load_project(sample_project())


def complete_report(fmt: Format | None = None) -> Report:
    """A report with every cell 0, every narrative filled in and a proper date: it checks clean."""
    fmt = fmt or load_format()
    report = Report.new(fmt, agency="某某县某某镇人民政府", year=2024)
    report.signed_on = dt.date(2025, 1, 20)
    for table_id, data in report.tables.items():
        data.load(dict.fromkeys(fmt.tables[table_id].cells, 0))
    for section in fmt.sections:
        narrative = report.narratives[section.id]
        if section.table is None:
            narrative.text = f"{section.title}的说明。"
        narrative.subsections = [Subsection(s.title, f"{s.title}的内容。") for s in narrative.subsections]
    report.narratives["other"].text = "本机关本年度未收取信息处理费。"
    return report


def fill_applications(report: Report, figures: Mapping[Cell, int]) -> None:
    """Set table 三's part cells from `figures`, leaving the totals automatic."""
    data = report.tables["applications"]
    data.load(
        {cell: figures.get(cell, 0) for cell in report.format.tables["applications"].cells if not data.is_total(cell)}
    )


def distinct_report(fmt: Format | None = None) -> Report:
    """The sample's text and particulars with a different figure in every cell of every table (totals as sums),
    so that a figure read into the wrong cell shows. In another format (2019), the year fits that format."""
    report = sample()
    if fmt is not None and fmt is not report.format:
        year = fmt.last_year or fmt.first_year
        source, report = report, Report(fmt, agency=report.agency, agency_kind=report.agency_kind, year=year)
        report.preamble = source.preamble.replace(str(source.year), str(year))
        report.narratives = source.narratives
        report.signed_on = dt.date(year + 1, 1, 20)
    fmt = report.format
    figure, signed = 1, 0
    for table_id, table in fmt.tables.items():
        data = report.tables[table_id]
        values = {}
        for cell in table.cells:
            if data.is_total(cell):
                continue
            kind = table.column(*cell).type.value
            values[cell] = {"amount": Decimal("2.02"), "money": Decimal("79000.1")}.get(kind, figure)
            if kind == "signed":  # increases and decreases in turn
                values[cell] = -figure if signed % 2 else figure
                signed += 1
            figure += 1
        data.load(values)
    return report
