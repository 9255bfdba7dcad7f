"""The window's start-up tricks: the one place that lists them, each with what it saves.

A trick stays only while `make bench` shows it is needed to open within 1.5 × a bare PySide6 window with the
same tabs (tests/benchmarks/bare_window.py). Each is measured both ways: instructions of `govform --smoke`
on the sample under callgrind (deterministic), and the wall-clock median of 31 starts interleaved with the
unchanged program (on this 2-core machine two identical programs differ by up to ±0.6 ms that way). At the
last measurement (2026-11-26), with every trick in place: 1,104 M instructions against 678 M for the bare
window, and `make bench` 1.43–1.46 × (1,085 M against 667 M and 1.40–1.44 × earlier that day, before the
machine had the fonts the X-screen tests bring: both programs search more fonts since). Without each trick,
one at a time (measured on the earlier state):

- The collector off during start-up, then the start-up objects frozen (this module): +66 M, +23 ms
  (1.64 ×). Start-up makes tens of thousands of objects that live as long as the window (modules, classes,
  Qt's enums, the format); collecting them mid-start-up only walks them again and again.
- PySide's source scan skipped (this module): +36 M, +7 ms (1.50 ×). PySide's import hook reads the whole
  source of every module imported after it (ours and the standard library's, ~80 at start-up) to see
  whether it mentions "PySide6" and so might use `from __feature__ import snake_case`; govform uses no
  feature, so the answer is always no. The hook and the function it calls are PySide's own (since 6.4);
  where a PySide lacks them, nothing is changed.
- Templates read from a JSON copy of their TOML in the user cache, keyed by checksum
  (govform.resources.read_toml): +57 M, +6 ms (1.48 ×): tomllib and its regular expressions cost more than
  reading JSON.
- The format's rule kinds as records of their own (govform.domain.format.Rule): +19 M, +2.3 ms as
  dataclasses. Python 3.11 compiles the __init__ a dataclass generates, at every start, for each of the 16.
- Modules the first paint does not show imported where they are first used: the registry of exporters and
  importers and the answer records (ui.controller, ui.answers), the dialogs, the job runner and the
  finding details (ui.mainwindow), the date parser (ui.basics_tab), the spreadsheet logic (ui.undo): +70 M
  when all are imported at the top of their modules (measured 2026-11-25). Added since: the splitting of a
  section pasted with its sub-heads (ui.undo), 4.5 ms by `python -X importtime` (it brings
  govform.domain.labels and difflib). The view's protocol is defined for type checkers only (ui.controller).
- The format's structural records (Node, Column, Row, Block, Total, Section, AgencyKind) as NamedTuples
  (govform.domain.format): +14 M as dataclasses (measured 2026-11-25).

Not tricks but the design, kept whatever the numbers: tabs are built when first shown (ui.report_tabs),
document libraries (python-docx, openpyxl) load with the first export or import (io.registry), message
catalogues are read when a word first needs them (domain.messages), and `frozen` is kept for the values
that flow through the program and are hashed or compared (CellRef, Invalid, Finding, Message); the other
records are slotted dataclasses (frozen ones cost ~2 M instructions more each to define: they generate
__setattr__, __delattr__ and __hash__ too).

Where the rest goes (1,085 M against 667 M): about 120 M are the 93 Python enums PySide makes for the `Qt`
namespace the first time a program names it (the bare window never does; every model and key handler
must), about 100 M the other Qt classes the window uses and their enums, about 40 M loading and drawing
the Chinese font; the rest our modules, the format and project read, and the first tab's widgets.

A pitfall rather than a trick: a call that returns a widget Qt made (`viewport()`, `focusWidget()`,
`parentWidget()`…) makes PySide load every widget class it has, with their enums, to tell which one the widget
is: +50 M instructions the first time. The first paint makes none (the 问题 list paints on a viewport of its
own making); tests/ui/test_smoke.py checks it.
"""

from __future__ import annotations

import gc
import sys


def begin() -> None:
    """Before the window's modules load: the collector off, and PySide's source scan skipped (see above)."""
    gc.disable()
    import PySide6  # noqa: F401  (the window needs it next; importing it installs PySide's import hook)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and hasattr(feature, "_mod_uses_pyside"):  # PySide 6.4 and later; else no trick
        feature._mod_uses_pyside = _uses_no_feature


def _uses_no_feature(module: object) -> bool:
    """What PySide's import hook asks of each module imported after it: may it `from __feature__ import …`
    (snake_case, true_property)? None of govform's can; nothing else is imported with the window."""
    return False


def done() -> None:
    """The window is up: put what start-up made out of the collector's sight, and collect as usual again."""
    gc.freeze()
    gc.enable()
