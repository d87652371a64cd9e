"""The read side of the X/Z reports and the UMKM slips: each read in one transaction from the
till's and the settlement's query functions (till_queries.py, settlement_queries.py), so the
paper shows the numbers the close screen, `shift status` and the exports show."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..services.report_figures import ShiftReport, umkm_totals
from ..services.settlement import SettlementLine
from ..services.shift_figures import ShiftFigures
from .engine import Database
from .settlement_queries import lines_between, shift_lines
from .till_queries import buyer_totals, ledger_head, open_shift, shift_figures, shifts_opened


class ReportQueries:
    def __init__(self, db: Database, kiosk_id: str, tz: ZoneInfo) -> None:
        self._db = db
        self.kiosk_id = kiosk_id
        self._tz = tz

    def open_shift_id(self) -> str | None:
        with self._db.read() as connection:
            shift = open_shift(connection, self.kiosk_id)
        return None if shift is None else shift.shift_id

    def shift_report(self, shift_id: str, at: dt.datetime) -> ShiftReport:
        """One shift's report as the ledger holds it now; the head is its kiosk's newest."""
        with self._db.read() as connection:
            figures = shift_figures(connection, shift_id)
            lines = shift_lines(connection, shift_id, self._day(figures))
            asn, public = buyer_totals(connection, shift_id)
            head = ledger_head(connection, figures.kiosk_id)
        return ShiftReport(figures, umkm_totals(lines), asn, public, head, at)

    def shifts_on(self, day: dt.date) -> list[ShiftFigures]:
        """Every kiosk's shifts opened on the stall's ``day``, in opening order."""
        start, end = self._bounds(day)
        with self._db.read() as connection:
            return [shift_figures(connection, i) for i in shifts_opened(connection, start, end)]

    def shift_lines(self, shift_id: str) -> tuple[ShiftFigures, list[SettlementLine]]:
        with self._db.read() as connection:
            figures = shift_figures(connection, shift_id)
            return figures, shift_lines(connection, shift_id, self._day(figures))

    def day_lines(self, day: dt.date) -> list[SettlementLine]:
        """The day's rows of `export settlement` (every kiosk, paper sales too)."""
        start, end = self._bounds(day)
        with self._db.read() as connection:
            return lines_between(connection, start, [end], day)

    def _day(self, figures: ShiftFigures) -> dt.date:
        return figures.opened_at.astimezone(self._tz).date()

    def _bounds(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.combine(day, dt.time(), self._tz)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), self._tz)
        return start.astimezone(dt.UTC), end.astimezone(dt.UTC)
