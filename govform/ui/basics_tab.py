"""The 基本信息 tab: the agency, its kind, the year, the signature date, the preamble and the format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QFrame, QLabel, QScrollArea, QSpinBox, QWidget

from govform.ui import words
from govform.ui.text_edits import ParagraphEdit, TitleEdit
from govform.ui.undo import Edits

NO_DATE = QDate(2000, 1, 1)  # the QDateEdit minimum, shown as "未填写"


def qt_date_format(pattern: str) -> str:
    """The format's date pattern ("{year}年{month}月{day}日") as a Qt display format ("yyyy年M月d日")."""
    return pattern.replace("{year}", "yyyy").replace("{month}", "M").replace("{day}", "d")


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

        def label(name: str, key: str) -> str:
            return self.tr("{label}(&{key})：").format(label=words.text(fmt.field_label(name)), key=key)

        self.agency = TitleEdit(report.agency)
        self.agency.setPlaceholderText(self.tr("如：重庆市长寿区长寿湖镇人民政府"))
        self.agency.focused.connect(edits.begin_typing)
        self.agency.textEdited.connect(lambda text: edits.set_meta("agency", text, typing=True))
        form.addRow(label("agency", "A"), self.agency)

        self.agency_kind = QComboBox()
        for kind in fmt.agency_kinds:
            self.agency_kind.addItem(kind.label, kind.id)
        self.agency_kind.activated.connect(lambda _: edits.set_meta("agency_kind", self.agency_kind.currentData()))
        form.addRow(label("agency_kind", "K"), self.agency_kind)

        self.year = QSpinBox()
        self.year.setRange(2000, 2099)
        self.year.setSuffix(self.tr(" 年度"))
        self.year.valueChanged.connect(lambda value: self._unless_showing(lambda: edits.set_meta("year", value)))
        form.addRow(label("year", "Y"), self.year)

        self.signed_on = QDateEdit()
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat(qt_date_format(fmt.date_pattern))
        self.signed_on.setMinimumDate(NO_DATE)
        self.signed_on.setSpecialValueText(self.tr("未填写"))
        self.signed_on.dateChanged.connect(lambda date: self._unless_showing(lambda: self._set_date(date)))
        form.addRow(label("signed_on", "D"), self.signed_on)

        self.preamble = ParagraphEdit(lines=6)
        self.preamble.setPlaceholderText(self.tr("报告正文之前的说明：编制依据、报告的组成部分、统计期限等。"))
        self.preamble.focused.connect(edits.begin_typing)
        self.preamble.typed.connect(lambda text: edits.set_meta("preamble", text, typing=True))
        form.addRow(label("preamble", "P"), self.preamble)

        version = QLabel(fmt.name)
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        version.setWordWrap(True)
        form.addRow(self.tr("格式版本："), version)
        self.setWidget(inner)

        self._showing = False
        self.show_report()
        edits.document.signals.metaChanged.connect(self.show_report)

    def field_widget(self, name: str) -> QWidget:
        return getattr(self, name)

    def _unless_showing(self, action: Callable[[], None]) -> None:
        if not self._showing:
            action()

    def _set_date(self, date: QDate) -> None:
        value = None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        self._edits.set_meta("signed_on", value)

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
