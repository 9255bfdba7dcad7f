"""The tabs of one open report: 基本信息, then one per section in the format's order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from govform.domain.report import CellRef
from govform.domain.rules import Finding
from govform.ui.basics_tab import BasicsTab
from govform.ui.checker import Checker
from govform.ui.document import Document
from govform.ui.narrative_tab import NarrativeTab
from govform.ui.table_tab import TableTab
from govform.ui.undo import Edits


class Page(Protocol):
    built: bool

    def build(self) -> None: ...


P = TypeVar("P", bound=Page)


class Pages(Mapping[str, P], Generic[P]):
    """Pages by section or table id; looking one up builds it first, so callers always get a usable page."""

    def __init__(self) -> None:
        self._pages: dict[str, P] = {}

    def add(self, key: str, page: P) -> None:
        self._pages[key] = page

    def __getitem__(self, key: str) -> P:
        page = self._pages[key]
        page.build()
        return page

    def __contains__(self, key: object) -> bool:
        return key in self._pages

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)


class ReportTabs(QTabWidget):
    """Every editor of one document; tab labels carry the number of errors in that tab.

    Only the current tab is built before the window first paints; the others are built when first shown
    or looked up (`tables[...]`, `narratives[...]`, `reveal`). The labels come from the checker alone.
    """

    refused = Signal(str)  # an edit the grids refused (a paste that does not fit), with the reason

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        report = document.report
        self.edits = Edits(document)
        self.checker = Checker(document, self)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)

        self.basics = BasicsTab(self.edits)
        self._sections: list[str | None] = [None]
        self._labels = [self.tr("基本信息")]
        self.addTab(self.basics, self._labels[0])
        self.narratives: Pages[NarrativeTab] = Pages()
        self.tables: Pages[TableTab] = Pages()
        self.tables_by_section: dict[str, str] = {}
        self._pages: list[Page] = []
        for section in report.format.sections:
            page: TableTab | NarrativeTab
            if section.table:
                page = TableTab(self.edits, section, self.checker, self.refused)
                self.tables.add(section.table, page)
                self.tables_by_section[section.id] = section.table
            else:
                page = NarrativeTab(self.edits, section)
                self.narratives.add(section.id, page)
            self._pages.append(page)
            self._sections.append(section.id)
            self._labels.append(section.heading)
            self.addTab(page, section.heading)
            self.setTabToolTip(self.count() - 1, section.heading)
        self.currentChanged.connect(self._build_page)
        self.checker.findingsChanged.connect(self._update_labels)
        self._update_labels()

    def _build_page(self, index: int) -> None:
        if index > 0:
            self._pages[index - 1].build()

    def tab_of(self, section_id: str | None) -> int:
        return self._sections.index(section_id)

    def _update_labels(self) -> None:
        for index, (section, label) in enumerate(zip(self._sections, self._labels, strict=True)):
            errors = self.checker.errors_in(section)
            self.setTabText(index, f"{label} ({errors})" if errors else label)

    def reveal(self, finding: Finding) -> None:
        """Show the tab of `finding` and put the cursor on its primary cell, its field or its text."""
        if finding.primary is not None:
            ref = finding.primary
            tab = self.tables[ref.table]
            self.setCurrentWidget(tab)
            tab.view.select_cell(ref.cell)
            return
        self.setCurrentIndex(self.tab_of(finding.section))
        if finding.section is None:
            self.basics.field_widget(finding.field or "agency").setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if finding.section in self.tables_by_section:
            self.tables[self.tables_by_section[finding.section]].note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        narrative = self.narratives.get(finding.section)
        if narrative is None:
            return
        index = finding.subsection
        if index is not None and index < len(narrative.subsections):
            editor = narrative.subsections[index]
            target = editor.title if not editor.title.text().strip() else editor.text
            narrative.ensureWidgetVisible(editor)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            narrative.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal_place(self, cell: CellRef | None, section: str | None) -> None:
        """Show `cell` in its table's tab, else `section`'s tab (the import report's "show me")."""
        if cell is not None and cell.table in self.tables:
            tab = self.tables[cell.table]
            self.setCurrentWidget(tab)
            tab.view.select_cell(cell.cell)
        elif section in self._sections:
            self.setCurrentIndex(self.tab_of(section))
