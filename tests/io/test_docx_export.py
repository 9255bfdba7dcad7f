"""The DOCX export: every figure, heading and paragraph of the sample where the format puts them, in GB/T 9704 layout.

pandoc must be installed (`make test` installs it): a missing one fails, never skips. How LibreOffice prints
the documents is tested in test_docx_pages.py.
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
from lxml import etree

from govform.domain.format import load_format
from govform.domain.layout import table_grid
from govform.domain.report import Report, display_value, paragraphs
from govform.io.docx_export import export_docx
from govform.io.docx_tables import CELL_MARGIN, table_type
from govform.io.export_fonts import FALLBACK_FONTS, STANDARD_FONTS
from govform.io.registry import ExportError, ExportOptions
from tests.helpers.reports import STRESS_AGENCY, complete_report, sample, stress

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
    for p in body_paragraphs[-2:]:  # the agency flush right (右空二字), the date placed under it
        assert attr(p._p.pPr.find(qn("w:jc")), "w:val") in ("right", "left")
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
    assert runs["社会"][0] == "仿宋_GB2312" and 18 <= int(runs["社会"][1]) <= 21
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
    assert max(applications[4:]) - min(applications[4:]) <= 1  # 自然人 is as wide as its three characters need
    assert max(appeals) - min(appeals) <= 1


def test_city_sized_figures_widen_the_value_columns_and_labels_stay_readable():
    table = FORMAT.tables["applications"]
    grid = table_grid(table)
    small = table_type(grid, dict.fromkeys(table.cells, "0"))
    large = table_type(grid, dict.fromkeys(table.cells, "31190"))
    assert small.size == 18 and 16 <= large.size < 18  # five digits in all 175 cells: half a point or two less
    char = large.size * 10
    assert sum(small.widths) == sum(large.widths) == twips(156)
    assert large.widths[4] > small.widths[4] and min(large.widths[3:]) - 2 * CELL_MARGIN >= 5 * 0.64 * char
    assert large.widths[2] >= 13 * char


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


def test_pandoc_reads_it(exported, report):
    plain = subprocess.run(
        ["pandoc", str(exported), "-t", "plain", "--wrap=none"], capture_output=True, text=True, check=True
    ).stdout
    for section in FORMAT.sections:
        assert section.heading in plain
    assert paragraphs(report.narratives["problems"].text)[0] in plain


# -- issue 9: the DOCX as a strict reviewer and a Word/WPS user see it ------------------------------


def export_to(report: Report, path: Path, **options) -> Path:
    export_docx(report, path, ExportOptions(**options))
    return path


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def xml_of(path: Path, name: str):
    return etree.fromstring(parts_of(path)[name])


@pytest.fixture(scope="module")
def stressed(tmp_path_factory) -> Path:
    return export_to(stress(), tmp_path_factory.mktemp("stress") / "stress.docx")


# 1. Text carried over from last year's document prints once.


def test_numbered_subhead_titles_and_pasted_indents_print_once(tmp_path):
    report = complete_report()
    subs = report.narratives["overview"].subsections
    subs[0].title, subs[1].title = "（一）主动公开", "2.依申请公开"
    subs[0].text = "\u3000\u3000第一段。\n  \t第二段。"
    report.narratives["problems"].text = "\u00a0\u3000问题。"
    report.preamble = "\t根据条例。"
    printed = [p.text for p in docx.Document(str(export_to(report, tmp_path / "x.docx"))).paragraphs]
    assert "（一）主动公开" in printed and "（二）依申请公开" in printed
    assert {"第一段。", "第二段。", "问题。", "根据条例。"} <= set(printed)
    assert not [t for t in printed if t.startswith(("（一）（一）", "（二）2.", "\u3000", "\u00a0", " ", "\t"))]


# 2. Widow and orphan control is off: every full page holds 22 lines.


def test_widow_and_orphan_control_is_off(exported):
    styles = xml_of(exported, "word/styles.xml")
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:widowControl')}")
    assert attr(default, "w:val") == "0"
    normal = next(s for s in styles.iter(qn("w:style")) if attr(s, "w:styleId") == "Normal")
    assert attr(normal.find(f"{qn('w:pPr')}/{qn('w:widowControl')}"), "w:val") == "0"
    for name in ("word/document.xml", "word/styles.xml"):
        switched_on = [w for w in xml_of(exported, name).iter(qn("w:widowControl")) if attr(w, "w:val") != "0"]
        assert switched_on == [], name


# 3. The font table declares the fonts used, with what Word and WPS fall back to.


def fonts_named(path: Path) -> set[str]:
    names = set()
    for name, data in parts_of(path).items():
        if name.startswith("word/") and name.endswith(".xml") and "fontTable" not in name and "theme" not in name:
            for fonts in etree.fromstring(data).iter(qn("w:rFonts")):
                names |= {v for k, v in fonts.attrib.items() if not k.endswith("hint")}
    return names


def test_the_font_table_declares_exactly_the_fonts_used(exported, tmp_path):
    table = {attr(f, "w:name"): f for f in xml_of(exported, "word/fontTable.xml").iter(qn("w:font"))}
    assert set(table) == fonts_named(exported) == {"仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"}
    alternatives = {name: attr(font.find(qn("w:altName")), "w:val") for name, font in table.items()}
    assert alternatives == {
        "仿宋_GB2312": "仿宋",
        "楷体_GB2312": "楷体",
        "方正小标宋简体": "宋体",
        "黑体": "SimHei",
        "宋体": "SimSun",
    }
    for font in table.values():
        assert attr(font.find(qn("w:charset")), "w:val") == "86"
        assert attr(font.find(qn("w:family")), "w:val") in ("modern", "auto")
        assert attr(font.find(qn("w:pitch")), "w:val") in ("fixed", "variable")
    fallback = export_to(sample(), tmp_path / "fallback.docx", fonts=FALLBACK_FONTS)
    names = [attr(f, "w:name") for f in xml_of(fallback, "word/fontTable.xml").iter(qn("w:font"))]
    assert sorted(names) == sorted(fonts_named(fallback)) == sorted(["仿宋", "黑体", "楷体", "宋体"])


# 4 and 5. Figures never wrap; labels break only where the template breaks them.

LIBREOFFICE_DIGIT = 0.64  # a digit's width in em as LibreOffice prints it here (DejaVu Sans: 0.636)


def printed_width(text: str, size: int) -> float:
    """A line's width in twips: Chinese characters one em, digits and Latin letters as LibreOffice prints them."""
    import unicodedata

    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else LIBREOFFICE_DIGIT for c in text) * size * 10


