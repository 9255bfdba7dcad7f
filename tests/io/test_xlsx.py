"""The XLSX export and import: the tables as printed, formulas, validation and protection, and round trips
(also through LibreOffice Calc, which must be installed: `make test` installs it; a missing one fails)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from govform.domain.format import ValueType, load_format
from govform.domain.layout import table_grid
from govform.domain.report import Invalid, Subsection
from govform.io import registry
from govform.io.project import dumps_project
from govform.io.registry import ImportFailed
from govform.io.xlsx_export import export_xlsx
from govform.io.xlsx_import import figure_text, import_xlsx, read_table_values
from govform.io.xlsx_layout import GRID_LEFT, GRID_TOP
from tests.helpers.office import convert
from tests.helpers.reports import complete_report, sample

FORMAT = load_format()
TABLES = [FORMAT.tables[s.table] for s in FORMAT.sections if s.table]


def name(row: int, column: int) -> str:
    return f"{get_column_letter(GRID_LEFT + column)}{GRID_TOP + row}"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "sample.xlsx"
    export_xlsx(sample(), path)
    return path


@pytest.fixture(scope="module")
def workbook(exported):
    return openpyxl.load_workbook(exported)


def test_the_registry_knows_xlsx_both_ways():
    assert registry.exporter(registry.Path("a.XLSX")).handler == "govform.io.xlsx_export:export_xlsx"
    assert registry.importer(registry.Path("a.xlsx")).handler == "govform.io.xlsx_import:import_xlsx"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.id)
def test_each_table_is_laid_out_as_printed(workbook, table):
    sheet = workbook[table.short]
    grid = table_grid(table)
    merged = {str(r) for r in sheet.merged_cells.ranges if r.min_row >= GRID_TOP}
    expected = {
        f"{name(c.row, c.column)}:{name(c.row + c.rowspan - 1, c.column + c.colspan - 1)}"
        for c in grid.cells
        if c.rowspan > 1 or c.colspan > 1
    }
    assert merged == expected
    for cell in grid.cells:
        if cell.cell is None:
            assert (sheet[name(cell.row, cell.column)].value or "") == cell.text


def validations(sheet) -> dict:
    """Each validated cell's coordinate → its data validation."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cells in validation.sqref.ranges:
            for row_cells in sheet[cells.coord] if ":" in cells.coord else [[sheet[cells.coord]]]:
                for cell in row_cells:
                    found[cell.coordinate] = validation
    return found


def test_table_three_totals_are_formulas(workbook):
    table = FORMAT.tables["applications"]
    grid = table_grid(table)
    sheet = workbook[table.short]
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert len(formulas) >= 20
    assert sheet[name(*grid.value_position(("new", "total")))].value == f"=SUM({name(3, 3)}:{name(3, 8)})"
    row, column = grid.value_position(("outcome_total", "natural_person"))
    first, last = grid.value_position(("disclosed", "natural_person")), grid.value_position(("other_other", "total"))
    assert sheet[name(row, column)].value == f"=SUM({name(first[0], column)}:{name(last[0], column)})"


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.id)
def test_every_value_cell_is_validated_and_unlocked_the_rest_protected(workbook, table):
    grid = table_grid(table)
    sheet = workbook[table.short]
    validated = validations(sheet)
    assert sheet.protection.sheet and not sheet.protection.password
    for printed in grid.cells:
        cell = sheet[name(printed.row, printed.column)]
        if printed.cell is None:
            assert cell.protection.locked
            continue
        assert not cell.protection.locked
        validation = validated[cell.coordinate]
        assert validation.showErrorMessage
        if table.column(*printed.cell).type is ValueType.AMOUNT:
            assert validation.type == "custom" and "万元" in validation.error
        else:
            assert (validation.type, validation.operator, validation.formula1) == ("whole", "between", "0")
            assert "正整数" in validation.error


def test_amounts_allow_four_places_and_pages_are_a4(workbook):
    table = FORMAT.tables["proactive"]
    sheet = workbook[table.short]
    grid = table_grid(table)
    cell = name(*grid.value_position(("fees", "amount")))
    [rule] = [v for v in sheet.data_validations.dataValidation if str(v.sqref) == cell]
    assert rule.type == "custom" and f"ROUND({cell},4)={cell}" in rule.formula1 and f"{cell}>=0" in rule.formula1
    assert table.column("fees", "amount").type is ValueType.AMOUNT
    for table in TABLES:
        setup = workbook[table.short].page_setup
        assert setup.paperSize == 9 and setup.fitToWidth == 1
    assert workbook["表三"].print_title_rows == f"${GRID_TOP}:${GRID_TOP + 2}"


