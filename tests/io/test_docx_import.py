"""Importing Word reports: every variant tests/io/docx_variants.py builds reads back as the report it holds, and
its import report says what it must; the same after LibreOffice re-saves the file; the command line's
import, new --from and check of a .docx; start from last year.

LibreOffice must be installed (`make test` installs it): a missing one fails, never skips.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from govform.cli import main
from govform.domain.layout import table_grid
from govform.domain.rules import validate
from govform.io.docx_import import import_docx, read_figure, title_agency
from govform.io.project import dumps_project, load_project
from govform.io.registry import IMPORTERS, NOTE_KINDS, read_report
from govform.resources import sample_project
from tests.helpers.reports import sample
from tests.io.docx_variants import TEMPLATE, Docx, build, cell_at, set_cell_text

VARIANTS = [
    "ours", "template-filled", "table2-four-tables", "table2-four-tables-titles-inside", "without-titles-and-groups",
    "ghost-columns",
    "header-split-merged", "header-split-no-merges", "total-narrow-columns-merged", "total-narrow-columns-repeated",
    "labels", "cells", "headings-numbered-otherwise", "headings-in-styles",
    "subheads-otherwise", "title-one-line", "title-without-agency",
    "title-without-agency-or-signature", "marks-and-captions", "date-iso", "date-dots", "date-chinese",
    "tables-as-pictures", "as-published", "format-2019",
]  # fmt: skip
RESAVED = ["ours", "template-filled", "ghost-columns", "header-split-no-merges", "as-published", "format-2019"]


@pytest.fixture(scope="session")
def variants(tmp_path_factory):
    built = {v.name: v for v in build(tmp_path_factory.mktemp("variants"))}
    assert sorted(built) == sorted(VARIANTS)
    return built


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory) -> Path:
    from govform.io.docx_export import export_docx

    path = tmp_path_factory.mktemp("sample") / "长寿湖镇2024年报.docx"
    export_docx(sample(), path)
    return path


@pytest.fixture(scope="session")
def resaved(variants, sample_docx, tmp_path_factory) -> dict[str, Path]:
    """The sample and some variants as LibreOffice saves them (one conversion for all: LibreOffice takes
    seconds to start)."""
    out = tmp_path_factory.mktemp("libreoffice")
    profile = tmp_path_factory.mktemp("profile")
    sources = [str(variants[name].path) for name in RESAVED] + [str(sample_docx)]
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "docx",
         "--outdir", str(out), *sources],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return {Path(source).stem: out / Path(source).name for source in sources}


def assert_reads(path: Path, variant) -> list[str]:
    result = import_docx(path)
    assert dumps_project(result.report) == dumps_project(variant.expected)
    notes = [note.message.text() for note in result.notes]
    for words in variant.says:
        assert any(words in note for note in notes), (words, notes)
    assert all(note.kind in NOTE_KINDS for note in result.notes)
    assert all(note.message.text("en") != note.message.key for note in result.notes)
    return notes


@pytest.mark.parametrize("name", VARIANTS)
def test_each_variant_reads_back_as_the_report_it_holds(variants, name):
    notes = assert_reads(variants[name].path, variants[name])
    assert notes[0].startswith("报告格式：")


@pytest.mark.parametrize("name", RESAVED)
def test_the_same_after_libreoffice_resaves_it(variants, resaved, name):
    assert_reads(resaved[name], variants[name])


def test_sample_round_trips_through_our_docx(sample_docx):
    result = import_docx(sample_docx)
    assert dumps_project(result.report) == sample_project().read_text(encoding="utf-8")
    assert [note.kind for note in result.notes] == ["format", "read", "read", "read", "guessed"]
    assert (
        result.notes[3].message.text()
        == "机关全称：重庆市长寿区长寿湖镇人民政府；报告年度：2024年；成文日期：2025年1月17日。"
    )


def test_sample_round_trips_through_our_docx_resaved_by_libreoffice(resaved, sample_docx):
    result = import_docx(resaved[sample_docx.stem])
    assert dumps_project(result.report) == sample_project().read_text(encoding="utf-8")


def test_a_label_matched_below_exact_carries_its_similarity(variants):
    notes = import_docx(variants["labels"].path).notes
    typo = next(n for n in notes if "本年废置件数" in n.message.text())
    assert typo.kind == "matched" and 0.8 <= typo.similarity < 1 and typo.section == "proactive"
    alias = next(n for n in notes if "规范性文件”是旧称" in n.message.text())
    assert alias.similarity == 1.0


def test_the_2019_format_is_recognised_and_what_it_lacks_is_said(variants):
    result = import_docx(variants["format-2019"].path)
    assert result.report.format.id == "standard-2019" and result.report.year == 2020
    rows = ("licensing", "other_services", "penalty", "enforcement", "fees")
    changes = [result.report.value("proactive", row, "change") for row in rows]
    assert min(changes) < 0 < max(changes)
    printed = Docx(variants["format-2019"].path).body
    texts = {t.text for t in printed.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")}
    assert {f"+{max(changes)}", "79000.1元"} <= texts
    differences = [n for n in result.notes if n.kind == "format"][1].message.text()
    assert "缺少" in differences and "本年废止件数" in differences and "（六）其他处理" in differences


def test_tables_as_pictures_still_give_the_narrative(variants):
    result = import_docx(variants["tables-as-pictures"].path)
    assert [n.kind for n in result.notes].count("picture") == 3
    assert result.report.narratives["problems"].text == sample().narratives["problems"].text
    picture = next(n for n in result.notes if n.kind == "picture" and n.section == "applications")
    assert len(picture.cells) == 175


def test_the_blank_official_template_reads_as_a_blank_report():
    result = import_docx(TEMPLATE)
    report = result.report
    assert report.agency == "" and report.signed_on is None
    assert all(report.value(t, r, c) is None for t, table in report.format.tables.items() for r, c in table.cells)
    kinds = [n.kind for n in result.notes]
    assert kinds.count("blank") == 3 and "missing" in kinds
    text = " ".join(n.message.text() for n in result.notes)
    assert "表三有175格是空白的" in text and "请在“基本信息”中填写机关全称" in text


def test_docx_is_an_importer_by_suffix():
    assert ".docx" in IMPORTERS
    assert read_report(sample_project()).notes == []


# -- the command line -------------------------------------------------------------------------


def r1_broken(variants, tmp_path) -> Path:
    """Our export with table 三's 一、本年新收 / 自然人 raised by 5: R1 no longer holds in that column."""
    doc = Docx(variants["ours"].path)
    fmt = variants["ours"].expected.format
    row, column = table_grid(fmt.tables["applications"]).value_position(("new", "natural_person"))
    tc = cell_at(doc.tables()[1], row, column)
    value = variants["ours"].expected.value("applications", "new", "natural_person")
    set_cell_text(tc, str(value + 5))
    return doc.save(tmp_path / "三有误.docx")


