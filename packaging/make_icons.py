"""Renders resources/icons/govform.svg into the raster icons packages need (govform.ico, PNGs).

Run at packaging time; the SVG stays the one source, the rasters are not committed.
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(ICONS / "govform.svg"))
    if not renderer.isValid():
        print("make_icons: resources/icons/govform.svg is missing or invalid", file=sys.stderr)
        return 1
    for size in SIZES:
        render(renderer, size).save(str(ICONS / f"govform-{size}.png"))
    # Qt's ICO writer stores one image per file; the largest is what Windows scales from.
    ok = render(renderer, 256).save(str(ICONS / "govform.ico"), "ICO")
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
