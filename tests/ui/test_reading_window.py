"""The window's side of reading reports: the import report dialog and its "show me", dropping a Word report,
last year's report in the status bar and its menu entries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from govform.io.project import save_project
from govform.io.registry import export
from govform.ui.answers import Unsaved
from govform.ui.import_report import ImportReportDialog
from govform.ui.table_model import CELL_ROLE
from tests.helpers.reports import sample


@pytest.fixture
def word(tmp_path):
    report = sample()
    report.set_cell("applications", "new", "research", None)
    path = tmp_path / "收到的报告.docx"
    export(report, path)
    return path


def _dialog(window) -> ImportReportDialog:
    [dialog] = [d for d in window.findChildren(ImportReportDialog) if d.isVisible()]
    return dialog


def _action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    menu.aboutToShow.emit()
    return next(a for a in menu.actions() if a.text() == text)


def test_an_import_shows_its_report_grouped_by_kind_and_show_me_goes_to_the_cell(window, word, qtbot):
    assert window.controller.import_path(word)
    dialog = _dialog(window)
    assert dialog.windowTitle() == f"导入说明：{word.name}" and not dialog.isModal()
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups[0] == "报告格式（1）" and "空白或填“/”“—”“无”的格（1）" in groups
    blank = dialog.tree.topLevelItem(groups.index("空白或填“/”“—”“无”的格（1）")).child(0)
    dialog.tree.setCurrentItem(blank)
    assert dialog.show_me.isEnabled()
    qtbot.mouseClick(dialog.show_me, Qt.MouseButton.LeftButton)
    tab = window.editor.tables["applications"]
    assert window.editor.currentWidget() is tab
    assert tab.view.currentIndex().data(CELL_ROLE) == ("new", "research")
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0).child(0))  # the format: nowhere to go
    assert not dialog.show_me.isEnabled()
    dialog.copy_all()
    assert QApplication.clipboard().text().startswith(f"导入说明：{word.name}\n报告格式（1）\n  报告格式：")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: raising is a real screen's
def test_the_import_report_reopens_from_the_menu_and_closes_with_its_report(window, word, project, qtbot):
    window.controller.import_path(word)
    _dialog(window).close()
    action = _action(window, "视图(&V)", "导入说明(&I)")
    assert action.isEnabled()
    action.trigger()
    dialog = _dialog(window)
    action.trigger()  # shown once: raised, not opened twice
    assert _dialog(window) is dialog
    window.controller.open_path(project)
    qtbot.waitUntil(lambda: not [d for d in window.findChildren(ImportReportDialog) if d.isVisible()])
    assert not _action(window, "视图(&V)", "导入说明(&I)").isEnabled()


def test_an_imported_report_is_unsaved_until_saved(window, word, tmp_path, qtbot):
    """Closing the window or opening another file right after an import dropped the report without a word."""
    asked = []
    window.ask_unsaved = lambda name: asked.append(name) or Unsaved.CANCEL
    window.controller.import_path(word)
    name = window.editor.document.name
    assert window.windowTitle().startswith(f"{name} [未保存] - ")  # untitled: said once, no * besides
    assert not window.controller.close() and asked == [name]
    window.ask_save_path = lambda suggested: tmp_path / suggested.name
    qtbot.keyClick(window.editor.basics.agency, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.windowTitle().startswith(f"{name}[*] - ") and not window.isWindowModified()
    assert window.controller.close() and len(asked) == 1


def test_a_dropped_word_report_is_imported(window, word):
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(word))])
    rest = (Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *rest)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(10, 10), *rest))
    document = window.editor.document
    assert document.path is None and document.name.endswith("2024年度政府信息公开工作年度报告.govform")
    assert window.windowTitle().startswith(document.name)
    assert _dialog(window).report.source == word.name


def test_a_dragged_picture_is_not_accepted(window, tmp_path):
    picture = tmp_path / "照片.png"
    picture.write_bytes(b"\x89PNG")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(picture))])
    enter = QDragEnterEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_last_year_s_report_shows_in_the_status_bar_until_undone(window, project, tmp_path):
    from govform.domain.previous import start_from

    this_year = tmp_path / "2025.govform"
    report = start_from(sample())
    report.previous = None
    save_project(report, this_year)
    window.controller.open_path(this_year)
    assert window.previous_note is None  # made the first time the report has last year's
    window.ask_read_path = lambda purpose, kinds, folder: project
    _action(window, "工具(&T)", "指定上年报告(&P)…").trigger()
    note = window.previous_note
    assert note.isVisible() and note.text() == f"对照上年报告：{project.name}（2024年度）"
    assert window.isWindowModified()
    clear = _action(window, "工具(&T)", "不再对照上年报告(&C)")
    assert clear.isEnabled()
    window.editor.document.stack.undo()
    assert not note.isVisible() and not window.isWindowModified()
    assert not _action(window, "工具(&T)", "不再对照上年报告(&C)").isEnabled()


def test_menus_have_the_new_entries(window):
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)")
    texts = [a.text() for a in file_menu.actions()]
    assert "导入 Word 报告(&I)…" in texts and "从上年报告新建(&L)…" in texts


def test_another_report_keeps_the_problems_panel_s_height(window, word):
    before = window.problems_dock.height()
    window.controller.import_path(word)
    for _ in range(3):
        QApplication.processEvents()
    assert window.problems_dock.height() == before and window.centralWidget().height() > 4 * before


def test_at_start_up_the_import_report_opens_after_the_window_so_it_is_not_covered(qtbot, settings, word):
    from govform.app import create_window

    window = create_window(settings, None)
    qtbot.addWidget(window)
    window.ask_unsaved = lambda name: Unsaved.DISCARD  # an imported report is unsaved: closing asks
    window.controller.start(str(word))
    assert not [d for d in window.findChildren(ImportReportDialog) if d.isVisible()]
    window.show()
    qtbot.waitUntil(lambda: bool([d for d in window.findChildren(ImportReportDialog) if d.isVisible()]))
    assert _dialog(window).report.source == word.name


def test_show_me_on_an_inferred_particular_goes_to_its_field(window, word, qtbot):
    """机关类型按机关名称判断…请核对: 定位 goes to 基本信息 and puts the cursor in 机关类型 (it was greyed out)."""
    assert window.controller.import_path(word)
    dialog = _dialog(window)
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    guessed = dialog.tree.topLevelItem(groups.index("推断的信息，请核对（1）")).child(0)
    assert guessed.text(0).startswith("机关类型按机关名称判断")
    window.editor.setCurrentWidget(window.editor.tables["applications"])
    dialog.tree.setCurrentItem(guessed)
    assert dialog.show_me.isEnabled()
    qtbot.mouseClick(dialog.show_me, Qt.MouseButton.LeftButton)
    assert window.editor.currentIndex() == 0
    assert window.focusWidget() is window.editor.basics.agency_kind  # the window's, while the dialog stays up


def test_every_inferred_particular_the_window_places_is_a_message_the_importer_has():
    from govform.domain.messages import catalogue
    from govform.ui.reading import FIELD_OF_NOTE

    assert all(key in catalogue() for key in FIELD_OF_NOTE)
