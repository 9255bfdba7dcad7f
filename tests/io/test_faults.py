"""Writing where it fails, as a clerk's machine makes it fail: a read-only folder, file or file system and a
full disk. Each time: one Chinese line saying why (no English, no traceback, no noise at exit), the
existing file as it was, no temporary file left. See tests/helpers/faults.py for how (as root too)."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from govform.resources import sample_project
from tests.helpers import faults

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions, rlimits and mounts")

SAVE = """
import sys
from govform.io.project import ProjectError, load_project, save_project
try:
    save_project(load_project(sys.argv[1]), sys.argv[2])
except ProjectError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
"""


def _save(source, target, **options):
    return faults.run(faults.without_privileges([*faults.GOVFORM[:1], "-c", SAVE, str(source), str(target)]), **options)


def _export(project, target, **options):
    return faults.run(
        faults.without_privileges([*faults.GOVFORM, "export", str(project), "-o", str(target)]), **options
    )


def _one_chinese_line(done, starts: str) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(starts), done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    return lines[0]


def _ours(folder) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "年报.govform"
    shutil.copyfile(sample_project(), path)
    return path


def test_export_into_a_read_only_folder(tmp_path, project):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    line = _one_chinese_line(_export(project, folder / "年报.docx"), "无法导出“年报.docx”：")
    assert "没有写入权限" in line
    assert os.listdir(folder) == []


def test_export_over_a_read_only_document_is_refused_as_word_does(tmp_path, project):
    target = tmp_path / "年报.docx"
    target.write_bytes(b"PK\x03\x04 the clerk's finished copy")
    target.chmod(0o444)
    line = _one_chinese_line(_export(project, target), "无法导出“年报.docx”：")
    assert "只读" in line
    assert target.read_bytes() == b"PK\x03\x04 the clerk's finished copy"
    # Root is refused too: the file says read-only, whoever asks.
    done = faults.run([*faults.GOVFORM, "export", str(project), "-o", str(target)])
    assert done.returncode == 2 and target.read_bytes() == b"PK\x03\x04 the clerk's finished copy"


def test_a_document_another_user_owns_is_refused(tmp_path, project):
    target = tmp_path / "年报.docx"
    target.write_bytes(b"PK")
    target.chmod(0o644)
    if os.geteuid() == 0:
        os.chown(target, 65534, 65534)  # a colleague's file in a folder we may write
    else:
        pytest.skip("needs a file of another user")
    line = _one_chinese_line(_export(project, target), "无法导出“年报.docx”：")
    assert "只读" in line and target.read_bytes() == b"PK"


def test_saving_a_read_only_project_twice_keeps_its_mode_and_its_backup_works(tmp_path, project):
    project.chmod(0o444)
    for _ in range(3):  # the second save used to fail on the read-only .bak the first left
        done = _save(project, project)
        assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(project.stat().st_mode) == 0o444
    assert project.with_name("年报.govform.bak").read_bytes() == sample_project().read_bytes()
    assert _ours(tmp_path) == []


def test_saving_into_a_read_only_folder(tmp_path, project):
    folder = tmp_path / "只读"
    folder.mkdir()
    shutil.copyfile(project, folder / "年报.govform")
    folder.chmod(0o555)
    line = _one_chinese_line(_save(project, folder / "年报.govform"), "无法保存“年报.govform”：")
    assert "没有写入权限" in line
    assert sorted(os.listdir(folder)) == ["年报.govform"]


def test_a_full_disk_file_size_limit(tmp_path, project):
    target = tmp_path / "年报.docx"
    target.write_bytes(b"PK old")
    line = _one_chinese_line(_export(project, target, file_size_limit=8000), "无法导出“年报.docx”：")
    assert "原有文件未被改动" in line  # and no "Exception ignored in: ZipFile.__del__" at exit (checked above)
    assert target.read_bytes() == b"PK old" and _ours(tmp_path) == []
    saved = tmp_path / "另存.govform"
    line = _one_chinese_line(_save(project, saved, file_size_limit=4000), "无法保存“另存.govform”：")
    assert "原有文件未被改动" in line and not saved.exists() and _ours(tmp_path) == []


@pytest.mark.skipif(not faults.can_mount(), reason="mounting a file system is not allowed here")
def test_a_full_disk(tmp_path, project):
    disk = tmp_path / "disk"
    disk.mkdir()
    script = f"""
import os, subprocess, sys
open('{disk}/年报.docx', 'wb').write(b'PK old')
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
kept = open('{disk}/年报.docx', 'rb').read()
print(done.returncode, done.stderr.strip(), kept, sorted(os.listdir('{disk}')), sep='|')
"""
    command = [*faults.GOVFORM, "export", str(project), "-o", str(disk / "年报.docx")]
    # 12 KB: the old file takes one page of the tmpfs; the sample's DOCX (~15 KB) cannot fit in the rest.
    done = faults.run(faults.on_small_disk(disk, 12, [*faults.GOVFORM[:1], "-c", script, *command]))
    code, stderr, content, listing = done.stdout.strip().split("|")
    assert code == "2" and stderr == "无法导出“年报.docx”：磁盘空间已满。原有文件未被改动。", done.stdout + done.stderr
    assert content == "b'PK old'" and listing == "['年报.docx']"


def test_a_full_disk_under_the_workbooks_temporary_files(tmp_path, project):
    """openpyxl writes each sheet to a temporary file before zipping: where that failed (the temporary folder
    on the same full disk), XLSX export and the batch summary ended in lxml's SerialisationError traceback."""
    target = tmp_path / "年报.xlsx"
    target.write_bytes(b"PK old")
    # 20 KB: the finished workbook (19 KB) would fit, the table sheets' temporary files (up to 24 KB) do not.
    line = _one_chinese_line(_export(project, target, file_size_limit=20_000), "无法导出“年报.xlsx”：")
    assert "超过了系统允许的大小" in line and "原有文件未被改动" in line
    assert target.read_bytes() == b"PK old" and _ours(tmp_path) == []
    summary = tmp_path / "汇总.xlsx"
    command = [*faults.GOVFORM, "check", *[str(project)] * 3, "--xlsx", str(summary)]
    done = faults.run(faults.without_privileges(command), file_size_limit=1_000)
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip() == "无法导出“汇总.xlsx”：文件超过了系统允许的大小，没有写完。原有文件未被改动。"
    assert not summary.exists() and _ours(tmp_path) == []


@pytest.mark.skipif(not faults.can_mount(), reason="mounting a file system is not allowed here")
def test_a_full_temporary_folder(tmp_path, project):
    """The temporary folder full, the target's fine (a full /tmp): the XLSX export says the disk is full."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    target = tmp_path / "年报.xlsx"
    command = ["env", f"TMPDIR={temporary}", *faults.GOVFORM, "export", str(project), "-o", str(target)]
    done = faults.run(faults.on_small_disk(temporary, 12, command))
    line = _one_chinese_line(done, "无法导出“年报.xlsx”：")
    assert "磁盘空间已满" in line and not target.exists() and _ours(tmp_path) == []


@pytest.mark.skipif(not faults.can_mount(), reason="mounting a file system is not allowed here")
def test_a_read_only_file_system(tmp_path, project):
    disk = tmp_path / "disk"
    disk.mkdir()
    command = [*faults.GOVFORM, "export", str(project), "-o", str(disk / "年报.docx")]
    line = _one_chinese_line(faults.run(faults.on_read_only_file_system(disk, command)), "无法导出“年报.docx”：")
    assert "只读" in line and "已满" not in line
    assert os.listdir(disk) == []
