"""Running the controller's slow work (an export through LibreOffice, reading a workbook, checking a folder)
on a thread of its own, so the window keeps answering: a busy line in the status bar, or a progress dialog
with 取消 for work that counts its steps. The result comes back to the window's thread through a signal.

Loaded with the first job, not when the window opens.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QProgressDialog

from govform.domain.messages import Message
from govform.ui import words
from govform.ui.controller import Failed, Job


class _Relay(QObject):
    """Carries a job's progress and result from its thread to the window's (queued signals)."""

    progressed = Signal(int, int)
    finished = Signal(object)


class Running:
    """A job under way: its thread, its cancel flag and what shows it is running."""

    def __init__(self, window: QMainWindow, job: Job):
        self.job = job
        self.stop = threading.Event()
        self._relay = _Relay(window)
        self._relay.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._dialog: QProgressDialog | None = None
        self._busy: tuple[QLabel, QProgressBar] | None = None
        self._window = window
        self._abandoned = False  # the window closed while it ran: its result is not shown (see wait)
        if job.steps:
            dialog = QProgressDialog(job.title, words.translate("Jobs", "取消"), 0, 0, window)
            dialog.setWindowTitle(job.title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            if not job.cancellable:
                dialog.setCancelButton(None)
            dialog.show()
            self._dialog = dialog
        else:
            label, bar = QLabel(job.title), QProgressBar()
            bar.setRange(0, 0)  # busy, without a measure
            bar.setMaximumWidth(160)
            bar.setMaximumHeight(label.sizeHint().height())
            window.statusBar().addWidget(label)
            window.statusBar().addWidget(bar)
            self._busy = (label, bar)
        self._thread = threading.Thread(target=self._work, name=f"govform: {job.title}", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        relay = self._relay
        try:
            result: Any = self.job.work(relay.progressed.emit, self.stop.is_set)
        except Exception as error:  # a bug must reach the clerk as a sentence, never as a traceback
            words_ = words.translate(
                "Jobs", "“{title}”没有完成：程序出错（{error}）。请把这句话告诉 govform 的维护者。"
            )
            result = Failed(words_.format(title=self.job.title, error=f"{type(error).__name__}: {error}"))
        relay.finished.emit(result)

    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)
            self._dialog.setLabelText(words.text(Message("batch.progress", done=done, total=total)))

    def _finished(self, result: Any) -> None:
        self._thread.join()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        if self._busy is not None:
            for widget in self._busy:
                self._window.statusBar().removeWidget(widget)
                widget.deleteLater()
        self._relay.deleteLater()
        if not self._abandoned:
            self.job.done(result)

    def cancel(self) -> None:
        self.stop.set()
        if self._dialog is not None:
            self._dialog.setLabelText(words.translate("Jobs", "正在取消…"))

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, seconds: float) -> None:
        """Ask the work to stop, and wait for its thread (the window is closing). Its result then shows nothing:
        a box of the closed window's (已导出…) would come up on its own, and the program would run on without a
        window once it was closed."""
        self._abandoned = True
        self.stop.set()
        self._thread.join(seconds)
