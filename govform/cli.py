"""The command line: `govform [FILE]` opens the window; `govform check|export …` work without one."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govform import __version__

# The domain loads inside each command: the window's start-up then loads it with the collector off (_gui).
if TYPE_CHECKING:
    from govform.domain.report import Report
    from govform.domain.rules import Finding

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


def _group_title(report: Report, finding: Finding) -> str:
    if finding.section is None:
        return "基本信息"
    return report.format.section(finding.section).heading


def _finding_json(report: Report, finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "section": finding.section,
        "field": finding.field,
        "cells": [
            {
                "table": c.table,
                "row": c.row,
                "column": c.column,
                "label": report.format.tables[c.table].cell_label(c.row, c.column),
            }
            for c in finding.cells
        ],
        "figures": {k: v if isinstance(v, int | str) else str(v) for k, v in finding.figures.items()},
    }


def print_findings(path: Path, report: Report, findings: list[Finding], out: Any) -> None:
    """Findings of one file, grouped by section in the format's order, errors before warnings."""
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    if not findings:
        print(f"{path}：未发现问题。", file=out)
        return
    print(f"{path}：{errors}个错误，{warnings}个警告", file=out)
    order = {None: -1} | {s.id: i for i, s in enumerate(report.format.sections)}
    groups: dict[str | None, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.section, []).append(finding)
    for section in sorted(groups, key=lambda s: order.get(s, len(order))):
        print(f"  {_group_title(report, groups[section][0])}", file=out)
        for finding in groups[section]:
            print(f"    {SEVERITY_LABELS[finding.severity]} {finding.code}：{finding.message}", file=out)


def _check(args: argparse.Namespace) -> int:
    from govform.domain.rules import validate
    from govform.io.project import ProjectError, load_project

    status = EXIT_OK
    results = []
    for name in args.files:
        path = Path(name)
        try:
            report = load_project(path)
        except ProjectError as error:
            status = EXIT_UNREADABLE
            results.append({"file": str(path), "readable": False, "error": str(error), "findings": []})
            if not args.json:
                print(str(error), file=sys.stderr)
            continue
        findings = validate(report)
        if any(f.is_error for f in findings) and status == EXIT_OK:
            status = EXIT_ERRORS
        results.append(
            {
                "file": str(path),
                "readable": True,
                "errors": sum(f.is_error for f in findings),
                "warnings": sum(not f.is_error for f in findings),
                "findings": [_finding_json(report, f) for f in findings],
            }
        )
        if not args.json:
            print_findings(path, report, findings, sys.stdout)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return status


def _export(args: argparse.Namespace) -> int:
    from govform.domain.rules import validate
    from govform.io.project import ProjectError, load_project

    path = Path(args.project)
    try:
        report = load_project(path)
    except ProjectError as error:
        print(str(error), file=sys.stderr)
        return EXIT_UNREADABLE
    findings = validate(report)
    print_findings(path, report, findings, sys.stdout)
    errors = sum(f.is_error for f in findings)
    if errors and args.strict:
        print(f"报告中还有{errors}个错误，未导出。请先改正，或去掉 --strict 导出草稿。", file=sys.stderr)
        return EXIT_ERRORS

    from govform.io.docx_export import ExportError, export_docx  # python-docx loads only for an export
    from govform.io.export_fonts import FALLBACK_FONTS, STANDARD_FONTS

    out = Path(args.output) if args.output else path.with_suffix(".docx")
    try:
        export_docx(report, out, fonts=FALLBACK_FONTS if args.fallback_fonts else STANDARD_FONTS)
    except ExportError as error:
        print(str(error), file=sys.stderr)
        return EXIT_UNREADABLE
    note = f"（报告中还有{errors}个错误，改正后请重新导出）" if errors else ""
    print(f"已导出：{out}{note}")
    return EXIT_OK


def _gui(args: argparse.Namespace) -> int:
    gc.disable()  # start-up makes objects that live as long as the window; run_gui freezes them once shown
    from govform.app import run_gui  # Qt loads only when the window is wanted

    return run_gui(args.file, smoke=args.smoke)


def _command_parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="govform",
        description="政府信息公开工作年度报告：编写、核对、导出。不带命令时打开编辑窗口：govform [FILE] [--smoke]。",
    )
    commands.add_argument("--version", action="version", version=f"govform {__version__}")
    sub = commands.add_subparsers(dest="command", required=True, metavar="命令")

    check = sub.add_parser("check", help="核对项目文件中的数据（勾稽关系等）", description="核对一个或多个项目文件。")
    check.add_argument("files", nargs="+", metavar="FILE", help=".govform 项目文件")
    check.add_argument("--json", action="store_true", help="以 JSON 输出，供其他程序读取")
    check.set_defaults(run=_check)

    export = sub.add_parser(
        "export",
        help="导出为 Word 文档（.docx，国家标准公文格式）",
        description="把项目文件导出为 Word 文档。报告中有错误时照常导出并列出问题；加 --strict 则拒绝导出。",
    )
    export.add_argument("project", metavar="PROJECT", help=".govform 项目文件")
    export.add_argument("-o", "--output", metavar="OUT.docx", help="导出的文件（默认：与项目文件同名的 .docx）")
    export.add_argument("--strict", action="store_true", help="报告中还有错误时不导出（退出码 1）")
    export.add_argument(
        "--fallback-fonts",
        action="store_true",
        help="使用仿宋、楷体、宋体代替仿宋_GB2312、楷体_GB2312、方正小标宋简体（电脑上没有这些字体时）",
    )
    export.set_defaults(run=_export)
    return commands


def _gui_parser() -> argparse.ArgumentParser:
    gui = argparse.ArgumentParser(prog="govform", description="打开政府信息公开年报编辑窗口。")
    gui.add_argument("file", nargs="?", metavar="FILE", help="要打开的 .govform 项目文件")
    gui.add_argument("--smoke", action="store_true", help="打开窗口、绘制一次后退出（用于自检）")
    gui.set_defaults(run=_gui)
    return gui


SUBCOMMANDS = ("check", "export")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wants_command = bool(argv) and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version"))
    # Only the parser in use is built: the window's start-up need not describe every command.
    parser = _command_parser() if wants_command else _gui_parser()
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
