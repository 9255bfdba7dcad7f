"""Defects 6 and 9 and the window's parts of issues 9 and 11: where file dialogs start, what follows an
export, the first start, the guide, every exporter in the menu, slow work off the window's thread, the
district office's batch check, figures imported from a workbook, text pasted from last year's report."""

from __future__ import annotations

import re
import shutil
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QToolButton

from govform.io import registry
from govform.io.project import load_project
from govform.resources import sample_project
from govform.ui import dialogs
from govform.ui.answers import NewReport, Unsaved
from govform.ui.controller import Controller, Job, documents_folder
from govform.ui.settings import SIGNATURE_INDENT
from tests.helpers.ui import FakeView

CTRL = Qt.KeyboardModifier.ControlModifier


def controller_on(view, settings, tmp_path):
    return Controller(view, settings, None, sample_project())


def test_dialogs_start_in_the_project_s_folder_else_in_documents(settings, tmp_path, project):
    view = FakeView()
    controller = controller_on(view, settings, tmp_path)
    controller.start(None)  # the sample: no folder of its own
    controller.open()
    view.export_path = None
    controller.export(".docx")
    assert view.folders == [documents_folder(), documents_folder()]
    controller.open_path(project)
    view.folders.clear()
    controller.save_as()
    controller.export(".xlsx")
    controller.open()
    assert view.folders == [project.parent] * 3


def test_an_export_offers_the_file_and_its_folder(settings, tmp_path):
    view = FakeView()
    controller = controller_on(view, settings, tmp_path)
    controller.start(None)
    view.export_path = tmp_path / "年报"
    controller.export(".html")
    assert view.offered == [("已导出“年报.html”。", tmp_path / "年报.html")]
    assert (tmp_path / "年报.html").is_file() and view.jobs == ["正在导出网页…"]


