"""The report as one self-contained web page, to publish or paste into a CMS's 政府信息公开专栏.

One HTML5 file: its CSS inline in a `<style>` scoped to `article.govform-report`, no script, no image, no
link to any other file. The title, every section with its sub-heads and paragraphs, the three tables with the
format's merges as rowspan/colspan (from `table_grid`, as the DOCX and the window have them) and the
signature. Readable at 1280 px (a centred column) and on a phone (the wide tables scroll sideways inside
their own box instead of squeezing the text).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from govform.domain.format import Table
from govform.domain.layout import GridCell, table_grid
from govform.domain.report import Report, display_value, paragraphs
from govform.io.docx_package import clean
from govform.io.files import os_error_reason, write_atomically
from govform.io.registry import ExportError, ExportOptions

__all__ = ["export_html", "render_html"]

# Characters HTML may not carry (controls other than tab and line breaks, non-characters).
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
LABEL_SHARE = (0.0, 31.0, 38.0, 44.0)  # % of the width for a table's labels, by its number of label columns
_WORDS = re.compile(r"[\u4e00-\u9fff]{4,6}")  # a short header of Chinese words (see _in_words)
WIDE_TABLE_COLUMNS = 8  # from this many printed columns on a table keeps a minimum width and scrolls on a phone

STYLE = """
article.govform-report { max-width: 62em; margin: 0 auto; padding: 2em 1.5em 3em; color: #1a1a1a;
  background: #fff; font: 16px/1.9 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
  "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
article.govform-report h1 { margin: 0 0 1.2em; text-align: center; font-size: 1.6em; line-height: 1.5;
  font-weight: bold; }
article.govform-report h1 span { display: block; }
article.govform-report h2 { margin: 1.4em 0 0.4em; font-size: 1.15em; font-weight: bold; }
article.govform-report h3 { margin: 0.8em 0 0.2em; font-size: 1em; font-weight: bold; }
article.govform-report p { margin: 0 0 0.5em; text-indent: 2em; text-align: justify; }
article.govform-report .table { margin: 0.6em 0 1em; overflow-x: auto; }
article.govform-report table { width: 100%; border-collapse: collapse; font-size: 14px; line-height: 1.45; }
article.govform-report table.wide { min-width: 46em; }
article.govform-report th, article.govform-report td { padding: 0.35em 0.45em; border: 1px solid #333;
  vertical-align: middle; text-align: center; font-weight: normal; }
article.govform-report th.label { text-align: left; }
article.govform-report th.words { word-break: keep-all; }
article.govform-report th.title { text-align: left; background: #c6d9f1; }
article.govform-report thead th, article.govform-report th.header { background: #f2f2f2; }
article.govform-report td { min-width: 2.5em; font-variant-numeric: tabular-nums; }
article.govform-report p.signature { margin-top: 1.5em; text-indent: 0; text-align: right; }
@media (max-width: 640px) {
  article.govform-report { padding: 1em 0.75em 2em; font-size: 15px; }
  article.govform-report h1 { font-size: 1.3em; }
  article.govform-report table { font-size: 12px; }
}
"""


def export_html(report: Report, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write `report` as a web page at `path` (UTF-8), atomically; raises ExportError."""
    path = Path(path)
    payload = render_html(report).encode("utf-8")
    try:
        write_atomically(path, lambda out: out.write(payload))
    except OSError as error:
        raise ExportError(path, os_error_reason(error, writing=True)) from error


def _text(text: str) -> str:
    return escape(clean(_NOT_HTML.sub("", text.replace("\r", ""))), quote=True)  # clean: lone surrogates


def render_html(report: Report) -> str:
    """The page's HTML."""
    fmt = report.format
    agency, title = report.title_lines()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(agency + title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        '<article class="govform-report">',
        f"<h1><span>{_text(agency)}</span><span>{_text(title)}</span></h1>",
    ]
    parts += [f"<p>{_text(text)}</p>" for text in paragraphs(report.preamble)]
    for section in fmt.sections:
        parts.append(f"<h2>{_text(section.heading)}</h2>")
        if section.table:
            parts.append(_table(report, fmt.tables[section.table]))
        narrative = report.narratives[section.id]
        parts += [f"<p>{_text(text)}</p>" for text in paragraphs(narrative.text)]
        for index, sub in enumerate(narrative.subsections):
            parts.append(f"<h3>{_text(section.subsection_number(index) + sub.title)}</h3>")
            parts += [f"<p>{_text(text)}</p>" for text in paragraphs(sub.text)]
    signature = [line for line in (report.agency, report.signature_date()) if line]
    if signature:
        parts.append(f'<p class="signature">{"<br>".join(_text(line) for line in signature)}</p>')
    parts += ["</article>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _in_words(text: str) -> str:
    """A short header as two-character words that wrap only between them ("结果维持" → 结果/维持), as the
    printed tables break their narrow headers, rather than wherever the column ends."""
    return "<wbr>".join(_text(text[i : i + 2]) for i in range(0, len(text), 2))


def _spans(cell: GridCell) -> str:
    rowspan = f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
    colspan = f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    return rowspan + colspan


def _widths(table: Table, labels: int, columns: int) -> list[float]:
    """Each printed column's share of the table's width (%): the label columns as the format shares them
    (LABEL_SHARE of the width in all), the value columns alike."""
    shares = table.label_widths
    label_share = LABEL_SHARE[min(labels, len(LABEL_SHARE) - 1)] if labels else 0.0
    values = columns - labels
    return [label_share * s / sum(shares) for s in shares] + [(100 - label_share) / values] * values


def _table(report: Report, table: Table) -> str:
    grid = table_grid(table)
    data = report.tables[table.id]
    rows: list[list[str]] = [[] for _ in range(grid.rows)]
    for cell in grid.cells:  # sorted by row, then column: each row's cells in reading order
        spans = _spans(cell)
        if cell.cell is not None:
            rows[cell.row].append(f"<td{spans}>{_text(display_value(data[cell.cell]))}</td>")
        elif cell.role == "label":
            rows[cell.row].append(f'<th class="label" scope="row"{spans}>{_text(cell.text)}</th>')
        elif cell.role == "title":
            rows[cell.row].append(f'<th class="title" scope="colgroup"{spans}>{_text(cell.text)}</th>')
        elif cell.role == "header" and cell.colspan == 1 and _WORDS.fullmatch(cell.text):
            rows[cell.row].append(f'<th class="header words" scope="col"{spans}>{_in_words(cell.text)}</th>')
        else:  # a wider column header, or the corner
            scope = ' scope="col"' if cell.colspan == 1 else ' scope="colgroup"'
            scope = scope if cell.role == "header" else ""
            rows[cell.row].append(f'<th class="header"{scope}{spans}>{_text(cell.text)}</th>')
    wide = ' class="wide"' if grid.columns >= WIDE_TABLE_COLUMNS else ""
    columns = "".join(
        f'<col style="width: {width:.1f}%">' for width in _widths(table, grid.label_columns, grid.columns)
    )
    head = [f"<tr>{''.join(cells)}</tr>" for cells in rows[: grid.header_rows]]
    body = [f"<tr>{''.join(cells)}</tr>" for cells in rows[grid.header_rows :]]
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    table_html = f"<table{wide}><colgroup>{columns}</colgroup>{thead}<tbody>{''.join(body)}</tbody></table>"
    return f'<div class="table">{table_html}</div>'
