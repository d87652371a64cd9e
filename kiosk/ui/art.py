"""Pictures drawn in code: the stall logo, the card-under-scanner hint and placeholder product
pictures (until vendors send photos). Pixmaps are cached: the grid redraws often."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPixmap

from .. import brand
from . import theme


def draw_stall_logo(painter: QPainter, rect: QRectF) -> None:
    """The awning motif of the ID cards: a white disc, an orange scalloped awning, a blue
    counter with three round cakes on it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(rect)
    unit = rect.width() / 10
    left, top = rect.left() + 2 * unit, rect.top() + 2.4 * unit
    width = 6 * unit
    # Awning: a trapezoid roof, then a row of scallops in alternating shades.
    roof = QPainterPath()
    roof.moveTo(left + 0.6 * unit, top)
    roof.lineTo(left + width - 0.6 * unit, top)
    roof.lineTo(left + width, top + 1.4 * unit)
    roof.lineTo(left, top + 1.4 * unit)
    roof.closeSubpath()
    painter.setBrush(QColor(theme.ACCENT))
    painter.drawPath(roof)
    scallop = width / 4
    for index in range(4):
        painter.setBrush(QColor(theme.ACCENT if index % 2 else brand.ACCENT_DARK))
        painter.drawChord(
            QRectF(left + index * scallop, top + 0.9 * unit, scallop, scallop), 180 * 16, 180 * 16
        )
    # Counter and cakes.
    painter.setBrush(QColor(theme.BRAND))
    painter.drawRect(QRectF(left + 0.3 * unit, top + 3.6 * unit, width - 0.6 * unit, 1.6 * unit))
    painter.drawRect(QRectF(left + 0.3 * unit, top + 2.2 * unit, 0.4 * unit, 1.6 * unit))
    painter.drawRect(QRectF(left + width - 0.7 * unit, top + 2.2 * unit, 0.4 * unit, 1.6 * unit))
    painter.setBrush(QColor(theme.ACCENT))
    for index in range(3):
        centre = QPointF(left + (1.7 + index * 1.3) * unit, top + 3.1 * unit)
        painter.drawEllipse(centre, 0.5 * unit, 0.5 * unit)
    painter.restore()


@lru_cache(maxsize=8)
def logo_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_stall_logo(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def _qr_blocks(painter: QPainter, rect: QRectF) -> None:
    """A QR-looking pattern (not a real code: it is only a picture)."""
    cell = rect.width() / 7
    painter.setBrush(QColor(theme.INK))
    pattern = ("1110111", "1010100", "1110111", "0011010", "1110101", "1010011", "1110110")
    for row, bits in enumerate(pattern):
        for column, bit in enumerate(bits):
            if bit == "1":
                painter.drawRect(
                    QRectF(rect.left() + column * cell, rect.top() + row * cell, cell, cell)
                )


@lru_cache(maxsize=4)
def card_scanner_pixmap(width: int, height: int) -> QPixmap:
    """An ID card held under a scanner, its red beam on the card's QR code."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    # Scanner head at the top.
    head = QRectF(width * 0.3, 0, width * 0.4, height * 0.22)
    painter.setBrush(QColor("#2b3640"))
    painter.drawRoundedRect(head, 8, 8)
    # Beam.
    beam = QPainterPath()
    beam.moveTo(head.center().x() - width * 0.05, head.bottom())
    beam.lineTo(head.center().x() + width * 0.05, head.bottom())
    beam.lineTo(width * 0.86, height * 0.62)
    beam.lineTo(width * 0.54, height * 0.62)
    beam.closeSubpath()
    painter.setBrush(QColor(229, 57, 53, 90))
    painter.drawPath(beam)
    # The card: blue header stripe, orange rule, name lines, QR on the right.
    card = QRectF(width * 0.06, height * 0.4, width * 0.88, height * 0.58)
    painter.setBrush(QColor("white"))
    painter.setPen(QPen(QColor("#9aa8b4"), 2))
    painter.drawRoundedRect(card, 10, 10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.BRAND))
    painter.drawRoundedRect(
        QRectF(card.left(), card.top(), card.width(), card.height() * 0.26), 8, 8
    )
    painter.setBrush(QColor(theme.ACCENT))
    painter.drawRect(QRectF(card.left(), card.top() + card.height() * 0.26, card.width(), 4))
    painter.setBrush(QColor("#c9d4de"))
    for index in range(3):
        painter.drawRoundedRect(
            QRectF(
                card.left() + 12,
                card.top() + card.height() * (0.42 + 0.16 * index),
                card.width() * (0.42 - 0.08 * index),
                card.height() * 0.08,
            ),
            3,
            3,
        )
    side = card.height() * 0.56
    _qr_blocks(painter, QRectF(card.right() - side - 12, card.bottom() - side - 10, side, side))
    painter.setPen(QPen(QColor(229, 57, 53), 3))
    painter.drawLine(
        QPointF(card.right() - side - 18, height * 0.62), QPointF(card.right() - 6, height * 0.62)
    )
    painter.end()
    return pixmap


def initials(name: str) -> str:
    words = [word for word in name.replace(",", " ").split() if word[:1].isalpha()]
    return "".join(word[0].upper() for word in words[:2]) or "?"


@lru_cache(maxsize=256)
def product_pixmap(name: str, category: str, size: int) -> QPixmap:
    """A rounded square in the category's colour with the product's initials and a small
    awning stripe, so tiles of one category look alike and differ by name."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    colour = QColor(theme.CATEGORY_COLOURS.get(category, theme.OTHER_COLOUR))
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
    painter.setBrush(colour.lighter(135))
    scallop = size / 5
    for index in range(5):
        painter.drawChord(
            QRectF(index * scallop, -scallop / 2, scallop, scallop), 180 * 16, 180 * 16
        )
    font = QFont(theme.FONT_FAMILY)
    font.setPixelSize(int(size * 0.38))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(
        QRectF(0, size * 0.1, size, size * 0.9), Qt.AlignmentFlag.AlignCenter, initials(name)
    )
    painter.end()
    return pixmap
