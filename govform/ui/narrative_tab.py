"""A narrative section's tab: its own text, then its sub-heads (numbered （一）（二）… by their place)."""

from __future__ import annotations

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
from govform.ui import look
from govform.ui.text_edits import ParagraphEdit, TitleEdit
from govform.ui.undo import Edits


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(look.bold(label.font()))
    return label


class SubsectionEditor(QFrame):
    """One sub-head: its automatic number, its title and its text, with buttons to move or delete it."""

    def __init__(self, edits: Edits, section: Section, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        sub = edits.report.narratives[section.id].subsections[index]
        count = len(edits.report.narratives[section.id].subsections)
        number = section.subsection_number(index)
        self.number = heading_label(number)
        self.title = TitleEdit(sub.title)
        self.title.setPlaceholderText(self.tr("小标题"))
        self.title.setAccessibleName(self.tr("小标题{number}的标题").format(number=number))
        self.title.focused.connect(edits.begin_typing)
        self.title.textEdited.connect(lambda text: edits.set_subsection(section.id, index, "title", text))
        self.text = ParagraphEdit(lines=4)
        self.text.setAccessibleName(self.tr("小标题{number}的内容").format(number=number))
        self.text.show_text(sub.text)
        self.text.focused.connect(edits.begin_typing)
        self.text.typed.connect(lambda text: edits.set_subsection(section.id, index, "text", text))

        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.title, 1)
        for glyph, tip, action, enabled in (
            ("↑", self.tr("上移"), lambda: edits.move_subsection(section.id, index, index - 1), index > 0),
            ("↓", self.tr("下移"), lambda: edits.move_subsection(section.id, index, index + 1), index < count - 1),
            ("✕", self.tr("删除此小标题"), lambda: edits.remove_subsection(section.id, index), True),
        ):
            button = QToolButton()
            button.setText(glyph)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setEnabled(enabled)
            button.clicked.connect(action)
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text)


class NarrativeTab(QScrollArea):
    """A narrative section: its own text, then its sub-heads.

    Its editors are made by `build()`, which the report's tabs call when the page is first shown or used.
    """

    text: ParagraphEdit
    subsections: list[SubsectionEditor]
    add_button: QPushButton

    def __init__(self, edits: Edits, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self._edits = edits
        self.section = section
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
        self.text.setPlaceholderText(self._placeholder())
        self.text.show_text(edits.report.narratives[section.id].text)
        self.text.focused.connect(edits.begin_typing)
        self.text.typed.connect(lambda text: edits.set_text(section.id, text))
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
        if self.section.subsection_numbering:
            return self.tr("本部分的概述（可不填），各项内容写在下面的小标题中。")
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
        editor = self.subsections[index]
        if select:
            editor.title.setFocus()
            editor.title.selectAll()
        else:
            editor.text.setFocus()
        self.ensureWidgetVisible(editor)

    def _rebuild(self) -> None:
        for editor in self.subsections:
            self._list.removeWidget(editor)
            editor.deleteLater()
        subsections = self._edits.report.narratives[self.section.id].subsections
        self.subsections = [SubsectionEditor(self._edits, self.section, i) for i in range(len(subsections))]
        for editor in self.subsections:
            self._list.addWidget(editor)

    def _on_subsections(self, section_id: str) -> None:
        if section_id == self.section.id:
            self._rebuild()

    def _on_text(self, section_id: str, index: int | None, part: str) -> None:
        if section_id != self.section.id:
            return
        narrative = self._edits.report.narratives[section_id]
        if index is None:
            self.text.show_text(narrative.text)
            return
        editor, sub = self.subsections[index], narrative.subsections[index]
        if part == "title" and editor.title.text() != sub.title:
            editor.title.setText(sub.title)
        elif part == "text":
            editor.text.show_text(sub.text)