def test_the_export_offer_opens_the_file_or_its_folder(window, tmp_path, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(dialogs, "open_externally", lambda path: opened.append(path) or True)
    target = tmp_path / "年报.xlsx"
    target.write_bytes(b"")
    box = dialogs.offer_file(window, "已导出“年报.xlsx”。", target)
    qtbot.mouseClick(box.open_folder, Qt.MouseButton.LeftButton)
    box = dialogs.offer_file(window, "已导出“年报.xlsx”。", target)
    qtbot.mouseClick(box.open_file, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path, target]


def test_every_exporter_is_in_the_export_menu(window):
    file = next(a for a in window.menuBar().actions() if a.text() == "文件(&F)").menu()
    exports = next(a for a in file.actions() if a.text() == "导出(&E)").menu()
    exports.aboutToShow.emit()  # filled from the registry when first opened
    names = [a.text() for a in exports.actions()]
    assert exports.actions()[0].shortcut().toString() == "Ctrl+E"
    assert names == [f"{registry.EXPORTERS[s].name.text()}(&{n})…" for n, s in enumerate(registry.EXPORTERS, 1)]
    assert names[0].startswith("Word") and any(n.startswith("PDF") for n in names)


def test_slow_work_runs_off_the_window_s_thread_with_a_busy_line(window, qtbot):
    release = threading.Event()
    seen = []

    def work(progress, cancelled):
        seen.append(threading.current_thread() is not threading.main_thread())
        release.wait(5)
        return "done"

    results = []
    window.run_job(Job("正在导出PDF 文档…", work, results.append))
    assert window.statusBar().findChildren(type(window.counts))[-1].text() == "正在导出PDF 文档…"
    QTimer.singleShot(50, release.set)  # the window's own thread answers while the work waits
    qtbot.waitUntil(lambda: results == ["done"], timeout=5000)
    assert seen == [True]


def test_a_bug_in_slow_work_reaches_the_clerk_as_a_sentence(window, qtbot):
    def work(progress, cancelled):
        raise ValueError("boom")

    results = []
    window.run_job(Job("正在导出", work, results.append))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert "没有完成" in results[0].message and "ValueError" in results[0].message


def test_the_batch_check_writes_the_summary_and_can_be_cancelled(settings, tmp_path, project):
    folder = tmp_path / "收到的年报"
    folder.mkdir()
    for n in range(3):
        shutil.copyfile(project, folder / f"{n}.govform")
    (folder / "坏的.govform").write_text("{", encoding="utf-8")
    view = FakeView()
    controller = controller_on(view, settings, tmp_path)
    controller.start(None)
    view.folder = folder
    view.export_path = folder / "汇总.xlsx"
    controller.batch_check()
    assert view.errors == [] and view.offered[-1][1] == folder / "汇总.xlsx"
    assert view.offered[-1][0].startswith("共检查4份：1份无法读取")
    assert view.progress[-1] == (4, 4)
    from openpyxl import load_workbook

    sheet = load_workbook(folder / "汇总.xlsx").worksheets[0]
    assert sheet.max_row == 5  # a header and four files, the summary itself not among them
    view.cancel_after = 1
    view.export_path = folder / "第二次.xlsx"
    controller.batch_check()
    assert view.statuses[-1].startswith("批量检查已取消") and not (folder / "第二次.xlsx").exists()


def import_ledger(window, tmp_path, qtbot) -> list[tuple[str, list[str]]]:
    """导入表格数据 from a ledger whose 新收 and 结转下年度 of 科研机构 were changed to 2: the notes shown."""
    changed = load_project(sample_project())
    changed.set_cell("applications", "new", "research", 2)
    changed.set_cell("applications", "carried_forward", "research", 2)
    book = tmp_path / "台账.xlsx"
    registry.export(changed, book)
    window.ask_open_path = lambda folder, kinds: book
    notes: list[tuple[str, list[str]]] = []
    window.show_notes = lambda title, lines: notes.append((title, lines))
    window.controller.import_tables()
    qtbot.waitUntil(lambda: bool(notes), timeout=10_000)
    return notes


def test_figures_imported_from_a_workbook_are_one_undo_step_with_notes(window, settings, tmp_path, qtbot):
    notes = import_ledger(window, tmp_path, qtbot)
    report = window.editor.document.report
    assert report.value("applications", "new", "research") == 2
    stack = window.editor.document.stack
    assert stack.count() == 1 and stack.undoText() == "导入表格数据（台账.xlsx）"
    assert notes[0][0] == "导入表格数据" and notes[0][1][0] == "改动了 2 个格子，可以撤销。"
    stack.undo()
    assert report.value("applications", "new", "research") == 0


def test_a_workbook_dropped_on_the_window_becomes_a_new_report(settings, tmp_path):
    book = tmp_path / "年报.xlsx"
    registry.export(load_project(sample_project()), book)
    view = FakeView()
    controller = controller_on(view, settings, tmp_path)
    controller.start(None)
    assert controller.accepts_drop(book)
    controller.drop(book)
    assert controller.document.path is None and not controller.document.sample
    assert controller.document.report.agency == "重庆市长寿区长寿湖镇人民政府"
    assert view.import_reports and view.import_reports[-1].source == "年报.xlsx"


def test_the_first_start_says_it_is_a_sample_and_offers_the_way_out(window, settings, qtbot):
    window.controller.open_sample()
    assert window.windowTitle().startswith("示例报告（未保存）[*]")
    banner = window.banner
    assert banner is not None and banner.isVisible() and "未保存的示例" in banner.findChild(type(window.counts)).text()
    buttons = {b.text() for b in banner.findChildren(QToolButton)}
    assert buttons == {"新建我的报告…", "从上年报告开始…", "打开…"}
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.ask_unsaved = lambda name: Unsaved.DISCARD
    next(b for b in banner.findChildren(QToolButton)
         if b.text() == "新建我的报告…").click()  # fmt: skip
    assert window.banner is None and window.editor.document.report.agency == "某某镇人民政府"


def test_the_guide_says_the_keys_the_rules_and_where_files_go(window, qtbot):
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "帮助(&H)").menu()
    next(a for a in help_menu.actions() if a.text() == "使用说明(&G)").trigger()
    guide = window.findChild(dialogs.GuideDialog)
    text = guide.browser.toPlainText()
    assert "Ctrl+Enter" in text and "F8" in text and "R1 勾稽关系不符" in text and "W7" in text
    assert "Alt+D 成文日期" in text and "Alt+Shift+Delete" in text  # every key a field or sub-head has
    assert str(window.controller.journal.directory) in text and "版本" in text
    assert f"从这里选起：{documents_folder()}" in text  # where the dialog does start, 文档 or not
    guide.close()


def test_the_guide_names_the_rules_across_years_too(window, qtbot):
    """Y1 (an error), Y2 and Y3 compare with last year's report: a report begun from last year's shows them in
    the 问题 list, so F1's plain words list them with the rest (they were left out: no words for them)."""
    qtbot.keyClick(window.editor.currentWidget(), Qt.Key.Key_F1)
    guide = window.findChild(dialogs.GuideDialog)
    text = guide.browser.toPlainText()
    assert "Y1 上年结转不符：表三每一列的“上年结转”，应等于上年报告的“结转下年度继续办理”。" in text
    assert "Y2 现行有效件数存疑" in text and "Y3 与上年雷同" in text
    guide.close()


