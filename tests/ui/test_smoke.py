"""`govform --smoke [FILE]`: open, paint once, exit 0; a file that cannot be opened exits 1 with the reason."""

from __future__ import annotations

import os
import subprocess
import sys

from govform.app import NO_SCREEN, has_screen


def _smoke(*args, home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "govform", "--smoke", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_smoke_paints_the_sample(project, tmp_path):
    result = _smoke(str(project), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "settings.ini").exists()  # a self-check leaves the clerk's settings alone


def test_smoke_fails_with_the_message_for_a_broken_file(tmp_path):
    broken = tmp_path / "broken.govform"
    broken.write_text("{", encoding="utf-8")
    result = _smoke(str(broken), home=tmp_path)
    assert result.returncode == 1
    assert "无法打开“broken.govform”" in result.stderr


def _smoke_then_print(expression: str, project, home) -> str:
    """Run the smoke start-up on `project` in a fresh interpreter, then print `expression`; its output."""
    code = (
        "import gc, sys; from govform.cli import main; rc = main(['--smoke', sys.argv[1]]); "
        f"print({expression}); sys.exit(rc)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-c", code, str(project)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_window_start_up_imports_no_document_libraries(project, tmp_path):
    loaded = "sorted(m for m in ('docx', 'openpyxl', 'govform.io.docx_export') if m in sys.modules)"
    assert _smoke_then_print(loaded, project, tmp_path) == "[]"


def test_without_a_screen_the_window_says_so_in_chinese(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["GOVFORM_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "govform"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == NO_SCREEN


def test_a_screen_is_needed_only_on_linux():
    assert has_screen({}, "win32") and has_screen({"DISPLAY": ":0"}, "linux")
    assert not has_screen({}, "linux") and has_screen({"QT_QPA_PLATFORM": "offscreen"}, "linux")


def test_the_first_paint_asks_qt_for_no_widget_it_made(project, tmp_path):
    """A call that returns a widget Qt made (`viewport()`, `focusWidget()`, `parentWidget()`…) makes PySide load
    every widget class it has, with their enums, to tell which one it is: ~50 M instructions (7 ms) of
    start-up, as the 问题 list's first empty-state paint did. Start-up makes no such call (QWizard is one of the
    classes such a call loads; govform never uses it)."""
    script = (
        "import sys\n"
        "from govform.cli import main\n"
        f"status = main(['--smoke', {str(project)!r}])\n"
        "import PySide6.QtWidgets as widgets\n"
        "print(status, 'QWizard' in vars(widgets))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["0", "False"], done.stderr
