"""The window: start-up to a painted window (ours vs a bare PySide6 window), and re-validation per keystroke."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import Measurement, median, percentile

from govform.resources import sample_project

HERE = Path(__file__).resolve().parent
RUNS = 5


def _start_up_ms(args: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=home)
        subprocess.run([sys.executable, *args], check=True, env=env, capture_output=True)  # warm the disk cache
        samples = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, env=env, capture_output=True)
            samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


def _keystroke_ms() -> list[float]:
    """Each keystroke in an open cell editor: preview the uncommitted text, re-validate, update flags."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPersistentModelIndex

    from govform.app import application, create_window
    from govform.ui.settings import MemoryStore, Settings

    app = application()
    window = create_window(Settings(MemoryStore()), None)
    window.controller.show(window.controller.load(sample_project()))
    window.show()
    app.processEvents()
    model = window.editor.tables["applications"].model
    index = QPersistentModelIndex(model.index_of(("new", "natural_person")))
    texts = ["1", "12", "123", "12", "1", "", "１", "1x"] * 125
    samples = []
    for text in texts:
        start = time.perf_counter()
        model.preview(index, text)
        samples.append((time.perf_counter() - start) * 1000)
    model.end_preview()
    window.close()
    return samples


def run() -> list[Measurement]:
    bare = _start_up_ms([str(HERE / "bare_window.py")])
    ours = _start_up_ms(["-m", "govform", "--smoke", str(sample_project())])
    keystrokes = _keystroke_ms()
    return [
        Measurement("start-up, bare PySide6 window (median)", bare, "ms", float("inf"), "reference"),
        Measurement("start-up, govform --smoke sample (median)", ours, "ms", 1.5 * bare, "≤ 1.5 × bare"),
        Measurement("start-up ratio ours / bare", ours / bare, "×", 1.5, "≤ 1.5"),
        Measurement("keystroke re-validation p99", percentile(keystrokes, 0.99), "ms", 5.0, "< 5 ms"),
    ]
