"""Titipan barang (the operator's side): a vendor arrives at 7 am with a crate; the operator,
on duty, taps Titipan in the header, picks the UMKM and each product, and types the pieces
brought. Adding only: a count that is too high is corrected by the admin
(ui/admin/stock.py), never lowered here."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ..context import UiContext
from ..i18n import translate
from ..theme import px
from ..widgets.buttons import button
from ..widgets.common import label
from ..widgets.stock_entry import Mode, StockEntry


class StockDropScreen(QWidget):
    finished = Signal()  # back to selling

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(16), px(12), px(16), px(12))
        outer.setSpacing(px(12))
        top = QHBoxLayout()
        top.setSpacing(px(16))
        self.title = label(translate("StockDropScreen", "Titipan barang hari ini"), "title")
        self.back = button(translate("StockDropScreen", "Selesai"), "primary")
        self.back.setObjectName("stock_done")
        self.back.clicked.connect(self.finished)
        top.addWidget(self.title, 1)
        top.addWidget(self.back)
        outer.addLayout(top)
        self.entry = StockEntry(ctx, Mode.ADD)
        outer.addWidget(self.entry, 1)

    def start(self, operator: str) -> None:
        """The operator on duty records on the vendor's behalf (the audit log names them)."""
        self.entry.actor = operator
        self.entry.choose_vendor(None)
        self.entry.start()
