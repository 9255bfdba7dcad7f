import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govform.domain.format import load_format
from govform.domain.report import Report
from govform.domain.rules import validate
from tests.helpers.reports import APPLICANTS, complete_report, fill_applications, sample

FMT = load_format()
APPS = FMT.tables["applications"]
OUTCOME_PARTS = next(r for r in FMT.rules if r.id == "R2").parts


def codes(report):
    return [f.code for f in validate(report)]


def test_sample_checks_clean():
    assert validate(sample()) == []


def test_complete_report_checks_clean():
    assert validate(complete_report()) == []


def test_r1_message_names_rows_figures_and_column():
    report = complete_report()
    fill_applications(report, {("new", "natural_person"): 5, ("disclosed", "natural_person"): 1})
    messages = [f.text() for f in validate(report) if f.code == "R1"]
    assert "表三“自然人”列：第一项(5)加第二项(0)之和为5，第三项（七）总计(1)加第四项(0)之和为1，两者应相等" in messages


def test_r1_waits_for_a_column_filled_in_its_blanks_being_r5s():
    report = complete_report()
    rows = ("new", "carried_forward", *OUTCOME_PARTS)
    carried = {("carried_over", "natural_person"): 2}  # begun from last year: only this is filled
    fill_applications(report, {(row, column): None for row in rows for column in APPLICANTS} | carried)
    assert "R1" not in codes(report) and "R5" in codes(report)
    fill_applications(report, carried)  # the rest 0: 0 + 2 received, 0 + 0 dealt with
    assert [f.cells[0].column for f in validate(report) if f.code == "R1"] == ["natural_person", "total"]


def test_r5_blank_and_invalid_cells_are_errors():
    report = complete_report()
    report.set_cell("appeals", "cases", "review_upheld", None)
    report.set_cell("proactive", "licensing", "decisions", report.parse("proactive", "licensing", "decisions", "十"))
    found = [f for f in validate(report) if f.code == "R5"]
    assert [f.cells[0].column for f in found] == ["decisions", "review_upheld"]
    assert "未填写" in found[1].text() and "“十”不是有效的数字" in found[0].text()


def test_r6_sections_and_processing_fee():
    report = complete_report()
    report.narratives["problems"].text = ""
    report.narratives["other"].text = "无。"
    report.agency = " "
    found = {(f.code, f.section, f.field) for f in validate(report)}
    assert ("R6", "problems", None) in found and ("R6", "other", None) in found and ("R6", None, "agency") in found


def test_w1_regulations_only_where_the_agency_cannot_make_them():
    report = complete_report()
    report.set_cell("proactive", "regulations", "in_force", 2)
    assert "W1" in codes(report)
    report.agency_kind = "city"
    assert "W1" not in codes(report)


def test_city_report_with_large_figures_checks_clean():
    report = complete_report()
    report.agency_kind = "city"
    report.set_cell("proactive", "regulations", "issued", 3)
    report.set_cell("proactive", "regulations", "in_force", 120)
    report.set_cell("proactive", "penalty", "decisions", 3_985_758)
    report.set_cell("proactive", "fees", "amount", Decimal("96171.6"))
    fill_applications(report, {("new", "natural_person"): 3119, ("disclosed", "natural_person"): 3119})
    assert validate(report) == []


def test_w2_w4_w6():
    report = complete_report()
    report.set_cell("proactive", "normative_documents", "repealed", 5)
    fill_applications(report, {("new", "natural_person"): 1, ("other_fee_unpaid", "natural_person"): 1})
    report.set_cell("proactive", "fees", "amount", Decimal("12000"))
    report.narratives["other"].text = "本机关本年度未收取信息处理费。"
    assert {"W2", "W6"} <= set(codes(report)) and "W4" not in codes(report)
    report.narratives["other"].text = "无其他需要报告的事项。"
    assert "W4" in codes(report)


def test_w3_narrative_figures_must_match_the_table():
    report = sample()
    report.set_text("overview", report.narratives["overview"].text + "\n全年共收到政府信息公开申请3件。")
    found = [f for f in validate(report) if f.code == "W3"]
    assert len(found) == 1 and found[0].figures == {"quoted": 3, "value": 1}


