"""Beside the 问题 list: the selected finding in full, and what the report proposes to do about it, each a
button the clerk may click (nothing changes without the click): 「改为6」 for a sum or a column that does not
add up, 「恢复自动计算」 for a total that was typed, 「填0」 for blank cells, 「说明…」 for a warning that is true
as it stands. Made when the clerk first selects a finding."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from govform.domain.fixes import fixes
from govform.domain.report import Report
from govform.domain.rules import Finding, is_missing
from govform.ui import words
from govform.ui.problems_model import EXPLANATION_ROLE, FINDING_ROLE, FINDINGS_ROLE

if TYPE_CHECKING:
    from govform.ui.problems_panel import Handler

MAX_FIXES = 4  # a column that does not balance may have more candidates; the likeliest come first
COLUMNS = 2  # buttons side by side, so a few fit the panel's height


class Details(QFrame):
    """The selected entry's words (scrolling when long) over its buttons."""

    def __init__(self, handler: Handler, parent: QWidget | None = None):
        super().__init__(parent)
        self._handler = handler
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidget(self.text)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._grid = QGridLayout()
        self._buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._grid)

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def _clear(self) -> None:
        for button in self._buttons:
            self._grid.removeWidget(button)
            button.hide()  # at once: deleteLater waits for the event loop, and the button covered the new words
            button.deleteLater()
        self._buttons = []

    def _button(self, text: str, action: Callable[[], None]) -> None:
        button = QPushButton(text)
        button.setToolTip(text)
        button.clicked.connect(lambda _=False: action())
        count = len(self._buttons)
        self._grid.addWidget(button, count // COLUMNS, count % COLUMNS)
        self._buttons.append(button)

    def show_entry(self, report: Report | None, index: QModelIndex) -> None:
        self._clear()
        findings: list[Finding] = (index.data(FINDINGS_ROLE) or []) if index.isValid() else []
        if report is None or not findings:
            self.text.setText(self.tr("选中一个问题，这里显示它的详情和改正的办法。"))
            return
        finding = index.data(FINDING_ROLE)
        if finding is None:
            self._show_group(report, findings)
        else:
            self._show_finding(report, finding, index.data(EXPLANATION_ROLE))

    def _show_group(self, report: Report, findings: list[Finding]) -> None:
        first = findings[0]
        self.text.setText(self.tr("共 {count} 处，展开可逐一查看。第一处：{message}").format(
            count=len(findings), message=words.text(first.message)))  # fmt: skip
        tables = sorted({ref.table for f in findings if is_missing(f) for ref in f.cells})
        if tables:
            shorts = "、".join(report.format.tables[t].short for t in tables)
            self._button(self.tr("{tables}未发生的事项填0").format(tables=shorts),
                         lambda: self._handler.fill_blanks(tables))  # fmt: skip
            self._button(self.tr("全部表格未发生的事项填0"), lambda: self._handler.fill_blanks(list(report.tables)))
        self._button(self.tr("转到第一处"), lambda: self._handler.reveal(first))

    def _show_finding(self, report: Report, finding: Finding, explanation: str | None) -> None:
        lines = [words.text(finding.message)]
        ref = finding.primary
        data = report.tables[ref.table] if ref is not None else None
        manual = ref is not None and data is not None and data.is_manual(ref.cell)
        if manual:
            lines.append(self.tr("这个总计是手动填写的，不会随各项自动计算。"))
        found = fixes(report, finding)[:MAX_FIXES]
        lines += [words.text(fix.message) for fix in found]
        if explanation:
            lines.append(self.tr("说明：{text}").format(text=explanation))
        self.text.setText("\n".join(lines))
        for fix in found:
            self._button(self.tr("改为{value}").format(value=fix.value) if len(found) == 1 else
                         self.tr("{cell}改为{value}").format(cell=_short_label(report, fix.cell), value=fix.value),
                         lambda f=fix: self._handler.apply_fix(f))  # fmt: skip
        if manual and ref is not None:
            self._button(self.tr("恢复自动计算"), lambda: self._handler.restore_total(ref))
        if is_missing(finding) and finding.cells:
            tables = sorted({r.table for r in finding.cells})
            self._button(self.tr("本表未发生的事项填0"), lambda: self._handler.fill_blanks(tables))
        if not finding.is_error:
            text = self.tr("修改说明…") if explanation else self.tr("说明…")
            self._button(text, lambda: self._handler.explain(finding))
        self._button(self.tr("转到"), lambda: self._handler.reveal(finding))


def _short_label(report: Report, ref) -> str:
    """A cell as a button names it: its row and column, without the table."""
    table = report.format.tables[ref.table]
    return f"{table.row(ref.row).display}/{table.column(ref.row, ref.column).display}"