def test_a_pasted_sub_head_title_loses_its_number_and_a_paragraph_its_indent(window, report, qtbot):
    tab = window.editor.narratives["overview"]
    window.editor.setCurrentWidget(tab)
    title = tab.subsections[0].title
    title.setFocus()
    title.selectAll()
    QGuiApplication.clipboard().setText("（一）主动公开工作")
    qtbot.keyClick(title, Qt.Key.Key_V, CTRL)
    assert report.narratives["overview"].subsections[0].title == "主动公开工作"
    text = tab.subsections[0].text
    text.setFocus()
    text.selectAll()
    QGuiApplication.clipboard().setText("\u3000\u30002025年，本镇……\n\t\u3000第二段。")
    qtbot.keyClick(text, Qt.Key.Key_V, CTRL)
    assert report.narratives["overview"].subsections[0].text == "2025年，本镇……\n第二段。"
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)  # each paste is a step of its own
    assert report.narratives["overview"].subsections[0].text != "2025年，本镇……\n第二段。"
    qtbot.keyClick(text, Qt.Key.Key_Z, CTRL)
    assert report.narratives["overview"].subsections[0].title == "主动公开情况"


def test_a_w7_finding_shows_the_title_that_carries_the_number(window, report):
    from govform.domain.rules import validate

    report.set_subsection("overview", 2, title="（三）政府信息管理")
    finding = next(f for f in validate(report) if f.code == "W7")
    window.editor.reveal(finding)
    assert QApplication.focusWidget() is window.editor.narratives["overview"].subsections[2].title


def test_the_agency_s_line_breaks_can_be_set_when_the_name_needs_two_lines(window, report, qtbot):
    basics = window.editor.basics
    assert basics.agency_lines is None  # 重庆市长寿区长寿湖镇人民政府 fits one title line: no such row yet
    report.set_meta("agency", "重庆市长寿区人民政府办公室信息化建设处（大数据发展局）")
    assert basics.agency_lines.isVisible() and basics.title_preview.text().startswith("标题中排为2行")
    basics.agency_lines.setFocus()
    from tests.helpers.ui import ime_type

    ime_type(basics.agency_lines, "重庆市长寿区人民政府办公室\n信息化建设处（大数据发展局）")
    assert report.agency_lines == "重庆市长寿区人民政府办公室\n信息化建设处（大数据发展局）"
    assert "重庆市长寿区人民政府办公室 ｜ 信息化建设处（大数据发展局）" in basics.title_preview.text()


def test_the_signature_indent_setting_goes_into_the_export(settings, tmp_path):
    controller = controller_on(FakeView(), settings, tmp_path)
    assert controller.export_options().signature_indent == 2
    settings.set(SIGNATURE_INDENT, 4)
    assert controller.export_options().signature_indent == 4


def test_what_opens_and_drops_follows_the_registry_of_importers(settings, tmp_path, monkeypatch):
    from govform.ui.reading import import_kinds

    odt = registry.FileKind(".odt", registry.EXPORTERS[".docx"].name, "govform.io.xlsx_import:import_xlsx")
    controller = controller_on(FakeView(), settings, tmp_path)
    assert not controller.accepts_drop(Path("去年.odt"))
    monkeypatch.setattr(registry, "IMPORTERS", {**registry.IMPORTERS, ".odt": odt})
    assert controller.accepts_drop(Path("去年.odt")) and controller.accepts_drop(Path("去年.DOCX"))
    assert [kind.suffix for kind in import_kinds()] == [".docx", ".xlsx", ".odt"]


