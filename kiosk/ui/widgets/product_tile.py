"""A product as a big tile: picture, name (wrapped), price. The whole tile is the button.

A product counted today (consignment, titip jual) also shows what is left ("sisa 4") in a
badge at its top right; at zero the tile is greyed, yet still a button: the selling screen
asks whether to sell anyway, since the count may be wrong. Uncounted: no number at all.

The tile paints its picture and words itself instead of holding three child labels: the
selling screen holds every product's tile (500 at design scale), and every widget in it is
shown, hidden and polished again each time the screen comes and goes (idle -> a scan ->
selling). One widget per tile instead of four keeps that switch within a scan's time.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QPushButton, QWidget

from ...domain.money import format_rupiah
from ...domain.records import Product
from ..art import product_pixmap
from ..i18n import translate
from ..theme import (
    BRAND,
    FONT_FAMILY,
    INK,
    MUTED,
    OK,
    TILE_HEIGHT,
    TILE_NAME_PT,
    TILE_PRICE_PT,
    TILE_WIDTH,
    px,
)
from .names import keep_units

PICTURE = 72
# Where the picture, the name and the price lie (px, not scaled: as the labels were laid out).
LEFT, TOP, RIGHT, BOTTOM, SPACING = 8, 10, 8, 8, 4
NAME_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
BADGE_PT = 13  # "sisa 4": read at arm's length, smaller than the name
GREYED = QColor(238, 242, 246, 170)  # the backdrop, laid over a tile whose count is zero


def left_text(left: int) -> str:
    return translate("ProductTile", "sisa {left}").format(left=left)


def tile_font(points: int, weight: QFont.Weight) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSize(px(points))
    font.setWeight(weight)
    return font


class ProductTile(QPushButton):
    def __init__(self, product: Product, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = product
        self.setObjectName("tile")
        self.setFixedSize(px(TILE_WIDTH), px(TILE_HEIGHT))
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.price = format_rupiah(product.harga)
        self.name = keep_units(product.nama)  # "250 g" never split across lines
        # Its words are painted, which a screen reader does not read as the button's.
        self.setAccessibleName(f"{product.nama}, {self.price}")
        self.picture: QPixmap = product_pixmap(product.nama, product.kategori, px(PICTURE))
        self.name_font = tile_font(TILE_NAME_PT, QFont.Weight.DemiBold)
        self.price_font = tile_font(TILE_PRICE_PT, QFont.Weight.Bold)
        self.badge_font = tile_font(BADGE_PT, QFont.Weight.Bold)
        self.left: int | None = None  # pieces left today; None: not counted
        self._place()

    @property
    def greyed(self) -> bool:
        """Counted, and none left: drawn faded (a tap asks before selling)."""
        return self.left is not None and self.left <= 0

    def set_left(self, left: int | None) -> None:
        """Today's count left (None: the product is not counted today)."""
        if left == self.left:
            return
        self.left = left
        name = f"{self.product.nama}, {self.price}"
        if left is not None:
            name += f", {left_text(left)}"  # a screen reader hears the count too
        self.setAccessibleName(name)
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()  # the style sheet's size of a tile, once it is polished

    def _place(self) -> None:
        """The picture on top, the price at the bottom, the name (wrapped) between them."""
        inner = self.rect().adjusted(LEFT, TOP, -RIGHT, -BOTTOM)
        picture = self.picture.height()
        # As tall as a label showing the price would be.
        price = (
            QFontMetrics(self.price_font)
            .boundingRect(QRect(0, 0, inner.width(), 2000), 0, self.price)
            .height()
        )
        self.picture_rect = QRect(inner.x(), inner.y(), inner.width(), picture)
        self.price_rect = QRect(inner.x(), inner.bottom() + 1 - price, inner.width(), price)
        name_top = self.picture_rect.bottom() + 1 + SPACING
        self.name_rect = QRect(
            inner.x(), name_top, inner.width(), self.price_rect.y() - SPACING - name_top
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the button itself: background, border, pressed
        painter = QPainter(self)
        x = self.picture_rect.x() + (self.picture_rect.width() - self.picture.width()) // 2
        painter.drawPixmap(x, self.picture_rect.y(), self.picture)
        painter.setPen(QColor(INK))
        painter.setFont(self.name_font)
        painter.drawText(self.name_rect, NAME_FLAGS, self.name)  # clipped to its rect
        painter.setPen(QColor(BRAND))
        painter.setFont(self.price_font)
        painter.drawText(self.price_rect, Qt.AlignmentFlag.AlignCenter, self.price)
        if self.greyed:
            painter.fillRect(self.rect().adjusted(2, 2, -2, -2), GREYED)
        if self.left is not None:
            self._paint_badge(painter)
        painter.end()

    def _paint_badge(self, painter: QPainter) -> None:
        """ "sisa N" on a pill at the top right: green while some are left, grey at zero."""
        text = left_text(max(self.left or 0, 0))
        metrics = QFontMetrics(self.badge_font)
        width = metrics.horizontalAdvance(text) + px(14)
        height = metrics.height() + px(6)
        pill = QRectF(self.width() - RIGHT - width, TOP - 4, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(MUTED if self.greyed else OK))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.setFont(self.badge_font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
