"""The one shape of each ledger entry (a sale, a void): what its hash covers, the table rows
the writer stores for it, and how lookups and ``ledger verify`` read it back.

Field names are the column names of ``entries``, ``sales``, ``sale_lines`` and ``voids``, so
one entry reads from a query row by name. The hashed fields are listed once, in
``SaleEntry.fields`` and ``VoidEntry.fields``: the writer and verify both hash through them,
and tests/unit/test_chain_encoding.py pins the bytes they make."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from ..domain.cart import CartLine
from ..domain.records import RecordedSale
from .chain import canonical_time, entry_hash


class LineFields(NamedTuple):
    """One sale line as hashed; the order of the fields is their order in the encoding.

    A NamedTuple, not a CartLine: verify must read back lines that break CartLine's rules
    (an edited quantity of 0) and report them, not raise."""

    kode_umkm: str
    sku: str | None
    description: str
    unit_price: int
    quantity: int

    @classmethod
    def of(cls, line: CartLine) -> LineFields:
        return cls(line.vendor_code, line.sku, line.description, line.unit_price, line.quantity)

    @classmethod
    def from_row(cls, row: Any) -> LineFields:
        """From any row with sale_lines' column names."""
        return cls(row.kode_umkm, row.sku, row.description, row.unit_price, row.quantity)

    @property
    def subtotal(self) -> int:
        return self.unit_price * self.quantity

    def cart_line(self) -> CartLine:
        return CartLine(
            vendor_code=self.kode_umkm,
            description=self.description,
            unit_price=self.unit_price,
            quantity=self.quantity,
            sku=self.sku,
        )


@dataclass(frozen=True, slots=True)
class SaleEntry:
    kind: ClassVar[str] = "sale"

    id: str
    kiosk_id: str
    seq: int
    prev_hash: str
    created_at: dt.datetime
    nip: str | None
    operator: str
    payment_method: str
    cash_given: int | None
    total: int
    source: str
    note: str | None
    lines: tuple[LineFields, ...]
    identified_by: str | None = None  # a BuyerIdentity value; None on sales made before it

    @classmethod
    def from_row(cls, row: Any, lines: Iterable[LineFields]) -> SaleEntry:
        """From a row carrying entries' and sales' columns by name (sales.id is entries.id)."""
        return cls(
            id=row.id,
            kiosk_id=row.kiosk_id,
            seq=row.seq,
            prev_hash=row.prev_hash,
            created_at=row.created_at,
            nip=row.nip,
            operator=row.operator,
            payment_method=row.payment_method,
            cash_given=row.cash_given,
            total=row.total,
            source=row.source,
            note=row.note,
            lines=tuple(lines),
            identified_by=row.identified_by,
        )

    def fields(self) -> dict[str, Any]:
        """What the hash covers. Changing a key or a value's form changes every hash: the
        databases already written would no longer verify. ``identified`` came later: it is
        in the encoding only when set, so the sales written before it still verify."""
        fields = {
            "kind": self.kind,
            "id": self.id,
            "kiosk": self.kiosk_id,
            "seq": self.seq,
            "prev": self.prev_hash,
            "at": canonical_time(self.created_at),
            "nip": self.nip,
            "operator": self.operator,
            "method": self.payment_method,
            "cash": self.cash_given,
            "total": self.total,
            "source": self.source,
            "note": self.note,
            "lines": [list(line) for line in self.lines],
        }
        if self.identified_by is not None:
            fields["identified"] = self.identified_by
        return fields

    def hash(self) -> str:
        return entry_hash(self.fields())

    def sale_row(self, stored_time: Any, import_id: int | None) -> dict[str, Any]:
        """The ``sales`` row; ``stored_time`` is created_at as the driver stores it."""
        return {
            "id": self.id,
            "created_at": stored_time,
            "nip": self.nip,
            "operator": self.operator,
            "payment_method": self.payment_method,
            "cash_given": self.cash_given,
            "total": self.total,
            "source": self.source,
            "note": self.note,
            "identified_by": self.identified_by,
            "sales_import_id": import_id,
        }

    def line_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "sale_id": self.id,
                "line_no": line_no,
                "kode_umkm": line.kode_umkm,
                "sku": line.sku,
                "description": line.description,
                "unit_price": line.unit_price,
                "quantity": line.quantity,
                "subtotal": line.subtotal,
            }
            for line_no, line in enumerate(self.lines, start=1)
        ]

    def recorded(
        self, lines: tuple[CartLine, ...], digest: str, *, voided: bool = False
    ) -> RecordedSale:
        """The domain record; ``lines`` are passed in when the caller already holds them."""
        return RecordedSale(
            id=self.id,
            kiosk_id=self.kiosk_id,
            seq=self.seq,
            created_at=self.created_at,
            nip=self.nip,
            operator=self.operator,
            payment_method=self.payment_method,
            cash_given=self.cash_given,
            total=self.total,
            source=self.source,
            note=self.note,
            lines=lines,
            entry_hash=digest,
            voided=voided,
            identified_by=self.identified_by,
        )


@dataclass(frozen=True, slots=True)
class VoidEntry:
    kind: ClassVar[str] = "void"

    id: str
    kiosk_id: str
    seq: int
    prev_hash: str
    created_at: dt.datetime
    sale_id: str
    reason: str
    voided_by: str

    def fields(self) -> dict[str, Any]:
        """What the hash covers (see SaleEntry.fields)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "kiosk": self.kiosk_id,
            "seq": self.seq,
            "prev": self.prev_hash,
            "at": canonical_time(self.created_at),
            "sale": self.sale_id,
            "reason": self.reason,
            "by": self.voided_by,
        }

    def hash(self) -> str:
        return entry_hash(self.fields())

    def void_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sale_id": self.sale_id,
            "created_at": self.created_at,
            "reason": self.reason,
            "voided_by": self.voided_by,
        }


def entry_row(entry: SaleEntry | VoidEntry, digest: str, mac: str) -> dict[str, Any]:
    """The ``entries`` row (the chain link) of either kind; ``mac`` is the ledger key's
    HMAC of ``digest``."""
    return {
        "id": entry.id,
        "kiosk_id": entry.kiosk_id,
        "seq": entry.seq,
        "kind": entry.kind,
        "prev_hash": entry.prev_hash,
        "entry_hash": digest,
        "entry_mac": mac,
    }
