"""The Qt binding must not lose references to True/None (PySide6 6.12.0 did: Python 3.11 then aborts)."""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication(["probe", "-platform", "offscreen"])

class Emitter(QObject):
    fired = Signal()

emitter, timer, widget = Emitter(), QTimer(), QWidget()
true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
for _ in range(3000):
    emitter.fired.emit()
    timer.stop()
    widget.update()
print(sys.getrefcount(True) - true_before, sys.getrefcount(None) - none_before)
"""


def test_emitting_and_void_calls_keep_reference_counts_whole():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    true_delta, none_delta = map(int, done.stdout.split())
    assert abs(true_delta) < 50 and abs(none_delta) < 50, (true_delta, none_delta)
