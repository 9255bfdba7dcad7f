"""The project file (.govform): versioned, human-readable UTF-8 JSON, saved atomically, loaded with typed errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from govform.domain.format import FormatError, UnknownFormat, load_format
from govform.domain.messages import Message
from govform.domain.report import CellRef, Invalid, Narrative, PreviousYear, Report, Subsection, Value, parse_value
from govform.io.files import os_error_reason, refuse_to_save, shown_name, write_atomically

FILE_KIND = "govform-project"
FORMAT_VERSION = 1
SUFFIX = ".govform"
BACKUP_SUFFIX = ".bak"


class ProjectError(Exception):
    """A project file that cannot be read or written. `message` says so with the file's name and the problem;
    `str(error)` is that message in Chinese, one line."""

    verb = "open"

    def __init__(self, path: Path | str, problem: Message):
        self.path = Path(path)
        self.problem = problem
        self.message = Message(f"project.cannot_{self.verb}", name=shown_name(self.path.name), problem=problem)
        super().__init__(str(self.message))


class ProjectNotFound(ProjectError):
    pass


class ProjectCorrupt(ProjectError):
    """Not JSON, truncated or not UTF-8."""


class ProjectWrongKind(ProjectError):
    """Valid JSON, but not a govform project (or not a file at all)."""


class ProjectTooNew(ProjectError):
    """Written by a newer govform whose file version this one does not know."""


class ProjectInvalid(ProjectError):
    """A govform project whose contents do not fit its report format."""


class ProjectSaveError(ProjectError):
    verb = "save"


# Each migration turns a file of version N (the key) into version N + 1.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# -- writing ------------------------------------------------------------------------------------


def _cell_to_json(value: Value) -> int | str | None:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Invalid):
        return _clean_text(value.text)
    return value


def _lines(text: str) -> list[str]:
    return _clean_text(text).split("\n") if text else []


def _narrative_to_json(narrative: Narrative) -> dict[str, Any]:
    data: dict[str, Any] = {"text": _lines(narrative.text)}
    if narrative.subsections:
        data["subsections"] = [{"title": _clean_text(s.title), "text": _lines(s.text)} for s in narrative.subsections]
    return data


def _previous_to_json(previous: PreviousYear) -> dict[str, Any]:
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    for ref, value in previous.values.items():
        tables.setdefault(ref.table, {}).setdefault(ref.row, {})[ref.column] = _cell_to_json(value)
    return {
        "year": previous.year,
        "standard": previous.format,
        "agency": previous.agency,
        "source": previous.source,
        "tables": tables,
        "paragraphs": list(previous.paragraphs),
    }


def to_json(report: Report) -> dict[str, Any]:
    """The project file's data; text as a load would give it back (whatever was pasted into the window, a
    lone surrogate or a control character never makes a save fail)."""
    tables = {}
    for table_id, data in report.tables.items():
        rows: dict[str, dict[str, Any]] = {}
        for (row, column), value in data.items():
            rows.setdefault(row, {})[column] = _cell_to_json(value)
        tables[table_id] = rows
    body: dict[str, Any] = {"standard": report.format.id, "agency": _clean_text(report.agency)}
    if report.agency_lines:
        body["agency_lines"] = _lines(report.agency_lines)
    body.update(
        {
            "agency_kind": report.agency_kind,
            "year": report.year,
            "signed_on": report.signed_on.isoformat() if report.signed_on else None,
            "preamble": _lines(report.preamble),
            "sections": {sid: _narrative_to_json(n) for sid, n in report.narratives.items()},
            "tables": tables,
        }
    )
    body.update(_explanations_to_json(report))
    if report.previous is not None:
        body["previous"] = _previous_to_json(report.previous)
    return {"kind": FILE_KIND, "format_version": FORMAT_VERSION, "report": body}


def _explanations_to_json(report: Report) -> dict[str, Any]:
    """The clerk's explanations of warnings, sorted so the same report gives the same bytes; none: no key."""
    if not report.explanations:
        return {}
    entries = sorted(report.explanations.items())
    return {"explanations": [{"finding": s, "message": f, "text": _lines(t)} for (s, f), t in entries]}


def dumps_project(report: Report) -> str:
    """The project file's text for `report` (stable: the same report gives the same bytes)."""
    return json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"


def save_project(report: Report, path: Path | str, *, source: Path | str | None = None) -> None:
    """Write atomically (temp file, fsync, replace), keeping the previous file as NAME.govform.bak.

    Refused (ProjectSaveError): a path that is not a regular file, `source` (the document the report was read
    from, for `govform import`) and an existing file that is not a project (see files.refuse_to_save)."""
    path = Path(path)
    refusal = refuse_to_save(path, source=Path(source) if source is not None else None)
    if refusal is not None:
        raise ProjectSaveError(path, refusal)
    payload = dumps_project(report).encode("utf-8")
    try:
        write_atomically(path, lambda out: out.write(payload), backup=path.with_name(path.name + BACKUP_SUFFIX))
    except OSError as error:
        raise ProjectSaveError(path, os_error_reason(error, writing=True)) from error


