"""The tabs of one open report: 基本信息, then one per section in the format's order."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from govform.domain.rules import Finding
from govform.ui.checker import Checker
from govform.ui.document import Document
from govform.ui.edits import Edits
from govform.ui.grid import GridView, TableModel
from govform.ui.texts import BasicsTab, NarrativeTab


class TableTab(QWidget):
    def __init__(self, model: TableModel, heading: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.view = GridView(model)
        layout = QVBoxLayout(self)
        title = QLabel(heading)
        title.setBuddy(self.view)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)


class ReportEditor(QTabWidget):
    """Every editor of one document; tab labels carry the number of errors in that tab."""

    refused = Signal(str)  # an edit the grids refused (a paste that does not fit), with the reason

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        report = document.report
        self.edits = Edits(document)
        self.checker = Checker(report, self)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)

        self.basics = BasicsTab(self.edits)
        self._sections: list[str | None] = [None]
        self._labels = [self.tr("基本信息")]
        self.addTab(self.basics, self._labels[0])
        self.narratives: dict[str, NarrativeTab] = {}
        self.tables: dict[str, TableTab] = {}
        for section in report.format.sections:
            if section.table:
                model = TableModel(self.edits, section.table, self.checker, self)
                tab = TableTab(model, section.heading)
                tab.view.refused.connect(self.refused)
                self.tables[section.table] = tab
                widget: QWidget = tab
            else:
                widget = self.narratives[section.id] = NarrativeTab(self.edits, section)
            self._sections.append(section.id)
            self._labels.append(section.heading)
            self.addTab(widget, section.heading)
            self.setTabToolTip(self.count() - 1, section.heading)
        self.checker.findingsChanged.connect(self._update_labels)
        self._update_labels()

    def detach(self) -> None:
        """Stop listening to the report (it may outlive this editor, e.g. in tests)."""
        self.checker.detach()
        self.basics.detach()
        for tab in self.narratives.values():
            tab.detach()
        for tab in self.tables.values():
            tab.model.detach()

    def tab_of(self, section_id: str | None) -> int:
        return self._sections.index(section_id)

    def _update_labels(self) -> None:
        for index, (section, label) in enumerate(zip(self._sections, self._labels, strict=True)):
            errors = self.checker.errors_in(section)
            self.setTabText(index, f"{label} ({errors})" if errors else label)

    def reveal(self, finding: Finding) -> None:
        """Show the tab of `finding` and put the cursor on its cell, field or text."""
        if finding.cells:
            ref = finding.cells[0]
            tab = self.tables[ref.table]
            self.setCurrentWidget(tab)
            tab.view.select_cell((ref.row, ref.column))
            return
        self.setCurrentIndex(self.tab_of(finding.section))
        if finding.section is None:
            self.basics.field_widget(finding.field or "agency").setFocus(Qt.FocusReason.OtherFocusReason)
            return
        narrative = self.narratives.get(finding.section)
        if narrative is None:
            return
        index = finding.figures.get("index")
        if isinstance(index, int) and index < len(narrative.subsections):
            editor = narrative.subsections[index]
            target = editor.title if not editor.title.text().strip() else editor.text
            narrative.ensureWidgetVisible(editor)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            narrative.text.setFocus(Qt.FocusReason.OtherFocusReason)
