"""Reading a report from a file: the file dialog, the question when last year's report is of another year, and the
import report shown after an import (non-modal, kept while the imported report is open, reopened from 视图 ›
导入说明)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govform.ui import look
from govform.ui.answers import FileChoice
from govform.ui.reading import ImportReport, NoteLine, Reading

if TYPE_CHECKING:
    from pathlib import Path

    from govform.ui.report_tabs import ReportTabs

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1

CHECK_KINDS = frozenset({"guessed", "converted", "blank", "invalid", "missing", "picture", "unmapped"})
"""Kinds of note the clerk should check against the document (marked with the warning triangle)."""


def ask_read_path(parent: QWidget, purpose: Reading, kinds: list[FileChoice], folder: Path | None) -> Path | None:
    """The file to read a report from, beginning in `folder`: every kind together first, then each kind alone."""
    titles = {
        Reading.IMPORT: QApplication.translate("ReadReport", "导入报告"),
        Reading.START_FROM: QApplication.translate("ReadReport", "从上年报告新建：选择上年的报告"),
        Reading.PREVIOUS: QApplication.translate("ReadReport", "指定上年报告：选择与本报告对照的上年报告"),
    }
    patterns = " ".join(f"*{kind.suffix}" for kind in kinds)
    filters = [QApplication.translate("ReadReport", "可以读取的报告 ({patterns})").format(patterns=patterns)]
    filters += [f"{kind.name} (*{kind.suffix})" for kind in kinds]
    from govform.ui import file_dialogs  # with the first file chosen

    return file_dialogs.open_file(parent, titles[purpose], str(folder or ""), ";;".join(filters))


class UsePreviousQuestion(QMessageBox):
    def __init__(self, parent: QWidget, question: str):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("指定上年报告"))
        self.setText(question)
        self.use = self.addButton(self.tr("仍然对照(&U)"), QMessageBox.ButtonRole.AcceptRole)
        cancel = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)


def ask_use_previous(parent: QWidget, question: str) -> bool:
    box = UsePreviousQuestion(parent, question)
    box.exec()
    return box.clickedButton() is box.use


class ImportReportDialog(QDialog):
    """The import report of one imported document, grouped by kind of note; "show me" (double-click, Enter or
    定位) goes to a note's cell or section in the report's tabs. Closes itself when that report is closed."""

    def __init__(self, report: ImportReport, editor: ReportTabs, parent: QWidget | None = None):
        super().__init__(parent)
        self.report = report
        self.editor = editor
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("导入说明：{name}").format(name=report.source))
        to_check = sum(note.kind in CHECK_KINDS for note in report.notes)
        summary = QLabel(
            self.tr("从“{name}”读取的报告尚未保存。导入说明共 {count} 条，其中 {check} 条请对照原文核对。").format(
                name=report.source, count=len(report.notes), check=to_check
            )
        )
        summary.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("说明"), self.tr("相似度")])
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setAccessibleName(self.tr("导入说明"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._fill()
        self.tree.itemActivated.connect(lambda item, _column: self.show_note(item.data(0, NOTE_ROLE)))
        self.tree.currentItemChanged.connect(self._update_buttons)

        buttons = QDialogButtonBox()
        self.show_me = buttons.addButton(self.tr("定位(&S)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.show_me.setToolTip(self.tr("在报告中显示这条说明所说的格或部分"))
        self.show_me.clicked.connect(lambda: self.show_note(self._current_note()))
        copy = buttons.addButton(self.tr("复制全部(&C)"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_all)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        self._update_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("信") * 56, metrics.lineSpacing() * 28)
        editor.destroyed.connect(self.close)

    @classmethod
    def show_for(cls, report: ImportReport, editor: ReportTabs, parent: QWidget) -> ImportReportDialog:
        """The import report of `editor`'s document, shown (raised if it is open already)."""
        for dialog in parent.findChildren(cls):
            if dialog.editor is editor and dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = cls(report, editor, parent)
        dialog.show()
        return dialog

    def _fill(self) -> None:
        kinds = list(self.report.kinds) + sorted({n.kind for n in self.report.notes} - set(self.report.kinds))
        information = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        first: QTreeWidgetItem | None = None
        for kind in kinds:
            notes = [note for note in self.report.notes if note.kind == kind]
            if not notes:
                continue
            group = QTreeWidgetItem(
                self.tree, [self.tr("{kind}（{count}）").format(kind=self._kind(kind), count=len(notes))]
            )
            group.setIcon(0, look.severity_icon("warning") if kind in CHECK_KINDS else information)
            group.setFirstColumnSpanned(True)
            group.setFont(0, look.bold(self.tree.font()))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for note in notes:
                similarity = f"{note.similarity:.0%}" if note.similarity is not None else ""
                item = QTreeWidgetItem(group, [note.text, similarity])
                item.setData(0, NOTE_ROLE, note)
                item.setToolTip(0, note.text)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                first = first or item
            group.setExpanded(True)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _kind(self, kind: str) -> str:
        names = {
            "format": self.tr("报告格式"),
            "read": self.tr("读取的内容"),
            "matched": self.tr("按相似的标签对应"),
            "guessed": self.tr("推断的信息，请核对"),
            "converted": self.tr("换算或去掉单位的数字"),
            "blank": self.tr("空白或填“/”“—”“无”的格"),
            "invalid": self.tr("不是有效数字的格"),
            "missing": self.tr("没有找到的内容"),
            "picture": self.tr("以图片插入的表格"),
            "unmapped": self.tr("未导入的内容"),
            "skipped": self.tr("未作为正文的文字"),
        }
        return names.get(kind, self.tr("其他说明"))

    def _current_note(self) -> NoteLine | None:
        item = self.tree.currentItem()
        return item.data(0, NOTE_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        note = self._current_note()
        self.show_me.setEnabled(note is not None and bool(note.cells or note.section or note.field))

    def show_note(self, note: NoteLine | None) -> None:
        """Show the first cell a note names in its table's tab, else its section's tab, else its field."""
        if note is None or not (note.cells or note.section or note.field):
            return
        if note.field is not None and not (note.cells or note.section):
            from govform.ui.undo import Place

            self.editor.show_place(Place(field=note.field))
            return
        self.editor.reveal_place(note.cells[0] if note.cells else None, note.section)

    def text(self) -> str:
        """The import report as plain text, kind by kind."""
        lines = [self.windowTitle()]
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            lines.append(group.text(0))
            for child in range(group.childCount()):
                lines.append("  " + group.child(child).text(0))
        return "\n".join(lines)

    def copy_all(self) -> None:
        QApplication.clipboard().setText(self.text())
