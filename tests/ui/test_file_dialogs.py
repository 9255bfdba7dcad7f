"""The file dialogs: Qt's own on Linux, sized to the window (the static functions opened them at about
600×440, with the columns cut off), giving back the path chosen, or None."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from govform.ui import file_dialogs


def _answer(seen: dict, choose=None) -> None:
    """When the dialog shows: note its size, then choose `choose` (a path) or cancel."""

    def answer() -> None:
        [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible()]
        seen["size"] = (dialog.width(), dialog.height())
        if choose is None:
            dialog.reject()
        else:
            dialog.selectFile(str(choose))
            dialog.accept()

    QTimer.singleShot(0, answer)


def test_a_save_dialog_is_as_large_as_the_window_allows_and_gives_the_name_chosen(window, tmp_path):
    seen: dict = {}
    _answer(seen, tmp_path / "某某镇年报.govform")
    chosen = file_dialogs.save_file(window, "保存项目", str(tmp_path / "未命名.govform"), "年报项目 (*.govform)")
    assert chosen == tmp_path / "某某镇年报.govform"
    free = window.screen().availableGeometry()
    assert seen["size"] >= (min(760, free.width()), min(480, free.height()))


def test_cancelling_gives_nothing(window, tmp_path):
    (tmp_path / "甲.docx").write_bytes(b"PK")
    _answer({})
    assert file_dialogs.open_file(window, "打开", str(tmp_path), "Word 文档 (*.docx)") is None
    _answer({})
    assert file_dialogs.folder(window, "选择文件夹", str(tmp_path)) is None
