"""Importing Word reports: the exported sample, warm, must take under 150 ms; batch check (issue 11) reads
DOCX through the same importer and needs at least 50 reports per second on this 2-core machine. The rate
on two processes is wall-clock and suffers from anything else running; the processor time per read does
not (40 ms or less is 50 reads/s on 2 cores)."""

from __future__ import annotations

import multiprocessing
import tempfile
import time
from pathlib import Path

from measure import Measurement, median, timings_ms

from govform.io.docx_export import export_docx
from govform.io.docx_import import import_docx
from govform.io.project import load_project
from govform.resources import sample_project
from tests.io.docx_variants import build

ROUNDS = 10  # each of the 22 variants read this many times: 220 reads


def _read_all(paths: list[Path]) -> int:
    for path in paths:
        import_docx(path)
    return len(paths)


def _cpu_ms(paths: list[Path]) -> float:
    """Processor time per read, in this process: what a read costs whatever else the machine is doing."""
    _read_all(paths[:5])
    start = time.process_time()
    _read_all(paths)
    return (time.process_time() - start) * 1000 / len(paths)


def _rate(paths: list[Path], processes: int) -> float:
    """Reads per second over `paths`, shared among `processes` worker processes (already started)."""
    chunks = [paths[i::processes] for i in range(processes)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pool.map(_read_all, [chunk[:2] for chunk in chunks])  # warm: imports, formats, caches
        start = time.perf_counter()
        done = sum(pool.map(_read_all, chunks))
        return done / (time.perf_counter() - start)


def run() -> list[Measurement]:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "sample.docx"
        export_docx(load_project(sample_project()), target)
        samples = timings_ms(lambda: import_docx(target), repeat=30)
        paths = [variant.path for variant in build(Path(folder) / "variants")] * ROUNDS
        cpu = _cpu_ms(paths)
        one, two = _rate(paths, 1), _rate(paths, 2)
    return [
        Measurement("import_docx(exported sample) median", median(samples), "ms", 150.0, "< 150 ms"),
        Measurement("import_docx(exported sample) max", max(samples), "ms", 150.0, "< 150 ms"),
        # 50 reads/s on 2 cores is 40 ms of processor time per read on each.
        Measurement("import_docx CPU time per read (22 variants)", cpu, "ms", 40.0, "<= 40 ms"),
        Measurement("DOCX reads/s, 1 process (22 variants)", one, "/s", 25.0, ">= 25 /s", at_least=True),
        Measurement("DOCX reads/s, 2 processes (22 variants)", two, "/s", 50.0, ">= 50 /s", at_least=True),
    ]
