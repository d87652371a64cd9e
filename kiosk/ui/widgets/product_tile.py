"""A product as a big tile: picture, name (wrapped), price. The whole tile is the button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.money import format_rupiah
from ...domain.records import Product
from ..art import product_pixmap
from ..theme import TILE_HEIGHT, TILE_WIDTH, px
from .common import label
from .names import keep_units

PICTURE = 72


class ProductTile(QPushButton):
    def __init__(self, product: Product, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product = product
        self.setObjectName("tile")
        self.setFixedSize(px(TILE_WIDTH), px(TILE_HEIGHT))
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Its words are child labels, which a screen reader does not read as the button's.
        self.setAccessibleName(f"{product.nama}, {format_rupiah(product.harga)}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        layout.setSpacing(4)
        picture = QLabel()
        picture.setPixmap(product_pixmap(product.nama, product.kategori, px(PICTURE)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        name = label(keep_units(product.nama), "tilename", wrap=True)
        name.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        price = label(format_rupiah(product.harga), "tileprice")
        price.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for child in (picture, name, price):
            # Taps go to the tile (and to the kinetic scroller), never to a label.
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(child)
        layout.setStretch(1, 1)
