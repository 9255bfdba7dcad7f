"""The project file (.govform): versioned, human-readable UTF-8 JSON, saved atomically, loaded with typed errors."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from govform.domain.format import load_format
from govform.domain.report import Invalid, Narrative, Report, Subsection, Value
from govform.io.files import write_atomically

FILE_KIND = "govform-project"
FORMAT_VERSION = 1
SUFFIX = ".govform"
BACKUP_SUFFIX = ".bak"


class ProjectError(Exception):
    """A project file that cannot be read or written; `str(error)` is one line of Chinese naming the file."""

    verb = "打开"

    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"无法{self.verb}“{self.path.name}”：{problem}")


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
    verb = "保存"


# Each migration turns a file of version N (the key) into version N + 1.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# -- writing ------------------------------------------------------------------------------------


def _cell_to_json(value: Value) -> int | str | None:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Invalid):
        return value.text
    return value


def _narrative_to_json(narrative: Narrative) -> dict[str, Any]:
    data: dict[str, Any] = {"text": narrative.text.split("\n") if narrative.text else []}
    if narrative.subsections:
        data["subsections"] = [
            {"title": s.title, "text": s.text.split("\n") if s.text else []} for s in narrative.subsections
        ]
    return data


def to_json(report: Report) -> dict[str, Any]:
    tables = {}
    for table_id, data in report.tables.items():
        rows: dict[str, dict[str, Any]] = {}
        for (row, column), value in data.items():
            rows.setdefault(row, {})[column] = _cell_to_json(value)
        tables[table_id] = rows
    return {
        "kind": FILE_KIND,
        "format_version": FORMAT_VERSION,
        "report": {
            "standard": report.format.id,
            "agency": report.agency,
            "agency_kind": report.agency_kind,
            "year": report.year,
            "signed_on": report.signed_on.isoformat() if report.signed_on else None,
            "preamble": report.preamble.split("\n") if report.preamble else [],
            "sections": {sid: _narrative_to_json(n) for sid, n in report.narratives.items()},
            "tables": tables,
        },
    }


def dumps_project(report: Report) -> str:
    """The project file's text for `report` (stable: the same report gives the same bytes)."""
    return json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"


def save_project(report: Report, path: Path | str) -> None:
    """Write atomically (temp file, fsync, replace), keeping the previous file as NAME.govform.bak."""
    path = Path(path)
    payload = dumps_project(report).encode("utf-8")
    try:
        write_atomically(path, lambda out: out.write(payload), backup=path.with_name(path.name + BACKUP_SUFFIX))
    except PermissionError as error:
        raise ProjectSaveError(
            path, "没有写入权限，或文件正被其他程序占用。请换一个位置或关闭占用它的程序后再试。"
        ) from error
    except FileNotFoundError as error:
        raise ProjectSaveError(path, "所在文件夹不存在。") from error
    except OSError as error:
        raise ProjectSaveError(
            path, f"写入失败（{error.strerror or error}），磁盘可能已满。原文件未被改动。"
        ) from error


# -- reading ------------------------------------------------------------------------------------


def _lines(value: Any, where: str, path: Path) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    raise ProjectInvalid(path, f"“{where}”应为文字。")


def _cell_from_json(report: Report, table_id: str, row: str, column: str, raw: Any, path: Path) -> Value:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ProjectInvalid(path, f"表格数据“{table_id}/{row}/{column}”不是数字。")
    if isinstance(raw, int | Decimal | str):
        return report.parse(table_id, row, column, str(raw))
    raise ProjectInvalid(path, f"表格数据“{table_id}/{row}/{column}”不是数字。")


