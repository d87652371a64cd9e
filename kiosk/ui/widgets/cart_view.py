"""The basket: one row per line ("Kue Bagea 2 × Rp15.000" with [−][+]) in a kinetic list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QScrollArea, QScroller, QVBoxLayout, QWidget

from ...domain.cart import CartLine
from ...domain.money import format_rupiah
from ..i18n import translate
from ..theme import GAP, TOUCH, px
from .buttons import button
from .common import ElidedLabel, label


def kinetic(area: QScrollArea) -> None:
    """Drag to scroll (touch first), no scroll bars to aim at."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidgetResizable(True)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


class CartRow(QWidget):
    quantity_changed = Signal(int, int)  # line index, new quantity

    def __init__(self, index: int, line: CartLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(GAP)
        grid.setVerticalSpacing(0)
        name = ElidedLabel(line.description, "linename")
        price = label(f"{line.quantity} × {format_rupiah(line.unit_price)}")
        self.minus = button("−", "step")
        self.plus = button("+", "step")
        # The symbols say nothing to a screen reader; the line's name says which line.
        self.minus.setAccessibleName(
            translate("CartView", "Kurangi {item}").format(item=line.description)
        )
        self.plus.setAccessibleName(
            translate("CartView", "Tambah {item}").format(item=line.description)
        )
        for widget, step in ((self.minus, -1), (self.plus, 1)):
            widget.setFixedSize(px(TOUCH), px(TOUCH))
            widget.clicked.connect(
                lambda _=False, s=step: self.quantity_changed.emit(index, line.quantity + s)
            )
        grid.addWidget(name, 0, 0)
        grid.addWidget(price, 1, 0)
        grid.addWidget(self.minus, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.plus, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(0, 1)
        # Rows must not be squeezed to fit the list: it scrolls instead.
        self.setMinimumHeight(px(TOUCH + 8))


class CartView(QScrollArea):
    quantity_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        kinetic(self)
        inner = QWidget()
        self._layout = QVBoxLayout(inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(GAP)
        self._layout.addStretch(1)
        self.setWidget(inner)
        self.rows: list[CartRow] = []
        self.empty = label(
            translate("CartView", "Keranjang masih kosong. Sentuh produk untuk menambah."), "hint"
        )
        self.empty.setWordWrap(True)
        self._layout.insertWidget(0, self.empty)

    def show_lines(self, lines: tuple[CartLine, ...]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for index, line in enumerate(lines):
            row = CartRow(index, line)
            row.quantity_changed.connect(self.quantity_changed)
            self._layout.insertWidget(index, row)
            self.rows.append(row)
        self.empty.setVisible(not lines)
        if self.rows:  # after the layout has placed the new row
            last = self.rows[-1]
            # Tied to this view: never run once it is gone (the window rebuilds its screens
            # when the language changes).
            QTimer.singleShot(
                0, self, lambda: self.ensureWidgetVisible(last) if last in self.rows else None
            )
