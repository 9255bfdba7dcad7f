"""The window's start-up tricks: the one place that lists them, each with what it saves.

A trick stays only while `make bench` shows it is needed to open within 1.5 × a bare PySide6 window with the
same tabs (tests/benchmarks/bare_window.py). Gains are measured as instructions of `govform --smoke` on the
sample under callgrind (deterministic; wall-clock time on a shared 2-core machine varies by ±5 %), then
checked with `make bench`. At the last measurement, with every trick in place: 1,135 M instructions against
678 M for the bare window (about 1.48 × in time). Without each trick, one at a time:

- The collector off during start-up, then the start-up objects frozen (this module): +68 M (≈ +10 ms).
  Start-up makes tens of thousands of objects that live as long as the window (modules, classes, Qt's
  enums, the format); collecting them mid-start-up only walks them again and again.
- Templates read from a JSON copy of their TOML in the user cache, keyed by checksum
  (govform.resources.read_toml): +66 M (≈ +9 ms): tomllib and its regular expressions cost more than
  reading JSON.
- The dialogs imported where they are first used (govform.ui.mainwindow): +15 M (≈ +2 ms).

Not tricks but the design, kept whatever the numbers: tabs are built when first shown (ui.report_tabs),
documents libraries (python-docx, openpyxl) load with the first export or import (io.registry), and the
format's records are slotted dataclasses, frozen only where a record is hashed as a value
(domain.format: frozen dataclasses cost 3 × as much to define).
"""

from __future__ import annotations

import gc


def begin() -> None:
    """Before the window's modules load: the collector off (see above)."""
    gc.disable()


def done() -> None:
    """The window is up: put what start-up made out of the collector's sight, and collect as usual again."""
    gc.freeze()
    gc.enable()
