"""A sale as the admin checks it before voiding or reprinting: when, who, what, how much."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout

from ...domain.money import format_rupiah
from ...domain.records import RecordedSale
from ..i18n import translate
from ..theme import px
from ..widgets.clock import clock_text
from ..widgets.common import panel
from .base import kinetic

MAX_LINES = 6  # past that "… dan N barang lain"; the lines scroll when the screen is short
METHODS = {"TUNAI": QT_TRANSLATE_NOOP("SaleView", "Tunai"), "QRIS": "QRIS"}


class FitScroll(QScrollArea):
    """A drag-to-scroll list as high as its wrapped text, shrinking to two lines when the
    page is short (a long sale on a 768 px screen keeps the confirm button on screen)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setWidget(label)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._height = -1
        kinetic(self.viewport())

    def sizeHint(self) -> QSize:
        label = self.widget()
        return QSize(super().sizeHint().width(), label.heightForWidth(self.viewport().width()))

    def minimumSizeHint(self) -> QSize:
        two_lines = 2 * self.widget().fontMetrics().lineSpacing()
        return QSize(0, min(two_lines, self.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.sizeHint().height()
        if height != self._height:  # the width changed the wrapping: ask for a new height
            self._height = height
            self.updateGeometry()


class SaleView:
    """Labels in a white panel; ``show_sale(None)`` empties it."""

    def __init__(self) -> None:
        self.frame = panel()
        layout = QVBoxLayout(self.frame)
        layout.setContentsMargins(px(20), px(12), px(20), px(12))
        layout.setSpacing(px(6))
        self.heading = QLabel("")
        self.heading.setObjectName("big")
        self.meta = QLabel("")
        self.meta.setWordWrap(True)
        self.lines = QLabel("")
        self.lines.setWordWrap(True)
        self.lines_scroll = FitScroll(self.lines)
        self.total = QLabel("")
        self.total.setObjectName("total")
        self.state = QLabel("")
        self.state.setObjectName("flag")
        for widget in (self.heading, self.meta, self.lines_scroll, self.total, self.state):
            layout.addWidget(widget)
        self.frame.hide()

    def show_sale(self, sale: RecordedSale | None, tz: object = None) -> None:
        if sale is None:
            self.frame.hide()
            return
        when = clock_text(sale.created_at.astimezone(tz))  # type: ignore[arg-type]
        self.heading.setText(translate("SaleView", "Struk {number}").format(number=sale.number))
        method = METHODS.get(sale.payment_method)
        self.meta.setText(
            translate("SaleView", "{when}\nPetugas {operator} · {method}").format(
                when=when,
                operator=sale.operator,
                method=translate("SaleView", method) if method else sale.payment_method,
            )
        )
        rows = [
            f"{line.quantity} × {line.description}  {format_rupiah(line.subtotal)}"
            for line in sale.lines[:MAX_LINES]
        ]
        if len(sale.lines) > MAX_LINES:
            more = translate("SaleView", "… dan {count} barang lain")
            rows.append(more.format(count=len(sale.lines) - MAX_LINES))
        self.lines.setText("\n".join(rows))
        self.lines_scroll.updateGeometry()
        self.total.setText(
            translate("SaleView", "Total {amount}").format(amount=format_rupiah(sale.total))
        )
        self.state.setText(
            translate("SaleView", "Transaksi ini sudah dibatalkan") if sale.voided else ""
        )
        self.state.setVisible(sale.voided)
        self.frame.show()
