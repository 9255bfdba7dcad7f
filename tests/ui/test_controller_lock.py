"""Two windows on one project (issue 12, item 11): the controller takes the project's lock after loading it, and
a second window (in this process or another, on this computer or another) is told who has it and offered
read-only, or taking over a lock another computer left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from govform import APP_DISPLAY_NAME
from govform.io.project import load_project
from govform.resources import sample_project
from govform.ui import project_lock
from govform.ui.controller import Controller
from govform.ui.project_lock import Acquired, LockAnswer, ProjectLock, lock_path
from govform.ui.settings import MemoryStore, Settings
from tests.helpers import faults
from tests.helpers.ui import FakeView
from tests.ui.test_project_lock import HOLD

OFFER = "要以只读方式打开吗？只读时可以查看、核对和导出，保存时须另存为新文件。"


def _window(settings):
    view = FakeView()
    return Controller(view, settings, None, sample_project()), view


def _held_here(project, pid=None):
    return (
        f"“{project.name}”已经在本机的另一个 govform 窗口（进程 {pid or os.getpid()}）中打开。"
        "两处同时修改，后保存的会覆盖先保存的。"
    )


def test_the_first_window_locks_the_project_and_releases_it_on_close(settings, project):
    first, view = _window(settings)
    assert first.open_path(project)
    assert first.lock.locked and lock_path(project).exists() and view.asked_lock == []
    assert first.close()
    assert not lock_path(project).exists()


def test_the_sample_is_never_locked(settings):
    first, _ = _window(settings)
    first.start(None)
    assert first.lock is None and not list(sample_project().parent.glob(".*.lock"))


def test_a_second_window_is_told_who_has_it_and_may_cancel(settings, project):
    first, _ = _window(settings)
    first.open_path(project)
    second, view = _window(settings)
    second.open_sample()
    sample_document = second.document
    assert not second.open_path(project)  # the fake answers Cancel
    assert view.asked_lock == [(_held_here(project), OFFER, False)]  # same computer: no taking over
    assert second.document is sample_document and second.lock is None
    assert first.lock.locked


def test_read_only_opens_marked_and_save_goes_to_save_as(settings, project, tmp_path):
    first, _ = _window(settings)
    first.open_path(project)
    second, view = _window(settings)
    view.lock_answer = LockAnswer.READ_ONLY
    assert second.open_path(project)
    document = second.document
    assert document.read_only and document.path == project.resolve() and second.lock is None
    document.report.set_meta("agency", "第二个窗口改的")
    document.stack.resetClean()
    before = project.read_bytes()

    view.save_path = project  # Save goes to Save As; choosing the same file is refused: the first window has it
    assert not second.save()
    assert view.asked_save == ["changshouhu-2024（副本）.govform"] and view.folders[-1] == project.resolve().parent
    assert view.errors == [_held_here(project) + "\n请换一个文件名保存。"] and project.read_bytes() == before
    assert document.read_only and document.modified

    view.save_path = tmp_path / "副本"
    assert second.save()
    copy = (tmp_path / "副本.govform").resolve()
    assert load_project(copy).agency == "第二个窗口改的" and project.read_bytes() == before
    assert not document.read_only and document.path == copy and second.lock.project == copy
    assert lock_path(copy).exists()


def test_save_as_takes_the_new_file_s_lock_then_releases_the_old(settings, project, tmp_path):
    first, view = _window(settings)
    first.open_path(project)
    view.save_path = tmp_path / "另存"
    assert first.save_as()
    assert not lock_path(project).exists() and lock_path(tmp_path / "另存.govform").exists()
    assert first.lock.project == (tmp_path / "另存.govform").resolve()


def test_save_as_onto_a_project_another_window_has_is_refused(settings, project, tmp_path):
    other = tmp_path / "另一个.govform"
    other.write_bytes(project.read_bytes())
    first, _ = _window(settings)
    first.open_path(other)
    second, view = _window(settings)
    second.open_path(project)
    view.save_path = other
    before = other.read_bytes()
    assert not second.save_as()
    assert view.errors == [_held_here(other) + "\n请换一个文件名保存。"] and other.read_bytes() == before
    assert second.document.path == project.resolve() and lock_path(project).exists()  # its own lock kept


def test_opening_another_project_releases_the_first(settings, project, tmp_path):
    other = tmp_path / "另一个.govform"
    other.write_bytes(project.read_bytes())
    first, _ = _window(settings)
    first.open_path(project)
    first.open_path(other)
    assert not lock_path(project).exists() and lock_path(other).exists()
    first.open_path(other)  # opened again in the same window: still its own
    assert lock_path(other).exists() and first.lock.locked
    first.open_sample()
    assert not lock_path(other).exists() and first.lock is None


def test_a_lock_another_computer_left_can_be_taken_over(settings, project):
    lock_path(project).write_text("4242\ngovform\nPC-07\n", encoding="utf-8")
    second, view = _window(settings)
    view.lock_answer = LockAnswer.TAKE_OVER
    assert second.open_path(project)
    [(held, offer, can_take_over)] = view.asked_lock
    assert "电脑“PC-07”上的 govform" in held and offer == OFFER and can_take_over
    assert second.lock.locked and not second.document.read_only
    assert lock_path(project).read_text(encoding="utf-8").startswith(f"{os.getpid()}\n")


def test_where_no_lock_can_be_made_the_project_opens_normally(settings, project, monkeypatch):
    monkeypatch.setattr(project_lock.ProjectLock, "acquire", lambda self: Acquired.NO_LOCK)
    first, view = _window(settings)
    assert first.open_path(project)
    assert view.asked_lock == [] and first.lock is None and not first.document.read_only
    first.document.report.set_meta("agency", "改过的名称")
    assert first.save() and load_project(project).agency == "改过的名称"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_window_of_another_process_holds_it(settings, project):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=faults.environment(),
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        second, view = _window(settings)
        view.lock_answer = LockAnswer.READ_ONLY
        assert second.open_path(project)
        assert view.asked_lock == [(_held_here(project, holder.pid), OFFER, False)]
        assert second.document.read_only
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    third, view = _window(settings)
    assert third.open_path(project)  # its window died: the lock is taken without asking
    assert view.asked_lock == [] and third.lock.locked


def test_a_restored_project_another_window_has_keeps_its_journal(settings, project, tmp_path):
    from govform.ui.recovery import Journal

    crashed = Journal(tmp_path / "recovery")
    crashed.write(_window(settings)[0].load(project))
    crashed._lock.unlock()  # as a killed process leaves it
    first, _ = _window(settings)
    first.open_path(project)
    second, view = _window(Settings(MemoryStore()))  # the first window's last project is not the second's
    second.journal = Journal(tmp_path / "recovery")
    view.restore_answer = True
    second.start(None)  # restore asked, then the lock: cancelled, so the sample opens
    assert len(view.asked_restore) == 1 and len(view.asked_lock) == 1
    assert second.document.path is None
    assert len(second.journal.orphans()) == 1  # offered again at the next start


def test_a_read_only_project_has_it_in_the_title(window, project):
    other = ProjectLock(project.with_name("第二.govform"))
    project.with_name("第二.govform").write_bytes(project.read_bytes())
    assert other.acquire().value == "locked"
    window.ask_lock = lambda held, offer, can_take_over: LockAnswer.READ_ONLY
    try:
        assert window.controller.open_path(project.with_name("第二.govform"))
        assert window.windowTitle() == f"第二.govform [只读][*] - {APP_DISPLAY_NAME}"
    finally:
        other.release()


def test_a_read_only_project_s_save_offers_a_copy_s_name(window, project, qtbot, monkeypatch):
    """Ctrl+S on a project another window has: Save As suggests a name it may save to, not the project's own
    (which it then refused)."""
    from PySide6.QtCore import Qt

    from govform.ui import file_dialogs

    held = project.with_name("第二.govform")
    held.write_bytes(project.read_bytes())
    project.with_name("第二（副本）.govform").write_bytes(project.read_bytes())  # a copy made before
    other = ProjectLock(held)
    assert other.acquire().value == "locked"
    window.ask_lock = lambda held, offer, can_take_over: LockAnswer.READ_ONLY
    asked = []
    monkeypatch.setattr(file_dialogs, "save_file", lambda parent, title, name, *rest: asked.append(name))
    try:
        assert window.controller.open_path(held)
        qtbot.keyClick(window.editor.basics.agency, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    finally:
        other.release()
    assert asked == [str(held.resolve().with_name("第二（副本2）.govform"))]
