"""The command line given what a hostile tester gives it: targets it must not write over, inputs that would
hang or eat memory, a reader that goes away. Always one Chinese line or silence, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from govform.cli import main
from govform.resources import sample_project
from tests.helpers import faults

SAMPLE = sample_project().read_bytes()


def _refused(capsys, *args: str) -> str:
    assert main(list(args)) == 2
    lines = capsys.readouterr().err.strip().split("\n")
    return lines[-1]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "年报.govform"
    path.write_bytes(SAMPLE)
    return path


# -- 5. export never writes over what the clerk did not ask to replace ----------------------------


def test_export_onto_the_project_itself_leaves_it(capsys, project):
    line = _refused(capsys, "export", str(project), "-o", str(project))
    assert line.startswith("无法导出“年报.govform”：")
    assert project.read_bytes() == SAMPLE and not project.with_name("年报.govform.bak").exists()


def test_export_onto_the_input_under_another_suffix_leaves_it(capsys, tmp_path):
    disguised = tmp_path / "年报.docx"  # a project file, whatever its name says
    disguised.write_bytes(SAMPLE)
    line = _refused(capsys, "export", str(disguised), "-o", str(disguised))
    assert line == "无法导出“年报.docx”：这是正在导出的项目文件本身，导出不会覆盖它。请换一个文件名。"
    assert disguised.read_bytes() == SAMPLE


def test_export_onto_another_project_or_a_backup_leaves_it(capsys, tmp_path, project):
    backup = tmp_path / "旧.docx"  # e.g. a .bak renamed
    backup.write_bytes(SAMPLE)
    line = _refused(capsys, "export", str(project), "-o", str(backup))
    assert line == "无法导出“旧.docx”：这是年报项目文件，导出不会覆盖它。请换一个文件名。"
    assert backup.read_bytes() == SAMPLE


@pytest.mark.skipif(os.name != "posix", reason="fifos and device nodes")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_export_onto_a_fifo_or_a_device_leaves_it(capsys, tmp_path, project, kind):
    target = tmp_path / "年报.docx"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(os.devnull)
    line = _refused(capsys, "export", str(project), "-o", str(target))
    assert "不是普通文件" in line
    assert target.is_fifo() if kind == "fifo" else target.is_symlink() and target.is_char_device()


def test_export_onto_a_folder_says_so(capsys, tmp_path, project):
    (tmp_path / "年报.docx").mkdir()
    assert _refused(capsys, "export", str(project), "-o", str(tmp_path / "年报.docx")).endswith("同名的是一个文件夹。")


# -- import and new never write a project over what the clerk did not mean to replace ---------------


@pytest.fixture(scope="module")
def word_report(tmp_path_factory):
    from govform.io.docx_export import export_docx
    from tests.helpers.reports import sample

    path = tmp_path_factory.mktemp("word") / "年报.docx"
    export_docx(sample(), path)
    return path.read_bytes()


def test_import_onto_the_report_itself_leaves_it(capsys, tmp_path, word_report):
    """`import 年报.docx -o 年报.docx` replaced the Word report with the project's JSON (exit 0)."""
    report = tmp_path / "年报.docx"
    report.write_bytes(word_report)
    link = tmp_path / "链接.govform"
    link.symlink_to(report.name)
    for target in (report, link):
        line = _refused(capsys, "import", str(report), "-o", str(target))
        assert line == f"无法保存“{target.name}”：这是要读取的报告本身，不会被项目文件覆盖。请换一个文件名。"
    assert report.read_bytes() == word_report
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年报.docx", "链接.govform"]  # no .bak: nothing written
    _refused(capsys, "new", "--from", str(report), "-o", str(report))
    assert report.read_bytes() == word_report


def test_import_onto_a_file_that_is_not_a_project_leaves_it(capsys, tmp_path, word_report):
    report = tmp_path / "年报.docx"
    report.write_bytes(word_report)
    notes = tmp_path / "笔记.txt"
    notes.write_text("不能丢的笔记", encoding="utf-8")
    line = _refused(capsys, "import", str(report), "-o", str(notes))
    assert line.startswith("无法保存“笔记.txt”：同名的文件不是年报项目文件，不会被覆盖。")
    assert notes.read_text(encoding="utf-8") == "不能丢的笔记" and not (tmp_path / "笔记.txt.bak").exists()
    again = tmp_path / "年报.govform"  # a project of that name is replaced, its old self kept as the .bak
    assert main(["import", str(report), "-o", str(again)]) == 0
    assert main(["import", str(report), "-o", str(again)]) == 0
    assert (tmp_path / "年报.govform.bak").read_bytes() == again.read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="fifos")
def test_import_onto_a_fifo_leaves_it(capsys, tmp_path, word_report):
    """A pipe (or, through a link, a device: as root `-o /dev/null` replaced the system's) became a file."""
    report = tmp_path / "年报.docx"
    report.write_bytes(word_report)
    fifo = tmp_path / "管道.govform"
    os.mkfifo(fifo)
    link = tmp_path / "链接.govform"
    link.symlink_to(fifo.name)
    for target in (fifo, link):
        line = _refused(capsys, "import", str(report), "-o", str(target))
        assert line == f"无法保存“{target.name}”：同名的不是普通文件（可能是设备或管道），不能保存到这里。"
    assert fifo.is_fifo() and link.is_symlink()


