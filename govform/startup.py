"""The window's start-up tricks: the one place that lists them, each with what it saves.

A trick stays only while `make bench` shows it is needed to open within 1.5 × a bare PySide6 window with the
same tabs (tests/benchmarks/bare_window.py). Gains are measured as instructions of `govform --smoke` on the
sample under callgrind (deterministic; wall-clock time on a shared 2-core machine varies by ±5 %), then
checked with `make bench`. At the last measurement, with every trick in place: 1,144 M instructions against
678 M for the bare window. Without each trick, one at a time (about 7 M instructions make 1 ms here):

- The collector off during start-up, then the start-up objects frozen (this module): +70 M.
  Start-up makes tens of thousands of objects that live as long as the window (modules, classes, Qt's
  enums, the format); collecting them mid-start-up only walks them again and again.
- Templates read from a JSON copy of their TOML in the user cache, keyed by checksum
  (govform.resources.read_toml): +78 M: tomllib and its regular expressions cost more than reading JSON.
- Modules the first paint does not show imported where they are first used: the registry of exporters and
  importers and the answer records (ui.controller, ui.answers), the dialogs, the job runner and the
  finding details (ui.mainwindow), the date parser (ui.basics_tab), the spreadsheet logic (ui.undo): +70 M
  when all are imported at the top of their modules. Added since: the splitting of a section pasted with
  its sub-heads (ui.undo), 4.5 ms by `python -X importtime` (it brings govform.domain.labels and difflib).
  The view's protocol is defined for type checkers only (ui.controller).
- The format's structural records (Node, Column, Row, Block, Total, Section, AgencyKind) as NamedTuples
  (govform.domain.format): +14 M as dataclasses. Python 3.11 compiles each method a dataclass generates
  separately; start-up defines ~45 record classes.

Not tricks but the design, kept whatever the numbers: tabs are built when first shown (ui.report_tabs),
document libraries (python-docx, openpyxl) load with the first export or import (io.registry), and
`frozen` is kept for the values that flow through the program and are hashed or compared (CellRef, Invalid,
Finding, Message); the other records are slotted dataclasses (frozen ones cost ~2 M instructions more each
to define: they generate __setattr__, __delattr__ and __hash__ too).

A pitfall rather than a trick: a call that returns a widget Qt made (`viewport()`, `focusWidget()`,
`parentWidget()`…) makes PySide load every widget class it has, with their enums, to tell which one the widget
is: +50 M instructions the first time. The first paint makes none (the 问题 list paints on a viewport of its
own making); tests/ui/test_smoke.py checks it.
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
