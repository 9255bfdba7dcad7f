"""The window as a whole: texts and sub-heads, the title's unsaved mark, saving, dropping, exporting."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from govform.io.project import dumps_project, load_project
from govform.ui.dialogs import FileOffer
from tests.helpers.ui import ime_type


def test_the_title_shows_the_file_and_the_unsaved_mark(window, project, qtbot):
    assert window.windowTitle().startswith(f"{project.name}[*]")
    assert not window.isWindowModified()
    window.editor.setCurrentWidget(window.editor.basics)
    window.editor.basics.agency.setFocus()
    ime_type(window.editor.basics.agency, "办公室")
    assert window.isWindowModified()
    window.editor.document.stack.undo()  # the typing was one step
    assert not window.isWindowModified() and window.editor.document.report.agency.endswith("人民政府")


def test_save_and_reopen_give_the_same_project(window, report, project, qtbot):
    report.set_cell("appeals", "cases", "review_upheld", 2)  # via the domain: the grids follow
    window.editor.setCurrentWidget(window.editor.narratives["problems"])
    editor = window.editor.narratives["problems"].text
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    ime_type(editor, "另起一段。")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert dumps_project(load_project(project)) == dumps_project(report)
    assert report.narratives["problems"].text.endswith("另起一段。")


def test_typing_in_a_paragraph_is_one_undo_step_and_checks_after_a_pause(window, report, qtbot):
    tab = window.editor.narratives["problems"]
    window.editor.setCurrentWidget(tab)
    tab.text.setFocus()
    tab.text.selectAll()
    qtbot.keyClick(tab.text, Qt.Key.Key_Delete)
    assert report.narratives["problems"].text == ""
    with qtbot.waitSignal(window.editor.checker.findingsChanged, timeout=2000):
        pass  # the narrative check runs after the debounce, not on every keystroke
    index = window.editor.tab_of("problems")  # an empty part is still to do, not an error
    assert window.editor.tabBar().tabData(index) == "missing" and not window.editor.tabIcon(index).isNull()
    ime_type(tab.text, "问题")
    assert report.narratives["problems"].text == "问题"
    stack = window.editor.document.stack
    assert stack.count() == 1  # the delete and the typing in one visit merge
    stack.undo()
    assert tab.text.toPlainText() == report.narratives["problems"].text != ""


def test_sub_heads_are_added_renamed_moved_and_deleted_with_numbers(window, report, qtbot):
    tab = window.editor.narratives["other"]
    window.editor.setCurrentWidget(tab)
    subs = report.narratives["other"].subsections
    before = len(subs)
    menu = tab.add_button.menu()
    menu.aboutToShow.emit()
    offered = [a.text() for a in menu.actions() if a.text()]
    assert "人大代表建议和政协提案办理结果公开情况" in offered and offered[-1] == "自拟小标题"
    next(a for a in menu.actions() if a.text() == "人大代表建议和政协提案办理结果公开情况").trigger()
    menu.aboutToShow.emit()
    assert "人大代表建议和政协提案办理结果公开情况" not in [a.text() for a in menu.actions()]
    next(a for a in menu.actions() if a.text() == "自拟小标题").trigger()
    assert len(subs) == before + 2
    editor = tab.subsections[-1]
    assert editor.number.text() == "（" + "一二三四五六七八九"[before + 1] + "）"
    assert editor.title.hasFocus()
    editor.title.selectAll()
    ime_type(editor.title, "政务公开工作创新情况")
    assert subs[-1].title == "政务公开工作创新情况"
    window.editor.edits.move_subsection("other", before + 1, 0)
    assert subs[0].title == "政务公开工作创新情况" and tab.subsections[0].number.text() == "（一）"
    assert tab.subsections[1].title.text() == "人大代表建议和政协提案办理结果公开情况"
    assert tab.subsections[1].number.text() == "（二）"
    window.editor.edits.remove_subsection("other", 0)
    assert len(subs) == before + 1 and subs[0].title == "人大代表建议和政协提案办理结果公开情况"
    stack = window.editor.document.stack
    while stack.canUndo():
        stack.undo()
    assert len(subs) == before and all(s.title != "政务公开工作创新情况" for s in subs)


def test_a_dropped_project_opens(window, project, tmp_path):
    other = tmp_path / "other.govform"
    other.write_bytes(project.read_bytes())
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])
    rest = (Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(10, 10), *rest)  # QDragEnterEvent takes a QPoint, QDropEvent a QPointF
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(10, 10), *rest))
    assert window.editor.document.path == other.resolve()


def test_export_word_writes_the_file_off_the_window_thread(window, tmp_path, qtbot):
    target = tmp_path / "report.docx"
    window.ask_export_path = lambda suggested, kind: target
    window.controller.export(".docx")
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=10_000)
    assert target.is_file() and target.stat().st_size > 0
    offer = window.findChild(FileOffer)
    assert offer is not None and offer.isVisible()
    assert [offer.open_file.text(), offer.open_folder.text()] == ["打开(&O)", "打开所在文件夹(&F)"]
    offer.close()


def test_a_table_section_takes_a_note_typed_under_its_table(window, qtbot):
    tab = window.editor.tables["appeals"]
    window.editor.setCurrentWidget(tab)
    report = window.editor.document.report
    tab.note.setFocus()
    ime_type(tab.note, "本年度未发生行政复议、行政诉讼。")
    assert report.narratives["appeals"].text == "本年度未发生行政复议、行政诉讼。"
    window.editor.document.stack.undo()
    assert report.narratives["appeals"].text == "" and tab.note.toPlainText() == ""


def test_closing_the_window_during_an_export_leaves_no_dialog_behind(window, tmp_path, qtbot, monkeypatch):
    """Ctrl+Q while a PDF was being made: the window waited for it and closed, then its 已导出 box came up on its
    own, and once that was closed the program stayed running with no window at all."""
    import time

    from govform.io import registry

    def slow_export(report, path, options):
        time.sleep(0.5)
        path.write_bytes(b"%PDF")

    monkeypatch.setattr(registry, "export", slow_export)
    target = tmp_path / "report.pdf"
    window.ask_export_path = lambda suggested, kind: target
    window.controller.export(".pdf")
    assert window.controller.busy
    window.close()
    assert not window.isVisible() and target.is_file()  # it waited for the export
    qtbot.wait(300)  # the export's result reaches the window's thread
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
