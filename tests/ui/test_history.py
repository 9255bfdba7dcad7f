"""Defect 1: one history for grids and text. Ctrl+Z in a text box undoes through the project's stack, Ctrl+Y
and Ctrl+Shift+Z both redo, and undo and redo show the tab and the paragraph or cell they changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.ui import ime_type

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def type_at_end(editor, text):
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    ime_type(editor, text)


def test_ctrl_z_in_a_paragraph_undoes_the_typing_and_both_redo_keys_bring_it_back(window, report, qtbot):
    tab = window.editor.narratives["other"]
    window.editor.setCurrentWidget(tab)
    before = report.narratives["other"].text
    type_at_end(tab.text, "另起一句。")
    stack = window.editor.document.stack
    assert report.narratives["other"].text == before + "另起一句。" and stack.count() == 1

    qtbot.keyClick(tab.text, Qt.Key.Key_Z, CTRL)
    assert report.narratives["other"].text == before == tab.text.toPlainText()
    assert stack.count() == 1 and stack.canRedo()  # undone through the stack, not recorded as a new edit
    assert window.history_actions["redo"].isEnabled()
    assert window.history_actions["redo"].text() == "重做 编辑“六、其他需要报告的事项”"

    qtbot.keyClick(tab.text, Qt.Key.Key_Y, CTRL)
    assert report.narratives["other"].text == before + "另起一句。" == tab.text.toPlainText()
    qtbot.keyClick(tab.text, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(tab.text, Qt.Key.Key_Z, CTRL | SHIFT)
    assert report.narratives["other"].text == before + "另起一句。"
    assert tab.text.textCursor().position() == len(tab.text.toPlainText())  # the cursor where it changed


def test_ctrl_z_in_a_title_box_goes_to_the_project_too(window, report, qtbot):
    tab = window.editor.narratives["overview"]
    window.editor.setCurrentWidget(tab)
    title = tab.subsections[0].title
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, "ABC")
    assert report.narratives["overview"].subsections[0].title.endswith("ABC")
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert not report.narratives["overview"].subsections[0].title.endswith("ABC")
    assert title.text() == report.narratives["overview"].subsections[0].title
    stack = window.editor.document.stack
    assert stack.count() == 1 and stack.canRedo()  # undone on the stack, not typed back as a new edit
    qtbot.keyClick(title, Qt.Key.Key_Y, CTRL)
    assert title.text().endswith("ABC")


def test_typing_is_merged_into_steps_a_new_paragraph_starts_a_new_one(window, report, qtbot):
    tab = window.editor.narratives["problems"]
    window.editor.setCurrentWidget(tab)
    before = report.narratives["problems"].text
    type_at_end(tab.text, "一")
    ime_type(tab.text, "二")
    qtbot.keyClick(tab.text, Qt.Key.Key_Return)
    ime_type(tab.text, "三")
    stack = window.editor.document.stack
    assert stack.count() == 2
    qtbot.keyClick(tab.text, Qt.Key.Key_Z, CTRL)
    assert report.narratives["problems"].text == before + "一二"
    qtbot.keyClick(tab.text, Qt.Key.Key_Z, CTRL)
    assert report.narratives["problems"].text == before


def test_undo_from_another_tab_shows_the_paragraph_it_changed(window, report, qtbot):
    tab = window.editor.narratives["other"]
    window.editor.setCurrentWidget(tab)
    type_at_end(tab.text, "补充。")
    grid = window.editor.tables["applications"].view
    window.editor.setCurrentWidget(window.editor.tables["applications"])
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL)
    assert window.editor.currentWidget() is tab
    assert QApplication.focusWidget() is tab.text
    assert not report.narratives["other"].text.endswith("补充。")


def test_undo_of_a_figure_typed_elsewhere_selects_its_cell(window, report, qtbot):
    grid = window.editor.tables["applications"].view
    window.editor.setCurrentWidget(window.editor.tables["applications"])
    grid.select_cell(("new", "research"))
    qtbot.keyClick(grid, "7")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert report.value("applications", "new", "research") == 7
    window.editor.setCurrentIndex(0)
    window.editor.basics.agency.setFocus()
    qtbot.keyClick(window.editor.basics.agency, Qt.Key.Key_Z, CTRL)
    assert report.value("applications", "new", "research") == 0
    assert window.editor.currentWidget() is window.editor.tables["applications"]
    assert grid.currentIndex() == grid.model().index_of(("new", "research")) and grid.hasFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Z, CTRL | SHIFT)
    assert report.value("applications", "new", "research") == 7


def test_the_context_menu_of_a_text_box_offers_the_project_s_undo(window, report, qtbot):
    tab = window.editor.narratives["other"]
    window.editor.setCurrentWidget(tab)
    type_at_end(tab.text, "右键撤销。")
    menu = tab.text.createStandardContextMenu()
    from govform.ui.text_edits import _use_history

    _use_history(menu, tab.text)
    undo = next(a for a in menu.actions() if a.text().startswith("撤销"))
    assert undo is window.history_actions["undo"]
    undo.trigger()
    assert not report.narratives["other"].text.endswith("右键撤销。")
    menu.deleteLater()
