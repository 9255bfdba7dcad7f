"""Folders of generated reports for the batch check: many that check clean, some with errors or warnings,
and files that cannot be read."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from govform.io.project import dumps_project
from tests.helpers.reports import complete_report

AGENCY = "某某县某某镇人民政府"


def _variants() -> dict[str, str]:
    """The project text of a clean report, one with an error (R4) and one with a warning (W5)."""
    clean = complete_report()
    wrong = complete_report()
    wrong.set_cell("appeals", "cases", "review_total", 5)
    late = complete_report()
    late.signed_on = dt.date(2025, 3, 1)
    return {"clean": dumps_project(clean), "errors": dumps_project(wrong), "warnings": dumps_project(late)}


def make_reports(folder: Path, count: int) -> dict[str, list[Path]]:
    """`count` readable reports in sub-folders of `folder` (one in ten with an error, one in ten with a
    warning only); returns their paths by kind. Each names its own agency."""
    texts = _variants()
    made: dict[str, list[Path]] = {"clean": [], "errors": [], "warnings": []}
    for index in range(count):
        kind = {0: "errors", 1: "warnings"}.get(index % 10, "clean")
        district = folder / f"第{index % 7 + 1}片区"
        district.mkdir(parents=True, exist_ok=True)
        path = district / f"报告{index:04d}.govform"
        path.write_text(texts[kind].replace(AGENCY, f"第{index}镇人民政府"), encoding="utf-8")
        made[kind].append(path)
    return made


def make_unreadable(folder: Path) -> list[Path]:
    """Three broken project files and one that is not a report at all."""
    folder.mkdir(parents=True, exist_ok=True)
    text = _variants()["clean"]
    files = {
        "截断.govform": text[: len(text) // 2],
        "空白.govform": "",
        "新版本.govform": text.replace('"format_version": 1', '"format_version": 999'),
        "不是报告.govform": '{"title": "会议纪要", "body": "这不是年报"}',
    }
    paths = []
    for name, content in files.items():
        path = folder / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def make_docx_reports(folder: Path, projects: list[Path], count: int, distinct: int = 25) -> list[Path]:
    """`count` Word reports in `folder`: `distinct` of the projects exported, then copied under other names
    (exporting each of hundreds would take longer than checking them)."""
    from govform.io.docx_export import export_docx
    from govform.io.project import load_project

    folder.mkdir(parents=True, exist_ok=True)
    originals = []
    for index, project in enumerate(projects[:distinct]):
        target = folder / f"原件{index:02d}.docx"
        export_docx(load_project(project), target)
        originals.append(target)
    copies = [folder / f"报告{index:04d}.docx" for index in range(count - len(originals))]
    for index, target in enumerate(copies):
        shutil.copyfile(originals[index % len(originals)], target)
    return originals + copies
