"""A Word document's body as a person reads it: paragraphs and tables in order, each table cell once.

Reads `word/document.xml` with lxml directly (python-docx is several times slower and hides merges). Tables
become grids of printed cells: a cell merged across columns (gridSpan, hMerge) or down rows (vMerge) is one
cell, anchored at its top-left grid position, with its span and its horizontal extent taken from the table's
grid widths, so that cells can be matched to headers by where they sit on the page rather than by grid
index (published tables often have narrow "ghost" grid columns). Content controls, tracked insertions and
hyperlinks are read through; deleted text, field instructions and the fallback copies of drawings are not.

A report has a few hundred paragraphs and four to ten tables of a few dozen columns, and everything after
reading costs time in proportion to them: a document well beyond that (the limits below, ten times a real
report or more) is refused with TooLarge as it is read, whatever its few kilobytes of XML declare (a row
placed a billion grid columns to the right, a million merged cells).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _R = W + "p", W + "tbl", W + "tr", W + "tc", W + "r"
_T, _TAB, _PTAB, _BR, _CR, _NBH = W + "t", W + "tab", W + "ptab", W + "br", W + "cr", W + "noBreakHyphen"
_PICTURES = frozenset({W + "drawing", W + "pict", W + "object"})
_ALTERNATE = _MC + "AlternateContent"
_TEXTBOX = W + "txbxContent"
_VAL = W + "val"
# Elements whose children carry text in reading order (a run's own children are handled in _walk).
_THROUGH = frozenset(
    W + name
    for name in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent", "moveTo", "bdo", "dir")
)
# Wrappers of body-level or row-level content: content controls and custom XML.
_WRAPPERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml"})
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_ROOT_TAG = re.compile(rb"<(?:\w+:)?styles\b[^>]*>")
_STYLE_START = re.compile(rb'<w:style\b[^>]*?\bw:styleId="([^"]*)"')
# The same safety as the package's parser: the part's prolog was checked for a DTD before it came here.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_TITLE_NAMES = frozenset({"title", "标题"})

MAX_PARAGRAPHS = 5_000
"""Paragraphs of the body (text boxes included): a long report has 500."""
MAX_TABLES = 50
MAX_COLUMNS = 200
"""Grid columns of one table (Word makes at most 63; the report's widest table has 13)."""
MAX_GRID = 20_000
"""Grid positions (rows × columns) of all tables together: the report's three tables have about 1,000."""
MAX_STYLE_DEPTH = 20
"""Styles followed through `basedOn` from a paragraph's own (Word's built-in chains are 2 or 3 deep)."""
MAX_STYLES_READ = 2_000
"""Styles read from one document (a report's paragraphs use a dozen; Word's styles part defines 100–400): past
this, a style is taken as undefined. 4,000 paragraphs each in its own style of a 100,000-long chain had 80,000
read, 1.7 s."""


class TooLarge(Exception):
    """A document far larger than any report in one respect: `key` says which ("too_many_paragraphs",
    "too_many_tables", "table_too_wide", "tables_too_large"), `limit` the most allowed."""

    def __init__(self, key: str, limit: int):
        self.key = key
        self.limit = limit
        super().__init__(f"{key} > {limit}")


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the body (not of a table)."""

    text: str
    level: int | None = None  # outline level: 0 for a level-1 heading (Heading 1), 1 for Heading 2; None: body
    title: bool = False  # set in a Title style
    align: str = ""  # "center", "right", "left", "both" or "" (not set)
    pictures: int = 0  # pictures, drawings and embedded objects in it (an embedded Excel table counts)
    numbered: bool = False  # an item of Word's automatic numbering (its number is not in the text)


@dataclass(slots=True, eq=False)
class Cell:
    """A printed cell: its text and where it sits, in grid units and in twips from the table's left edge."""

    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    x0: float = 0.0
    x1: float = 0.0
    pictures: int = 0

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(eq=False)
class Table:
    rows: int
    columns: int
    cells: list[Cell]  # each printed cell once, top to bottom, left to right
    _covering: dict[tuple[int, int], Cell] = field(repr=False)
    _starting: dict[int, list[Cell]] = field(default_factory=dict, repr=False)
    _covering_rows: dict[int, list[Cell]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for cell in self.cells:
            self._starting.setdefault(cell.row, []).append(cell)

    def at(self, row: int, column: int) -> Cell | None:
        """The printed cell covering grid position (row, column), if any."""
        return self._covering.get((row, column))

    def row_cells(self, row: int) -> list[Cell]:
        """The cells that start in `row`, left to right."""
        return self._starting.get(row, [])

    def covering_row(self, row: int) -> list[Cell]:
        """Every distinct cell covering `row` (those merged down from above included), left to right."""
        if row not in self._covering_rows:
            seen: dict[int, Cell] = {}
            for column in range(self.columns):
                cell = self._covering.get((row, column))
                if cell is not None:
                    seen.setdefault(id(cell), cell)
            self._covering_rows[row] = sorted(seen.values(), key=lambda cell: cell.x0)
        return self._covering_rows[row]

    @property
    def pictures(self) -> int:
        return sum(cell.pictures for cell in self.cells)


Block = Paragraph | Table


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    level: int | None
    align: str
    numbered: bool


class Styles:
    """Paragraph styles by id: the outline level, alignment and numbering each gives, through `basedOn`.

    A styles part is 30–300 KB of which a report's paragraphs use a handful, so each style is parsed when a
    paragraph first uses it (its element cut out of the part, inside the part's own root tag so that every
    namespace is declared); a part that cannot be cut so is parsed whole."""

    def __init__(self, data: bytes | None):
        self._data = data or b""
        self._styles: dict[str, _Style | None] = {}
        self._resolved: dict[str, tuple[int | None, bool, str, bool]] = {}
        self._starts: dict[str, int] = {}
        root_tag = _ROOT_TAG.search(self._data)
        self._root = root_tag.group(0) if root_tag else b""
        self._closing = b"</" + self._root[1:].split(maxsplit=1)[0].rstrip(b">") + b">" if self._root else b""
        for match in _STYLE_START.finditer(self._data):
            self._starts.setdefault(match.group(1).decode("utf-8", "replace"), match.start())
        if self._data and (not self._root or not self._starts):
            self._parse_all()

    def _parse_all(self) -> None:
        try:
            root = etree.fromstring(self._data, _PARSER)
        except etree.XMLSyntaxError:
            return
        for element in root.iter(W + "style"):
            self._styles[element.get(W + "styleId") or ""] = _style(element)
        self._starts.clear()

    def _style(self, style_id: str) -> _Style | None:
        if style_id in self._styles or style_id not in self._starts or len(self._styles) >= MAX_STYLES_READ:
            return self._styles.get(style_id)
        start = self._starts[style_id]
        head_end = self._data.find(b">", start)
        end = head_end + 1 if self._data[head_end - 1 : head_end] == b"/" else self._data.find(b"</w:style>", start)
        if end < 0:
            self._styles[style_id] = None
            return None
        fragment = self._data[start:end] if end == head_end + 1 else self._data[start : end + len(b"</w:style>")]
        try:
            element = etree.fromstring(self._root + fragment + self._closing, _PARSER)[0]
        except (etree.XMLSyntaxError, IndexError):
            self._styles[style_id] = None
            return None
        self._styles[style_id] = _style(element)
        return self._styles[style_id]

    def resolve(self, style_id: str) -> tuple[int | None, bool, str, bool]:
        """(outline level, is a title, alignment, numbered) that the style `style_id` gives a paragraph."""
        if style_id in self._resolved:
            return self._resolved[style_id]
        level, title, align, numbered = None, False, "", False
        seen: set[str] = set()
        current: str | None = style_id
        names = []
        while (
            current
            and current not in seen
            and len(seen) < MAX_STYLE_DEPTH
            and (style := self._style(current)) is not None
        ):
            seen.add(current)
            names.append(style.name.strip().lower())
            level = style.level if level is None else level
            align = align or style.align
            numbered = numbered or style.numbered
            current = style.based_on
        if names:
            heading = _HEADING_NAME.match(names[0])
            if level is None and heading:
                level = int(heading.group(1)) - 1
            title = names[0] in _TITLE_NAMES
        elif level is None:  # a style id without a definition: Word's built-in ids ("Heading1") still say it
            heading = _HEADING_NAME.match(re.sub(r"(?<=[a-z])(?=\d)", " ", style_id.lower()))
            level = int(heading.group(1)) - 1 if heading else None
            title = style_id.lower() == "title"
        if level is not None and level > 8:
            level = None
        self._resolved[style_id] = (level, title, align, numbered)
        return self._resolved[style_id]


def _style(element: Any) -> _Style:
    name_el = element.find(W + "name")
    based = element.find(W + "basedOn")
    ppr = element.find(W + "pPr")
    return _Style(
        name=(name_el.get(_VAL) or "") if name_el is not None else "",
        based_on=based.get(_VAL) if based is not None else None,
        level=_outline_level(ppr),
        align=_align(ppr),
        numbered=ppr is not None and ppr.find(W + "numPr") is not None,
    )


def _outline_level(ppr: Any | None) -> int | None:
    if ppr is None:
        return None
    element = ppr.find(W + "outlineLvl")
    if element is None:
        return None
    try:
        value = int(element.get(_VAL) or "9")
    except ValueError:
        return None
    return value if value <= 8 else 9  # 9: explicitly body text


def _align(ppr: Any | None) -> str:
    if ppr is None:
        return ""
    element = ppr.find(W + "jc")
    value = (element.get(_VAL) or "") if element is not None else ""
    return {"start": "left", "end": "right", "distribute": "both"}.get(value, value)


def _walk(element: Any, text: list[str], found: list[int], textboxes: list[Any]) -> None:
    """Collect the text of `element`'s runs in reading order; count pictures; note text boxes."""
    for child in element:
        tag = child.tag
        if tag == _R:
            _walk(child, text, found, textboxes)
        elif tag == _T:
            text.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            text.append("\t")
        elif tag == _BR:
            if child.get(W + "type") in (None, "textWrapping"):
                text.append("\n")
        elif tag == _CR:
            text.append("\n")
        elif tag == _NBH:
            text.append("-")
        elif tag in _PICTURES:
            boxes = list(child.iter(_TEXTBOX))
            if boxes:
                textboxes.extend(boxes)
            else:
                found[0] += 1
        elif tag == _ALTERNATE:
            for choice in child:  # the first alternative only: the others are copies of it
                _walk(choice, text, found, textboxes)
                break
        elif tag in _THROUGH:
            _walk(child, text, found, textboxes)


class BodyReader:
    """Reads a document's body into blocks, with its styles; raises TooLarge past the limits above."""

    def __init__(self, styles: Styles):
        self.styles = styles
        self.paragraphs = 0
        self.tables = 0
        self.grid = 0  # grid positions of the tables read so far

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == _P:
                yield from self.paragraph(child)
            elif tag == _TBL:
                yield self.table(child)
            elif tag in _WRAPPERS or tag == _ALTERNATE:
                yield from self.blocks(child)

    def paragraph(self, p: Any) -> Iterator[Paragraph]:
        text: list[str] = []
        found = [0]
        textboxes: list[Any] = []
        _walk(p, text, found, textboxes)
        ppr = p.find(W + "pPr")
        level, title, align, numbered = None, False, "", False
        if ppr is not None:
            style = ppr.find(W + "pStyle")
            if style is not None:
                level, title, align, numbered = self.styles.resolve(style.get(_VAL) or "")
            own = _outline_level(ppr)
            if own is not None:
                level = own
            align = _align(ppr) or align
            numbered = numbered or ppr.find(W + "numPr") is not None
        if level == 9:
            level = None
        self.paragraphs += 1
        if self.paragraphs > MAX_PARAGRAPHS:
            raise TooLarge("too_many_paragraphs", MAX_PARAGRAPHS)
        yield Paragraph("".join(text), level, title, align, found[0], numbered)
        for box in textboxes:
            for block in self.blocks(box):
                if isinstance(block, Paragraph):
                    yield block

    @staticmethod
    def _cell_text(tc: Any) -> tuple[str, int]:
        """A cell's paragraphs (those of tables nested in it too) as lines, and its pictures."""
        lines: list[str] = []
        found = [0]
        for p in tc.iter(_P):
            text: list[str] = []
            textboxes: list[Any] = []
            _walk(p, text, found, textboxes)
            lines.append("".join(text))
        return "\n".join(lines), found[0]

    def table(self, tbl: Any) -> Table:
        self.tables += 1
        if self.tables > MAX_TABLES:
            raise TooLarge("too_many_tables", MAX_TABLES)
        grid = tbl.find(W + "tblGrid")
        widths = []
        if grid is not None:
            for col in grid.findall(W + "gridCol"):
                try:
                    widths.append(max(float(col.get(W + "w") or 0), 0.0))
                except ValueError:
                    widths.append(0.0)
        cells: list[Cell] = []
        covering: dict[tuple[int, int], Cell] = {}
        row_count = 0
        width = 0
        spent = 0
        for r, tr in enumerate(_children(tbl, _TR)):
            row_count = r + 1
            column = _grid_skip(tr, "gridBefore")
            previous: Cell | None = None
            for tc in _children(tr, _TC):
                if column >= MAX_COLUMNS:
                    raise TooLarge("table_too_wide", MAX_COLUMNS)
                tcpr = tc.find(W + "tcPr")
                span, vmerge, hmerge = 1, None, None
                if tcpr is not None:
                    span_el = tcpr.find(W + "gridSpan")
                    if span_el is not None:
                        try:
                            span = max(1, min(int(span_el.get(_VAL) or "1"), 64))
                        except ValueError:
                            span = 1
                    merge = tcpr.find(W + "vMerge")
                    if merge is not None:
                        vmerge = merge.get(_VAL) or "continue"
                    merge = tcpr.find(W + "hMerge")
                    if merge is not None:
                        hmerge = merge.get(_VAL) or "continue"
                above = covering.get((r - 1, column))
                if vmerge == "continue" and above is not None:
                    above.rowspan = r - above.row + 1
                    cell = above
                elif hmerge == "continue" and previous is not None and previous.row == r:
                    previous.colspan += span
                    cell = previous
                else:
                    text, pictures = self._cell_text(tc)
                    cell = Cell(text, r, column, 1, span, pictures=pictures)
                    cells.append(cell)
                for k in range(column, column + span):
                    covering[(r, k)] = cell
                column += span
                previous = cell
            width = max(width, column)
            if width > MAX_COLUMNS:
                raise TooLarge("table_too_wide", MAX_COLUMNS)
            spent += self._spend(max(width, 1))  # the row, as wide as the table is so far
        columns = max(width, len(widths))
        if columns > MAX_COLUMNS:
            raise TooLarge("table_too_wide", MAX_COLUMNS)
        self._spend(row_count * columns - spent)  # every row as wide as the table, as covering_row walks it
        if len(widths) < columns or not any(widths):
            average = (sum(widths) / len(widths)) if widths and any(widths) else 1000.0
            widths = [w or average for w in widths] + [average] * (columns - len(widths))
        edges = [0.0]
        for w in widths[:columns]:
            edges.append(edges[-1] + w)
        for cell in cells:
            cell.x0 = edges[cell.column]
            cell.x1 = edges[min(cell.column + cell.colspan, columns)]
        return Table(row_count, columns, cells, covering)

    def _spend(self, positions: int) -> int:
        self.grid += positions
        if self.grid > MAX_GRID:
            raise TooLarge("tables_too_large", MAX_GRID)
        return positions


def _children(element: Any, tag: str) -> Iterator[Any]:
    """The children with `tag`, also those wrapped in content controls or custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _grid_skip(tr: Any, name: str) -> int:
    trpr = tr.find(W + "trPr")
    element = trpr.find(W + name) if trpr is not None else None
    try:
        return max(0, int(element.get(_VAL) or "0")) if element is not None else 0
    except ValueError:
        return 0


def read_body(document: Any, styles: bytes | None) -> list[Block]:
    """The body of a parsed document.xml as paragraphs and tables in reading order (`styles`: the styles
    part's bytes)."""
    body = document.find(W + "body")
    if body is None:
        return []
    return list(BodyReader(Styles(styles)).blocks(body))
