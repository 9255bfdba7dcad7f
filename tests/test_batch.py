"""The batch check: a folder of 500 reports and 4 unreadable files gives a summary workbook of 504 rows, worst
first; the run survives bad files, streams JSON lines, shows progress only on a terminal and can be cancelled."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import time

import openpyxl
import pytest

from govform import batch
from govform.cli import main
from govform.resources import sample_project
from tests.helpers import faults
from tests.helpers.batch import make_docx_reports, make_reports, make_unreadable

COUNT = 500


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("收到的年报")
    made = make_reports(root, COUNT)
    broken = make_unreadable(root / "有问题的")
    # Not reports, or not to be checked: skipped when a folder is searched.
    (root / "台账.xlsx").write_bytes(b"")
    (root / "~$报告0001.docx").write_bytes(b"")
    (root / ".隐藏.govform").write_text("{}", encoding="utf-8")
    return root, made, broken


def test_500_reports_and_4_unreadable_give_504_rows_worst_first(folder, capsys):
    root, _made, broken = folder
    summary = root / "汇总.xlsx"
    started = time.perf_counter()
    assert main(["check", str(root), "--xlsx", str(summary)]) == 2
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert len(err.strip().split("\n")) == 4 and all(line.startswith("无法打开“") for line in err.strip().split("\n"))
    assert "正在检查" not in err  # standard error is not a terminal here
    assert f"共检查{COUNT + 4}份：4份无法读取，50份有错误，50份只有警告，400份通过。" in out
    assert elapsed < 30, f"{elapsed:.1f} s for {COUNT + 4} files"

    workbook = openpyxl.load_workbook(summary)
    reports, findings = workbook.worksheets
    assert (reports.title, findings.title) == ("报告", "全部问题")
    header = [c.value for c in reports[1]]
    assert header == ["状态", "文件", "机关", "年度", "文件类型", "报告格式", "错误", "警告", "主要问题", "所在文件夹"]
    rows = [[c.value for c in row] for row in reports.iter_rows(min_row=2)]
    assert len(rows) == COUNT + 4
    assert {row[1] for row in rows[:4]} == {p.name for p in broken}
    assert all(row[0] == "无法读取" and row[8].startswith("无法打开“") for row in rows[:4])
    not_a_report = next(row for row in rows if row[1] == "不是报告.govform")
    assert "这不是政府信息公开年报的项目文件" in not_a_report[8]
    statuses = [row[0] for row in rows[4:]]
    assert statuses == ["有错误"] * 50 + ["只有警告"] * 50 + ["通过"] * 400
    first_error = rows[4]
    assert first_error[6] == 1 and first_error[8].startswith("错误 R4：表四行政复议：总计填的是5")
    assert first_error[5] == "国办公开办函〔2021〕30号" and first_error[4] == "项目文件" and first_error[3] == 2024
    link = reports.cell(6, 2).hyperlink.target
    assert link.startswith("第") and link.endswith(first_error[1]) and (root / link).is_file()
    assert reports.freeze_panes == "A2" and reports.auto_filter.ref == f"A1:J{COUNT + 5}"

    finding_rows = [[c.value for c in row] for row in findings.iter_rows(min_row=2)]
    assert len(finding_rows) == 100
    header = [c.value for c in findings[1]]
    assert header == ["文件", "严重程度", "规则", "规则说明", "表格", "位置", "数字", "说明"]
    r4 = finding_rows[0]
    assert r4[1:6] == ["错误", "R4", "复议诉讼合计不符", "表四", "表四 行政复议·总计"]
    assert r4[6] == "填报的总计 5；各项之和 0"
    assert findings.freeze_panes == "A2" and findings.auto_filter.ref == "A1:H101"


def test_json_streams_one_line_per_report(folder, capsys):
    _root, made, broken = folder
    assert main(["check", "--json", str(made["clean"][0].parent), *map(str, broken[:1])]) == 2
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert results[-1]["readable"] is False and results[-1]["error"].startswith("无法打开“截断.govform”")
    assert all(r["readable"] and r["errors"] in (0, 1) for r in results[:-1])


def test_progress_only_on_a_terminal(folder, monkeypatch, capsys):
    _root, made, _ = folder

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["check", *map(str, made["warnings"][:3])]) == 0
    assert "\r" in terminal.getvalue() and "正在检查 3/3" in terminal.getvalue()
    assert terminal.getvalue().endswith(" \r")  # the bar is gone at the end
    assert "正在检查" not in capsys.readouterr().out


def test_the_engine_reports_progress_and_can_be_cancelled(folder):
    root, _made, _ = folder
    seen = []
    result = batch.check([root / "第1片区"], progress=lambda done, total: seen.append((done, total)))
    assert not result.cancelled and seen[-1] == (len(result.reports), result.total) and result.exit_status == 1
    assert [r.path for r in result.reports] == sorted(r.path for r in result.reports)

    calls = []
    cancelled = batch.check([root], progress=lambda done, total: calls.append(done), cancelled=lambda: bool(calls))
    assert cancelled.cancelled and 0 < len(cancelled.reports) < cancelled.total


def test_a_crashing_importer_is_a_row_and_the_run_goes_on(tmp_path, monkeypatch):
    from govform.io import registry

    broken = registry.FileKind(".xlsx", registry.IMPORTERS[".xlsx"].name, "json:no_such_function")
    monkeypatch.setattr(registry, "IMPORTERS", {".xlsx": broken})
    ledger = tmp_path / "台账.xlsx"
    ledger.write_bytes(b"")
    result = batch.check([ledger, sample_project()], jobs=1)
    assert [r.status for r in result.reports] == ["unreadable", "clean"]
    assert result.reports[0].problem.startswith("无法读取“台账.xlsx”：程序读取这个文件时出错（AttributeError）")


def test_an_empty_folder_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("没有找到要检查的文件")


def _broken_word_files(folder):
    """Three files named .docx that are broken and one Word document that is not a report."""
    import zipfile

    import docx

    folder.mkdir(parents=True, exist_ok=True)
    good = folder.parent / "报告0000.docx"
    (folder / "截断.docx").write_bytes(good.read_bytes()[:3000])
    (folder / "旧版Word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)  # a .doc renamed
    with zipfile.ZipFile(folder / "空壳.docx", "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    letter = docx.Document()
    letter.add_paragraph("关于召开季度工作会议的通知")
    letter.add_paragraph("各科室：定于下周一上午九时召开季度工作会议，请准时参加。")
    letter.save(folder / "会议通知.docx")
    return sorted(folder.iterdir())


def test_500_word_reports_and_4_unreadable_give_504_rows_worst_first(tmp_path_factory, capsys):
    projects = tmp_path_factory.mktemp("项目")
    made = make_reports(projects, 25)
    root = tmp_path_factory.mktemp("收到的Word年报")
    reports = make_docx_reports(root, sorted(p for paths in made.values() for p in paths), COUNT)
    broken = _broken_word_files(root / "有问题的")
    summary = root / "汇总.xlsx"
    assert main(["check", str(root), "--xlsx", str(summary)]) == 2
    out, err = capsys.readouterr()
    assert len(err.strip().split("\n")) == 4 and all(line.startswith("无法导入“") for line in err.strip().split("\n"))
    workbook = openpyxl.load_workbook(summary)
    rows = [[c.value for c in row] for row in workbook.worksheets[0].iter_rows(min_row=2)]
    assert len(rows) == len(reports) + 4 == COUNT + 4
    assert {row[1] for row in rows[:4]} == {p.name for p in broken}
    assert all(row[0] == "无法读取" for row in rows[:4])
    assert {row[4] for row in rows[4:]} == {"Word 文档"} and all(row[2].endswith("镇人民政府") for row in rows[4:])
    statuses = [row[0] for row in rows[4:]]
    assert statuses.count("有错误") > 0 and statuses.count("通过") > 0
    assert f"共检查{COUNT + 4}份：4份无法读取" in out


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symbolic_link_loop_is_a_row_and_the_summary_is_written(tmp_path, capsys):
    """A link loop in the folder (or named) ended the run with RuntimeError, and then the summary too."""
    shutil.copy(sample_project(), tmp_path / "甲.govform")
    (tmp_path / "环1.govform").symlink_to("环2.govform")
    (tmp_path / "环2.govform").symlink_to("环1.govform")
    (tmp_path / "上级").symlink_to(".", target_is_directory=True)  # a folder loop: not followed
    summary = tmp_path / "汇总.xlsx"
    assert main(["check", str(tmp_path), str(tmp_path / "环1.govform"), "--xlsx", str(summary)]) == 2
    out, err = capsys.readouterr()
    assert err.count("路径中的快捷方式（符号链接）循环指向自身") == 2 and "共检查3份：2份无法读取" in out
    rows = list(openpyxl.load_workbook(summary).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1]) for row in rows] == [
        ("无法读取", "环1.govform"),
        ("无法读取", "环2.govform"),
        ("通过", "甲.govform"),
    ]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_folder_that_cannot_be_searched_is_a_row_not_a_silence(tmp_path):
    """A sub-folder without read permission was skipped without a word: its reports went unchecked."""
    shutil.copy(sample_project(), tmp_path / "甲.govform")
    locked = tmp_path / "乙镇"
    locked.mkdir()
    shutil.copy(sample_project(), locked / "乙.govform")
    locked.chmod(0)
    try:
        done = faults.run(faults.without_privileges([*faults.GOVFORM, "check", str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "无法打开文件夹“乙镇”：没有访问权限。其中的报告没有检查。"
    assert "共检查2份：1份无法读取，0份有错误，0份只有警告，1份通过。" in done.stdout


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
def test_ctrl_c_mid_run_stops_in_one_line_and_leaves_no_workers(tmp_path):
    """Ctrl+C (SIGINT to the whole process group, as a terminal sends it) printed Python's traceback, from the
    parent and from workers."""
    import signal
    import subprocess

    from govform.io.docx_export import export_docx
    from tests.helpers.reports import sample

    first = tmp_path / "报告0000.docx"
    export_docx(sample(), first)
    for index in range(1, 300):
        shutil.copy(first, tmp_path / f"报告{index:04d}.docx")
    summary = tmp_path / "汇总.xlsx"
    command = [*faults.GOVFORM, "check", str(tmp_path), "--xlsx", str(summary)]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=faults.environment(), start_new_session=True
    )
    assert process.stdout.readline()  # some reports checked: the workers are at work
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err.decode()
    assert err.decode().strip().split("\n")[-1].startswith("已中断（Ctrl+C），未写出汇总表")
    assert not summary.exists() and not list(tmp_path.glob(".*.tmp"))
    time.sleep(0.5)
    left = subprocess.run(["ps", "-o", "stat=", "-g", str(process.pid)], capture_output=True, text=True).stdout
    assert all(state.startswith("Z") for state in left.split()), left  # at most exited workers not yet reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="file names of any bytes")
def test_names_from_elsewhere_are_shown_on_one_line_as_they_are(tmp_path, capsys):
    """Reports unpacked from a zip made on Windows have GBK names, not UTF-8: the summary workbook failed with a
    traceback after the whole run. A name with a line break or a terminal escape was printed as is (two lines;
    the terminal turned red)."""
    root = os.fsencode(tmp_path)
    names = ["甲镇".encode("gbk") + b".govform", b"line\nbreak.govform", b"esc\x1b[31mred.govform", b"broken\xff.docx"]
    for name in names:
        with open(os.path.join(root, name), "wb") as file:
            file.write(b"junk" if name.endswith(b".docx") else sample_project().read_bytes())
    summary = tmp_path / "汇总.xlsx"
    assert main(["check", str(tmp_path), "--xlsx", str(summary)]) == 2
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "esc\\x1b[31mred.govform：未发现问题。" in out
    assert "line\\nbreak.govform：未发现问题。" in out and "甲镇.govform：未发现问题。" in out
    assert err.strip().startswith("无法导入“broken�.docx”：") and len(err.strip().split("\n")) == 1
    rows = list(openpyxl.load_workbook(summary).worksheets[0].iter_rows(min_row=2))
    shown = {row[1].value: row[1].hyperlink.target for row in rows}
    assert shown["甲镇.govform"].endswith("/%BC%D7%D5%F2.govform")  # the link spells the GBK bytes
    assert shown["line\\nbreak.govform"].endswith("/line%0Abreak.govform")