def test_a_file_the_system_cannot_open_is_said_so(window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(dialogs, "open_externally", lambda path: False)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    box = dialogs.offer_file(window, "已导出", tmp_path / "年报.pdf")
    qtbot.mouseClick(box.open_file, Qt.MouseButton.LeftButton)
    assert said and "没有设置打开它的程序" in said[0]


def test_a_bug_in_a_slot_becomes_a_sentence_in_the_windows_language_and_a_log_line(window, tmp_path):
    from PySide6.QtWidgets import QApplication

    from govform.app import CrashHandler
    from govform.ui import words

    said = []
    crash = CrashHandler(tmp_path / "logs", tell=lambda title, text: said.append((title, text)))
    app = QApplication.instance()
    for language in ("zh_CN", "en"):
        app.setProperty(words.LANGUAGE_PROPERTY, language)
        try:
            raise KeyError("x")
        except KeyError:
            crash(*sys.exc_info())
    app.setProperty(words.LANGUAGE_PROPERTY, "zh_CN")
    log = tmp_path / "logs" / "errors.log"
    (_, zh), (en_title, en) = said
    assert str(log) in zh and str(log) in en and "Traceback" not in zh + en
    assert re.search(r"[\u4e00-\u9fff]", zh) and not re.search(r"[\u4e00-\u9fff]", en_title + en.replace(str(log), ""))
    assert log.read_text(encoding="utf-8").count("Traceback") == 2


def test_figures_imported_from_a_workbook_say_which_cells_changed_from_what_to_what(window, tmp_path, qtbot):
    """The clerk changed two figures in the ledger: the notes name each cell with its old and new figure, not
    only how many changed."""
    notes = [lines for _, lines in import_ledger(window, tmp_path, qtbot)]
    assert notes[0][1:3] == [
        "表三 一、本年新收政府信息公开申请数量 / 科研机构：0 → 2",
        "表三 四、结转下年度继续办理 / 科研机构：0 → 2",
    ]


def test_the_batch_check_asks_where_to_save_its_summary_not_where_to_export(window, tmp_path, monkeypatch):
    from govform.ui import file_dialogs

    asked = []
    monkeypatch.setattr(file_dialogs, "save_file", lambda parent, title, *rest: asked.append(title))
    window.ask_folder = lambda title, folder: tmp_path
    window.controller.batch_check()
    assert asked == ["保存检查汇总"]


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_the_line_break_row_takes_the_room_it_needs_and_the_preamble_the_rest(window, report, qtbot, size):
    """The row under a long agency's name was stretched: its title preview floated in empty space above and below
    while the 开头部分 box shrank."""
    window.resize(*size)
    report.set_meta("agency", "某某省某某市某某区人民政府办公室（区政务服务管理办公室）")
    basics = window.editor.basics
    qtbot.waitUntil(lambda: basics.agency_lines.isVisible())
    qtbot.wait(20)
    preview = basics.title_preview
    assert preview.height() <= 2 * preview.fontMetrics().lineSpacing() + 4  # one line of text, two at most
    assert basics._lines_box.height() <= basics._lines_box.sizeHint().height() + 4


def test_a_new_report_s_title_says_it_is_not_saved_until_it_is(window, tmp_path, qtbot):
    """The title showed the name suggested for saving (…报告.govform) as if the file existed."""
    from govform.ui.answers import NewReport

    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    assert window.windowTitle().startswith("某某镇人民政府2025年度政府信息公开工作年度报告.govform [未保存] - ")
    window.ask_save_path = lambda suggested: tmp_path / suggested.name
    qtbot.keyClick(window.editor.basics.agency, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "某某镇人民政府2025年度政府信息公开工作年度报告.govform").is_file()
    assert window.windowTitle().startswith("某某镇人民政府2025年度政府信息公开工作年度报告.govform[*]")


def test_a_new_report_is_named_as_save_will_offer_it(window, tmp_path, qtbot, monkeypatch):
    """After saving 甲.govform, a second 新建 with the same agency and year was titled 甲.govform too, while Save
    offered 甲（2）.govform."""
    from govform.ui import controller
    from govform.ui.answers import NewReport

    monkeypatch.setattr(controller, "documents_folder", lambda: tmp_path)
    (tmp_path / "某某镇人民政府2025年度政府信息公开工作年度报告.govform").write_text("{}", encoding="utf-8")
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    assert window.windowTitle().startswith("某某镇人民政府2025年度政府信息公开工作年度报告（2）.govform [未保存]")


def test_saving_a_new_report_never_suggests_a_file_that_exists(window, tmp_path, qtbot):
    """An imported report's suggested name was the project already beside it: replacing it was one Enter away."""
    from govform.ui.answers import NewReport

    name = "某某镇人民政府2025年度政府信息公开工作年度报告"
    (tmp_path / f"{name}.govform").write_text("{}", encoding="utf-8")
    (tmp_path / f"{name}（2）.govform").write_text("{}", encoding="utf-8")
    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    window.controller.new()
    window.controller.folder = lambda: tmp_path
    offered = []
    window.ask_save_path = lambda suggested: offered.append(suggested) or None
    qtbot.keyClick(window.editor.basics.agency, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert offered == [tmp_path / f"{name}（3）.govform"]


def test_recent_projects_of_one_name_say_which_folder_each_is_in(window, qtbot):
    """Two 年报.govform in different folders were two identical lines; an & in a name became an Alt letter."""
    window.set_recent_files(["/甲/年报.govform", "/乙/年报.govform", "/丙/R&D.govform"])
    texts = [action.text() for action in window.recent_menu.actions()]
    assert texts == ["&1 年报.govform  (/甲)", "&2 年报.govform  (/乙)", "&3 R&&D.govform"]
    assert window.recent_menu.actions()[2].toolTip() == "/丙/R&D.govform" and window.recent_menu.toolTipsVisible()