def test_check_reads_a_docx_directly_and_names_the_column_r1_breaks(variants, tmp_path, capsys):
    path = r1_broken(variants, tmp_path)
    before = sorted(tmp_path.iterdir())
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "错误 R1：表三“自然人”列：" in out
    assert sorted(tmp_path.iterdir()) == before  # nothing written


def test_check_a_docx_in_a_subprocess(variants):
    done = subprocess.run(
        [sys.executable, "-m", "govform", "check", "--json", str(variants["ours"].path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1  # the distinct figures do not reconcile
    [line] = done.stdout.splitlines()  # one JSON object per report
    result = json.loads(line)
    assert result["readable"] and "R1" in {f["code"] for f in result["findings"]}


def test_import_writes_a_project_and_prints_the_import_report(variants, tmp_path, capsys):
    out = tmp_path / "导入.govform"
    assert main(["import", str(variants["labels"].path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "导入说明" in printed and "“规范性文件”是旧称" in printed and f"已保存：{out}" in printed
    assert dumps_project(load_project(out)) == dumps_project(variants["labels"].expected)


def test_import_json(variants, tmp_path, capsys):
    out = tmp_path / "x.govform"
    assert main(["import", "--json", str(variants["cells"].path), "-o", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["format"] == "standard-2021" and summary["output"] == str(out)
    converted = [n for n in summary["notes"] if n["kind"] == "converted"]
    assert {c["label"] for n in converted for c in n["cells"]} >= {
        "表二 第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）"
    }


def test_import_defaults_to_a_project_beside_the_document(variants, tmp_path, capsys):
    document = tmp_path / "去年.docx"
    shutil.copy(variants["ours"].path, document)
    assert main(["import", str(document)]) == 0
    assert (tmp_path / "去年.govform").is_file()


# -- start from last year -----------------------------------------------------------------------


def test_new_from_last_years_docx(variants, tmp_path, capsys):
    last = variants["ours"].expected
    out = tmp_path / "2025.govform"
    assert main(["new", "--from", str(variants["ours"].path), "-o", str(out)]) == 0
    assert f"已新建：{out}（2025年度" in capsys.readouterr().out
    new = load_project(out)
    assert new.year == 2025 and new.signed_on is None and new.agency == last.agency
    for column in new.format.tables["applications"].blocks[0].columns:
        assert new.value("applications", "carried_over", column.id) == last.value(
            "applications", "carried_forward", column.id
        )
    assert new.previous.source == "ours.docx"
    flagged = [f for f in validate(new) if f.code == "Y3"]
    assert flagged and all(f.severity == "warning" for f in flagged)
    assert main(["new", "--from", str(variants["ours"].path), "-o", str(out)]) == 2  # never overwrites
    assert "已存在，未覆盖" in capsys.readouterr().err


def test_new_from_a_2020_report_begins_a_2021_report(variants, tmp_path, capsys):
    out = tmp_path / "2021.govform"
    assert main(["new", "--from", str(variants["format-2019"].path), "-o", str(out)]) == 0
    new = load_project(out)
    assert new.format.id == "standard-2021" and new.year == 2021
    assert new.previous.format == "standard-2019"


def test_check_previous_reports_a_y1_break(variants, tmp_path, capsys):
    out = tmp_path / "2025.govform"
    assert main(["new", "--from", str(variants["ours"].path), "-o", str(out)]) == 0
    this_year = out.read_text(encoding="utf-8")
    data = json.loads(this_year)
    data["report"].pop("previous")
    data["report"]["tables"]["applications"]["carried_over"]["research"] += 1
    edited = tmp_path / "edited.govform"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(edited)]) == 1
    assert "Y1" not in capsys.readouterr().out  # without last year's report, Y1 cannot be checked
    assert main(["check", "--previous", str(variants["ours"].path), str(edited)]) == 1
    out_text = capsys.readouterr().out
    assert "错误 Y1：表三“科研机构”列：“二、上年结转政府信息公开申请数量”为" in out_text
    assert "但2024年报告的“四、结转下年度继续办理”为" in out_text


def test_check_previous_that_cannot_be_read_exits_2(tmp_path, capsys):
    bad = tmp_path / "去年.docx"
    bad.write_bytes(b"not a zip")
    assert main(["check", "--previous", str(bad), str(sample_project())]) == 2
    assert capsys.readouterr().err.startswith("无法导入“去年.docx”：")


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("重庆市长寿区长寿湖镇人民政府2024年政府信息公开工作年度报告", "重庆市长寿区长寿湖镇人民政府"),
        ("2024年某某镇政府信息公开工作年度报告", "某某镇"),
        ("某某市生态环境局政府信息公开工作年度报告（2024年度）", "某某市生态环境局"),
        ("某某局关于2024年度政府信息公开工作年度报告", "某某局"),
        ("某某县人民政府二〇二四年政府信息公开工作年度报告", "某某县人民政府"),
        ("2024年政府信息公开工作年度报告", ""),
        ("政府信息公开工作年度报告格式模板", ""),
    ],
)
def test_the_agency_a_title_names(title, agency):
    assert title_agency(title) == agency


@pytest.mark.parametrize(
    ("text", "value", "how"),
    [
        (" 0 ", 0, ""), ("１２", 12, ""), ("1,234", 1234, ""), ("0件", 0, "unit"), ("3条", 3, "unit"),
        ("", None, "blank"), ("/", None, "blank"), ("—", None, "blank"), ("无", None, "blank"),
        ("1\n2", "1 2", "invalid"), ("十二", "十二", "invalid"),
    ],
)  # fmt: skip
def test_read_figure_of_a_count(text, value, how):
    fmt = sample().format
    figure = read_figure(text, fmt.tables["applications"].column("new", "natural_person"), fmt)
    assert figure.how == how
    assert (figure.value.text if how == "invalid" else figure.value) == value


@pytest.mark.parametrize(
    ("text", "value", "how"),
    [("251000元", "25.1", "yuan"), ("2.02万元", "2.02", "wan"), ("2.02", "2.02", ""), ("1.5亿元", "15000", "yuan"),
     ("12345.6元", None, "not_converted")],
)  # fmt: skip
def test_read_figure_of_an_amount_in_wan(text, value, how):
    fmt = sample().format
    figure = read_figure(text, fmt.tables["proactive"].column("fees", "amount"), fmt)
    assert figure.how == how
    if value is not None:
        assert figure.value == Decimal(value)


def test_import_without_o_never_replaces_an_existing_project(variants, tmp_path, capsys):
    document = tmp_path / "年报.docx"
    document.write_bytes(variants["ours"].path.read_bytes())
    existing = tmp_path / "年报.govform"
    existing.write_text("clerk's own work", encoding="utf-8")
    assert main(["import", str(document)]) == 2
    assert existing.read_text(encoding="utf-8") == "clerk's own work"
    assert "年报.govform" in capsys.readouterr().err
