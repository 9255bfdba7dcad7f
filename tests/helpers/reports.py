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


STRESS_AGENCY = "重庆市长寿区经济和信息化委员会信息化建设处（大数据发展中心）"  # 30 characters
STRESS_SUBHEAD = (
    "关于推进政务数据共享开放、优化政府信息公开平台功能、完善依申请公开办理流程并加强监督考核与培训的情况"  # 50
    "以及下一步的工作安排"  # 60 in all
)


def stress() -> Report:
    """A city-sized report at the limits of the layout: 行政处罚 3,985,758 and 96171.6 万元 of fees, 6–8-digit
    figures all over tables 三 and 四, 30 paragraphs in one section, a 500-character paragraph, a
    60-character sub-head and a 30-character agency name. It reconciles (check finds no errors)."""
    fmt = load_format()
    report = Report.new(fmt, agency=STRESS_AGENCY, year=2024, agency_kind="city")
    report.signed_on = dt.date(2025, 1, 20)
    report.preamble = (
        "根据《中华人民共和国政府信息公开条例》要求，现公布本机关2024年政府信息公开工作年度报告。"
        "本报告信息数据统计期限为2024年1月1日至2024年12月31日。"
    )
    proactive = report.tables["proactive"]
    proactive.load(
        {
            ("regulations", "issued"): 12,
            ("regulations", "repealed"): 3,
            ("regulations", "in_force"): 156,
            ("normative_documents", "issued"): 1_234,
            ("normative_documents", "repealed"): 567,
            ("normative_documents", "in_force"): 23_456,
            ("licensing", "decisions"): 12_345_678,
            ("penalty", "decisions"): 3_985_758,
            ("enforcement", "decisions"): 456_789,
            ("fees", "amount"): report.parse("proactive", "fees", "amount", "96171.6"),
        }
    )
    applications = fmt.tables["applications"]
    parts = next(r for r in fmt.rules if r.id == "R2").parts
    figures: dict[Cell, int] = {}
    for i, row in enumerate(parts):
        for j, column in enumerate(APPLICANTS):
            figures[(row, column)] = 100_000 + (i * 7_919 + j * 104_729) % 900_000  # six digits
    figures[("disclosed", "natural_person")] = 12_345_678
    for j, column in enumerate(APPLICANTS):
        figures[("carried_over", column)] = 200_000 + j * 11_111
        figures[("carried_forward", column)] = 300_000 + j * 22_222
        outcome = sum(figures[(row, column)] for row in parts)
        figures[("new", column)] = outcome + figures[("carried_forward", column)] - figures[("carried_over", column)]
    fill_applications(report, figures)
    assert set(figures) <= set(applications.cells)
    report.tables["appeals"].load(
        {
            ("cases", "review_upheld"): 1_234_567,
            ("cases", "review_corrected"): 234_567,
            ("cases", "review_other"): 345_678,
            ("cases", "review_pending"): 456_789,
            ("cases", "direct_upheld"): 12_345_678,
            ("cases", "direct_corrected"): 123_456,
            ("cases", "direct_other"): 234_567,
            ("cases", "direct_pending"): 345_678,
            ("cases", "after_review_upheld"): 654_321,
            ("cases", "after_review_corrected"): 543_210,
            ("cases", "after_review_other"): 432_109,
            ("cases", "after_review_pending"): 321_098,
        }
    )
    sentence = "市经济信息委坚持以公开为常态、不公开为例外，围绕数字重庆建设和政务数据共享开放，持续深化政务公开工作。"
    long_paragraph = (sentence * 11)[:500]
    overview = report.narratives["overview"]
    overview.text = "2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，" + sentence
    for index, sub in enumerate(overview.subsections):
        sub.text = long_paragraph if index == 0 else "\n".join([sentence] * 3)
    overview.subsections.append(Subsection(STRESS_SUBHEAD, "\n".join([sentence] * 2)))
    report.narratives["problems"].text = "\n".join(
        f"{n}.{sentence}" if n % 3 else f"{n}.{sentence}{sentence}" for n in range(1, 31)
    )
    report.narratives["other"].text = "本机关本年度未收取信息处理费。"
    return report


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