# -- reading ------------------------------------------------------------------------------------

MAX_FILE_SIZE = 20 * 1024 * 1024
"""The largest project file govform reads: a real one is about 20 KB; anything near this is not a project."""

_LONGEST_INTEGER = 30  # digits; longer numbers in the JSON stay text (Python refuses ints past 4,300 digits)
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_text(text: str) -> str:
    """Text as a report can hold it: no control characters (tabs and line breaks stay), no lone surrogates
    (which no keyboard types and no file format can store)."""
    return _SURROGATE.sub("\ufffd", _NOT_TEXT.sub("", text))


class _Loader:
    """Builds a report from a project file's data, checking its shape and types as it goes: each problem
    is one ProjectInvalid naming what is wrong in a clerk's words."""

    def __init__(self, path: Path):
        self.path = path

    def invalid(self, key: str, **params: Any) -> ProjectInvalid:
        return ProjectInvalid(self.path, Message(f"project.{key}", **params))

    def text(self, value: Any, where: str | Message) -> str:
        if isinstance(value, str):
            return _clean_text(value)
        if isinstance(value, list) and all(isinstance(line, str) for line in value):
            return _clean_text("\n".join(value))
        raise self.invalid("not_text", where=where)

    def report(self, data: Mapping[str, Any]) -> Report:
        body = data.get("report")
        if not isinstance(body, dict):
            raise self.invalid("no_report")
        name = body.get("standard")
        if not isinstance(name, str) or not name.strip():
            raise self.invalid("no_standard" if name in (None, "") else "unknown_format", name=_shown(name))
        try:
            fmt = load_format(name)
        except UnknownFormat:
            raise self.invalid("unknown_format", name=_shown(name)) from None
        except FormatError as error:
            raise ProjectInvalid(self.path, error.message) from None
        year = body.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 3000:
            raise self.invalid("bad_year")
        kind = body.get("agency_kind")
        if not isinstance(kind, str) or kind not in {k.id for k in fmt.agency_kinds}:
            raise self.invalid("bad_agency_kind", kind=_shown(kind))
        signed_on = body.get("signed_on")
        try:
            signed = dt.date.fromisoformat(signed_on) if signed_on else None
        except (TypeError, ValueError):
            raise self.invalid("bad_date", date=_shown(signed_on)) from None
        report = Report(
            fmt,
            agency=self.text(body.get("agency", ""), fmt.field_label("agency")),
            agency_lines=self.text(body.get("agency_lines", ""), fmt.field_label("agency_lines")),
            agency_kind=kind,
            year=year,
            signed_on=signed,
            preamble=self.text(body.get("preamble", ""), fmt.field_label("preamble")),
        )
        self.sections(report, body.get("sections", {}))
        self.tables(report, body.get("tables", {}))
        if body.get("previous") is not None:
            report.previous = self.previous(body["previous"])
        self.explanations(report, body.get("explanations", []))
        return report

    def previous(self, raw: Any) -> PreviousYear:
        """Last year's figures and paragraphs the rules across years compare with (see docs/project-file.md)."""
        if not isinstance(raw, dict):
            raise self.invalid("bad_previous")
        year, name = raw.get("year"), raw.get("standard")
        if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 3000:
            raise self.invalid("bad_previous")
        try:
            fmt = load_format(name if isinstance(name, str) else "")
        except UnknownFormat:
            raise self.invalid("unknown_format", name=_shown(name)) from None
        except FormatError as error:
            raise ProjectInvalid(self.path, error.message) from None
        values: dict[CellRef, Value] = {}
        tables = raw.get("tables", {})
        if not isinstance(tables, dict):
            raise self.invalid("bad_previous")
        for table_id, rows in tables.items():
            table = fmt.tables.get(table_id)
            if table is None or not isinstance(rows, dict):
                raise self.invalid("unknown_table", name=_shown(table_id))
            for row, columns in rows.items():
                if not isinstance(columns, dict):
                    raise self.invalid("bad_row", table=table.short, row=_shown(row))
                for column, value in columns.items():
                    if not table.has_cell(row, column):
                        raise self.invalid("unknown_cell", table=table.short, row=_shown(row), column=_shown(column))
                    if value is not None and (not isinstance(value, int | Decimal | str) or isinstance(value, bool)):
                        raise self.invalid("not_a_number", cell=table.cell_label(row, column))
                    parsed = None if value is None else parse_value(table.column(row, column), str(value), fmt)
                    values[CellRef(table_id, row, column)] = parsed
        paragraphs = raw.get("paragraphs", [])
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            raise self.invalid("bad_previous")
        return PreviousYear(
            year=year,
            format=fmt.id,
            agency=self.text(raw.get("agency", ""), fmt.field_label("agency")),
            source=self.text(raw.get("source", ""), fmt.field_label("agency")),
            values=values,
            paragraphs=tuple(_clean_text(p) for p in paragraphs),
        )

    def explanations(self, report: Report, entries: Any) -> None:
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise self.invalid("bad_explanations")
        for entry in entries:
            where = Message("project.explanation")
            subject, facts = entry.get("finding"), entry.get("message")
            if not isinstance(subject, str) or not isinstance(facts, str):
                raise self.invalid("bad_explanations")
            text = self.text(entry.get("text", ""), where)
            if text.strip():
                report.explanations[(_clean_text(subject), _clean_text(facts))] = text

    def sections(self, report: Report, sections: Any) -> None:
        fmt = report.format
        if not isinstance(sections, dict):
            raise self.invalid("bad_sections")
        for section_id, raw in sections.items():
            if section_id not in report.narratives or not isinstance(raw, dict):
                raise self.invalid("unknown_section", name=_shown(section_id))
            heading = fmt.section(section_id).heading
            subsections = raw.get("subsections", [])
            if not isinstance(subsections, list) or not all(isinstance(s, dict) for s in subsections):
                raise self.invalid("bad_subsections", heading=heading)
            report.narratives[section_id] = Narrative(
                self.text(raw.get("text", ""), heading),
                [Subsection(self.text(s.get("title", ""), heading), self.text(s.get("text", ""), heading))
                 for s in subsections],
            )  # fmt: skip

    def tables(self, report: Report, tables: Any) -> None:
        fmt = report.format
        if not isinstance(tables, dict):
            raise self.invalid("bad_tables")
        for table_id, rows in tables.items():
            table = fmt.tables.get(table_id)
            if table is None or not isinstance(rows, dict):
                raise self.invalid("unknown_table", name=_shown(table_id))
            values: dict[tuple[str, str], Value] = {}
            for row, columns in rows.items():
                if not isinstance(columns, dict):
                    raise self.invalid("bad_row", table=table.short, row=_shown(row))
                for column, raw in columns.items():
                    if not table.has_cell(row, column):
                        shown_row = (table.row(row).display or row) if table.has_row(row) else row
                        raise self.invalid(
                            "unknown_cell", table=table.short, row=_shown(shown_row), column=_shown(column)
                        )
                    values[(row, column)] = self.cell(report, table.id, row, column, raw)
            report.tables[table_id].load(values)

    def cell(self, report: Report, table_id: str, row: str, column: str, raw: Any) -> Value:
        if raw is None:
            return None
        if isinstance(raw, int | Decimal | str) and not isinstance(raw, bool):
            return report.parse(table_id, row, column, _clean_text(str(raw)))
        raise self.invalid("not_a_number", cell=report.format.tables[table_id].cell_label(row, column))


