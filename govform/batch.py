"""Checking many reports at once (the district office's January): `govform check FOLDER… --xlsx` and the
window's 工具 → 批量检查文件夹.

`find_reports` lists the files (folders recursively); `check_files` reads and validates them in worker
processes, one per core, and yields each file's `CheckedReport` in the order given, calling `progress` as
files finish and stopping soon after `cancelled()` turns true; `check` collects a `BatchResult`, which
`govform.io.summary_xlsx.write_summary` turns into the summary workbook. A file that cannot be read is a
result with its reason, never the end of the run.

Every file is read through the registry: a project file by the project loader, any other kind by the
importer registered for its suffix (so Word reports are checked as soon as a DOCX importer is registered).
A worker imports only what its files need: no Qt, and a document library only when such a file comes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from govform.domain.messages import DEFAULT_LANGUAGE, Message
from govform.io.checked import CheckedReport, checked, unreadable
from govform.io.files import shown_name

if TYPE_CHECKING:
    from govform.domain.report import Report

__all__ = ["BatchResult", "check", "check_file", "check_files", "exit_status", "find_reports"]

PROJECT_SUFFIX = ".govform"
REPORT_SUFFIXES = (PROJECT_SUFFIX, ".docx")
"""What a folder is searched for: the forms a report is handed in. Workbooks in a folder are ledgers or
earlier summaries rather than reports; a workbook named on the command line is checked all the same."""

PARALLEL_FROM = 8  # fewer files are checked in this process: starting workers would take longer
EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2

Progress = Callable[[int, int], None]
"""progress(done, total): called in the thread that runs the check, after each chunk of files."""


def find_reports(paths: Iterable[Path | str], *, exclude: Iterable[Path | str] = ()) -> list[Path]:
    """The files to check: each path that is not a folder as given (a missing one too: it becomes an
    unreadable row), and every report under each folder, recursively, in name order. Hidden files and
    folders and Office's lock files (~$…, .~lock…) are left out, as are the `exclude` paths (the summary
    being written) and a file named twice. A folder that cannot be searched (no permission) is listed
    itself, to become an unreadable row: the reports in it are not silently left unchecked."""
    skip = {_key(Path(p)) for p in exclude}
    found: list[Path] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = _key(path)
        if key not in seen and key not in skip:
            seen.add(key)
            found.append(path)

    for given in map(Path, paths):
        if not given.is_dir():
            add(given)
            continue
        for folder, folders, files in os.walk(given, onerror=lambda error: add(Path(error.filename))):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(files):
                if name.startswith((".", "~$")) or not name.lower().endswith(REPORT_SUFFIXES):
                    continue
                add(Path(folder) / name)
    return found


def _key(path: Path) -> str:
    try:
        return os.path.normcase(str(path.resolve()))
    except (OSError, RuntimeError):  # a symbolic link loop: RuntimeError up to Python 3.12
        return os.path.normcase(os.path.abspath(path))


# -- one file -----------------------------------------------------------------------------------------


def _kind(path: Path) -> Message:
    from govform.io import registry

    known = registry.IMPORTERS.get(path.suffix.lower())
    return known.name if known is not None else Message("batch.kind.project")


@cache
def _last_year(path: str) -> Report:
    """Last year's report for --previous, read once per process (the caller checked that it can be read)."""
    from govform.io import registry

    return registry.read_report(Path(path)).report


def check_file(path: Path | str, language: str = DEFAULT_LANGUAGE, previous: Path | str | None = None) -> CheckedReport:
    """Read one file as a report and validate it, against last year's report at `previous` when given (the
    rules across years, Y1–Y3); never raises for a file that cannot be read."""
    from govform.domain.previous import previous_of
    from govform.domain.rules import validate
    from govform.io import registry
    from govform.io.project import ProjectError, load_project

    path = Path(path)
    problem = _folder_problem(path) if path.is_dir() else None
    if problem is not None:  # a folder find_reports could not search
        return unreadable(path, Message("batch.kind.folder"), problem, language)
    kind = _kind(path)
    try:
        # A file no importer takes is read as a project file: the loader tells a project from anything else.
        if path.suffix.lower() not in registry.IMPORTERS:
            report = load_project(path)
        else:
            report = registry.importer(path).function()(path).report
    except (ProjectError, registry.ImportFailed) as error:
        return unreadable(path, kind, error.message, language)
    except registry.UnknownKind as error:
        return unreadable(path, kind, error.message, language)
    except Exception as error:  # an importer's bug must not end a run over hundreds of files
        return unreadable(
            path, kind, Message("batch.crashed", name=shown_name(path.name), error=type(error).__name__), language
        )
    if previous is not None:
        report.previous = previous_of(_last_year(str(previous)), report.format, source=Path(previous).name)
    return checked(path, kind, report, validate(report), language)


