"""What the X/Z reports and the UMKM slips print, as the services hand it on. The ledger fills
these from its query modules (ledger/till_queries.py for a shift, settlement_queries.py for
what each UMKM sold), so a report never adds up a total a second way: the cash is the shift's
figures (services/shift_figures.py), the per-UMKM amounts are the settlement export's lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..domain.stock import StockCount
from .settlement import SettlementLine
from .shift_figures import ShiftFigures


@dataclass(frozen=True)
class LedgerHead:
    """The kiosk's newest chain entry when the paper was made: ``line`` is what
    `jikubata ledger verify` prints (KIOSK_ID:SEQ:HASH12) and `--expect-head` takes back."""

    kiosk_id: str
    seq: int
    line: str


@dataclass(frozen=True)
class BuyerTotal:
    """Sales of one kind of buyer (ASN or public), non-voided."""

    count: int
    amount: int


@dataclass(frozen=True)
class UmkmTotal:
    """What one UMKM sold in a shift (non-voided), cash and QRIS apart: its slip's totals."""

    kode_umkm: str
    nama_umkm: str
    pendapatan: int
    tunai: int
    qris: int


@dataclass(frozen=True)
class ShiftReport:
    """An X-report (the shift is open: nothing closes) or a Z-report (it is closed).

    - ``figures``: the shift's cash and counts, exactly as the close screen, `shift status`
      and `export shifts` show them (sales by payment method are gross, voids apart);
    - ``umkm``, ``asn``, ``public``: the shift's sales that are not voided, by UMKM (the
      settlement export's statement) and by buyer;
    - ``head``: the kiosk's ledger head at the moment of printing."""

    figures: ShiftFigures
    umkm: tuple[UmkmTotal, ...]
    asn: BuyerTotal
    public: BuyerTotal
    head: LedgerHead
    made_at: dt.datetime  # aware UTC: when the report was read

    @property
    def kind(self) -> str:
        return "X" if self.figures.is_open else "Z"

    @property
    def net_sales(self) -> int:
        """The non-voided sales of the shift: the per-UMKM totals add up to it."""
        return sum(total.pendapatan for total in self.umkm)


@dataclass(frozen=True)
class UmkmSlip:
    """The paper a UMKM takes home: what it sold in a shift or on a day."""

    kode_umkm: str
    nama_umkm: str
    kiosk_id: str
    day: dt.date  # the stall's day
    shift_no: int | None  # None: the whole day (every kiosk, paper sales too)
    lines: tuple[SettlementLine, ...]  # by product; free amounts (no sku) last
    fee_percent: str  # settlement.fee_percent in force that month, e.g. "2.5"; "0" for none
    fee: int  # the fee on pendapatan, rounded half up (domain.settlement.fee_of)
    stock: tuple[StockCount, ...] = ()  # products with a consignment count that day
    made_at: dt.datetime | None = None  # aware UTC

    @property
    def pendapatan(self) -> int:
        return sum(line.pendapatan for line in self.lines)

    @property
    def tunai(self) -> int:
        return sum(line.tunai for line in self.lines)

    @property
    def qris(self) -> int:
        return sum(line.qris for line in self.lines)

    @property
    def hak_umkm(self) -> int:
        return self.pendapatan - self.fee


def umkm_totals(lines: list[SettlementLine] | tuple[SettlementLine, ...]) -> tuple[UmkmTotal, ...]:
    """The settlement lines added up per UMKM, in the lines' order (by kode_umkm)."""
    totals: dict[str, UmkmTotal] = {}
    for line in lines:
        was = totals.get(line.kode_umkm) or UmkmTotal(line.kode_umkm, line.nama_umkm, 0, 0, 0)
        totals[line.kode_umkm] = UmkmTotal(
            was.kode_umkm,
            was.nama_umkm,
            was.pendapatan + line.pendapatan,
            was.tunai + line.tunai,
            was.qris + line.qris,
        )
    return tuple(sorted(totals.values(), key=lambda total: total.kode_umkm))
