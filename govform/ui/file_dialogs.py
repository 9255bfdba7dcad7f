"""Choosing a file or a folder: Qt's dialog, the system's where the platform has one (Windows), sized to the
window. Qt's static getOpenFileName and the like opened its own dialog at about 600×440 on Linux desktops,
where the name, size and date columns were cut off ("纯…档", "26 11 2…6")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

SHARE = 0.75  # of the window's width and height
SMALLEST = (760, 480)


def open_file(parent: QWidget, title: str, start: str, filters: str) -> Path | None:
    """An existing file to read (None when the clerk cancels)."""
    dialog = _dialog(parent, title, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _chosen(dialog)


def save_file(parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
    """Where to write a file, `suggested` offered; replacing a file that exists is asked first."""
    dialog = _dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _chosen(dialog)


def folder(parent: QWidget, title: str, start: str) -> Path | None:
    dialog = _dialog(parent, title, start, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _chosen(dialog)


def _dialog(parent: QWidget, title: str, start: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, start, filters)
    window = parent.window()
    free = window.screen().availableGeometry()
    width = min(free.width(), max(SMALLEST[0], int(window.width() * SHARE)))
    height = min(free.height(), max(SMALLEST[1], int(window.height() * SHARE)))
    dialog.resize(width, height)
    files = dialog.findChild(QTreeView, "treeView")  # Qt's own dialog's list (a system dialog has none)
    if files is not None:
        header = files.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
    return dialog


def _chosen(dialog: QFileDialog) -> Path | None:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return None
        files = dialog.selectedFiles()
        return Path(files[0]) if files else None
    finally:
        dialog.deleteLater()
