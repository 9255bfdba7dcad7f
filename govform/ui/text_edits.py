"""The text editors every tab uses: a paragraph box and a one-line box that announce what the clerk types
(not what the program sets), say when a new undo step begins, and leave undo and redo to the project; and
the keyboard's part of a tab's page (`TabPage`).

Qt's text widgets keep an undo history of their own, which would compete with the project's one stack: an
undo inside the box would become a new edit of the project, and the project's redo would never see it. These
boxes keep no history; Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z (and their context menu entries) go to the window's
撤销/重做, so grids and text share one history. The window's own keys that a box takes for itself on some
systems (Ctrl+E, end of line on X11) go to the window too. (The keys are caught as key presses, not by overriding
`event()`: an override there would run Python for every event of every box, paint and layout included.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QKeyCombination, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QHideEvent, QKeyEvent
    from PySide6.QtWidgets import QMenu

_CTRL, _SHIFT, _ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
_REDO_KEYS = (QKeyCombination(_CTRL, Qt.Key.Key_Y), QKeyCombination(_CTRL | _SHIFT, Qt.Key.Key_Z))


def history_key(event: QKeyEvent) -> str | None:
    """ "undo" or "redo" for the keys that mean so on any platform (Ctrl+Y and Ctrl+Shift+Z both redo)."""
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() in _REDO_KEYS:
        return "redo"
    return None


def to_history(box: QWidget, event: QKeyEvent) -> bool:
    """If `event` is an undo or redo key, do it with the window's 撤销/重做 (the project's stack)."""
    step = history_key(event)
    if step is None:
        return False
    action = getattr(box.window(), "history_actions", {}).get(step)
    if action is not None and action.isEnabled():
        action.trigger()
    return True


def to_window(box: QWidget, event: QKeyEvent) -> bool:
    """If `event` is one of the window's own keys, do the window's action. A key press reaches a box only when
    the box took the key for itself: on X11 Qt's text boxes take Ctrl+E (end of line), so 导出 Word never saw it."""
    lookup = getattr(box.window(), "window_key", None)
    action = lookup(event.keyCombination()) if lookup is not None else None
    if action is None:
        return False
    if action.isEnabled():
        action.trigger()
    return True


def alt_letter(event: QKeyEvent) -> bool:
    """Alt with a letter or figure that no label of the page answers (Alt+D on a tab without 成文日期): a key
    for the menus or labels, never text. Qt's text boxes on X11 typed the letter into the report."""
    modifiers = event.modifiers()
    return bool(modifiers & _ALT) and not modifiers & _CTRL and event.text().isprintable() and event.text() != ""


def _use_history(menu: QMenu, box: QWidget) -> None:
    """Put the window's 撤销/重做 (the project's history) in place of a standard context menu's own."""
    ours = getattr(box.window(), "history_actions", {})
    for action in menu.actions():
        step = {"edit-undo": "undo", "edit-redo": "redo"}.get(action.objectName())
        if step is None:
            continue
        if step in ours:
            menu.insertAction(action, ours[step])
        menu.removeAction(action)


