"""The 基本信息 tab: the agency (and where its name breaks into lines), its kind, the year, the signature
date, the preamble and the format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govform.domain.text import clean_paragraphs
from govform.ui import look, words
from govform.ui.controller import title_lines
from govform.ui.text_edits import ParagraphEdit, TabPage, TitleEdit, to_history, to_window
from govform.ui.undo import Edits

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QWheelEvent

    from govform.domain.report import Report


class YearBox(QSpinBox):
    """The report year: Ctrl+Z/Ctrl+Y undo and redo the project, not the box's own typing; the window's keys
    are the window's. The wheel steps it only once the clerk chose the box: scrolling the page over it changed
    the report's year unseen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not give it the focus

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not (to_history(self, event) or to_window(self, event)):
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page scrolls instead


class KindBox(QComboBox):
    """The kind of agency: the wheel changes it only once the clerk chose the box, as the year."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class DateField(QWidget):
    """A date typed as the clerk writes it (2026年1月15日, 2026-1-15, 2026.1.15, 2026/1/15, 20260115) or
    picked from a calendar; what is not a date stays as typed, with the reason under it."""

    def __init__(self, edits: Edits, parent: QWidget | None = None):
        super().__init__(parent)
        self._edits = edits
        self.line = TitleEdit()
        self.line.new_step.connect(edits.begin_typing)
        self.line.editingFinished.connect(self.commit)
        self.line.textEdited.connect(self._journal_typing)
        self.setFocusProxy(self.line)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("从日历中选择（Alt+↓）"))
        self.button.setAccessibleName(self.tr("日历"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.problem = QLabel()  # one line: a wrapping label would make the whole form lay out by width
        self.problem.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.problem)
        self._calendar = None
        self.line.popup = self.open_calendar
        self.line.revert_typing = self.revert_typing
        self._taken = ""  # the text of the report's date, as shown when nothing is being typed
        self._journaled: Report | None = None  # the report with the date being typed, for the journal

    def show_date(self, date: dt.date | None) -> None:
        """Show the report's date (after a load, an undo or an accepted entry) and drop any complaint."""
        report = self._edits.report
        text = report.format.format_date(date.year, date.month, date.day) if date else ""
        self._taken = text
        self._forget_typing()
        if self.line.text() != text:
            self.line.setText(text)
        self.show_example()
        self.problem.hide()

    def show_example(self) -> None:
        """The example in the empty box: a date early in the year after the report's, when reports are signed."""
        report = self._edits.report
        example = report.format.format_date(report.year + 1, 1, 15)
        words = self.tr("未填写（如 {date}）")  # English: "… (e.g. {typed})", as it may be typed
        self.line.setPlaceholderText(words.format(date=example, typed=f"{report.year + 1}-1-15"))

    def commit(self) -> None:
        """The clerk is done typing (Enter, Tab, a click elsewhere): store the date, or say what is wrong."""
        from govform.domain.dates import DateError, parse_date  # with the first date typed, not at start-up

        try:
            date = parse_date(self.line.text())
        except DateError as error:
            from PySide6.QtGui import QPalette

            palette = self.problem.palette()  # red, by its palette: a style sheet costs much more
            palette.setColor(QPalette.ColorRole.WindowText, look.ERROR_LINE)
            self.problem.setPalette(palette)
            self.problem.setText(words.text(error.message))
            self.problem.show()
            return
        self.problem.hide()
        self._edits.set_meta("signed_on", date)
        self.show_date(date)

    def _journal_typing(self, text: str) -> None:
        """A date typed and not yet confirmed goes into the recovery journal, if it is one."""
        from govform.domain.dates import DateError, parse_date

        document = self._edits.document
        try:
            date = parse_date(text) if text != self._taken else None
        except DateError:
            date = None
        if date is not None and date != document.report.signed_on:
            self._journaled = document.report.with_meta("signed_on", date)
            document.set_pending(self._journaled)
        else:
            self._forget_typing()

    def _forget_typing(self) -> None:
        """Nothing of the date is being typed any more: out of the journal (a cell's typing stays)."""
        document = self._edits.document
        if self._journaled is not None and document.pending is self._journaled:
            document.set_pending(None)
        self._journaled = None

    def pending(self) -> bool:
        """Whether the box shows typing the report does not have yet (not confirmed, or refused)."""
        return self.line.text() != self._taken

    def finish_editing(self) -> bool:
        """Take what is typed, as Enter would (before a save, an export or closing); False if it is no date."""
        if self.pending():
            self.commit()
        return not self.pending()

    def revert_typing(self) -> bool:
        """Ctrl+Z while typing: the first press takes back only the typing, as in a spreadsheet's cell (it
        also undid the date set before)."""
        if not self.pending():
            return False
        self.line.setText(self._taken)
        self.problem.hide()
        self._forget_typing()  # setText is not typing: the journal would keep the date taken back
        return True

    def opening_date(self) -> dt.date:
        """Where the calendar opens: the date set, else today if it is in the year after the report year
        (when reports are signed), else 1 January of that year."""
        signed = self._edits.report.signed_on
        if signed is not None:
            return signed
        today, due = dt.date.today(), self._edits.report.year + 1
        return today if today.year == due else dt.date(due, 1, 1)

    def open_calendar(self) -> None:
        from PySide6.QtCore import QDate, QLocale
        from PySide6.QtWidgets import QCalendarWidget

        if self._calendar is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setLocale(QLocale())  # the window's language (app.py sets the default locale)
            calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            calendar.setGridVisible(True)
            calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            calendar.activated.connect(self._picked)
            calendar.clicked.connect(self._picked)
            self._calendar = calendar
        calendar = self._calendar
        day = self.opening_date()
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.setCurrentPage(day.year, day.month)
        calendar.adjustSize()
        calendar.move(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, date) -> None:
        self._calendar.hide()  # type: ignore[union-attr]
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        picked = dt.date(date.year(), date.month(), date.day())
        self._edits.set_meta("signed_on", picked)
        self.show_date(picked)


