"""Shared helpers for the window's tests: a fake view for the controller, and typing into grids."""

from __future__ import annotations

from pathlib import Path

from govform.domain.format import Format
from govform.ui.answers import FileChoice, NewReport, Unsaved
from govform.ui.controller import Job
from govform.ui.document import Document
from govform.ui.project_lock import LockAnswer
from govform.ui.reading import ImportReport, Reading
from govform.ui.recovery import Orphan


class FakeView:
    """The controller's view with scripted answers, recording what it was told (like Mu's tests)."""

    def __init__(self):
        self.documents: list[Document] = []
        self.errors: list[str] = []
        self.statuses: list[str] = []
        self.recent: list[str] = []
        self.titles = 0
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.export_path: Path | None = None
        self.new_report: NewReport | None = None
        self.unsaved_answer = Unsaved.CANCEL
        self.restore_answer = False
        self.asked_unsaved: list[str] = []
        self.asked_restore: list[Orphan] = []
        self.asked_save: list[str] = []
        self.export_with_errors_answer = False
        self.asked_export_with_errors: list[int] = []
        self.asked_export: list[tuple[str, FileChoice]] = []
        self.offered_formats: list[str] = []
        self.folders: list[Path] = []  # where each file dialog would have started
        self.folder: Path | None = None
        self.notes: list[tuple[str, list[str]]] = []
        self.offered: list[tuple[str, Path]] = []
        self.jobs: list[str] = []
        self.progress: list[tuple[int, int]] = []
        self.cancel_after: int | None = None  # cancel a job once it reported this many steps
        self.read_path: Path | None = None
        self.asked_read: list[tuple[Reading, list[str], Path | None]] = []
        self.lock_answer = LockAnswer.CANCEL
        self.asked_lock: list[tuple[str, str, bool]] = []
        self.use_previous_answer = False
        self.asked_use_previous: list[str] = []
        self.import_reports: list[ImportReport] = []
        self.editing_refused = False  # a date typed that is no date: finish_editing says no
        self.finished_editing = 0

    def show_document(self, document: Document) -> None:
        self.documents.append(document)

    def finish_editing(self) -> bool:
        self.finished_editing += 1
        return not self.editing_refused

    def ask_open_path(self, folder: Path, kinds: list[FileChoice]) -> Path | None:
        self.folders.append(folder)
        return self.open_path

    def ask_save_path(self, suggested: Path) -> Path | None:
        self.folders.append(suggested.parent)
        self.asked_save.append(suggested.name)
        return self.save_path

    def ask_export_path(self, suggested: Path, kind: FileChoice, title: str | None = None) -> Path | None:
        self.folders.append(suggested.parent)
        self.asked_export.append((suggested.name, kind))
        return self.export_path

    def ask_folder(self, title: str, folder: Path) -> Path | None:
        self.folders.append(folder)
        return self.folder

    def ask_new_report(self, formats: list[Format]) -> NewReport | None:
        self.offered_formats = [fmt.id for fmt in formats]
        return self.new_report

    def ask_unsaved(self, name: str) -> Unsaved:
        self.asked_unsaved.append(name)
        return self.unsaved_answer

    def ask_restore(self, orphan: Orphan) -> bool:
        self.asked_restore.append(orphan)
        return self.restore_answer

    def ask_export_with_errors(self, errors: int, missing: int) -> bool:
        self.asked_export_with_errors.append((errors, missing))
        return self.export_with_errors_answer

    def ask_read_path(self, purpose: Reading, kinds: list[FileChoice], folder: Path | None) -> Path | None:
        self.asked_read.append((purpose, [kind.suffix for kind in kinds], folder))
        return self.read_path

    def ask_lock(self, held: str, offer: str, can_take_over: bool) -> LockAnswer:
        self.asked_lock.append((held, offer, can_take_over))
        return self.lock_answer

    def ask_use_previous(self, question: str) -> bool:
        self.asked_use_previous.append(question)
        return self.use_previous_answer

    def show_import_report(self, report: ImportReport) -> None:
        self.import_reports.append(report)

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def show_status(self, message: str) -> None:
        self.statuses.append(message)

    def show_notes(self, title: str, lines: list[str]) -> None:
        self.notes.append((title, list(lines)))

    def offer_file(self, message: str, path: Path) -> None:
        self.offered.append((message, path))

    def run_job(self, job: Job) -> None:
        """At once, in this thread; cancelled after `cancel_after` steps when that is set."""
        self.jobs.append(job.title)

        def progress(done: int, total: int) -> None:
            self.progress.append((done, total))

        def cancelled() -> bool:
            return self.cancel_after is not None and len(self.progress) >= self.cancel_after

        job.done(job.work(progress, cancelled))

    def update_title(self) -> None:
        self.titles += 1

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent = list(paths)


def ime_type(widget, text: str) -> None:
    """Type `text` as a Chinese input method commits it (QTest can only press keys with ASCII names)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def panel_entries(window) -> list:
    """Every row of the 问题 panel's tree, groups and their children, as model indexes."""
    model = window.problems.model()
    found = []
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        found.append(top)
        found += [model.index(child, 0, top) for child in range(model.rowCount(top))]
    return found


def listed(window, code: str) -> list[str]:
    """The panel's lines (expanded) of the findings with rule code `code`."""
    from govform.ui.problems_model import FINDING_ROLE

    return [i.data() for i in panel_entries(window) if i.data(FINDING_ROLE) and i.data(FINDING_ROLE).code == code]


def mnemonic_clashes(window) -> dict[str, list[str]]:
    """The Alt+letter keys that two things in sight claim (a menu of the menu bar, a button, a label's box):
    Qt then only moves the focus between them, and the menu never opens."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if widget.isVisible() and (not isinstance(widget, QLabel) or widget.buddy() is not None):
            texts.append(widget.text())
    letters: dict[str, list[str]] = {}
    for text in texts:
        found = re.search("&([^&])", text.replace("&&", ""))
        if found:
            letters.setdefault(found.group(1).upper(), []).append(text)
    return {letter: claimed for letter, claimed in letters.items() if len(claimed) > 1}
