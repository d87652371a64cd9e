"""The one shape of each ledger entry (a sale, a void, a till shift event, a payout): what
its hash covers, the table rows the writer stores for it, and how lookups and ``ledger verify``
read it back.

Field names are the column names of ``entries``, ``sales``, ``sale_lines``, ``voids``,
``shift_events`` and ``payouts`` (verify labels the few that clash), so one entry reads from a
query row by name. The hashed fields are listed once, in each entry's ``fields``: the writer
and verify both hash through them, and tests/unit/test_chain_encoding.py pins the bytes they
make."""

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
    shift_id: str | None = None  # the till shift it was rung up in; None on paper sales

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
            shift_id=row.shift_id,
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
        if self.shift_id is not None:  # likewise: in the encoding only when set
            fields["shift"] = self.shift_id
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
            "shift_id": self.shift_id,
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
            shift_id=self.shift_id,
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


@dataclass(frozen=True, slots=True)
class ShiftEntry:
    """A till shift's open, hand-over or close (columns of ``shift_events``)."""

    kind: ClassVar[str] = "shift"

    id: str
    kiosk_id: str
    seq: int
    prev_hash: str
    created_at: dt.datetime
    shift_id: str  # the open event's id (the open event names itself)
    shift_no: int
    event: str  # open | handover | close
    operator: str
    float_amount: int | None = None
    counted: int | None = None
    expected: int | None = None
    counts: str | None = None  # canonical JSON of the denomination count
    reason: str | None = None
    note: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> ShiftEntry:
        """From a row with entries' columns and shift_events' as verify labels them
        (``shift_of``, ``shift_at``, ``shift_operator``, ``shift_reason``, ``shift_note``)."""
        return cls(
            id=row.id,
            kiosk_id=row.kiosk_id,
            seq=row.seq,
            prev_hash=row.prev_hash,
            created_at=row.shift_at,
            shift_id=row.shift_of,
            shift_no=row.shift_no,
            event=row.event,
            operator=row.shift_operator,
            float_amount=row.float_amount,
            counted=row.counted,
            expected=row.expected,
            counts=row.counts,
            reason=row.shift_reason,
            note=row.shift_note,
        )

    def fields(self) -> dict[str, Any]:
        """What the hash covers (see SaleEntry.fields)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "kiosk": self.kiosk_id,
            "seq": self.seq,
            "prev": self.prev_hash,
            "at": canonical_time(self.created_at),
            "shift": self.shift_id,
            "no": self.shift_no,
            "event": self.event,
            "operator": self.operator,
            "float": self.float_amount,
            "counted": self.counted,
            "expected": self.expected,
            "counts": self.counts,
            "reason": self.reason,
            "note": self.note,
        }

    def hash(self) -> str:
        return entry_hash(self.fields())

    def shift_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "shift_id": self.shift_id,
            "shift_no": self.shift_no,
            "event": self.event,
            "created_at": self.created_at,
            "operator": self.operator,
            "float_amount": self.float_amount,
            "counted": self.counted,
            "expected": self.expected,
            "counts": self.counts,
            "reason": self.reason,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class PayoutEntry:
    """Money handed to a UMKM, an advance, or the reversal of an earlier payout."""

    kind: ClassVar[str] = "payout"

    id: str
    kiosk_id: str
    seq: int
    prev_hash: str
    created_at: dt.datetime
    kode_umkm: str
    amount: int
    payout_kind: str  # payout | advance | reversal
    reverses: str | None
    note: str
    paid_by: str
    shift_id: str | None = None  # paid from the till during this shift

    @classmethod
    def from_row(cls, row: Any) -> PayoutEntry:
        """From a row with entries' columns and payouts' as verify labels them
        (``payout_at``, ``payout_umkm``, ``payout_kind``, ``payout_note``, ``payout_shift``)."""
        return cls(
            id=row.id,
            kiosk_id=row.kiosk_id,
            seq=row.seq,
            prev_hash=row.prev_hash,
            created_at=row.payout_at,
            kode_umkm=row.payout_umkm,
            amount=row.amount,
            payout_kind=row.payout_kind,
            reverses=row.reverses,
            note=row.payout_note,
            paid_by=row.paid_by,
            shift_id=row.payout_shift,
        )

    def fields(self) -> dict[str, Any]:
        """What the hash covers (see SaleEntry.fields)."""
        return {
            "kind": self.kind,
            "id": self.id,
            "kiosk": self.kiosk_id,
            "seq": self.seq,
            "prev": self.prev_hash,
            "at": canonical_time(self.created_at),
            "umkm": self.kode_umkm,
            "amount": self.amount,
            "type": self.payout_kind,
            "reverses": self.reverses,
            "note": self.note,
            "by": self.paid_by,
            "shift": self.shift_id,
        }

    def hash(self) -> str:
        return entry_hash(self.fields())

    def payout_row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "kode_umkm": self.kode_umkm,
            "amount": self.amount,
            "kind": self.payout_kind,
            "reverses": self.reverses,
            "note": self.note,
            "paid_by": self.paid_by,
            "shift_id": self.shift_id,
        }


AnyEntry = SaleEntry | VoidEntry | ShiftEntry | PayoutEntry


def entry_row(entry: AnyEntry, digest: str, mac: str) -> dict[str, Any]:
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
