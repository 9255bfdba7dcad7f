from decimal import Decimal

import pytest

from govform.domain.format import load_format
from govform.domain.report import (
    CellsChanged,
    Invalid,
    Report,
    Subsection,
    SubsectionsChanged,
    TextChanged,
    display_value,
    paragraphs,
)

FMT = load_format()


@pytest.fixture
def report():
    return Report.new(FMT, agency="某镇人民政府", year=2024)


def test_new_report_has_standard_subheads_and_blank_cells(report):
    assert [s.title for s in report.narratives["overview"].subsections] == list(FMT.section("overview").subsections)
    assert all(value is None for _, value in report.tables["applications"].items())


def test_totals_fill_themselves_and_announce_exactly_what_changed(report):
    changes = []
    report.subscribe(changes.append)
    changed = report.set_cell("applications", "disclosed", "commercial", 3)
    assert set(changed) == {
        ("disclosed", "commercial"),
        ("disclosed", "total"),
        ("outcome_total", "commercial"),
        ("outcome_total", "total"),
    }
    assert changes == [CellsChanged("applications", changed)]
    assert report.value("applications", "outcome_total", "total") == 3


def test_a_typed_total_is_kept_and_clearing_it_computes_again(report):
    report.set_cell("applications", "new", "natural_person", 5)
    report.set_cell("applications", "new", "total", 9)
    data = report.tables["applications"]
    assert data.is_manual(("new", "total")) and report.value("applications", "new", "total") == 9
    report.set_cell("applications", "new", "natural_person", 6)
    assert report.value("applications", "new", "total") == 9  # never silently overwritten
    report.set_cell("applications", "new", "total", None)
    assert not data.is_manual(("new", "total")) and report.value("applications", "new", "total") == 6


def test_loading_keeps_a_disagreeing_total_as_manual(report):
    data = report.tables["appeals"]
    values = dict.fromkeys(FMT.tables["appeals"].cells, 0)
    values[("cases", "review_upheld")] = 2
    data.load(values)
    assert data.is_manual(("cases", "review_total")) and data[("cases", "review_total")] == 0
    values[("cases", "review_total")] = 2
    data.load(values)
    assert not data.is_manual(("cases", "review_total"))


def test_negative_and_bad_text_become_invalid_and_keep_the_text(report):
    report.set_cell("appeals", "cases", "review_upheld", -3)
    negative = report.value("appeals", "cases", "review_upheld")
    assert isinstance(negative, Invalid) and negative.text == "-3" and str(negative.reason).startswith("不能填负数。")
    value = report.parse("appeals", "cases", "review_upheld", "十二")
    assert isinstance(value, Invalid) and value.text == "十二" and "数字以外" in str(value.reason)
    assert report.parse("proactive", "fees", "amount", "２.０２") == Decimal("2.02")
    assert report.parse("proactive", "licensing", "decisions", "２.０２").text == "２.０２"


def test_set_cells_is_one_notification(report):
    changes = []
    report.subscribe(changes.append)
    report.set_cells("appeals", {("cases", "review_upheld"): 1, ("cases", "review_other"): 2})
    assert len(changes) == 1 and report.value("appeals", "cases", "review_total") == 3


def test_subsections_insert_move_remove_notify(report):
    changes = []
    report.subscribe(changes.append)
    report.insert_subsection("overview", 5, Subsection("工作考核", "无。"))
    report.move_subsection("overview", 5, 0)
    assert report.narratives["overview"].subsections[0].title == "工作考核"
    report.set_subsection("overview", 0, title="工作考核情况", text="已完成。")
    removed = report.remove_subsection("overview", 0)
    assert removed == Subsection("工作考核情况", "已完成。")
    assert [type(c) for c in changes] == [
        SubsectionsChanged,
        SubsectionsChanged,
        TextChanged,
        TextChanged,
        SubsectionsChanged,
    ]


def test_several_subsections_inserted_or_removed_are_one_change(report):
    changes = []
    report.subscribe(changes.append)
    added = [Subsection("工作考核", "无。"), Subsection("创新做法", "开设专栏。")]
    report.insert_subsections("overview", 5, added)
    assert report.narratives["overview"].subsections[5:] == added
    assert report.remove_subsections("overview", 5, 2) == added
    assert len(report.narratives["overview"].subsections) == 5
    assert changes == [SubsectionsChanged("overview", 5)] * 2


def test_meta_validates_agency_kind(report):
    with pytest.raises(KeyError):
        report.set_meta("agency_kind", "galaxy")
    with pytest.raises(KeyError):
        report.set_meta("colour", "red")
    report.set_meta("agency_kind", "city")
    assert report.agency_kind == "city"


def test_display_and_paragraphs():
    assert display_value(Decimal("96171.60")) == "96171.6"
    assert display_value(0) == "0" and display_value(None) == ""
    assert paragraphs("甲\n\n 乙\n") == ["甲", " 乙"]


def test_with_meta_is_a_detached_copy_with_one_field_changed(report):
    import datetime as dt

    heard = []
    report.subscribe(heard.append)
    typed = report.with_meta("signed_on", dt.date(2026, 1, 23))
    assert typed.signed_on == dt.date(2026, 1, 23) and report.signed_on != typed.signed_on
    assert typed.agency == report.agency and heard == []
    typed.set_meta("agency", "别的机关")
    assert report.agency != "别的机关" and heard == []
    with pytest.raises(KeyError):
        report.with_meta("colour", "red")
