"""The tabs of one open report: 基本信息, then one per section in the format's order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTabWidget, QWidget

from govform.domain.format import SubheadNumbers
from govform.domain.report import CellRef
from govform.domain.rules import Finding
from govform.ui import look
from govform.ui.basics_tab import BasicsTab
from govform.ui.checker import Checker
from govform.ui.document import Document
from govform.ui.narrative_tab import NarrativeTab
from govform.ui.table_tab import TableTab
from govform.ui.undo import Edits, Place


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
    Choosing a tab puts the keyboard where the clerk was on that page (a table's current cell at first).
    """

    refused = Signal(str)  # an edit the grids refused (a paste that does not fit), with the reason
    accepted = Signal()  # a paste or fill the grids took (a refusal shown before is out of date)
    announced = Signal(str)  # what an edit did, for the status bar (a section pasted by its sub-heads)

    def __init__(self, document: Document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        report = document.report
        self.edits = Edits(document)
        self.checker = Checker(document, self)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click on a tab leaves the keys to the page

        self.basics = BasicsTab(self.edits)
        self._sections: list[str | None] = [None]
        self._labels = [self.tr("基本信息")]
        self.addTab(self.basics, self._labels[0])
        self.narratives: Pages[NarrativeTab] = Pages()
        self.tables: Pages[TableTab] = Pages()
        self.tables_by_section: dict[str, str] = {}
        self._pages: list[Page] = []
        self._last_focus: dict[int, QWidget] = {}
        for section in report.format.sections:
            page: TableTab | NarrativeTab
            if section.table:
                page = TableTab(self.edits, section, self.checker, self.refused, self.accepted)
                self.tables.add(section.table, page)
                self.tables_by_section[section.id] = section.table
            else:
                page = NarrativeTab(self.edits, section, self.announced)
                self.narratives.add(section.id, page)
            self._pages.append(page)
            self._sections.append(section.id)
            self._labels.append(section.short_heading)
            self.addTab(page, section.short_heading)
            self.setTabToolTip(self.count() - 1, section.heading)
        self.currentChanged.connect(self._build_page)
        self.checker.findingsChanged.connect(self._update_labels)
        self._update_labels()

    def _build_page(self, index: int) -> None:
        if index > 0:
            self._pages[index - 1].build()
        if self.isVisible():  # a tab chosen by a click or a key: the keyboard goes onto its page, once Qt
            QTimer.singleShot(0, self.focus_page)  # has shown it and moved the focus as it does

    def finish_editing(self) -> bool:
        """Every page's typing not yet taken, into the report (see TabPage.finish_editing); False if a page
        refused some, and then its tab is shown, where it says why."""
        for index, page in enumerate([self.basics, *self._pages]):
            if not page.finish_editing():
                self.setCurrentIndex(index)
                return False
        return True

    def refusal(self) -> str:
        """What the page shown says is wrong with the typing it refused (finish_editing shows that page)."""
        return [self.basics, *self._pages][self.currentIndex()].refusal()

    def tab_of(self, section_id: str | None) -> int:
        return self._sections.index(section_id)

    def current_section(self) -> str | None:
        """The section whose tab is shown (None: the basic information)."""
        return self._sections[max(self.currentIndex(), 0)]

    def _update_labels(self) -> None:
        """Each tab's label counts its errors; its marker says errors, or what is still to fill in."""
        for index, (section, label) in enumerate(zip(self._sections, self._labels, strict=True)):
            errors, missing = self.checker.errors_in(section), self.checker.missing_in(section)
            self.setTabText(index, f"{label} ({errors})" if errors else label)
            mark = "error" if errors else "missing" if missing else None
            if mark != self.tabBar().tabData(index):
                self.tabBar().setTabData(index, mark)
                self.setTabIcon(index, look.severity_icon(mark) if mark else QIcon())

    # -- the keyboard ------------------------------------------------------------------------------

    def remember_focus(self, widget: QWidget | None) -> None:
        """The application's focus moved to `widget`: if it is on one of the pages, go back there later."""
        index = self.currentIndex()
        page = self.widget(index)
        if (
            widget is not None
            and page is not None
            and widget is not page
            and page.isAncestorOf(widget)
            and widget.focusPolicy() != Qt.FocusPolicy.NoFocus  # Qt gives a page itself the focus at times
        ):
            self._last_focus[index] = widget

    def focus_page(self) -> None:
        """Put the keyboard on the current page: where the clerk last was, else its first editor."""
        from shiboken6 import isValid

        if not isValid(self):
            return
        index = self.currentIndex()
        widget = self._last_focus.get(index)
        if widget is not None and isValid(widget) and widget.isVisible():
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        page = self.widget(index)
        target: QWidget | None
        if page is self.basics:
            target = self.basics.agency
        elif isinstance(page, TableTab):
            target = page.view
        elif isinstance(page, NarrativeTab):
            target = page.text
        else:
            target = None
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def step_tab(self, step: int) -> None:
        """Ctrl+Tab / Ctrl+PgDn (1) and Ctrl+Shift+Tab / Ctrl+PgUp (-1): the next or previous tab, round."""
        self.setCurrentIndex((self.currentIndex() + step) % self.count())

    # -- showing where something is ---------------------------------------------------------------

    def reveal(self, finding: Finding) -> None:
        """Show the tab of `finding` and put the cursor on its primary cell, its field or its text."""
        if finding.primary is not None:
            ref = finding.primary
            tab = self.tables[ref.table]
            self.setCurrentWidget(tab)
            tab.view.select_cell(ref.cell)
            return
        title = isinstance(self._rule(finding.rule), SubheadNumbers)
        self.show_place(Place(field=finding.field or ("agency" if finding.section is None else None),
                              section=finding.section, subsection=finding.subsection,
                              part="title" if title else "text"), finding=True)  # fmt: skip

    def _rule(self, rule_id: str) -> object:
        return next((rule for rule in self.document.report.format.rules if rule.id == rule_id), None)

    def show_place(self, place: Place, *, finding: bool = False) -> None:
        """Show the tab where an edit (undone or redone) or a finding is, and put the cursor there."""
        if place.table is not None:
            tab = self.tables[place.table]
            self.setCurrentWidget(tab)
            if place.cells:
                tab.view.select_cells(place.cells)
            else:
                tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if place.section is None:
            self.setCurrentIndex(0)
            self.basics.field_widget(place.field or "agency").setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.setCurrentIndex(self.tab_of(place.section))
        if place.section in self.tables_by_section:
            self.tables[self.tables_by_section[place.section]].note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        narrative = self.narratives[place.section]
        index = place.subsection
        if index is None:
            narrative.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        part = place.part
        if finding and part == "text" and 0 <= index < len(narrative.subsections):
            editor = narrative.subsections[index]
            part = "title" if not editor.title.text().strip() else "text"
        narrative.show_subsection(index, part)

    def reveal_place(self, cell: CellRef | None, section: str | None) -> None:
        """Show `cell` in its table's tab, else `section`'s tab (the import report's "show me")."""
        if cell is not None and cell.table in self.tables:
            tab = self.tables[cell.table]
            self.setCurrentWidget(tab)
            tab.view.select_cell(cell.cell)
        elif section in self._sections:
            self.setCurrentIndex(self.tab_of(section))