class BasicsTab(TabPage, QScrollArea):
    """基本信息: the agency, where its name breaks, its kind, the year, the date, the preamble, the format."""

    def __init__(self, edits: Edits, parent: QWidget | None = None):
        super().__init__(parent)
        self._edits = edits
        report = edits.report
        fmt = report.format
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        form = self.form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def label(name: str, key: str) -> str:
            return self.tr("{label}：").format(label=words.mnemonic(words.text(fmt.field_label(name)), key))

        self.agency = TitleEdit(report.agency)
        self.agency.setPlaceholderText(self.tr("如：重庆市长寿区长寿湖镇人民政府"))
        self.agency.new_step.connect(edits.begin_typing)
        self.agency.textEdited.connect(lambda text: edits.set_meta("agency", text, typing=True))
        form.addRow(label("agency", "A"), self.agency)

        # 机关全称的回行: a row made when a name first needs more than one title line (most fit one).
        self.agency_lines: ParagraphEdit | None = None
        self.title_preview: QLabel | None = None
        self._lines_box: QWidget | None = None

        self.agency_kind = KindBox()
        for kind in fmt.agency_kinds:
            self.agency_kind.addItem(kind.label, kind.id)
        self.agency_kind.activated.connect(lambda _: edits.set_meta("agency_kind", self.agency_kind.currentData()))
        form.addRow(label("agency_kind", "K"), self.agency_kind)

        self.year = YearBox()
        self.year.setRange(2000, 2099)
        self.year.setSuffix(self.tr(" 年度"))
        self.year.valueChanged.connect(lambda value: self._unless_showing(lambda: edits.set_meta("year", value)))
        form.addRow(label("year", "Y"), self.year)

        self.signed_on = DateField(edits)
        date_label = QLabel(label("signed_on", "D"))
        date_label.setBuddy(self.signed_on.line)  # a buddy must take focus itself: the box does, not its frame
        form.addRow(date_label, self.signed_on)

        self.preamble = ParagraphEdit(lines=6)
        self.preamble.setPlaceholderText(self.tr("报告正文之前的说明：编制依据、报告的组成部分、统计期限等。"))
        self.preamble.clean_paste = clean_paragraphs
        self.preamble.new_step.connect(edits.begin_typing)
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

    def finish_editing(self) -> bool:
        return self.signed_on.finish_editing()

    def refusal(self) -> str:
        if not self.signed_on.pending():
            return ""
        label = words.text(self._edits.report.format.field_label("signed_on"))
        words_ = self.tr("{label}“{typed}”：{problem}")
        return words_.format(label=label, typed=self.signed_on.line.text(), problem=self.signed_on.problem.text())

    def show_report(self, name: str | None = None) -> None:
        """Show the report's fields (only `name` when one changed: a date being typed elsewhere stays)."""
        report = self._edits.report
        self._showing = True
        try:
            if name in (None, "agency"):
                self.agency.show_text(report.agency)
            if name in (None, "agency_lines") and self.agency_lines is not None:
                self.agency_lines.show_text(report.agency_lines)
            if name in (None, "agency_kind"):
                self.agency_kind.setCurrentIndex(self.agency_kind.findData(report.agency_kind))
            if name in (None, "year"):
                self.year.setValue(report.year)
            if name in (None, "signed_on"):
                self.signed_on.show_date(report.signed_on)
            if name == "year":
                self.signed_on.show_example()
            if name in (None, "preamble"):
                self.preamble.show_text(report.preamble)
            if name in (None, "agency", "agency_lines"):
                self._show_title_lines()
        finally:
            self._showing = False

    def _add_lines_row(self) -> None:
        """The 机关全称的回行 row, under the agency's name: where the clerk may break the name into lines."""
        edits = self._edits
        lines = self.agency_lines = ParagraphEdit(lines=2)
        lines.setPlaceholderText(self.tr("机关全称在标题中一行排不下时，可在此按词分行（每行一行）；留空则自动分行。"))
        lines.setMaximumHeight(lines.fontMetrics().lineSpacing() * 3 + 14)
        lines.show_text(edits.report.agency_lines)
        lines.new_step.connect(edits.begin_typing)
        lines.typed.connect(lambda text: edits.set_meta("agency_lines", text, typing=True))
        self.title_preview = QLabel()
        self.title_preview.setWordWrap(True)
        box = self._lines_box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the room left is 开头部分's
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(lines)
        layout.addWidget(self.title_preview)
        label = QLabel(
            self.tr("{label}：").format(
                label=words.mnemonic(words.text(edits.report.format.field_label("agency_lines")), "L")
            )
        )
        label.setBuddy(lines)
        self.form.insertRow(1, label, box)

    def _show_title_lines(self) -> None:
        """The line-break field shows once the name needs more than one title line (or has breaks set)."""
        report = self._edits.report
        lines = title_lines(report.agency, report.agency_lines)
        needed = len(lines) > 1 or bool(report.agency_lines.strip())
        if self._lines_box is None:
            if not needed:
                return
            self._add_lines_row()
        assert self._lines_box is not None and self.title_preview is not None
        self.form.setRowVisible(self._lines_box, needed)
        if not needed:
            return
        own = report.agency_lines.strip()
        if own and "".join(own.split("\n")) != report.agency.strip():
            note = self.tr("分行后的文字与机关全称不一致，导出时将自动分行：")
        else:
            note = self.tr("标题中排为{count}行：").format(count=len(lines))
        self.title_preview.setText(note + self.tr(" ｜ ").join(lines))
