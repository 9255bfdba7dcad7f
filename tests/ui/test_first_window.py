"""The window as a clerk first starts it (no size remembered): inside the screen, whatever the screen.
Offscreen Qt's screen is 800 × 800, smaller than the window's usual size, as a 1024 × 768 office computer
or a 1366 × 768 laptop less its task bar is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from govform.app import create_window
from govform.ui.answers import NewReport, Unsaved
from govform.ui.recovery import Journal


def test_a_first_start_fits_the_screen_and_its_buttons_can_be_clicked(qtbot, settings, tmp_path):
    window = create_window(settings, Journal(tmp_path / "recovery"))  # nothing remembered: a first start
    window.ask_unsaved = lambda name: Unsaved.DISCARD
    qtbot.addWidget(window)
    window.controller.start(None)  # the sample, with its banner
    window.show()
    qtbot.waitExposed(window)

    screen = window.screen().availableGeometry()
    assert screen.width() < 1240 or screen.height() < 740, "this test needs a screen smaller than the window"
    assert screen.contains(window.frameGeometry()), (window.frameGeometry(), screen)
    new = next(b for b in window.banner.findChildren(QToolButton) if b.text() == "新建我的报告…")
    corner = new.mapToGlobal(new.rect().bottomRight())
    assert screen.contains(corner), (corner, screen)

    window.ask_new_report = lambda formats: NewReport("某某镇人民政府", 2025, "township")
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    assert window.editor.document.report.agency == "某某镇人民政府"
