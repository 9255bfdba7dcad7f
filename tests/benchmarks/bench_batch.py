"""The batch check over 500 generated reports, all cores: reports per second, wall clock, workers' start-up
included (what a clerk waits for). Project files always; Word reports once a .docx importer is registered."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from measure import Measurement

from govform import batch
from govform.io import registry
from tests.helpers.batch import make_reports

COUNT = 500
DISTINCT_DOCX = 25  # exported once each, then copied: exporting 500 would take longer than checking them


def _rate(folder: Path, jobs: int | None = None) -> float:
    start = time.perf_counter()
    result = batch.check([folder], jobs=jobs)
    elapsed = time.perf_counter() - start
    assert len(result.reports) == COUNT and all(r.readable for r in result.reports)
    return COUNT / elapsed


def _docx_folder(folder: Path, projects: list[Path]) -> None:
    from govform.io.docx_export import export_docx
    from govform.io.project import load_project

    originals = []
    for index, project in enumerate(projects[:DISTINCT_DOCX]):
        target = folder / f"原件{index:02d}.docx"
        export_docx(load_project(project), target)
        originals.append(target)
    for index in range(COUNT - DISTINCT_DOCX):
        shutil.copyfile(originals[index % DISTINCT_DOCX], folder / f"报告{index:04d}.docx")


def run() -> list[Measurement]:
    cores = os.cpu_count() or 1
    results = []
    with tempfile.TemporaryDirectory() as work:
        projects_folder = Path(work) / "projects"
        made = make_reports(projects_folder, COUNT)
        _rate(projects_folder)  # warm: the disk cache, the format's cache
        results.append(
            Measurement(
                f"batch check, 500 .govform, {cores} cores", _rate(projects_folder), "/s", 200.0, "≥ 200/s", True
            )
        )
        if ".docx" not in registry.IMPORTERS:
            print("bench_batch: no .docx importer is registered yet: the DOCX batch is not measured")
            return results
        docx_folder = Path(work) / "docx"
        docx_folder.mkdir()
        _docx_folder(docx_folder, sorted(p for paths in made.values() for p in paths))
        _rate(docx_folder)
        rate = _rate(docx_folder)
        results.append(
            Measurement(f"batch check, 500 .docx, {cores} cores", rate, "/s", 50.0, "≥ 50/s (aim 200)", True)
        )
    return results
