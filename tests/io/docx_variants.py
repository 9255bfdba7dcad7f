"""Builds one DOCX per way reports are really published (issue 10, point 2) and a 2019-format report, each
with what the importer must read from it and what its import report must say.

    python tests/io/docx_variants.py OUT_DIR      # every variant into OUT_DIR, to open in Word or WPS

Variants are our own export edited with lxml (tables split, a ghost grid column, header rows split, a 总计
over narrow columns, labels and cells as people type them, headings numbered or styled otherwise, the title
and date written otherwise, tables pasted as pictures), the official template (tests/fixtures) filled in,
and a 2019-format report. The figures are all different (tests.helpers.reports.distinct_report), so a figure
read into the wrong cell shows. The LibreOffice re-save is made by the tests (it needs soffice).
"""

from __future__ import annotations

import copy
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from govform.domain.format import load_format  # noqa: E402
from govform.domain.report import Report, paragraphs  # noqa: E402
from govform.io.docx_export import export_docx  # noqa: E402
from tests.helpers.reports import distinct_report  # noqa: E402

TEMPLATE = HERE.parent / "fixtures" / "standard-template-2021.docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@dataclass
class Variant:
    name: str
    path: Path
    expected: Report  # what import must read (all of it is compared)
    says: list[str] = field(default_factory=list)  # what its import report must contain, each somewhere


# -- editing a .docx ----------------------------------------------------------------------------


