"""The batch check over 500 generated reports, all cores: reports per second, wall clock, workers' start-up
included (what a clerk waits for). Project files always; Word reports once a .docx importer is registered."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from measure import Measurement

from govform import batch
from govform.io import registry
from tests.helpers.batch import make_docx_reports, make_reports

COUNT = 500
DISTINCT_DOCX = 25  # exported once each, then copied: exporting 500 would take longer than checking them


def _rate(folder: Path, jobs: int | None = None) -> float:
    start = time.perf_counter()
    result = batch.check([folder], jobs=jobs)
    elapsed = time.perf_counter() - start
    assert len(result.reports) == COUNT and all(r.readable for r in result.reports)
    return COUNT / elapsed


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
        make_docx_reports(docx_folder, sorted(p for paths in made.values() for p in paths), COUNT, DISTINCT_DOCX)
        _rate(docx_folder)
        rate = _rate(docx_folder)
        results.append(
            Measurement(f"batch check, 500 .docx, {cores} cores", rate, "/s", 50.0, "≥ 50/s (aim 200)", True)
        )
    return results
