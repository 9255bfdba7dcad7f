"""What happens when the clerk opens, creates, saves, imports, exports, checks a folder or closes: decisions,
not widgets.

The controller talks to its view only through the small `View` protocol, so tests drive it with a fake.
Slow work (an export through LibreOffice, reading a workbook, checking a folder of reports) is handed to the
view as a `Job`, which the window runs off its thread and the fake runs at once.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govform.domain.format import Format, FormatError, format_names, load_format
from govform.domain.messages import Message
from govform.domain.report import Report
from govform.domain.rules import standing, validate
from govform.domain.text import balanced_lines
from govform.io.gbt9704 import TITLE_CHARS
from govform.io.project import SUFFIX, ProjectError, dumps_project, load_project, loads_project, save_project
from govform.resources import resources_dir
from govform.ui import words
from govform.ui.document import Document
from govform.ui.recovery import Autosaver, Journal, Orphan
from govform.ui.settings import EXPORT_FONTS, LAST_PROJECT, RECENT_FILES, SIGNATURE_INDENT, Settings
from govform.ui.undo import Edits

# The registry of exporters and importers, the answer records (ui.answers), reading reports (ui.reading)
# and project locks (ui.project_lock) are imported in the methods that use them: a start-up trick
# (govform/startup.py lists each with what it saves).
if TYPE_CHECKING:  # the view's protocol is for readers and type checkers; defining it costs the start-up
    from typing import Protocol

    from govform.io import registry
    from govform.ui.answers import FileChoice, NewReport, Unsaved
    from govform.ui.project_lock import LockAnswer, ProjectLock
    from govform.ui.reading import ImportReport, Reading

    class View(Protocol):
        def show_document(self, document: Document) -> None: ...

        def finish_editing(self) -> bool: ...

        def ask_open_path(self, folder: Path, kinds: list[FileChoice]) -> Path | None: ...

        def ask_save_path(self, suggested: Path) -> Path | None: ...

        def ask_export_path(self, suggested: Path, kind: FileChoice, title: str | None = None) -> Path | None: ...

        def ask_folder(self, title: str, folder: Path) -> Path | None: ...

        def ask_new_report(self, formats: list[Format]) -> NewReport | None: ...

        def ask_unsaved(self, name: str) -> Unsaved: ...

        def ask_restore(self, orphan: Orphan) -> bool: ...

        def ask_export_with_errors(self, errors: int, missing: int) -> bool: ...

        def show_error(self, message: str) -> None: ...

        def show_status(self, message: str) -> None: ...

        def show_notes(self, title: str, lines: list[str]) -> None: ...

        def ask_read_path(self, purpose: Reading, kinds: list[FileChoice], folder: Path | None) -> Path | None: ...

        def ask_lock(self, held: str, offer: str, can_take_over: bool) -> LockAnswer: ...

        def ask_use_previous(self, question: str) -> bool: ...

        def show_import_report(self, report: ImportReport) -> None: ...

        def offer_file(self, message: str, path: Path) -> None: ...

        def run_job(self, job: Job) -> None: ...

        def update_title(self) -> None: ...

        def set_recent_files(self, paths: list[str]) -> None: ...


# govform.io.registry (what can be exported and imported) and govform.ui.answers (the view's answers: file
# kinds, a new report's particulars, what to do with unsaved changes) are imported where they are used: the
# window's menus of exporters and importers are filled when first opened, and their records cost the first
# paint ~3 ms.


Progress = Callable[[int, int], None]


class Job:
    """Work to run off the window's thread: `work(progress, cancelled)` there, then `done(result)` back on the
    window's thread. `steps`: it reports progress (a progress dialog); `cancellable`: it stops when asked."""

    __slots__ = ("cancellable", "done", "steps", "title", "work")

    def __init__(
        self,
        title: str,
        work: Callable[[Progress, Callable[[], bool]], Any],
        done: Callable[[Any], None],
        *,
        steps: bool = False,
        cancellable: bool = False,
    ):
        self.title = title
        self.work = work
        self.done = done
        self.steps = steps
        self.cancellable = cancellable


class Failed:
    """What a job's work returns instead of a result when it could not be done: the reason, for the clerk."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


def title_lines(agency: str, agency_lines: str) -> list[str]:
    """The agency's name as the export sets it in the title (2号, 20 characters to a line)."""
    return balanced_lines(" ".join(agency.split()), TITLE_CHARS, agency_lines)


