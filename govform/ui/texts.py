"""Editors for the report's texts: the basic information, and the narrative sections with their sub-heads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govform.domain.format import Section
from govform.domain.report import Change, MetaChanged, SubsectionsChanged, TextChanged
from govform.ui import look
from govform.ui.edits import Edits

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent

NO_DATE = QDate(2000, 1, 1)  # the QDateEdit minimum, shown as "未填写"


class ParagraphEdit(QPlainTextEdit):
    """Plain text, one paragraph per line; announces what the clerk types, not what the program sets."""

    typed = Signal(str)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 5):
        super().__init__(parent)
        self._setting = False
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.textChanged.connect(self._on_changed)

    def show_text(self, text: str) -> None:
        """Show `text` (after an undo or a load) without announcing it as typing."""
        if self.toPlainText() == text:
            return
        self._setting = True
        try:
            self.setPlainText(text)
            self.moveCursor(self.textCursor().MoveOperation.End)
        finally:
            self._setting = False

    def _on_changed(self) -> None:
        if not self._setting:
            self.typed.emit(self.toPlainText())

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)


class TitleEdit(QLineEdit):
    focused = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(look.bold(label.font()))
    return label


def _scrolling(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


class BasicsTab(QScrollArea):
    """基本信息: the agency, its kind, the year, the signature date, the preamble and the format."""

    def __init__(self, edits: Edits, parent: QWidget | None = None):
        super().__init__(parent)
        self._edits = edits
        report = edits.report
        fmt = report.format
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.agency = TitleEdit(report.agency)
        self.agency.setPlaceholderText(self.tr("如：重庆市长寿区长寿湖镇人民政府"))
        self.agency.focused.connect(edits.begin_typing)
        self.agency.textEdited.connect(lambda text: edits.set_meta("agency", text, typing=True))
        form.addRow(self.tr("机关全称(&A)："), self.agency)

        self.agency_kind = QComboBox()
        for kind in fmt.agency_kinds:
            self.agency_kind.addItem(kind.label, kind.id)
        self.agency_kind.activated.connect(lambda _: edits.set_meta("agency_kind", self.agency_kind.currentData()))
        form.addRow(self.tr("机关类型(&K)："), self.agency_kind)

        self.year = QSpinBox()
        self.year.setRange(2000, 2099)
        self.year.setSuffix(self.tr(" 年度"))
        self.year.valueChanged.connect(lambda value: self._unless_showing(lambda: edits.set_meta("year", value)))
        form.addRow(self.tr("报告年度(&Y)："), self.year)

        self.signed_on = QDateEdit()
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy年M月d日")
        self.signed_on.setMinimumDate(NO_DATE)
        self.signed_on.setSpecialValueText(self.tr("未填写"))
        self.signed_on.dateChanged.connect(lambda date: self._unless_showing(lambda: self._set_date(date)))
        form.addRow(self.tr("成文日期(&D)："), self.signed_on)

        self.preamble = ParagraphEdit(lines=6)
        self.preamble.setPlaceholderText(self.tr("报告正文之前的说明：编制依据、报告的组成部分、统计期限等。"))
        self.preamble.focused.connect(edits.begin_typing)
        self.preamble.typed.connect(lambda text: edits.set_meta("preamble", text, typing=True))
        form.addRow(self.tr("开头部分(&P)："), self.preamble)

        version = QLabel(fmt.name)
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        version.setWordWrap(True)
        form.addRow(self.tr("格式版本："), version)
        self.setWidget(inner)

        self._showing = False
        self.show_report()
        report.subscribe(self._on_change)

    def detach(self) -> None:
        self._edits.report.unsubscribe(self._on_change)

    def field_widget(self, name: str) -> QWidget:
        return getattr(self, name)

    def _unless_showing(self, action: Callable[[], None]) -> None:
        if not self._showing:
            action()

    def _set_date(self, date: QDate) -> None:
        value = None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        self._edits.set_meta("signed_on", value)

    def _on_change(self, change: Change) -> None:
        if isinstance(change, MetaChanged):
            self.show_report()

    def show_report(self) -> None:
        report = self._edits.report
        self._showing = True
        try:
            if self.agency.text() != report.agency:
                self.agency.setText(report.agency)
            self.agency_kind.setCurrentIndex(self.agency_kind.findData(report.agency_kind))
            self.year.setValue(report.year)
            d = report.signed_on
            self.signed_on.setDate(QDate(d.year, d.month, d.day) if d else NO_DATE)
            self.preamble.show_text(report.preamble)
        finally:
            self._showing = False


class SubsectionEditor(QFrame):
    """One sub-head: its automatic number, its title and its text, with buttons to move or delete it."""

    def __init__(self, edits: Edits, section: Section, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        sub = edits.report.narratives[section.id].subsections[index]
        count = len(edits.report.narratives[section.id].subsections)
        self.number = _heading(section.subsection_number(index))
        self.title = TitleEdit(sub.title)
        self.title.setPlaceholderText(self.tr("小标题"))
        self.title.setAccessibleName(self.tr("小标题{number}的标题").format(number=section.subsection_number(index)))
        self.title.focused.connect(edits.begin_typing)
        self.title.textEdited.connect(lambda text: edits.set_subsection(section.id, index, "title", text))
        self.text = ParagraphEdit(lines=4)
        self.text.setAccessibleName(self.tr("小标题{number}的内容").format(number=section.subsection_number(index)))
        self.text.show_text(sub.text)
        self.text.focused.connect(edits.begin_typing)
        self.text.typed.connect(lambda text: edits.set_subsection(section.id, index, "text", text))

        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.title, 1)
        for glyph, tip, action, enabled in (
            ("↑", self.tr("上移"), lambda: edits.move_subsection(section.id, index, index - 1), index > 0),
            ("↓", self.tr("下移"), lambda: edits.move_subsection(section.id, index, index + 1), index < count - 1),
            ("✕", self.tr("删除此小标题"), lambda: edits.remove_subsection(section.id, index), True),
        ):
            button = QToolButton()
            button.setText(glyph)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setEnabled(enabled)
            button.clicked.connect(action)
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)


class NarrativeTab(QScrollArea):
    """A narrative section: its own text, then its sub-heads (numbered （一）（二）… by their place).

    Its editors are made by `build()`, which the report's tabs call when the page is first shown or used.
    """

    text: ParagraphEdit
    subsections: list[SubsectionEditor]
    add_button: QPushButton

    def __init__(self, edits: Edits, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self._edits = edits
        self.section = section
        self.built = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def build(self) -> None:
        """Make the editors (once) from the report as it is now, and follow its changes from then on."""
        if self.built:
            return
        self.built = True
        edits, section = self._edits, self.section
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(_heading(section.heading))
        self.text = ParagraphEdit(lines=6 if section.subsection_numbering else 14)
        self.text.setAccessibleName(section.heading)
        self.text.setPlaceholderText(self._placeholder())
        self.text.show_text(edits.report.narratives[section.id].text)
        self.text.focused.connect(edits.begin_typing)
        self.text.typed.connect(lambda text: edits.set_text(section.id, text))
        layout.addWidget(self.text)
        self.subsections = []
        self._list = QVBoxLayout()
        layout.addLayout(self._list)
        if section.subsection_numbering:
            self.add_button = QPushButton(self.tr("添加小标题(&N)"))
            self.add_button.setMenu(self._add_menu())
            row = QHBoxLayout()
            row.addWidget(self.add_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        self._rebuild()
        self.setWidget(inner)
        inner.show()  # a widget set on a scroll area already on screen stays hidden until shown
        edits.report.subscribe(self._on_change)

    def detach(self) -> None:
        if self.built:
            self._edits.report.unsubscribe(self._on_change)

    def _placeholder(self) -> str:
        if self.section.subsection_numbering:
            return self.tr("本部分的概述（可不填），各项内容写在下面的小标题中。")
        return self.tr("在此填写本部分的内容，每段一行。")

    def _add_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.aboutToShow.connect(lambda: self._fill_add_menu(menu))
        return menu

    def _fill_add_menu(self, menu: QMenu) -> None:
        menu.clear()
        present = {s.title for s in self._edits.report.narratives[self.section.id].subsections}
        for title in (*self.section.subsections, *self.section.optional_subsections):
            if title not in present:
                menu.addAction(title, lambda t=title: self._add(t, select=False))
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(self.tr("自拟小标题"), lambda: self._add(self.tr("新小标题"), select=True))

    def _add(self, title: str, *, select: bool) -> None:
        index = self._edits.add_subsection(self.section.id, title)
        editor = self.subsections[index]
        if select:
            editor.title.setFocus()
            editor.title.selectAll()
        else:
            editor.text.setFocus()
        self.ensureWidgetVisible(editor)

    def _rebuild(self) -> None:
        for editor in self.subsections:
            self._list.removeWidget(editor)
            editor.deleteLater()
        subsections = self._edits.report.narratives[self.section.id].subsections
        self.subsections = [SubsectionEditor(self._edits, self.section, i) for i in range(len(subsections))]
        for editor in self.subsections:
            self._list.addWidget(editor)

    def _on_change(self, change: Change) -> None:
        if not isinstance(change, TextChanged | SubsectionsChanged) or change.section != self.section.id:
            return
        narrative = self._edits.report.narratives[self.section.id]
        if isinstance(change, SubsectionsChanged):
            self._rebuild()
        elif change.subsection is None:
            self.text.show_text(narrative.text)
        else:
            editor, sub = self.subsections[change.subsection], narrative.subsections[change.subsection]
            if change.part == "title" and editor.title.text() != sub.title:
                editor.title.setText(sub.title)
            elif change.part == "text":
                editor.text.show_text(sub.text)
