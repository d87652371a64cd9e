"""Check the evidence: every kiosk's hash chain and each entry's MAC under the ledger key, the
seals over the tables outside the chain, the append-only triggers, a head written down
earlier (``--expect-head``), and the database's own integrity checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, func, select

from ..domain.records import sale_number
from .chain import GENESIS_HASH
from .engine import Database
from .entries import LineFields, PayoutEntry, SaleEntry, ShiftEntry, VoidEntry
from .ledger_key import LedgerKey
from .models import Entry, Payout, Sale, SaleLine, ShiftEvent, Void
from .seals import check_seals
from .triggers import trigger_problems

ENTRIES = Entry.__table__
SALES = Sale.__table__
LINES = SaleLine.__table__
VOIDS = Void.__table__
SHIFTS = ShiftEvent.__table__
PAYOUTS = Payout.__table__


@dataclass(frozen=True)
class BrokenEntry:
    kiosk_id: str
    seq: int
    entry_id: str | None
    reason: str

    @property
    def number(self) -> str:
        return sale_number(self.kiosk_id, self.seq)

    def describe(self) -> str:
        return f"entry {self.number} ({self.entry_id or 'missing'}): {self.reason}"


@dataclass(frozen=True)
class ChainHead:
    kiosk_id: str
    seq: int
    entry_hash: str

    @property
    def number(self) -> str:
        return sale_number(self.kiosk_id, self.seq)

    @property
    def line(self) -> str:
        """``KIOSK_ID:SEQ:HASH12``, the hash as the receipt's QR shows it (upper case)."""
        return f"{self.kiosk_id}:{self.seq}:{self.entry_hash[:12].upper()}"


_HEAD = re.compile(r"([A-Z0-9][A-Z0-9-]{0,15}):(\d{1,9}):([0-9A-Fa-f]{12})")


@dataclass(frozen=True)
class ExpectedHead:
    """A head written down earlier; it must still be in the chain with that hash."""

    kiosk_id: str
    seq: int
    hash12: str

    @classmethod
    def parse(cls, text: str) -> ExpectedHead:
        match = _HEAD.fullmatch(text.strip())
        if not match:
            raise ValueError(
                f"'{text}' is not a head like AMB-01:123:0A1B2C3D4E5F "
                "(kiosk id, sequence number, 12 hex digits, as 'ledger verify' prints it)"
            )
        return cls(match.group(1), int(match.group(2)), match.group(3).upper())

    @property
    def line(self) -> str:
        return f"{self.kiosk_id}:{self.seq}:{self.hash12}"


@dataclass(frozen=True)
class VerifyReport:
    entries_checked: int
    kiosks: int
    first_broken: BrokenEntry | None
    database_problems: tuple[str, ...]
    heads: tuple[ChainHead, ...] = ()  # each chain's newest entry, to compare with paper
    evidence_problems: tuple[str, ...] = ()  # seals and triggers
    head_problem: str | None = None  # --expect-head
    key_present: bool = True  # False: MACs and seal MACs could not be checked
    unkeyed_entries: int = 0  # written before the ledger key existed (a prefix per chain)
    seals: int = 0

    @property
    def ok(self) -> bool:
        """Nothing found wrong (with ``key_present`` False, only what could be checked)."""
        return (
            self.first_broken is None
            and not self.database_problems
            and not self.evidence_problems
            and self.head_problem is None
        )


def _database_problems(connection: Connection, is_sqlite: bool) -> list[str]:
    problems: list[str] = []
    if is_sqlite:
        for (line,) in connection.exec_driver_sql("PRAGMA integrity_check"):
            if line != "ok":
                problems.append(f"integrity_check: {line}")
        for row in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"foreign key broken in table {row[0]} (row {row[1]})")
    # Rows that hang on nothing: each is what an INSERT-only forgery would leave behind.
    for table, key, parent, parent_key, what in (
        (SALES, SALES.c.id, ENTRIES, ENTRIES.c.id, "sale row(s) have no ledger entry"),
        (VOIDS, VOIDS.c.id, ENTRIES, ENTRIES.c.id, "void row(s) have no ledger entry"),
        (LINES, LINES.c.sale_id, SALES, SALES.c.id, "sale line(s) belong to no sale"),
        (SHIFTS, SHIFTS.c.id, ENTRIES, ENTRIES.c.id, "shift event(s) have no ledger entry"),
        (PAYOUTS, PAYOUTS.c.id, ENTRIES, ENTRIES.c.id, "payout(s) have no ledger entry"),
    ):
        count = connection.execute(
            select(func.count())
            .select_from(table)
            .outerjoin(parent, parent_key == key)
            .where(parent_key.is_(None))
        ).scalar_one()
        if count:
            problems.append(f"{count} {what}")
    return problems


