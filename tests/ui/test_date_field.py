"""Defect 2: 成文日期 is typed as a clerk writes dates, refused in Chinese when it is not one, never silently
reverted, and its calendar opens in Chinese on the month a report is signed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.ui import ime_type

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def date(window):
    window.editor.setCurrentIndex(0)
    return window.editor.basics.signed_on


def type_date(qtbot, window, text):
    qtbot.keyClick(window, Qt.Key.Key_D, ALT)  # the label's mnemonic, as the clerk reaches the field
    line = QApplication.focusWidget()
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:
        ime_type(line, text)  # 年月日 come from an input method
    return line


@pytest.mark.parametrize("text", ["2025年1月20日", "2025-1-20", "2025.1.20", "2025/1/20", "20250120"])
def test_alt_d_and_a_date_as_clerks_write_it(window, date, report, qtbot, text):
    line = type_date(qtbot, window, text)
    assert line is date.line
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert report.signed_on == dt.date(2025, 1, 20)
    assert date.line.text() == "2025年1月20日" and not date.problem.isVisible()
    window.editor.document.stack.undo()
    assert report.signed_on == dt.date(2025, 1, 17) and date.line.text() == "2025年1月17日"


def test_a_year_alone_is_refused_in_chinese_and_kept_as_typed(window, date, report, qtbot):
    line = type_date(qtbot, window, "2026")
    qtbot.keyClick(line, Qt.Key.Key_Tab)  # leaving the field does not revert it
    assert report.signed_on == dt.date(2025, 1, 17)
    assert date.line.text() == "2026" and date.problem.isVisible() and "不完整" in date.problem.text()
    report.set_meta("agency", "另一个名称")  # other fields changing leave what is being typed alone
    assert date.line.text() == "2026"
    line = type_date(qtbot, window, "2026.1.15")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert report.signed_on == dt.date(2026, 1, 15) and not date.problem.isVisible()


def test_clearing_the_field_leaves_the_date_unset(window, date, report, qtbot):
    line = type_date(qtbot, window, "")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert report.signed_on is None and date.line.placeholderText().startswith("未填写")


def test_the_calendar_opens_in_chinese_in_the_month_after_the_report_year(window, date, report, qtbot):
    report.set_meta("signed_on", None)
    date.line.setFocus()
    qtbot.keyClick(date.line, Qt.Key.Key_Down, ALT)
    calendar = date._calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.locale().language() == QLocale.Language.Chinese
    today = dt.date.today()
    expected = (today.year, today.month) if today.year == report.year + 1 else (report.year + 1, 1)
    assert (calendar.yearShown(), calendar.monthShown()) == expected
    assert calendar.locale().standaloneMonthName(1) == "一月"
    calendar.setSelectedDate(calendar.selectedDate().addDays(1))
    calendar.activated.emit(calendar.selectedDate())  # Enter on a day
    chosen = calendar.selectedDate()
    assert report.signed_on == dt.date(chosen.year(), chosen.month(), chosen.day())
    assert not calendar.isVisible() and date.line.hasFocus()


def test_the_empty_date_s_example_is_early_in_the_year_after_the_report_s(window, qtbot):
    """It said 2026年1月15日 whatever the report's year: for a 2026 report, a date before the year was over."""
    from govform.ui.answers import NewReport

    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2026, "township")
    window.controller.new()
    line = window.editor.basics.signed_on.line
    assert line.placeholderText() == "未填写（如 2027年1月15日）"
    year = window.editor.basics.year
    year.setFocus()
    qtbot.keyClick(year, Qt.Key.Key_Up)  # 2027
    assert line.placeholderText() == "未填写（如 2028年1月15日）"


def test_ctrl_s_takes_a_date_still_being_typed(window, date, report, project, qtbot):
    """On a real X screen: 2026-1-15 typed, then Ctrl+S without Tab said 已保存 and kept the old date."""
    from govform.io.project import load_project

    line = type_date(qtbot, window, "2026-1-15")
    qtbot.keyClick(line, Qt.Key.Key_S, CTRL)
    assert load_project(project).signed_on == dt.date(2026, 1, 15) == report.signed_on
    said = []
    window.show_error = said.append
    type_date(qtbot, window, "2026-2-30")
    qtbot.keyClick(line, Qt.Key.Key_S, CTRL)  # no date: not saved, the reason said, the typing kept
    assert load_project(project).signed_on == dt.date(2026, 1, 15) and line.text() == "2026-2-30"
    assert date.problem.isVisibleTo(window) and not window.controller.close()
    assert said == ["成文日期“2026-2-30”：没有2026年2月30日这一天，请核对月份和日期。\n改正或清空之后才能继续。"] * 2


def test_ctrl_z_while_typing_a_date_takes_back_only_the_typing(window, date, report, qtbot):
    """It undid the date set before too: 2026-01-15 confirmed, 2026-2-1 typed, Ctrl+Z → 2025年1月17日."""
    line = type_date(qtbot, window, "2026-1-15")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    shown = line.text()
    type_date(qtbot, window, "2026-2-1")
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    assert line.text() == shown and report.signed_on == dt.date(2026, 1, 15)
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)  # nothing typed now: the project's own undo
    assert report.signed_on == dt.date(2025, 1, 17) and line.text() == "2025年1月17日"