def _shown(value: Any) -> str:
    """A value from a file as a message quotes it: text as is, anything else as JSON, never too long."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = _clean_text(text)
    return text if len(text) <= 40 else text[:40] + "…"


def _integer(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= _LONGEST_INTEGER else digits


def loads_project(text: str, path: Path | str = "未命名.govform") -> Report:
    """A report from a project file's text; raises a ProjectError subclass naming `path`."""
    path = Path(path)
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_integer)
    except json.JSONDecodeError as error:
        problem = Message("project.empty") if not text.strip() else Message("project.truncated", line=error.lineno)
        raise ProjectCorrupt(path, problem) from None
    except (RecursionError, ValueError):
        raise ProjectCorrupt(path, Message("project.damaged")) from None
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        raise ProjectWrongKind(path, Message("project.not_project"))
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectInvalid(path, Message("project.no_version"))
    if version > FORMAT_VERSION:
        raise ProjectTooNew(path, Message("project.too_new", version=version, supported=FORMAT_VERSION))
    while version < FORMAT_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    return _Loader(path).report(data)


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def load_project(path: Path | str) -> Report:
    """Read a .govform file; never modifies it; raises a ProjectError subclass with a Chinese message.

    Only regular files up to MAX_FILE_SIZE are read: a device, a pipe or a huge file is refused before
    any of it is read, so `govform check /dev/zero` answers at once."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ProjectWrongKind(path, Message("project.is_folder"))
        if not stat.S_ISREG(info.st_mode):
            raise ProjectWrongKind(path, Message("project.not_regular"))
        if info.st_size > MAX_FILE_SIZE:
            raise ProjectWrongKind(
                path, Message("project.too_large", size=_size(info.st_size), limit=_size(MAX_FILE_SIZE))
            )
        with path.open("rb") as file:
            raw = file.read(MAX_FILE_SIZE + 1)
    except FileNotFoundError:
        raise ProjectNotFound(path, Message("project.not_found")) from None
    except IsADirectoryError:
        raise ProjectWrongKind(path, Message("project.is_folder")) from None
    except OSError as error:
        raise ProjectError(path, Message("files.read_failed", reason=os_error_reason(error))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if raw.startswith(b"\x89PNG") or raw[:4] in (b"PK\x03\x04", b"%PDF") or b"\x00" in raw[:1024]:
            raise ProjectWrongKind(path, Message("project.other_kind")) from None
        raise ProjectCorrupt(path, Message("project.not_utf8")) from None
    return loads_project(text, path)
