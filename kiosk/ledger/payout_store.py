"""Money handed to a UMKM: payouts, advances and reversals, each an entry of the hash chain
(PayoutEntry) with its ``payouts`` row and an audit row, in one write transaction.

A payout is named by its entry's number, like a receipt (``AMB-01-000124``): entry numbers are
shared by every kind, so the number names this payout and nothing else. The balance check
runs inside the write transaction, under the writer's lock, so two admins paying the same
UMKM at once cannot both spend its balance."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.sql import ColumnElement

from ..domain.errors import DomainError
from ..domain.money import format_rupiah
from ..domain.records import parse_sale_number, sale_number
from ..domain.settlement import PayoutError, PayoutKind, PayoutProblem
from ..services.settlement import PayoutRecord
from .audit import audit
from .chain_writer import chain_head, write_link
from .engine import Database
from .entries import PayoutEntry
from .ids import new_entry_id
from .models import Entry, Payout, Vendor

ENTRIES = Entry.__table__
PAYOUTS = Payout.__table__
VENDORS = Vendor.__table__
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# The saldo of a UMKM at a moment, read inside the caller's transaction
# (SettlementQueries.saldo).
Balance = Callable[[Connection, str, dt.datetime], int]

_PAYOUT_ENTRY = ENTRIES.alias("payout_entry")
_REVERSAL = PAYOUTS.alias("reversal")
_REVERSAL_ENTRY = ENTRIES.alias("reversal_entry")
_ORIGINAL_ENTRY = ENTRIES.alias("original_entry")


def _records_query():  # type: ignore[no-untyped-def]
    """Payouts with their number, the UMKM's name, and the numbers of the payout a reversal
    takes back and of the reversal that took a payout back."""
    return (
        select(
            PAYOUTS,
            _PAYOUT_ENTRY.c.kiosk_id,
            _PAYOUT_ENTRY.c.seq,
            VENDORS.c.nama,
            _ORIGINAL_ENTRY.c.kiosk_id.label("original_kiosk"),
            _ORIGINAL_ENTRY.c.seq.label("original_seq"),
            _REVERSAL_ENTRY.c.kiosk_id.label("reversal_kiosk"),
            _REVERSAL_ENTRY.c.seq.label("reversal_seq"),
        )
        .join(_PAYOUT_ENTRY, _PAYOUT_ENTRY.c.id == PAYOUTS.c.id)
        .join(VENDORS, VENDORS.c.kode_umkm == PAYOUTS.c.kode_umkm)
        .outerjoin(_ORIGINAL_ENTRY, _ORIGINAL_ENTRY.c.id == PAYOUTS.c.reverses)
        .outerjoin(_REVERSAL, _REVERSAL.c.reverses == PAYOUTS.c.id)
        .outerjoin(_REVERSAL_ENTRY, _REVERSAL_ENTRY.c.id == _REVERSAL.c.id)
    )


def _record(row: Any) -> PayoutRecord:
    return PayoutRecord(
        id=row.id,
        number=sale_number(row.kiosk_id, row.seq),
        created_at=row.created_at,
        kode_umkm=row.kode_umkm,
        nama_umkm=row.nama,
        amount=row.amount,
        kind=PayoutKind(row.kind),
        note=row.note,
        paid_by=row.paid_by,
        shift_id=row.shift_id,
        reverses=(
            sale_number(row.original_kiosk, row.original_seq) if row.original_kiosk else None
        ),
        reversed_by=(
            sale_number(row.reversal_kiosk, row.reversal_seq) if row.reversal_kiosk else None
        ),
    )


class PayoutStore:
    def __init__(self, db: Database, kiosk_id: str, balance: Balance) -> None:
        self._db = db
        self.kiosk_id = kiosk_id
        self._balance = balance

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
    ) -> PayoutRecord:
        """A payout within the UMKM's balance, or above it as an advance when ``advance``
        confirms it (refused otherwise, naming the balance). Nothing is written on a refusal."""
        at = at.astimezone(dt.UTC)
        with self._db.write() as connection:
            # The chain head first: it takes the writer's lock (an advisory lock on
            # PostgreSQL), so the balance below cannot change before this payout is in.
            seq, prev = chain_head(connection, self.kiosk_id)
            known = connection.execute(
                select(VENDORS.c.kode_umkm).where(VENDORS.c.kode_umkm == kode_umkm)
            ).first()
            if known is None:
                raise PayoutError(
                    PayoutProblem.UNKNOWN_UMKM,
                    f"there is no UMKM '{kode_umkm}' (import it with 'jikubata vendors import')",
                    kode_umkm=kode_umkm,
                )
            balance = self._balance(connection, kode_umkm, at)
            kind = PayoutKind.PAYOUT
            if amount > balance:
                if not advance:
                    raise PayoutError(
                        PayoutProblem.ABOVE_BALANCE,
                        f"{format_rupiah(amount)} is more than {kode_umkm}'s balance of "
                        f"{format_rupiah(balance)}; confirm it as an advance to pay it",
                        kode_umkm=kode_umkm,
                        amount=amount,
                        balance=balance,
                    )
                kind = PayoutKind.ADVANCE
            entry = PayoutEntry(
                id=new_entry_id(),
                kiosk_id=self.kiosk_id,
                seq=seq + 1,
                prev_hash=prev,
                created_at=at,
                kode_umkm=kode_umkm,
                amount=amount,
                payout_kind=kind.value,
                reverses=None,
                note=note,
                paid_by=actor,
                shift_id=shift_id,
            )
            self._write(connection, entry, balance=balance)
            return self._find_by(connection, PAYOUTS.c.id == entry.id)  # type: ignore[return-value]

    def reverse(self, number: str, *, note: str, actor: str, at: dt.datetime) -> PayoutRecord:
        """A new row taking back the payout ``number`` names (same UMKM, same amount). A payout
        is reversed once; a reversal is never reversed (pay again instead)."""
        at = at.astimezone(dt.UTC)
        with self._db.write() as connection:
            seq, prev = chain_head(connection, self.kiosk_id)
            original = self._find(connection, number)
            if original is None:
                raise PayoutError(
                    PayoutProblem.NOT_FOUND, f"there is no payout {number}", number=number
                )
            if original.kind is PayoutKind.REVERSAL:
                raise PayoutError(
                    PayoutProblem.IS_A_REVERSAL,
                    f"{original.number} is itself a reversal and cannot be reversed; "
                    "record a new payout instead",
                    number=original.number,
                )
            if original.reversed_by is not None:
                raise PayoutError(
                    PayoutProblem.ALREADY_REVERSED,
                    f"payout {original.number} was already reversed by {original.reversed_by}",
                    number=original.number,
                    by=original.reversed_by,
                )
            entry = PayoutEntry(
                id=new_entry_id(),
                kiosk_id=self.kiosk_id,
                seq=seq + 1,
                prev_hash=prev,
                created_at=at,
                kode_umkm=original.kode_umkm,
                amount=original.amount,
                payout_kind=PayoutKind.REVERSAL.value,
                reverses=original.id,
                note=note,
                paid_by=actor,
            )
            self._write(connection, entry, reverses=original.number)
            return self._find_by(connection, PAYOUTS.c.id == entry.id)  # type: ignore[return-value]

    def _write(self, connection: Connection, entry: PayoutEntry, **detail: object) -> None:
        write_link(connection, self._db.key, entry)
        connection.execute(insert(PAYOUTS), entry.payout_row())
        action = "payout_reversal" if entry.reverses else "payout"
        audit(
            connection,
            entry.paid_by,
            action,
            entry.created_at,
            number=sale_number(entry.kiosk_id, entry.seq),
            umkm=entry.kode_umkm,
            amount=entry.amount,
            kind=entry.payout_kind,
            note=entry.note,
            **detail,
        )

    # -- reading -------------------------------------------------------------------------------
    def find(self, number: str) -> PayoutRecord | None:
        """By its number (``AMB-01-000124``) or its id."""
        with self._db.read() as connection:
            return self._find(connection, number)

    def _find(self, connection: Connection, number: str) -> PayoutRecord | None:
        text = number.strip().lower()
        if _UUID.fullmatch(text):
            return self._find_by(connection, PAYOUTS.c.id == text)
        try:
            kiosk_id, seq = parse_sale_number(number)
        except DomainError:
            return None  # not a number at all: no payout has it
        return self._find_by(
            connection, (_PAYOUT_ENTRY.c.kiosk_id == kiosk_id) & (_PAYOUT_ENTRY.c.seq == seq)
        )

    def _find_by(self, connection: Connection, where: ColumnElement[bool]) -> PayoutRecord | None:
        row = connection.execute(_records_query().where(where)).first()
        return None if row is None else _record(row)

    def listing(
        self,
        *,
        kode_umkm: str | None = None,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
    ) -> list[PayoutRecord]:
        """Payouts, advances and reversals, oldest first; optionally of one UMKM, made in
        [start, end)."""
        query = _records_query()
        if kode_umkm is not None:
            query = query.where(PAYOUTS.c.kode_umkm == kode_umkm)
        if start is not None:
            query = query.where(PAYOUTS.c.created_at >= start)
        if end is not None:
            query = query.where(PAYOUTS.c.created_at < end)
        query = query.order_by(PAYOUTS.c.created_at, _PAYOUT_ENTRY.c.kiosk_id, _PAYOUT_ENTRY.c.seq)
        with self._db.read() as connection:
            return [_record(row) for row in connection.execute(query)]