def documents_folder() -> Path:
    """The clerk's 文档 folder, where a file dialog starts when the report has no folder of its own yet."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()  # never the program's own folder


class Controller:
    """Open, new, save, import, export, batch check, close-confirm and recovery decisions for one window."""

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
        self.busy = False  # a job is running: another export or check waits for it
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

    def is_sample(self, document: Document | None = None) -> bool:
        """Whether `document` (default: the open one) is the shipped sample, not yet saved as the clerk's."""
        document = document or self.document
        return document is not None and document.sample

    # -- files -----------------------------------------------------------------------------------

    def load(self, path: Path) -> Document:
        """`path` as a document, without showing it; raises ProjectError. The sample opens untitled."""
        path = path.resolve()
        report = load_project(path)
        if path == self.sample.resolve():
            return Document(report, None, name=words.translate("Controller", "示例报告（未保存）"), sample=True)
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

    def folder(self) -> Path:
        """Where file dialogs start: the open project's folder, else the clerk's 文档."""
        document = self.document
        if document is not None and document.path is not None:
            return document.path.parent
        if document is not None and document.folder is not None:  # an imported report: its source's folder
            return document.folder
        return documents_folder()

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
        path = self.view.ask_open_path(self.folder(), [self.project_kind()])
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
            self.view.show_error(words.spaced(message.format(name=path.name, suffix=SUFFIX, kinds=kinds)))
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

    @staticmethod
    def project_kind() -> FileChoice:
        from govform.ui.answers import FileChoice

        return FileChoice(SUFFIX, words.translate("Controller", "年报项目"))

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
        name = self._free_name(documents_folder() / self._suggested_name(report))  # the name Save will offer
        self.show(Document(report, None, name=name))

    # -- reading reports (govform.ui.reading): importing, starting from last year's, comparing ----------

    def import_document(self) -> None:
        """文件 › 导入 Word 报告."""
        from govform.ui.reading import Reading, import_kinds

        if self.confirm_close():
            path = self.view.ask_read_path(Reading.IMPORT, import_kinds(), self.folder())
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
            path = self.view.ask_read_path(reading.Reading.START_FROM, reading.report_kinds(), self.folder())
            started = reading.start_from(self.view, path) if path is not None else None
            if path is not None and started is not None:
                self._show_untitled(started[0], path, started[1])

    def choose_previous(self) -> None:
        """工具 › 指定上年报告: what the rules across years (Y1, Y2, 雷同) compare with, as one undo step."""
        from govform.ui import reading

        document = self._current()
        path = self.view.ask_read_path(reading.Reading.PREVIOUS, reading.report_kinds(), self.folder())
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

    def _show_untitled(self, report: Report, source: Path, import_report: ImportReport | None) -> None:
        """A report read from `source`: untitled, so saving asks where (in `source`'s folder) and replaces nothing;
        unsaved, so closing or opening another file first asks to save it (and the journal keeps it)."""
        folder = None if source.resolve().is_relative_to(resources_dir().resolve()) else source.parent
        name = self._free_name((folder or documents_folder()) / self._suggested_name(report))  # as Save offers
        document = Document(report, None, name=name, folder=folder)  # the shipped sample's folder: 文档
        document.mark_unsaved()
        self.show(document, import_report=import_report)

    def import_tables(self) -> None:
        """文件 › 导入 › 表格数据: the three tables' figures from a workbook into the open report, as one undo
        step; what was read, blank or refused is listed."""
        from govform.io import registry
        from govform.ui.answers import FileChoice

        document = self._current()
        path = self.view.ask_open_path(self.folder(), [FileChoice(".xlsx", words.text(Message("io.kind.xlsx")))])
        if path is None:
            return

        def work(progress: Progress, cancelled: Callable[[], bool]) -> Any:
            from govform.io.xlsx_import import read_table_values

            try:
                return read_table_values(path, snapshot)
            except registry.ImportFailed as error:
                return Failed(words.text(error.message))

        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.view.show_error(result.message)
                return
            if self.document is not document:
                return  # another report was opened meanwhile
            from govform.ui.undo import Edits

            changes = result.changes(document.report)
            cells = self._changed_cells(document.report, changes)  # before: they say what each cell was
            label = words.translate("Controller", "导入表格数据（{name}）").format(name=path.name)
            changed = Edits(document).set_tables(changes, label)
            notes = [words.text(note.message) for note in result.notes]
            count = sum(len(cells) for cells in changes.values())
            summary = (
                words.translate("Controller", "改动了 {count} 个格子，可以撤销。")
                if changed
                else words.translate("Controller", "表格中的数字与报告相同，没有改动。")
            )
            lines = [summary.format(count=count), *(cells if changed else []), *notes]
            self.view.show_notes(words.translate("Controller", "导入表格数据"), lines)

        snapshot = self._snapshot(document)
        self._run(Job(words.translate("Controller", "正在读取“{name}”…").format(name=path.name), work, done))

    @staticmethod
    def _changed_cells(report: Report, changes: dict[str, dict[Any, Any]]) -> list[str]:
        """Each cell a workbook's figures change, with its figure before and after ("表三 …/自然人：5 → 6")."""
        from govform.domain.report import display_value

        blank = words.translate("Controller", "空白")
        lines = []
        for table_id, cells in changes.items():
            table, data = report.format.tables[table_id], report.tables[table_id]
            for (row, column), value in cells.items():
                kind = table.column(row, column).type
                lines.append(
                    words.translate("Controller", "{cell}：{old} → {new}").format(
                        cell=table.cell_label(row, column),
                        old=display_value(data[(row, column)], kind) or blank,
                        new=display_value(value, kind) or blank,
                    )
                )
        return lines

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Ctrl+S: what is being typed is taken first (a cell's editor, a date), as WPS does."""
        if not self.view.finish_editing():
            return False
        document = self._current()
        if document.path is None or document.read_only:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        if not self.view.finish_editing():
            return False
        document = self._current()
        suggested = document.name if not document.sample else self._suggested_name(document.report)
        if document.read_only and document.path is not None:  # another window has the project itself
            suggested = self._copy_name(document.path)
        elif document.path is None:  # never offer to replace a file by default: NAME（2）.govform if NAME is taken
            suggested = self._free_name(self.folder() / suggested)
        path = self.view.ask_save_path(self.folder() / suggested)
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

    # -- exporting -------------------------------------------------------------------------------

    @staticmethod
    def export_kinds() -> list[FileChoice]:
        """What the report can be exported as (the 导出 menu), as the registry of exporters has it."""
        from govform.io import registry
        from govform.ui.answers import FileChoice

        return [FileChoice(suffix, words.text(kind.name)) for suffix, kind in registry.EXPORTERS.items()]

    def export_options(self) -> registry.ExportOptions:
        from govform.io import registry
        from govform.io.export_fonts import FONT_PRESETS

        return registry.ExportOptions(
            fonts=FONT_PRESETS[self.settings.get(EXPORT_FONTS)], signature_indent=self.settings.get(SIGNATURE_INDENT)
        )

    def export_first(self) -> None:
        """Ctrl+E: the first kind the registry lists (the Word document)."""
        self.export(self.export_kinds()[0].suffix)

    def export(self, suffix: str) -> None:
        """文件 › 导出…: a report with errors exports as a draft once the clerk agrees. The report as it is
        now is written off the window's thread (a PDF takes seconds), so the clerk can go on typing."""
        from govform.io import registry

        if not self.view.finish_editing():
            return
        document = self._current()
        kind = next(choice for choice in self.export_kinds() if choice.suffix == suffix)
        counted = Counter(standing(finding) for finding in validate(document.report))  # as the status bar counts
        errors, missing = counted["error"], counted["missing"]
        if (errors or missing) and not self.view.ask_export_with_errors(errors, missing):
            return
        suggested = Path(self._suggested_name(document.report)).with_suffix(suffix).name
        path = self.view.ask_export_path(self.folder() / suggested, kind)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        snapshot, options = self._snapshot(document), self.export_options()

        def work(progress: Progress, cancelled: Callable[[], bool]) -> Failed | None:
            try:
                registry.export(snapshot, path, options)
            except (registry.ExportError, registry.UnknownKind) as error:
                return Failed(words.text(error.message))
            return None

        def done(result: Failed | None) -> None:
            if isinstance(result, Failed):
                self.view.show_error(result.message)
                return
            self.view.show_status(words.translate("Controller", "已导出 {path}").format(path=path))
            self.view.offer_file(words.translate("Controller", "已导出“{name}”。").format(name=path.name), path)

        self._run(Job(words.translate("Controller", "正在导出{kind}…").format(kind=kind.name), work, done))

    # -- the district office's batch check ---------------------------------------------------------

    def batch_check(self) -> None:
        """工具 › 批量检查文件夹: every report under a folder checked, a summary workbook written beside it."""
        from govform.io import registry
        from govform.ui.answers import FileChoice

        folder = self.view.ask_folder(words.translate("Controller", "选择要检查的文件夹"), self.folder())
        if folder is None:
            return
        stamp = dt.date.today().strftime("%Y%m%d")
        name = words.translate("Controller", "年报检查汇总-{date}.xlsx").format(date=stamp)
        kind = FileChoice(".xlsx", words.text(Message("io.kind.xlsx")))
        summary = self.view.ask_export_path(folder / name, kind, words.translate("Controller", "保存检查汇总"))
        if summary is None:
            return
        if summary.suffix.lower() != ".xlsx":
            summary = summary.with_name(summary.name + ".xlsx")
        language = words.language()

        def work(progress: Progress, cancelled: Callable[[], bool]) -> Any:
            from govform import batch
            from govform.io.summary_xlsx import write_summary

            result = batch.check([folder], language=language, progress=progress, cancelled=cancelled, exclude=[summary])
            if result.cancelled:
                return result
            if not result.reports:
                return Failed(words.text(Message("batch.nothing", paths=str(folder))))
            try:
                write_summary(result.reports, summary, language)
            except registry.ExportError as error:
                return Failed(words.text(error.message))
            return result

        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.view.show_error(result.message)
                return
            if result.cancelled:
                stopped = words.translate("Controller", "批量检查已取消（检查了 {done}/{total} 份）。")
                self.view.show_status(stopped.format(done=len(result.reports), total=result.total))
                return
            counts = words.text(Message("batch.totals", total=len(result.reports), **result.counts()))
            self.view.offer_file(counts, summary)

        self._run(
            Job(
                words.translate("Controller", "正在批量检查“{name}”…").format(name=folder.name),
                work,
                done,
                steps=True,
                cancellable=True,
            )
        )

    def _run(self, job: Job) -> None:
        if self.busy:
            self.view.show_status(words.translate("Controller", "请等上一项工作完成。"))
            return
        self.busy = True
        done = job.done

        def finished(result: Any) -> None:
            self.busy = False
            done(result)

        job.done = finished
        self.view.run_job(job)

    @staticmethod
    def _snapshot(document: Document) -> Report:
        """A copy of the report to hand to another thread: the clerk may type on while it is written."""
        return loads_project(dumps_project(document.report), document.name)

    # -- closing ---------------------------------------------------------------------------------

    def confirm_close(self) -> bool:
        """Whether the current report may be replaced or the window closed (asks about unsaved changes, what
        is being typed taken first)."""
        if self.document is not None and not self.view.finish_editing():
            return False
        document = self.document
        if document is None or not document.modified:
            return True
        from govform.ui.answers import Unsaved

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

    # -- what the guide says about files -------------------------------------------------------------

    def places(self) -> dict[str, str]:
        """Where govform keeps its own files: "settings", "recovery" (the journals), "documents"."""
        found = {"documents": str(documents_folder())}
        where = self.settings.location()
        if where:
            found["settings"] = where
        if self.journal is not None:
            found["recovery"] = str(self.journal.directory)
        return found

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
        if document.path is None and not document.sample:  # its name comes from its agency and year
            document.signals.metaChanged.connect(lambda name: self._rename_untitled(document, name))
        if self.autosaver is not None:
            self.autosaver.watch(document)
        if import_report is not None:
            self.view.show_import_report(import_report)

    def _rename_untitled(self, document: Document, name: str) -> None:
        """An untitled report whose agency or year changed goes by, and saves as, the name they make now (a
        report begun from last year's kept last year's agency's name)."""
        if name in ("agency", "year") and document.path is None and document is self.document:
            renamed = self._free_name(self.folder() / self._suggested_name(document.report))
            if renamed != document.name:
                document.rename(renamed)
                self.view.update_title()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _remember(self, path: Path) -> None:
        self.settings.set(LAST_PROJECT, str(path))
        self.view.set_recent_files(self.settings.add_recent(str(path)))

    @staticmethod
    def _copy_name(path: Path) -> str:
        """A name beside `path` for a copy of it that no file has yet: NAME（副本）.govform, NAME（副本2）.govform…"""
        copy = words.translate("Controller", "{name}（副本{number}）")
        names = (copy.format(name=path.stem, number=n if n > 1 else "") + SUFFIX for n in range(1, 1000))
        return Controller._first_free(path.parent, names)

    @staticmethod
    def _free_name(path: Path) -> str:
        """`path`'s name when no file has it, else the first of NAME（2）.govform, NAME（3）.govform… that is free."""
        numbered = words.translate("Controller", "{name}（{number}）")
        names = (numbered.format(name=path.stem, number=n) + path.suffix for n in range(2, 1000))
        return Controller._first_free(path.parent, itertools.chain([path.name], names))

    @staticmethod
    def _first_free(folder: Path, names: Iterable[str]) -> str:
        """The first of `names` that no file in `folder` has (the last of them when every one is taken)."""
        for name in names:
            if not (folder / name).exists():
                break
        return name

    @staticmethod
    def _suggested_name(report: Report, year: int | None = None) -> str:
        untitled = words.translate("Controller", "未命名")
        return report.format.export_stem(report.agency or untitled, year or report.year) + SUFFIX