def _walk(connection: Connection) -> Iterator[list[Any]]:
    """Rows of the whole ledger in chain order; one group of rows (one per line) per entry."""
    query = (
        select(
            ENTRIES.c.id,
            ENTRIES.c.kiosk_id,
            ENTRIES.c.seq,
            ENTRIES.c.kind,
            ENTRIES.c.prev_hash,
            ENTRIES.c.entry_hash,
            ENTRIES.c.entry_mac,
            SALES.c.id.label("sale_row"),
            SALES.c.created_at,
            SALES.c.nip,
            SALES.c.operator,
            SALES.c.payment_method,
            SALES.c.cash_given,
            SALES.c.total,
            SALES.c.source,
            SALES.c.note,
            SALES.c.identified_by,
            SALES.c.shift_id,
            LINES.c.kode_umkm,
            LINES.c.sku,
            LINES.c.description,
            LINES.c.unit_price,
            LINES.c.quantity,
            LINES.c.subtotal,
            VOIDS.c.id.label("void_row"),
            VOIDS.c.sale_id,
            VOIDS.c.created_at.label("void_at"),
            VOIDS.c.reason,
            VOIDS.c.voided_by,
            SHIFTS.c.id.label("shift_row"),
            SHIFTS.c.shift_id.label("shift_of"),
            SHIFTS.c.shift_no,
            SHIFTS.c.event,
            SHIFTS.c.created_at.label("shift_at"),
            SHIFTS.c.operator.label("shift_operator"),
            SHIFTS.c.float_amount,
            SHIFTS.c.counted,
            SHIFTS.c.expected,
            SHIFTS.c.counts,
            SHIFTS.c.reason.label("shift_reason"),
            SHIFTS.c.note.label("shift_note"),
            PAYOUTS.c.id.label("payout_row"),
            PAYOUTS.c.created_at.label("payout_at"),
            PAYOUTS.c.kode_umkm.label("payout_umkm"),
            PAYOUTS.c.amount,
            PAYOUTS.c.kind.label("payout_kind"),
            PAYOUTS.c.reverses,
            PAYOUTS.c.note.label("payout_note"),
            PAYOUTS.c.paid_by,
            PAYOUTS.c.shift_id.label("payout_shift"),
        )
        .outerjoin(SALES, SALES.c.id == ENTRIES.c.id)
        .outerjoin(LINES, LINES.c.sale_id == SALES.c.id)
        .outerjoin(VOIDS, VOIDS.c.id == ENTRIES.c.id)
        .outerjoin(SHIFTS, SHIFTS.c.id == ENTRIES.c.id)
        .outerjoin(PAYOUTS, PAYOUTS.c.id == ENTRIES.c.id)
        .order_by(ENTRIES.c.kiosk_id, ENTRIES.c.seq, LINES.c.line_no)
    )
    result = connection.execution_options(yield_per=5000).execute(query)
    for _, rows in groupby(result, key=lambda r: r.id):
        yield list(rows)


def _recomputed_hash(rows: list[Any]) -> tuple[str | None, str | None]:
    """(hash, problem) for one entry from what the tables hold now."""
    head = rows[0]
    own_row = {"sale": "sale_row", "void": "void_row", "shift": "shift_row", "payout": "payout_row"}
    if head.kind not in own_row:
        return None, f"unknown entry kind {head.kind!r}"
    if getattr(head, own_row[head.kind]) is None:
        return None, f"its {head.kind} row is missing"
    for kind, column in own_row.items():
        if kind != head.kind and getattr(head, column) is not None:
            return None, f"a {kind} row was attached to this {head.kind}'s entry"
    if head.kind == "shift":
        return ShiftEntry.from_row(head).hash(), None
    if head.kind == "payout":
        return PayoutEntry.from_row(head).hash(), None
    if head.kind == "sale":
        line_rows = [r for r in rows if r.kode_umkm is not None]
        if any(r.subtotal != r.unit_price * r.quantity for r in line_rows):
            return None, "a line's subtotal is not quantity × price"
        if sum(r.subtotal for r in line_rows) != head.total:
            return None, "its total is not the sum of its lines"
        return SaleEntry.from_row(head, map(LineFields.from_row, line_rows)).hash(), None
    return VoidEntry(
        id=head.id,
        kiosk_id=head.kiosk_id,
        seq=head.seq,
        prev_hash=head.prev_hash,
        created_at=head.void_at,
        sale_id=head.sale_id,
        reason=head.reason,
        voided_by=head.voided_by,
    ).hash(), None


