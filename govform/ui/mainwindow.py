"""The main window: menus, the report's tabs, the problems panel and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QWidget

from govform import APP_DISPLAY_NAME
from govform.domain.format import Format
from govform.domain.messages import Message
from govform.ui import look, words
from govform.ui.controller import Controller, FileChoice, NewReport, Unsaved
from govform.ui.document import Document
from govform.ui.problems_model import ProblemsModel
from govform.ui.problems_panel import ProblemsView
from govform.ui.recovery import Orphan
from govform.ui.report_tabs import ReportTabs
from govform.ui.settings import AUTOSAVE, EXPORT_FONTS, FONT_PRESETS, WINDOW_GEOMETRY, Settings

if TYPE_CHECKING:  # event types are made when the first such event arrives
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from govform.ui.last_year import PreviousYearNote
    from govform.ui.project_lock import LockAnswer
    from govform.ui.reading import ImportReport, Reading

# QMessageBox, QFileDialog and govform.ui.dialogs are imported where they are used, a start-up trick
# (~2 ms; govform/startup.py lists every trick with what it saves).

DEFAULT_SIZE = (1240, 740)  # inside a 1280×800 screen with its task bar


class MainWindow(QMainWindow):
    """The view of the controller: lays out, binds models and forwards the clerk's intents."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.controller: Controller | None = None
        self.editor: ReportTabs | None = None
        self.setWindowIcon(look.app_icon())
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self.undo_group.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))

        self.problems = ProblemsView()
        self.problems.reveal.connect(lambda finding: self.editor and self.editor.reveal(finding))
        self.problems_dock = QDockWidget(self.tr("问题"), self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [self.fontMetrics().lineSpacing() * 8], Qt.Orientation.Vertical)

        self.previous_note: PreviousYearNote | None = None
        self.counts = QLabel()
        self.counts.setAccessibleName(self.tr("错误和警告的数目"))
        self.statusBar().addPermanentWidget(self.counts)
        self.resize(*DEFAULT_SIZE)
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))

    def bind(self, controller: Controller) -> None:
        """Attach the controller: the menus call its methods."""
        self.controller = controller
        self._build_menus(controller)

    # -- menus -----------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot: Callable[[], object], shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self, controller: Controller) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("文件(&F)"))
        self._action(file, self.tr("新建(&N)…"), controller.new, QKeySequence.StandardKey.New)
        self._action(file, self.tr("打开(&O)…"), controller.open, QKeySequence.StandardKey.Open)
        self.recent_menu = file.addMenu(self.tr("最近打开的文件(&R)"))
        self._action(file, self.tr("导入 Word 报告(&I)…"), controller.import_document)
        self._action(file, self.tr("从上年报告新建(&L)…"), controller.new_from_last_year)
        file.addSeparator()
        self._action(file, self.tr("保存(&S)"), controller.save, QKeySequence.StandardKey.Save)
        self._action(file, self.tr("另存为(&A)…"), controller.save_as, QKeySequence("Ctrl+Shift+S"))
        file.addSeparator()
        for number, kind in enumerate(controller.export_kinds()):
            text = self.tr("导出为{kind}(&{key})…").format(kind=kind.name, key=number + 1)
            self._action(file, text, partial(controller.export, kind.suffix), "Ctrl+E" if number == 0 else None)
        file.addSeparator()
        self._action(file, self.tr("退出(&X)"), self.close, QKeySequence("Ctrl+Q"))

        edit = bar.addMenu(self.tr("编辑(&E)"))
        undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(edit, self.tr("复制(&C)"), lambda: self._to_focus("copy"), QKeySequence.StandardKey.Copy)
        self._action(edit, self.tr("粘贴(&P)"), lambda: self._to_focus("paste"), QKeySequence.StandardKey.Paste)

        view = bar.addMenu(self.tr("视图(&V)"))
        toggle = self.problems_dock.toggleViewAction()
        toggle.setText(self.tr("问题列表(&P)"))
        toggle.setShortcut(QKeySequence("F8"))
        view.addAction(toggle)
        import_report = self._action(view, self.tr("导入说明(&I)"), controller.show_import_report)
        view.aboutToShow.connect(lambda: import_report.setEnabled(controller.import_report is not None))

        tools = bar.addMenu(self.tr("工具(&T)"))
        self._action(tools, self.tr("指定上年报告(&P)…"), controller.choose_previous)
        clear = self._action(tools, self.tr("不再对照上年报告(&C)"), controller.clear_previous)
        tools.aboutToShow.connect(
            lambda: clear.setEnabled(
                controller.document is not None and controller.document.report.previous is not None
            )
        )

        options = bar.addMenu(self.tr("设置(&S)"))
        fonts = options.addMenu(self.tr("导出字体(&F)"))
        group = QActionGroup(self)
        for preset, label in FONT_PRESETS.items():
            action = fonts.addAction(self.tr("正文用{font}").format(font=label))
            action.setCheckable(True)
            action.setChecked(self.settings.get(EXPORT_FONTS) == preset)
            action.triggered.connect(lambda _=False, p=preset: self.settings.set(EXPORT_FONTS, p))
            group.addAction(action)
        autosave = options.addAction(self.tr("自动保存以便崩溃后恢复(&A)"))
        autosave.setCheckable(True)
        autosave.setChecked(self.settings.get(AUTOSAVE))
        autosave.toggled.connect(lambda on: self.settings.set(AUTOSAVE, on))

        about = bar.addMenu(self.tr("帮助(&H)"))
        self._action(about, self.tr("关于(&A)"), self._about)

    def _to_focus(self, intent: str) -> None:
        """复制/粘贴 from the menu go to whichever editor has the focus."""
        from govform.ui.grid_view import GridView

        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, GridView) and not hasattr(widget, intent):
            widget = widget.parentWidget()
        if widget is not None:
            getattr(widget, intent)()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        reference = self.editor.document.report.format.reference if self.editor else ""
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("{name}\n按{reference}格式编写、核对和导出政府信息公开工作年度报告。").format(
                name=APP_DISPLAY_NAME, reference=reference
            ),
        )

    # -- the controller's view -------------------------------------------------------------------

    def show_document(self, document: Document) -> None:
        if self.editor is not None:
            self.undo_group.removeStack(self.editor.document.stack)
            self.editor.deleteLater()
        self.editor = ReportTabs(document, self)
        if self.isVisible():  # shown before it is laid out: as an empty centre, the problems panel would take its place
            self.editor.show()
        self.editor.refused.connect(self.notify)
        self.setCentralWidget(self.editor)
        self.undo_group.addStack(document.stack)
        self.undo_group.setActiveStack(document.stack)
        self.problems.setModel(ProblemsModel(self.editor.checker, self.editor))
        if self.previous_note is not None:
            self.statusBar().removeWidget(self.previous_note)
            self.previous_note.deleteLater()
            self.previous_note = None
        document.signals.metaChanged.connect(self._note_previous)
        self._note_previous("previous")
        self.editor.checker.findingsChanged.connect(self._update_counts)
        self._update_counts()
        self.update_title()

    def _note_previous(self, name: str) -> None:
        """Last year's report in the status bar, from the first time the open report has one."""
        document = self.editor.document if self.editor is not None else None
        if name != "previous" or self.previous_note is not None or document is None or document.report.previous is None:
            return
        from govform.ui.last_year import PreviousYearNote

        self.previous_note = PreviousYearNote(document)
        self.statusBar().insertPermanentWidget(0, self.previous_note)

    def update_title(self) -> None:
        if self.editor is None:
            return
        document = self.editor.document
        read_only = f" [{words.text(Message('lock.read_only'))}]" if document.read_only else ""
        self.setWindowTitle(f"{document.name}{read_only}[*] - {APP_DISPLAY_NAME}")
        self.setWindowModified(document.modified)

    def _update_counts(self) -> None:
        assert self.editor is not None
        errors, warnings = self.editor.checker.counts()
        self.counts.setText(self.tr("错误 {errors} · 警告 {warnings}").format(errors=errors, warnings=warnings))

    def ask_open_path(self) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("打开项目"), "", self._filter())
        return Path(name) if name else None

    def ask_save_path(self, suggested: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存项目"), suggested, self._filter())
        return Path(name) if name else None

    def ask_export_path(self, suggested: str, kind: FileChoice) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        title = self.tr("导出为{kind}").format(kind=kind.name)
        pattern = f"{kind.name} (*{kind.suffix})"
        name, _ = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return Path(name) if name else None

    def _filter(self) -> str:
        suffix = self.controller.project_suffix() if self.controller else ""
        return self.tr("年报项目 (*{suffix})").format(suffix=suffix)

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

    def ask_export_with_errors(self, errors: int) -> bool:
        from govform.ui import dialogs

        return dialogs.ask_export_with_errors(self, errors)

    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, APP_DISPLAY_NAME, message)

    def notify(self, message: str) -> None:
        """A refusal the clerk should read without being stopped: status bar plus a non-blocking box."""
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(paths, 1):
            action = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.controller and self.controller.open_recent(p))
        self.recent_menu.setEnabled(bool(paths))

    # -- window events ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is not None and not self.controller.close():
            event.ignore()
            return
        self.settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
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