class ParagraphEdit(QPlainTextEdit):
    """Plain text, one paragraph per line; announces what the clerk types, not what the program sets.

    A new undo step begins when the box gains focus, at a new paragraph and around a paste. Text pasted or
    dropped in loses the indents it brought (`clean_paste`, set by the tab: the export indents paragraphs);
    `split_paste`, when the tab sets it, may take the text elsewhere first (a section pasted with its sub-head
    headings): given the text and the selection's start and end, it says whether it did."""

    typed = Signal(str)
    new_step = Signal()

    def __init__(self, parent: QWidget | None = None, *, lines: int = 5):
        super().__init__(parent)
        self._setting = False
        self.clean_paste: Callable[[str, bool], str] | None = None
        self.split_paste: Callable[[str, int, int], bool] | None = None
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.textChanged.connect(self._on_changed)

    def show_text(self, text: str) -> None:
        """Show `text` (after an undo or a load) without announcing it as typing; the cursor goes to the end
        of what changed."""
        old = self.toPlainText()
        if old == text:
            return
        end = _change_end(old, text)
        self._setting = True
        try:
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(end)
            self.setTextCursor(cursor)
        finally:
            self._setting = False

    def _on_changed(self) -> None:
        if not self._setting:
            self.typed.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if to_history(self, event) or to_window(self, event):
            return
        if alt_letter(event):
            event.ignore()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.new_step.emit()
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText() or self.clean_paste is None:
            super().insertFromMimeData(source)
            return
        cursor = self.textCursor()
        start = cursor.selectionStart()  # where the pasted text will begin
        self.new_step.emit()
        if self.split_paste is not None:
            shown = self.toPlainText()
            if self.split_paste(source.text(), _index(shown, start), _index(shown, cursor.selectionEnd())):
                self.new_step.emit()
                return
        at_line_start = self.document().findBlock(start).position() == start
        self.insertPlainText(self.clean_paste(source.text(), at_line_start))
        self.new_step.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        _use_history(menu, self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.new_step.emit()
        super().focusInEvent(event)


class TitleEdit(QLineEdit):
    """A one-line field that says when it gains focus (a new visit is a new undo step) and leaves undo and
    redo to the project; text pasted in goes through `clean_paste` (a sub-head title loses its number).
    `split_paste`, when the tab sets it, may take a paste of several lines elsewhere first (a section pasted
    with its sub-head headings): given the text, it says whether it did."""

    new_step = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.clean_paste: Callable[[str, bool], str] | None = None
        self.split_paste: Callable[[str], bool] | None = None
        self.popup: Callable[[], None] | None = None  # what Alt+↓ opens (a date's calendar)
        self.revert_typing: Callable[[], bool] | None = None  # Ctrl+Z's first step where typing is not yet taken

    def show_text(self, text: str) -> None:
        """Show `text` set by the program (an undo, a load), the cursor at the end of what changed."""
        old = self.text()
        if old != text:
            self.setText(text)
            self.setCursorPosition(_change_end(old, text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.revert_typing is not None and history_key(event) == "undo" and self.revert_typing():
            return
        if to_history(self, event) or to_window(self, event):
            return
        if alt_letter(event):
            event.ignore()
            return
        if self.popup is not None and event.key() == Qt.Key.Key_Down and event.modifiers() & _ALT:
            self.popup()
            return
        if self.clean_paste is not None and event.matches(QKeySequence.StandardKey.Paste):
            self.paste_cleaned()
            return
        super().keyPressEvent(event)

    def paste_cleaned(self) -> None:
        """Paste the clipboard's first line, cleaned, as one undo step of its own; several lines go to
        `split_paste` first (the rest would be dropped unseen)."""
        pasted = QGuiApplication.clipboard().text()
        lines = pasted.replace("\r", "\n").split("\n")
        if self.split_paste is not None and len([line for line in lines if line.strip()]) > 1:
            self.new_step.emit()
            if self.split_paste(pasted):
                self.new_step.emit()
                return
        text = lines[0]
        if self.clean_paste is not None:
            at_start = self.cursorPosition() == 0 or self.selectedText() == self.text()
            text = self.clean_paste(text, at_start)
        self.new_step.emit()
        self.insert(text)
        self.new_step.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        _use_history(menu, self)
        if self.clean_paste is not None:
            for action in menu.actions():
                if action.objectName() == "edit-paste":
                    action.triggered.disconnect()
                    action.triggered.connect(lambda _=False: self.paste_cleaned())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.new_step.emit()
        super().focusInEvent(event)


class TabPage:
    """A mixin for the pages of the report's tabs: a page hidden for another (a key, a click or the wheel on the
    tabs, a finding or an undo shown) drops the keyboard focus, which Qt then gives the page shown next. Qt would
    pass it first to the next widget of the window, as when any focused widget hides: the 问题 list, which took
    that as a cue to choose its first entry and show its proposals (the panel grew, the editor shrank)."""

    def finish_editing(self) -> bool:
        """Put what is being typed and not yet taken (a cell's editor, a date) into the report, as WPS and
        Word do before they save or close; False when the page refused it and says why where it was typed."""
        return True

    def refusal(self) -> str:
        """What the page says is wrong with the typing finish_editing refused, in a line (empty: nothing)."""
        return ""

    def hideEvent(self, event: QHideEvent) -> None:
        page: QWidget = self  # type: ignore[assignment]  # mixed into QWidget subclasses
        if page.isHidden():  # hidden itself, not with the window
            focus = QApplication.focusWidget()
            if focus is not None and page.isAncestorOf(focus):
                focus.clearFocus()
        super().hideEvent(event)  # type: ignore[misc]


def _index(text: str, position: int) -> int:
    """The index into `text` of a cursor position, which Qt counts in UTF-16 units (a character beyond the
    Basic Multilingual Plane, such as a rare 汉字 of Extension B, counts two)."""
    return len(text.encode("utf-16-le")[: 2 * position].decode("utf-16-le", errors="ignore"))


def _change_end(old: str, new: str) -> int:
    """Where in `new` the change from `old` ends: the cursor's place after an undo or a redo."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    suffix = 0
    while suffix < limit - start and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return len(new) - suffix
