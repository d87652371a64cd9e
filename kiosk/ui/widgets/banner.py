"""The printer banner: hidden while printing is healthy; otherwise says the sale is safe and
how many receipts wait, with a reprint button."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ...services.printing_ports import Problem, QueueState
from ..i18n import translate
from .buttons import button
from .common import label

OFFLINE = QT_TRANSLATE_NOOP("PrinterBanner", "Printer tidak terhubung — transaksi tetap tersimpan")
PAPER_OUT = QT_TRANSLATE_NOOP("PrinterBanner", "Kertas printer habis — transaksi tetap tersimpan")


class PrinterBanner(QFrame):
    reprint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        self.text = label(wrap=True)
        self.reprint = button(translate("PrinterBanner", "Cetak ulang"))
        self.reprint.setObjectName("banner_reprint")
        self.reprint.clicked.connect(self.reprint_requested)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reprint)
        self.hide()

    def show_state(self, state: QueueState) -> None:
        if state.healthy:
            self.hide()
            return
        # Paper out is the vendor's to fix at once (amber); anything else is red.
        paper = state.problem is Problem.PAPER_OUT
        self.setProperty("level", "warn" if paper else "error")
        self.style().unpolish(self)
        self.style().polish(self)
        if not state.unprinted:
            text = translate("PrinterBanner", PAPER_OUT if paper else OFFLINE)
        elif state.problem is Problem.UNCONFIRMED:  # sent, or interrupted: maybe on paper
            text = translate(
                "PrinterBanner",
                "Struk belum pasti tercetak — transaksi tetap tersimpan · {count} struk menunggu",
            ).format(count=state.unprinted)
        elif paper:
            text = translate(
                "PrinterBanner",
                "Kertas printer habis — transaksi tetap tersimpan · {count} struk menunggu",
            ).format(count=state.unprinted)
        else:
            text = translate(
                "PrinterBanner",
                "Printer tidak terhubung — transaksi tetap tersimpan · {count} struk menunggu",
            ).format(count=state.unprinted)
        self.text.setText(text)
        self.show()
