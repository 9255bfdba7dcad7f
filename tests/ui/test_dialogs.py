"""The real dialogs, answered with clicks and keys as a clerk answers them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from govform.domain.format import load_format
from govform.ui import dialogs
from govform.ui.answers import NewReport, Unsaved
from govform.ui.recovery import Orphan
from tests.helpers.ui import ime_type


def _answer_message_box(qtbot, button_text: str) -> None:
    """Once the next message box is up, click the button labelled `button_text`."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        [button] = [b for b in box.buttons() if b.text() == button_text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_new_report_dialog_needs_an_agency_and_gives_the_particulars(qtbot):
    dialog = dialogs.NewReportDialog([load_format()])
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "新建" and not ok.isEnabled()
    ime_type(dialog.agency, "某某县某某镇人民政府")
    assert ok.isEnabled()
    assert dialog.year.value() == max(2021, dt.date.today().year - 1)
    dialog.year.setFocus()
    dialog.year.selectAll()
    qtbot.keyClicks(dialog.year, "2025")
    dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialogs.QDialog.DialogCode.Accepted
    assert dialog.answer() == NewReport("某某县某某镇人民政府", 2025, "department")


def test_unsaved_changes_question_offers_save_discard_cancel(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    for button, expected in (("保存(&S)", Unsaved.SAVE), ("不保存(&N)", Unsaved.DISCARD), ("取消", Unsaved.CANCEL)):
        _answer_message_box(qtbot, button)
        assert dialogs.ask_unsaved(parent, "年报.govform") == expected


def test_restore_question_names_the_file_and_time(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    orphan = Orphan(Path("j.json"), None, "年报.govform", dt.datetime(2025, 1, 10, 9, 30), "")
    seen = []

    def read_then_restore() -> None:
        seen.append(QApplication.activeModalWidget().text())

    QTimer.singleShot(0, read_then_restore)
    _answer_message_box(qtbot, "恢复(&R)")
    assert dialogs.ask_restore(parent, orphan) is True
    assert "年报.govform" in seen[0] and "2025-01-10 09:30:00" in seen[0]
    _answer_message_box(qtbot, "不恢复")
    assert dialogs.ask_restore(parent, orphan) is False


def test_export_with_errors_question_offers_a_draft_or_cancel(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_message_box(qtbot, "导出草稿(&D)")
    assert dialogs.ask_export_with_errors(parent, 3) is True
    _answer_message_box(qtbot, "取消")
    assert dialogs.ask_export_with_errors(parent, 3) is False
    words = [dialogs.ExportWithErrorsQuestion(parent, *counts) for counts in ((3, 0), (3, 161), (0, 161))]
    assert [(box.windowTitle(), box.text()) for box in words] == [
        ("报告中还有错误", "报告中还有 3 个错误（见“问题”面板），导出的文件只能作为草稿。"),
        ("报告中还有错误", "报告中还有 3 个错误、161 处未填（见“问题”面板），导出的文件只能作为草稿。"),
        ("报告还没有填完", "报告中还有 161 处未填（见“问题”面板），导出的文件只能作为草稿。"),
    ]
