"""Dialogs: a new report's particulars, unsaved changes, restoring after a crash."""

from __future__ import annotations

import datetime as dt

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
    """新建: the agency's full name, the report year and the agency's kind."""

    def __init__(self, fmt: Format, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建年度报告"))
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("如：重庆市长寿区长寿湖镇人民政府"))
        self.year = QSpinBox()
        self.year.setRange(fmt.first_year, 2099)
        self.year.setValue(max(fmt.first_year, dt.date.today().year - 1))  # reports are written early next year
        self.kind = QComboBox()
        for kind in fmt.agency_kinds:
            self.kind.addItem(kind.label, kind.id)
        form = QFormLayout(self)
        form.addRow(self.tr("机关全称(&A)："), self.agency)
        form.addRow(self.tr("报告年度(&Y)："), self.year)
        form.addRow(self.tr("机关类型(&K)："), self.kind)
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

    def answer(self) -> NewReport:
        return NewReport(self.agency.text().strip(), self.year.value(), self.kind.currentData())


def ask_unsaved(parent: QWidget, name: str) -> Unsaved:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("尚未保存"))
    box.setText(parent.tr("“{name}”有尚未保存的修改。是否保存？").format(name=name))
    save = box.addButton(parent.tr("保存(&S)"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(parent.tr("不保存(&N)"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(parent.tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return Unsaved.SAVE
    return Unsaved.DISCARD if clicked is discard else Unsaved.CANCEL


def ask_restore(parent: QWidget, orphan: Orphan) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("恢复未保存的内容"))
    box.setText(
        parent.tr("上次程序没有正常退出。{time} 自动保存了“{name}”未保存的修改，是否恢复？").format(
            time=f"{orphan.saved_at:%Y-%m-%d %H:%M:%S}", name=orphan.name
        )
    )
    box.setInformativeText(parent.tr("选择“不恢复”将丢弃这些修改。"))
    restore = box.addButton(parent.tr("恢复(&R)"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(parent.tr("不恢复"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_export_with_errors(parent: QWidget, errors: int) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("报告中还有错误"))
    box.setText(parent.tr("报告中还有 {errors} 个错误（见“问题”面板），导出的文件只能作为草稿。").format(errors=errors))
    box.setInformativeText(parent.tr("仍要导出吗？"))
    draft = box.addButton(parent.tr("导出草稿(&D)"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(parent.tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is draft
