"""The back end the screens are given: the sale, the admin's desk, the printer, the stall's
clock and what changed. Built by kiosk.bootstrap; the screens see nothing else (no store,
no session, no settings file)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .admin_desk import AdminDesk
from .changes import ChangeFeed
from .printer_desk import PrinterDesk
from .reports import ReportService
from .sale import SaleService
from .shift import ShiftService
from .stall import StallFacts
from .stock import StockService
from .sync import SyncService


@dataclass
class BackEnd:
    stall: StallFacts
    sale: SaleService
    admin: AdminDesk
    printer: PrinterDesk
    changes: ChangeFeed
    till: ShiftService  # the till's shifts: open, take over, count and close
    stock: StockService  # consignment counts for the day: drop-offs, what is left
    reports: ReportService  # the X/Z reports and the UMKM slips: previews and printing
    start_printing: Callable[[], None] = field(repr=False)
    close: Callable[[], None] = field(repr=False)
    # Several kiosks, one central store: None without a central section in the config.
    sync: SyncService | None = None
    # Starts the background sync (a thread; nothing without a central section).
    start_sync: Callable[[], None] = field(default=lambda: None, repr=False)
