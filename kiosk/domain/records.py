"""Plain records passed between the ledger, the services and the screens."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from .cart import CartLine, Payment
from .errors import DomainError, ErrorCode
from .identity import BuyerIdentity

_SALE_NUMBER = re.compile(r"([A-Z0-9][A-Z0-9-]{0,15})-([0-9]{1,9})")  # 0-9 only


class SaleProblem(ErrorCode):
    NOT_A_NUMBER = "not_a_number"  # value: not a receipt number like AMB-01-000123
    NO_LINES = "no_lines"
    NAIVE_TIME = "naive_time"
    NO_OPERATOR = "no_operator"


class SaleNumberError(DomainError):
    pass


def sale_number(kiosk_id: str, seq: int) -> str:
    """The receipt number people read and admins type: ``AMB-01-000123``."""
    return f"{kiosk_id}-{seq:06d}"


def parse_sale_number(text: str) -> tuple[str, int]:
    match = _SALE_NUMBER.fullmatch(text.strip().upper())
    if not match:
        raise SaleNumberError(
            SaleProblem.NOT_A_NUMBER,
            f"'{text}' is not a receipt number (it looks like AMB-01-000123)",
            value=text,
        )
    return match.group(1), int(match.group(2))


class RosterPerson(NamedTuple):
    """One person on a roster (a NamedTuple: an export loads 10,000 of them)."""

    nip: str
    nama: str
    opd: str
    jabatan: str
    tingkat: str


@dataclass(frozen=True)
class Vendor:
    kode_umkm: str
    nama: str
    pemilik: str
    telepon: str
    active: bool = True


@dataclass(frozen=True)
class Product:
    kode_umkm: str
    sku: str
    nama: str
    harga: int
    kategori: str
    active: bool = True


@dataclass(frozen=True)
class SaleDraft:
    """A validated basket about to be written to the ledger."""

    lines: tuple[CartLine, ...]
    nip: str | None
    operator: str
    payment: Payment
    created_at: dt.datetime
    note: str | None = None
    identity: BuyerIdentity | None = None  # None: not said (the ledger marks imports paper)
    shift_id: str | None = None  # the open till shift; None for paper sales

    def __post_init__(self) -> None:
        if not self.lines:
            raise DomainError(SaleProblem.NO_LINES, "a sale needs at least one line")
        if self.created_at.tzinfo is None:
            raise DomainError(SaleProblem.NAIVE_TIME, "a sale's time must be timezone-aware")
        if not self.operator.strip():
            raise DomainError(SaleProblem.NO_OPERATOR, "a sale needs the operator who rang it up")
        self.payment.check(self.total)

    @property
    def total(self) -> int:
        return sum(line.subtotal for line in self.lines)


@dataclass(frozen=True)
class RecordedSale:
    id: str
    kiosk_id: str
    seq: int
    created_at: dt.datetime
    nip: str | None
    operator: str
    payment_method: str
    cash_given: int | None
    total: int
    source: str
    note: str | None
    lines: tuple[CartLine, ...]
    entry_hash: str
    voided: bool = False
    identified_by: str | None = None  # a BuyerIdentity value; None on sales made before it
    shift_id: str | None = None  # the till shift; None on paper sales and older sales

    @property
    def number(self) -> str:
        return sale_number(self.kiosk_id, self.seq)

    @property
    def change(self) -> int:
        return 0 if self.cash_given is None else self.cash_given - self.total
