"""The command line: `govform [FILE]` opens the window; `govform check|export …` work without one.

Everything it prints to a person is a Message rendered in the language chosen with `--lang` (Chinese by
default), with the same words the window uses.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from govform import __version__, startup

if TYPE_CHECKING:
    from govform.domain.messages import Message
    from govform.domain.report import Report
    from govform.domain.rules import Finding
    from govform.io.checked import CheckedFinding, CheckedReport
    from govform.io.registry import ImportNote, ImportResult

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE
EXIT_INTERRUPTED = 130  # 128 + SIGINT
LANGUAGES = ("zh_CN", "en")  # govform.domain.messages.LANGUAGES, without loading the domain to parse arguments


class Output:
    """Messages rendered in the chosen language, to standard output or error."""

    def __init__(self, language: str, out: TextIO | None = None, err: TextIO | None = None):
        self.language = language
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def text(self, message: Message) -> str:
        return message.text(self.language)

    def say(self, message: Message) -> None:
        print(self.text(message), file=self.out)

    def complain(self, message: Message) -> None:
        print(self.text(message), file=self.err)


def print_findings(path: Path, report: Report, findings: list[Finding], output: Output) -> None:
    """Findings of one file, grouped by section in the format's order, errors before warnings."""
    from govform.domain.messages import Message
    from govform.io.checked import checked

    print_checked(checked(path, Message("batch.kind.project"), report, findings, output.language), output)


def print_checked(result: CheckedReport, output: Output) -> None:
    """One checked file as `govform check` prints it; an unreadable file's reason goes to standard error."""
    from govform.domain.messages import Message
    from govform.io.files import shown_name

    if result.problem is not None:
        print(result.problem, file=output.err)
        return
    if not result.findings:
        output.say(Message("cli.no_findings", path=shown_name(result.path)))
        return
    counts = {"path": shown_name(result.path), "errors": result.errors, "warnings": result.warnings}
    if result.explained:
        output.say(Message("cli.counts_explained", **counts, explained=result.explained))
    else:
        output.say(Message("cli.counts", **counts))
    groups: dict[str | None, list[CheckedFinding]] = {}
    for finding in result.findings:
        groups.setdefault(finding.section, []).append(finding)
    for section in sorted(groups, key=lambda s: groups[s][0].order):
        heading = groups[section][0].heading or output.text(Message("cli.basics"))
        print(f"  {heading}", file=output.out)
        for finding in groups[section]:
            severity = Message(f"severity.{finding.severity}")
            key = "cli.finding_explained" if finding.is_explained else "cli.finding"
            line = Message(key, severity=severity, code=finding.code, message=finding.message)
            print(f"    {output.text(line)}", file=output.out)
            if finding.explanation is not None:
                said = Message("cli.explanation", text=finding.explanation.replace("\n", " "))
                print(f"      {output.text(said)}", file=output.out)


def _load(path: Path) -> Report:
    """A project as a report; raises ProjectError (the project and format loaders' typed errors included)."""
    from govform.io.project import load_project

    return load_project(path)


class _ProgressBar:
    """A one-line progress bar on a terminal (standard error), cleared before anything else is printed.
    Cleared with spaces rather than an escape sequence: older Windows consoles print escapes as they are."""

    WIDTH = 30

    def __init__(self, output: Output, total: int):
        self.output = output
        self.total = total
        self.done = 0
        self.columns = 0  # the terminal columns the bar takes now (0: not shown)

    def update(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.draw()

    def draw(self) -> None:
        import unicodedata

        from govform.domain.messages import Message

        filled = self.WIDTH * self.done // max(self.total, 1)
        words = self.output.text(Message("batch.progress", done=self.done, total=self.total))
        line = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {words}"  # ASCII: one column wide on any console
        self.clear()
        self.output.err.write(line)
        self.output.err.flush()
        self.columns = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)

    def clear(self) -> None:
        if self.columns:
            self.output.err.write("\r" + " " * self.columns + "\r")
            self.output.err.flush()
            self.columns = 0


