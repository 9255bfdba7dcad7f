"""The web page export: strict HTML5, self-contained, every heading and figure in order, the tables' merges."""

from __future__ import annotations

import html5lib
import pytest

from govform.domain.format import load_format
from govform.domain.layout import table_grid
from govform.domain.report import display_value
from govform.io import registry
from govform.io.html_export import export_html, render_html
from tests.helpers.reports import sample

FORMAT = load_format()
TABLES = [FORMAT.tables[s.table] for s in FORMAT.sections if s.table]
NS = "{http://www.w3.org/1999/xhtml}"


def parse(text: str):
    """The page's tree; html5lib in strict mode raises on any parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)


def text_of(element) -> str:
    return "".join(element.itertext())


def printed_cells(table) -> list[tuple[int, int, int, int, str]]:
    """(row, column, rowspan, colspan, text) of each cell of an HTML table, placed as a browser places them."""
    taken: set[tuple[int, int]] = set()
    cells = []
    for r, tr in enumerate(table.iter(f"{NS}tr")):
        column = 0
        for cell in tr:
            while (r, column) in taken:
                column += 1
            rowspan, colspan = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, column + dc))
            cells.append((r, column, rowspan, colspan, text_of(cell)))
            column += colspan
    return cells


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "sample.html"
    registry.export(sample(), path)
    return path.read_text(encoding="utf-8")


def test_it_is_strict_html5_and_self_contained(page):
    tree = parse(page)
    assert page.startswith("<!DOCTYPE html>")
    assert tree.find(f"{NS}head/{NS}meta").get("charset") == "utf-8"
    for element in tree.iter():
        assert element.tag not in (f"{NS}script", f"{NS}link", f"{NS}img", f"{NS}iframe")
        assert not {"src", "href"} & set(element.attrib)
        assert not any(name.startswith("on") for name in element.attrib)
    assert "url(" not in page and "@import" not in page


def test_title_headings_sections_and_signature(page):
    tree = parse(page)
    report = sample()
    [h1] = tree.iter(f"{NS}h1")
    assert [text_of(span) for span in h1] == list(report.title_lines())
    assert [text_of(h) for h in tree.iter(f"{NS}h2")] == [s.heading for s in FORMAT.sections]
    subheads = [text_of(h) for h in tree.iter(f"{NS}h3")]
    assert subheads[0] == "（一）" + report.narratives["overview"].subsections[0].title
    paragraphs = [text_of(p) for p in tree.iter(f"{NS}p")]
    assert report.narratives["problems"].text.split("\n")[0] in paragraphs
    assert paragraphs[-1] == report.agency + report.signature_date()


def test_the_200_figures_in_order_and_the_merges(page):
    tree = parse(page)
    report = sample()
    expected = [
        display_value(report.tables[table.id][cell.cell])
        for table in TABLES
        for cell in table_grid(table).cells
        if cell.cell
    ]
    assert len(expected) == 200
    assert [text_of(td) for td in tree.iter(f"{NS}td")] == expected
    tables = list(tree.iter(f"{NS}table"))
    assert len(tables) == 3
    for table, html_table in zip(TABLES, tables, strict=True):
        grid = table_grid(table)
        wanted = [
            (
                c.row,
                c.column,
                c.rowspan,
                c.colspan,
                display_value(report.tables[table.id][c.cell]) if c.cell else c.text,
            )
            for c in grid.cells
        ]
        assert printed_cells(html_table) == wanted
        assert len(html_table.find(f"{NS}colgroup")) == grid.columns


def test_text_is_escaped(tmp_path):
    report = sample()
    report.agency = '<script>alert("x")</script>某镇'
    report.narratives["problems"].text = "a < b & c\x01"
    text = render_html(report)
    tree = parse(text)
    assert not list(tree.iter(f"{NS}script"))
    assert "a < b & c" in [text_of(p) for p in tree.iter(f"{NS}p")]
    export_html(report, tmp_path / "x.html")
    assert (tmp_path / "x.html").read_text(encoding="utf-8") == text
