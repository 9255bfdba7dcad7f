"""The page and type of GB/T 9704-2012 (党政机关公文格式) in Word's units: twips (1/1440 inch) and half-points."""

from __future__ import annotations

import math


def mm(millimetres: float) -> int:
    """Millimetres in twips, the unit of Word's page and table geometry."""
    return round(millimetres * 1440 / 25.4)


# A4, text block 156 × 225 mm (top 37, bottom 35, left 28, right 26 mm), 22 lines of 28 characters.
PAGE_WIDTH, PAGE_HEIGHT = mm(210), mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = mm(37), mm(35), mm(28), mm(26)
TEXT_WIDTH, TEXT_HEIGHT = mm(156), mm(225)
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = TEXT_HEIGHT // LINES_PER_PAGE  # 579 twips ≈ 28.95 pt

# Type sizes in half-points: 2号 22 pt (title), 3号 16 pt (text), 4号 14 pt (page numbers).
TITLE_SIZE, BODY_SIZE, PAGE_NUMBER_SIZE = 44, 32, 28

# 28 characters of 3号 (16 pt) are 158 mm: 3号 text is condensed by a fraction of a point so that 28 fill
# the 156 mm line. (A character grid, docGrid "linesAndChars" with a negative charSpace, does the same in
# Word, but LibreOffice then puts each character in two grid cells and prints 14 to a line.)
BODY_CONDENSE = math.ceil(BODY_SIZE * 10 - TEXT_WIDTH / CHARS_PER_LINE)  # twips per character
BODY_ADVANCE = BODY_SIZE * 10 - BODY_CONDENSE  # the width a character of text takes on the line, in twips

# The title's 2号 characters are not condensed: 20 fit on a line.
TITLE_CHARS = TEXT_WIDTH // (TITLE_SIZE * 10)
