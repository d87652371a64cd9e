"""Titipan hari ini (the admin's side): each UMKM's products with today's count; the admin
types the day's whole count for a product. A lower count is a correction, refused below what
was already sold today. The operator's side (adding only) is screens/stock_drop.py."""

from __future__ import annotations

from ..context import UiContext
from ..i18n import translate
from ..widgets.stock_entry import Mode, StockEntry
from .base import AdminPage, Go

ACTOR = "admin"


class StockPage(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("StockPage", "Titipan barang hari ini"))
        self.entry = StockEntry(ctx, Mode.TOTAL)
        self.entry.actor = ACTOR
        self.body.addWidget(self.entry, 1)

    def refresh(self) -> None:
        self.entry.start()
