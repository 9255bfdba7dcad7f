"""Every shipped template works end to end, the catalogues agree, and a broken template is refused clearly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib

import pytest

from govform.domain.format import FormatError, load_format, load_format_file, parse_format
from govform.domain.layout import table_grid
from govform.domain.messages import LANGUAGES, catalogue, format_messages, placeholders
from govform.domain.report import Report
from govform.domain.rules import validate
from govform.io import registry
from govform.resources import sample_project, template_names, template_path, templates_dir

TEMPLATES = sorted(templates_dir().glob("*.toml"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_every_template_parses_lays_out_validates_and_exports(path, tmp_path):
    fmt = load_format_file(path)
    for table in fmt.tables.values():
        grid = table_grid(table)
        assert {c.cell for c in grid.cells if c.cell} == set(table.cells)
    report = Report.new(fmt, agency="某某镇人民政府", year=fmt.first_year)
    findings = validate(report)
    assert findings and all(f.text() and f.text("en") for f in findings)
    for suffix in registry.EXPORTERS:
        out = tmp_path / f"blank{suffix}"
        registry.export(report, out)
        assert out.stat().st_size > 0


def test_templates_are_found_by_name_only():
    assert "standard-2021" in template_names()
    for name in ("/tmp/x", "../templates/standard-2021", "x" * 300, "standard-2021.toml", "", "Standard-2021"):
        assert template_path(name) is None


def _format_keys(path) -> dict[str, str]:
    return format_messages(tomllib.loads(path.read_text(encoding="utf-8")))


def test_every_message_has_the_same_placeholders_in_every_language():
    chinese = catalogue("zh_CN")
    keys = set(chinese.keys())
    for path in TEMPLATES:
        keys |= set(_format_keys(path))
    for language in LANGUAGES:
        words = catalogue(language)
        for key in sorted(keys):
            template = words.template(key)
            assert template is not None, f"{language} has no words for {key}"
            assert placeholders(template) == placeholders(chinese.template(key) or ""), (language, key)
        assert words.keys() <= keys, f"{language} has words for keys Chinese lacks: {words.keys() - keys}"


def _check(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "govform", "check", *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_is_written_in_two_catalogue_files(language):
    """W7's words stood in editing.toml and in formats.toml, differently: which one a clerk saw hung on the order
    the files were read in."""
    from govform.domain.messages import _flatten

    seen: dict[str, str] = {}
    for path in sorted((templates_dir() / "messages" / language).glob("*.toml")):
        for key, _ in _flatten(tomllib.loads(path.read_text(encoding="utf-8"))):
            assert key not in seen, f"{key} in {seen.get(key)} and {path.name}"
            seen[key] = path.name


def test_a_rule_naming_a_missing_row_makes_check_exit_2_naming_file_and_key(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    text = template_path("standard-2021").read_text(encoding="utf-8")
    text = text.replace('rows = ["regulations"]\ncolumns = ["issued"', 'rows = ["no_such_row"]\ncolumns = ["issued"')
    assert "no_such_row" in text
    (folder / "standard-2021.toml").write_text(text, encoding="utf-8")
    env = dict(os.environ, GOVFORM_TEMPLATES=str(folder), GOVFORM_HOME=str(tmp_path / "home"))
    done = _check(env, str(sample_project()))
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().split("\n")
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "standard-2021.toml" in lines[0] and "rules.W1.rows" in lines[0] and "no_such_row" in lines[0]
    assert lines[0].startswith("无法打开“changshouhu-2024.govform”：模板文件")


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d["rules"].append(dict(d["rules"][0])), "rules.R1.id"),
        (lambda d: d["rules"][0].update(table="nowhere"), "rules.R1.table"),
        (lambda d: d["rules"][1].update(total="nothing"), "rules.R2.total"),
        (lambda d: d["rules"][0].update(message="{table}{nonsense}"), "rules.R1.message"),
        (lambda d: d["rules"][0].update(kind="magic"), "rules.R1.kind"),
        (lambda d: d["rules"][0].pop("left"), "rules.R1.left"),
        (lambda d: d["tables"]["applications"].update(label_widths=[1]), "tables.applications.label_widths"),
        (lambda d: d.update(default_agency_kind="galaxy"), "default_agency_kind"),
        (lambda d: d["labels"].pop("preamble"), "labels.preamble"),
    ],
    ids=["duplicate-id", "no-table", "no-row", "placeholder", "kind", "missing", "widths", "agency-kind", "label"],
)
def test_a_malformed_template_is_refused_naming_the_key(change, key):
    data = tomllib.loads(template_path("standard-2021").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(FormatError) as raised:
        parse_format(data, "standard-2021.toml")
    assert raised.value.key == key
    assert str(raised.value).startswith("模板文件“standard-2021.toml”有误（")
    assert raised.value.message.text("en").startswith("The template file “standard-2021.toml” is broken")


@pytest.mark.parametrize("standard", ["/tmp/x", "x" * 300, ["standard-2021"], None, "../templates/standard-2021"])
def test_a_project_naming_a_path_or_a_long_name_exits_2_in_chinese(tmp_path, standard):
    data = json.loads(sample_project().read_text(encoding="utf-8"))
    data["report"]["standard"] = standard
    path = tmp_path / "p.govform"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = _check(dict(os.environ, GOVFORM_HOME=str(tmp_path)), str(path))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    [line] = done.stderr.strip().split("\n")
    if standard is None:  # said in words, not as "None" or "null"
        assert line == "无法打开“p.govform”：文件没有写明使用的报告格式。"
    else:
        assert line.startswith("无法打开“p.govform”：文件使用的报告格式“") and "本程序不认识" in line


def test_check_in_english(tmp_path):
    text = sample_project().read_text(encoding="utf-8").replace('"natural_person": 1', '"natural_person": 4', 1)
    path = tmp_path / "edited.govform"
    path.write_text(text, encoding="utf-8")
    done = _check(dict(os.environ, GOVFORM_HOME=str(tmp_path)), "--lang", "en", str(path))
    assert done.returncode == 1
    assert f"{path}: errors 2, warnings 0" in done.stdout
    assert "Error R1: 表三, column “自然人”: 第一项(4) plus 第二项(0) sum to 4, 第三项（七）总计(1) plus" in done.stdout
    assert "错误" not in done.stdout and "之和" not in done.stdout


def test_the_format_is_loaded_once():
    assert load_format() is load_format("standard-2021")


def test_copying_the_folder_keeps_it_working(tmp_path):
    shutil.copytree(templates_dir(), tmp_path / "t")
    assert load_format_file(tmp_path / "t" / "standard-2021.toml").id == "standard-2021"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_every_rule_code_has_words_in_every_language(path):
    codes = {rule.code for rule in load_format_file(path).rules}
    for language in LANGUAGES:
        missing = sorted(code for code in codes if f"rules.words.{code}" not in catalogue(language))
        assert not missing, f"{language}: no rules.words for {missing}"
