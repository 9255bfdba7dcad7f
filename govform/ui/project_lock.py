"""One project, one window: a lock file beside the project (Qt's QLockFile, `.NAME.govform.lock`) held while a
window has it open, so a second window (on this computer or, on a shared folder, another) learns who has it
instead of silently writing over the first one's saves.

A lock whose window died (kill -9, a power cut) is taken over by the next `acquire()` on the same computer;
one left by another computer stays until `take_over()`, since its process cannot be checked from here.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QLockFile, QSysInfo

from govform.domain.messages import Message


class Acquired(enum.Enum):
    LOCKED = "locked"  # this window holds the lock
    HELD = "held"  # another window holds it: see ProjectLock.holder()
    NO_LOCK = "no_lock"  # no lock file can be made here (a read-only folder, a CD): nothing to protect against


class LockAnswer(enum.Enum):
    """What the clerk chose when another window holds the project (the controller asks its view)."""

    READ_ONLY = "read_only"
    TAKE_OVER = "take_over"  # offered only when the holder is on another computer
    CANCEL = "cancel"


class Holder(NamedTuple):
    """Who holds a project's lock, as its lock file says."""

    pid: int
    host: str
    app: str

    @property
    def on_this_computer(self) -> bool:
        return not self.host or self.host == QSysInfo.machineHostName()

    def who(self) -> Message:
        """ "本机的另一个 govform 窗口（进程 1234）", "电脑“PC-07”上的 govform"."""
        if self.on_this_computer:
            return Message("lock.here", pid=self.pid) if self.pid > 0 else Message("lock.somewhere")
        return Message("lock.elsewhere", host=self.host)


def lock_path(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


class ProjectLock:
    """The lock of one project file, for as long as one window has it open."""

    def __init__(self, project: Path):
        self.project = project
        self.path = lock_path(project)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age

    def acquire(self) -> Acquired:
        """Take the lock if no living window holds it."""
        if self._lock.isLocked() or self._lock.tryLock(0):
            return Acquired.LOCKED
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return Acquired.HELD
        return Acquired.NO_LOCK

    def holder(self) -> Holder | None:
        """Who holds the lock (None: nobody, or its file cannot be read)."""
        info = self._lock.getLockInfo()
        if not isinstance(info, tuple) or len(info) != 3 or not info[0]:
            return None
        pid, host, app = info
        return Holder(int(pid), str(host), str(app))

    def held_message(self) -> Message:
        """ "“年报.govform”已经在本机的另一个 govform 窗口（进程 1234）中打开。…" for the controller to show."""
        holder = self.holder()
        who = holder.who() if holder is not None else Message("lock.somewhere")
        return Message("lock.held", name=self.project.name, who=who)

    def take_over(self) -> Acquired:
        """Remove a lock the clerk says is left over (its computer crashed) and take it."""
        self._lock.removeStaleLockFile()
        return self.acquire()

    @property
    def locked(self) -> bool:
        return self._lock.isLocked()

    def release(self) -> None:
        """The window closed the project (or saved it elsewhere): the lock file is removed."""
        if self._lock.isLocked():
            self._lock.unlock()
