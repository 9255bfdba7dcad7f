"""The report as PDF: our DOCX export, typeset by LibreOffice, the office suite a clerk would print it with.

LibreOffice runs headless with a profile of its own in a temporary folder, so a LibreOffice window the clerk
has open neither blocks the conversion nor is touched by it. When LibreOffice is not installed the clerk is
told what to install, in words for their system. A conversion takes a few seconds: call it off the UI thread.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

from govform.domain.messages import Message
from govform.domain.report import Report
from govform.io.docx_export import export_docx
from govform.io.files import os_error_reason, write_atomically
from govform.io.registry import ExportError, ExportOptions

__all__ = ["export_pdf", "find_soffice"]

TIMEOUT = 180  # seconds; a report takes 2–3 s, a cold start on a slow machine much longer

# Where the installers put LibreOffice when it is not on PATH.
_WINDOWS_PLACES = ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432")
_MAC_PLACE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def find_soffice() -> Path | None:
    """LibreOffice's soffice program, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    if sys.platform == "win32":
        for variable in _WINDOWS_PLACES:
            base = os.environ.get(variable)
            if base and (Path(base) / "LibreOffice" / "program" / "soffice.exe").is_file():
                return Path(base) / "LibreOffice" / "program" / "soffice.exe"
    if sys.platform == "darwin" and Path(_MAC_PLACE).is_file():
        return Path(_MAC_PLACE)
    return None


def install_hint(platform: str = sys.platform) -> Message:
    """What to install to have PDF export, for this kind of system."""
    if platform == "win32":
        return Message("pdf.install.windows")
    if platform.startswith("linux"):
        return Message("pdf.install.debian")
    return Message("pdf.install.other")


def export_pdf(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write `report` as a PDF at `path`, atomically; raises ExportError (also when LibreOffice is missing)."""
    path = Path(path)
    soffice = find_soffice()
    if soffice is None:
        raise ExportError(path, Message("pdf.no_libreoffice", install=install_hint()))
    with tempfile.TemporaryDirectory(prefix="govform-pdf-") as folder:
        work = Path(folder)
        document = work / "report.docx"
        try:
            export_docx(report, document, options)
        except ExportError as error:
            raise ExportError(path, error.problem) from error
        _convert(soffice, document, work, path)
        converted = work / "report.pdf"
        try:
            with converted.open("rb") as source:
                write_atomically(path, lambda out: shutil.copyfileobj(source, out))
        except OSError as error:
            raise ExportError(path, os_error_reason(error, writing=True)) from error


def _convert(soffice: Path, document: Path, work: Path, path: Path) -> None:
    command = [
        str(soffice),
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf:writer_pdf_Export",
        "--outdir",
        str(work),
        str(document),
    ]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=os.name == "posix",  # its own process group, to end soffice.bin with it
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console window on Windows
        )
    except OSError as error:
        raise ExportError(path, Message("pdf.cannot_start", reason=os_error_reason(error))) from None
    try:
        returncode = process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise ExportError(path, Message("pdf.timeout", seconds=TIMEOUT)) from None
    finally:
        _end(process)
    converted = work / "report.pdf"
    if returncode != 0 or not converted.is_file() or converted.stat().st_size == 0:
        raise ExportError(path, Message("pdf.failed", code=returncode))


def _end(process: subprocess.Popen) -> None:
    """End LibreOffice and whatever it started, whether it finished, hung or was interrupted (Ctrl+C): its
    launcher runs soffice.bin as a child, which outlived a killed launcher and kept running, a stray process
    per timed-out export."""
    if os.name == "posix":
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:
        process.kill()
    process.wait()
