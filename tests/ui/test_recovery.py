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
