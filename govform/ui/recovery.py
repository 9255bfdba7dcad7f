"""Crash recovery: the open report journaled to a file within a second of each edit.

Each running window owns one journal, guarded by a lock file. A journal whose lock is no longer held
(its process died) is an orphan: the next start offers to restore it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from govform.io.files import write_atomically
from govform.io.project import ProjectError, dumps_project, loads_project
from govform.ui.document import Document
from govform.ui.settings import AUTOSAVE, Settings

JOURNAL_KIND = "govform-recovery"
JOURNAL_SUFFIX = ".recovery"
JOURNAL_DELAY_MS = 1000  # counted from the first unjournaled edit, so typing without pause is journaled too


@dataclass(slots=True)
class Orphan:
    """A journal left behind by a window that did not close normally."""

    path: Path
    source: Path | None  # the project file it was editing (None: untitled or the sample)
    name: str
    saved_at: dt.datetime
    project: str  # the project file's text

    def load(self) -> Document:
        report = loads_project(self.project, self.source or self.name)
        document = Document(report, self.source, name=self.name)
        document.mark_unsaved()
        return document


class Journal:
    """This window's journal file in `directory`, and the orphans other windows left there."""

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        stem = f"session-{os.getpid()}-{dt.datetime.now():%Y%m%d%H%M%S%f}"
        self.path = directory / (stem + JOURNAL_SUFFIX)
        self._lock = QLockFile(str(directory / (stem + ".lock")))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        self._lock.tryLock(0)

    def write(self, document: Document) -> None:
        data = {
            "kind": JOURNAL_KIND,
            "source": str(document.path) if document.path else None,
            "name": document.name,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
            "project": dumps_project(document.pending or document.report),  # with what is being typed
        }
        text = json.dumps(data, ensure_ascii=False).encode("utf-8")
        write_atomically(self.path, lambda out: out.write(text))

    def discard(self) -> None:
        """Forget the journal (the document was saved, or nothing is unsaved)."""
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit: nothing to recover."""
        self.discard()
        self._lock.unlock()

    def orphans(self) -> list[Orphan]:
        """Journals whose window is gone, newest first (unreadable ones are skipped and left alone).

        Locks of windows that died before journaling anything are removed on the way."""
        self._sweep_dead_locks()
        found = []
        for path in self.directory.glob("*" + JOURNAL_SUFFIX):
            if path == self.path:
                continue
            lock = QLockFile(str(path.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if not lock.tryLock(0):
                continue  # another window is still running and owns it
            lock.unlock()
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                source = Path(data["source"]) if data.get("source") else None
                saved_at = dt.datetime.fromisoformat(data["saved_at"])
                found.append(Orphan(path, source, str(data["name"]), saved_at, str(data["project"])))
            except (OSError, ValueError, KeyError, TypeError):
                continue
        return sorted(found, key=lambda o: o.saved_at, reverse=True)

    def _sweep_dead_locks(self) -> None:
        for path in self.directory.glob("*.lock"):
            if path.with_suffix(JOURNAL_SUFFIX).exists() or path == Path(self._lock.fileName()):
                continue
            lock = QLockFile(str(path))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # its window is gone, and there is nothing to recover
                lock.unlock()  # which removes the file

    def remove(self, orphan: Orphan) -> None:
        orphan.path.unlink(missing_ok=True)
        orphan.path.with_suffix(".lock").unlink(missing_ok=True)


class Autosaver(QObject):
    """Journals the document at most JOURNAL_DELAY_MS after an edit (when autosave is on)."""

    journaled = Signal()

    def __init__(self, journal: Journal, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._journal = journal
        self._settings = settings
        self._document: Document | None = None
        self._timer = QTimer(self, singleShot=True, interval=JOURNAL_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def watch(self, document: Document) -> None:
        """Journal `document` from now on (the autosaver outlives documents: the previous one is let go)."""
        if self._document is not None:
            self._document.signals.changed.disconnect(self._schedule)
            self._document.signals.pendingChanged.disconnect(self._schedule)
            self._document.stack.cleanChanged.disconnect(self._schedule)
        self._document = document
        document.signals.changed.connect(self._schedule)
        document.signals.pendingChanged.connect(self._schedule)
        document.stack.cleanChanged.connect(self._schedule)
        self._schedule()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        document = self._document
        if document is None:
            return
        if (document.modified or document.pending is not None) and self._settings.get(AUTOSAVE):
            try:
                self._journal.write(document)
            except (OSError, ProjectError):
                return  # a full disk must not interrupt typing; the next edit tries again
            self.journaled.emit()
        else:
            self._journal.discard()