def _load_report(data: Mapping[str, Any], path: Path) -> Report:
    body = data.get("report")
    if not isinstance(body, dict):
        raise ProjectInvalid(path, "文件中缺少报告内容。")
    try:
        fmt = load_format(str(body.get("standard", "")))
    except KeyError:
        raise ProjectInvalid(path, f"文件使用的报告格式“{body.get('standard')}”本程序不认识。") from None
    year = body.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 < year < 3000:
        raise ProjectInvalid(path, "报告年度缺失或不是有效的年份。")
    kind = body.get("agency_kind")
    if kind not in {k.id for k in fmt.agency_kinds}:
        raise ProjectInvalid(path, f"机关类型“{kind}”无法识别。")
    signed_on = body.get("signed_on")
    try:
        signed = dt.date.fromisoformat(signed_on) if signed_on else None
    except (TypeError, ValueError):
        raise ProjectInvalid(path, f"成文日期“{signed_on}”不是有效的日期。") from None
    agency = body.get("agency", "")
    if not isinstance(agency, str):
        raise ProjectInvalid(path, "机关全称应为文字。")
    report = Report(
        fmt,
        agency=agency,
        agency_kind=kind,
        year=year,
        signed_on=signed,
        preamble=_lines(body.get("preamble", ""), "开头部分", path),
    )
    sections = body.get("sections", {})
    if not isinstance(sections, dict):
        raise ProjectInvalid(path, "正文部分的结构不对。")
    for section_id, raw in sections.items():
        if section_id not in report.narratives or not isinstance(raw, dict):
            raise ProjectInvalid(path, f"正文中有本格式没有的部分“{section_id}”。")
        heading = fmt.section(section_id).heading
        subsections = raw.get("subsections", [])
        if not isinstance(subsections, list) or not all(isinstance(s, dict) for s in subsections):
            raise ProjectInvalid(path, f"“{heading}”的小标题结构不对。")
        report.narratives[section_id] = Narrative(
            _lines(raw.get("text", ""), heading, path),
            [
                Subsection(_lines(s.get("title", ""), heading, path), _lines(s.get("text", ""), heading, path))
                for s in subsections
            ],
        )
    tables = body.get("tables", {})
    if not isinstance(tables, dict):
        raise ProjectInvalid(path, "表格部分的结构不对。")
    for table_id, rows in tables.items():
        table = fmt.tables.get(table_id)
        if table is None or not isinstance(rows, dict):
            raise ProjectInvalid(path, f"文件中有本格式没有的表格“{table_id}”。")
        values: dict[tuple[str, str], Value] = {}
        for row, columns in rows.items():
            if not isinstance(columns, dict):
                raise ProjectInvalid(path, f"{table.short}“{row}”行的结构不对。")
            for column, raw in columns.items():
                if not table.has_cell(row, column):
                    raise ProjectInvalid(path, f"{table.short}中没有“{row}/{column}”这一格。")
                values[(row, column)] = _cell_from_json(report, table_id, row, column, raw, path)
        report.tables[table_id].load(values)
    return report


def loads_project(text: str, path: Path | str = "未命名.govform") -> Report:
    """A report from a project file's text; raises a ProjectError subclass naming `path`."""
    path = Path(path)
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        problem = "文件是空的。" if not text.strip() else f"文件内容不完整或已损坏（第{error.lineno}行附近）。"
        raise ProjectCorrupt(path, problem) from None
    except RecursionError:
        raise ProjectCorrupt(path, "文件内容已损坏。") from None
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        raise ProjectWrongKind(path, "这不是政府信息公开年报的项目文件（.govform）。")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectInvalid(path, "文件缺少有效的版本号（format_version）。")
    if version > FORMAT_VERSION:
        raise ProjectTooNew(
            path,
            f"该文件由更新版本的程序保存（文件版本{version}，本程序支持到{FORMAT_VERSION}），请升级本程序后再打开。",
        )
    while version < FORMAT_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    return _load_report(data, path)


def load_project(path: Path | str) -> Report:
    """Read a .govform file; never modifies it; raises a ProjectError subclass with a Chinese message."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectNotFound(path, "文件不存在。") from None
    except IsADirectoryError:
        raise ProjectWrongKind(path, "这是一个文件夹，不是项目文件。") from None
    except PermissionError:
        raise ProjectError(path, "没有读取权限。") from None
    except OSError as error:
        raise ProjectError(path, f"读取失败（{error.strerror or error}）。") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if raw.startswith(b"\x89PNG") or raw[:4] in (b"PK\x03\x04", b"%PDF") or b"\x00" in raw[:1024]:
            raise ProjectWrongKind(path, "这不是政府信息公开年报的项目文件（.govform），而是其他类型的文件。") from None
        raise ProjectCorrupt(path, "文件不是 UTF-8 编码的文本，可能已损坏。") from None
    return loads_project(text, path)
