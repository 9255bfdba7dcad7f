import json
import os
from pathlib import Path

import pytest

from govform.domain.report import Invalid
from govform.io.project import (
    ProjectCorrupt,
    ProjectInvalid,
    ProjectNotFound,
    ProjectSaveError,
    ProjectTooNew,
    ProjectWrongKind,
    dumps_project,
    load_project,
    loads_project,
    save_project,
)
from govform.resources import sample_project
from tests.helpers.reports import STRESS_AGENCY, complete_report, stress

SAMPLE_TEXT = sample_project().read_text(encoding="utf-8")


def test_sample_round_trips_byte_for_byte():
    assert dumps_project(load_project(sample_project())) == SAMPLE_TEXT


def test_round_trip_keeps_manual_totals_invalid_text_decimals_and_subsections(tmp_path):
    report = complete_report()
    report.set_cell("appeals", "cases", "review_total", 7)
    report.set_cell("proactive", "fees", "amount", report.parse("proactive", "fees", "amount", "2.0200"))
    report.set_cell("proactive", "penalty", "decisions", report.parse("proactive", "penalty", "decisions", "十二"))
    report.set_cell("applications", "new", "research", None)
    report.narratives["overview"].subsections[0].text = "第一段\n\n第二段"
    path = tmp_path / "x.govform"
    save_project(report, path)
    again = load_project(path)
    assert again.tables["appeals"].is_manual(("cases", "review_total"))
    assert str(again.value("proactive", "fees", "amount")) == "2.0200"
    assert again.value("proactive", "penalty", "decisions") == Invalid(
        "十二", report.value("proactive", "penalty", "decisions").reason
    )
    assert again.value("applications", "new", "research") is None
    assert again.narratives["overview"].subsections[0].text == "第一段\n\n第二段"
    assert dumps_project(again) == path.read_text(encoding="utf-8")


def test_file_is_readable_json_with_a_version():
    data = json.loads(SAMPLE_TEXT)
    assert data["kind"] == "govform-project" and data["format_version"] == 1
    assert data["report"]["tables"]["applications"]["new"]["natural_person"] == 1
    assert data["report"]["tables"]["proactive"]["fees"]["amount"] == "0"


def test_save_is_atomic_and_keeps_a_backup(tmp_path):
    path = tmp_path / "年报.govform"
    report = complete_report()
    save_project(report, path)
    first = path.read_bytes()
    report.set_cell("appeals", "cases", "review_upheld", 1)
    save_project(report, path)
    assert (tmp_path / "年报.govform.bak").read_bytes() == first
    assert load_project(path).value("appeals", "cases", "review_upheld") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["年报.govform", "年报.govform.bak"]


def test_save_over_a_locked_file_is_a_typed_error_and_leaves_it_untouched(tmp_path, monkeypatch):
    path = tmp_path / "a.govform"
    path.write_text("原来的内容", encoding="utf-8")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ProjectSaveError, match=r"无法保存“a\.govform”：没有写入权限"):
        save_project(complete_report(), path)
    assert path.read_text(encoding="utf-8") == "原来的内容"
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_save_into_a_missing_folder_is_a_typed_error(tmp_path):
    with pytest.raises(ProjectSaveError, match=r"无法保存“a\.govform”"):
        save_project(complete_report(), tmp_path / "nowhere" / "a.govform")


def _write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.mark.parametrize(
    ("content", "error", "says"),
    [
        (SAMPLE_TEXT.encode()[:800], ProjectCorrupt, "不完整或已损坏"),
        (b"", ProjectCorrupt, "文件是空的"),
        (PNG, ProjectWrongKind, "不是政府信息公开年报的项目文件"),
        (b'{"hello": 1}', ProjectWrongKind, "不是政府信息公开年报的项目文件"),
        (b"[1, 2]", ProjectWrongKind, "项目文件"),
        (SAMPLE_TEXT.replace('"format_version": 1', '"format_version": 999').encode(), ProjectTooNew, "更新版本"),
        (SAMPLE_TEXT.replace('"year": 2024', '"year": "2024"').encode(), ProjectInvalid, "报告年度"),
        (SAMPLE_TEXT.replace('"natural_person": 1', '"martian": 1', 1).encode(), ProjectInvalid, "没有"),
        (SAMPLE_TEXT.replace('"township"', '"galaxy"').encode(), ProjectInvalid, "机关类型"),
        (SAMPLE_TEXT.replace('"2025-01-17"', '"2025-13-45"').encode(), ProjectInvalid, "成文日期"),
        (SAMPLE_TEXT.replace('"standard-2021"', '"standard-2099"').encode(), ProjectInvalid, "格式"),
        ("不是JSON".encode("gbk"), ProjectCorrupt, "UTF-8"),
    ],
)
def test_bad_files_raise_typed_errors_and_are_not_touched(tmp_path, content, error, says):
    path = _write(tmp_path, "坏文件.govform", content)
    with pytest.raises(error) as raised:
        load_project(path)
    message = str(raised.value)
    assert message.startswith("无法打开“坏文件.govform”：") and says in message and "\n" not in message
    assert path.read_bytes() == content


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ProjectNotFound):
        load_project(tmp_path / "none.govform")
    with pytest.raises(ProjectWrongKind):
        load_project(tmp_path)


