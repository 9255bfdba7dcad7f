"""An unexpected error in the window: logged with its traceback under the user data folder, the open project
journaled, the clerk told in the window's language (Chinese by default) where the details are; never a
traceback in the terminal, and a project that breaks the program does not break every start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from govform import app as app_module
from govform.app import LOG_NAME, CrashHandler, Places, journal_now, start_window
from govform.io.project import loads_project
from govform.ui import words
from govform.ui.settings import AUTOSAVE, LAST_PROJECT
from tests.helpers import faults

DRIVER = Path(__file__).with_name("error_driver.py")


class Told:
    def __init__(self):
        self.messages: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> None:
        self.messages.append((title, text))


def _fail() -> None:
    raise RuntimeError("a bug of ours")


def test_an_error_is_logged_and_told_in_chinese_and_nothing_reaches_the_terminal(tmp_path, capfd):
    told = Told()
    handler = CrashHandler(tmp_path / "logs", rescue=lambda: False, tell=told)
    try:
        _fail()
    except RuntimeError:
        handler(*sys.exc_info())
    log = tmp_path / "logs" / LOG_NAME
    assert "RuntimeError: a bug of ours" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")
    [(title, text)] = told.messages
    assert title == "程序出错"
    assert text.startswith("程序遇到意外错误") and str(log) in text and "建议重新启动程序" in text
    assert "RuntimeError" not in text
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def test_logs_live_under_govform_home(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVFORM_HOME", str(tmp_path))
    assert Places.from_env().log_dir == tmp_path / "logs"


def test_an_unwritable_log_is_said_and_the_clerk_still_told(tmp_path):
    (tmp_path / "logs").write_text("a file where the folder should be")
    told = Told()
    CrashHandler(tmp_path / "logs", tell=told)(RuntimeError, RuntimeError("x"), None)
    [(_, text)] = told.messages
    assert "日志文件未能写入" in text


def test_an_error_while_telling_is_only_logged(tmp_path):
    handler = CrashHandler(tmp_path, tell=lambda title, text: _fail())
    with pytest.raises(RuntimeError):
        handler(ValueError, ValueError("first"), None)
    assert handler.errors == 1


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_reaches_the_handler(qtbot, tmp_path):
    told = Told()
    handler = CrashHandler(tmp_path, tell=told)
    previous = sys.excepthook
    handler.install()
    try:
        QTimer.singleShot(0, _fail)
        qtbot.waitUntil(lambda: bool(told.messages))
    finally:
        sys.excepthook = previous
    assert "a bug of ours" in (tmp_path / LOG_NAME).read_text(encoding="utf-8")


def test_the_open_project_is_journaled_whatever_the_autosave_setting(window, settings, tmp_path):
    settings.set(AUTOSAVE, False)
    journal = window.controller.journal
    window.controller.document.report.set_cell("applications", "new", "research", 47)
    window.controller.document.mark_unsaved()
    told = Told()
    handler = CrashHandler(tmp_path / "logs", rescue=lambda: journal_now(window, journal), tell=told)
    handler(RuntimeError, RuntimeError("x"), None)
    assert "尚未保存的修改已另存一份" in told.messages[0][1]
    kept = json.loads(journal.path.read_text(encoding="utf-8"))  # what the next start offers to restore
    assert loads_project(kept["project"]).value("applications", "new", "research") == 47


def test_a_journal_that_fails_is_said(tmp_path):
    told = Told()
    CrashHandler(tmp_path, rescue=_fail, tell=told)(RuntimeError, RuntimeError("x"), None)
    assert "未能另存，请尽快保存" in told.messages[0][1]
    assert "Journaling the project failed too: RuntimeError: a bug of ours" in (tmp_path / LOG_NAME).read_text()


def test_a_last_project_that_breaks_the_program_does_not_break_every_start(window, settings, project, monkeypatch):
    settings.set(LAST_PROJECT, str(project))
    monkeypatch.setattr(window.controller, "open_path", lambda path: _fail())
    told = Told()
    assert start_window(window, None, CrashHandler(project.parent / "logs", tell=told))
    assert len(told.messages) == 1
    assert settings.get(LAST_PROJECT) == ""
    assert window.controller.document is not None and window.controller.document.path is None  # the sample


def test_smoke_reports_an_unexpected_error_in_one_line(qapp, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("GOVFORM_HOME", str(tmp_path))
    monkeypatch.setattr(app_module, "create_window", lambda settings, journal: _fail())
    previous = sys.excepthook
    try:
        assert app_module._smoke(qapp, None) == 1
    finally:
        sys.excepthook = previous
    err = capsys.readouterr().err
    assert err == f"自检失败：程序出错。详细信息已记录在：{tmp_path / 'logs' / LOG_NAME}\n"


@pytest.mark.skipif(os.name != "posix", reason="a window process")
def test_the_window_s_process_prints_no_traceback(tmp_path):
    """The real start-up path, in its own process: an error in a slot is logged, the process goes on."""
    env = dict(faults.environment(), QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, str(DRIVER)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 7 and done.stdout == "told: 程序出错\n", done.stderr
    assert "Traceback" not in done.stderr
    assert "ZeroDivisionError" in (tmp_path / "logs" / LOG_NAME).read_text(encoding="utf-8")


def test_the_crash_message_speaks_the_window_s_language(tmp_path, qapp):
    told = []
    handler = CrashHandler(tmp_path / "logs", tell=lambda title, text: told.append((title, text)))
    qapp.setProperty(words.LANGUAGE_PROPERTY, "en")
    try:
        handler(RuntimeError, RuntimeError("x"), None)
    finally:
        qapp.setProperty(words.LANGUAGE_PROPERTY, None)
    [(title, text)] = told
    assert title == "Error" and text.startswith("govform met an unexpected error") and str(tmp_path) in text
    handler(RuntimeError, RuntimeError("y"), None)
    assert told[-1][0] == "程序出错"
