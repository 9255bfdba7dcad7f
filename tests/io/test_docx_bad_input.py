"""Bad input to `govform import` and `govform check`: one Chinese line, exit 2, nothing written, each answered
within 2 s and 200 MB (measured here, on the whole command: Python's start-up included)."""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from govform.io.docx_export import export_docx
from tests.helpers.reports import sample
from tests.io.docx_variants import Docx, add_picture_part, picture_paragraph

SECONDS, MEGABYTES = 2.0, 200
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.docx"
    export_docx(sample(), path)
    return path


def zeros_part(archive: zipfile.ZipFile, name: str, size: int) -> None:
    with archive.open(name, "w", force_zip64=True) as part:
        chunk = bytes(1024 * 1024)
        for _ in range(size // len(chunk)):
            part.write(chunk)


def with_parts(source: Path, target: Path, replace: dict[str, bytes] | None = None) -> zipfile.ZipFile:
    """A copy of the .docx `source` at `target` (some parts replaced), left open for more parts."""
    archive = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(source) as original:
        for info in original.infolist():
            archive.writestr(info.filename, (replace or {}).get(info.filename, original.read(info)))
    return archive


def not_a_zip(folder: Path, exported: Path) -> Path:
    path = folder / "年报.docx"
    path.write_text("这不是 Word 文档，只是一段文字。\n" * 200, encoding="utf-8")
    return path


def zip_bomb(folder: Path, exported: Path) -> Path:
    path = folder / "炸弹.docx"
    with with_parts(exported, path) as archive:
        zeros_part(archive, "word/media/image1.png", 101 * 1024 * 1024)
    return path


def zip_bomb_in_the_text(folder: Path, exported: Path) -> Path:
    """document.xml itself inflating past 100 MB, its header saying only 2 KB: the cap, not the header, stops it."""
    path = folder / "炸弹正文.docx"
    with zipfile.ZipFile(exported) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name == "word/document.xml":
                zeros_part(archive, name, 101 * 1024 * 1024)
            else:
                archive.writestr(name, data)
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        start = 0
        while (start := raw.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if raw[name_at : name_at + 17] == b"word/document.xml":
                size = int.from_bytes(raw[start + offset : start + offset + 4], "little")
                if size != 0xFFFFFFFF:
                    raw[start + offset : start + offset + 4] = (2048).to_bytes(4, "little")
            start += 4
    path.write_bytes(bytes(raw))
    return path


def entity_expansion(folder: Path, exported: Path) -> Path:
    entities = '<!ENTITY lol "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = folder / "实体.docx"
    with with_parts(exported, path, {"word/document.xml": xml.encode()}):
        pass
    return path


def external_entity(folder: Path, exported: Path) -> Path:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = folder / "外部实体.docx"
    with with_parts(exported, path, {"word/document.xml": xml.encode()}):
        pass
    return path


def no_tables(folder: Path, exported: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("某某镇人民政府2024年政府信息公开工作年度报告")
    document.add_heading("一、总体情况", 1)
    document.add_paragraph("本年度没有表格。")
    path = folder / "无表格.docx"
    document.save(str(path))
    return path


def old_word(folder: Path, exported: Path) -> Path:
    path = folder / "旧格式.docx"
    path.write_bytes(OLE2 + bytes(range(256)) * 64)
    return path


def wps(folder: Path, exported: Path) -> Path:
    path = folder / "文字.docx"  # a .wps file renamed: also an OLE2 compound file
    path.write_bytes(OLE2 + b"WPS Office" + bytes(4096))
    return path


def images_50_mb(folder: Path, exported: Path) -> Path:
    blank = folder / "blank.docx"
    document = docx.Document()
    document.add_paragraph("照片")
    document.save(str(blank))
    doc = Docx(blank)
    for index in range(5):
        rel_id = add_picture_part(doc, os.urandom(10 * 1024 * 1024), f"photo{index}.png")
        doc.body.insert(0, picture_paragraph(rel_id))
    path = doc.save(folder / "图片.docx")
    with zipfile.ZipFile(path) as archive:  # stored pictures do not shrink: 50 MB on disk
        assert sum(i.compress_size for i in archive.infolist()) > 50 * 1024 * 1024
    return path


def swollen_directory(folder: Path, exported: Path) -> Path:
    """A package whose central directory lists 400,000 parts (24 MB on disk, written directly): Python's zipfile
    alone took over 2 s and 200 MB to read that directory, before any part count could be checked."""
    count = 400_000
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"a"
    names = [f"{i:08x}".encode() for i in range(count)]
    directory = b"".join(
        struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0, 0, 0, 0, 0, 0) + name
        for name in names
    )
    start = len(local)
    end64 = struct.pack("<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), start)
    locator = struct.pack("<4sIQI", b"PK\x06\x07", 0, start + len(directory), 1)
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    path = folder / "部分太多.docx"
    path.write_bytes(local + directory + end64 + locator + end)
    return path


def _body(exported: Path, extra: str) -> bytes:
    """The exported report's document.xml with `extra` (WordprocessingML) added at the end of its body."""
    with zipfile.ZipFile(exported) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    at = xml.rindex("<w:sectPr")
    return (xml[:at] + extra + xml[at:]).encode("utf-8")


def _cell(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _with_body(folder: Path, exported: Path, name: str, extra: str) -> Path:
    path = folder / name
    with with_parts(exported, path, {"word/document.xml": _body(exported, extra)}):
        pass
    return path


def far_right_rows(folder: Path, exported: Path) -> Path:
    """50 rows each placed 5,000,000 grid columns to the right (gridBefore): it took 300 MB."""
    row = '<w:tr><w:trPr><w:gridBefore w:val="5000000"/></w:trPr>' + _cell("1") + "</w:tr>"
    return _with_body(folder, exported, "远在右边.docx", "<w:tbl>" + row * 50 + "</w:tbl>")


def merged_grid(folder: Path, exported: Path) -> Path:
    """1,000 cells a row, each merged over 64 grid columns, 30 rows: it took 3 s and 320 MB."""
    row = "<w:tr>" + _cell("", '<w:gridSpan w:val="64"/>') * 1000 + "</w:tr>"
    return _with_body(folder, exported, "合并单元格.docx", "<w:tbl>" + row * 30 + "</w:tbl>")


def megabytes_of_text_in_cells(folder: Path, exported: Path) -> Path:
    """Every piece of text in the report's tables 20,000 characters longer: each label compared with the
    format's took 50 ms, the whole check more than a minute."""
    padding = "".join(random.Random(2).choice("行政规范性文件规章主动公开本年制发废止现行有效") for _ in range(20_000))
    with zipfile.ZipFile(exported) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    tables = xml.index("<w:tbl>")
    xml = xml[:tables] + xml[tables:].replace('<w:t xml:space="preserve">', '<w:t xml:space="preserve">' + padding)
    path = folder / "长文字.docx"
    with with_parts(exported, path, {"word/document.xml": xml.encode("utf-8")}):
        pass
    return path


def many_paragraphs(folder: Path, exported: Path) -> Path:
    """100,000 short paragraphs after the report, each compared with every heading: they took 3.6 s."""
    extra = "".join(f"<w:p><w:t>{i}</w:t></w:p>" for i in range(100_000))
    return _with_body(folder, exported, "段落太多.docx", extra)


def many_tables(folder: Path, exported: Path) -> Path:
    """45,000 one-cell tables after the report: they took 2.7 s."""
    table = "<w:tbl><w:tr><w:tc><w:p><w:t>规章</w:t></w:p></w:tc></w:tr></w:tbl>"
    return _with_body(folder, exported, "表格太多.docx", table * 45_000)


def tiny_tags(folder: Path, exported: Path) -> Path:
    """700,000 paragraphs of a number each: 26 MB of XML in 3 MB, compressed no more than text is (no zip bomb),
    that took 24 s and 580 MB."""
    numbers = random.Random(1)
    extra = "".join(f"<w:p><w:r><w:t>{numbers.randrange(10**6)}</w:t></w:r></w:p>" for _ in range(700_000))
    return _with_body(folder, exported, "标记太多.docx", extra)


def long_style_chain(folder: Path, exported: Path) -> Path:
    """4,000 paragraphs, each in its own style of a chain of 100,000 styles, each based on the next: every
    paragraph's style was followed to the end of the chain (minutes)."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(100_000)
    )
    paragraphs = "".join(f'<w:p><w:pPr><w:pStyle w:val="s{i}"/></w:pPr></w:p>' for i in range(0, 100_000, 25))
    path = folder / "样式链.docx"
    replace = {
        "word/styles.xml": f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'.encode(),
        "word/document.xml": _body(exported, paragraphs),
    }
    with with_parts(exported, path, replace):
        pass
    return path


CASES = {
    "not-a-zip": (not_a_zip, "这不是 Word 文档（.docx）"),
    "zip-bomb": (zip_bomb, "解压后超过100 MB，是恶意构造的压缩包"),
    "zip-bomb-lying-header": (zip_bomb_in_the_text, "文件已损坏或不完整"),
    "entity-expansion": (entity_expansion, "含有文档类型声明（DTD）"),
    "external-entity": (external_entity, "含有文档类型声明（DTD）"),
    "400,000-parts": (swollen_directory, "文件内部有400000个部分"),
    "rows-5,000,000-columns-right": (far_right_rows, "表格超过200列"),
    "a-million-merged-grid-cells": (merged_grid, "表格超过200列"),
    "100,000-paragraphs": (many_paragraphs, "段落超过5000个"),
    "45,000-tables": (many_tables, "表格超过50个"),
    "700,000-paragraphs-of-tags": (tiny_tags, "超过500000个标记"),
    "no-tables": (no_tables, "文档中没有表格"),
    "doc-renamed": (old_word, "旧版 Word（.doc）或 WPS 文字（.wps）格式"),
    "wps-renamed": (wps, "“另存为” Word 文档（.docx）"),
    "50-mb-of-images": (images_50_mb, "不像是政府信息公开工作年度报告"),
}


MEASURE = """
import os, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
sys.stdout.write(f"{done.returncode}\\n{seconds}\\n{peak}\\n")
sys.stderr.write(done.stderr)
sys.stdout.write(done.stdout)
"""


def measured(args: list[str]) -> tuple[int, str, str, float, float]:
    """Exit code, output, error, wall seconds and peak memory in MB of one `govform` command, measured by a
    parent of its own (the peak of a process's children is the maximum over all it ever waited for)."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "govform", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    code, seconds, peak, *out = done.stdout.split("\n", 3)
    return int(code), "".join(out), done.stderr, float(seconds), float(peak)


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_exits_2_with_one_chinese_line_writes_nothing_in_time_and_memory(case, exported, tmp_path):
    make, words = CASES[case]
    folder = tmp_path / "in"
    folder.mkdir()
    bad = make(folder, exported)
    before = sorted(p.name for p in folder.iterdir())
    out = tmp_path / "out.govform"
    for args in (["import", str(bad), "-o", str(out)], ["check", str(bad)]):
        code, stdout, stderr, seconds, peak = measured(args)
        assert code == 2, (case, stdout, stderr)
        assert stdout == "" and "Traceback" not in stderr
        [line] = stderr.strip().split("\n")
        assert line.startswith(f"无法导入“{bad.name}”：") and words in line, line
        assert seconds < SECONDS, (case, seconds)
        assert peak < MEGABYTES, (case, peak)
    assert not out.exists() and sorted(p.name for p in folder.iterdir()) == before


READABLE = {
    "20,000-characters-per-cell": megabytes_of_text_in_cells,
    "100,000-styles-in-a-chain": long_style_chain,
}


@pytest.mark.parametrize("case", list(READABLE))
def test_a_report_made_slow_to_read_is_read_in_time_and_memory(case, exported, tmp_path):
    """Reports whose every part is within the limits, made as slow to read as they can be."""
    bad = READABLE[case](tmp_path, exported)
    code, _, stderr, seconds, peak = measured(["check", str(bad)])
    assert code in (0, 1) and "Traceback" not in stderr, (case, stderr)
    assert seconds < SECONDS, (case, seconds)
    assert peak < MEGABYTES, (case, peak)
