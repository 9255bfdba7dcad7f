"""Hostile workbooks given to `govform import X.xlsx` (and so to 导入表格数据, which reads them the same way):
one Chinese line, exit 2, nothing written, within 2 s and 200 MB (measured on the whole command); a workbook
that is only slow to read is read within the same bounds."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest

from govform.io.xlsx_export import export_xlsx
from tests.helpers.reports import sample
from tests.io.test_docx_bad_input import MEGABYTES, SECONDS, measured

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TEXT_SHEET = "xl/worksheets/sheet5.xml"  # 正文


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.xlsx"
    export_xlsx(sample(), path)
    return path


def _parts(exported: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(exported) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _workbook(path: Path, exported: Path, replace: dict[str, bytes]) -> Path:
    parts = _parts(exported) | replace
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _with_rows(exported: Path, rows: str) -> bytes:
    """The text sheet with `rows` (SpreadsheetML) added after its own."""
    sheet = _parts(exported)[TEXT_SHEET].decode("utf-8")
    head, tail = sheet.split("</sheetData>")
    return (head + rows + "</sheetData>" + tail).encode("utf-8")


def _shared_strings(exported: Path, strings: str) -> dict[str, bytes]:
    parts = _parts(exported)
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
    )
    rels = (
        parts["xl/_rels/workbook.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
    )
    return {
        "[Content_Types].xml": types.encode(),
        "xl/_rels/workbook.xml.rels": rels.encode(),
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{strings}</sst>'.encode(),
    }


def fifo(folder: Path, exported: Path) -> Path:
    path = folder / "管道.xlsx"
    os.mkfifo(path)  # openpyxl waited for a writer forever
    return path


def device(folder: Path, exported: Path) -> Path:
    path = folder / "设备.xlsx"
    path.symlink_to("/dev/zero")  # read to the end: 6 GB, then MemoryError
    return path


def shared_strings_bomb(folder: Path, exported: Path) -> Path:
    """700,000 shared strings in 15 MB: they took 9 s."""
    strings = "".join(f"<si><t>{i}</t></si>" for i in range(700_000))
    return _workbook(folder / "共享字符串.xlsx", exported, _shared_strings(exported, strings))


def a_sheet_of_300_mb(folder: Path, exported: Path) -> Path:
    """The text sheet with a cell of 300 MB (300 KB on disk): it took 940 MB (a sheet of 2 GB: 6 GB)."""
    head, tail = _with_rows(exported, "").decode("utf-8").split("</sheetData>")
    path = folder / "巨大单元格.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _parts(exported).items():
            if name != TEXT_SHEET:
                archive.writestr(name, data)
        with archive.open(TEXT_SHEET, "w", force_zip64=True) as part:
            part.write((head + '<row r="900"><c r="A900" t="inlineStr"><is><t>').encode())
            for _ in range(300):
                part.write(b"a" * 1024 * 1024)
            part.write(("</t></is></c></row></sheetData>" + tail).encode())
    return path


def styles_bomb(folder: Path, exported: Path) -> Path:
    """200,000 cell styles in 14 MB: openpyxl made an object of each, twice: 7 s and 380 MB."""
    styles = _parts(exported)["xl/styles.xml"].decode()
    xfs = "".join(f'<xf numFmtId="{i % 50}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for i in range(200_000))
    styles = re.sub(r'<cellXfs count="\d+">', lambda _: '<cellXfs count="200000">' + xfs, styles)
    return _workbook(folder / "样式.xlsx", exported, {"xl/styles.xml": styles.encode()})


def entity_expansion(folder: Path, exported: Path) -> Path:
    """Entities expanding in a sheet: the XML parser stops them, its ParseError was a traceback."""
    sheet = _parts(exported)[TEXT_SHEET].decode().split("?>", 1)[-1]
    entities = '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 16}">' for i in range(1, 8)
    )
    sheet = f'<?xml version="1.0"?><!DOCTYPE x [{entities}]>' + sheet.replace(
        "</sheetData>", '<row r="900"><c r="A900" t="inlineStr"><is><t>&a7;</t></is></c></row></sheetData>'
    )
    return _workbook(folder / "实体.xlsx", exported, {TEXT_SHEET: sheet.encode()})


def external_entity(folder: Path, exported: Path) -> Path:
    sheet = _parts(exported)[TEXT_SHEET].decode().split("?>", 1)[-1]
    sheet = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>' + sheet.replace(
        "</sheetData>", '<row r="900"><c r="A900" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData>'
    )
    return _workbook(folder / "外部实体.xlsx", exported, {TEXT_SHEET: sheet.encode()})


def rows_far_apart(folder: Path, exported: Path) -> Path:
    """3,000 rows a million rows apart (36 KB): openpyxl yields every row between them; it never ended."""
    rows = "".join(f'<row r="{r * 1_000_000}"><c r="A{r * 1_000_000}"><v>1</v></c></row>' for r in range(1, 3000))
    return _workbook(folder / "相隔很远.xlsx", exported, {TEXT_SHEET: _with_rows(exported, rows)})


def rows_in_the_last_column(folder: Path, exported: Path) -> Path:
    """60,000 rows each with one cell in the last column, XFD, the sheet declaring itself as wide: each row was
    filled with 16,384 cells: 45 s."""
    rows = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(1000, 61_000))
    sheet = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD61000"/>', _with_rows(exported, rows).decode())
    return _workbook(folder / "最后一列.xlsx", exported, {TEXT_SHEET: sheet.encode()})


CASES = {
    "fifo": (fifo, "不是普通文件"),
    "dev-zero": (device, "不是普通文件"),
    "700,000-shared-strings": (shared_strings_bomb, "“xl/sharedStrings.xml”解压后超过1 MB"),
    "a-cell-of-300-mb": (a_sheet_of_300_mb, "解压后超过16 MB"),
    "200,000-styles": (styles_bomb, "“xl/styles.xml”解压后超过1 MB"),
    "entity-expansion": (entity_expansion, "这不是 Excel 工作簿（.xlsx），或者文件已损坏"),
    "external-entity": (external_entity, "这不是 Excel 工作簿（.xlsx），或者文件已损坏"),
    "rows-a-million-apart": (rows_far_apart, "工作表“正文”中的数据远多于年报的工作簿"),
    "rows-in-the-last-column": (rows_in_the_last_column, "工作表“正文”中的数据远多于年报的工作簿"),
}


@pytest.mark.skipif(os.name != "posix", reason="fifos, devices and symbolic links")
@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_workbook_exits_2_with_one_chinese_line_in_time_and_memory(case, exported, tmp_path):
    make, words = CASES[case]
    folder = tmp_path / "in"
    folder.mkdir()
    bad = make(folder, exported)
    out = tmp_path / "out.govform"
    code, stdout, stderr, seconds, peak = measured(["import", str(bad), "-o", str(out)])
    assert code == 2 and stdout == "" and "Traceback" not in stderr, (case, stdout, stderr)
    [line] = stderr.strip().split("\n")
    assert line.startswith(f"无法导入“{bad.name}”：") and words in line, line
    assert seconds < SECONDS, (case, seconds)
    assert peak < MEGABYTES, (case, peak)
    assert not out.exists()


def declared_as_the_whole_sheet(folder: Path, exported: Path) -> Path:
    """A sheet declaring itself A1:XFD1048576 with a cell in the last row: every row was filled to 16,384
    cells, a million of them (it never ended); a stray cell in Excel's last row is still read."""
    sheet = _with_rows(exported, '<row r="1048576"><c r="A1048576"><v>1</v></c></row>').decode()
    sheet = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', sheet)
    return _workbook(folder / "整张表.xlsx", exported, {TEXT_SHEET: sheet.encode()})


@pytest.mark.parametrize("case", [declared_as_the_whole_sheet])
def test_a_workbook_made_slow_to_read_is_read_in_time_and_memory(case, exported, tmp_path):
    slow = case(tmp_path, exported)
    code, _, stderr, seconds, peak = measured(["import", str(slow), "-o", str(tmp_path / "out.govform")])
    assert code == 0 and "Traceback" not in stderr, stderr
    assert seconds < SECONDS, seconds
    assert peak < MEGABYTES, peak
