"""Editing the tables with the keyboard, as a clerk does: the domain, the flags and the findings follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from govform.domain.rules import validate
from govform.io.project import dumps_project
from govform.ui.answers import Unsaved
from govform.ui.problems_model import FINDING_ROLE
from govform.ui.table_model import SEVERITY_ROLE
from tests.helpers.ui import ime_type, listed, panel_entries


@pytest.fixture
def grid(window):
    tab = window.editor.tables["applications"]
    window.editor.setCurrentWidget(tab)
    tab.view.setFocus()
    return tab.view


def at(view, row, column):
    return view.model().index_of((row, column))


def go(view, row, column):
    """Put the cursor on one cell, that cell alone selected (as a click does)."""
    view.select_cell((row, column))


def start_typing(qtbot, view, cell, text):
    """Go to `cell` and type `text` without pressing Enter; returns the open editor."""
    go(view, *cell)
    qtbot.keyClick(view, text[0])  # a digit on a selected cell opens its editor with that digit
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is view.viewport()
    qtbot.keyClicks(editor, text[1:])
    return editor


def flagged(view, cell):
    return view.model().data(at(view, *cell), SEVERITY_ROLE)


def test_a_broken_balance_shows_while_typing_and_clears_when_fixed(window, grid, report, qtbot):
    editor = start_typing(qtbot, grid, ("new", "natural_person"), "5")
    assert editor.text() == "5"  # typing replaced the old figure
    # Not entered yet: the report still holds the old figure, yet the cell and the panel show R1.
    assert report.value("applications", "new", "natural_person") == 1
    assert flagged(grid, ("new", "natural_person")) == "error"
    assert any("自然人" in text for text in listed(window, "R1"))
    assert "错误 2" in window.counts.text()
    assert window.editor.tabText(window.editor.tab_of("applications")).endswith("(2)")

    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert report.value("applications", "new", "natural_person") == 5
    assert grid.currentIndex() == at(grid, "carried_over", "natural_person")  # Enter moved down
    assert flagged(grid, ("new", "natural_person")) == "error"

    editor = start_typing(qtbot, grid, ("disclosed", "natural_person"), "5")
    assert flagged(grid, ("new", "natural_person")) is None  # fixed before Enter
    assert listed(window, "R1") == []
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert report.value("applications", "disclosed", "natural_person") == 5
    assert report.value("applications", "outcome_total", "natural_person") == 5
    assert flagged(grid, ("disclosed", "natural_person")) is None
    assert listed(window, "R1") == []


def test_ctrl_s_while_a_figure_is_typed_saves_it_and_closing_asks(window, grid, report, project, qtbot):
    """On a real X screen: 7 typed into a cell, Ctrl+S without Enter said 已保存, but the file kept the old
    figure and Ctrl+Q then quit without a word (as WPS 表格, the cell's typing is taken before saving)."""
    from govform.io.project import load_project

    editor = start_typing(qtbot, grid, ("new", "natural_person"), "7")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_project(project).value("applications", "new", "natural_person") == 7
    assert report.value("applications", "new", "natural_person") == 7 and not window.isWindowModified()
    assert grid.currentIndex() == at(grid, "new", "natural_person")  # the cursor stays where it was
    asked = []
    window.ask_unsaved = lambda name: asked.append(name) or Unsaved.CANCEL
    start_typing(qtbot, grid, ("new", "commercial"), "3")
    assert not window.controller.close() and asked == [project.name]  # the 3 is in the report: it asks
    assert report.value("applications", "new", "commercial") == 3


def test_totals_show_what_a_figure_being_typed_makes_them(window, grid, report, qtbot):
    """A clerk on a real screen: with 8 being typed, the row's 总计 still showed the old sum while the message
    under it already quoted the new one."""
    total = at(grid, "new", "total")
    before = report.value("applications", "new", "total")
    editor = start_typing(qtbot, grid, ("new", "natural_person"), "8")
    assert total.data() == str(before + 7) and report.value("applications", "new", "total") == before
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert total.data() == str(before)


def test_escape_drops_the_typed_figure_and_its_findings(window, grid, report, qtbot):
    editor = start_typing(qtbot, grid, ("new", "natural_person"), "9")
    assert listed(window, "R1")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert report.value("applications", "new", "natural_person") == 1
    assert listed(window, "R1") == [] and flagged(grid, ("new", "natural_person")) is None


def test_undo_and_redo_restore_values_and_flags(window, grid, report, qtbot):
    before = dumps_project(report)
    qtbot.keyClick(start_typing(qtbot, grid, ("new", "natural_person"), "5"), Qt.Key.Key_Return)
    qtbot.keyClick(start_typing(qtbot, grid, ("disclosed", "natural_person"), "5"), Qt.Key.Key_Return)
    stack = window.editor.document.stack
    assert stack.count() == 2 and window.isWindowModified()

    stack.undo()
    assert report.value("applications", "disclosed", "natural_person") == 1
    assert flagged(grid, ("new", "natural_person")) == "error" and listed(window, "R1")
    stack.undo()
    assert dumps_project(report) == before
    assert flagged(grid, ("new", "natural_person")) is None and not window.isWindowModified()
    stack.redo()
    stack.redo()
    assert report.value("applications", "outcome_total", "natural_person") == 5
    assert listed(window, "R1") == []


def test_a_typed_total_is_kept_and_flagged_and_delete_makes_it_automatic(window, grid, report, qtbot):
    qtbot.keyClick(start_typing(qtbot, grid, ("new", "total"), "3"), Qt.Key.Key_Return)
    data = report.tables["applications"]
    assert data[("new", "total")] == 3 and data.is_manual(("new", "total"))
    assert flagged(grid, ("new", "total")) == "error" and listed(window, "R3")
    go(grid, "new", "total")
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert not data.is_manual(("new", "total")) and data[("new", "total")] == 1
    assert listed(window, "R3") == []


def test_delete_clears_a_selection_in_one_undo_step(window, grid, report, qtbot):
    model = grid.model()
    go(grid, "new", "natural_person")
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(grid.selectedIndexes()) == 4
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert report.value("applications", "new", "natural_person") is None
    assert report.value("applications", "carried_over", "commercial") is None
    assert window.editor.document.stack.count() == 1
    assert any("未填写" in text for text in listed(window, "R5"))
    window.editor.document.stack.undo()
    assert model.data(at(grid, "new", "natural_person")) == "1"


def test_tab_moves_between_value_cells_only(grid, qtbot):
    go(grid, "new", "other")
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.currentIndex() == at(grid, "new", "total")
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.currentIndex() == at(grid, "carried_over", "natural_person")
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)
    assert grid.currentIndex() == at(grid, "new", "total")
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.currentIndex() == at(grid, "new", "other")
    go(grid, "new", "natural_person")
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # the labels are not a destination
    assert grid.currentIndex() == at(grid, "new", "natural_person")