# -- the batch summary never writes over a report, whatever --xlsx names ------------------------


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "收到的年报"
    folder.mkdir()
    for name in ("甲.govform", "乙.govform"):
        (folder / name).write_bytes(SAMPLE)
    return folder


@pytest.mark.parametrize("name", ["甲.govform", "甲.docx"])
def test_the_summary_is_never_written_over_a_report_in_the_folder(capsys, reports, name):
    """--xlsx naming a report of the folder (a slip of the tab key) replaced it with the workbook, no backup."""
    target = reports / name
    if not target.exists():
        target.write_bytes(b"PK\x03\x04 a Word report")
    before = target.read_bytes()
    line = _refused(capsys, "check", str(reports), "--xlsx", str(target))
    assert line.startswith(f"无法导出“{name}”：") and "汇总表" in line
    assert target.read_bytes() == before and not list(reports.glob(".*.tmp"))


def test_the_summary_is_never_written_over_a_file_being_checked(capsys, reports):
    workbook = reports / "台账.xlsx"  # a workbook named on the command line is checked as a report
    workbook.write_bytes(b"PK\x03\x04 a ledger")
    line = _refused(capsys, "check", str(reports / "甲.govform"), str(workbook), "--xlsx", str(workbook))
    assert line == "无法导出“台账.xlsx”：这是要检查的文件之一，汇总表不会写在它上面。请换一个文件名。"
    assert workbook.read_bytes() == b"PK\x03\x04 a ledger"


def test_a_read_only_summary_is_not_replaced(capsys, reports, tmp_path):
    summary = tmp_path / "汇总.xlsx"
    summary.write_bytes(b"last year's summary")
    summary.chmod(0o444)
    line = _refused(capsys, "check", str(reports), "--xlsx", str(summary))
    assert line == "无法导出“汇总.xlsx”：文件是只读的，不会被覆盖。请换一个文件名，或先去掉该文件的只读属性。"
    assert summary.read_bytes() == b"last year's summary"


# -- 8. inputs that would hang or eat memory are refused before reading -------------------------


def _check_quickly(*paths: str, seconds: float = 10) -> subprocess.CompletedProcess:
    started = time.monotonic()
    done = subprocess.run(
        [*faults.GOVFORM, "check", *paths], capture_output=True, text=True, timeout=60, env=faults.environment()
    )
    assert time.monotonic() - started < seconds
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX devices")
def test_check_dev_zero_answers_at_once():
    done = _check_quickly("/dev/zero")
    assert (
        done.returncode == 2 and done.stderr.strip() == "无法打开“zero”：这不是普通文件（可能是设备或管道），无法打开。"
    )


@pytest.mark.skipif(os.name != "posix", reason="fifos")
def test_check_a_fifo_answers_at_once(tmp_path):
    fifo = tmp_path / "年报.govform"
    os.mkfifo(fifo)  # with no writer, opening it to read would wait forever
    done = _check_quickly(str(fifo))
    assert done.returncode == 2 and "不是普通文件" in done.stderr


def test_a_200_mb_project_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "巨大.govform"
    with huge.open("wb") as file:
        file.write(SAMPLE[:-2])
        file.truncate(200 * 1024 * 1024)  # sparse: no disk used
    done = _check_quickly(str(huge), seconds=5)
    assert done.returncode == 2
    assert done.stderr.strip() == "无法打开“巨大.govform”：文件有200 MB，不像是年报项目文件（项目文件不超过20 MB）。"


def test_a_huge_project_costs_no_memory(tmp_path):
    huge = tmp_path / "巨大.govform"
    with huge.open("wb") as file:
        file.truncate(200 * 1024 * 1024)
    # With 300 MB of address space for the whole interpreter, reading and decoding it would fail (MemoryError).
    script = "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20));"
    script += "from govform.cli import main; sys.exit(main(['check', sys.argv[1]]))"
    done = subprocess.run(
        [sys.executable, "-c", script, str(huge)], capture_output=True, text=True, timeout=60, env=faults.environment()
    )
    assert done.returncode == 2 and "MemoryError" not in done.stderr, done.stderr


# -- 9. a reader that goes away ------------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("head") or os.name != "posix", reason="a POSIX pipe")
@pytest.mark.parametrize("json", [True, False], ids=["json", "text"])
def test_check_into_a_closed_pipe_exits_quietly(project, json):
    files = " ".join([f"'{project}'"] * 200)
    command = f"{sys.executable} -m govform check {'--json' if json else ''} {files} | head -c 1 >/dev/null"
    for _ in range(3):  # the moment the pipe closes varies
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=faults.environment()
        )
        assert done.stderr == "" and done.returncode in (0, 141)
