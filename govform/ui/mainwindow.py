"""The main window: menus, the report's tabs, the problems panel and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QKeyCombination, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from govform.domain.format import Format
from govform.domain.messages import Message
from govform.domain.report import CellRef
from govform.domain.rules import Finding
from govform.ui import look, words
from govform.ui.controller import Controller, Job
from govform.ui.document import Document
from govform.ui.problems_model import ProblemsModel
from govform.ui.problems_panel import ProblemsPanel
from govform.ui.recovery import Orphan
from govform.ui.report_tabs import ReportTabs
from govform.ui.settings import (
    AUTOSAVE,
    EXPORT_FONTS,
    FONT_PRESETS,
    LANGUAGE,
    SIGNATURE_INDENT,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)

if TYPE_CHECKING:  # event types are made when the first such event arrives
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from govform.domain.fixes import Fix
    from govform.ui.answers import FileChoice, NewReport, Unsaved
    from govform.ui.jobs import Running
    from govform.ui.last_year import PreviousYearNote
    from govform.ui.project_lock import LockAnswer
    from govform.ui.reading import ImportReport, Reading

# QMessageBox, QFileDialog and govform.ui.dialogs are imported where they are used, a start-up trick
# (govform/startup.py lists every trick with what it saves).

DEFAULT_SIZE = (1240, 740)  # inside a 1280×800 screen with its task bar
FRAME_ROOM = (16, 56)  # what a window manager's title bar and borders take around the window, and a little more
PROBLEM_LINES = 10  # the 问题 panel's first height, in lines of text: its title, its filter and four entries; the
# editor keeps most of the window


class MainWindow(QMainWindow):
    """The view of the controller: lays out, binds models and forwards the clerk's intents."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.controller: Controller | None = None
        self.editor: ReportTabs | None = None
        self.job: Running | None = None
        self._before_problems: QWidget | None = None
        self._window_keys: dict[QKeyCombination, QAction] | None = None  # made when first needed (window_key)
        self._boxes_own: tuple[QAction, ...] = ()
        self.setWindowIcon(look.app_icon())
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self.undo_group.cleanChanged.connect(self._on_clean_changed)

        self.problems = ProblemsPanel(self)
        self.problems_dock = QDockWidget(self.tr("问题"), self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)

        # The tabs of the open report go into a page that stays: replacing the main window's central widget
        # would let the dock take the room the editor had.
        self.page = QWidget()
        self._page_layout = QVBoxLayout(self.page)
        self._page_layout.setContentsMargins(0, 0, 0, 0)
        self._page_layout.setSpacing(0)
        self.setCentralWidget(self.page)
        self.banner: QWidget | None = None

        focus = QApplication.instance()
        if isinstance(focus, QApplication):
            focus.focusChanged.connect(self._on_focus)

        self.previous_note: PreviousYearNote | None = None
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("错误和警告的数目"))
        self.statusBar().addPermanentWidget(self.counts)
        self.resize(self._first_size())
        geometry, state = settings.get(WINDOW_GEOMETRY), settings.get(WINDOW_STATE)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        if not (state and self.restoreState(QByteArray(state))):
            self.resizeDocks([self.problems_dock], [self._problem_height()], Qt.Orientation.Vertical)

    def _first_size(self) -> QSize:
        """DEFAULT_SIZE, or the screen's free area less a frame where that is smaller (1024×768, or 1366×768
        less a task bar): a window larger than the screen starts with its buttons and status bar off it."""
        free = self.screen().availableGeometry()
        width, height = DEFAULT_SIZE
        return QSize(min(width, free.width() - FRAME_ROOM[0]), min(height, free.height() - FRAME_ROOM[1]))

    def _problem_height(self) -> int:
        return self.fontMetrics().lineSpacing() * PROBLEM_LINES

    def bind(self, controller: Controller) -> None:
        """Attach the controller: the menus call its methods."""
        self.controller = controller
        self._build_menus(controller)

    # -- menus -----------------------------------------------------------------------------------

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], *keys: str | QKeySequence.StandardKey
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        sequences = []
        for key in keys:
            standard = isinstance(key, QKeySequence.StandardKey)
            sequences += QKeySequence.keyBindings(key) if standard else [QKeySequence(key)]  # type: ignore[arg-type]
        if sequences:
            action.setShortcuts(sequences)
        return action

    def _build_menus(self, controller: Controller) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("文件(&F)"))
        self._action(file, self.tr("新建(&N)…"), controller.new, QKeySequence.StandardKey.New)
        self._action(file, self.tr("从上年报告新建(&L)…"), controller.new_from_last_year)
        self._action(file, self.tr("打开(&O)…"), controller.open, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu(self.tr("最近打开的文件(&R)"))
        file.addSeparator()
        self._action(file, self.tr("导入 Word 报告(&I)…"), controller.import_document)
        self._action(file, self.tr("导入表格数据到当前报告(&T)…"), controller.import_tables)
        file.addSeparator()
        self._action(file, self.tr("保存(&S)"), controller.save, QKeySequence.StandardKey.Save)
        self._action(file, self.tr("另存为(&A)…"), controller.save_as, "Ctrl+Shift+S")
        file.addSeparator()
        # The 导出 menu lists the registry's kinds of file; it is filled when first opened (the registry loads
        # with it), and Ctrl+E is the window's from the start.
        exports = file.addMenu(self.tr("导出(&E)"))
        self.export_first = QAction(self)
        self.export_first.setShortcut(QKeySequence("Ctrl+E"))
        self.export_first.triggered.connect(lambda _=False: controller.export_first())
        self.addAction(self.export_first)
        exports.aboutToShow.connect(lambda: self._fill_exports(exports, controller))
        file.addSeparator()
        self._action(file, self.tr("退出(&X)"), self.close, "Ctrl+Q")

        edit = bar.addMenu(self.tr("编辑(&E)"))
        undo = self._action(edit, self.tr("撤销"), lambda: self.history("undo"), QKeySequence.StandardKey.Undo)
        redo = self._action(edit, self.tr("重做"), lambda: self.history("redo"), "Ctrl+Y", "Ctrl+Shift+Z")
        self.history_actions = {"undo": undo, "redo": redo}
        self.undo_group.canUndoChanged.connect(undo.setEnabled)
        self.undo_group.canRedoChanged.connect(redo.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda text: undo.setText(self._history_text("undo", text)))
        self.undo_group.redoTextChanged.connect(lambda text: redo.setText(self._history_text("redo", text)))
        undo.setEnabled(False)
        redo.setEnabled(False)
        edit.addSeparator()
        copy = self._action(edit, self.tr("复制(&C)"), lambda: self._to_focus("copy"), QKeySequence.StandardKey.Copy)
        paste = self._action(edit, self.tr("粘贴(&P)"), lambda: self._to_focus("paste"), QKeySequence.StandardKey.Paste)
        edit.addSeparator()
        self._action(edit, self.tr("全部表格未发生的事项填0(&0)"), self.fill_all_blanks)

        view = bar.addMenu(self.tr("视图(&V)"))
        self._action(view, self.tr("转到问题列表(&G)"), self.toggle_problems_focus, "F8")
        toggle = self.problems_dock.toggleViewAction()
        toggle.setText(self.tr("显示问题列表(&P)"))
        view.addAction(toggle)
        view.addSeparator()
        self._action(view, self.tr("下一个标签页(&N)"), lambda: self._step_tab(1), "Ctrl+Tab", "Ctrl+PgDown")
        self._action(view, self.tr("上一个标签页(&B)"), lambda: self._step_tab(-1),
                     "Ctrl+Shift+Tab", "Ctrl+Shift+Backtab", "Ctrl+PgUp")  # fmt: skip
        self._action(view, self.tr("菜单栏(&M)"), self.open_menu_bar, "F10")

        import_report = self._action(view, self.tr("导入说明(&I)"), controller.show_import_report)
        view.aboutToShow.connect(lambda: import_report.setEnabled(controller.import_report is not None))

        tools = bar.addMenu(self.tr("工具(&T)"))
        self._action(tools, self.tr("批量检查文件夹(&B)…"), controller.batch_check)
        tools.addSeparator()
        self._action(tools, self.tr("指定上年报告(&P)…"), controller.choose_previous)
        clear = self._action(tools, self.tr("不再对照上年报告(&C)"), controller.clear_previous)
        tools.aboutToShow.connect(
            lambda: clear.setEnabled(
                controller.document is not None and controller.document.report.previous is not None
            )
        )

        options = bar.addMenu(self.tr("设置(&S)"))
        options.aboutToShow.connect(lambda: self._fill_options(options))  # filled when first opened

        about = bar.addMenu(self.tr("帮助(&H)"))
        self._action(about, self.tr("使用说明(&G)"), self._guide, QKeySequence.StandardKey.HelpContents)
        self._action(about, self.tr("关于(&A)"), self._about)
        self._boxes_own = (undo, redo, copy, paste)  # keys a text box keeps (see window_key)

    def window_key(self, key: QKeyCombination) -> QAction | None:
        """The window's action for `key`, for the text boxes that take a key of the window's for themselves
        (text_edits.to_window); the editing keys stay the boxes' own. Looked up when a box first asks."""
        if self._window_keys is None:
            own = set(self._boxes_own)
            self._window_keys = {
                sequence[0]: action
                for action in self.findChildren(QAction)
                if action not in own
                for sequence in action.shortcuts()
                if sequence.count() == 1
            }
        return self._window_keys.get(key)

    def _fill_options(self, options: QMenu) -> None:
        if options.actions():
            return
        language = options.addMenu(self.tr("界面语言(&L)"))
        languages = QActionGroup(self)
        for code, name in (("zh_CN", "中文"), ("en", "English")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(self.settings.get(LANGUAGE) == code)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            languages.addAction(action)
        fonts = options.addMenu(self.tr("导出字体(&F)"))
        group = QActionGroup(self)
        for preset, label in FONT_PRESETS.items():
            action = fonts.addAction(self.tr("正文用{font}").format(font=label))
            action.setCheckable(True)
            action.setChecked(self.settings.get(EXPORT_FONTS) == preset)
            action.triggered.connect(lambda _=False, p=preset: self.settings.set(EXPORT_FONTS, p))
            group.addAction(action)
        self._action(options, self.tr("落款右空(&I)…"), self._choose_signature_indent)
        autosave = options.addAction(self.tr("自动保存以便崩溃后恢复(&A)"))
        autosave.setCheckable(True)
        autosave.setChecked(self.settings.get(AUTOSAVE))
        autosave.toggled.connect(lambda on: self.settings.set(AUTOSAVE, on))

    def _fill_exports(self, menu: QMenu, controller: Controller) -> None:
        if menu.actions():
            return
        for number, kind in enumerate(controller.export_kinds()):
            text = self.tr("{kind}(&{key})…").format(kind=kind.name, key=number + 1)
            if number == 0:
                self.export_first.setText(text)
                menu.addAction(self.export_first)
            else:
                self._action(menu, text, partial(controller.export, kind.suffix))

    def _history_text(self, step: str, text: str) -> str:
        if step == "undo":
            return self.tr("撤销 {what}").format(what=text) if text else self.tr("撤销")
        return self.tr("重做 {what}").format(what=text) if text else self.tr("重做")

    def history(self, step: str) -> None:
        """撤销/重做 for grids and text alike, then show the tab and the cell or paragraph it changed."""
        stack = self.undo_group.activeStack()
        if stack is None or self.editor is None:
            return
        if step == "undo" and stack.canUndo():
            command = stack.command(stack.index() - 1)
            stack.undo()
            place = getattr(command, "undo_place", None) or getattr(command, "place", None)
        elif step == "redo" and stack.canRedo():
            command = stack.command(stack.index())
            stack.redo()
            place = getattr(command, "place", None)
        else:
            return
        done = self.tr("已撤销：{what}") if step == "undo" else self.tr("已重做：{what}")
        self.show_status(done.format(what=command.text()))  # not what the step itself had said
        self.editor.edits.begin_typing()  # what is typed next is a step of its own
        if place is not None:
            self.editor.show_place(place)

    def _to_focus(self, intent: str) -> None:
        """复制/粘贴 from the menu go to whichever editor has the focus."""
        from govform.ui.grid_view import GridView

        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, GridView) and not hasattr(widget, intent):
            widget = widget.parentWidget()
        if widget is not None:
            getattr(widget, intent)()

    def _on_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        if self.editor is not None and new is not None and self.isAncestorOf(new):
            self.editor.remember_focus(new)

    def _step_tab(self, step: int) -> None:
        if self.editor is not None:
            self.editor.step_tab(step)

    def open_menu_bar(self) -> None:
        """F10: open the first menu; the arrows go on from there (as F10 does in WPS and on GNOME)."""
        actions = self.menuBar().actions()
        if actions:
            self.menuBar().setActiveAction(actions[0])

    def toggle_problems_focus(self) -> None:
        """F8: show the 问题 list and put the keyboard in it; from the list, back to where the clerk was."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.problems or self.problems.isAncestorOf(focus)):
            self.leave_problems()
            return
        self._before_problems = focus
        self.problems_dock.show()
        self.problems_dock.raise_()
        view = self.problems.view
        if not view.currentIndex().isValid() and view.model() is not None and view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))
        view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def leave_problems(self) -> None:
        """Esc in the 问题 list: back to the widget the clerk left for it (else the current tab's editor)."""
        from shiboken6 import isValid

        before, self._before_problems = self._before_problems, None
        if before is not None and isValid(before) and before.isVisible() and before is not self.problems.view:
            before.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.editor is not None:
            self.editor.focus_page()

    def _choose_language(self, code: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.settings.get(LANGUAGE) == code:
            return
        self.settings.set(LANGUAGE, code)
        QMessageBox.information(
            self,
            words.app_name(),
            self.tr("界面语言将在下次启动本程序时改为“{language}”。").format(
                language="中文" if code == "zh_CN" else "English"
            ),
        )

    def _choose_signature_indent(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getInt(
            self,
            self.tr("落款右空"),
            self.tr("导出时落款（发文机关署名和成文日期）右空几个字？\nGB/T 9704 的要求是右空二字（2）。"),
            self.settings.get(SIGNATURE_INDENT),
            0,
            14,
        )
        if ok:
            self.settings.set(SIGNATURE_INDENT, value)

    def _guide(self) -> None:
        from govform.ui import dialogs

        report = self.editor.document.report if self.editor else None
        places = self.controller.places() if self.controller else {}
        dialogs.show_guide(self, report, places)

    def _about(self) -> None:
        from govform.ui import dialogs

        reference = self.editor.document.report.format.reference if self.editor else ""
        dialogs.show_about(self, reference)

    # -- the problems panel's intents ----------------------------------------------------------------

    def reveal(self, finding: Finding) -> None:
        if self.editor is not None:
            self.editor.reveal(finding)

    def apply_fix(self, fix: Fix) -> None:
        if self.editor is None:
            return
        report = self.editor.document.report
        table = report.format.tables[fix.cell.table]
        label = self.tr("{cell}改为{value}").format(cell=table.cell_label(fix.cell.row, fix.cell.column),
                                                   value=fix.value)  # fmt: skip
        self.editor.edits.set_cells(fix.cell.table, {fix.cell.cell: fix.value}, label)
        self.editor.show_place(self._place(fix.cell))

    def restore_total(self, cell: CellRef) -> None:
        if self.editor is None:
            return
        table = self.editor.document.report.format.tables[cell.table]
        label = self.tr("{cell}恢复自动计算").format(cell=table.cell_label(cell.row, cell.column))
        self.editor.edits.set_cells(cell.table, {cell.cell: None}, label)
        self.editor.show_place(self._place(cell))

    @staticmethod
    def _place(cell: CellRef):
        from govform.ui.undo import Place

        return Place(table=cell.table, cells=(cell.cell,))

    def fill_blanks(self, tables: list[str]) -> None:
        if self.editor is None:
            return
        fmt = self.editor.document.report.format
        label = self.tr("{tables}未发生的事项填0").format(tables="、".join(fmt.tables[t].short for t in tables))
        filled = self.editor.edits.fill_blanks(tables, label)
        self.show_status(self.tr("已把 {count} 个空白格子填为0（可以撤销）。").format(count=filled))

    def fill_all_blanks(self) -> None:
        if self.editor is not None:
            self.fill_blanks(list(self.editor.document.report.tables))

    def problems_filter_changed(self) -> None:
        self._on_tab()

    def explain(self, finding: Finding) -> None:
        """说明…: the clerk's explanation of a warning that is true as it stands, kept with the project."""
        from govform.ui import dialogs

        if self.editor is None:
            return
        from govform.domain.rules import explanation

        report = self.editor.document.report
        text = dialogs.ask_explanation(self, finding, explanation(report, finding) or "")
        if text is not None:
            self.editor.edits.explain(finding, text)
        self.problems.view.setFocus(Qt.FocusReason.OtherFocusReason)  # its button went with the entry it explained

    # -- the controller's view -------------------------------------------------------------------

    def show_document(self, document: Document) -> None:
        if self.editor is not None:
            self.undo_group.removeStack(self.editor.document.stack)
            self._page_layout.removeWidget(self.editor)
            self.editor.hide()  # now, so that its focus is gone before the new report's editor takes it,
            self.editor.setParent(None)  # and out of the window, so that its shortcuts (Alt+D…) are too
            self.editor.deleteLater()
        self.update_title(document)  # before the stack: its clean state sets the title's unsaved mark
        self.editor = ReportTabs(document)
        self.editor.refused.connect(self.notify)
        self.editor.accepted.connect(self._clear_refusal)
        self.editor.announced.connect(self.show_status)
        self.editor.currentChanged.connect(self._on_tab)
        self._show_banner(document)
        self._page_layout.addWidget(self.editor, 1)
        if self.isVisible():
            self.editor.show()  # now, not after the next paint: its shortcuts (Alt+D…) work at once
        self.undo_group.addStack(document.stack)
        self.undo_group.setActiveStack(document.stack)
        model = ProblemsModel(self.editor.checker, self.editor)
        self.problems.setModel(model)
        if self.previous_note is not None:
            self.statusBar().removeWidget(self.previous_note)
            self.previous_note.deleteLater()
            self.previous_note = None
        document.signals.metaChanged.connect(self._note_previous)
        self._note_previous("previous")
        self.editor.checker.findingsChanged.connect(self._update_counts)
        self._update_counts()
        self._on_tab()
        self.editor.focus_page()  # also before the window shows: it is where the keyboard starts

    def _show_banner(self, document: Document) -> None:
        if self.banner is not None:
            self._page_layout.removeWidget(self.banner)
            self.banner.hide()  # now: deleteLater waits for the event loop
            self.banner.deleteLater()
            self.banner = None
        if self.controller is not None and self.controller.is_sample(document):
            self.banner = self._sample_banner(self.controller)
            self._page_layout.insertWidget(0, self.banner)
            self.banner.show()

    def _sample_banner(self, controller: Controller) -> QWidget:
        """Over the sample: what it is, and the ways to the clerk's own report. (A plain frame coloured by
        its palette, tool buttons: a style sheet, or the window's first push button, costs the first paint
        2–3 ms.)"""
        from PySide6.QtGui import QColor, QPalette
        from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton

        banner = QFrame()
        banner.setObjectName("sampleBanner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        palette = banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#fff8e1"))
        banner.setPalette(palette)
        banner.setAutoFillBackground(True)
        text = QLabel(self.tr("这是未保存的示例（长寿湖镇2024年的年报），可以随意试用，不会改动示例文件。"))
        text.setToolTip(text.text())
        text.setWordWrap(True)  # in two lines when the window is narrow (English is longer): it never widens it
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(text, 1)
        for label, action in (
            (self.tr("新建我的报告…"), controller.new),
            (self.tr("从上年报告开始…"), controller.new_from_last_year),
            (self.tr("打开…"), controller.open),
        ):
            button = QToolButton()
            button.setText(label)
            button.clicked.connect(lambda _=False, act=action: act())
            row.addWidget(button)
        return banner

    def _on_tab(self) -> None:
        model = self.problems.model()
        if model is None or self.editor is None:
            return
        model.show_only((self.editor.current_section(),) if self.problems.only_current_tab() else None)

    def _note_previous(self, name: str) -> None:
        """Last year's report in the status bar, from the first time the open report has one."""
        document = self.editor.document if self.editor is not None else None
        if name != "previous" or self.previous_note is not None or document is None or document.report.previous is None:
            return
        from govform.ui.last_year import PreviousYearNote

        self.previous_note = PreviousYearNote(document)
        self.statusBar().insertPermanentWidget(0, self.previous_note)

    def finish_editing(self) -> bool:
        """What is being typed, into the report (see ReportTabs.finish_editing); when some of it is refused,
        say so before the save, export or closing that asked does nothing (the box keeps the typing)."""
        if self.editor is None or self.editor.finish_editing():
            return True
        problem = self.editor.refusal()
        self.show_error(self.tr("{problem}\n改正或清空之后才能继续。").format(problem=problem))
        return False

    def update_title(self, document: Document | None = None) -> None:
        document = document or (self.editor.document if self.editor else None)
        if document is None:
            return
        read_only = f" [{words.text(Message('lock.read_only'))}]" if document.read_only else ""
        untitled = document.path is None and not document.sample  # a name suggested for saving, no file yet
        unsaved = f" [{words.text(Message('title.unsaved'))}]" if untitled else "[*]"  # [*]: a * once changed
        self.setWindowTitle(f"{document.name}{read_only}{unsaved} - {words.app_name()}")
        if not untitled:
            self.setWindowModified(document.modified)
        if self.banner is not None and not document.sample:
            self._show_banner(document)

    def _on_clean_changed(self, clean: bool) -> None:
        if "[*]" in self.windowTitle():
            self.setWindowModified(not clean)

    def _update_counts(self) -> None:
        assert self.editor is not None
        missing, errors, warnings, explained = self.editor.checker.tally()
        parts = [self.tr("错误 {errors}").format(errors=errors), self.tr("警告 {warnings}").format(warnings=warnings)]
        if missing:
            parts.insert(0, self.tr("未填 {missing}").format(missing=missing))
        if explained:
            parts.append(self.tr("已说明 {explained}").format(explained=explained))
        self.counts.setText(" · ".join(parts))

    def ask_open_path(self, folder: Path, kinds: list[FileChoice]) -> Path | None:
        from govform.ui import file_dialogs

        title = self.tr("打开") if len(kinds) != 1 else words.spaced(self.tr("打开{kind}").format(kind=kinds[0].name))
        return file_dialogs.open_file(self, title, str(folder), self._filter(kinds))

    def ask_save_path(self, suggested: Path) -> Path | None:
        from govform.ui import file_dialogs

        assert self.controller is not None
        kind = self.controller.project_kind()
        return file_dialogs.save_file(self, self.tr("保存项目"), str(suggested), self._filter([kind]))

    def ask_export_path(self, suggested: Path, kind: FileChoice, title: str | None = None) -> Path | None:
        from govform.ui import file_dialogs

        title = title or words.spaced(self.tr("导出为{kind}").format(kind=kind.name))
        return file_dialogs.save_file(self, title, str(suggested), self._filter([kind]))

    def ask_folder(self, title: str, folder: Path) -> Path | None:
        from govform.ui import file_dialogs

        return file_dialogs.folder(self, title, str(folder))

    def _filter(self, kinds: list[FileChoice]) -> str:
        filters = [f"{kind.name} (*{kind.suffix})" for kind in kinds]
        if len(kinds) > 1:
            every = " ".join(f"*{kind.suffix}" for kind in kinds)
            filters.insert(0, self.tr("可以打开的文件 ({patterns})").format(patterns=every))
        return ";;".join(filters)

    def ask_read_path(self, purpose: Reading, kinds: list[FileChoice], folder: Path | None) -> Path | None:
        from govform.ui import import_report

        return import_report.ask_read_path(self, purpose, kinds, folder)

    def show_import_report(self, report: ImportReport) -> None:
        from govform.ui.import_report import ImportReportDialog

        editor = self.editor
        if editor is not None and self.isVisible():
            ImportReportDialog.show_for(report, editor, self)
        elif editor is not None:  # at start-up: once the window is shown, or the window would cover it
            QTimer.singleShot(
                0, self, lambda: editor is self.editor and ImportReportDialog.show_for(report, editor, self)
            )

    def ask_lock(self, held: str, offer: str, can_take_over: bool) -> LockAnswer:
        from govform.ui import lock_dialog

        return lock_dialog.ask_lock(self, held, offer, can_take_over)

    def ask_use_previous(self, question: str) -> bool:
        from govform.ui import import_report

        return import_report.ask_use_previous(self, question)

    def ask_new_report(self, formats: list[Format]) -> NewReport | None:
        from govform.ui import dialogs

        dialog = dialogs.NewReportDialog(formats, self)
        return dialog.answer() if dialog.exec() == dialogs.QDialog.DialogCode.Accepted else None

    def ask_unsaved(self, name: str) -> Unsaved:
        from govform.ui import dialogs

        return dialogs.ask_unsaved(self, name)

    def ask_restore(self, orphan: Orphan) -> bool:
        from govform.ui import dialogs

        return dialogs.ask_restore(self, orphan)

    def ask_export_with_errors(self, errors: int, missing: int) -> bool:
        from govform.ui import dialogs

        return dialogs.ask_export_with_errors(self, errors, missing)

    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, words.app_name(), message)

    def notify(self, message: str) -> None:
        """A refusal the clerk should read without being stopped: status bar plus a non-blocking box."""
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 10_000)
        self._refusal = message
        box = QMessageBox(QMessageBox.Icon.Warning, words.app_name(), message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _clear_refusal(self) -> None:
        """A paste went in: a refusal still in the status bar is about an earlier one."""
        if self.statusBar().currentMessage() == getattr(self, "_refusal", None):
            self.statusBar().clearMessage()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def show_notes(self, title: str, lines: list[str]) -> None:
        from govform.ui import dialogs

        dialogs.show_notes(self, title, lines)

    def offer_file(self, message: str, path: Path) -> None:
        from govform.ui import dialogs

        dialogs.offer_file(self, message, path)

    def run_job(self, job: Job) -> None:
        from govform.ui.jobs import Running

        self.job = Running(self, job)

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        self.recent_menu.setToolTipsVisible(True)  # the whole path on hovering
        names = [Path(path).name for path in paths]
        for number, path in enumerate(paths, 1):
            name = Path(path).name
            if names.count(name) > 1:  # two projects of one name: which folder each is in
                name = f"{name}  ({Path(path).parent})"
            action = self.recent_menu.addAction(f"&{number} {name.replace('&', '&&')}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.controller and self.controller.open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    # -- window events ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is not None and not self.controller.close():
            event.ignore()
            return
        if self.job is not None and self.job.is_running():
            self.job.wait(60)
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(WINDOW_STATE, bytes(self.saveState().data()))
        event.accept()

    def _dropped_path(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            return Path(urls[0].toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        path = self._dropped_path(event)
        if path is not None and self.controller is not None and self.controller.accepts_drop(path):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is not None and self.controller is not None:
            event.acceptProposedAction()
            self.controller.drop(path)
