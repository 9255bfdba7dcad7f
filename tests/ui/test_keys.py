"""Defect 7: the keyboard as in WPS. A click on a table's tab lets the clerk type into its current cell;
Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+PgDn and Ctrl+PgUp switch tabs from anywhere, a grid included; F10 reaches
the menus; in a sub-head Tab goes from the title to its text, sub-heads move with Alt+Shift+↑/↓, and a new
one is in view with the cursor in its title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from govform.ui.answers import NewReport
from tests.helpers.ui import ime_type, mnemonic_clashes

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def test_a_click_on_a_table_tab_lets_the_clerk_type_into_the_current_cell(window, report, qtbot):
    bar = window.editor.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.editor.tab_of("applications")).center())
    grid = window.editor.tables["applications"].view
    qtbot.waitUntil(grid.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), "4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert report.value("applications", "new", "natural_person") == 4


@pytest.mark.parametrize(
    ("key", "modifiers", "step"),
    [(Qt.Key.Key_Tab, CTRL, 1), (Qt.Key.Key_PageDown, CTRL, 1), (Qt.Key.Key_PageUp, CTRL, -1),
     (Qt.Key.Key_Backtab, CTRL | SHIFT, -1)],
)  # fmt: skip
def test_tab_keys_switch_tabs_from_inside_a_grid(window, qtbot, key, modifiers, step):
    editor = window.editor
    start = editor.tab_of("applications")
    editor.setCurrentIndex(start)
    grid = editor.tables["applications"].view
    grid.setFocus()
    qtbot.keyClick(grid, key, modifiers)
    assert editor.currentIndex() == start + step
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and editor.currentWidget().isAncestorOf(
        QApplication.focusWidget()))  # fmt: skip


def test_ctrl_tab_from_a_cell_being_typed_keeps_the_figure_and_switches(window, report, qtbot):
    editor = window.editor
    editor.setCurrentWidget(editor.tables["applications"])
    grid = editor.tables["applications"].view
    grid.select_cell(("new", "research"))
    qtbot.keyClick(grid, "3")
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    qtbot.keyClick(cell, Qt.Key.Key_Tab, CTRL)
    assert editor.currentIndex() == editor.tab_of("appeals")
    assert report.value("applications", "new", "research") == 3


def test_tab_keys_switch_tabs_from_a_paragraph_round_the_ends(window, qtbot):
    editor = window.editor
    editor.setCurrentIndex(editor.count() - 1)
    text = editor.narratives["other"].text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_PageDown, CTRL)
    assert editor.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.basics.agency)


def test_f10_opens_the_first_menu(window, qtbot):
    window.editor.basics.agency.setFocus()
    qtbot.keyClick(window.editor.basics.agency, Qt.Key.Key_F10)
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.title() == "文件(&F)"
    menu.close()


def test_tab_goes_from_a_sub_head_s_title_to_its_text(window, qtbot):
    tab = window.editor.narratives["overview"]
    window.editor.setCurrentWidget(tab)
    first = tab.subsections[0]
    first.title.setFocus()
    qtbot.keyClick(first.title, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.text
    qtbot.keyClick(first.text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.subsections[1].title


def test_alt_shift_arrows_move_a_sub_head_and_the_cursor_goes_with_it(window, report, qtbot):
    tab = window.editor.narratives["overview"]
    window.editor.setCurrentWidget(tab)
    titles = [s.title for s in report.narratives["overview"].subsections]
    tab.subsections[1].text.setFocus()
    qtbot.keyClick(tab.subsections[1].text, Qt.Key.Key_Up, ALT | SHIFT)
    moved = [s.title for s in report.narratives["overview"].subsections]
    assert moved[:2] == [titles[1], titles[0]]
    assert QApplication.focusWidget() is tab.subsections[0].text
    qtbot.keyClick(tab.subsections[0].text, Qt.Key.Key_Down, ALT | SHIFT)
    assert [s.title for s in report.narratives["overview"].subsections] == titles
    assert QApplication.focusWidget() is tab.subsections[1].text


def test_a_new_sub_head_is_in_view_with_the_cursor_in_its_title(window, report, qtbot):
    window.resize(1024, 700)
    tab = window.editor.narratives["overview"]
    window.editor.setCurrentWidget(tab)
    menu = tab.add_button.menu()
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == "自拟小标题").trigger()
    editor = tab.subsections[-1]
    assert editor.title.hasFocus() and editor.title.selectedText() == "新小标题"
    ime_type(editor.title, "创新做法")
    assert report.narratives["overview"].subsections[-1].title == "创新做法"

    def in_view(widget):
        return tab.viewport().rect().contains(widget.mapTo(tab.viewport(), widget.rect().center()))

    qtbot.waitUntil(lambda: in_view(editor.title))
    other = window.editor.narratives["other"]  # a standard sub-head: the cursor in its title too, at its end
    window.editor.setCurrentWidget(other)
    menu = other.add_button.menu()
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == "其他").trigger()
    added = other.subsections[-1]
    assert added.title.hasFocus() and added.title.cursorPosition() == len("其他")


class ClaimsCtrlE(QObject):
    """What Qt's text boxes do on X11, whose key bindings make Ctrl+E "end of line" (and Ctrl+K "delete to the
    end"): they claim the key in its shortcut override, so the window's shortcut never fires and the key press
    goes to the box. (Offscreen Qt uses the Windows bindings, where the boxes leave Ctrl+E alone.)"""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.keyCombination() == QKeyCombination(
            CTRL, Qt.Key.Key_E
        ):
            event.accept()
            return True
        return False


@pytest.mark.parametrize("where", ["agency", "date", "preamble", "year", "sub-head title", "paragraph", "cell"])
def test_ctrl_e_exports_from_a_text_box_that_takes_it_for_end_of_line(window, qtbot, where):
    editor = window.editor
    exported = []
    window.controller.export_first = lambda: exported.append(True)
    if where == "cell":
        editor.setCurrentWidget(editor.tables["applications"])
        grid = editor.tables["applications"].view
        grid.setFocus()
        qtbot.keyClick(grid, "3")
    elif where in ("sub-head title", "paragraph"):
        tab = editor.narratives["overview"]
        editor.setCurrentWidget(tab)
        (tab.subsections[0].title if where == "sub-head title" else tab.text).setFocus()
    else:
        basics = editor.basics
        {"agency": basics.agency, "date": basics.signed_on.line, "preamble": basics.preamble,
         "year": basics.year}[where].setFocus()  # fmt: skip
    box = QApplication.focusWidget()
    claims = ClaimsCtrlE(box)
    box.installEventFilter(claims)
    qtbot.keyClick(box, Qt.Key.Key_E, CTRL)
    assert exported == [True]


def test_alt_t_opens_the_tools_menu_while_the_problems_list_has_its_filter(window, qtbot):
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    editor = window.editor
    qtbot.waitUntil(lambda: window.problems.only_current is not None and window.problems.only_current.isVisible())
    for index in range(editor.count()):
        editor.setCurrentIndex(index)
        assert mnemonic_clashes(window) == {}, editor.tabText(index)
    editor.setCurrentIndex(0)
    editor.basics.agency.setFocus()
    qtbot.keyClick(editor.basics.agency, Qt.Key.Key_T, ALT)
    menu = QApplication.activePopupWidget()
    assert menu is not None and menu.title() == "工具(&T)"
    menu.close()


def _wheel(widget, notches):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(widget.rect().center())
    where = QPointF(widget.mapToGlobal(centre.toPoint()))
    none, phase = Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase
    event = QWheelEvent(centre, where, QPoint(), QPoint(0, 120 * notches), Qt.MouseButton.NoButton, none, phase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_the_year_or_the_kind_of_agency_does_not_change_them_unless_chosen(window, report, qtbot):
    """Scrolling the 基本信息 page with the mouse over 报告年度 or 机关类型 changed the report's year and kind
    without a click; once the clerk clicked into the box the wheel steps it, as before."""
    basics = window.editor.basics
    basics.agency.setFocus()
    year, kind = report.year, report.agency_kind
    _wheel(basics.year, -1)
    _wheel(basics.agency_kind, -1)
    assert (report.year, report.agency_kind) == (year, kind)
    qtbot.mouseClick(basics.year, Qt.MouseButton.LeftButton, pos=basics.year.rect().center())
    _wheel(basics.year, -1)
    assert report.year == year - 1


def test_alt_with_a_letter_no_label_answers_types_nothing(window, report, qtbot):
    """On a real X screen Alt+D on 六 (成文日期 is on 基本信息) typed a "d" into the report."""
    editor = window.editor
    editor.setCurrentIndex(editor.tab_of("other"))
    box = QApplication.focusWidget()
    before = report.narratives["other"].text
    qtbot.keyClick(box, Qt.Key.Key_D, ALT)
    qtbot.keyClick(editor.basics.agency, Qt.Key.Key_D, ALT)  # a title box too (the agency is on another tab)
    assert report.narratives["other"].text == before and not report.agency.endswith("d")
