"""Run by test_language.py in a process of its own (a language is chosen once per process): the window in
English on the sample, every tab, menu and dialog opened, and every text a clerk can see printed as JSON,
with the texts that may be Chinese in any language (the report's content and official labels)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from govform.app import application, create_window
from govform.domain.layout import table_grid
from govform.domain.rules import validate
from govform.resources import sample_project
from govform.ui import dialogs
from govform.ui.recovery import Orphan
from govform.ui.settings import MemoryStore, Settings
from tests.helpers.ui import mnemonic_clashes


def texts_of(root: QWidget) -> list[str]:
    found: list[str] = [root.windowTitle(), root.toolTip()]
    for widget in [root, *root.findChildren(QWidget)]:
        found += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QTextBrowser):
            found.append(widget.toPlainText())
        elif isinstance(widget, QPlainTextEdit):
            found += [widget.toPlainText(), widget.placeholderText()]
        elif isinstance(widget, QSpinBox):
            found.append(widget.suffix())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
            found += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QDockWidget):
            found.append(widget.windowTitle())
        elif isinstance(widget, QMenu):
            widget.aboutToShow.emit()  # menus filled when first opened
            found.append(widget.title())
            for action in widget.actions():
                found += [action.text(), action.toolTip()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            rows = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
            for index in rows:
                rows += [model.index(r, 0, index) for r in range(model.rowCount(index))]
                found += [str(index.data() or ""), str(index.data(3) or "")]  # display, tooltip
    return [text for text in found if text]


def official(report) -> set[str]:
    """What may be Chinese in the English window: the report's own words, the format's official labels, and
    the official terms the English catalogues keep in Chinese (规章, 万元, 设区的市…)."""
    import re

    from govform.resources import templates_dir

    fmt = report.format
    allowed = {fmt.name, fmt.reference, report.agency, report.preamble, report.signature_date(), "中文"}
    for path in (templates_dir() / "messages" / "en").glob("*.toml"):
        allowed |= set(re.findall("[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]+", path.read_text("utf-8")))
    allowed |= {fmt.export_stem(report.agency, report.year), fmt.report_title(report.year)}
    for section in fmt.sections:
        allowed |= {section.heading, section.short_heading, section.title, section.number, *section.subsections}
        allowed |= set(section.optional_subsections)
        narrative = report.narratives[section.id]
        allowed |= {narrative.text, *narrative.text.split("\n")}
        for index, sub in enumerate(narrative.subsections):
            allowed |= {sub.title, sub.text, *sub.text.split("\n"), section.subsection_number(index)}
    allowed |= {kind.label for kind in fmt.agency_kinds}
    for table in fmt.tables.values():
        allowed |= {table.title, table.short}
        for cell in table_grid(table).cells:
            allowed |= {cell.text, *(cell.breaks or "").split("\n")}
        for row, column in table.cells:
            allowed |= {table.cell_label(row, column), table.row(row).display, table.column(row, column).display}
            allowed |= {table.row(row).label, table.row(row).short}
    return {text for text in allowed if text}


def main() -> None:
    app = application("en")
    window = create_window(Settings(MemoryStore()), None)
    controller = window.controller
    controller.show(controller.load(sample_project()))
    window.resize(1280, 800)
    window.show()
    narrowest = window.minimumSizeHint().width()  # with the sample's banner, its longest line
    report = window.editor.document.report
    for index in range(window.editor.count()):
        window.editor.setCurrentIndex(index)
        app.processEvents()
    report.set_cell("applications", "new", "research", 2)  # findings of several kinds, one selected
    report.set_cell("applications", "outcome_total", "total", 9)
    report.set_cell("proactive", "regulations", "issued", 1)
    report.set_cell("appeals", "cases", "review_upheld", None)
    report.set_text("problems", "")
    window.editor.checker.refresh()
    view = window.problems.view
    for row in range(view.model().rowCount()):
        view.setCurrentIndex(view.model().index(row, 0))
        app.processEvents()
    window.editor.basics.signed_on.line.setText("2026")
    window.editor.basics.signed_on.commit()
    window.editor.tables["applications"].view.select_cell(("new", "research"))
    texts = texts_of(window)
    clashes = mnemonic_clashes(window)
    finding = next(f for f in validate(report) if not f.is_error)
    shown = [
        dialogs.NewReportDialog([report.format], window),
        dialogs.GuideDialog(window, report, controller.places()),
        dialogs.ExplanationDialog(window, finding, ""),
        dialogs.NotesDialog(window, "x", []),
        dialogs.FileOffer(window, "x", Path("x.docx")),
        dialogs.UnsavedQuestion(window, "x.govform"),
        dialogs.RestoreQuestion(
            window, Orphan(Path("j"), None, "x.govform", __import__("datetime").datetime.now(), "")
        ),
        dialogs.ExportWithErrorsQuestion(window, 3),
        dialogs.AboutBox(window, report.format.reference),
    ]
    for dialog in shown:
        dialog.show()
        app.processEvents()
        texts += texts_of(dialog)
    official_texts = sorted(official(report), key=len, reverse=True)
    seen = {"texts": texts, "official": official_texts, "clashes": clashes, "narrowest": narrowest}
    print(json.dumps(seen, ensure_ascii=False))
    sys.exit(0)


if __name__ == "__main__":
    main()
