"""Explanations of warnings in the project file and in `govform check`: kept with the warning they answer,
counted apart, and unexplained again once the warning's figures change."""

from __future__ import annotations

import json

from govform.cli import main
from govform.domain.rules import facts, subject, validate
from govform.io.project import dumps_project, load_project, loads_project, save_project
from tests.helpers.reports import sample


def explained_sample(path):
    report = sample()
    report.set_cell("proactive", "regulations", "issued", 1)
    [warning] = [f for f in validate(report) if f.code == "W1"]
    report.set_explanation(subject(warning), facts(warning), "本镇经省政府授权，\n制定了一件规章。")
    save_project(report, path)
    return report


def test_the_project_file_keeps_explanations_and_reads_them_back(tmp_path):
    path = tmp_path / "年报.govform"
    report = explained_sample(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    [entry] = data["report"]["explanations"]
    assert entry["finding"] == "W1 proactive/regulations/issued proactive"
    assert entry["text"] == ["本镇经省政府授权，", "制定了一件规章。"] and "规章" in entry["message"]
    assert dumps_project(load_project(path)) == dumps_project(report)  # byte for byte


def test_a_project_without_explanations_has_no_such_key():
    assert '"explanations"' not in dumps_project(sample())


def test_broken_explanations_are_refused_in_words(tmp_path):
    text = dumps_project(sample()).replace('"tables"', '"explanations": [{"finding": 3}],\n    "tables"', 1)
    try:
        loads_project(text, tmp_path / "x.govform")
    except Exception as error:
        assert "警告说明" in str(error)
    else:
        raise AssertionError("loaded")


def test_check_counts_explained_warnings_apart_and_shows_the_explanation(tmp_path, capsys):
    path = tmp_path / "年报.govform"
    explained_sample(path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0个错误，0个警告，另有1个警告已说明" in out
    assert "警告 W1（已说明）" in out and "说明：本镇经省政府授权， 制定了一件规章。" in out
    assert main(["check", str(path), "--json"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["warnings"] == 0 and line["explained"] == 1
    assert line["findings"][0]["explanation"] == "本镇经省政府授权，\n制定了一件规章。"


def test_check_shows_the_warning_again_when_its_figure_changed(tmp_path, capsys):
    path = tmp_path / "年报.govform"
    report = explained_sample(path)
    report.set_cell("proactive", "regulations", "issued", 2)
    save_project(report, path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0个错误，1个警告" in out and "已说明" not in out
