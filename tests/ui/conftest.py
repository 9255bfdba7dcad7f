"""Fixtures for the window's tests: settings in memory, a copy of the sample, the real main window."""

from __future__ import annotations

import shutil

import pytest

from govform.app import create_window, use_language
from govform.resources import sample_project
from govform.ui.controller import Unsaved
from govform.ui.recovery import Journal
from govform.ui.settings import MemoryStore, Settings


@pytest.fixture(scope="session", autouse=True)
def chinese_window(qapp):
    """The window's language as a clerk has it: Chinese, with Qt's own texts and the locale to match."""
    use_language(qapp, "zh_CN")


@pytest.fixture
def settings():
    return Settings(MemoryStore())


@pytest.fixture
def project(tmp_path):
    """A copy of the sample, so saving never touches the shipped file."""
    path = tmp_path / "changshouhu-2024.govform"
    shutil.copyfile(sample_project(), path)
    return path


@pytest.fixture
def window(qtbot, settings, project, tmp_path):
    window = create_window(settings, Journal(tmp_path / "recovery"))
    window.ask_unsaved = lambda name: Unsaved.DISCARD  # closing at teardown must not wait for a dialog
    qtbot.addWidget(window)
    assert window.controller.open_path(project)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def report(window):
    return window.editor.document.report
