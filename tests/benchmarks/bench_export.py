"""Exporting the sample to DOCX, warm (python-docx already imported), must take well under half a second."""

import tempfile
from pathlib import Path

from measure import Measurement, median, timings_ms

from govform.io.docx_export import export_docx
from govform.io.project import load_project
from govform.resources import sample_project


def run() -> list[Measurement]:
    report = load_project(sample_project())
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sample.docx"
        samples = timings_ms(lambda: export_docx(report, target), repeat=20)
    return [
        Measurement("export_docx(sample) median", median(samples), "ms", 500.0, "< 500 ms"),
        Measurement("export_docx(sample) max", max(samples), "ms", 500.0, "< 500 ms"),
    ]
