"""The 2019 trial format (国办公开办函〔2019〕60号) as a template, its value types, and agency kinds by name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from govform.domain.format import ValueType, format_for_year, load_format
from govform.domain.report import Invalid, display_value
from govform.domain.rules import validate
from tests.helpers.reports import complete_report

OLD = load_format("standard-2019")


def test_the_2019_format_applies_to_2019_and_2020_only():
    assert [OLD.applies_to(y) for y in (2018, 2019, 2020, 2021)] == [False, True, True, False]
    assert [format_for_year(y).id for y in (2019, 2020, 2021, 2024)] == [
        "standard-2019", "standard-2019", "standard-2021", "standard-2021"
    ]  # fmt: skip


def test_its_tables():
    proactive = OLD.tables["proactive"]
    assert [b.title for b in proactive.blocks] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项"
    ]  # fmt: skip
    assert [c.label for c in proactive.blocks[0].columns] == ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
    assert [r.label for r in proactive.blocks[1].rows] == ["行政许可", "其他对外管理服务事项"]
    assert proactive.column("licensing", "change").type is ValueType.SIGNED
    assert proactive.column("procurement", "amount").type is ValueType.MONEY
    applications = OLD.tables["applications"]
    assert len(applications.rows) == 23 and applications.row("other_processing").label == "（六）其他处理"
    assert not applications.has_row("other_fee_unpaid")
    assert OLD.tables["appeals"].cells == load_format().tables["appeals"].cells


def test_signed_and_money_cells_parse_and_print_as_the_2019_format_writes_them():
    report = complete_report(OLD)
    assert report.parse("proactive", "licensing", "change", "-2") == -2
    assert report.parse("proactive", "licensing", "change", "+1") == 1
    assert report.parse("proactive", "procurement", "amount", "79000.1元") == Decimal("79000.1")
    assert report.parse("proactive", "procurement", "amount", "7.9万元") == Decimal("79000")
    assert isinstance(report.parse("proactive", "licensing", "decisions", "-2"), Invalid)
    assert display_value(1, ValueType.SIGNED) == "+1" and display_value(-2, ValueType.SIGNED) == "-2"
    assert display_value(Decimal("79000.1"), ValueType.MONEY) == "79000.1元"


def test_a_complete_2019_report_checks_clean_and_its_rules_use_its_rows():
    report = complete_report(OLD)
    report.year, report.signed_on = 2020, dt.date(2021, 1, 25)
    report.narratives["other"].text = "无。"  # the 2019 format asks for no processing fee statement
    report.set_cell("proactive", "licensing", "change", -2)
    assert validate(report) == []
    report.set_cell("applications", "other_processing", "natural_person", 1)
    assert {f.code for f in validate(report)} == {"R1"}  # （七）总计 follows （六）, 第一项 does not
    assert {r.id for r in OLD.rules} >= {"R1", "R2", "W1", "Y1", "Y3"}
    assert not {"R6-fee", "W2", "W4", "W6", "Y2"} & {r.id for r in OLD.rules}


def test_what_the_2019_format_lacks_is_said_in_both_languages():
    note = OLD.note("differences")
    assert "本年废止件数" in note.text() and "（六）其他处理" in note.text()
    assert "lacks" in note.text("en")
    assert load_format().notes == ()


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("重庆市长寿区长寿湖镇人民政府", "township"),
        ("某某县某某乡人民政府", "township"),
        ("某某区某某街道办事处", "township"),
        ("北京市人民政府", "province"),
        ("某某省人民政府", "province"),
        ("某某市人民政府", "city"),
        ("某某自治州人民政府", "city"),
        ("某某市某某区人民政府", "county"),
        ("某某县人民政府", "county"),
        ("某某区人民政府办公室", "department"),
        ("某某市生态环境局", "department"),
        ("某某县卫生健康委员会", "department"),
        ("某某学会", None),
        ("某某区人民政府办公室（区政务服务管理办公室）", "department"),
        ("某某镇人民政府（挂某某街道办事处牌子）", "township"),
    ],
)
def test_the_agency_kind_is_guessed_from_the_name(agency, kind):
    assert load_format().kind_of_agency(agency) == kind
