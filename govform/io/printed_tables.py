"""Reading printed tables back into a format's cells, by their labels rather than by grid position.

A published table is a grid of printed cells (govform.io.docx_read.Table: each cell once, with its extent
on the page). It is cut into segments, one per block of the format (table 二's four 第二十条 blocks may be
one table or four; a row holding only a block title starts a new one). For a segment and a block:
- the header rows are those at the top whose cells read as the block's column labels (or pieces of them:
  "商业" over "企业"); cells stacked at the same place are read together;
- the column tree is matched to those header cells from the top down, each label within the extent of its
  parent ("结果维持" under 未经复议直接起诉 is not the one under 行政复议); what is left is paired by order;
- each value cell goes to the column it overlaps most on the page, so a narrow "ghost" grid column or a
  总计 made of several merged narrow columns changes nothing, and a merged cell is read once;
- each body row's label (with the group labels merged down from above, or written only on a group's first
  row) is matched to the block's rows by similarity.
The best reading of each block wins; a format's readings together say how well it fits the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from govform.domain.format import Block, Format, Node, Table
from govform.domain.labels import POSITION, Match, assign, compare, normalise, printed, similarity
from govform.io.docx_read import Cell as PrintedCell
from govform.io.docx_read import Table as PrintedTable

THRESHOLD = 0.5  # the least similarity at which a label is taken as meant


@dataclass(eq=False)
class Segment:
    """A run of rows of one printed table that may hold one block."""

    table: PrintedTable
    number: int  # the printed table's place among the document's tables, from 1
    rows: list[int]
    title: str | None = None  # a title printed in its first row or in the paragraph just above it


@dataclass
class _Header:
    text: str
    x0: float
    x1: float
    row: int

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class BlockReading:
    """What one segment gives for one block: the text of each cell, and how the labels matched."""

    table: Table
    block: Block
    segment: Segment
    score: float = 0.0
    texts: dict[tuple[str, str], str] = field(default_factory=dict)  # (row id, column id) → the printed text
    matches: list[Match] = field(default_factory=list)  # every label matched below exact
    missing_rows: list[str] = field(default_factory=list)  # ids of the block's rows not found
    missing_columns: list[str] = field(default_factory=list)
    extra_rows: list[str] = field(default_factory=list)  # printed rows that are none of the block's
    extra_columns: list[str] = field(default_factory=list)
    title: Match | None = None


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def _same_place(a: _Header, cell: PrintedCell) -> bool:
    return _overlap(a.x0, a.x1, cell.x0, cell.x1) >= 0.85 * max(a.width, cell.width, 1.0)


def _labels_of(block: Block) -> list[str]:
    labels: list[str] = [block.corner or ""]

    def walk(node: Node) -> None:
        labels.append(node.label)
        labels.extend(node.aliases)
        for child in node.children:
            walk(child)

    for node in block.column_tree:
        walk(node)
    return [normalise(label) for label in labels if label]


def _header_like(text: str, labels: Sequence[str]) -> bool:
    key = normalise(text)
    return any(key == label or (len(key) >= 2 and key in label) or similarity(key, label) >= 0.6 for label in labels)


def _title_row(table: PrintedTable, row: int) -> str | None:
    """The text of a row whose only text is in one wide cell (a block's title row), else None."""
    cells = [cell for cell in table.row_cells(row) if printed(cell.text)]
    if len(cells) != 1:
        return None
    width = max((cell.x1 for cell in table.cells), default=0.0)
    return printed(cells[0].text) if cells[0].width >= 0.6 * width else None


def segments_of(table: PrintedTable, number: int, titles: Iterable[str], corners: Iterable[str]) -> list[Segment]:
    """Cut a printed table where a block's title row starts, or where a block's corner label ("信息内容")
    comes a second time: table 二 printed as one table gives its four blocks."""
    titles = [normalise(t) for t in titles]
    corners = {normalise(c) for c in corners if c}
    segments: list[Segment] = []
    current: list[int] = []
    title: str | None = None
    has_corner = False
    for row in range(table.rows):
        text = _title_row(table, row)
        is_title = text is not None and any(similarity(text, t) >= 0.75 for t in titles)
        first = next((printed(c.text) for c in table.row_cells(row) if printed(c.text)), "")
        is_corner = normalise(first) in corners
        if current and (is_title or (is_corner and has_corner)):
            segments.append(Segment(table, number, current, title))
            current, title, has_corner = [], None, False
        if is_title:
            title = text
        has_corner = has_corner or is_corner
        current.append(row)
    if current:
        segments.append(Segment(table, number, current, title))
    return segments


class _Reader:
    """Reads one segment as one block."""

    def __init__(self, table: Table, block: Block, segment: Segment):
        self.block, self.segment = block, segment
        self.printed = segment.table
        self.reading = BlockReading(table, block, segment)
        self._row_values: dict[int, dict[str, list[str]]] = {}

    def read(self) -> BlockReading:
        rows = list(self.segment.rows)
        block, reading = self.block, self.reading
        if block.title:
            title = self.segment.title
            if rows and (own := _title_row(self.printed, rows[0])) is not None:
                title, rows = own, rows[1:]
            if title is not None:
                reading.title = compare(title, block.title)
                reading.score += reading.title.similarity
                if not reading.title.exact:
                    reading.matches.append(reading.title)
        header_rows = self._header_rows(rows)
        body = rows[len(header_rows) :]
        columns = self._columns(header_rows)
        if not columns:
            reading.score = -1.0
            return reading
        self._rows(body, columns)
        return reading

    # -- the header ---------------------------------------------------------------------------

    def _header_rows(self, rows: list[int]) -> list[int]:
        labels = _labels_of(self.block)
        header: list[int] = []
        for row in rows:
            new = [printed(cell.text) for cell in self.printed.row_cells(row)]
            filled = [text for text in new if text]
            if (not new and header) or (not filled and not header):
                header.append(row)  # only cells merged down from above, or an empty row above the header
                continue
            if not filled:
                break
            like = sum(_header_like(text, labels) for text in filled)
            if like == 0 or like * 2 < len(filled):
                break
            header.append(row)
        return header

    def _headers(self, rows: list[int]) -> list[_Header]:
        groups: list[_Header] = []
        for row in rows:
            for cell in self.printed.row_cells(row):
                text = printed(cell.text)
                for group in groups:
                    if _same_place(group, cell):
                        group.text += text
                        break
                else:
                    groups.append(_Header(text, cell.x0, cell.x1, row))
        return [group for group in groups if group.text]

    def _columns(self, header_rows: list[int]) -> dict[str, tuple[float, float]]:
        """Each column id of the block → its extent on the page."""
        headers = self._headers(header_rows)
        corner = None
        if self.block.corner and self.block.label_depth:
            found = [h for h in headers if similarity(h.text, self.block.corner) >= THRESHOLD]
            if found:
                corner = max(found, key=lambda h: similarity(h.text, self.block.corner or ""))
                match = compare(corner.text, self.block.corner)
                if not match.exact:
                    self.reading.matches.append(match)
        left = corner.x1 if corner else min((h.x0 for h in headers), default=0.0)
        region = (left - 1.0, max((h.x1 for h in headers), default=0.0) + 1.0)
        used: set[int] = {id(corner)} if corner else set()
        extents: dict[str, tuple[float, float]] = {}
        self._match_level(self.block.column_tree, headers, region, used, extents)
        for column in self.block.columns:
            if column.id not in extents:
                self.reading.missing_columns.append(column.id)
        for header in headers:
            if id(header) not in used and header.x0 >= left - 1.0:
                self.reading.extra_columns.append(header.text)
        return extents

    def _match_level(
        self,
        nodes: Sequence[Node],
        headers: list[_Header],
        region: tuple[float, float],
        used: set[int],
        extents: dict[str, tuple[float, float]],
    ) -> None:
        inside = [h for h in headers if id(h) not in used and _overlap(h.x0, h.x1, *region) >= 0.8 * max(h.width, 1.0)]

        def score(i: int, j: int) -> Match:
            return compare(inside[i].text, nodes[j].label, nodes[j].aliases)

        pairs = assign([h.text for h in inside], [n.label for n in nodes], score, THRESHOLD)
        unmatched = [j for j in range(len(nodes)) if j not in pairs and not nodes[j].children]
        if unmatched:  # columns left, paired in the order printed when there are as many on both sides
            taken = {i for i, _ in pairs.values()}
            lowest = [
                h
                for k, h in enumerate(inside)
                if k not in taken
                and not any(o is not h and _overlap(o.x0, o.x1, h.x0, h.x1) > 0 and o.row > h.row for o in inside)
            ]
            if len(lowest) == len(unmatched):
                lowest.sort(key=lambda h: h.x0)
                for j, header in zip(unmatched, lowest, strict=True):
                    match = compare(header.text, nodes[j].label, nodes[j].aliases)
                    pairs[j] = (inside.index(header), Match(match.found, match.label, match.similarity, POSITION))
        for j, node in enumerate(nodes):
            if j in pairs:
                i, match = pairs[j]
                header = inside[i]
                used.add(id(header))
                if not match.exact:
                    self.reading.matches.append(match)
                self.reading.score += match.similarity if match.how != POSITION else 0.25
                child_region = (header.x0 - 1.0, header.x1 + 1.0)
            else:
                child_region = region
            if node.children:
                self._match_level(node.children, headers, child_region, used, extents)
            elif j in pairs:
                extents[node.id or ""] = (inside[pairs[j][0]].x0, inside[pairs[j][0]].x1)

    # -- the body -----------------------------------------------------------------------------

    def _rows(self, body: list[int], columns: dict[str, tuple[float, float]]) -> None:
        block, reading = self.block, self.reading
        # A cell ending before the first value column (give or take a little) is a label; any other, a value.
        value_left = min(x0 for x0, _ in columns.values())
        boundary = value_left + 0.3 * min(x1 - x0 for x0, x1 in columns.values())
        printed_rows: list[tuple[int, list[str]]] = []
        memory: dict[int, str] = {}
        for row in body:
            labels: list[str] = []
            for cell in self.printed.covering_row(row):
                if cell.x1 > boundary:
                    continue
                key = round(cell.x0)
                text = printed(cell.text)
                if text and cell.row == row:
                    memory = {k: v for k, v in memory.items() if k < key}
                    memory[key] = text
                    labels.append(text)
                elif text:  # merged down from above
                    labels.append(text)
                elif key in memory:  # a group label written only on its first row
                    labels.append(memory[key])
            values = self._values(row, columns, boundary)
            if labels or any(values.values()):
                printed_rows.append((row, labels))
        leaves = [(path, leaf) for top in block.row_tree for path, leaf in top.leaves()]
        if block.label_depth == 0:
            filled = [r for r, _ in printed_rows if any(self._values(r, columns, boundary).values())]
            chosen = filled[0] if filled else (body[0] if body else None)
            if chosen is not None:
                self._take(leaves[0][1].id or "", chosen, columns, boundary)
                reading.score += 1.0
            else:
                reading.missing_rows.append(leaves[0][1].id or "")
            return

        def score(i: int, j: int) -> Match | None:
            labels = printed_rows[i][1]
            if not labels:
                return None
            path, leaf = leaves[j]
            leaf_match = compare(labels[-1], leaf.label, leaf.aliases)
            if leaf_match.similarity >= 1.0 and len(labels) == 1:
                return leaf_match
            whole = similarity("".join(labels), "".join(n.label for n in (*path, leaf)))
            combined = 0.7 * leaf_match.similarity + 0.3 * whole
            if leaf_match.similarity >= 1.0 and whole >= 0.8:
                combined = 1.0
            return Match(leaf_match.found, leaf_match.label, combined, leaf_match.how)

        found = [labels[-1] if labels else "" for _, labels in printed_rows]
        pairs = assign(found, [leaf.label for _, leaf in leaves], score, THRESHOLD)
        for j, (path, leaf) in enumerate(leaves):
            if j not in pairs:
                reading.missing_rows.append(leaf.id or "")
                reading.score -= 0.5
                continue
            i, match = pairs[j]
            row, labels = printed_rows[i]
            reading.score += match.similarity
            if not match.exact:
                reading.matches.append(match)
            for text, node in zip(labels[:-1], path[-(len(labels) - 1) :] if len(labels) > 1 else (), strict=False):
                group = compare(text, node.label, node.aliases)
                if not group.exact and group.similarity >= THRESHOLD and group not in reading.matches:
                    reading.matches.append(group)
            self._take(leaf.id or "", row, columns, boundary)
        taken = {i for i, _ in pairs.values()}
        for i, (_, labels) in enumerate(printed_rows):
            if i not in taken and labels:
                reading.extra_rows.append(labels[-1])
                reading.score -= 0.3

    def _values(self, row: int, columns: dict[str, tuple[float, float]], boundary: float) -> dict[str, list[str]]:
        """The texts of the value cells (ending past `boundary`) that start in `row`, by the column each
        overlaps most (columns and boundary are the same for every row of a block)."""
        if row not in self._row_values:
            self._row_values[row] = self._place(row, columns, boundary)
        return self._row_values[row]

    def _place(self, row: int, columns: dict[str, tuple[float, float]], boundary: float) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {column: [] for column in columns}
        for cell in self.printed.row_cells(row):
            if cell.x1 <= boundary:
                continue
            best, most = None, 0.0
            for column, (x0, x1) in columns.items():
                share = _overlap(cell.x0, cell.x1, x0, x1)
                if share > most:
                    best, most = column, share
            if best is not None and most >= 0.5 * min(cell.width, columns[best][1] - columns[best][0]):
                found[best].append(cell.text)
        return found

    def _take(self, row_id: str, row: int, columns: dict[str, tuple[float, float]], boundary: float) -> None:
        for column, texts in self._values(row, columns, boundary).items():
            filled = [printed(t) for t in texts if printed(t)]
            # A 总计 printed over several narrow cells: its figure once (repeated, it is still one figure).
            distinct = list(dict.fromkeys(filled))
            self.reading.texts[(row_id, column)] = " ".join(distinct)


def read_block(table: Table, block: Block, segment: Segment) -> BlockReading:
    return _Reader(table, block, segment).read()


def _signature(block: Block) -> set[str]:
    words = set(_labels_of(block))
    if block.title:
        words.add(normalise(block.title))
    for top in block.row_tree:
        for path, leaf in top.leaves():
            words.update(normalise(n.label) for n in (*path, leaf) if n.label)
            words.update(normalise(a) for a in leaf.aliases)
    return words


def _segment_words(segment: Segment) -> set[str]:
    words = {normalise(printed(cell.text)) for cell in segment.table.cells if cell.row in set(segment.rows)}
    if segment.title:
        words.add(normalise(segment.title))
    return {w for w in words if w}


@dataclass
class TablesReading:
    """How a format's tables read from a document's printed tables."""

    format: Format
    readings: list[BlockReading]  # the reading chosen for each block found
    unused: list[Segment]  # segments that are none of the format's blocks
    score: float

    @property
    def complete(self) -> bool:
        """Every block of every table found, with all its rows and columns, and nothing left over."""
        blocks = sum(len(table.blocks) for table in self.format.tables.values())
        clean = all(not (r.missing_rows or r.missing_columns or r.extra_rows or r.extra_columns) for r in self.readings)
        return len(self.readings) == blocks and clean and not any(_segment_words(s) for s in self.unused)


def read_tables(fmt: Format, segments: Sequence[Segment]) -> TablesReading:
    """Each block of `fmt` from the segment that reads best as it (each segment used once)."""
    blocks = [(table, block) for table in fmt.tables.values() for block in table.blocks]
    signatures = [_signature(block) for _, block in blocks]
    candidates: list[BlockReading] = []
    for segment in segments:
        words = _segment_words(segment)
        hits = [len(words & signature) for signature in signatures]
        best = max(hits, default=0)
        for (table, block), hit in zip(blocks, hits, strict=True):
            if best == 0 or hit * 3 >= best * 2 or (best <= 2 and hit >= 1):
                reading = read_block(table, block, segment)
                if reading.score > 0:
                    candidates.append(reading)
    candidates.sort(key=lambda r: -r.score)
    chosen: dict[tuple[str, str], BlockReading] = {}
    used: set[int] = set()
    for reading in candidates:
        key = (reading.table.id, reading.block.id)
        if key in chosen or id(reading.segment) in used:
            continue
        chosen[key] = reading
        used.add(id(reading.segment))
    order = {key: index for index, key in enumerate((t.id, b.id) for t, b in blocks)}
    readings = sorted(chosen.values(), key=lambda r: order[(r.table.id, r.block.id)])
    unused = [segment for segment in segments if id(segment) not in used]
    score = sum(r.score for r in readings) - sum(len(r.missing_rows) + len(r.missing_columns) for r in readings) * 0.5
    score -= 0.5 * sum(1 for segment in unused if _segment_words(segment))
    return TablesReading(fmt, readings, unused, score)


__all__ = ["BlockReading", "Segment", "TablesReading", "read_block", "read_tables", "segments_of"]
