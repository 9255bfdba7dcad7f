"""Colours and marker icons shared by the grids and the problems panel; a marker is never colour alone."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon

from govform.resources import resources_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

ERROR_FILL = QColor("#fde3e1")
ERROR_LINE = QColor("#c62828")
WARNING_FILL = QColor("#fff3cd")
WARNING_LINE = QColor("#b26a00")
HEADER_FILL = QColor("#e8edf3")
TOTAL_FILL = QColor("#eeeeee")
TOTAL_TEXT = QColor("#444444")
MISSING_LINE = QColor("#9e9e9e")
EXPLAINED_LINE = QColor("#607d8b")


@cache
def severity_icon(severity: str) -> QIcon:
    """A red disc with "!" for an error, an amber triangle with "!" for a warning, a grey ring for what is
    still to fill in, a grey disc with a tick for an explained warning (drawn, so always there)."""
    from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmap  # wanted once there is a finding to mark

    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        box = QRectF(1, 1, size - 2, size - 2)
        if severity == "missing":
            painter.setPen(QPen(MISSING_LINE, max(1.5, size / 10)))
            painter.drawEllipse(box.adjusted(size / 8, size / 8, -size / 8, -size / 8))
            painter.end()
            icon.addPixmap(pixmap)
            continue
        if severity == "explained":
            painter.setBrush(EXPLAINED_LINE)
            painter.drawEllipse(box)
            pen = QPen(QColor("white"), max(2.0, size / 8))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            path = QPainterPath(QPointF(size * 0.28, size * 0.52))
            path.lineTo(size * 0.44, size * 0.68)
            path.lineTo(size * 0.72, size * 0.34)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.end()
            icon.addPixmap(pixmap)
            continue
        if severity == "error":
            painter.setBrush(ERROR_LINE)
            painter.drawEllipse(box)
        else:
            path = QPainterPath(QPointF(size / 2, 1))
            path.lineTo(size - 1, size - 1)
            path.lineTo(1, size - 1)
            path.closeSubpath()
            painter.setBrush(WARNING_LINE)
            painter.drawPath(path)
        pen = QPen(QColor("white"), max(2.0, size / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        top = size * (0.3 if severity == "error" else 0.38)
        painter.drawLine(QPointF(size / 2, top), QPointF(size / 2, size * 0.62))
        painter.drawPoint(QPointF(size / 2, size * 0.78))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def bold(font: QFont) -> QFont:
    from PySide6.QtGui import QFont

    font = QFont(font)
    font.setBold(True)
    return font


@cache
def app_icon() -> QIcon:
    """The application icon: its PNG renderings when packaging made them, else resources/icons/govform.svg."""
    folder = resources_dir() / "icons"
    rasters = sorted(folder.glob("govform-*.png"))
    if not rasters:
        return QIcon(str(folder / "govform.svg"))
    icon = QIcon()
    for path in rasters:
        icon.addFile(str(path))
    return icon
