"""The settlement figures as the services hand them on: one UMKM's month (the balances export,
the admin screen, the printed slips), one day's sales of one product (the settlement export)
and one payout. kiosk/ledger/settlement_queries.py and payout_store.py fill them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from ..domain.months import Month
from ..domain.settlement import MonthFigures, PayoutKind


@dataclass(frozen=True)
class UmkmBalance:
    """One UMKM's month: the columns of ``export balances``."""

    kode_umkm: str
    nama_umkm: str
    figures: MonthFigures

    @property
    def month(self) -> Month:
        return self.figures.month

    @property
    def pendapatan(self) -> int:
        return self.figures.pendapatan

    @property
    def potongan(self) -> int:
        return self.figures.potongan

    @property
    def hak_umkm(self) -> int:
        return self.figures.hak_umkm

    @property
    def dibayar(self) -> int:
        return self.figures.dibayar

    @property
    def saldo(self) -> int:
        return self.figures.saldo


class SettlementLine(NamedTuple):
    """What one UMKM sold of one product on one day (stall clock), non-voided sales only:
    one row of ``export settlement``. A free amount (nominal bebas, a paper sale) has no sku
    and is grouped by its description. (A NamedTuple: a month at design scale is ~14,000.)"""

    day: dt.date
    kode_umkm: str
    nama_umkm: str
    sku: str | None
    produk: str
    terjual: int  # quantity
    pendapatan: int
    tunai: int  # of pendapatan, paid in cash (paper sales are cash)
    qris: int


@dataclass(frozen=True)
class PayoutRecord:
    """A payout, advance or reversal as recorded (append-only: a reversal is its own row)."""

    id: str
    number: str  # its ledger entry's number, AMB-01-000124: what an admin types to reverse it
    created_at: dt.datetime  # aware UTC
    kode_umkm: str
    nama_umkm: str
    amount: int  # > 0, a reversal too
    kind: PayoutKind
    note: str
    paid_by: str
    shift_id: str | None = None  # the till shift the cash came out of; None: not the till
    reverses: str | None = None  # a reversal: the number of the payout it takes back
    reversed_by: str | None = None  # a payout taken back: the reversal's number

    @property
    def paid(self) -> int:
        """What it adds to the month's ``dibayar``: a reversal takes its amount back."""
        return -self.amount if self.kind is PayoutKind.REVERSAL else self.amount

    @property
    def reversible(self) -> bool:
        return self.kind is not PayoutKind.REVERSAL and self.reversed_by is None
