"""A narrative section's tab: its own text, then its sub-heads (numbered （一）（二）… by their place)."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govform.domain.format import Section
from govform.domain.text import clean_paragraphs, clean_title
from govform.ui import look, words
from govform.ui.text_edits import ParagraphEdit, TabPage, TitleEdit
from govform.ui.undo import Edits

# Word's keys for moving a paragraph up and down; removing a sub-head has its own (it can be undone).
MOVE_UP, MOVE_DOWN, REMOVE = "Alt+Shift+Up", "Alt+Shift+Down", "Alt+Shift+Delete"


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(look.bold(label.font()))
    return label


class SubsectionEditor(QFrame):
    """One sub-head: its automatic number, its title and its text. Tab goes from the title to its text; the
    ↑ ↓ ✕ buttons are for the mouse, Alt+Shift+↑/↓/Delete for the keyboard."""

    def __init__(
        self,
        edits: Edits,
        section: Section,
        index: int,
        move: Callable[[int, int], None],
        remove: Callable[[int], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.index = index
        sub = edits.report.narratives[section.id].subsections[index]
        count = len(edits.report.narratives[section.id].subsections)
        number = section.subsection_number(index)
        self.number = heading_label(number)
        self.title = TitleEdit(sub.title)
        self.title.setPlaceholderText(self.tr("小标题"))
        self.title.setAccessibleName(self.tr("小标题{number}的标题").format(number=number))
        self.title.clean_paste = clean_title
        self.title.new_step.connect(edits.begin_typing)
        self.title.textEdited.connect(lambda text: edits.set_subsection(section.id, index, "title", text))
        self.text = ParagraphEdit(lines=4)
        self.text.setAccessibleName(self.tr("小标题{number}的内容").format(number=number))
        self.text.show_text(sub.text)
        self.text.clean_paste = clean_paragraphs
        self.text.new_step.connect(edits.begin_typing)
        self.text.typed.connect(lambda text: edits.set_subsection(section.id, index, "text", text))
        self.title.returnPressed.connect(self.text.setFocus)

        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.title, 1)
        for glyph, tip, keys, action, enabled in (
            ("↑", self.tr("上移"), MOVE_UP, lambda: move(index, index - 1), index > 0),
            ("↓", self.tr("下移"), MOVE_DOWN, lambda: move(index, index + 1), index < count - 1),
            ("✕", self.tr("删除此小标题"), REMOVE, lambda: remove(index), True),
        ):
            shortcut = QKeySequence(keys)
            command = QAction(tip, self)
            command.setShortcut(shortcut)
            command.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            command.setEnabled(enabled)
            command.triggered.connect(action)
            self.addAction(command)
            button = QToolButton()
            button.setDefaultAction(command)
            button.setText(glyph)
            text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(self.tr("{action}（{keys}）").format(action=tip, keys=text))
            button.setAccessibleName(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the title to the text, never to a button
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)


class NarrativeTab(TabPage, QScrollArea):
    """A narrative section: its own text, then its sub-heads.

    Its editors are made by `build()`, which the report's tabs call when the page is first shown or used.
    """

    text: ParagraphEdit
    subsections: list[SubsectionEditor]
    add_button: QPushButton

    def __init__(self, edits: Edits, section: Section, announce: SignalInstance, parent: QWidget | None = None):
        super().__init__(parent)
        self._edits = edits
        self.section = section
        self._announce = announce  # what an edit did, for the status bar
        self.built = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def build(self) -> None:
        """Make the editors (once) from the report as it is now, and follow its changes from then on."""
        if self.built:
            return
        self.built = True
        edits, section = self._edits, self.section
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(heading_label(section.heading))
        self.text = ParagraphEdit(lines=6 if section.subsection_numbering else 14)
        self.text.setAccessibleName(section.heading)
        self.text.show_text(edits.report.narratives[section.id].text)
        self.text.clean_paste = clean_paragraphs
        self.text.new_step.connect(edits.begin_typing)
        self.text.typed.connect(lambda text: edits.set_text(section.id, text))
        if section.subsection_numbering:
            self.text.split_paste = functools.partial(self._paste_subheads, None)
        layout.addWidget(self.text)
        self.subsections = []
        self._list = QVBoxLayout()
        layout.addLayout(self._list)
        if section.subsection_numbering:
            self.add_button = QPushButton(self.tr("添加小标题(&N)"))
            self.add_button.setMenu(self._add_menu())
            row = QHBoxLayout()
            row.addWidget(self.add_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(1)
        self._rebuild()
        self.setWidget(inner)
        inner.show()  # a widget set on a scroll area already on screen stays hidden until shown
        signals = edits.document.signals
        signals.textChanged.connect(self._on_text)
        signals.subsectionsChanged.connect(self._on_subsections)

    def _placeholder(self) -> str:
        """What to write here: a required part without sub-heads must have text; with sub-heads, its own
        text is an optional overview."""
        has_subsections = bool(self._edits.report.narratives[self.section.id].subsections)
        if has_subsections:
            return self.tr("本部分的概述（可不填），各项内容写在下面的小标题中。")
        if self.section.required:
            if self.section.subsection_numbering:
                return self.tr("在此填写本部分的内容（必填），每段一行；也可以用下面的按钮分小标题来写。")
            return self.tr("在此填写本部分的内容（必填），每段一行。")
        return self.tr("在此填写本部分的内容，每段一行。")

    def _add_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.aboutToShow.connect(lambda: self._fill_add_menu(menu))
        return menu

    def _fill_add_menu(self, menu: QMenu) -> None:
        menu.clear()
        present = {s.title for s in self._edits.report.narratives[self.section.id].subsections}
        for title in (*self.section.subsections, *self.section.optional_subsections):
            if title not in present:
                menu.addAction(title, lambda t=title: self._add(t, select=False))
        if not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(self.tr("自拟小标题"), lambda: self._add(self.tr("新小标题"), select=True))

    def _add(self, title: str, *, select: bool) -> None:
        index = self._edits.add_subsection(self.section.id, title)
        self.show_subsection(index, "title", select=select)

    def show_subsection(self, index: int, part: str = "title", *, select: bool = False) -> None:
        """Put the cursor in a sub-head's title (at its end, or all selected) or text, and scroll it into
        view once the layout has placed it."""
        if not 0 <= index < len(self.subsections):
            self.text.setFocus()
            return
        editor = self.subsections[index]
        target = editor.title if part == "title" else editor.text
        target.setFocus()
        if select and target is editor.title:
            editor.title.selectAll()
        QTimer.singleShot(0, lambda: self._scroll_to(editor))

    def _scroll_to(self, editor: SubsectionEditor) -> None:
        from shiboken6 import isValid

        if isValid(editor):
            self.ensureWidgetVisible(editor, 0, 0)

    def _rebuild(self) -> None:
        for editor in self.subsections:
            self._list.removeWidget(editor)
            editor.hide()  # at once: its shortcuts would clash with those of the editor that replaces it
            editor.deleteLater()
        subsections = self._edits.report.narratives[self.section.id].subsections
        self.subsections = [
            SubsectionEditor(self._edits, self.section, i, self._move, self._remove) for i in range(len(subsections))
        ]
        for index, editor in enumerate(self.subsections):
            editor.text.split_paste = functools.partial(self._paste_subheads, index)
            editor.title.split_paste = functools.partial(self._paste_subheads_from_title, index)
            self._list.addWidget(editor)
            if self.isVisible():
                editor.show()  # now, not after the next paint: the cursor may be put into it at once
        self._tab_order()
        self.text.setPlaceholderText(self._placeholder())

    def _tab_order(self) -> None:
        """Tab goes down the page: the part's text, each sub-head's title then text, the 添加小标题 button
        (sub-heads made later would otherwise come after the button)."""
        chain: list[QWidget] = [self.text]
        for editor in self.subsections:
            chain += [editor.title, editor.text]
        if self.section.subsection_numbering:
            chain.append(self.add_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_subsections(self, section_id: str) -> None:
        if section_id == self.section.id:
            self._rebuild()

    def _focused_part(self, index: int) -> str:
        return "text" if self.subsections[index].text.hasFocus() else "title"

    def _move(self, source: int, target: int) -> None:
        """Move a sub-head (a button or Alt+Shift+↑/↓); the cursor goes with it."""
        part = self._focused_part(source)
        self._edits.move_subsection(self.section.id, source, target)
        self.show_subsection(target, part)

    def _remove(self, index: int) -> None:
        """Remove a sub-head (undoable); the cursor goes to the one now in its place, or the one before."""
        self._edits.remove_subsection(self.section.id, index)
        left = len(self.subsections)
        if left:
            self.show_subsection(min(index, left - 1), "title")
        else:
            self.text.setFocus()

    def _paste_subheads(self, box: int | None, text: str, start: int, end: int) -> bool:
        """Last year's section pasted at once, its sub-head headings with it, into a box of this section (`box`:
        None for its own text, else a sub-head's): each heading's text goes to its sub-head. False when the
        text holds no heading of the section's sub-heads: the box pastes it as it is."""
        if not self._split_paste(box, text, start, end):
            return False
        if box is None:
            self.text.setFocus()
        else:
            self.show_subsection(box, "text")  # its editor was made anew when the paste added a sub-head
        return True

    def _paste_subheads_from_title(self, box: int, text: str) -> bool:
        """Last year's section pasted into a sub-head's title (which takes one line: the rest of the section
        would be lost): as if pasted at the end of the section's own text, the cursor staying in the title."""
        end = len(self._edits.report.narratives[self.section.id].text)
        if not self._split_paste(None, text, end, end):
            return False
        self.show_subsection(box, "title")  # its editor was made anew when the paste added a sub-head
        return True

    def _split_paste(self, box: int | None, text: str, start: int, end: int) -> bool:
        """Split `text` among the sub-heads as one undo step and say so in the status bar; False when it holds
        no heading of theirs."""
        message = self._edits.paste_subheads(self.section.id, box, text, start, end)
        if message is not None:
            self._announce.emit(words.text(message))
        return message is not None

    def _on_text(self, section_id: str, index: int | None, part: str) -> None:
        if section_id != self.section.id:
            return
        narrative = self._edits.report.narratives[section_id]
        if index is None:
            self.text.show_text(narrative.text)
            return
        editor, sub = self.subsections[index], narrative.subsections[index]
        if part == "title":
            editor.title.show_text(sub.title)
        else:
            editor.text.show_text(sub.text)
