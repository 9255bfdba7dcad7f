"""The PDF export through LibreOffice (installed by `make test`: a missing one fails, never skips), and what
a clerk without LibreOffice is told."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from govform.domain.format import load_format
from govform.domain.layout import table_grid
from govform.domain.report import display_value
from govform.io import registry
from govform.io.pdf_export import install_hint
from govform.resources import sample_project
from tests.helpers.reports import sample

FORMAT = load_format()


def is_subsequence(wanted: list[str], tokens: list[str]) -> bool:
    found = iter(tokens)
    return all(any(token == figure for token in found) for figure in wanted)


def test_the_pdf_holds_the_headings_and_every_figure_in_order(tmp_path):
    path = tmp_path / "年报.pdf"
    registry.export(sample(), path)
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for section in FORMAT.sections:
        assert section.heading in flat
    report = sample()
    figures = [
        display_value(report.tables[s.table][c.cell])
        for s in FORMAT.sections
        if s.table
        for c in table_grid(FORMAT.tables[s.table]).cells
        if c.cell
    ]
    assert len(figures) == 200
    assert is_subsequence(figures, re.findall(r"\d+(?:\.\d+)?", text))
    assert not list(tmp_path.glob(".*.tmp"))


def test_without_libreoffice_the_clerk_is_told_what_to_install(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path / "empty"), GOVFORM_HOME=str(tmp_path / "home"))
    out = tmp_path / "年报.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "govform", "export", str(sample_project()), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and not out.exists()
    [line] = done.stderr.strip().split("\n")
    assert line.startswith("无法导出“年报.pdf”：没有找到 LibreOffice，无法导出 PDF")
    assert "sudo apt-get install libreoffice-writer-nogui" in line and "统信 UOS" in line


@pytest.mark.parametrize(
    ("platform", "words"),
    [
        ("win32", "https://zh-cn.libreoffice.org/download/"),
        ("linux", "libreoffice-writer-nogui"),
        ("darwin", "LibreOffice"),
    ],
)
def test_the_hint_fits_the_system(platform, words):
    assert words in install_hint(platform).text()
    assert install_hint(platform).text("en")


@pytest.mark.skipif(os.name != "posix", reason="a shell script as LibreOffice")
def test_a_hung_libreoffice_is_ended_with_everything_it_started(tmp_path, monkeypatch):
    """LibreOffice's launcher runs soffice.bin as its child: a timeout killed the launcher only, and the hung
    soffice.bin stayed, a stray process per export."""
    from govform.io import pdf_export

    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    started = tmp_path / "soffice.bin.pid"
    soffice = bin_folder / "soffice"
    soffice.write_text(f"#!/bin/sh\nsleep 300 &\necho $! > '{started}'\nwait\n", encoding="utf-8")
    soffice.chmod(0o755)
    monkeypatch.setenv("PATH", os.pathsep.join([str(bin_folder), os.environ["PATH"]]))
    monkeypatch.setattr(pdf_export, "TIMEOUT", 1)
    with pytest.raises(registry.ExportError) as refused:
        registry.export(sample(), tmp_path / "年报.pdf")
    assert "LibreOffice 在1秒内没有完成转换" in str(refused.value)
    child = int(started.read_text())
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(child)], capture_output=True, text=True).stdout.strip()
    assert state in ("", "Z"), f"soffice.bin ({child}) still running: {state}"
    assert not (tmp_path / "年报.pdf").exists()
