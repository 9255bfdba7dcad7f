"""The exported pages as LibreOffice prints them: the sample and a city-sized stress report, read back from the
PDF's words and ink (poppler). LibreOffice, poppler and a CJK font must be installed (`make test` installs
them): a missing one fails, never skips. Each document is rendered once for the whole module.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest

from govform.domain.layout import table_grid
from govform.domain.report import Report, display_value
from govform.domain.text import strip_subhead_number
from govform.io.docx_export import export_docx
from tests.helpers.pdf import (
    MM,
    TEXT_BOTTOM,
    TEXT_RIGHT,
    TEXT_TOP,
    Word,
    chunks,
    first_glyph_rows,
    grid_lines,
    ink_rows,
    lines,
    pages,
    render,
    words,
)
from tests.helpers.reports import sample, stress

TABLE_TEXT = 15.0  # points: a word box this high or less is table type (≤ 10.5 pt); body text is 3号 (20.8)
CHAR = 315 / 20  # points: a 3号 character as the body condenses it (28 to the line)


class Printed(NamedTuple):
    report: Report
    pdf: Path
    pages: list[list[Word]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Printed]:
    folder = tmp_path_factory.mktemp("pages")
    reports = {"sample": sample(), "stress": stress()}
    documents = []
    for name, report in reports.items():
        documents.append(folder / f"{name}.docx")
        export_docx(report, documents[-1])
    pdfs = render(documents, folder, tmp_path_factory.mktemp("profile"))
    return {
        name: Printed(report, pdf, pages(words(pdf))) for (name, report), pdf in zip(reports.items(), pdfs, strict=True)
    }


BOTH = pytest.mark.parametrize("name", ["sample", "stress"])


def headings(report: Report) -> set[str]:
    found = {s.heading for s in report.format.sections}
    for section in report.format.sections:
        for index, sub in enumerate(report.narratives[section.id].subsections):
            found.add(section.subsection_number(index) + strip_subhead_number(sub.title))
    return found


def figures(report: Report) -> Counter[str]:
    return Counter(display_value(value) for data in report.tables.values() for _, value in data.items())


def label_lines(report: Report) -> set[str]:
    return {
        line
        for table in report.format.tables.values()
        for cell in table_grid(table).cells
        if cell.cell is None
        for line in cell.lines
        if line
    }


def table_chunks(page: list[Word]) -> list[Word]:
    return [c for c in chunks(page) if c.height <= TABLE_TEXT and c.bottom < TEXT_BOTTOM]


def lines_of(page: list[Word]) -> list[str]:
    return [line.text for line in lines(page)]


@BOTH
def test_every_page_is_numbered_and_no_heading_ends_a_page(printed, name):
    report, _, found = printed[name]
    assert 5 <= len(found) <= 12
    for number, page in enumerate(found, start=1):
        lines = lines_of(page)
        assert lines[-1] == f"—{number}—", lines[-1]
        assert lines[-2] not in headings(report), f"page {number} ends with a heading"
    flat = "".join(line for page in found for line in lines_of(page))
    for heading in headings(report):
        assert heading in flat, heading


@BOTH
def test_no_figure_is_split_across_lines(printed, name):
    report, _, found = printed[name]
    whole = Counter(c.text for page in found for c in table_chunks(page))
    missing = figures(report) - whole
    assert not missing, f"split or missing: {missing}"


@BOTH
def test_no_table_label_is_split_across_lines(printed, name):
    """Every line of table text is a whole label line (as the format breaks labels) or a whole figure."""
    report, _, found = printed[name]
    expected = label_lines(report) | set(figures(report))
    lines = [c.text for page in found for c in table_chunks(page)]
    assert [line for line in lines if line not in expected] == []
    assert label_lines(report) <= set(lines)


@BOTH
def test_every_full_body_page_has_22_lines(printed, name):
    """A page of text only (no table) holds 22 lines, unless the next page begins with a heading that
    could not end it (a heading never ends a page)."""
    report, _, found = printed[name]
    counted = []
    for number, page in enumerate(found[:-1], start=1):
        if not table_chunks(page):
            heading_next = lines_of(found[number])[0] in headings(report)
            counted.append((number, grid_lines(page), heading_next))
    assert all(count == 22 or (count == 21 and heading_next) for _, count, heading_next in counted), counted
    assert sum(count == 22 for _, count, _ in counted) >= (3 if name == "sample" else 4)


@BOTH
def test_no_page_but_the_last_is_left_more_than_a_third_empty(printed, name):
    _, _, found = printed[name]
    for number, page in enumerate(found[:-1], start=1):
        bottom = max(w.bottom for w in page if w.bottom < TEXT_BOTTOM + 5)
        assert (bottom - TEXT_TOP) / (TEXT_BOTTOM - TEXT_TOP) > 2 / 3, f"page {number}"


def test_a_long_table_breaks_across_pages_with_its_header_repeated(printed):
    _, _, found = printed["stress"]
    with_header = [n for n, page in enumerate(found, start=1) if "申请人情况" in {c.text for c in table_chunks(page)}]
    assert len(with_header) == 2 and with_header[1] == with_header[0] + 1
    first = lines_of(found[with_header[0] - 1])
    assert "三、收到和处理政府信息公开申请情况" in first  # the heading is on the page where the table starts


@pytest.mark.parametrize("page", [1, 2])
def test_the_page_number_sits_7_mm_below_the_text_block(printed, page):
    """GB/T 9704 7.5: 一字线上距版心下边缘7 mm. Measured on the em dash's ink, 600 dpi."""
    top, bottom = first_glyph_rows(ink_rows(printed["sample"].pdf, page, 262, 14))
    assert 6.8 <= top <= 7.2 and bottom - top < 0.6


def test_the_signature_is_two_characters_from_the_right_and_the_date_two_further_in(printed):
    _, _, found = printed["sample"]
    last = lines(found[-1])
    agency = next(line for line in last if line.text == "重庆市长寿区长寿湖镇人民政府")
    date = next(line for line in last if line.text == "2025年1月17日")
    assert abs((TEXT_RIGHT - agency.right) - 2 * CHAR) < 1 * MM
    assert abs((date.left - agency.left) - 2 * CHAR) < 1 * MM


def test_a_long_agency_prints_in_balanced_lines_in_title_and_signature(printed):
    _, _, found = printed["stress"]
    first, last = lines_of(found[0]), lines_of(found[-1])
    agency = ["重庆市长寿区经济和信息化委员会", "信息化建设处（大数据发展中心）"]
    assert first[:3] == [*agency, "2024年政府信息公开工作年度报告"]
    assert last[-4:-1] == [*agency, "2025年1月20日"]