def test_sample_to_xlsx_and_back_is_the_sample(exported):
    result = import_xlsx(exported)
    assert dumps_project(result.report) == dumps_project(sample())
    assert [n.kind for n in result.notes] == ["read", "read", "read"]


def test_the_same_after_libreoffice_calc_saved_it(exported, tmp_path):
    resaved = convert(exported, "xlsx", tmp_path / "out", tmp_path / "profile")
    with_results = openpyxl.load_workbook(resaved, data_only=True)
    grid = table_grid(FORMAT.tables["applications"])
    assert with_results["表三"][name(*grid.value_position(("new", "total")))].value == 1
    assert dumps_project(import_xlsx(resaved).report) == dumps_project(sample())


def test_odd_values_round_trip(tmp_path):
    report = complete_report()
    report.set_cell("proactive", "fees", "amount", Decimal("2.0200"))
    report.set_cell(
        "applications",
        "new",
        "research",
        Invalid("=1+2", report.parse("applications", "new", "research", "=1+2").reason),
    )
    report.set_cell("appeals", "cases", "review_total", 7)  # typed, disagreeing: kept as typed
    report.set_cell("proactive", "licensing", "decisions", None)
    report.preamble = "第一段\n\n第三段\n"
    report.narratives["other"].subsections = [Subsection("", "=SUM(A1)"), Subsection("其他", "")]
    path = tmp_path / "odd.xlsx"
    export_xlsx(report, path)
    back = import_xlsx(path).report
    assert dumps_project(back) == dumps_project(report)
    assert back.tables["appeals"].is_manual(("cases", "review_total"))


@pytest.mark.parametrize(
    ("cell", "typed"),
    [
        (("applications", "new", "natural_person"), "十二"),
        (("applications", "new", "natural_person"), -3),
        (("applications", "new", "natural_person"), 2.5),
        (("proactive", "fees", "amount"), 2.12345),
        (("proactive", "fees", "amount"), -1.5),
    ],
)
def test_a_bad_figure_gets_the_reason_typing_it_gets(exported, tmp_path, cell, typed):
    table_id, row, column = cell
    table = FORMAT.tables[table_id]
    workbook = openpyxl.load_workbook(exported)
    workbook[table.short][name(*table_grid(table).value_position((row, column)))] = typed
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    result = import_xlsx(path)
    value = result.report.value(table_id, row, column)
    typed_in_window = sample().parse(table_id, row, column, str(typed))
    assert isinstance(value, Invalid) and isinstance(typed_in_window, Invalid)
    assert value.reason == typed_in_window.reason
    assert any(n.kind == "format" and str(value.reason) in str(n.message) for n in result.notes)


def test_figures_read_as_typed():
    assert figure_text(12.0) == "12"
    assert figure_text(96171.6, amount=True) == "96171.6"
    assert figure_text(2.02, "0.0000", amount=True) == "2.0200"
    assert figure_text(5.0, "0.00") == "5"
    assert figure_text(dt.date(2024, 1, 2)) == "2024-01-02"


def test_table_data_into_an_open_report(exported, tmp_path):
    report = sample()
    workbook = openpyxl.load_workbook(exported)
    grid = table_grid(FORMAT.tables["appeals"])
    workbook["表四"][name(*grid.value_position(("cases", "review_upheld")))] = 3
    workbook.remove(workbook["基本信息"])
    path = tmp_path / "ledger.xlsx"
    workbook.save(path)
    imported = read_table_values(path, report)
    assert set(imported.values) == {"proactive", "applications", "appeals"}
    assert imported.changes(report) == {"appeals": {("cases", "review_upheld"): 3}}
    for table_id, values in imported.values.items():
        report.set_cells(table_id, values)
    assert report.value("appeals", "cases", "review_total") == 3
    assert not report.tables["appeals"].is_manual(("cases", "review_total"))


def test_unreadable_workbooks_say_why(exported, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ImportFailed) as raised:
        import_xlsx(junk)
    assert str(raised.value).startswith("无法导入“junk.xlsx”：这不是 Excel 工作簿")

    workbook = openpyxl.load_workbook(exported)
    workbook["表三"]["A9"] = "三、别的什么"
    moved = tmp_path / "moved.xlsx"
    workbook.save(moved)
    with pytest.raises(ImportFailed) as raised:
        import_xlsx(moved)
    assert "工作表“表三”的A9格应为“二、上年结转政府信息公开申请数量”，现在是“三、别的什么”" in str(raised.value)

    workbook = openpyxl.Workbook()
    empty = tmp_path / "empty.xlsx"
    workbook.save(empty)
    with pytest.raises(ImportFailed) as raised:
        read_table_values(empty, sample())
    assert "没有找到表二、表三、表四" in str(raised.value)
    with pytest.raises(ImportFailed, match="基本信息"):
        import_xlsx(empty)