def test_f2_edits_and_enter_commits(grid, report, qtbot):
    go(grid, "carried_over", "research")
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "0"
    editor.selectAll()
    qtbot.keyClicks(editor, "4")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert report.value("applications", "carried_over", "research") == 4


def test_full_width_digits_from_an_input_method_are_accepted(grid, report, qtbot):
    go(grid, "carried_over", "commercial")
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    ime_type(editor, "１２")
    assert editor.text() == "１２"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert report.value("applications", "carried_over", "commercial") == 12


def paste(qtbot, view, cell, text):
    QGuiApplication.clipboard().setText(text)
    go(view, *cell)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


BLOCK = "2\t1\t0\t0\t0\t0\t3\n0\t0\t0\t0\t0\t0\t0\r\n2\t1\t0\t0\t0\t0\t3\n"


def test_a_3_by_7_block_pastes_as_one_undo_step(window, grid, report, qtbot):
    before = dumps_project(report)
    paste(qtbot, grid, ("new", "natural_person"), BLOCK)
    value = report.value
    assert [value("applications", "new", c) for c in ("natural_person", "commercial", "total")] == [2, 1, 3]
    assert value("applications", "disclosed", "commercial") == 1
    assert value("applications", "outcome_total", "total") == 3
    assert window.editor.document.stack.count() == 1
    assert listed(window, "R1") == [] and listed(window, "R3") == []
    window.editor.document.stack.undo()
    assert dumps_project(report) == before


def test_copy_gives_tab_separated_rows(grid, report, qtbot):
    report.set_cells("applications", {("new", "commercial"): 8, ("carried_over", "natural_person"): 6})
    go(grid, "new", "natural_person")
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "1\t8\n6\t0\n"


@pytest.mark.parametrize(
    ("cell", "text", "reason"),
    [
        (("new", "natural_person"), "1\t2\tx\n", "不能粘贴"),
        (("new", "natural_person"), "1\t-2\n", "负数"),
        (("new", "commercial"), BLOCK, "放不进"),  # one column too far right
        (("carried_forward", "natural_person"), BLOCK, "放不进"),  # two rows below the table
    ],
)
def test_a_bad_paste_is_refused_whole_with_a_message(window, grid, report, qtbot, cell, text, reason):
    before = dumps_project(report)
    with qtbot.waitSignal(grid.refused) as refused:
        paste(qtbot, grid, cell, text)
    assert reason in refused.args[0]
    assert dumps_project(report) == before
    assert window.editor.document.stack.count() == 0
    box = window.findChild(QMessageBox)
    assert box is not None and reason in box.text()
    box.close()


def test_the_problems_panel_jumps_to_the_cell(window, grid, report, qtbot):
    report.set_cell("applications", "carried_forward", "research", 4)
    window.editor.setCurrentIndex(0)
    panel = window.problems.view
    index = next(i for i in panel_entries(window) if i.data(FINDING_ROLE) and i.data(FINDING_ROLE).code == "R1")
    panel.scrollTo(index)
    where = panel.visualRect(index).center()
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.editor.currentWidget() is window.editor.tables["applications"]
    assert grid.currentIndex() == at(grid, "new", "research")


