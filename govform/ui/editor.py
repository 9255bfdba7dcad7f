"""The tabs of one open report: 基本信息, then one per section in the format's order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from govform.domain.format import Section
from govform.domain.report import Change, TextChanged
from govform.domain.rules import Finding
from govform.ui.checker import Checker
from govform.ui.document import Document
from govform.ui.edits import Edits
from govform.ui.texts import BasicsTab, NarrativeTab, ParagraphEdit

if TYPE_CHECKING:
    from govform.ui.grid import GridView, TableModel


class TableTab(QWidget):
    """A statistics table's page, with an optional note under the table; its grid is laid out by `build()`,
    when the page is first shown or used."""

    model: TableModel
    view: GridView
    note: ParagraphEdit

    def __init__(
        self,
        edits: Edits,
        section: Section,
        checker: Checker,
        refused: SignalInstance,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._edits = edits
        self._section = section
        self._checker = checker
        self._refused = refused
        self.built = False

    def build(self) -> None:
        if self.built:
            return
        self.built = True
        from govform.ui.grid import GridView, TableModel  # the grids' module loads with the first grid

        assert self._section.table is not None
        self.model = TableModel(self._edits, self._section.table, self._checker, self)
        self.view = GridView(self.model)
        self.view.refused.connect(self._refused)
        title = QLabel(self._section.heading)
        title.setBuddy(self.view)
        section_id = self._section.id
        self.note = ParagraphEdit(lines=2)
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)  # the grid keeps the room
        self.note.setAccessibleName(self.tr("表格说明"))
        self.note.setPlaceholderText(self.tr("表格说明（可不填，每段一行）：导出时排在表格之后。"))
        self.note.show_text(self._edits.report.narratives[section_id].text)
        self.note.focused.connect(self._edits.begin_typing)
        self.note.typed.connect(lambda text: self._edits.set_text(section_id, text))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self._edits.report.subscribe(self._on_change)
        if self.isVisible():  # added to a page already on screen: show now, not after the next paint
            for widget in (title, self.view, self.note):
                widget.show()

    def _on_change(self, change: Change) -> None:
        if isinstance(change, TextChanged) and change.section == self._section.id and change.subsection is None:
            self.note.show_text(self._edits.report.narratives[self._section.id].text)

    def detach(self) -> None:
        if self.built:
            self.model.detach()
            self._edits.report.unsubscribe(self._on_change)


class Page(Protocol):
    built: bool

    def build(self) -> None: ...

    def detach(self) -> None: ...


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


class ReportEditor(QTabWidget):
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
        self.checker = Checker(report, self)
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

    def detach(self) -> None:
        """Stop listening to the report (it may outlive this editor, e.g. in tests)."""
        self.checker.detach()
        self.basics.detach()
        for page in self._pages:
            page.detach()

    def tab_of(self, section_id: str | None) -> int:
        return self._sections.index(section_id)

    def _update_labels(self) -> None:
        for index, (section, label) in enumerate(zip(self._sections, self._labels, strict=True)):
            errors = self.checker.errors_in(section)
            self.setTabText(index, f"{label} ({errors})" if errors else label)

    def reveal(self, finding: Finding) -> None:
        """Show the tab of `finding` and put the cursor on its cell, field or text."""
        if finding.primary is not None:
            ref = finding.primary
            tab = self.tables[ref.table]
            self.setCurrentWidget(tab)
            tab.view.select_cell((ref.row, ref.column))
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
