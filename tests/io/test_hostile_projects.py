"""The hostile project files of issue 12, one by one (the fuzz test, test_fuzz_project.py, looks for more):
each is refused with a typed Chinese error naming what is wrong in a clerk's terms, or loads, checks,
prints, saves and exports."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from govform.domain.report import Subsection
from govform.domain.rules import validate
from govform.io.docx_export import export_docx
from govform.io.project import ProjectError, ProjectInvalid, dumps_project, load_project, loads_project, save_project
from govform.resources import sample_project
from tests.helpers import faults

SAMPLE = json.loads(sample_project().read_text(encoding="utf-8"))
HUGE = "9" * 5000  # past Python's 4,300-digit limit for int()


def _project(change) -> str:
    data = json.loads(json.dumps(SAMPLE))
    change(data["report"], data)
    # Raw tokens (5,000-digit numbers) cannot go through json.dumps: "@HUGE@" stands for one.
    return json.dumps(data, ensure_ascii=True).replace('"@HUGE@"', HUGE)


def _cell(report, value, table="applications", row="new", column="research"):
    report["tables"][table][row][column] = value


REFUSED = {
    "huge number in a cell": (lambda r, d: _cell(r, "@HUGE@"), None),
    "huge year": (lambda r, d: r.update(year="@HUGE@"), "报告年度缺失或不是有效的年份。"),
    "huge format_version": (lambda r, d: d.update(format_version="@HUGE@"), "文件缺少有效的版本号（format_version）。"),
    "agency_kind a list": (lambda r, d: r.update(agency_kind=["township"]), '机关类型“["township"]”无法识别。'),
    "agency_kind a table": (lambda r, d: r.update(agency_kind={}), "机关类型“{}”无法识别。"),
    "standard of 300 characters": (lambda r, d: r.update(standard="s" * 300), "本程序不认识"),
    "standard a path": (lambda r, d: r.update(standard="/etc/passwd"), "文件使用的报告格式“/etc/passwd”本程序不认识。"),
    "standard missing": (lambda r, d: r.pop("standard"), "文件没有写明使用的报告格式。"),
    "a cell that is a list": (lambda r, d: _cell(r, [1], "proactive", "licensing", "decisions"), "行政许可"),
    "a cell that is true": (lambda r, d: _cell(r, True), "科研机构不是数字。"),
    "deep nesting": (lambda r, d: r.update(extra=json.loads("[" * 900 + "]" * 900)), None),
}


@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED.keys())
def test_refused_with_a_typed_chinese_error(change):
    change, says = change
    text = _project(change)
    try:
        report = loads_project(text, "年报.govform")
    except ProjectError as error:
        message = str(error)
        assert message.startswith("无法打开“年报.govform”：")
        assert "proactive" not in message and "licensing" not in message and "None" not in message
        if says:
            assert says in message
        return
    assert says is None, "should have been refused"
    _checks_saves_and_exports(report)  # loads: then everything else works too


def test_a_standard_given_as_a_path_reads_nothing_from_there(tmp_path):
    (tmp_path / "evil.toml").write_text('id = "evil"\n', encoding="utf-8")
    with pytest.raises(ProjectInvalid, match="本程序不认识"):
        loads_project(_project(lambda r, d: r.update(standard=str(tmp_path / "evil"))))


LOADED = {
    "lone surrogate in the agency": lambda r, d: r.update(agency="长寿湖镇\ud800"),
    "lone surrogate in a paragraph": lambda r, d: r["sections"]["problems"].update(text=["一是\udfff。"]),
    "lone surrogate in a cell": lambda r, d: _cell(r, "1\ud800"),
    "control characters in the agency": lambda r, d: r.update(agency="长寿湖镇\x0b\x07\x00\x0c\x1b\ufffe人民政府"),
    "control characters in a sub-head": lambda r, d: r["sections"]["overview"]["subsections"][0].update(title="\x00"),
    "120 sub-heads": lambda r, d: r["sections"]["overview"].update(
        subsections=[{"title": f"小标题{i}", "text": ["内容。"]} for i in range(120)]
    ),
    "the 100th sub-head empty": lambda r, d: r["sections"]["overview"].update(
        subsections=[{"title": f"小标题{i}", "text": [] if i == 99 else ["内容。"]} for i in range(120)]
    ),
    "figures a clerk types": lambda r, d: (
        [_cell(r, text, "applications", "new", col) for text, col in FIGURES]
        + [_cell(r, "5.", "proactive", "fees", "amount")]
    ),
    "a 4,400-place decimal": lambda r, d: _cell(r, "0." + "0" * 4400 + "1", "proactive", "fees", "amount"),
}
FIGURES = [("12 34", "natural_person"), ("12\t3", "commercial"), ("12\u200b", "research")]


@pytest.mark.parametrize("change", LOADED.values(), ids=LOADED.keys())
def test_loads_checks_saves_and_exports(change, tmp_path):
    report = loads_project(_project(change), "年报.govform")
    _checks_saves_and_exports(report, tmp_path)


def _checks_saves_and_exports(report, folder=None):
    for finding in validate(report):
        finding.message.text("zh_CN").encode("utf-8")
        finding.message.text("en").encode("utf-8")
    if folder is None:
        return
    save_project(report, folder / "年报.govform")
    assert dumps_project(load_project(folder / "年报.govform")) == dumps_project(report)
    export_docx(report, folder / "年报.docx")
    assert zipfile.is_zipfile(folder / "年报.docx")


def test_figures_a_clerk_types_are_refused_with_a_reason_not_run_together():
    report = loads_project(_project(LOADED["figures a clerk types"]), "年报.govform")
    for column in ("natural_person", "commercial"):
        assert "中间不能有空格" in str(report.value("applications", "new", column).reason)
    assert report.value("applications", "new", "research") == 12  # the zero-width space is dropped
    assert "小数点后面没有数字" in str(report.value("proactive", "fees", "amount").reason)


@pytest.mark.parametrize("change", ["120 sub-heads", "lone surrogate in a cell", "control characters in the agency"])
def test_govform_check_and_smoke_on_such_a_file_exit_without_a_traceback(change, tmp_path):
    path = tmp_path / "年报.govform"
    path.write_text(_project(LOADED[change]), encoding="utf-8")
    for command in (["check", str(path)], ["check", "--json", str(path)], [str(path), "--smoke"]):
        done = subprocess.run(
            [sys.executable, "-m", "govform", *command],
            capture_output=True,
            text=True,
            timeout=120,
            env=dict(faults.environment(), QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(tmp_path)),
        )
        assert "Traceback" not in done.stderr and done.returncode in (0, 1), (command, done.stderr)


# -- a report changed in the window (not loaded): what the clerk pastes ----------------------------


@pytest.mark.parametrize("text", ["长寿湖镇\x0b\x07", "长寿湖镇\ud800"], ids=["control", "surrogate"])
def test_pasted_text_never_makes_a_save_fail(tmp_path, text):
    report = load_project(sample_project())
    report.agency = text
    report.narratives["overview"].subsections.append(Subsection(text, text))
    save_project(report, tmp_path / "年报.govform")
    assert load_project(tmp_path / "年报.govform").agency == "长寿湖镇" + ("" if "\x0b" in text else "\ufffd")


def test_an_agency_with_a_pasted_control_character_exports(tmp_path):
    report = load_project(sample_project())
    report.agency = "长寿湖镇\x0b人民政府"  # Word's manual line break, pasted into the window's agency field
    export_docx(report, tmp_path / "年报.docx")
    with zipfile.ZipFile(tmp_path / "年报.docx") as package:
        assert (
            "<dc:title>长寿湖镇人民政府2024年政府信息公开工作年度报告</dc:title>"
            in package.read("docProps/core.xml").decode()
        )


@pytest.mark.parametrize(
    "text", ["\ufffe", "\uffff", "\ud800", "\x00\x0b"], ids=["FFFE", "FFFF", "surrogate", "control"]
)
@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html"])
def test_text_pasted_in_the_window_never_makes_an_export_fail(tmp_path, text, suffix):
    """A non-character (U+FFFE, U+FFFF) pasted into the window made the XLSX export fail with ValueError (lxml's
    "All strings must be XML compatible"), a lone surrogate with UnicodeEncodeError."""
    from govform.io import registry

    report = load_project(sample_project())
    report.agency = f"长寿湖镇{text}人民政府"
    report.narratives["overview"].subsections.append(Subsection(f"创新{text}做法", f"开设{text}专栏。"))
    registry.export(report, tmp_path / f"年报{suffix}")
    if suffix == ".xlsx":
        assert registry.read_report(tmp_path / "年报.xlsx").report.agency.startswith("长寿湖镇")


BEYOND_ANY_REPORT = {
    "1,500,000 lines of preamble (15 MB)": (lambda r, d: r.update(preamble=["根据"] * 1_500_000), "共有1500022行"),
    "3,000 sub-heads": (
        lambda r, d: r["sections"]["overview"].update(subsections=[{"title": f"{i}", "text": []} for i in range(3000)]),
        "共有3000个小标题",
    ),
    "an agency of 2,000,000 characters": (lambda r, d: r.update(agency="镇" * 2_000_000), "机关全称有2000000个字"),
}


@pytest.mark.parametrize("change", BEYOND_ANY_REPORT.values(), ids=BEYOND_ANY_REPORT.keys())
@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".html"])
def test_a_project_far_larger_than_any_report_loads_but_is_not_exported(change, suffix, tmp_path):
    """Such a file loads and checks (the clerk can open it to see what was pasted), but took gigabytes to export
    as DOCX (1,500,000 lines: 11 s and 3.8 GB) and failed in a workbook past Excel's 1,048,576 rows."""
    from govform.io import registry

    change, says = change
    report = loads_project(_project(change), "年报.govform")
    validate(report)
    target = tmp_path / f"年报{suffix}"
    with pytest.raises(registry.ExportError) as refused:
        registry.export(report, target)
    assert str(refused.value).startswith(f"无法导出“年报{suffix}”：") and says in str(refused.value)
    assert not target.exists()


def test_a_cell_longer_than_a_spreadsheet_cell_is_named_not_called_text(tmp_path):
    """The refusal said a paragraph of the text was too long, when it was a table's cell."""
    from govform.io import registry

    report = loads_project(_project(lambda r, d: _cell(r, "不" * 40_000)), "年报.govform")
    with pytest.raises(registry.ExportError) as refused:
        registry.export(report, tmp_path / "年报.xlsx")
    cell = "表三 一、本年新收政府信息公开申请数量 / 科研机构"
    assert str(refused.value).startswith(f"无法导出“年报.xlsx”：{cell}中的文字超过")
