import errno
import os
import re
import stat
import subprocess
import sys

import pytest

from govform.io.files import fcntl, os_error_reason, refuse_to_replace, write_atomically


def test_replaces_in_one_step_and_keeps_a_backup(tmp_path):
    path, backup = tmp_path / "a.txt", tmp_path / "a.txt.bak"
    write_atomically(path, lambda out: out.write(b"first"), backup=backup)
    assert path.read_bytes() == b"first" and not backup.exists()
    write_atomically(path, lambda out: out.write(b"second"), backup=backup)
    assert path.read_bytes() == b"second" and backup.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.bak"]


def test_a_failing_writer_leaves_the_file_and_no_temporary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"kept")

    def half_then_fail(out):
        out.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(path, half_then_fail)
    assert path.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# -- the backup, stale temporaries, permissions, links ---------------------------------------------


def test_the_backup_is_replaced_in_one_step_even_when_read_only(tmp_path):
    path, backup = tmp_path / "a.govform", tmp_path / "a.govform.bak"
    for content in (b"one", b"two", b"three"):
        write_atomically(path, lambda out, c=content: out.write(c), backup=backup)
        path.chmod(0o444)  # a project made read-only between saves
    assert path.read_bytes() == b"three" and backup.read_bytes() == b"two"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.govform", "a.govform.bak"]


def test_without_hard_links_the_backup_is_a_copy(tmp_path, monkeypatch):
    path, backup = tmp_path / "a.txt", tmp_path / "a.txt.bak"
    path.write_bytes(b"old")
    monkeypatch.setattr(os, "link", lambda *args: (_ for _ in ()).throw(OSError(errno.EPERM, "no links")))
    path.chmod(0o640)
    write_atomically(path, lambda out: out.write(b"new"), backup=backup)
    assert path.read_bytes() == b"new" and backup.read_bytes() == b"old"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.bak"]


def test_a_save_removes_the_temporary_files_a_killed_save_left(tmp_path):
    path = tmp_path / "a.govform"
    stale = [tmp_path / ".a.govform.0123456789abcdef.tmp", tmp_path / ".a.govform.bak.fedcba9876543210.tmp"]
    others = [tmp_path / ".b.govform.0123456789abcdef.tmp", tmp_path / ".a.govform.mine.tmp", tmp_path / "x.tmp"]
    for file in stale + others:
        file.write_bytes(b"x")
    write_atomically(path, lambda out: out.write(b"new"), backup=tmp_path / "a.govform.bak")
    assert not any(file.exists() for file in stale)
    assert all(file.exists() for file in others)  # not ours: left alone


@pytest.mark.skipif(fcntl is None, reason="flock")
def test_the_temporary_file_of_a_save_under_way_is_left_alone(tmp_path):
    path = tmp_path / "a.govform"
    busy = tmp_path / ".a.govform.0123456789abcdef.tmp"
    busy.write_bytes(b"being written")
    # Another process writing: its lock is held until it exits.
    writer = subprocess.Popen(
        [sys.executable, "-c", LOCK_AND_WAIT, str(busy)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline() == "locked\n"
        write_atomically(path, lambda out: out.write(b"new"))
        assert busy.exists()
    finally:
        writer.communicate("", timeout=30)
    write_atomically(path, lambda out: out.write(b"newer"))
    assert not busy.exists()


LOCK_AND_WAIT = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
sys.stdin.read()
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_new_file_gets_0666_less_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path):
    path = tmp_path / "年报.docx"
    old_mask = os.umask(0o027)
    try:
        write_atomically(path, lambda out: out.write(b"new"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        path.chmod(0o664)  # a shared folder's colleagues may write it
        write_atomically(path, lambda out: out.write(b"newer"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o664
    finally:
        os.umask(old_mask)


def test_through_a_symbolic_link_the_file_it_points_to_is_replaced(tmp_path):
    real = tmp_path / "real" / "年报.govform"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "年报.govform"
    link.symlink_to(real)
    write_atomically(link, lambda out: out.write(b"new"), backup=link.with_name("年报.govform.bak"))
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert (tmp_path / "年报.govform.bak").read_bytes() == b"old"  # where the clerk looks, beside the link


def test_a_writer_that_fails_half_way_never_touches_the_file(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"kept")

    def fails(out):
        out.write(b"half")
        raise ValueError("a library's own error")

    with pytest.raises(ValueError):
        write_atomically(path, fails)
    assert path.read_bytes() == b"kept" and [p.name for p in tmp_path.iterdir()] == ["a.docx"]


# -- what export may replace ---------------------------------------------------------------------


def test_a_missing_or_ordinary_target_may_be_replaced(tmp_path):
    assert refuse_to_replace(tmp_path / "new.docx") is None
    (tmp_path / "old.docx").write_bytes(b"PK\x03\x04")
    assert refuse_to_replace(tmp_path / "old.docx") is None


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (lambda p: p.mkdir(), "files.is_folder"),
        (lambda p: os.mkfifo(p), "overwrite.not_regular"),
        (lambda p: p.symlink_to(os.devnull), "overwrite.not_regular"),
        (lambda p: p.write_text('{\n  "kind": "govform-project",\n'), "overwrite.project"),
        (lambda p: (p.write_bytes(b"PK"), p.chmod(0o444)), "overwrite.read_only"),
    ],
    ids=["folder", "fifo", "device", "project-by-content", "read-only"],
)
def test_export_refuses_to_replace(tmp_path, make, key):
    target = tmp_path / "年报.docx"
    make(target)
    assert refuse_to_replace(target).key == key


def test_export_refuses_the_project_itself_and_any_project_file(tmp_path):
    project = tmp_path / "年报.govform"
    project.write_text("{}")
    assert refuse_to_replace(project).key == "overwrite.project"
    assert refuse_to_replace(project, source=project).key == "overwrite.source"
    assert refuse_to_replace(tmp_path / "." / "年报.govform", source=project).key == "overwrite.source"


# -- reasons -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "ENAMETOOLONG", "ELOOP", "EISDIR", "EFBIG", "ENOENT"]
)
@pytest.mark.parametrize("writing", [False, True])
def test_common_errors_have_their_own_chinese_reason(code, writing):
    number = getattr(errno, code)
    reason = os_error_reason(OSError(number, os.strerror(number)), writing=writing)
    text = reason.text("zh_CN")
    assert reason.key != "files.other" and re.match("[\u4e00-\u9fff]", text), text
    assert os.strerror(number) not in text
    if number == errno.EROFS:
        assert "已满" not in text


def test_an_unusual_error_gives_its_number_not_english():
    assert str(os_error_reason(OSError(errno.EXDEV, "Invalid cross-device link"))) == "系统报告错误（错误码 18）。"
