"""Run by test_crash.py in its own process: the window started as `govform` starts it, then a slot that
raises; the message box is replaced by a line on standard output. Exits 7 once the error was handled."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from govform import app, startup

window_up = startup.done


def _break_then_quit() -> None:
    window_up()
    QTimer.singleShot(100, lambda: 1 / 0)
    QTimer.singleShot(600, lambda: QApplication.exit(7))


app._message_box = lambda title, text: print(f"told: {title}", flush=True)
startup.done = _break_then_quit

if __name__ == "__main__":
    sys.exit(app.run_gui(None))
