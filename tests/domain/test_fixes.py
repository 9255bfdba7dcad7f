"""What the report proposes for reconciliations that do not hold, and explanations of warnings."""

from __future__ import annotations

from govform.domain import sheet
from govform.domain.fixes import fixes
from govform.domain.format import load_format
from govform.domain.report import Report
from govform.domain.rules import explanation, facts, is_missing, subject, validate
from tests.helpers.reports import sample as sample_report


def test_a_sum_proposes_what_its_parts_add_up_to():
    report = sample_report()
    report.set_cell("applications", "new", "total", 5)
    [finding] = [f for f in validate(report) if f.code == "R3"]
    [fix] = fixes(report, finding)
    assert (fix.cell.cell, fix.value) == (("new", "total"), 1)
    assert fix.message.text() == "若各分项无误，表三 一、本年新收政府信息公开申请数量 / 总计应为1。"


def test_a_column_that_does_not_balance_proposes_each_cell_that_alone_would_balance_it():
    report = sample_report()
    report.set_cell("applications", "new", "research", 3)
    finding = next(f for f in validate(report) if f.code == "R1" and f.cells[0].column == "research")
    proposed = {fix.cell.row: fix.value for fix in fixes(report, finding)}
    assert proposed == {"new": 0, "carried_forward": 3}  # 上年结转 would be −3; the total computes itself
    report.set_cell("applications", "carried_forward", "research", 3)
    assert not [f for f in validate(report) if f.code == "R1"]


def test_other_findings_propose_nothing():
    report = Report.new(load_format(), agency="某某镇人民政府", year=2025)
    assert all(fixes(report, f) == [] for f in validate(report))


def test_blank_cells_and_empty_parts_are_to_do_rather_than_wrong():
    report = Report.new(load_format(), agency="某某镇人民政府", year=2025)
    findings = validate(report)
    assert all(is_missing(f) for f in findings if f.code in ("R5", "W5"))
    report.set_cell("applications", "new", "research", -1)
    assert not any(is_missing(f) for f in validate(report) if f.code == "R5" and f.cells[0].row == "new"
                   and f.cells[0].column == "research")  # fmt: skip


def test_an_explanation_answers_its_warning_while_the_warning_says_the_same():
    report = sample_report()
    report.set_cell("proactive", "regulations", "issued", 1)
    [warning] = [f for f in validate(report) if f.code == "W1"]
    report.set_explanation(subject(warning), facts(warning), "本镇经授权制定。")
    assert explanation(report, warning) == "本镇经授权制定。"
    report.set_cell("proactive", "regulations", "issued", 2)
    [changed] = [f for f in validate(report) if f.code == "W1"]
    assert subject(changed) == subject(warning) and explanation(report, changed) is None
    report.set_cell("proactive", "regulations", "issued", 1)
    assert explanation(report, next(f for f in validate(report) if f.code == "W1")) == "本镇经授权制定。"
    report.set_explanation(subject(warning), facts(warning), "")
    assert report.explanations == {}


def test_a_total_covered_by_a_paste_stays_automatic_when_it_adds_up():
    data = sample_report().tables["applications"]
    values = {("new", c): 0 for c in ("commercial", "research", "nonprofit", "legal_services", "other")}
    values[("new", "total")] = 1  # 自然人 1 plus five zeros
    kept = sheet.keep_totals_automatic(data, values)
    assert kept[("new", "total")] is None
    values[("new", "total")] = 7
    assert sheet.keep_totals_automatic(data, values)[("new", "total")] == 7


def test_the_format_guesses_the_kind_of_agency_from_its_name():
    fmt = load_format()
    assert fmt.kind_of_agency("某某县某某镇人民政府") == "township"
    assert fmt.kind_of_agency("某某县人民政府办公室") == "department"
    assert fmt.kind_of_agency("某某") is None
