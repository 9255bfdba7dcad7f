"""The spreadsheet logic of a table's grid, without Qt: clipboard text, paste plans, cursor moves."""

import pytest

from govform.domain import sheet
from govform.domain.format import load_format
from govform.domain.layout import table_grid
from govform.domain.report import Report

FMT = load_format()
GRID = table_grid(FMT.tables["applications"])
APPEALS = table_grid(FMT.tables["appeals"])


def parse(cell, text):
    return Report.new(FMT, agency="x", year=2024).parse("applications", *cell, text)


def test_split_tsv_as_excel_and_wps_put_it_on_the_clipboard():
    assert sheet.split_tsv("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert sheet.split_tsv("5") == [["5"]]


def test_a_range_lands_on_value_cells_from_the_top_left():
    top_left = GRID.value_position(("new", "natural_person"))
    values = sheet.plan_paste(GRID, top_left, "1\t2\n3\t4\n", [top_left], parse)
    assert values == {
        ("new", "natural_person"): 1,
        ("new", "commercial"): 2,
        ("carried_over", "natural_person"): 3,
        ("carried_over", "commercial"): 4,
    }


def test_one_figure_fills_a_selection():
    positions = [GRID.value_position(("new", c)) for c in ("natural_person", "commercial", "research")]
    assert sheet.plan_paste(GRID, positions[0], "0", positions, parse) == {
        ("new", "natural_person"): 0,
        ("new", "commercial"): 0,
        ("new", "research"): 0,
    }


@pytest.mark.parametrize(
    ("text", "key"),
    [("1\t2\t3\t4\t5\t6\t7\t8", "sheet.does_not_fit"), ("十", "sheet.bad_figure"), ("\n", "sheet.nothing_to_paste")],
)
def test_a_paste_that_cannot_be_whole_is_refused(text, key):
    top_left = GRID.value_position(("new", "natural_person"))
    with pytest.raises(sheet.PasteRefused) as refused:
        sheet.plan_paste(GRID, top_left, text, [top_left], parse)
    assert refused.value.message.key == key and refused.value.message.text("en")


def test_copy_covers_the_bounding_rectangle():
    report = Report.new(FMT, agency="x", year=2024)
    report.set_cell("applications", "new", "natural_person", 5)
    data = report.tables["applications"]
    positions = [GRID.value_position(("new", "natural_person")), GRID.value_position(("new", "commercial"))]
    assert sheet.copy_text(GRID, data, positions) == "5\t\n"


def test_moves_skip_labels_and_merges_and_tab_wraps_rows():
    start = GRID.value_position(("new", "other"))
    assert sheet.move(GRID, start, sheet.Move.NEXT) == GRID.value_position(("new", "total"))
    total = GRID.value_position(("new", "total"))
    assert sheet.move(GRID, total, sheet.Move.NEXT) == GRID.value_position(("carried_over", "natural_person"))
    first = GRID.value_position(("new", "natural_person"))
    assert sheet.move(GRID, first, sheet.Move.LEFT) == first  # the labels are not a destination
    assert sheet.move(GRID, first, sheet.Move.UP) == first  # nor the header
    assert sheet.move(GRID, first, sheet.Move.DOWN) == GRID.value_position(("carried_over", "natural_person"))
    last = GRID.value_position(("carried_forward", "total"))
    assert sheet.move(GRID, last, sheet.Move.NEXT) == last
    assert sheet.move(APPEALS, APPEALS.value_position(("cases", "review_total")), sheet.Move.RIGHT) == (
        APPEALS.value_position(("cases", "direct_upheld"))
    )


def test_ctrl_arrows_go_to_the_last_value_cell_that_way():
    from govform.domain.format import load_format
    from govform.domain.layout import table_grid
    from govform.domain.sheet import Move, move

    grid = table_grid(load_format().tables["applications"])
    start = grid.value_position(("disclosed", "research"))
    assert move(grid, start, Move.DOWN, to_edge=True) == grid.value_position(("carried_forward", "research"))
    assert move(grid, start, Move.UP, to_edge=True) == grid.value_position(("new", "research"))
    assert move(grid, start, Move.LEFT, to_edge=True) == grid.value_position(("disclosed", "natural_person"))
    assert move(grid, start, Move.RIGHT, to_edge=True) == grid.value_position(("disclosed", "total"))
