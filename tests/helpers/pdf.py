"""Reading a DOCX as LibreOffice prints it: render to PDF, then words, printed lines and ink from poppler.

Units: PDF points (1/72 inch) from the page's top-left corner, as `pdftotext -bbox` gives them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

MM = 72 / 25.4  # points per millimetre
TEXT_TOP, TEXT_BOTTOM = 37 * MM, (297 - 35) * MM  # the GB/T 9704 text block
TEXT_LEFT, TEXT_RIGHT = 28 * MM, (28 + 156) * MM
LINE_PITCH = 579 / 20  # points: the 22-line grid


def render(documents: Iterable[Path], out: Path, profile: Path) -> list[Path]:
    """PDFs of `documents` printed by LibreOffice in one run (a start costs seconds)."""
    documents = list(documents)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
        ]
        + [str(d) for d in documents],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return [out / d.with_suffix(".pdf").name for d in documents]


class Word(NamedTuple):
    page: int  # from 1
    left: float
    top: float
    right: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def words(pdf: Path) -> list[Word]:
    """Every word poppler finds, page by page (a word ends at a space or where the font changes)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for number, page in enumerate(xml.split("<page ")[1:], start=1):
        for left, top, right, bottom, text in _WORD.findall(page):
            text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            found.append(Word(number, float(left), float(top), float(right), float(bottom), text))
    return found


def pages(found: list[Word]) -> list[list[Word]]:
    count = max((w.page for w in found), default=0)
    return [[w for w in found if w.page == n] for n in range(1, count + 1)]


def chunks(found: list[Word], gap: float = 4.0) -> list[Word]:
    """Runs of words on one printed line with less than `gap` points between them: the text of one table
    cell's line (the texts of two cells are at least 2 mm, 5.7 pt, apart), or a stretch of body text. (Words
    split where the font changes, and LibreOffice puts a fifth of an em between Chinese and digits.)"""
    rows: dict[tuple[int, float], list[Word]] = {}
    for w in found:
        key = next((k for k in rows if k[0] == w.page and abs(k[1] - w.bottom) < 1.0), (w.page, w.bottom))
        rows.setdefault(key, []).append(w)
    merged = []
    for row in rows.values():
        row.sort(key=lambda w: w.left)
        current = row[0]
        for w in row[1:]:
            if w.left - current.right < gap:
                current = Word(
                    current.page,
                    current.left,
                    min(current.top, w.top),
                    w.right,
                    max(current.bottom, w.bottom),
                    current.text + w.text,
                )
            else:
                merged.append(current)
                current = w
        merged.append(current)
    return merged


def lines(page: list[Word]) -> list[Word]:
    """The page's printed lines top to bottom, each as one word spanning the line."""
    rows: dict[float, list[Word]] = {}
    for w in page:
        key = next((k for k in rows if abs(k - w.bottom) < 1.0), w.bottom)
        rows.setdefault(key, []).append(w)
    joined = []
    for _, row in sorted(rows.items()):
        row.sort(key=lambda w: w.left)
        top, bottom = min(w.top for w in row), max(w.bottom for w in row)
        joined.append(Word(row[0].page, row[0].left, top, row[-1].right, bottom, "".join(w.text for w in row)))
    return joined


def body_line_bottoms(page: list[Word], smallest: float = 18.0) -> list[float]:
    """The bottoms of the page's text lines set in 3号 or larger (body, headings, title), top to bottom."""
    bottoms: list[float] = []
    for w in sorted(page, key=lambda w: w.bottom):
        inside = w.top > TEXT_TOP - 5 and w.bottom < TEXT_BOTTOM + 5
        if w.height >= smallest and inside and (not bottoms or w.bottom - bottoms[-1] > 1.0):
            bottoms.append(w.bottom)
    return bottoms


def grid_lines(page: list[Word]) -> int:
    """How many of the 22 grid lines the page fills, from its first text line to its last (blank lines between
    count; a page that ends early fills fewer)."""
    bottoms = body_line_bottoms(page)
    if not bottoms:
        return 0
    return round((bottoms[-1] - bottoms[0]) / LINE_PITCH) + 1


def ink_rows(pdf: Path, page: int, top_mm: float, height_mm: float, dpi: int = 600) -> list[bytes]:
    """A horizontal band of a page as grey pixel rows (0 black, 255 white), the whole page's width."""
    to_px = dpi / 25.4
    band = [
        "-x",
        "0",
        "-y",
        str(round(top_mm * to_px)),
        "-W",
        str(round(210 * to_px)),
        "-H",
        str(round(height_mm * to_px)),
    ]
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), *band, str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    magic, size, _depth, data = pgm.split(b"\n", 3)
    assert magic == b"P5"
    width, height = map(int, size.split())
    return [data[y * width : (y + 1) * width] for y in range(height)]


def first_glyph_rows(rows: list[bytes], dpi: int = 600) -> tuple[float, float]:
    """The top and bottom (mm, from the band's top) of the leftmost glyph's ink in a band."""
    dark = [x for x in range(len(rows[0])) if any(row[x] < 128 for row in rows)]
    glyph = [dark[0]]
    for x in dark[1:]:
        if x - glyph[-1] > 1:
            break
        glyph.append(x)
    inked = [y for y, row in enumerate(rows) if any(row[x] < 128 for x in glyph)]
    return inked[0] * 25.4 / dpi, (inked[-1] + 1) * 25.4 / dpi
