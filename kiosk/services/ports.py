"""What the services need from storage, as Protocols; kiosk.ledger provides them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple, Protocol

from ..domain.identity import TypedShare
from ..domain.months import Month
from ..domain.records import Product, RecordedSale, RosterPerson, SaleDraft, Vendor
from ..domain.stock import StockCount
from .settlement import PayoutRecord, SettlementLine, UmkmBalance
from .shift_figures import OpenShift, ShiftFigures


class SpendingLike(Protocol):
    total: int
    purchases: int


class PaperSale(NamedTuple):
    """What makes two paper sales the same purchase: the minute, the buyer, the UMKM and the
    amount (the note is left out: it is re-typed differently from copy to copy)."""

    at: dt.datetime  # aware UTC
    nip: str | None
    kode_umkm: str
    total: int

    @classmethod
    def of(cls, draft: SaleDraft) -> PaperSale:
        return cls(
            draft.created_at.astimezone(dt.UTC), draft.nip, draft.lines[0].vendor_code, draft.total
        )


class EarlierImport(NamedTuple):
    file_name: str
    imported_at: dt.datetime  # aware UTC


class SalesLedgerPort(Protocol):
    kiosk_id: str

    def append_sale(self, draft: SaleDraft, *, hold_receipt: bool = False) -> RecordedSale: ...
    def append_sales(self, drafts: Sequence[SaleDraft]) -> int: ...
    def import_sales(
        self,
        drafts: Sequence[SaleDraft],
        *,
        file_name: str,
        file_sha256: str,
        actor: str,
        at: dt.datetime,
        allow_repeated: bool = False,
    ) -> int: ...
    def earlier_import(self, file_sha256: str) -> EarlierImport | None: ...
    def imported_paper_sales(self, sales: Collection[PaperSale]) -> dict[PaperSale, str]: ...
    def void(self, number: str, *, reason: str, actor: str, at: dt.datetime) -> RecordedSale: ...
    def find(self, number: str) -> RecordedSale | None: ...


class RosterPort(Protocol):
    def people_on(self, day: dt.date) -> dict[str, RosterPerson]: ...
    def person_on(self, nip: str, day: dt.date) -> RosterPerson | None: ...
    def add_snapshot(
        self,
        people: Sequence[RosterPerson],
        *,
        as_of: dt.date,
        file_name: str,
        file_sha256: str,
        forced: bool,
        actor: str,
        at: dt.datetime,
    ) -> int: ...


class CatalogPort(Protocol):
    def vendors(self, *, active_only: bool = False) -> list[Vendor]: ...
    def products(self, *, active_only: bool = False) -> list[Product]: ...
    def save_vendors(self, vendors: Sequence[Vendor], *, actor: str, at: dt.datetime) -> int: ...
    def save_products(self, products: Sequence[Product], *, actor: str, at: dt.datetime) -> int: ...


class SpendingPort(Protocol):
    def by_nip(self, start: dt.datetime, end: dt.datetime) -> dict[str, SpendingLike]: ...
    def of(self, nip: str, start: dt.datetime, end: dt.datetime) -> SpendingLike: ...
    def sale_lines(self, start: dt.datetime, end: dt.datetime) -> Iterator: ...  # type: ignore[type-arg]
    def vendor_revenue(self, start: dt.datetime, end: dt.datetime) -> list: ...  # type: ignore[type-arg]
    def typed_shares(self, start: dt.datetime, end: dt.datetime) -> list[TypedShare]: ...


class AdminPort(Protocol):
    def add_exemption(
        self, nip: str, month: Month, reason: str, *, actor: str, at: dt.datetime
    ) -> None: ...
    def exempt_nips(self, month: Month) -> set[str]: ...
    def is_exempt(self, nip: str, month: Month) -> bool: ...
    def get_setting(self, key: str) -> str | None: ...
    def set_setting(self, key: str, value: str, *, actor: str, at: dt.datetime) -> None: ...


class PrintJobPort(Protocol):
    def add(
        self,
        *,
        kind: str,
        title: str,
        payload: bytes,
        preview: str,
        sale_id: str | None,
        at: dt.datetime,
    ) -> int: ...
    def hold_missing_receipts(self, kiosk_id: str, at: dt.datetime) -> int: ...
    def last_sale_in_doubt(self, kiosk_id: str) -> tuple[int, int] | None: ...


# --- settlement with each UMKM --------------------------------------------------------------


class PayoutPort(Protocol):
    def add(
        self,
        kode_umkm: str,
        amount: int,
        *,
        note: str,
        actor: str,
        at: dt.datetime,
        advance: bool,
        shift_id: str | None = None,
    ) -> PayoutRecord: ...
    def reverse(self, number: str, *, note: str, actor: str, at: dt.datetime) -> PayoutRecord: ...
    def find(self, number: str) -> PayoutRecord | None: ...
    def listing(
        self,
        *,
        kode_umkm: str | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
    ) -> list[PayoutRecord]: ...


class SettlementPort(Protocol):
    def balances(self, month: Month) -> list[UmkmBalance]: ...
    def balance(self, kode_umkm: str, month: Month) -> UmkmBalance | None: ...
    def day_lines(self, month: Month) -> Iterator[SettlementLine]: ...


# -- the till's shifts (services/shift.py; ledger/shift_store.py) ------------------------------


class ShiftStorePort(Protocol):
    """Shift open, hand-over and close as entries of this kiosk's hash chain. Each write
    re-reads the shift inside its transaction and refuses (a DomainError with a ShiftProblem
    code) when the shift is no longer what the caller saw."""

    kiosk_id: str

    def open_shift(self) -> OpenShift | None: ...
    def open(self, operator: str, float_amount: int, *, at: dt.datetime) -> OpenShift: ...
    def hand_over(self, shift_id: str, operator: str, *, at: dt.datetime) -> OpenShift: ...
    def close(
        self,
        shift_id: str,
        *,
        operator: str,
        counted: int | None,
        counts: str | None,
        expected: int,
        reason: str | None,
        note: str | None,
        at: dt.datetime,
        audit_as: str | None = None,
    ) -> ShiftFigures: ...
    def figures(self, shift_id: str) -> ShiftFigures: ...
    def shifts_opened(self, start: dt.datetime, end: dt.datetime) -> list[ShiftFigures]: ...


# -- consignment stock for the day (services/stock.py; ledger/stock_store.py) ------------------


class StockPort(Protocol):
    def add(
        self,
        kode_umkm: str,
        sku: str,
        pieces: int,
        *,
        day: dt.date,
        actor: str,
        at: dt.datetime,
        note: str | None = None,
    ) -> StockCount: ...
    def day(self, day: dt.date, *, kode_umkm: str | None = None) -> list[StockCount]: ...
