"""What happens when the clerk opens, creates, saves, exports or closes: decisions, not widgets.

The controller talks to its view only through the small `View` protocol, so tests drive it with a fake.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from govform.domain.format import DEFAULT_FORMAT, Format, FormatError, format_names, load_format
from govform.domain.messages import Message
from govform.domain.report import Report
from govform.domain.rules import validate
from govform.io import registry
from govform.io.export_fonts import FONT_PRESETS
from govform.io.project import SUFFIX, ProjectError, load_project, save_project
from govform.ui import words
from govform.ui.document import Document
from govform.ui.recovery import Autosaver, Journal, Orphan
from govform.ui.settings import EXPORT_FONTS, LAST_PROJECT, RECENT_FILES, Settings
from govform.ui.undo import Edits

if TYPE_CHECKING:  # loaded when first used: locks once a project file opens, reading with an import
    from govform.ui.project_lock import LockAnswer, ProjectLock
    from govform.ui.reading import ImportReport, Reading


class Unsaved(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass(slots=True)
class NewReport:
    agency: str
    year: int
    agency_kind: str
    format: str = DEFAULT_FORMAT


@dataclass(slots=True)
class FileChoice:
    """A kind of file the clerk can export to or open, as menus and file dialogs show it."""

    suffix: str
    name: str  # "Word 文档", in the window's language


class View(Protocol):
    def show_document(self, document: Document) -> None: ...

    def ask_open_path(self) -> Path | None: ...

    def ask_save_path(self, suggested: str) -> Path | None: ...

    def ask_export_path(self, suggested: str, kind: FileChoice) -> Path | None: ...

    def ask_new_report(self, formats: list[Format]) -> NewReport | None: ...

    def ask_unsaved(self, name: str) -> Unsaved: ...

    def ask_restore(self, orphan: Orphan) -> bool: ...

    def ask_export_with_errors(self, errors: int) -> bool: ...

    def ask_read_path(self, purpose: Reading, kinds: list[FileChoice], folder: Path | None) -> Path | None: ...

    def ask_lock(self, held: str, offer: str, can_take_over: bool) -> LockAnswer: ...

    def ask_use_previous(self, question: str) -> bool: ...

    def show_import_report(self, report: ImportReport) -> None: ...

    def show_error(self, message: str) -> None: ...

    def show_status(self, message: str) -> None: ...

    def update_title(self) -> None: ...

    def set_recent_files(self, paths: list[str]) -> None: ...


class Controller:
    """Open, new, save, export, close-confirm and recovery decisions for one window."""

    def __init__(
        self,
        view: View,
        settings: Settings,
        journal: Journal | None,
        sample: Path,
        autosaver: Autosaver | None = None,
    ):
        self.view = view
        self.settings = settings
        self.journal = journal
        self.autosaver = autosaver
        self.sample = sample
        self.document: Document | None = None
        self.lock: ProjectLock | None = None  # the open project's, while this window holds it
        self.import_report: ImportReport | None = None  # what the open report's import said, if it was imported

    # -- starting --------------------------------------------------------------------------------

    def start(self, path: str | None) -> None:
        """Restore a crashed session if the clerk wants it; else open `path` (a document: import it), the last
        project or the sample."""
        self.view.set_recent_files(self.settings.get(RECENT_FILES))
        if self.journal is not None:
            orphans = self.journal.orphans()
            if orphans and self._offer_restore(orphans):
                return
        if path:
            document = Path(path).suffix.lower() != SUFFIX and self.accepts_drop(Path(path))
            if self.import_path(Path(path)) if document else self.open_path(Path(path)):
                return
        else:
            last = self.settings.get(LAST_PROJECT)
            if last and Path(last).is_file() and self.open_path(Path(last)):
                return
        self.open_sample()

    def _offer_restore(self, orphans: list[Orphan]) -> bool:
        newest = orphans[0]
        restored = False
        if self.view.ask_restore(newest):
            try:
                document = newest.load()
            except ProjectError as error:
                self.view.show_error(words.text(error.message))
            else:
                if not self._show_locked(document):
                    return False  # another window has the project: its journals stay, offered at the next start
                restored = True
        for orphan in orphans:  # asked once: older journals would only ask again about older work
            self.journal.remove(orphan)  # type: ignore[union-attr]
        return restored

    def open_sample(self) -> None:
        """The shipped sample, as an untitled copy: saving asks where, so the shipped file stays as it is."""
        self.show(self.load(self.sample))

    # -- files -----------------------------------------------------------------------------------

    def load(self, path: Path) -> Document:
        """`path` as a document, without showing it; raises ProjectError. The sample opens untitled."""
        path = path.resolve()
        report = load_project(path)
        if path == self.sample.resolve():
            return Document(report, None, name=path.name)
        return Document(report, path)

    def open_path(self, path: Path) -> bool:
        """Open `path` in place of the current report; False (and the message shown) if it cannot be read."""
        try:
            document = self.load(path)
        except ProjectError as error:
            self.view.show_error(words.text(error.message))
            return False
        if not self._show_locked(document):
            return False
        if document.path is not None:
            self._remember(document.path)
        return True

    def _show_locked(self, document: Document) -> bool:
        """Show `document` once this window holds its project's lock, or the clerk chose read-only (or to take
        over a lock another computer left); False (nothing shown) when the clerk cancels."""
        from govform.ui.project_lock import Acquired, LockAnswer, ProjectLock

        if document.path is None:
            self.show(document)
            return True
        if self.lock is not None and self.lock.project == document.path:  # reopened in this very window
            self.show(document, self.lock)
            return True
        lock = ProjectLock(document.path)
        acquired = lock.acquire()
        if acquired is Acquired.HELD:
            holder = lock.holder()
            can_take_over = holder is not None and not holder.on_this_computer
            held = words.text(lock.held_message())
            answer = self.view.ask_lock(held, words.text(Message("lock.offer_read_only")), can_take_over)
            if answer is LockAnswer.TAKE_OVER and can_take_over:
                acquired = lock.take_over()
                if acquired is Acquired.HELD:
                    self.view.show_error(words.text(lock.held_message()))
                    return False
            elif answer is LockAnswer.READ_ONLY:
                document.read_only = True
                self.show(document)
                return True
            else:
                return False
        self.show(document, lock if acquired is Acquired.LOCKED else None)  # NO_LOCK: a read-only folder
        return True

    def open(self) -> None:
        """文件 › 打开."""
        if not self.confirm_close():
            return
        path = self.view.ask_open_path()
        if path is not None:
            self.open_path(path)

    def open_recent(self, path: str) -> None:
        if self.confirm_close():
            self.open_path(Path(path))

    def drop(self, path: Path) -> None:
        """A file dropped onto the window: a project opens, a document is imported."""
        if not self.accepts_drop(path):
            from govform.ui.reading import import_kinds

            message = words.translate("Controller", "“{name}”不能打开：只能打开年报项目（{suffix}）或导入{kinds}。")
            kinds = "、".join(f"{kind.name}（{kind.suffix}）" for kind in import_kinds())
            self.view.show_error(message.format(name=path.name, suffix=SUFFIX, kinds=kinds))
            return
        if not self.confirm_close():
            return
        if path.suffix.lower() == SUFFIX:
            self.open_path(path)
        else:
            self.import_path(path)

    @staticmethod
    def accepts_drop(path: Path) -> bool:
        from govform.ui.reading import accepts

        return accepts(path)

    @staticmethod
    def project_suffix() -> str:
        return SUFFIX

    def formats(self) -> list[Format]:
        """The report formats a new report can be written in, newest first (a broken one is reported)."""
        found = []
        for name in format_names():
            try:
                found.append(load_format(name))
            except FormatError as error:
                self.view.show_error(words.text(error.message))
        return sorted(found, key=lambda fmt: fmt.first_year, reverse=True)

    def new(self) -> None:
        """文件 › 新建: a blank report with the standard sub-heads, in the format the clerk chooses."""
        if not self.confirm_close():
            return
        formats = self.formats()
        if not formats:
            return
        answer = self.view.ask_new_report(formats)
        if answer is None:
            return
        fmt = load_format(answer.format)
        report = Report.new(fmt, agency=answer.agency, year=answer.year, agency_kind=answer.agency_kind)
        self.show(Document(report, None, name=self._suggested_name(report)))

    # -- reading reports (govform.ui.reading): importing, starting from last year's, comparing ----------

    def import_document(self) -> None:
        """文件 › 导入 Word 报告."""
        from govform.ui.reading import Reading, import_kinds

        if self.confirm_close():
            path = self.view.ask_read_path(Reading.IMPORT, import_kinds(), self._folder())
            if path is not None:
                self.import_path(path)

    def import_path(self, path: Path) -> bool:
        """The document at `path` as a new, untitled report, with what the import said; False if unreadable."""
        from govform.ui import reading

        result = reading.read(self.view, path)
        if result is not None:
            self._show_untitled(result.report, path, reading.import_report(path, result.notes))
        return result is not None

    def new_from_last_year(self) -> None:
        """文件 › 从上年报告新建: this year's report begun from last year's project or document, untitled."""
        from govform.ui import reading

        if self.confirm_close():
            path = self.view.ask_read_path(reading.Reading.START_FROM, reading.report_kinds(), self._folder())
            started = reading.start_from(self.view, path) if path is not None else None
            if path is not None and started is not None:
                self._show_untitled(started[0], path, started[1])

    def choose_previous(self) -> None:
        """工具 › 指定上年报告: what the rules across years (Y1, Y2, 雷同) compare with, as one undo step."""
        from govform.ui import reading

        document = self._current()
        path = self.view.ask_read_path(reading.Reading.PREVIOUS, reading.report_kinds(), self._folder())
        previous = reading.previous_year(self.view, path, document.report) if path is not None else None
        if previous is not None:
            Edits(document).set_previous(previous)

    def clear_previous(self) -> None:
        """工具 › 不再对照上年报告, as one undo step."""
        Edits(self._current()).set_previous(None)

    def show_import_report(self) -> None:
        """视图 › 导入说明: what the open report's import said, again."""
        if self.import_report is not None:
            self.view.show_import_report(self.import_report)

    def _folder(self) -> Path | None:
        """Where the file dialogs for reading begin: the open report's folder (an imported one's source's)."""
        document = self.document
        if document is None:
            return None
        return document.path.parent if document.path is not None else document.folder

    def _show_untitled(self, report: Report, source: Path, import_report: ImportReport | None) -> None:
        """A report read from `source`: untitled, so saving asks where (in `source`'s folder) and replaces nothing."""
        document = Document(report, None, name=self._suggested_name(report), folder=source.parent)
        self.show(document, import_report=import_report)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        document = self._current()
        if document.path is None or document.read_only:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        document = self._current()
        folder = self._folder()
        path = self.view.ask_save_path(str(folder / document.name) if folder is not None else document.name)
        if path is None:
            return False
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save to `path`, taking its lock first when it is not this window's project (refused while another window
        has it open); the old project's lock is released once saved."""
        from govform.ui.project_lock import Acquired, ProjectLock

        document = self._current()
        target = path.resolve()
        lock = self.lock if self.lock is not None and self.lock.project == target else None
        if lock is None:
            lock = ProjectLock(target)
            acquired = lock.acquire()
            if acquired is Acquired.HELD:
                again = words.translate("Controller", "请换一个文件名保存。")
                self.view.show_error(f"{words.text(lock.held_message())}\n{again}")
                return False
        try:
            save_project(document.report, path)
        except ProjectError as error:
            if lock is not self.lock:
                lock.release()
            self.view.show_error(words.text(error.message))
            return False
        if lock is not self.lock:
            if self.lock is not None:
                self.lock.release()
            self.lock = lock if lock.locked else None
        document.read_only = False
        document.mark_saved(target)
        if self.journal is not None:
            self.journal.discard()
        self._remember(path.resolve())
        self.view.update_title()
        self.view.show_status(words.translate("Controller", "已保存到 {path}").format(path=path))
        return True

    @staticmethod
    def export_kinds() -> list[FileChoice]:
        """What the report can be exported as (the 导出 menu), as the registry of exporters has it."""
        return [FileChoice(suffix, words.text(kind.name)) for suffix, kind in registry.EXPORTERS.items()]

    def export(self, suffix: str) -> None:
        """文件 › 导出…: a report with errors exports as a draft once the clerk agrees. The exporter's module
        (python-docx, …) loads here, not when the window opens."""
        document = self._current()
        kind = next(choice for choice in self.export_kinds() if choice.suffix == suffix)
        errors = sum(finding.is_error for finding in validate(document.report))
        if errors and not self.view.ask_export_with_errors(errors):
            return
        suggested = Path(self._suggested_name(document.report)).with_suffix(suffix).name
        path = self.view.ask_export_path(suggested, kind)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        options = registry.ExportOptions(fonts=FONT_PRESETS[self.settings.get(EXPORT_FONTS)])
        try:
            registry.export(document.report, path, options)
        except (registry.ExportError, registry.UnknownKind) as error:
            self.view.show_error(words.text(error.message))
            return
        self.view.show_status(words.translate("Controller", "已导出 {path}").format(path=path))

    # -- closing ---------------------------------------------------------------------------------

    def confirm_close(self) -> bool:
        """Whether the current report may be replaced or the window closed (asks about unsaved changes)."""
        document = self.document
        if document is None or not document.modified:
            return True
        answer = self.view.ask_unsaved(document.name)
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD

    def close(self) -> bool:
        """The window is closing: True if it may, and then nothing is left to recover."""
        if not self.confirm_close():
            return False
        if self.journal is not None:
            self.journal.close()
        self._release()
        return True

    # -- helpers ---------------------------------------------------------------------------------

    def _current(self) -> Document:
        if self.document is None:
            raise RuntimeError("no document is open")
        return self.document

    def show(
        self, document: Document, lock: ProjectLock | None = None, *, import_report: ImportReport | None = None
    ) -> None:
        """Show `document` in place of the open one, whose project lock is released (`lock`: the new one's)."""
        if self.lock is not lock:
            self._release()
        self.lock = lock
        self.import_report = import_report
        self.document = document
        if self.journal is not None:
            self.journal.discard()
        self.view.show_document(document)
        if self.autosaver is not None:
            self.autosaver.watch(document)
        if import_report is not None:
            self.view.show_import_report(import_report)

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _remember(self, path: Path) -> None:
        self.settings.set(LAST_PROJECT, str(path))
        self.view.set_recent_files(self.settings.add_recent(str(path)))

    @staticmethod
    def _suggested_name(report: Report) -> str:
        untitled = words.translate("Controller", "未命名")
        return report.format.export_stem(report.agency or untitled, report.year) + SUFFIX