def _folder_problem(path: Path) -> Message | None:
    """Why the folder at `path` cannot be searched; None when it can (then it was a file when the search
    found it, and is read as one, which says what it is now)."""
    from govform.io.files import os_error_reason

    try:
        with os.scandir(path):
            return None
    except OSError as error:
        return Message("batch.folder_unreadable", name=shown_name(path.name), reason=os_error_reason(error))


def _check_chunk(paths: Sequence[str], language: str, previous: str | None) -> list[CheckedReport]:
    return [check_file(path, language, previous) for path in paths]


def _worker_start() -> None:
    """Each worker reads the format once, before its first file. Ctrl+C, which a terminal sends to every
    process of the command, is the parent's to act on: it stops handing out files and shuts the workers down
    (a worker interrupted mid-file only printed a traceback of its own)."""
    import signal

    from govform.domain.format import load_format

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_format()


# -- many files ---------------------------------------------------------------------------------------


def _start_method() -> str:
    """A fresh interpreter per worker where fork is unsafe: the window has threads (Qt's), and a forked
    copy of a threaded process may hang. The fork server starts once and forks the workers from a clean
    process that has already imported govform."""
    import multiprocessing

    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _chunks(files: Sequence[Path], jobs: int) -> list[list[str]]:
    size = max(1, min(32, len(files) // (jobs * 8)))
    return [[str(p) for p in files[i : i + size]] for i in range(0, len(files), size)]


def check_files(
    files: Sequence[Path | str],
    *,
    language: str = DEFAULT_LANGUAGE,
    jobs: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    previous: Path | str | None = None,
) -> Iterator[CheckedReport]:
    """Each file's result, in the order of `files`, checked on `jobs` processes (default: one per core),
    against last year's report at `previous` when given. Stops, without the rest, soon after `cancelled()`
    returns true."""
    last = None if previous is None else str(previous)
    files = [Path(f) for f in files]
    jobs = max(1, jobs or os.cpu_count() or 1)
    total = len(files)
    stop = cancelled or (lambda: False)
    if jobs == 1 or total < PARALLEL_FROM:
        for done, path in enumerate(files, start=1):
            if stop():
                return
            result = check_file(path, language, last)
            if progress:
                progress(done, total)
            yield result
        return
    yield from _in_workers(files, language, jobs, progress, stop, last)


def _in_workers(
    files: list[Path],
    language: str,
    jobs: int,
    progress: Progress | None,
    stop: Callable[[], bool],
    previous: str | None,
) -> Iterator[CheckedReport]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload([__name__])
    chunks = _chunks(files, jobs)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context, initializer=_worker_start)
    try:
        futures = [pool.submit(_check_chunk, chunk, language, previous) for chunk in chunks]
        pending, done, following = set(futures), 0, 0
        # Results are handed out in the files' order as their chunks finish; progress counts what was handed
        # out, and a cancel takes effect before the next chunk, however far the workers have got.
        while following < len(futures):
            if stop():
                return
            _, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            while following < len(futures) and futures[following].done():
                if stop():
                    return
                future, chunk = futures[following], chunks[following]
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    yield from (unreadable(p, _kind(Path(p)), Message("batch.worker_died"), language) for p in chunk)
                following += 1
                done += len(chunk)
                if progress:
                    progress(done, len(files))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class BatchResult:
    """A finished (or cancelled) batch check: every file's result in the order checked."""

    reports: list[CheckedReport] = field(default_factory=list)
    total: int = 0  # files there were to check
    cancelled: bool = False

    def worst_first(self) -> list[CheckedReport]:
        """Unreadable files first, then by errors, then by warnings; ties in path order."""
        return sorted(self.reports, key=lambda r: (r.badness(), r.path))

    def counts(self) -> dict[str, int]:
        """How many files are "unreadable", have "errors", only "warnings", or are "clean"."""
        counts = dict.fromkeys(("unreadable", "errors", "warnings", "clean"), 0)
        for report in self.reports:
            counts[report.status] += 1
        return counts

    @property
    def exit_status(self) -> int:
        return exit_status(self.reports)


def exit_status(reports: Iterable[CheckedReport]) -> int:
    """2 when a file could not be read, else 1 when a report has errors, else 0 (warnings allowed)."""
    status = EXIT_OK
    for report in reports:
        if not report.readable:
            return EXIT_UNREADABLE
        if report.errors:
            status = EXIT_ERRORS
    return status


def check(
    paths: Iterable[Path | str],
    *,
    language: str = DEFAULT_LANGUAGE,
    jobs: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    exclude: Iterable[Path | str] = (),
) -> BatchResult:
    """Check every report under `paths` (files and folders) and collect the results."""
    files = find_reports(paths, exclude=exclude)
    result = BatchResult(total=len(files))
    stop = cancelled or (lambda: False)
    result.reports.extend(check_files(files, language=language, jobs=jobs, progress=progress, cancelled=stop))
    result.cancelled = len(result.reports) < len(files) and stop()
    return result