def lines_that_do_not_fit(tbl) -> list[str]:
    """Every paragraph of every cell that is wider than its cell (less its margins) at the cell's type size."""
    too_wide = []
    for tc in tbl.iter(qn("w:tc")):
        width = int(attr(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}"), "w:w")) - 2 * CELL_MARGIN
        for p in tc.findall(qn("w:p")):
            text = texts_of(p)
            size = int(attr(p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:sz')}"), "w:val"))
            if text and printed_width(text, size) > width:
                too_wide.append(text)
    return too_wide


def table_size(tbl) -> int:
    return int(attr(next(tbl.iter(qn("w:sz"))), "w:val"))


def test_table_four_is_sized_from_its_figures(tmp_path):
    report = complete_report()
    report.set_cell("appeals", "cases", "review_upheld", 22215)
    report.set_cell("appeals", "cases", "direct_corrected", 3202)
    tbl = docx.Document(str(export_to(report, tmp_path / "x.docx"))).element.body.findall(qn("w:tbl"))[2]
    widths = [int(attr(c, "w:w")) for c in tbl.iter(qn("w:gridCol"))]
    assert widths[0] > widths[2] and widths[4] > widths[2] and widths[6] > widths[2]  # 22215, its total, 3202
    assert lines_that_do_not_fit(tbl) == [] and table_size(tbl) == 18


def test_city_sized_tables_keep_every_figure_and_label_line_whole(stressed):
    tables = docx.Document(str(stressed)).element.body.findall(qn("w:tbl"))
    for tbl in tables:
        assert lines_that_do_not_fit(tbl) == []
    assert table_size(tables[0]) == 21 and table_size(tables[1]) < 18 and table_size(tables[2]) < 18


@pytest.mark.parametrize("table_id", ["applications", "appeals"])
def test_nine_digits_never_wrap_in_any_cell(table_id, tmp_path):
    table = FORMAT.tables[table_id]
    grid = table_grid(table)
    zeros = dict.fromkeys(table.cells, "0")
    for cell in table.cells:
        size, widths = table_type(grid, {**zeros, cell: "123456789"})
        column = grid.value_position(cell)[1]
        assert size >= 16 and widths[column] - 2 * CELL_MARGIN >= printed_width("123456789", size), cell
    report = complete_report()
    for cell in table.cells:
        report.set_cell(table_id, *cell, 999_999_999)
    tbl = docx.Document(str(export_to(report, tmp_path / "x.docx"))).element.body.findall(qn("w:tbl"))[
        [t.id for t in TABLES].index(table_id)
    ]
    assert lines_that_do_not_fit(tbl) == []


def cell_paragraphs(tbl) -> list[list[str]]:
    return [[texts_of(p) for p in tc.findall(qn("w:p"))] for tc in tbl.iter(qn("w:tc")) if texts_of(tc)]


def test_labels_break_where_the_template_breaks_them(tables):
    printed = cell_paragraphs(tables[1])
    assert ["商业", "企业"] in printed and ["社会", "公益", "组织"] in printed and ["法律", "服务", "机构"] in printed
    assert ["三、本年度", "办理结果"] in printed and ["（三）", "不予公开"] in printed
    assert ["1.申请人无正当理由", "逾期不补正、行政机关", "不再处理其政府信息公开申请"] in printed
    assert ["3.危及“三安全一稳定”"] in printed and ["自然人"] in printed
    assert ["结果", "维持"] in cell_paragraphs(tables[2])
    for tbl, table in zip(tables, TABLES, strict=True):
        expected = {c.lines for c in table_grid(table).cells if c.cell is None}
        assert {tuple(p) for p in cell_paragraphs(tbl) if not p[0].isdigit()} <= expected
        assert lines_that_do_not_fit(tbl) == []


# 6. Long agency names break between words, in balanced lines.


def test_a_long_agency_name_breaks_between_words_in_title_and_signature(stressed):
    paragraphs_ = [p.text for p in docx.Document(str(stressed)).paragraphs]
    agency = ["重庆市长寿区经济和信息化委员会", "信息化建设处（大数据发展中心）"]
    assert paragraphs_[:4] == [*agency, "2024年政府信息公开工作年度报告", ""]
    assert paragraphs_[-3:] == [*agency, "2025年1月20日"]


def test_the_clerks_own_break_is_used_where_its_lines_fit(tmp_path):
    report = stress()
    report.agency_lines = "重庆市长寿区经济和信息化委员会信息化建设处\n（大数据发展中心）"
    printed = [p.text for p in docx.Document(str(export_to(report, tmp_path / "x.docx"))).paragraphs]
    assert printed[:2] == ["重庆市长寿区经济和信息化委员会", "信息化建设处（大数据发展中心）"]  # 21 > 20: its own
    assert printed[-3:-1] == report.agency_lines.split("\n")  # the signature's 26 characters hold it
    assert "".join(printed[-3:-1]) == STRESS_AGENCY


# 7. Long tables may break across pages; a heading keeps with its table's header rows.


def keeps(tbl) -> list[bool]:
    return [tr.find(f".//{qn('w:keepNext')}") is not None for tr in tbl.findall(qn("w:tr"))]


def test_tables_may_break_between_row_groups_but_not_after_their_heading(tables):
    proactive, applications, appeals = (keeps(t) for t in tables)
    grid = table_grid(TABLES[1])
    assert all(applications[: grid.header_rows + 1]) and not all(applications)
    assert applications[-2] and not applications[-1]  # the last two rows stay together
    withheld = grid.anchor_at(7, 1)  # （三）不予公开 and its eight rows stay together
    assert all(applications[withheld.row : withheld.row + withheld.rowspan - 1])
    unprocessed = grid.anchor_at(18, 1)
    assert unprocessed.text == "（五）不予处理" and not applications[unprocessed.row - 1]  # a page may end before it
    titles = [r for r, role in enumerate(table_grid(TABLES[0]).row_roles()) if role == "title"]
    assert [proactive[r - 1] for r in titles[1:]] == [False, False, False]  # 二 breaks only between its blocks
    assert all(appeals[:-1])  # 四 is short: whole


# 8. A clean base document.


def test_the_package_holds_only_what_the_report_uses(exported):
    parts = parts_of(exported)
    assert sorted(parts) == sorted(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/fontTable.xml",
            "word/footer1.xml",
            "word/footer2.xml",
            "word/settings.xml",
            "word/styles.xml",
            "word/theme/theme1.xml",
        ]
    )
    styles = xml_of(exported, "word/styles.xml")
    defined = {attr(s, "w:styleId") for s in styles.iter(qn("w:style"))}
    used = set()
    for name in ("word/document.xml", "word/footer1.xml", "word/footer2.xml"):
        used |= {attr(s, "w:val") for s in xml_of(exported, name).iter(qn("w:pStyle"))}
    assert defined == used | {"Normal"} == {"Normal", "Heading1", "Heading2", "ReportTitle", "TableText", "PageNumber"}
    assert not list(styles.iter(qn("w:link"))) and not list(styles.iter(qn("w:pBdr")))
    for style in styles.iter(qn("w:style")):
        assert attr(style.find(f"{qn('w:rPr')}/{qn('w:color')}"), "w:val") == "000000"
    app = etree.fromstring(parts["docProps/app.xml"])
    assert app.findtext("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Application") == (
        "govform"
    )
    mode = [s for s in xml_of(exported, "word/settings.xml").iter(qn("w:compatSetting"))]
    assert [(attr(s, "w:name"), attr(s, "w:val")) for s in mode] == [("compatibilityMode", "15")]
    base = b"".join(parts[n] for n in parts if not n.endswith(("document.xml", "core.xml"))).decode("utf-8")
    for leftover in ("Calibri", "Cambria", "ＭＳ 明朝", "Macintosh", "Heading1Char", '"Title"', "Theme="):
        assert leftover not in base, leftover


# 9. Space below tables, the page number and the signature's right indent.


def test_space_between_a_table_and_what_follows_it(body):
    children = list(body)
    for index, element in enumerate(children):
        if element.tag == qn("w:tbl"):
            spacing = children[index + 1].find(f"{qn('w:pPr')}/{qn('w:spacing')}")
            assert int(attr(spacing, "w:before")) == 579 // 2


def signature_indents(path: Path) -> list[tuple[str, str, int, int]]:
    """(text, alignment, left, right) of the signature's paragraphs: those after the last blank paragraph."""
    paragraphs_ = docx.Document(str(path)).paragraphs
    last_blank = max(i for i, p in enumerate(paragraphs_) if not p.text)
    result = []
    for p in paragraphs_[last_blank + 1 :]:
        ind = p._p.pPr.find(qn("w:ind"))
        result.append(
            (p.text, attr(p._p.pPr.find(qn("w:jc")), "w:val"), int(attr(ind, "w:left")), int(attr(ind, "w:right")))
        )
    return result


def test_the_signature_sits_two_characters_from_the_right_the_date_two_further_in(exported, tmp_path):
    char = 315  # a condensed 3号 character: 28 to the 156 mm line
    agency, date = signature_indents(exported)
    assert agency == ("重庆市长寿区长寿湖镇人民政府", "right", 0, 2 * char)
    # GB/T 9704 7.3.5.2: the date's first character two characters right of the agency's first
    assert date == ("2025年1月17日", "left", twips(156) - 2 * char - 14 * char + 2 * char, 0)
    flush = signature_indents(export_to(sample(), tmp_path / "flush.docx", signature_indent=0))
    assert flush[0] == ("重庆市长寿区长寿湖镇人民政府", "right", 0, 0)
    assert ExportOptions().signature_indent == 2


def test_a_date_longer_than_the_agency_keeps_the_indent_and_the_agency_moves_left(tmp_path):
    report = complete_report()
    report.agency = "某某局"
    agency, date = signature_indents(export_to(report, tmp_path / "x.docx"))
    assert date[1:] == ("right", 0, 2 * 315)
    assert agency[1] == "right" and agency[3] == round((2 + 6.5 + 2 - 3) * 315)


# Any text a report can hold exports, and the result validates.


def test_any_text_a_report_can_hold_exports(tmp_path):
    report = Report.new(FORMAT, agency="某镇\ud800人民政府\x01\n第二行\t（试）", year=2024)
    report.preamble = "\x00\x07控制字符\x1b\ufffe与孤立代理项\udfff，" + "很长的段落" * 4_000
    subs = report.narratives["overview"].subsections
    for n in range(150):
        subs.append(type(subs[0])(f"（{n}）标题\ud83d\x0b第{n}个\n换行\t制表", f"正文{n}\x0c。\n\u3000\u3000第二段"))
    report.set_text("problems", "<&>\"'" * 100)
    path = export_to(report, tmp_path / "x.docx")
    document = docx.Document(str(path))
    assert document.core_properties.title.startswith("某镇\ufffd人民政府第二行")
    texts = [p.text for p in document.paragraphs]
    assert "（一百五十五）标题\ufffd第149个换行 制表" in texts and "第二段" in texts
    assert "（一）主动公开" in texts  # the standard sub-heads are numbered as before
    assert "<&>\"'" * 100 in texts
    from openxml_audit import FileFormat, OpenXmlValidator

    assert OpenXmlValidator(file_format=FileFormat.OFFICE_2010).validate(str(path)).is_valid


@pytest.mark.parametrize("office", ["OFFICE_2007", "OFFICE_2010"])
def test_openxml_audit_finds_nothing(exported, stressed, office):
    from openxml_audit import FileFormat, OpenXmlValidator

    validator = OpenXmlValidator(file_format=getattr(FileFormat, office), max_errors=0)
    for path in (exported, stressed):
        result = validator.validate(str(path))
        assert result.is_valid, [str(e) for e in result.errors]
