"""Crash recovery end to end: a window killed with SIGKILL while editing; the next start offers the edits."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govform.app import create_window
from govform.ui.answers import Unsaved
from govform.ui.recovery import Journal
from govform.ui.settings import MemoryStore, Settings

DRIVER = Path(__file__).with_name("crash_driver.py")
ROOT = DRIVER.parent.parent.parent


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if selector.select(deadline - time.monotonic()):
            return process.stdout.readline()
    return ""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_window_s_edits_are_offered_at_the_next_start(qtbot, project, tmp_path):
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(home), PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), str(project), "47"], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        line = _read_line(process, timeout=30)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)  # reaped: its pid no longer counts as a live owner of the lock
    assert line.startswith("journaled"), line
    assert int(line.split()[1]) <= 2000  # at most the last two seconds of typing are at risk

    asked = []
    window = create_window(Settings(MemoryStore()), Journal(home / "recovery"))
    window.ask_restore = lambda orphan: asked.append(orphan) or True
    window.ask_unsaved = lambda name: Unsaved.DISCARD
    qtbot.addWidget(window)
    window.controller.start(None)
    assert [orphan.name for orphan in asked] == [project.name]
    document = window.editor.document
    assert document.report.value("applications", "new", "research") == 47
    assert document.path == project.resolve() and window.isWindowModified()
    model = window.editor.tables["applications"].model
    assert model.data(model.index_of(("new", "research"))) == "47"
    assert window.controller.journal.orphans() == []


def test_a_dead_window_s_lock_without_a_journal_is_swept(tmp_path):
    directory = tmp_path / "recovery"
    directory.mkdir()
    stale = directory / "session-dead.lock"
    code = (
        "import os, sys; from PySide6.QtCore import QLockFile; lock = QLockFile(sys.argv[1]); "
        "assert lock.tryLock(0); os._exit(0)"  # dies holding the lock, as a killed window does
    )
    subprocess.run([sys.executable, "-c", code, str(stale)], check=True, timeout=60)
    assert stale.exists()
    journal = Journal(directory)
    assert journal.orphans() == []
    assert not stale.exists()
    assert Path(journal._lock.fileName()).exists()  # this window's own lock stays
    journal.close()


def _type_date(window, qtbot, text: str) -> None:
    """Type `text` over 成文日期 without confirming it (no Enter, no Tab)."""
    window.editor.setCurrentIndex(0)
    line = window.editor.basics.signed_on.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_the_journal_keeps_a_figure_and_a_date_still_being_typed(window, qtbot):
    """A clerk on a real X screen typed 2 into a cell, or 2026-1-23 into 成文日期, without Enter, and the
    program was killed: the recovered report lacked them (the date's journal was not even written)."""
    import datetime as dt
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from govform.io.project import loads_project

    journal = window.controller.journal

    def journaled():
        return loads_project(json.loads(journal.path.read_text(encoding="utf-8"))["project"])

    tab = window.editor.tables["applications"]
    window.editor.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.view)  # the page shown, the keyboard on its grid
    tab.view.select_cell(("new", "research"))
    qtbot.keyClick(tab.view, "2")  # the cell's editor opens with the 2; no Enter
    editor = QApplication.focusWidget()
    qtbot.waitUntil(lambda: journal.path.is_file() and journaled().value("applications", "new", "research") == 2)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # taken back: nothing left to keep
    qtbot.waitUntil(lambda: not journal.path.is_file())

    _type_date(window, qtbot, "2026-1-23")
    qtbot.waitUntil(lambda: journal.path.is_file() and journaled().signed_on == dt.date(2026, 1, 23))
    assert window.editor.document.report.signed_on != dt.date(2026, 1, 23)  # not taken yet


def test_a_date_typed_then_taken_back_with_ctrl_z_leaves_the_journal(window, qtbot):
    """The journal kept a date the clerk had typed and then taken back with Ctrl+Z (not typing, to the box)."""
    from PySide6.QtCore import Qt

    journal = window.controller.journal
    _type_date(window, qtbot, "2026-1-23")
    qtbot.waitUntil(journal.path.is_file)
    qtbot.keyClick(window.editor.basics.signed_on.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.document.pending is None
    qtbot.waitUntil(lambda: not journal.path.is_file())