def test_enter_on_a_problem_jumps_to_it_too(window, grid, report, qtbot):
    report.set_cell("applications", "new", "legal_services", 2)
    window.editor.setCurrentIndex(0)
    panel = window.problems.view
    panel.setFocus()
    panel.setCurrentIndex(panel.model().index(0, 0))  # 表三：2 处勾稽关系不符 (its column and 总计)
    assert panel.model().rowCount(panel.currentIndex()) == 2
    qtbot.keyClick(panel, Qt.Key.Key_Return)  # opens the group at its first finding
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert window.editor.currentWidget() is window.editor.tables["applications"]
    assert grid.currentIndex() == at(grid, "new", "legal_services")


def test_a_paste_over_totals_leaves_them_automatic_when_they_add_up(window, grid, report, qtbot):
    """Defect 5: 商业企业…其他 down to 四、结转下年度, pasted with 0, then 1 typed in 商业企业/予以公开."""
    data = report.tables["applications"]
    model = grid.model()
    grid.select_cell(("new", "commercial"))
    bottom_right = model.index_of(("carried_forward", "other"))
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    grid.selectionModel().select(
        QItemSelection(model.index_of(("new", "commercial")), bottom_right), QItemSelectionModel.SelectionFlag.Select
    )
    QGuiApplication.clipboard().setText("0")
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not data.is_manual(("outcome_total", "commercial"))  # it covered the （七）总计 row: still automatic
    grid.select_cell(("disclosed", "commercial"))
    qtbot.keyClick(grid, "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert data[("outcome_total", "commercial")] == 1
    assert listed(window, "R2") == []


def test_a_typed_total_that_equals_its_sum_computes_itself(window, grid, report, qtbot):
    data = report.tables["applications"]
    qtbot.keyClick(start_typing(qtbot, grid, ("new", "total"), "1"), Qt.Key.Key_Return)  # what it adds up to
    assert not data.is_manual(("new", "total"))
    qtbot.keyClick(start_typing(qtbot, grid, ("new", "total"), "2"), Qt.Key.Key_Return)
    assert data.is_manual(("new", "total"))
    assert "手动填写" in grid.model().index_of(("new", "total")).data(Qt.ItemDataRole.ToolTipRole)


def test_the_header_rows_stay_in_sight_while_the_table_scrolls(window, grid, report, qtbot):
    """Defect 8: the column headings of 三 stay visible, also after a jump to a cell at the bottom."""
    window.resize(1024, 700)
    qtbot.wait(20)
    frozen = grid.frozen
    assert frozen is not None and frozen.isVisible() and frozen.height() == grid.header_height() + 1
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    assert grid.verticalScrollBar().value() > 0  # it did scroll…
    assert frozen.geometry().top() == grid.viewport().geometry().top()  # …and the headings did not
    assert frozen.indexAt(frozen.visualRect(grid.model().index(0, 3)).center()) == grid.model().index(0, 3)
    report.set_cell("applications", "carried_forward", "other", None)  # the bottom row: R5
    report.set_cell("applications", "carried_over", "research", 5)  # near the top: R1's first cell
    for code, row in (("R5", "carried_forward"), ("R1", "new")):
        finding = next(f for f in validate(report) if f.code == code)
        grid.verticalScrollBar().setValue(0 if row == "carried_forward" else grid.verticalScrollBar().maximum())
        window.editor.reveal(finding)
        assert grid.currentIndex().row() == grid.model().index_of(finding.primary.cell).row()
        cell = grid.visualRect(grid.currentIndex())
        assert cell.top() >= grid.header_height() and cell.bottom() <= grid.viewport().height()  # not under it
        assert grid.horizontalScrollBar().value() == 0  # with its row's labels in sight


def test_a_label_merged_over_many_rows_stays_in_sight_when_they_scroll(window, qtbot):
    """Scrolled to its last rows, table 三's first label column was blank: 三、本年度办理结果 was drawn in the middle
    of its 26 rows, out of sight, as were （五）不予处理 and （六）其他处理 in theirs."""
    from PySide6.QtGui import QColor

    window.resize(1024, 700)
    window.show()
    window.editor.setCurrentWidget(window.editor.tables["applications"])
    grid = window.editor.tables["applications"].view
    qtbot.keyClick(grid, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the last cell, as WPS 表格 does
    QApplication.processEvents()
    assert grid.verticalScrollBar().value() > 0
    top = grid.header_height()
    model = grid.model()
    outcome = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "三、本年度办理结果")
    assert outcome < grid.rowAt(top + 2) < outcome + grid.rowSpan(outcome, 0)  # in its rows, its top out of sight
    bottom = grid.rowViewportPosition(outcome + grid.rowSpan(outcome, 0))  # where 四、结转下年度 begins
    column = grid.viewport().grab().toImage().copy(2, top + 2, grid.columnWidth(0) - 4, bottom - top - 4)
    ink = sum(
        1 for x in range(column.width()) for y in range(column.height()) if QColor(column.pixel(x, y)).lightness() < 100
    )
    assert ink > 50
