"""`govform export`: findings printed, a DOCX written (or refused with --strict), Chinese messages, exit codes."""

import subprocess
import sys
import zipfile

import pytest

from govform.cli import main
from govform.resources import sample_project

SAMPLE_TEXT = sample_project().read_text(encoding="utf-8")


def broken_project(tmp_path):
    path = tmp_path / "有错误.govform"
    path.write_text(SAMPLE_TEXT.replace('"natural_person": 1', '"natural_person": 4', 1), encoding="utf-8")
    return path


def test_export_sample(tmp_path, capsys):
    out = tmp_path / "年报.docx"
    assert main(["export", str(sample_project()), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "未发现问题" in printed and f"已导出：{out}" in printed
    assert zipfile.is_zipfile(out)


def test_default_output_is_beside_the_project(tmp_path, capsys):
    project = tmp_path / "长寿湖镇.govform"
    project.write_text(SAMPLE_TEXT, encoding="utf-8")
    assert main(["export", str(project)]) == 0
    assert zipfile.is_zipfile(tmp_path / "长寿湖镇.docx")


def test_errors_are_printed_and_the_draft_still_exported(tmp_path, capsys):
    out = tmp_path / "草稿.docx"
    assert main(["export", str(broken_project(tmp_path)), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "错误 R3" in printed and "还有2个错误" in printed
    assert zipfile.is_zipfile(out)


def test_strict_refuses_while_errors_remain(tmp_path, capsys):
    out = tmp_path / "草稿.docx"
    assert main(["export", str(broken_project(tmp_path)), "-o", str(out), "--strict"]) == 1
    captured = capsys.readouterr()
    assert "错误 R3" in captured.out
    assert "报告中还有2个错误，未导出" in captured.err
    assert not out.exists()


def test_strict_exports_a_clean_report(tmp_path):
    out = tmp_path / "年报.docx"
    assert main(["export", str(sample_project()), "-o", str(out), "--strict"]) == 0
    assert out.exists()


def test_unreadable_project_exits_2_with_one_chinese_line(tmp_path, capsys):
    project = tmp_path / "坏.govform"
    project.write_text(SAMPLE_TEXT[:200], encoding="utf-8")
    out = tmp_path / "坏.docx"
    assert main(["export", str(project), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("无法打开“坏.govform”：")
    assert not out.exists()


def test_unwritable_output_exits_2_with_one_chinese_line(tmp_path, capsys):
    assert main(["export", str(sample_project()), "-o", str(tmp_path / "没有" / "年报.docx")]) == 2
    lines = capsys.readouterr().err.strip().split("\n")
    assert len(lines) == 1 and lines[0] == "无法导出“年报.docx”：所在文件夹不存在。"


def test_fallback_fonts(tmp_path, capsys):
    out = tmp_path / "年报.docx"
    assert main(["export", str(sample_project()), "-o", str(out), "--fallback-fonts"]) == 0
    with zipfile.ZipFile(out) as package:
        assert "_GB2312" not in package.read("word/document.xml").decode()


def test_signature_indent(tmp_path):
    out = tmp_path / "年报.docx"
    assert main(["export", str(sample_project()), "-o", str(out), "--signature-indent", "0"]) == 0
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode()
    assert '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>' in document
    with pytest.raises(SystemExit):
        main(["export", str(sample_project()), "-o", str(out), "--signature-indent", "15"])


def test_check_and_the_command_line_do_not_load_python_docx():
    code = "import sys, govform.cli; govform.cli.main(['check', sys.argv[1]]); print('docx' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code, str(sample_project())], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip().endswith("False")
