"""The X/Z reports and the UMKM slips: read from the ledger (ReportPort), laid out for the
receipt printer (printing/report.py), previewed as text (the admin screen, `jikubata report`)
and printed through the print queue like receipts (kinds ``report`` and ``slip``).

- X-report: the open shift so far; nothing closes.
- Z-report: a closed shift; the close screen prints it with the shift's slips, and
  `report z --date` gives the day's, one per shift opened that day.
- Slips: one per UMKM that sold in a shift (or on a day, every kiosk and paper sales too), or
  that had a consignment count that day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from ..domain.months import Month
from ..domain.settlement import FeeSchedule
from ..domain.stock import StockCount
from ..printing.document import PrintDocument
from ..printing.receipt import StallInfo
from ..printing.report import layout_shift_report, layout_umkm_slip
from .report_figures import ShiftReport, UmkmSlip
from .settlement import SettlementLine
from .shift_figures import ShiftFigures
from .stall import StallClock

REPORT_JOB, SLIP_JOB = "report", "slip"  # print_jobs.kind (String(8))


class ReportPort(Protocol):
    def open_shift_id(self) -> str | None: ...
    def shift_report(self, shift_id: str, at: dt.datetime) -> ShiftReport: ...
    def shifts_on(self, day: dt.date) -> list[ShiftFigures]: ...
    def shift_lines(self, shift_id: str) -> tuple[ShiftFigures, list[SettlementLine]]: ...
    def day_lines(self, day: dt.date) -> list[SettlementLine]: ...


class ReportService:
    def __init__(
        self,
        port: ReportPort,
        fees: FeeSchedule,
        stall: StallInfo,
        clock: StallClock,
        *,
        width: int,
        queue: Callable[[PrintDocument, str], int],
        preview: Callable[[PrintDocument], str],
        stock: Callable[[dt.date], dict[str, list[StockCount]]] = lambda day: {},
    ) -> None:
        self._port = port
        # The day's consignment counts per UMKM: StockService.by_umkm, the tiles' own figures.
        self._stock_by_umkm = stock
        self._fees = fees
        self._stall = stall
        self._clock = clock
        self._width = width
        self._queue = queue
        self._preview = preview

    # -- reading ------------------------------------------------------------------------------
    def x_report(self) -> ShiftReport | None:
        """The open shift so far (None when no shift is open on this kiosk)."""
        shift_id = self._port.open_shift_id()
        return None if shift_id is None else self.shift_report(shift_id)

    def shift_report(self, shift_id: str) -> ShiftReport:
        """An X-report while the shift is open, its Z-report once closed."""
        return self._port.shift_report(shift_id, self._clock.utc())

    def z_reports(self, day: dt.date) -> list[ShiftReport]:
        """The Z-report of each shift opened on the stall's ``day`` and closed since."""
        return [self.shift_report(f.shift_id) for f in self.shifts_on(day) if not f.is_open]

    def shifts_on(self, day: dt.date) -> list[ShiftFigures]:
        return self._port.shifts_on(day)

    def shift_slips(self, shift_id: str) -> list[UmkmSlip]:
        """One slip per UMKM that sold in the shift, or had stock dropped off that day."""
        figures, lines = self._port.shift_lines(shift_id)
        day = figures.opened_at.astimezone(self._clock.tz).date()
        return self._slips(lines, day, figures.kiosk_id, figures.shift_no)

    def day_slips(self, day: dt.date) -> list[UmkmSlip]:
        """One slip per UMKM that sold on the stall's ``day`` (every kiosk, paper sales too:
        the day's rows of `export settlement`) or had stock dropped off."""
        return self._slips(self._port.day_lines(day), day, self._stall.kiosk_id, None)

    def _slips(
        self, lines: Sequence[SettlementLine], day: dt.date, kiosk_id: str, shift_no: int | None
    ) -> list[UmkmSlip]:
        by_umkm: dict[str, list[SettlementLine]] = {}
        names: dict[str, str] = {}
        for line in lines:
            by_umkm.setdefault(line.kode_umkm, []).append(line)
            names[line.kode_umkm] = line.nama_umkm
        stock = self._stock_by_umkm(day)
        month = Month(day.year, day.month)
        made_at = self._clock.utc()
        return [
            UmkmSlip(
                kode_umkm=kode,
                nama_umkm=names.get(kode, kode),
                kiosk_id=kiosk_id,
                day=day,
                shift_no=shift_no,
                lines=tuple(by_umkm.get(kode, ())),
                fee_percent=self._fees.percent(month),
                fee=self._fees.fee(sum(line.pendapatan for line in by_umkm.get(kode, ())), month),
                stock=tuple(stock.get(kode, ())),
                made_at=made_at,
            )
            for kode in sorted(set(by_umkm) | set(stock))
        ]

    # -- paper ----------------------------------------------------------------------------------
    def report_document(self, report: ShiftReport) -> PrintDocument:
        return layout_shift_report(report, self._stall, self._clock.tz, self._width)

    def slip_document(self, slip: UmkmSlip) -> PrintDocument:
        return layout_umkm_slip(slip, self._stall, self._clock.tz, self._width)

    def report_text(self, report: ShiftReport) -> str:
        """The report as the printer would print it, in monospace text."""
        return self._preview(self.report_document(report))

    def slip_text(self, slip: UmkmSlip) -> str:
        return self._preview(self.slip_document(slip))

    def print_report(self, report: ShiftReport) -> int:
        """Queue the report on the receipt printer; the print job's id."""
        return self._queue(self.report_document(report), REPORT_JOB)

    def print_slips(self, slips: Sequence[UmkmSlip]) -> list[int]:
        return [self._queue(self.slip_document(slip), SLIP_JOB) for slip in slips]

    def print_shift(self, shift_id: str) -> list[int]:
        """The shift's report (its Z-report once closed: what the close screen prints), then
        one slip per UMKM; the print jobs' ids."""
        report = self.shift_report(shift_id)
        return [self.print_report(report), *self.print_slips(self.shift_slips(shift_id))]
