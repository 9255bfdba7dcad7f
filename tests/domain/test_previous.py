"""Starting from last year's report, and the rules across years: Y1 (上年结转), Y2 (现行有效件数), Y3 (雷同)."""

from __future__ import annotations

import datetime as dt

from govform.domain.format import load_format
from govform.domain.previous import previous_of, start_from
from govform.domain.report import CellRef
from govform.domain.rules import validate
from tests.helpers.reports import APPLICANTS, complete_report, fill_applications, sample

Y_CODES = ("Y1", "Y2", "Y3")


def cross_year(report) -> list:
    return [f for f in validate(report) if f.code in Y_CODES]


def last_year_with_carried_forward():
    last = sample()
    fill_applications(
        last,
        {("new", "natural_person"): 5, ("disclosed", "natural_person"): 2, ("carried_forward", "natural_person"): 3,
         ("new", "commercial"): 1, ("carried_forward", "commercial"): 1},
    )  # fmt: skip
    assert not [f for f in validate(last) if f.code in ("R1", "R2", "R3")]
    return last


def test_start_from_last_year_carries_the_particulars_and_the_narrative_as_a_draft():
    last = last_year_with_carried_forward()
    new = start_from(last, source="2024年报.govform")
    assert (new.agency, new.agency_kind, new.year, new.signed_on) == (last.agency, last.agency_kind, 2025, None)
    assert new.format is load_format("standard-2021")
    assert new.preamble == last.preamble
    for section_id, narrative in last.narratives.items():
        assert new.narratives[section_id].text == narrative.text
        assert [(s.title, s.text) for s in new.narratives[section_id].subsections] == [
            (s.title, s.text) for s in narrative.subsections
        ]
    assert new.narratives is not last.narratives
    new.narratives["overview"].subsections[0].title = "改过"
    assert last.narratives["overview"].subsections[0].title != "改过"


def test_last_years_carried_forward_row_becomes_this_years_carried_over_row():
    last = last_year_with_carried_forward()
    new = start_from(last)
    carried = {c: new.value("applications", "carried_over", c) for c in (*APPLICANTS, "total")}
    assert carried == {"natural_person": 3, "commercial": 1, "research": 0, "nonprofit": 0, "legal_services": 0,
                       "other": 0, "total": 4}  # fmt: skip
    others = [
        new.value(t, r, c)
        for t, table in new.format.tables.items()
        for r, c in table.cells
        if (t, r) != ("applications", "carried_over") and not new.tables[t].is_total((r, c))
    ]
    assert others and all(value is None for value in others)
    assert not [f for f in cross_year(new) if f.code == "Y1"]


def test_the_report_keeps_what_the_rules_across_years_read():
    last = last_year_with_carried_forward()
    previous = start_from(last, source="x.docx").previous
    assert previous.year == 2024 and previous.format == "standard-2021" and previous.source == "x.docx"
    assert previous.value("applications", "carried_forward", "natural_person") == 3
    assert previous.value("proactive", "normative_documents", "in_force") == 2
    assert set(previous.values) == {
        *(CellRef("applications", "carried_forward", c) for c in (*APPLICANTS, "total")),
        CellRef("proactive", "regulations", "in_force"),
        CellRef("proactive", "normative_documents", "in_force"),
    }
    assert previous.paragraphs == tuple(text for *_, text in last.paragraphs())


def test_y1_a_carried_over_figure_that_differs_from_last_years_is_an_error_naming_the_column():
    new = start_from(last_year_with_carried_forward())
    new.set_cell("applications", "carried_over", "commercial", 0)
    found = [f for f in cross_year(new) if f.code == "Y1"]
    assert [f.primary.column for f in found] == ["commercial", "total"]  # the automatic total follows
    finding = found[0]
    assert finding.is_error and finding.primary == CellRef("applications", "carried_over", "commercial")
    assert finding.text() == (
        "表三“商业企业”列：“二、上年结转政府信息公开申请数量”为0，但2024年报告的“四、结转下年度继续办理”为1，两者应相等"
    )


def test_y1_says_when_the_report_compared_is_not_last_years():
    report = complete_report()
    previous = previous_of(sample(), report.format)
    report.previous = type(previous)(2022, previous.format, previous.agency, "", previous.values, ())
    [finding] = [f for f in cross_year(report) if f.code == "Y1"]
    assert "2022年度的报告，应为2023年度的报告" in finding.text()


def test_y2_documents_in_force_follow_from_last_year():
    report = complete_report()
    last = sample()  # 行政规范性文件: 2 in force
    last.year = 2023
    report.previous = previous_of(last, report.format)
    report.set_cell("proactive", "normative_documents", "issued", 3)
    report.set_cell("proactive", "normative_documents", "repealed", 1)
    report.set_cell("proactive", "normative_documents", "in_force", 4)
    assert not [f for f in cross_year(report) if f.code == "Y2"]
    report.set_cell("proactive", "normative_documents", "in_force", 7)
    [finding] = [f for f in cross_year(report) if f.code == "Y2"]
    assert not finding.is_error and finding.figures["expected"] == 4
    assert "现行有效件数为7" in finding.text() and "应为4件" in finding.text()


def test_y2_is_not_checked_across_the_2019_to_2021_boundary():
    old = complete_report(load_format("standard-2019"))
    old.year = 2020
    new = start_from(old)
    assert new.format.id == "standard-2021" and new.year == 2021
    assert not any(ref.table == "proactive" for ref in new.previous.values)
    new.set_cell("proactive", "normative_documents", "in_force", 99)
    assert not [f for f in cross_year(new) if f.code == "Y2"]
    assert new.value("applications", "carried_over", "natural_person") == 0  # Y1 still carries over


def test_y3_a_paragraph_left_as_last_year_is_flagged_until_it_is_rewritten():
    new = start_from(sample())
    flagged = [f for f in cross_year(new) if f.code == "Y3"]
    paragraphs = [p for p in new.paragraphs() if len(p[3]) >= 20]
    assert len(flagged) == len(paragraphs) and all(not f.is_error for f in flagged)
    first = next(f for f in flagged if f.section == "overview" and f.subsection == 0)
    assert first.paragraph == 0
    assert "“一、总体情况（一）主动公开情况”第1段与2024年报告中的一段完全相同（雷同）" in first.text()
    new.set_subsection("overview", 0, text="2025年，我镇主动公开信息120条。")
    assert not [f for f in cross_year(new) if f.section == "overview" and f.subsection == 0]
    assert len([f for f in cross_year(new) if f.code == "Y3"]) == len(flagged) - 1


def test_y3_ignores_short_paragraphs_and_reflowed_spaces():
    new = start_from(sample())
    new.set_text("other", "无。\n" + new.narratives["other"].text.replace("，", " ，", 1))
    flagged = [f for f in cross_year(new) if f.code == "Y3" and f.section == "other"]
    assert [f.paragraph for f in flagged] == [1]


def test_no_previous_report_no_cross_year_findings():
    report = sample()
    assert report.previous is None and cross_year(report) == []


def test_set_previous_announces_the_change():
    report = complete_report()
    changes = []
    report.subscribe(changes.append)
    previous = previous_of(sample(), report.format)
    report.set_previous(previous)
    report.set_previous(previous)
    assert [getattr(c, "name", None) for c in changes] == ["previous"]
    assert report.signed_on == dt.date(2025, 1, 20)
