"""A report begun from last year's is a list of what is to fill in, not red: its 上年结转 comes filled from last
year's 结转下年度, and a column of 表三 is not yet unbalanced while the rest of it is blank."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from govform.domain.rules import validate
from govform.io.project import load_project, save_project
from tests.helpers.ui import ime_type


def _action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text() == text)


def _balance_errors(report) -> list[str]:
    return [f.text() for f in validate(report) if f.code == "R1"]


def test_a_report_begun_from_last_year_starts_without_errors(window, project, tmp_path, qtbot):
    last_year = load_project(project)
    last_year.set_cell("applications", "carried_forward", "natural_person", 2)  # two carried into this year
    path = tmp_path / "2024.govform"
    save_project(last_year, path)
    window.ask_read_path = lambda purpose, kinds, folder: path
    _action(window, "文件(&F)", "从上年报告新建(&L)…").trigger()
    report = window.editor.document.report
    assert report.year == 2025 and report.value("applications", "carried_over", "natural_person") == 2

    assert _balance_errors(report) == []
    assert "错误 0" in window.counts.text()
    tab = window.editor.tables["applications"]
    assert not window.editor.tabText(window.editor.indexOf(tab)).endswith(")")  # no count of errors on 三

    # The column filled in (新收 typed, the rest 0) and not adding up: an error, as soon as it is entered.
    window.editor.setCurrentWidget(tab)
    tab.view.setFocus()
    tab.view.select_cell(("new", "natural_person"))
    qtbot.keyClick(tab.view, "3")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert _balance_errors(report) == []  # 办理结果 still blank
    _action(window, "编辑(&E)", "全部表格未发生的事项填0(&0)").trigger()
    assert len(_balance_errors(report)) == 2  # 自然人 and 总计: 3 + 2 received, 0 + 0 dealt with
    assert "错误 2" in window.counts.text()


def test_begun_from_the_sample_it_saves_under_its_own_agency_in_documents(window, tmp_path, qtbot, monkeypatch):
    """A clerk began from the sample and typed the town's own name: the title, Save and the question on closing
    still offered 重庆市长寿区长寿湖镇人民政府2025年度…govform, in the program's own samples folder."""
    from govform.resources import sample_project
    from govform.ui import controller

    monkeypatch.setattr(controller, "documents_folder", lambda: tmp_path)
    window.ask_read_path = lambda purpose, kinds, folder: sample_project()
    _action(window, "文件(&F)", "从上年报告新建(&L)…").trigger()
    agency = window.editor.basics.agency
    agency.setFocus()
    qtbot.keyClick(agency, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    ime_type(agency, "某某镇人民政府")  # Chinese comes from an input method
    name = "某某镇人民政府2025年度政府信息公开工作年度报告.govform"
    assert window.editor.document.name == name and window.windowTitle().startswith(f"{name} [未保存]")
    offered = []
    window.ask_save_path = lambda suggested: offered.append(suggested)
    qtbot.keyClick(agency, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert offered == [tmp_path / name]
