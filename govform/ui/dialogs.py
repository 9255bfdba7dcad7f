"""Dialogs: a new report's particulars, unsaved changes, restoring after a crash, exporting with errors.

Each question is a QMessageBox subclass, so its strings are translated under its own class name (lupdate
files `self.tr()` by class); the `ask_…` functions show one and return the answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from govform.domain.format import Format
from govform.ui.controller import NewReport, Unsaved
from govform.ui.recovery import Orphan


class NewReportDialog(QDialog):
    """新建: the agency's full name, the report year, the agency's kind and, when govform knows more than one,
    the report format (newest first)."""

    def __init__(self, formats: Sequence[Format], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建年度报告"))
        self._formats = list(formats)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("如：重庆市长寿区长寿湖镇人民政府"))
        self.year = QSpinBox()
        self.kind = QComboBox()
        self.format = QComboBox()
        for fmt in self._formats:
            self.format.addItem(fmt.name, fmt.id)
        self.format.currentIndexChanged.connect(self._use_format)
        form = QFormLayout(self)
        form.addRow(self.tr("机关全称(&A)："), self.agency)
        form.addRow(self.tr("报告年度(&Y)："), self.year)
        form.addRow(self.tr("机关类型(&K)："), self.kind)
        if len(self._formats) > 1:
            form.addRow(self.tr("报告格式(&F)："), self.format)
        self._use_format(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("新建"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setEnabled(False)
        self.agency.textChanged.connect(lambda text: self._ok.setEnabled(bool(text.strip())))
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("信") * 32)

    def _use_format(self, index: int) -> None:
        fmt = self._formats[index]
        self.year.setRange(fmt.first_year, fmt.last_year or 2099)
        self.year.setValue(max(fmt.first_year, min(dt.date.today().year - 1, self.year.maximum())))
        self.kind.clear()
        for kind in fmt.agency_kinds:
            self.kind.addItem(kind.label, kind.id)
        self.kind.setCurrentIndex(self.kind.findData(fmt.default_agency_kind))

    def answer(self) -> NewReport:
        return NewReport(
            self.agency.text().strip(), self.year.value(), self.kind.currentData(), self.format.currentData()
        )


class UnsavedQuestion(QMessageBox):
    def __init__(self, parent: QWidget, name: str):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("尚未保存"))
        self.setText(self.tr("“{name}”有尚未保存的修改。是否保存？").format(name=name))
        self.save = self.addButton(self.tr("保存(&S)"), QMessageBox.ButtonRole.AcceptRole)
        self.discard = self.addButton(self.tr("不保存(&N)"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.save)
        self.setEscapeButton(cancel)


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    box = UnsavedQuestion(parent, name)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.save:
        return Unsaved.SAVE
    return Unsaved.DISCARD if clicked is box.discard else Unsaved.CANCEL


class RestoreQuestion(QMessageBox):
    def __init__(self, parent: QWidget, orphan: Orphan):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("恢复未保存的内容"))
        self.setText(
            self.tr("上次程序没有正常退出。{time} 自动保存了“{name}”未保存的修改，是否恢复？").format(
                time=f"{orphan.saved_at:%Y-%m-%d %H:%M:%S}", name=orphan.name
            )
        )
        self.setInformativeText(self.tr("选择“不恢复”将丢弃这些修改。"))
        self.restore = self.addButton(self.tr("恢复(&R)"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.tr("不恢复"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore)


def ask_restore(parent: QWidget, orphan: Orphan) -> bool:
    box = RestoreQuestion(parent, orphan)
    box.exec()
    return box.clickedButton() is box.restore


class ExportWithErrorsQuestion(QMessageBox):
    def __init__(self, parent: QWidget, errors: int):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("报告中还有错误"))
        self.setText(
            self.tr("报告中还有 {errors} 个错误（见“问题”面板），导出的文件只能作为草稿。").format(errors=errors)
        )
        self.setInformativeText(self.tr("仍要导出吗？"))
        self.draft = self.addButton(self.tr("导出草稿(&D)"), QMessageBox.ButtonRole.AcceptRole)
        cancel = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)


def ask_export_with_errors(parent: QWidget, errors: int) -> bool:
    box = ExportWithErrorsQuestion(parent, errors)
    box.exec()
    return box.clickedButton() is box.draft
