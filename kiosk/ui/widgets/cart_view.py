"""The basket: one row per line ("Kue Bagea 2 × Rp15.000" with [−][+]) in a kinetic list."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from ...domain.cart import CartLine
from ...domain.money import format_rupiah
from ..i18n import translate
from ..theme import GAP, TOUCH, px
from .buttons import button
from .common import label
from .names import keep_units


def kinetic(area: QScrollArea) -> None:
    """Drag to scroll (touch first), no scroll bars to aim at."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidgetResizable(True)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


TEXT_GAP = 4  # px between the words and [−]: words are no target, every px is a letter


def line_html(line: CartLine) -> str:
    """The line's whole name in bold, then its count and price. They keep together (no-break
    spaces) and follow the name's last line where they fit, so a name that wraps once still
    makes a two-line row, as most names do in a 1024 px screen's basket."""
    price = f"{line.quantity}\u00a0×\u00a0{format_rupiah(line.unit_price)}"
    return f"<b>{html.escape(keep_units(line.description))}</b> {price}"


class CartRow(QWidget):
    """``[name … count × price] [−] [+]``: the name wraps and the row grows, never cut."""

    quantity_changed = Signal(int, int)  # line index, new quantity

    def __init__(self, index: int, line: CartLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = line
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.setSpacing(0)
        self.text = QLabel(line_html(line))
        self.text.setObjectName("basketline")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(
            f"{line.description}, {line.quantity} × {format_rupiah(line.unit_price)}"
        )
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
        row.addWidget(self.text, 1)
        row.addSpacing(TEXT_GAP)
        row.addWidget(self.minus, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addSpacing(GAP)
        row.addWidget(self.plus, 0, Qt.AlignmentFlag.AlignVCenter)
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
        self._keep_in_sight: CartRow | None = None
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._bring_into_sight())

    def show_lines(self, lines: tuple[CartLine, ...]) -> None:
        before = tuple(row.line for row in self.rows)
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
        # The line just added or changed stays in sight (a basket of 8 shows 4 at 768 px).
        changed = next(
            (i for i, line in enumerate(lines) if i >= len(before) or before[i] != line),
            len(lines) - 1,
        )
        self._keep_in_sight = self.rows[changed] if self.rows else None
        self._bring_into_sight()

    def _bring_into_sight(self) -> None:
        # Placed only once the list has laid the new rows out: this runs again each time
        # the scroll range changes, and once more after the events now queued.
        row = self._keep_in_sight
        if row is not None:  # tied to the row: never runs once the row is gone
            QTimer.singleShot(0, row, lambda: self._show_row(row))

    def _show_row(self, row: CartRow) -> None:
        if row in self.rows:
            self.ensureWidgetVisible(row, 0, 0)