class Docx:
    """A .docx whose document.xml is edited with lxml and written back with every other part as it was."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            self.parts = {info.filename: archive.read(info) for info in archive.infolist()}
        self.root = etree.fromstring(self.parts["word/document.xml"])
        self.body = self.root.find(w("body"))

    def save(self, path: Path) -> Path:
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        return path

    def tables(self) -> list:
        return self.body.findall(w("tbl"))

    def paragraphs(self) -> list:
        return self.body.findall(w("p"))

    def paragraph(self, text: str):
        return next(p for p in self.paragraphs() if text_of(p) == text)


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


def set_text(p, text: str) -> None:
    """Replace a paragraph's runs by one run of `text` (line breaks as w:br), keeping its look."""
    runs = p.findall(w("r"))
    properties = runs[0].find(w("rPr")) if runs else None
    for child in list(p):
        if child.tag != w("pPr"):
            p.remove(child)
    run = etree.SubElement(p, w("r"))
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(run, w("br"))
        t = etree.SubElement(run, w("t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def set_style(p, style: str | None) -> None:
    ppr = p.find(w("pPr"))
    if ppr is None:
        ppr = etree.SubElement(p, w("pPr"))
        p.insert(0, ppr)
    old = ppr.find(w("pStyle"))
    if old is not None:
        ppr.remove(old)
    if style:
        element = etree.Element(w("pStyle"))
        element.set(w("val"), style)
        ppr.insert(0, element)


def new_paragraph_like(p, text: str):
    clone = copy.deepcopy(p)
    set_text(clone, text)
    return clone


def rows(tbl) -> list:
    return tbl.findall(w("tr"))


def row_cells(tr) -> list[tuple[object, int, int]]:
    """(tc, first grid column, span) of each cell of a row."""
    found, column = [], 0
    for tc in tr.findall(w("tc")):
        span_el = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
        span = int(span_el.get(w("val"))) if span_el is not None else 1
        found.append((tc, column, span))
        column += span
    return found


def set_span(tc, span: int) -> None:
    tcpr = tc.find(w("tcPr"))
    element = tcpr.find(w("gridSpan"))
    if span == 1:
        if element is not None:
            tcpr.remove(element)
        return
    if element is None:
        element = etree.Element(w("gridSpan"))
        width = tcpr.find(w("tcW"))
        tcpr.insert(list(tcpr).index(width) + 1 if width is not None else 0, element)
    element.set(w("val"), str(span))


def cell_at(tbl, row: int, column: int):
    for tc, start, span in row_cells(rows(tbl)[row]):
        if start <= column < start + span:
            return tc
    raise IndexError((row, column))


def set_cell_text(tc, text: str) -> None:
    ps = tc.findall(w("p"))
    for extra in ps[1:]:
        tc.remove(extra)
    set_text(ps[0], text)


def find_cell(tbl, text: str):
    return next(tc for tr in rows(tbl) for tc, _, _ in row_cells(tr) if text_of(tc) == text)


def grid_widths(tbl) -> list:
    return tbl.find(w("tblGrid")).findall(w("gridCol"))


def insert_ghost(tbl, at: int, header: Callable[[int], bool], width: int = 120) -> None:
    """A narrow grid column before column `at`: header cells beside it widen over it, body cells after it too,
    so that values no longer sit under their headers by grid position."""
    ghost = etree.Element(w("gridCol"))
    ghost.set(w("w"), str(width))
    grid_widths(tbl)[at].addprevious(ghost)
    for index, tr in enumerate(rows(tbl)):
        for tc, start, span in row_cells(tr):
            across = start < at < start + span
            if across or (header(index) and start + span == at) or (not header(index) and start == at):
                set_span(tc, span + 1)


def remove_v_merges(tbl, row_indices) -> None:
    for index in row_indices:
        for tc, _, _ in row_cells(rows(tbl)[index]):
            merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
            if merge is not None:
                tc.find(w("tcPr")).remove(merge)


def tiny_png() -> bytes:
    """A 1×1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def picture_paragraph(rel_id: str):
    """A paragraph holding an inline picture (the part `rel_id`), as Word writes one."""
    xml = f"""<w:p xmlns:w="{W_NS}" xmlns:r="{R_NS}"
      xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
      xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
      xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:r><w:drawing>
      <wp:inline><wp:extent cx="5400000" cy="3000000"/><wp:docPr id="1" name="表格截图"/>
      <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>
      <pic:nvPicPr><pic:cNvPr id="0" name="table.png"/><pic:cNvPicPr/></pic:nvPicPr>
      <pic:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
      <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="3000000"/></a:xfrm>
      <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>
      </wp:inline></w:drawing></w:r></w:p>"""
    return etree.fromstring(xml)


def add_picture_part(doc: Docx, data: bytes, name: str = "image1.png") -> str:
    rels = etree.fromstring(doc.parts["word/_rels/document.xml.rels"])
    rel_id = "rIdPicture" + str(len(rels))
    rel = etree.SubElement(rels, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship")
    rel.set("Id", rel_id)
    rel.set("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")
    rel.set("Target", f"media/{name}")
    doc.parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
    doc.parts[f"word/media/{name}"] = data
    types = etree.fromstring(doc.parts["[Content_Types].xml"])
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    if not any(d.get("Extension") == "png" for d in types.iter(f"{ns}Default")):
        default = etree.SubElement(types, f"{ns}Default")
        default.set("Extension", "png")
        default.set("ContentType", "image/png")
    doc.parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
    return rel_id


# -- the variants -------------------------------------------------------------------------------


class Builder:
    def __init__(self, folder: Path):
        self.folder = folder
        self.base = distinct_report()
        self.ours = folder / "ours.docx"
        export_docx(self.base, self.ours)

    def edited(self, name: str, edit: Callable[[Docx], object], expected: Report | None = None, says=()) -> Variant:
        doc = Docx(self.ours)
        edit(doc)
        return Variant(name, doc.save(self.folder / f"{name}.docx"), expected or self.base, list(says))

    # Tables

    def table2_as_four_tables(self, titles_inside: bool) -> Variant:
        def edit(doc: Docx) -> None:
            tbl = doc.tables()[0]
            groups: list[list] = []
            for tr in rows(tbl):
                if text_of(tr).startswith("第二十条"):
                    groups.append([])
                groups[-1].append(tr)
            anchor = tbl
            for group in groups:
                title = text_of(group[0])
                small = etree.Element(w("tbl"))
                small.append(copy.deepcopy(tbl.find(w("tblPr"))))
                small.append(copy.deepcopy(tbl.find(w("tblGrid"))))
                for tr in group if titles_inside else group[1:]:
                    small.append(tr)
                if not titles_inside:
                    heading = new_paragraph_like(doc.paragraphs()[4], title)
                    anchor.addnext(heading)
                    anchor = heading
                gap = new_paragraph_like(doc.paragraphs()[4], "")
                anchor.addnext(small)
                small.addnext(gap)
                anchor = gap
            doc.body.remove(tbl)

        name = "table2-four-tables" + ("-titles-inside" if titles_inside else "")
        says = [] if titles_inside else ["“第二十条第（一）项”是表格的标题，未作为正文导入。"]
        return self.edited(name, edit, says=says)

    def without_titles_and_groups(self) -> Variant:
        """Table 二 without its block title rows; table 三 without its corner note and 申请人情况 row text."""

        def edit(doc: Docx) -> None:
            proactive, applications, _ = doc.tables()
            for tr in rows(proactive):
                if text_of(tr).startswith("第二十条"):
                    proactive.remove(tr)
            for tc, _, _ in row_cells(rows(applications)[0]):
                set_cell_text(tc, "")

        return self.edited("without-titles-and-groups", edit)

    def ghost_columns(self) -> Variant:
        def edit(doc: Docx) -> None:
            proactive, applications, _ = doc.tables()
            header_rows = {
                i for i, tr in enumerate(rows(proactive)) if text_of(tr).startswith(("信息内容", "第二十条"))
            }
            insert_ghost(proactive, 2, lambda i: i in header_rows)
            insert_ghost(applications, 4, lambda i: i < 3)

        return self.edited("ghost-columns", edit)

    def header_split(self, merged: bool) -> Variant:
        pieces = {"商业企业": ("商业", "企业"), "科研机构": ("科研", "机构"), "社会公益组织": ("社会公益", "组织"),
                  "法律服务机构": ("法律服务", "机构"), "其他": ("其他", "")}  # fmt: skip

        def edit(doc: Docx) -> None:
            tbl = doc.tables()[1]
            third = rows(tbl)[2]
            fourth = copy.deepcopy(third)
            third.addnext(fourth)
            for (tc3, _, _), (tc4, _, _) in zip(row_cells(third), row_cells(fourth), strict=True):
                text = text_of(tc3)
                if text in pieces:
                    set_cell_text(tc3, pieces[text][0])
                    set_cell_text(tc4, pieces[text][1])
            if not merged:
                remove_v_merges(tbl, range(4))
                for index in range(4, len(rows(tbl))):  # the body's label groups too
                    remove_v_merges(tbl, [index])

        name = "header-split" + ("-merged" if merged else "-no-merges")
        return self.edited(name, edit)

    def total_over_narrow_columns(self, merged_values: bool) -> Variant:
        def edit(doc: Docx) -> None:
            tbl = doc.tables()[1]
            total = grid_widths(tbl)[9]
            share = int(total.get(w("w"))) // 3
            total.set(w("w"), str(share))
            for _ in range(2):
                extra = etree.Element(w("gridCol"))
                extra.set(w("w"), str(share))
                total.addnext(extra)
            for index, tr in enumerate(rows(tbl)):
                for tc, start, span in row_cells(tr):
                    if start <= 9 < start + span:
                        if index < 3 or merged_values:
                            set_span(tc, span + 2)
                        else:  # three narrow cells, each printing the figure
                            for _ in range(2):
                                tc.addnext(copy.deepcopy(tc))

        return self.edited("total-narrow-columns" + ("-merged" if merged_values else "-repeated"), edit)

    # Labels and cells as people type them

    def labels(self) -> Variant:
        edits = {
            "（一）予以公开": "(一)予以公开",
            "1.属于国家秘密": "1. 属于国家 秘密",
            "2.其他法律行政法规禁止公开": "2.其他法律行政\n法规禁止公开",
            "4.保护第三方合法权益": "4.保护第三方合法权宜",
            "现行有效件数": "现行有效件数（历史累计）",
            "行政规范性文件": "规范性文件",
            "本年废止件数": "本年废置件数",
            "法律服务机构": "法律服务\n机构",
        }

        def edit(doc: Docx) -> None:
            for table in doc.tables():
                for tr in rows(table):
                    for tc, _, _ in row_cells(tr):
                        if text_of(tc) in edits:
                            set_cell_text(tc, edits[text_of(tc)])

        says = [
            "表三：“(一)予以公开”按“（一）予以公开”读取（括号、空格或标点的写法不同）。",
            "表三：“1. 属于国家 秘密”按“1.属于国家秘密”读取（括号、空格或标点的写法不同）。",
            "表三：“4.保护第三方合法权宜”按“4.保护第三方合法权益”读取（相似度",
            "表二：“现行有效件数（历史累计）”按“现行有效件数”读取（相似度",
            "表二：“规范性文件”是旧称，按“行政规范性文件”读取。",
            "表二：“本年废置件数”按“本年废止件数”读取（相似度",
        ]
        return self.edited("labels", edit, says=says)

    def cells(self) -> Variant:
        fmt = self.base.format
        changes = {
            ("applications", "new", "natural_person"): "",
            ("applications", "new", "commercial"): "/",
            ("applications", "new", "research"): "—",
            ("applications", "carried_over", "natural_person"): "－",
            ("applications", "carried_over", "commercial"): "无",
            ("applications", "disclosed", "research"): "0件",
            ("proactive", "licensing", "decisions"): "110件",
            ("proactive", "fees", "amount"): "251000元",
        }
        grid_cells = {}
        from govform.domain.layout import table_grid

        for (table_id, row, column), text in changes.items():
            grid_cells[(table_id, row, column)] = (table_grid(fmt.tables[table_id]).value_position((row, column)), text)
        order = list(fmt.tables)

        def edit(doc: Docx) -> None:
            for (table_id, _, _), ((r, c), text) in grid_cells.items():
                set_cell_text(cell_at(doc.tables()[order.index(table_id)], r, c), text)

        expected = distinct_report()
        read = {"": None, "/": None, "—": None, "－": None, "无": None, "0件": 0, "110件": 110,
                "251000元": Decimal("25.1")}  # fmt: skip
        for table_id in fmt.tables:
            values = {cell: expected.tables[table_id][cell] for cell in fmt.tables[table_id].cells}
            for (t, row, column), text in changes.items():
                if t == table_id:
                    values[(row, column)] = read[text]
            expected.tables[table_id].load(values)
        says = [
            "表三有1格是空白的，按未填写处理（核对时会提示）：一、本年新收政府信息公开申请数量 / 自然人。",
            "表三有1格填的是“/”，按未填写处理",
            "表三有1格填的是“—”",
            "表三有1格填的是“－”",
            "表三有1格填的是“无”",
            "表三 第三项（一）予以公开 / 科研机构：“0件”读作0（去掉了单位“件”）。",
            "表二 第二十条第（五）项 行政许可 / 本年处理决定数量：“110件”读作110（去掉了单位“件”）。",
            "行政事业性收费 / 本年收费金额（单位：万元）：“251000元”是以元为单位的，换算为25.1万元。",
        ]
        return self.edited("cells", edit, expected, says)

    # Headings, title and date

    def headings_numbered_otherwise(self) -> Variant:
        renamed = {
            "一、总体情况": ("第一部分 总体情况", None),
            "二、主动公开政府信息情况": ("2、主动公开政府信息情况", None),
            "三、收到和处理政府信息公开申请情况": ("三．收到和处理政府信息公开申请情况", None),
            "四、政府信息公开行政复议、行政诉讼情况": ("（四）政府信息公开行政复议、行政诉讼情况", None),
            "五、存在的主要问题及改进情况": ("五、存在的主要问题和改进情况", "Heading1"),
            "六、其他需要报告的事项": ("六 其他需要报告的事项", None),
        }

        def edit(doc: Docx) -> None:
            for p in doc.paragraphs():
                if text_of(p) in renamed:
                    text, style = renamed[text_of(p)]
                    set_text(p, text)
                    set_style(p, style)

        says = [
            "标题“第一部分 总体情况”按“一、总体情况”读取",
            "标题“五、存在的主要问题和改进情况”按“五、存在的主要问题及改进情况”读取（相似度",
        ]
        return self.edited("headings-numbered-otherwise", edit, says=says)

    def headings_in_styles(self) -> Variant:
        """Word's Heading 1 and 2 without numbers in the text (Word numbers them itself)."""

        def edit(doc: Docx) -> None:
            for p in doc.paragraphs():
                style = p.find(f"{w('pPr')}/{w('pStyle')}")
                if style is not None and style.get(w("val")) in ("Heading1", "Heading2"):
                    set_text(p, text_of(p).split("、", 1)[-1].split("）", 1)[-1])

        return self.edited("headings-in-styles", edit)

    def subheads_otherwise(self) -> Variant:
        """Sub-heads numbered by Word's own numbering (no number in the text, no heading style), or "3." in a
        Heading 2."""

        def edit(doc: Docx) -> None:
            for p in doc.paragraphs():
                text = text_of(p)
                if text in ("（一）主动公开情况", "（二）依申请公开情况"):
                    set_text(p, text[3:])
                    set_style(p, None)
                    numbering = etree.fromstring(
                        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                    )
                    p.find(w("pPr")).insert(0, numbering)
                elif text == "（三）政府信息管理情况":
                    set_text(p, "3.政府信息管理情况")

        return self.edited("subheads-otherwise", edit)

    def title(self, lines: list[str] | None, keep_signature: bool = True, name: str = "") -> Variant:
        agency, report_line = self.base.title_lines()

        def edit(doc: Docx) -> None:
            first, second = doc.paragraph(agency), doc.paragraph(report_line)
            if lines is None:
                doc.body.remove(first)
            else:
                set_text(first, lines[0])
                if len(lines) == 1:
                    doc.body.remove(second)
            if not keep_signature:
                doc.body.remove([p for p in doc.paragraphs() if text_of(p) == agency][-1])

        expected = distinct_report()
        says = []
        if lines is None and keep_signature:
            says = [f"标题中没有机关名称，机关全称取自落款：“{agency}”"]
        elif lines is None:
            expected.agency = ""
            says = ["标题和落款中都没有机关名称，请在“基本信息”中填写机关全称。"]
        return self.edited(name, edit, expected, says)

    def marks_and_captions(self) -> Variant:
        """ "附件1" and a document number above the title, a caption above table 二, a sentence under it."""
        agency = self.base.agency

        def edit(doc: Docx) -> None:
            first = doc.paragraph(agency)
            for text in ("长府办〔2025〕3号", "附件1"):
                first.addprevious(new_paragraph_like(first, text))
            body = doc.paragraphs()[5]
            doc.tables()[0].addprevious(new_paragraph_like(body, "表二 主动公开政府信息情况"))
            doc.tables()[0].addnext(new_paragraph_like(body, "主动公开政府信息情况详见上表。"))

        expected = distinct_report()
        expected.narratives["proactive"].text = "主动公开政府信息情况详见上表。"
        says = [
            "标题上方的“附件1”（附件标注或文号）未作为正文导入。",
            "“长府办〔2025〕3号”",
            "“表二 主动公开政府信息情况”是表格的标题",
        ]
        return self.edited("marks-and-captions", edit, expected, says)

    def date(self, text: str, name: str) -> Variant:
        def edit(doc: Docx) -> None:
            set_text(doc.paragraph(self.base.signature_date()), text)

        return self.edited(name, edit, says=[f"成文日期“{text}”读作2025年1月17日。"])

    def pictures(self) -> Variant:
        def edit(doc: Docx) -> None:
            rel_id = add_picture_part(doc, tiny_png())
            for tbl in doc.tables():
                tbl.addprevious(picture_paragraph(rel_id))
                doc.body.remove(tbl)

        expected = distinct_report()
        for table_id, table in expected.format.tables.items():
            expected.tables[table_id].load(dict.fromkeys(table.cells))
        says = [f"{short}是以图片（或嵌入对象）插入的，无法读取其中的数字" for short in ("表二", "表三", "表四")]
        return self.edited("tables-as-pictures", edit, expected, says)

    def as_published(self) -> Variant:
        """As 长寿湖镇 published it: sub-heads without numbers, header labels broken over lines, the label groups
        of table 三 written on their first row only (no merges), figures with a space before them."""

        def edit(doc: Docx) -> None:
            for p in doc.paragraphs():
                text = text_of(p)
                if text in ("（一）主动公开情况", "（二）依申请公开情况", "（四）政府信息公开平台建设情况"):
                    set_text(p, text[3:])
                    set_style(p, None)
            applications, appeals = doc.tables()[1], doc.tables()[2]
            for label in ("商业企业", "科研机构"):
                set_cell_text(find_cell(applications, label), label[:2] + "\n" + label[2:])
            remove_v_merges(applications, range(len(rows(applications))))
            for tc, _, _ in row_cells(rows(appeals)[-1])[::2]:
                set_cell_text(tc, " " + text_of(tc))

        return self.edited("as-published", edit)

    # Other sources

    def template_filled(self) -> Variant:
        """The official template (its own geometry) filled in as a clerk would in Word."""
        base, fmt = self.base, self.base.format
        doc = Docx(TEMPLATE)
        proactive, applications, appeals = doc.tables()
        places = {
            ("regulations", "issued"): (2, 1), ("regulations", "repealed"): (2, 2), ("regulations", "in_force"): (2, 3),
            ("normative_documents", "issued"): (3, 1), ("normative_documents", "repealed"): (3, 2),
            ("normative_documents", "in_force"): (3, 3), ("licensing", "decisions"): (6, 1),
            ("penalty", "decisions"): (9, 1), ("enforcement", "decisions"): (10, 1), ("fees", "amount"): (13, 1),
        }  # fmt: skip
        for (row, column), (r, c) in places.items():
            set_cell_text(cell_at(proactive, r, c), _shown(base.value("proactive", row, column)))
        table = fmt.tables["applications"]
        for r, row in enumerate(table.rows, start=3):
            for c, column in enumerate(table.blocks[0].columns, start=3):
                set_cell_text(cell_at(applications, r, c), _shown(base.value("applications", row.id, column.id)))
        for c, column in enumerate(fmt.tables["appeals"].blocks[0].columns):
            set_cell_text(cell_at(appeals, 3, c), _shown(base.value("appeals", "cases", column.id)))

        title = doc.paragraph("政府信息公开工作年度报告格式模板")
        set_text(title, base.agency)
        second = new_paragraph_like(title, base.format.report_title(base.year))
        title.addnext(second)
        placeholder = doc.paragraph("（文字描述）")
        anchor = second
        for text in paragraphs(base.preamble):
            anchor.addnext(new_paragraph_like(placeholder, text))
            anchor = anchor.getnext()
        for section_id, marker in (("overview", "（文字描述）"), ("problems", "（文字描述）"),
                                   ("other", "（文字描述，收取信息处理费情况在此处报告。）")):  # fmt: skip
            section = fmt.section(section_id)
            heading = doc.paragraph(section.heading)
            slot = heading.getnext()
            while text_of(slot) != marker:
                slot = slot.getnext()
            narrative = base.narratives[section_id]
            lines = list(paragraphs(narrative.text))
            for index, sub in enumerate(narrative.subsections):
                lines += [section.subsection_number(index) + sub.title, *paragraphs(sub.text)]
            set_text(slot, lines[0])
            for line in lines[1:]:
                slot.addnext(new_paragraph_like(slot, line))
                slot = slot.getnext()
        last = doc.paragraphs()[-1]
        for line in (base.agency, base.signature_date()):
            signature = new_paragraph_like(placeholder, line)
            jc = signature.find(f"{w('pPr')}/{w('jc')}")
            jc.set(w("val"), "right")
            last.addnext(signature)
            last = signature
        return Variant("template-filled", doc.save(self.folder / "template-filled.docx"), base)

    def format_2019(self) -> Variant:
        report = distinct_report(load_format("standard-2019"))
        path = self.folder / "format-2019.docx"
        export_docx(report, path)
        return Variant(
            "format-2019",
            path,
            report,
            [
                "报告格式：政府信息公开工作年度报告格式（试行）（国办公开办函〔2019〕60号）。",
                "该报告使用的是2019年试行格式",
            ],
        )

    def all(self) -> list[Variant]:
        return [
            Variant("ours", self.ours, self.base),
            self.template_filled(),
            self.table2_as_four_tables(titles_inside=False),
            self.table2_as_four_tables(titles_inside=True),
            self.without_titles_and_groups(),
            self.ghost_columns(),
            self.header_split(merged=True),
            self.header_split(merged=False),
            self.total_over_narrow_columns(merged_values=True),
            self.total_over_narrow_columns(merged_values=False),
            self.labels(),
            self.cells(),
            self.headings_numbered_otherwise(),
            self.headings_in_styles(),
            self.subheads_otherwise(),
            self.title([f"{self.base.agency}{self.base.format.report_title(self.base.year)}"], name="title-one-line"),
            self.title(None, name="title-without-agency"),
            self.title(None, keep_signature=False, name="title-without-agency-or-signature"),
            self.marks_and_captions(),
            self.date("2025-01-17", "date-iso"),
            self.date("2025.1.17", "date-dots"),
            self.date("二〇二五年一月十七日", "date-chinese"),
            self.pictures(),
            self.as_published(),
            self.format_2019(),
        ]


def _shown(value) -> str:
    return str(value)


def build(folder: Path) -> list[Variant]:
    folder.mkdir(parents=True, exist_ok=True)
    return Builder(folder).all()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docx-variants")
    for variant in build(out):
        print(variant.path)