class Unreadable(Exception):
    """A file that cannot be read as a report; `message` says why (a project's, an importer's or the registry's
    own reason)."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def _read(path: Path) -> ImportResult:
    """The report in a project file or a document (.docx), with its import report; raises Unreadable."""
    from govform.io import registry
    from govform.io.project import ProjectError

    try:
        return registry.read_report(path)
    except (ProjectError, registry.ImportFailed, registry.UnknownKind) as error:
        raise Unreadable(error.message) from None


def _note_json(report: Report, note: ImportNote, output: Output) -> dict[str, Any]:
    def label(ref: Any) -> str:
        return report.format.tables[ref.table].cell_label(ref.row, ref.column)

    return {
        "kind": note.kind,
        "message": output.text(note.message),
        "similarity": None if note.similarity is None else round(note.similarity, 3),
        "section": note.section,
        "cells": [{"table": c.table, "row": c.row, "column": c.column, "label": label(c)} for c in note.cells],
    }


def print_import_notes(path: Path, notes: list[ImportNote], output: Output) -> None:
    """The import report of one document: one line per note, in the order the importer gave them."""
    from govform.domain.messages import Message
    from govform.io.files import shown_name

    output.say(Message("import.cli.report", path=shown_name(path)))
    for note in notes:
        print(f"  {output.text(note.message)}", file=output.out)


def _check(args: argparse.Namespace) -> int:
    from govform import batch
    from govform.domain.messages import Message
    from govform.io.files import shown_name

    output = Output(args.lang)
    summary = Path(args.xlsx) if args.xlsx else None
    if summary is not None:
        from govform.io.summary_xlsx import summary_refusal

        refusal = summary_refusal(summary, [path for path in args.paths if not Path(path).is_dir()])
        if refusal is not None:
            output.complain(Message("export.cannot_export", name=shown_name(summary.name), problem=refusal))
            return EXIT_UNREADABLE
    files = batch.find_reports(args.paths, exclude=[summary] if summary else [])
    if not files:
        output.complain(Message("batch.nothing", paths="、".join(args.paths)))
        return EXIT_UNREADABLE
    if args.previous:
        try:
            _read(Path(args.previous))  # read once here, so an unreadable LAST is said once, before any file
        except Unreadable as error:
            output.complain(error.message)
            return EXIT_UNREADABLE
    bar = _ProgressBar(output, len(files)) if len(files) > 1 and output.err.isatty() else None
    result = batch.BatchResult(total=len(files))
    progress = bar.update if bar else None
    for checked in batch.check_files(files, language=args.lang, progress=progress, previous=args.previous):
        result.reports.append(checked)
        if bar:
            bar.clear()
        if args.json:
            print(json.dumps(checked.as_json(), ensure_ascii=False), file=output.out, flush=True)
        else:
            print_checked(checked, output)
        if bar:
            bar.draw()
    if bar:
        bar.clear()
    status = result.exit_status
    if summary is not None:
        from govform.io.registry import ExportError
        from govform.io.summary_xlsx import write_summary

        try:
            write_summary(result.reports, summary, args.lang)
        except ExportError as error:
            output.complain(error.message)
            return EXIT_UNREADABLE
    if len(files) > 1 and not args.json:
        output.say(Message("batch.totals", total=len(files), **result.counts()))
    if summary is not None and not args.json:
        output.say(Message("batch.written", path=shown_name(summary)))
    return status


def _export(args: argparse.Namespace) -> int:
    from govform.domain.messages import Message
    from govform.domain.rules import validate
    from govform.io import registry
    from govform.io.export_fonts import FALLBACK_FONTS, STANDARD_FONTS
    from govform.io.files import shown_name
    from govform.io.project import ProjectError

    output = Output(args.lang)
    path = Path(args.project)
    try:
        report = _load(path)
    except ProjectError as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    out = Path(args.output) if args.output else path.with_suffix(".docx")
    try:
        registry.exporter(out)
    except registry.UnknownKind as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    findings = validate(report)
    print_findings(path, report, findings, output)
    errors = sum(f.is_error for f in findings)
    if errors and args.strict:
        output.complain(Message("cli.strict_refused", errors=errors))
        return EXIT_ERRORS
    options = registry.ExportOptions(
        fonts=FALLBACK_FONTS if args.fallback_fonts else STANDARD_FONTS, signature_indent=args.signature_indent
    )
    try:
        registry.export(report, out, options, source=path)
    except registry.ExportError as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    output.say(Message("cli.exported_with_errors" if errors else "cli.exported", path=shown_name(out), errors=errors))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from govform.domain.messages import Message
    from govform.io.files import shown_name
    from govform.io.project import ProjectError, save_project

    output = Output(args.lang)
    path = Path(args.document)
    out = Path(args.output) if args.output else path.with_suffix(".govform")
    if not args.output and out.exists():  # never replace a project the clerk did not name
        output.complain(Message("import.cli.exists", path=shown_name(out)))
        return EXIT_UNREADABLE
    try:
        result = _read(path)
    except Unreadable as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    report = result.report
    try:
        save_project(report, out, source=path)
    except ProjectError as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    if args.json:
        summary = {
            "file": str(path),
            "output": str(out),
            "format": report.format.id,
            "agency": report.agency,
            "year": report.year,
            "notes": [_note_json(report, note, output) for note in result.notes],
        }
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print_import_notes(path, result.notes, output)
        output.say(Message("import.cli.saved", path=shown_name(out)))
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from govform.domain.messages import Message
    from govform.domain.previous import start_from
    from govform.io.files import shown_name
    from govform.io.project import ProjectError, save_project

    output = Output(args.lang)
    last_path = Path(args.last)
    try:
        result = _read(last_path)
    except Unreadable as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    report = start_from(result.report, source=last_path.name)
    stem = report.format.export_stem(report.agency or output.text(Message("cli.untitled")), report.year)
    out = Path(args.output) if args.output else last_path.with_name(stem + ".govform")
    if out.exists():
        output.complain(Message("import.cli.exists", path=shown_name(out)))
        return EXIT_UNREADABLE
    try:
        save_project(report, out, source=last_path)
    except ProjectError as error:
        output.complain(error.message)
        return EXIT_UNREADABLE
    if result.notes:
        print_import_notes(last_path, result.notes, output)
    carried = report.value("applications", "carried_over", "total") if "applications" in report.tables else None
    output.say(
        Message(
            "import.cli.started",
            path=shown_name(out),
            year=report.year,
            last_year=result.report.year,
            format=report.format.name,
            carried="" if carried is None else carried,
        )
    )
    return EXIT_OK


def _gui(args: argparse.Namespace) -> int:
    startup.begin()
    from govform.app import run_gui  # Qt loads only when the window is wanted

    return run_gui(args.file, smoke=args.smoke, language=args.lang)


def _add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="zh_CN",
        help="输出的语言：zh_CN（中文，默认）或 en（英文；报告中的正式标签仍为中文）",
    )


def _command_parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="govform",
        description="政府信息公开工作年度报告：编写、核对、导出。不带命令时打开编辑窗口：govform [FILE] [--smoke]。",
    )
    commands.add_argument("--version", action="version", version=f"govform {__version__}", help="显示版本号并退出")
    sub = commands.add_subparsers(dest="command", required=True, metavar="命令")

    check = sub.add_parser(
        "check",
        help="核对报告中的数据（勾稽关系等），可批量核对整个文件夹",
        description=(
            "核对一个或多个报告；给出文件夹时核对其中（含子文件夹）所有的 .govform 和 .docx 文件。"
            "退出码：0 没有错误，1 有报告存在错误，2 有文件无法读取。"
        ),
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="报告文件（.govform、.docx 等）或文件夹")
    check.add_argument("--json", action="store_true", help="以 JSON 输出，每份报告一行，供其他程序读取")
    check.add_argument("--xlsx", metavar="SUMMARY.xlsx", help="把结果写成汇总表（Excel 工作簿）")
    check.add_argument(
        "--previous",
        metavar="LAST",
        help="上年的报告（.govform 或 .docx）：同时核对上年结转（Y1）、现行有效件数（Y2）和与上年雷同的段落（Y3）",
    )
    _add_language(check)
    check.set_defaults(run=_check)

    export = sub.add_parser(
        "export",
        help="导出为 Word 文档（国家标准公文格式）",
        description=(
            "把项目文件导出为文档，类型由 -o 的扩展名决定。报告中有错误时照常导出并列出问题；加 --strict 则拒绝导出。"
        ),
    )
    export.add_argument("project", metavar="PROJECT", help=".govform 项目文件")
    export.add_argument("-o", "--output", metavar="OUT", help="导出的文件（默认：与项目文件同名的 Word 文档）")
    export.add_argument("--strict", action="store_true", help="报告中还有错误时不导出（退出码 1）")
    export.add_argument(
        "--fallback-fonts",
        action="store_true",
        help="使用仿宋、楷体、宋体代替仿宋_GB2312、楷体_GB2312、方正小标宋简体（电脑上没有这些字体时）",
    )
    export.add_argument(
        "--signature-indent",
        type=int,
        choices=range(15),
        default=2,
        metavar="N",
        help="落款（发文机关署名和成文日期）右空几个字（0–14，默认 2，即 GB/T 9704 的“右空二字”）",
    )
    _add_language(export)
    export.set_defaults(run=_export)

    imports = sub.add_parser(
        "import",
        help="把 Word 报告（.docx）导入为项目文件",
        description="读取一份 Word 报告（本程序导出的、按官方模板填写的或各机关实际发布的），"
        "另存为项目文件，并列出导入说明：读到了什么、哪些栏目按相似名称对应、哪些格未填写或换算了单位。",
    )
    imports.add_argument("document", metavar="REPORT", help="Word 报告（.docx）")
    imports.add_argument("-o", "--output", metavar="PROJECT", help="保存的项目文件（默认：与报告同名的 .govform）")
    imports.add_argument("--json", action="store_true", help="以 JSON 输出导入说明，供其他程序读取")
    _add_language(imports)
    imports.set_defaults(run=_import)

    new = sub.add_parser(
        "new",
        help="从上年报告新建本年度的项目",
        description="从上年的报告（.govform 或 .docx）新建本年度的项目：沿用机关、类型、小标题和正文（作为草稿），"
        "年度加一，成文日期留空，表三“上年结转”取上年的“结转下年度继续办理”，并记下上年的数字供核对。",
    )
    new.add_argument("--from", dest="last", required=True, metavar="LAST", help="上年的报告（.govform 或 .docx）")
    new.add_argument("-o", "--output", metavar="NEW", help="新建的项目文件（默认：上年报告旁，按机关和年度命名）")
    _add_language(new)
    new.set_defaults(run=_new)
    return commands


def _gui_parser() -> argparse.ArgumentParser:
    gui = argparse.ArgumentParser(prog="govform", description="打开政府信息公开年报编辑窗口。")
    gui.add_argument("file", nargs="?", metavar="FILE", help="要打开的 .govform 项目文件")
    gui.add_argument("--smoke", action="store_true", help="打开窗口、绘制一次后退出（用于自检）")
    gui.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="窗口的语言：zh_CN（中文）或 en（英文）；默认按“设置”中的选择"
    )
    gui.set_defaults(run=_gui)
    return gui


SUBCOMMANDS = ("check", "export", "import", "new")

# argparse's own words (its usage line, help headings and errors), in Chinese. argparse looks each up with
# gettext at the moment it prints, through its module's `_` and `ngettext`: `_argparse_words` puts these in
# their place. Keys are argparse's messages as in Python 3.11–3.13.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少这些参数：%s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r 不是可选的值（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值（应为 %(type)s）",
    "expected one argument": "后面应跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少跟一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要参数 %s 之一",
    "ignored explicit argument %r": "多余的值 %r",
    "unexpected option string: %s": "多余的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "expected %s argument": "后面应跟 %s 个值",
    "expected %s arguments": "后面应跟 %s 个值",
}


def _argparse_words(chinese: bool) -> None:
    """argparse's usage, help headings and errors in Chinese, or as argparse has them (it reads `_` and
    `ngettext` from its module each time it prints)."""
    import gettext

    if not chinese:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
        argparse.ngettext = gettext.ngettext  # type: ignore[attr-defined]
        return

    def one_or_many(one: str, many: str, n: int) -> str:
        text = one if n == 1 else many
        return _ARGPARSE_ZH.get(text, text)

    argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]
    argparse.ngettext = one_or_many  # type: ignore[attr-defined]


def _wants_english(argv: Sequence[str]) -> bool:
    return any(a == "--lang=en" for a in argv) or any(a == "--lang" and b == "en" for a, b in itertools.pairwise(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _argparse_words(chinese=not _wants_english(argv))
    wants_command = bool(argv) and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version"))
    # Only the parser in use is built: the window's start-up need not describe every command.
    parser = _command_parser() if wants_command else _gui_parser()
    args = parser.parse_args(argv)
    _never_fail_to_print()
    try:
        status = args.run(args)
        sys.stdout.flush()  # here, not at exit, where a closed pipe could only be reported with a traceback
        return status
    except BrokenPipeError:
        return _output_closed()
    except KeyboardInterrupt:
        return _interrupted(args.lang or LANGUAGES[0])


def _never_fail_to_print() -> None:
    """A console that cannot show a character (a GBK console, an emoji in a report) shows "?" instead."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _interrupted(language: str) -> int:
    """Ctrl+C: one line instead of Python's traceback, and the status of a program ended by SIGINT. Whatever
    was being written is written atomically (govform.io.files), so nothing is left half-written."""
    from govform.domain.messages import Message

    with suppress(OSError, ValueError):
        print(file=sys.stderr)  # after the ^C the terminal echoed
        print(Message("cli.interrupted").text(language), file=sys.stderr)
    return EXIT_INTERRUPTED


def _output_closed() -> int:
    """The reader of our output went away (`govform check --json … | head -1`): stop quietly, as other
    command-line tools do, with the exit status of a program ended by SIGPIPE."""
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's last flush must not fail again
    return EXIT_OUTPUT_CLOSED


if __name__ == "__main__":
    sys.exit(main())
