"""Two windows on one project: the second learns who has it (govform.ui.project_lock)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from govform.ui.project_lock import Acquired, ProjectLock, lock_path
from tests.helpers import faults

HOLD = """
import sys
from PySide6.QtCore import QCoreApplication
from govform.ui.project_lock import ProjectLock
app = QCoreApplication([])
lock = ProjectLock(__import__("pathlib").Path(sys.argv[1]))
print(lock.acquire().value, flush=True)
sys.stdin.read()
"""


def _holder_process(project):
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(project)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=faults.environment(),
    )
    assert process.stdout.readline() == "locked\n"
    return process


def test_the_first_window_locks_and_releases(project):
    lock = ProjectLock(project)
    assert lock.acquire() is Acquired.LOCKED and lock.locked
    assert lock_path(project).exists() and lock_path(project).name == ".changshouhu-2024.govform.lock"
    assert lock.acquire() is Acquired.LOCKED  # asking again is harmless
    lock.release()
    assert not lock_path(project).exists()


def test_a_second_window_learns_who_has_it(project):
    first = ProjectLock(project)
    assert first.acquire() is Acquired.LOCKED
    second = ProjectLock(project)
    assert second.acquire() is Acquired.HELD
    holder = second.holder()
    assert holder.pid == os.getpid() and holder.on_this_computer
    assert str(second.held_message()) == (
        f"“changshouhu-2024.govform”已经在本机的另一个 govform 窗口（进程 {os.getpid()}）中打开。"
        "两处同时修改，后保存的会覆盖先保存的。"
    )
    first.release()
    assert second.acquire() is Acquired.LOCKED
    second.release()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_another_process_holds_it_until_it_exits_or_dies(project):
    holder = _holder_process(project)
    lock = ProjectLock(project)
    try:
        assert lock.acquire() is Acquired.HELD and lock.holder().pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    assert lock_path(project).exists()  # left behind by the killed window
    assert lock.acquire() is Acquired.LOCKED  # taken over: its owner is dead
    lock.release()


def test_a_lock_of_another_computer_is_held_until_taken_over(project):
    lock_path(project).write_text("4242\ngovform\nPC-07\n", encoding="utf-8")
    lock = ProjectLock(project)
    assert lock.acquire() is Acquired.HELD
    assert lock.holder().host == "PC-07" and not lock.holder().on_this_computer
    assert "电脑“PC-07”上的 govform" in str(lock.held_message())
    assert lock.take_over() is Acquired.LOCKED
    lock.release()
    assert not lock_path(project).exists()


def test_where_no_lock_can_be_made_the_project_opens_unprotected(tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    project = folder / "年报.govform"
    project.write_text("{}")
    folder.chmod(0o555)
    script = "import sys, pathlib; from govform.ui.project_lock import ProjectLock; "
    script += "print(ProjectLock(pathlib.Path(sys.argv[1])).acquire().value)"
    done = faults.run(faults.without_privileges([sys.executable, "-c", script, str(project)]))
    assert done.stdout == "no_lock\n", done.stderr