def test_loads_accepts_a_bom_free_string_and_names_the_path():
    with pytest.raises(ProjectCorrupt, match=r"“x\.govform”"):
        loads_project("{", "dir/x.govform")


def test_the_clerks_line_breaks_of_the_agency_round_trip_and_are_left_out_when_unset(tmp_path):
    report = complete_report()
    assert "agency_lines" not in dumps_project(report)  # files without a chosen break stay as they were
    report.agency, report.agency_lines = STRESS_AGENCY, "重庆市长寿区经济和信息化委员会\n信息化建设处（大数据发展中心）"
    path = tmp_path / "x.govform"
    save_project(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["report"]["agency_lines"] == report.agency_lines.split("\n")
    assert load_project(path).agency_lines == report.agency_lines


def test_the_stress_project_in_the_fixtures_is_the_one_the_tests_build():
    """tests/fixtures/stress-city-2024.govform, for exporting and looking at by hand, is what stress() builds."""
    path = Path(__file__).parents[1] / "fixtures" / "stress-city-2024.govform"
    assert path.read_text(encoding="utf-8") == dumps_project(stress())


def test_a_2019_report_round_trips_with_signed_changes_and_money(tmp_path):
    from govform.domain.format import load_format

    report = complete_report(load_format("standard-2019"))
    report.year = 2020
    report.set_cell("proactive", "licensing", "change", -2)
    report.set_cell("proactive", "penalty", "change", 3)
    report.set_cell("proactive", "procurement", "amount", report.parse("proactive", "procurement", "amount", "7.9万元"))
    path = tmp_path / "old.govform"
    save_project(report, path)
    again = load_project(path)
    assert again.format.id == "standard-2019"
    assert again.value("proactive", "licensing", "change") == -2
    assert str(again.value("proactive", "procurement", "amount")) == "79000"
    assert dumps_project(again) == path.read_text(encoding="utf-8")


def test_last_years_figures_and_paragraphs_round_trip(tmp_path):
    from govform.domain.previous import start_from
    from tests.helpers.reports import sample

    report = start_from(sample(), source="长寿湖镇2024年报告.docx")
    path = tmp_path / "2025.govform"
    save_project(report, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    previous = data["report"]["previous"]
    assert previous["year"] == 2024 and previous["standard"] == "standard-2021"
    assert previous["source"] == "长寿湖镇2024年报告.docx"
    assert previous["tables"]["applications"]["carried_forward"]["total"] == 0
    assert previous["tables"]["proactive"] == {"regulations": {"in_force": 0}, "normative_documents": {"in_force": 2}}
    again = load_project(path)
    assert again.previous == report.previous
    assert dumps_project(again) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "previous",
    [[], {"year": "2024"}, {"year": 2024, "standard": "standard-1999"}, {"year": 2024, "standard": "standard-2021",
     "tables": {"applications": {"nowhere": {"total": 1}}}}, {"year": 2024, "standard": "standard-2021",
     "paragraphs": [1]}],
    ids=["list", "year", "format", "cell", "paragraphs"],
)  # fmt: skip
def test_a_malformed_previous_is_a_clear_project_error(previous):
    data = json.loads(SAMPLE_TEXT)
    data["report"]["previous"] = previous
    with pytest.raises(ProjectInvalid) as raised:
        loads_project(json.dumps(data, ensure_ascii=False), "p.govform")
    assert str(raised.value).startswith("无法打开“p.govform”：")
