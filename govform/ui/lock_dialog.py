"""The question when the project is open in another window: read-only, take over (only when the other window is
on another computer, whose lock cannot be checked from here) or cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from govform.ui.project_lock import LockAnswer


class LockQuestion(QMessageBox):
    def __init__(self, parent: QWidget, held: str, offer: str, can_take_over: bool):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("项目已在别处打开"))
        self.setText(held)
        informative = offer
        if can_take_over:
            informative += "\n\n" + self.tr(
                "如果那台电脑已经关机或程序已经退出（例如死机后留下的标记），可以选择“接管”，在这里正常编辑和保存。"
                "那边若仍在编辑，双方的保存会互相覆盖。"
            )
        self.setInformativeText(informative)
        self.read_only = self.addButton(self.tr("以只读方式打开(&R)"), QMessageBox.ButtonRole.AcceptRole)
        self.take_over = (
            self.addButton(self.tr("接管(&T)"), QMessageBox.ButtonRole.DestructiveRole) if can_take_over else None
        )
        cancel = self.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.read_only)
        self.setEscapeButton(cancel)


def ask_lock(parent: QWidget, held: str, offer: str, can_take_over: bool) -> LockAnswer:
    box = LockQuestion(parent, held, offer, can_take_over)
    box.exec()
    clicked = box.clickedButton()
    if clicked is box.read_only:
        return LockAnswer.READ_ONLY
    if box.take_over is not None and clicked is box.take_over:
        return LockAnswer.TAKE_OVER
    return LockAnswer.CANCEL