class _MacRule:
    """Which entries may lack a MAC: on this kiosk's chain, only those before its first keyed
    entry (written before the ledger key existed); on any other kiosk id, none."""

    def __init__(self, own_kiosk: str, key: LedgerKey) -> None:
        self.own_kiosk = own_kiosk
        self.key = key
        self.unkeyed = 0
        self._keyed_seen = False

    def new_chain(self) -> None:
        self._keyed_seen = False

    def problem(self, kiosk: str, digest: str, mac: str | None) -> str | None:
        foreign = kiosk != self.own_kiosk
        if mac is None:
            if foreign:
                return (
                    f"kiosk id {kiosk} is not this kiosk's ({self.own_kiosk}) and its entry "
                    "has no MAC: forged"
                )
            if self._keyed_seen:
                return "it has no MAC, though entries before it have one (forged)"
            self.unkeyed += 1
            return None
        self._keyed_seen = True
        if self.key.present and not self.key.matches(digest, mac):
            if foreign:
                return (
                    f"kiosk id {kiosk} is not this kiosk's ({self.own_kiosk}) and its MAC is "
                    "wrong: forged"
                )
            return "its MAC is wrong (written or rewritten without this kiosk's ledger key)"
        return None


def _head_problem(connection: Connection, expected: ExpectedHead) -> str | None:
    found = connection.execute(
        select(ENTRIES.c.entry_hash).where(
            ENTRIES.c.kiosk_id == expected.kiosk_id, ENTRIES.c.seq == expected.seq
        )
    ).scalar()
    number = sale_number(expected.kiosk_id, expected.seq)
    if found is None:
        return (
            f"expected head {expected.line}: entry {number} is missing, so the ledger was "
            "truncated after that head was written down"
        )
    if found[:12].upper() != expected.hash12:
        return (
            f"expected head {expected.line}: entry {number} now has hash "
            f"{found[:12].upper()}, so it was rewritten"
        )
    return None


def verify_ledger(
    db: Database,
    *,
    kiosk_id: str,
    key: LedgerKey,
    expect_head: ExpectedHead | None = None,
) -> VerifyReport:
    checked = 0
    kiosks: set[str] = set()
    heads: dict[str, ChainHead] = {}
    first_broken: BrokenEntry | None = None
    macs = _MacRule(kiosk_id, key)
    with db.read() as connection:
        problems = _database_problems(connection, db.is_sqlite)
        evidence = trigger_problems(connection)
        seals = check_seals(connection, key)
        evidence.extend(seals.problems)
        head_problem = _head_problem(connection, expect_head) if expect_head else None
        kiosk, expected_seq, expected_prev = None, 1, GENESIS_HASH
        for rows in _walk(connection):
            head = rows[0]
            if head.kiosk_id != kiosk:
                kiosk, expected_seq, expected_prev = head.kiosk_id, 1, GENESIS_HASH
                kiosks.add(kiosk)
                macs.new_chain()
            checked += 1
            digest, problem = _recomputed_hash(rows)
            if head.seq != expected_seq:
                problem = f"entry {sale_number(kiosk, expected_seq)} is missing before it"
            elif head.prev_hash != expected_prev:
                problem = "it does not point at the entry before it"
            elif problem is None and digest != head.entry_hash:
                problem = "its contents do not match its hash (edited after it was written)"
            elif problem is None:
                problem = macs.problem(kiosk, head.entry_hash, head.entry_mac)
            if problem:
                first_broken = BrokenEntry(head.kiosk_id, head.seq, head.id, problem)
                break
            expected_seq, expected_prev = head.seq + 1, head.entry_hash
            heads[kiosk] = ChainHead(kiosk, head.seq, head.entry_hash)
    if kiosk_id not in heads and first_broken is None:
        heads[kiosk_id] = ChainHead(kiosk_id, 0, GENESIS_HASH)  # nothing sold yet
    ordered = sorted(heads.values(), key=lambda h: (h.kiosk_id != kiosk_id, h.kiosk_id))
    return VerifyReport(
        entries_checked=checked,
        kiosks=len(kiosks),
        first_broken=first_broken,
        database_problems=tuple(problems),
        heads=tuple(ordered),
        evidence_problems=tuple(evidence),
        head_problem=head_problem,
        key_present=key.present,
        unkeyed_entries=macs.unkeyed,
        seals=seals.seals,
    )
