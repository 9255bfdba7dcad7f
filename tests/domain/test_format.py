"""The format data: every label of the 2021 standard, character for character."""

import tomllib

import pytest

from govform.domain.format import (
    FeeNotice,
    FormatError,
    NarrativeFigures,
    Severity,
    chinese_numeral,
    load_format,
    load_format_file,
    parse_format,
)
from govform.domain.layout import table_grid
from govform.resources import template_path

FMT = load_format()


def test_six_sections_in_order():
    assert [s.heading for s in FMT.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert FMT.section("overview").subsections == (
        "主动公开",
        "依申请公开",
        "政府信息管理",
        "政府信息公开平台建设",
        "监督保障",
    )


def test_table_sizes():
    assert [len(FMT.tables[t].cells) for t in ("proactive", "applications", "appeals")] == [10, 175, 15]


def test_applications_labels_exact():
    table = FMT.tables["applications"]
    labels = [row.label for row in table.rows]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert "3.危及“三安全一稳定”" in labels
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in labels
    assert labels[-2:] == ["（七）总计", "四、结转下年度继续办理"]
    assert [c.label for c in table.blocks[0].columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert table.blocks[0].corner == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def test_grid_matches_the_reference_template():
    """Grid sizes and merges as in the circulated Word template: 14×4, 28×10, 4×15."""
    sizes = [(g.rows, g.columns) for g in (table_grid(FMT.tables[t]) for t in ("proactive", "applications", "appeals"))]
    assert sizes == [(14, 4), (28, 10), (4, 15)]
    grid = table_grid(FMT.tables["applications"])
    corner = grid.anchor_at(0, 0)
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert grid.anchor_at(5, 0).text == "三、本年度办理结果" and grid.anchor_at(5, 0).rowspan == 22
    assert grid.anchor_at(7, 1).text == "（三）不予公开" and grid.anchor_at(7, 1).rowspan == 8
    assert grid.anchor_at(1, 4).text == "法人或其他组织" and grid.anchor_at(1, 4).colspan == 5
    assert grid.anchor_at(1, 3).rowspan == 2  # 自然人 spans h2–h3
    appeals = table_grid(FMT.tables["appeals"])
    assert appeals.anchor_at(1, 0).rowspan == 2 and appeals.anchor_at(1, 5).colspan == 5
    proactive = table_grid(FMT.tables["proactive"])
    assert proactive.anchor_at(4, 0).role == "title" and proactive.anchor_at(4, 0).colspan == 4
    assert proactive.anchor_at(6, 1).colspan == 3  # 行政许可's single figure spans the three value columns
    covered = {
        (r, c)
        for cell in grid.cells
        for r in range(cell.row, cell.row + cell.rowspan)
        for c in range(cell.column, cell.column + cell.colspan)
    }
    assert len(covered) == sum(cell.rowspan * cell.colspan for cell in grid.cells) == 28 * 10


def test_cell_labels_are_what_a_clerk_reads():
    assert FMT.tables["applications"].cell_label("disclosed", "natural_person") == "表三 第三项（一）予以公开 / 自然人"
    assert FMT.tables["appeals"].cell_label("cases", "direct_upheld") == "表四 未经复议直接起诉·结果维持"
    assert (
        FMT.tables["proactive"].cell_label("fees", "amount")
        == "表二 第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）"
    )


def test_totals_come_from_the_sum_rules():
    assert FMT.totals[("applications", ("outcome_total", "total"))].rule == "R2"
    assert len(FMT.totals[("applications", ("outcome_total", "natural_person"))].parts) == 21
    assert FMT.totals[("appeals", ("cases", "after_review_total"))].rule == "R4-after-review"


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (5, "五"), (10, "十"), (12, "十二"), (21, "二十一")])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


def test_a_rule_naming_a_missing_cell_is_a_format_error():
    data = tomllib.loads(template_path("standard-2021").read_text(encoding="utf-8"))
    data["rules"][1]["parts"] = ["no_such_row"]
    with pytest.raises(FormatError):
        parse_format(data)


def test_format_records_are_values_and_tables_are_singletons():
    section = FMT.section("applications")
    again = load_format_file(template_path("standard-2021"))  # a second, separately built format
    assert again.section("applications") == section and hash(again.section("applications")) == hash(section)
    assert again.tables["applications"].row("new") == FMT.tables["applications"].row("new")
    assert again.tables["applications"] is not FMT.tables["applications"]  # tables and formats: by identity
    assert {FMT.agency_kinds[0], again.agency_kinds[0]} == {FMT.agency_kinds[0]}


def test_rules_are_typed_records_compared_by_kind_and_value():
    again = load_format_file(template_path("standard-2021"))
    assert again.rules == FMT.rules and [repr(r) for r in again.rules] == [repr(r) for r in FMT.rules]
    common = {"id": "W3", "code": "W3", "severity": Severity.WARNING, "format": "f", "table": "t", "row": "r"}
    figures = NarrativeFigures(**common, column="c")
    assert figures.patterns == () and list(NarrativeFigures.PARAMS)[:4] == ["id", "code", "severity", "format"]
    assert figures == NarrativeFigures(**common, column="c", patterns=())
    assert figures != NarrativeFigures(**common, column="c", patterns=("x",))
    assert figures != FeeNotice(**common, column="c")  # same cells, another kind
    assert repr(figures).startswith("NarrativeFigures(id='W3', code='W3'")
    with pytest.raises(TypeError, match="needs column"):
        NarrativeFigures(**common)
    with pytest.raises(TypeError, match="no parameter colour"):
        NarrativeFigures(**common, column="c", colour="red")


def test_labels_carry_the_templates_line_breaks_between_words():
    """Where the circulated template breaks a narrow label (商业/企业), the printed grid breaks it the same way;
    every break falls between words, and the breaks spell the label."""
    grid = table_grid(FMT.tables["applications"])
    lines = {cell.text: cell.lines for cell in grid.cells if cell.role != "value"}
    assert lines["商业企业"] == ("商业", "企业") and lines["社会公益组织"] == ("社会", "公益", "组织")
    assert lines["三、本年度办理结果"] == ("三、本年度", "办理结果")
    assert lines["（三）不予公开"] == ("（三）", "不予公开")
    assert lines["自然人"] == ("自然人",) and lines["1.属于国家秘密"] == ("1.属于国家秘密",)
    assert lines[FMT.tables["applications"].blocks[0].corner] == (
        "（本列数据的勾稽关系为：",
        "第一项加第二项之和，",
        "等于第三项加第四项之和）",
    )
    appeals = {cell.lines for cell in table_grid(FMT.tables["appeals"]).cells if cell.role == "header"}
    assert ("结果", "维持") in appeals and ("尚未", "审结") in appeals
    for cell in grid.cells:
        assert "".join(cell.lines) == cell.text


@pytest.mark.parametrize("key", ["breaks", "corner_breaks"])
def test_breaks_that_do_not_spell_the_label_are_refused(key):
    data = tomllib.loads(template_path("standard-2021").read_text(encoding="utf-8"))
    block = data["tables"]["applications"]["blocks"][0]
    if key == "breaks":
        block["columns"][0]["children"][1]["children"][0]["breaks"] = "商业\n公司"
        where = "tables.applications.blocks[0].columns[0].children[1].children[0].breaks"
    else:
        block["corner_breaks"] = "（本列数据\n的勾稽关系）"
        where = "tables.applications.blocks[0].corner_breaks"
    with pytest.raises(FormatError) as raised:
        parse_format(data, "standard-2021.toml")
    assert raised.value.key == where
