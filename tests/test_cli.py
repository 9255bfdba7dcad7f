import json
import re
import subprocess
import sys

import pytest

from govform.cli import main
from govform.domain.format import load_format
from govform.resources import sample_project

SAMPLE_TEXT = sample_project().read_text(encoding="utf-8")


def test_check_sample_is_clean(capsys):
    assert main(["check", str(sample_project())]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_check_a_hand_edited_figure_names_rule_and_cells(tmp_path, capsys):
    path = tmp_path / "edited.govform"
    path.write_text(SAMPLE_TEXT.replace('"natural_person": 1', '"natural_person": 4', 1), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "三、收到和处理政府信息公开申请情况" in out
    assert "错误 R3：表三“一、本年新收政府信息公开申请数量”行：总计填的是1，但自然人与各类法人或其他组织之和为4" in out
    assert "错误 R1：表三“自然人”列：第一项(4)加第二项(0)之和为4" in out


def test_check_json(tmp_path, capsys):
    path = tmp_path / "edited.govform"
    path.write_text(SAMPLE_TEXT.replace('"review_other": 0', '"review_other": 2'), encoding="utf-8")
    assert main(["check", "--json", str(path), str(sample_project())]) == 1
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]  # one object per report
    assert [r["errors"] for r in results] == [1, 0]
    finding = results[0]["findings"][0]
    assert finding["code"] == "R4" and finding["severity"] == "error"
    assert {"table": "appeals", "row": "cases", "column": "review_other", "label": "表四 行政复议·其他结果"} in finding[
        "cells"
    ]


def test_warnings_alone_exit_zero(tmp_path, capsys):
    path = tmp_path / "late.govform"
    path.write_text(SAMPLE_TEXT.replace("2025-01-17", "2025-03-01"), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert "警告 W5" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content",
    [
        SAMPLE_TEXT.encode()[: len(SAMPLE_TEXT) // 2],
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        SAMPLE_TEXT.replace('"format_version": 1', '"format_version": 999').encode(),
    ],
    ids=["truncated", "empty", "png", "version-999"],
)
def test_unreadable_files_exit_2_with_one_chinese_line_and_no_traceback(tmp_path, content):
    path = tmp_path / "报告.govform"
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "govform", "check", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("无法打开“报告.govform”：") and "Traceback" not in done.stderr
    assert path.read_bytes() == content


def test_unreadable_beats_errors(tmp_path):
    bad = tmp_path / "bad.govform"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", str(bad), str(sample_project())]) == 2


def test_every_hand_edited_figure_of_table_three_is_caught(tmp_path, capsys):
    """Any one of the 175 figures of 三 changed in the sample file: exit 1, naming the rule and the cell."""
    fmt = load_format()
    table = fmt.tables["applications"]
    original = json.loads(SAMPLE_TEXT)
    path = tmp_path / "edited.govform"
    for row_id, column_id in table.cells:
        data = json.loads(SAMPLE_TEXT)
        data["report"]["tables"]["applications"][row_id][column_id] += 3
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        capsys.readouterr()
        assert main(["check", str(path)]) == 1, table.cell_label(row_id, column_id)
        out = capsys.readouterr().out
        row, column = table.row(row_id), table.column(row_id, column_id)
        assert re.search(r"错误 R[1-4]：", out)
        assert f"“{row.display}”行" in out or f"“{column.display}”列" in out, (row.display, column.display, out)
    assert json.loads(SAMPLE_TEXT) == original


def test_check_loads_no_qt_and_no_document_libraries():
    code = (
        "import sys; from govform.cli import main; rc = main(['check', sys.argv[1]]); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6', 'docx', 'openpyxl'}))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(sample_project())], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_help_and_argument_errors_are_in_chinese(capsys):
    """Defect 10: argparse's own words (usage, headings, errors) are Chinese, unless --lang en."""
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：govform check") and "选项" in out and "显示本帮助并退出" in out
    assert "usage" not in out and "options" not in out
    with pytest.raises(SystemExit) as refused:
        main(["check", "--lang", "fr", "x.govform"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "错误：参数 --lang：'fr' 不是可选的值" in err
    with pytest.raises(SystemExit):
        main(["check"])
    assert "缺少这些参数：PATH" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "--lang", "en", "--bogus", "x"])
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
