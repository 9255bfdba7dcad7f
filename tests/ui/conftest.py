"""Fixtures for the window's tests: settings in memory, a copy of the sample, the real main window."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from govform.app import create_window, use_language
from govform.resources import resources_dir, sample_project
from govform.ui.answers import Unsaved
from govform.ui.recovery import Journal
from govform.ui.settings import MemoryStore, Settings


def built_qm(ts: Path) -> Path:
    """The .qm the window loads for a .ts, built when missing or older (as `make test` does before the tests)."""
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    return qm


@pytest.fixture(scope="session", autouse=True)
def chinese_window(qapp):
    """The window's language as a clerk has it: Chinese, with Qt's own texts to match; every .qm built (the
    English window's too, for the tests that start one)."""
    for ts in (resources_dir() / "translations").glob("govform_*.ts"):
        built_qm(ts)
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
