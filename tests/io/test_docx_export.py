"""The DOCX export: every figure, heading and paragraph of the sample where the format puts them, in GB/T 9704 layout.

LibreOffice and pandoc must be installed (`make test` installs them): a missing one fails, never skips.
"""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Length

from govform.domain.format import load_format
from govform.domain.layout import table_grid
from govform.domain.report import Report, display_value, paragraphs
from govform.io.docx_export import CELL_MARGIN, WIDE_TABLE_SIZE, column_widths, export_docx
from govform.io.export_fonts import FALLBACK_FONTS, STANDARD_FONTS
from govform.io.registry import ExportError, ExportOptions
from tests.helpers.reports import sample

FORMAT = load_format()
TABLES = [FORMAT.tables[s.table] for s in FORMAT.sections if s.table]


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def attr(element, name: str) -> str | None:
    return element.get(qn(name))


def texts_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def printed_cells(tbl) -> dict[tuple[int, int], list]:
    """Each printed cell of a w:tbl as (row, column) → [rowspan, colspan, text], read from gridSpan and vMerge."""
    columns = len(tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    cells: dict[tuple[int, int], list] = {}
    open_above: dict[int, tuple[int, int]] = {}
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        column = 0
        for tc in tr.findall(qn("w:tc")):
            props = tc.find(qn("w:tcPr"))
            span_el = props.find(qn("w:gridSpan"))
            span = int(attr(span_el, "w:val")) if span_el is not None else 1
            merge = props.find(qn("w:vMerge"))
            if merge is not None and attr(merge, "w:val") != "restart":
                anchor = open_above[column]
                assert cells[anchor][1] == span and texts_of(tc) == ""
                cells[anchor][0] += 1
            else:
                cells[(r, column)] = [1, span, texts_of(tc)]
                open_above[column] = (r, column)
            column += span
        assert column == columns, f"row {r} covers {column} of {columns} grid columns"
    return cells


def soffice(args: list[str], profile: Path) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
        check=True,
        capture_output=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def report() -> Report:
    return sample()


@pytest.fixture(scope="module")
def exported(report, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "长寿湖镇2024年报.docx"
    export_docx(report, path)
    return path


@pytest.fixture(scope="module")
def document(exported):
    return docx.Document(str(exported))


@pytest.fixture(scope="module")
def body(document):
    return document.element.body


@pytest.fixture(scope="module")
def tables(body):
    return body.findall(qn("w:tbl"))


@pytest.fixture(scope="module")
def pdf(exported, tmp_path_factory) -> Path:
    """The sample's DOCX printed by LibreOffice (once for the module: a conversion takes seconds)."""
    out = tmp_path_factory.mktemp("pdf")
    soffice(["--convert-to", "pdf", "--outdir", str(out), str(exported)], tmp_path_factory.mktemp("profile"))
    return out / exported.with_suffix(".pdf").name


def expected_paragraphs(report: Report) -> list[str]:
    """Every non-blank body paragraph the report should print, in order."""
    expected = [*report.title_lines(), *paragraphs(report.preamble)]
    for section in report.format.sections:
        expected.append(section.heading)
        narrative = report.narratives[section.id]
        expected += paragraphs(narrative.text)
        for index, sub in enumerate(narrative.subsections):
            expected.append(section.subsection_number(index) + sub.title)
            expected += paragraphs(sub.text)
    return [*expected, report.agency, report.signature_date()]


# -- content ------------------------------------------------------------------------------------


def test_every_paragraph_of_the_sample_appears_verbatim_in_order(document, report):
    printed = [p.text for p in document.paragraphs if p.text.strip()]
    assert printed == expected_paragraphs(report)
    texts = [report.preamble] + [
        t for n in report.narratives.values() for t in (n.text, *(s.text for s in n.subsections))
    ]
    written = [p for text in texts for p in paragraphs(text)]
    assert len(written) == 15 and set(written) <= set(printed)


def test_headings_and_numbered_subheads(document):
    headings = [p.text for p in document.paragraphs if p.style.style_id == "Heading1"]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    subheads = [p.text for p in document.paragraphs if p.style.style_id == "Heading2"]
    assert [s[:3] for s in subheads] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert subheads[0] == "（一）主动公开情况"


def test_each_table_follows_its_heading(body):
    children = list(body)
    for table in TABLES:
        heading = FORMAT.section_of_table(table.id).heading
        at = next(i for i, el in enumerate(children) if el.tag == qn("w:p") and texts_of(el) == heading)
        assert children[at + 1].tag == qn("w:tbl")


def test_the_200_figures_sit_where_the_grid_puts_them(tables, report):
    assert len(tables) == 3
    printed, expected = [], []
    for tbl, table in zip(tables, TABLES, strict=True):
        cells = printed_cells(tbl)
        grid = table_grid(table)
        for cell in table.cells:
            printed.append(cells[grid.value_position(cell)][2])
            expected.append(display_value(report.tables[table.id][cell]))
    assert len(printed) == 200
    assert printed == expected
    assert "" not in printed and "0" in printed and "110" in printed


def test_merge_structure_and_labels_equal_table_grid(tables):
    for tbl, table in zip(tables, TABLES, strict=True):
        grid = table_grid(table)
        cells = printed_cells(tbl)
        assert {k: (v[0], v[1]) for k, v in cells.items()} == {
            (c.row, c.column): (c.rowspan, c.colspan) for c in grid.cells
        }, table.id
        for c in grid.cells:
            if c.cell is None:
                assert cells[(c.row, c.column)][2] == c.text


def test_a_table_note_follows_its_table(tmp_path, report):
    report.set_text("appeals", "本年度未发生行政复议、行政诉讼。")
    try:
        path = tmp_path / "note.docx"
        export_docx(report, path)
    finally:
        report.set_text("appeals", "")
    children = list(docx.Document(str(path)).element.body)
    tbl = [i for i, el in enumerate(children) if el.tag == qn("w:tbl")][-1]
    assert texts_of(children[tbl + 1]) == "本年度未发生行政复议、行政诉讼。"
    assert texts_of(children[tbl + 2]) == "五、存在的主要问题及改进情况"


def test_a_blank_report_with_errors_still_exports(tmp_path):
    report = Report.new(FORMAT, agency="", year=2024)
    path = tmp_path / "blank.docx"
    export_docx(report, path)
    reopened = docx.Document(str(path))
    values = [v[2] for tbl in reopened.element.body.findall(qn("w:tbl")) for v in printed_cells(tbl).values()]
    assert values.count("") >= 200
    assert [p.text for p in reopened.paragraphs if p.style.style_id == "Heading2"][-1] == "（五）监督保障"


def test_text_pasted_with_control_characters_exports(tmp_path):
    report = Report.new(FORMAT, agency="某镇人民政府", year=2024)
    report.set_text("problems", "第一行\x0b同一段\r\n第二段\x07<&>“引号”")
    path = tmp_path / "pasted.docx"
    export_docx(report, path)
    printed = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "第一行同一段" in printed and "第二段<&>“引号”" in printed


# -- layout -------------------------------------------------------------------------------------


def test_page_is_a4_with_gbt9704_margins(body, document):
    sect = body.find(qn("w:sectPr"))
    size, margins = sect.find(qn("w:pgSz")), sect.find(qn("w:pgMar"))
    assert (int(attr(size, "w:w")), int(attr(size, "w:h"))) == (twips(210), twips(297))
    assert attr(size, "w:orient") in (None, "portrait")
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        assert int(attr(margins, f"w:{side}")) == twips(mm), side
    section = document.sections[0]
    assert abs(section.top_margin.mm - 37) < 0.05 and abs(section.right_margin.mm - 26) < 0.05
    assert abs(Length(section.page_width - section.left_margin - section.right_margin).mm - 156) < 0.1
    grid = sect.find(qn("w:docGrid"))
    pitch = int(attr(grid, "w:linePitch"))
    assert attr(grid, "w:type") == "lines" and pitch == 579
    assert 22 * pitch <= twips(297 - 37 - 35) < 23 * pitch


def test_body_text_on_the_22_line_grid_with_two_character_indent(document):
    body_paragraphs = [p for p in document.paragraphs if p.style.style_id == "Normal" and p.text.strip()]
    assert len(body_paragraphs) == 15 + 2
    for p in body_paragraphs[:-2]:  # the signature lines are flush right, without indent
        ppr = p._p.pPr
        spacing, ind = ppr.find(qn("w:spacing")), ppr.find(qn("w:ind"))
        assert (attr(spacing, "w:line"), attr(spacing, "w:lineRule")) == ("579", "exact")
        assert (attr(ind, "w:firstLineChars"), attr(ind, "w:firstLine")) == ("200", "640")
    for p in body_paragraphs[-2:]:
        assert attr(p._p.pPr.find(qn("w:jc")), "w:val") == "right"
        assert attr(p._p.pPr.find(qn("w:ind")), "w:firstLine") == "0"


def test_blank_line_after_the_title_and_before_the_signature(document, report):
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == [*report.title_lines(), ""]
    assert texts[-3:] == ["", report.agency, "2025年1月17日"]


def run_fonts(document) -> list[tuple[str, str, str]]:
    """(text, eastAsia font, size) of every run in the body."""
    result = []
    for r in document.element.body.iter(qn("w:r")):
        props = r.find(qn("w:rPr"))
        fonts = props.find(qn("w:rFonts"))
        result.append((texts_of(r), attr(fonts, "w:eastAsia"), attr(props.find(qn("w:sz")), "w:val")))
    return result


def test_fonts_and_sizes_by_kind_of_text(document, report):
    runs = {text: (font, size) for text, font, size in run_fonts(document)}
    assert runs[report.agency] in {("方正小标宋简体", "44"), ("仿宋_GB2312", "32")}
    assert runs["2024年政府信息公开工作年度报告"] == ("方正小标宋简体", "44")
    assert runs["一、总体情况"] == ("黑体", "32")
    assert runs["（一）主动公开情况"] == ("楷体_GB2312", "32")
    assert runs[paragraphs(report.preamble)[0]] == ("仿宋_GB2312", "32")
    assert runs["2025年1月17日"] == ("仿宋_GB2312", "32")
    assert runs["社会公益组织"][0] == "仿宋_GB2312" and 18 <= int(runs["社会公益组织"][1]) <= 21
    assert runs["第二十条第（一）项"] == ("仿宋_GB2312", "21")


def test_every_run_and_style_names_its_fonts_and_no_theme_font_is_left(exported):
    with zipfile.ZipFile(exported) as package:
        parts = {name: package.read(name).decode("utf-8") for name in package.namelist()}
    written = [name for name in parts if re.fullmatch(r"word/(document|footer\d*)\.xml", name)]
    assert len(written) == 3
    runs = 0
    for name in written:
        for run in re.findall(r"<w:r>.*?</w:r>", parts[name], flags=re.S):
            runs += 1
            fonts = re.search(r"<w:rFonts ([^>]*)/>", run)
            assert fonts, run
            for key in ("w:ascii", "w:hAnsi", "w:eastAsia", 'w:hint="eastAsia"'):
                assert key in fonts.group(1), run
    assert runs > 300
    styles = parts["word/styles.xml"]
    assert "Theme" not in styles and "theme" not in styles.replace("themeFontLang", "")
    assert 'w:eastAsia="仿宋_GB2312"' in styles.split("</w:docDefaults>")[0]
    assert "word/stylesWithEffects.xml" not in parts or "Theme=" not in parts["word/stylesWithEffects.xml"]


def test_headings_keep_with_the_next_paragraph(document):
    for p in document.paragraphs:
        if p.style.style_id in ("Heading1", "Heading2"):
            assert p._p.pPr.find(qn("w:keepNext")) is not None, p.text


def test_fallback_fonts_replace_the_gb2312_ones(tmp_path, report):
    path = tmp_path / "fallback.docx"
    export_docx(report, path, ExportOptions(fonts=FALLBACK_FONTS))
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode() + package.read("word/styles.xml").decode()
    assert "_GB2312" not in xml and "方正" not in xml
    assert 'w:eastAsia="仿宋"' in xml and 'w:eastAsia="楷体"' in xml
    assert STANDARD_FONTS.body == "仿宋_GB2312"


# -- tables -------------------------------------------------------------------------------------


def test_tables_fit_the_text_block_with_fixed_widths_everywhere(tables):
    for tbl in tables:
        props = tbl.find(qn("w:tblPr"))
        assert attr(props.find(qn("w:tblLayout")), "w:type") == "fixed"
        width = props.find(qn("w:tblW"))
        assert attr(width, "w:type") == "dxa"
        cols = [int(attr(c, "w:w")) for c in tbl.iter(qn("w:gridCol"))]
        assert sum(cols) == int(attr(width, "w:w")) <= twips(156)
        assert sum(cols) > twips(150)
        for tr in tbl.findall(qn("w:tr")):
            column = 0
            for tc in tr.findall(qn("w:tc")):
                span_el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
                span = int(attr(span_el, "w:val")) if span_el is not None else 1
                assert int(attr(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}"), "w:w")) == sum(cols[column : column + span])
                column += span
        borders = props.find(qn("w:tblBorders"))
        assert [attr(b, "w:val") for b in borders] == ["single"] * 6


def test_column_widths_suit_each_table(tables):
    proactive, applications, appeals = ([int(attr(c, "w:w")) for c in t.iter(qn("w:gridCol"))] for t in tables)
    assert len(proactive) == 4 and len(applications) == 10 and len(appeals) == 15
    assert applications[2] == max(applications) and applications[2] > 2 * applications[1]
    assert min(applications[:3]) > max(applications[3:])
    assert len(set(applications[3:])) == 1
    assert max(appeals) - min(appeals) <= 1


def test_city_sized_figures_widen_the_value_columns_and_labels_stay_readable():
    table = FORMAT.tables["applications"]
    grid = table_grid(table)
    small = column_widths(grid, dict.fromkeys(table.cells, "0"), WIDE_TABLE_SIZE)
    large = column_widths(grid, dict.fromkeys(table.cells, "31190"), WIDE_TABLE_SIZE)
    char = WIDE_TABLE_SIZE * 10
    assert sum(small) == sum(large) == twips(156)
    assert large[3] > small[3] and large[3] - 2 * CELL_MARGIN >= 5 * 0.62 * char
    assert large[2] >= 12 * char


def test_header_rows_repeat_rows_never_split_and_cells_are_centred_vertically(tables):
    for tbl, table in zip(tables, TABLES, strict=True):
        grid = table_grid(table)
        for r, tr in enumerate(tbl.findall(qn("w:tr"))):
            props = tr.find(qn("w:trPr"))
            assert props.find(qn("w:cantSplit")) is not None
            assert (props.find(qn("w:tblHeader")) is not None) == (r < grid.header_rows), (table.id, r)
        assert all(attr(v, "w:val") == "center" for v in tbl.iter(qn("w:vAlign")))
    assert table_grid(TABLES[1]).header_rows == 3


def test_block_titles_of_table_two_are_shaded(tables):
    grid = table_grid(TABLES[0])
    roles = grid.row_roles()
    for r, tr in enumerate(tables[0].findall(qn("w:tr"))):
        fills = [attr(s, "w:fill") for s in tr.iter(qn("w:shd"))]
        assert (fills == ["C6D9F1"]) == (roles[r] == "title"), r


def test_table_cells_are_single_spaced_without_indent(tables):
    for tbl in tables:
        for p in tbl.iter(qn("w:p")):
            ppr = p.find(qn("w:pPr"))
            assert attr(ppr.find(qn("w:spacing")), "w:lineRule") == "auto"
            assert attr(ppr.find(qn("w:ind")), "w:firstLine") == "0"
            assert attr(ppr.find(qn("w:snapToGrid")), "w:val") == "0"


# -- page numbers -------------------------------------------------------------------------------


def test_page_numbers_odd_right_even_left_with_a_page_field(document):
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align, gap in ((section.footer, "right", "w:right"), (section.even_page_footer, "left", "w:left")):
        assert not footer.is_linked_to_previous
        p = footer._element.find(qn("w:p"))
        assert attr(p.find(f"{qn('w:pPr')}/{qn('w:jc')}"), "w:val") == align
        assert attr(p.find(f"{qn('w:pPr')}/{qn('w:ind')}"), gap) == "280"
        assert [t.text for t in p.iter(qn("w:instrText"))] == [" PAGE "]
        assert [attr(f, "w:fldCharType") for f in p.iter(qn("w:fldChar"))] == ["begin", "separate", "end"]
        assert texts_of(p) == "— 1 —"
        sizes = {attr(s, "w:val") for s in p.iter(qn("w:sz"))}
        fonts = {attr(f, "w:eastAsia") for f in p.iter(qn("w:rFonts"))}
        assert (sizes, fonts) == ({"28"}, {"宋体"})


# -- writing the file ---------------------------------------------------------------------------


def test_a_locked_target_raises_a_chinese_error_and_keeps_the_old_file(tmp_path, report, monkeypatch):
    target = tmp_path / "年报.docx"
    target.write_bytes(b"the previous export")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as caught:
        export_docx(report, target)
    assert str(caught.value).startswith("无法导出“年报.docx”：") and "Word/WPS" in str(caught.value)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]


def test_a_missing_folder_raises_a_chinese_error(tmp_path, report):
    with pytest.raises(ExportError, match="所在文件夹不存在"):
        export_docx(report, tmp_path / "没有这个文件夹" / "年报.docx")


def test_an_existing_file_is_replaced(tmp_path, report):
    target = tmp_path / "年报.docx"
    target.write_bytes(b"old")
    export_docx(report, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["年报.docx"]


# -- other readers ------------------------------------------------------------------------------


def test_libreoffice_prints_it_and_no_heading_ends_a_page(pdf, report):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert 5 <= len(pages) <= 9
    flat = re.sub(r"\s+", "", text)
    headings = [s.heading for s in FORMAT.sections] + [
        s.subsection_number(i) + sub.title
        for s in FORMAT.sections
        for i, sub in enumerate(report.narratives[s.id].subsections)
    ]
    for heading in headings:
        assert heading in flat, heading
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        assert re.fullmatch(rf"—\s*{number}\s*—", lines[-1]), lines[-1]
        assert re.sub(r"\s+", "", lines[-2]) not in headings, f"page {number} ends with a heading"


def test_pandoc_reads_it(exported, report):
    plain = subprocess.run(
        ["pandoc", str(exported), "-t", "plain", "--wrap=none"], capture_output=True, text=True, check=True
    ).stdout
    for section in FORMAT.sections:
        assert section.heading in plain
    assert paragraphs(report.narratives["problems"].text)[0] in plain
