"""The text editors every tab uses: a paragraph box and a one-line title box that announce what the clerk
types (not what the program sets) and when they gain focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent


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
    """A one-line field that says when it gains focus (a new visit is a new undo step)."""

    focused = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit()
        super().focusInEvent(event)