@pytest.mark.parametrize(
    ("signed", "expected"),
    [(dt.date(2025, 1, 17), []), (dt.date(2025, 2, 3), ["W5"]), (dt.date(2024, 12, 30), ["W5"]), (None, ["W5"])],
)
def test_w5_signature_date(signed, expected):
    report = sample()
    report.signed_on = signed
    assert codes(report) == expected


def test_w5_statistics_period_year():
    report = sample()
    report.preamble = report.preamble.replace("2024年1月1日", "2023年1月1日")
    assert [f.text() for f in validate(report)] == ["“开头部分”中的统计期限写的是2023年，与报告年度2024年不一致"]


def test_errors_come_before_warnings():
    report = complete_report()
    report.signed_on = None
    report.set_cell("appeals", "cases", "review_total", 4)
    assert [f.severity for f in validate(report)] == ["error", "warning"]


# -- properties -----------------------------------------------------------------------------------

small = st.integers(min_value=0, max_value=50)


@st.composite
def reconciled_values(draw):
    """All cell values of 三 and 四 (totals included, as a file holds them) that satisfy R1–R4."""
    apps = {}
    for column in APPLICANTS:
        for row in (*OUTCOME_PARTS, "carried_forward"):
            apps[(row, column)] = draw(small)
        outcome = sum(apps[(row, column)] for row in OUTCOME_PARTS)
        room = outcome + apps[("carried_forward", column)]
        apps[("carried_over", column)] = draw(st.integers(min_value=0, max_value=room))
        apps[("outcome_total", column)] = outcome
        apps[("new", column)] = room - apps[("carried_over", column)]
    for row in APPS.rows:
        apps[(row.id, "total")] = sum(apps[(row.id, c)] for c in APPLICANTS)
    appeals = {}
    for block in ("review", "direct", "after_review"):
        parts = [draw(small) for _ in range(4)]
        for name, value in zip(("upheld", "corrected", "other", "pending"), parts, strict=True):
            appeals[("cases", f"{block}_{name}")] = value
        appeals[("cases", f"{block}_total")] = sum(parts)
    return apps, appeals


def _loaded(apps, appeals) -> Report:
    report = complete_report()
    report.tables["applications"].load(apps)
    report.tables["appeals"].load(appeals)
    return report


@settings(max_examples=60, deadline=None)
@given(reconciled_values())
def test_any_reconciled_report_passes_r1_to_r4(values):
    report = _loaded(*values)
    assert not [f for f in validate(report) if f.code in ("R1", "R2", "R3", "R4")]
    assert not any(report.tables["applications"].is_manual(c) for c in APPS.cells)


@settings(max_examples=150, deadline=None)
@given(
    reconciled_values(),
    st.sampled_from([("applications", c) for c in APPS.cells] + [("appeals", c) for c in FMT.tables["appeals"].cells]),
    st.integers(min_value=1, max_value=40),
    st.booleans(),
)
def test_changing_any_single_cell_is_an_error_naming_its_row_or_column(values, target, delta, down):
    apps, appeals = (dict(v) for v in values)
    table_id, cell = target
    figures = apps if table_id == "applications" else appeals
    old = figures[cell]
    figures[cell] = old - min(delta, old) if down and old else old + delta
    report = _loaded(apps, appeals)
    table = FMT.tables[table_id]
    row, column = table.row(cell[0]), table.column(*cell)
    names = {row.display, column.label, *column.path} - {""}
    errors = [f for f in validate(report) if f.is_error and f.code in ("R1", "R2", "R3", "R4")]
    assert errors, f"changing {table.cell_label(*cell)} went unnoticed"
    assert any(any(name in f.text() for name in names) for f in errors)


def test_w7_a_subhead_title_carrying_its_own_number_is_a_warning():
    report = complete_report()
    overview = report.narratives["overview"].subsections
    overview[0].title = "（一）主动公开"
    overview[2].title = "3.政府信息管理"
    found = [f for f in validate(report) if f.code == "W7"]
    assert [(f.section, f.subsection, f.is_error) for f in found] == [("overview", 0, False), ("overview", 2, False)]
    assert found[0].text() == (
        "“一、总体情况”的小标题（一）“主动公开”自带编号“（一）”：小标题按顺序自动编号，导出时会去掉自带的编号，请在此删去"
    )
    assert "carries its own number “3.”" in found[1].text("en")
    overview[0].title, overview[2].title = "主动公开", "一是政府信息管理"
    assert "W7" not in codes(report)
