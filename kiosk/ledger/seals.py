"""Seals: keyed digests of the tables that change a month's result or who may act.

The hash chain covers sales and voids. Exemptions, roster snapshots, operators and their PIN
hashes, the admin PIN (kiosk_settings) and the audit log are ordinary rows; without a seal, an
exemption inserted with the sqlite3 shell would change a compliance report and leave no trace.

Each write to one of these subjects writes, in the same transaction, a seal:
``digest`` = SHA-256 of the subject's whole current content in a fixed order (for the
append-only audit log, a hash chain over its rows, so one more row costs one row), and
``mac`` = HMAC(ledger key, subject|digest|previous seal's mac). The seals form one chain over
all subjects, so a seal row deleted or forged breaks the chain; a subject edited outside the
kiosk no longer matches its newest seal. ``pin_guards`` and ``print_jobs`` change all day
without an admin and decide nothing: deliberately not sealed.

One more subject pins the entries written before the ledger key existed (entry_mac NULL): they
are sealed once, when the key is first used, so nulling the MACs later cannot pass as "old".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, Table, insert, select, text

from .chain import canonical_time
from .engine import ledger_key
from .ledger_key import LedgerKey
from .models import AuditLog, Entry, Exemption, KioskSetting, Operator, RosterEntry, RosterImport
from .models import Seal as SealModel

SEALS = SealModel.__table__
UNSEALED_SETTINGS = "central."  # the sync's state (kiosk/central/state.py)
ENTRIES = Entry.__table__
_PG_SEAL_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('jikubata-seals'))")


@dataclass(frozen=True)
class Subject:
    name: str  # as stored in seals.subject
    label: str  # how verify names it: the tables
    parts: tuple[tuple[Table, tuple[Column[Any], ...]], ...]  # (table, order) in digest order
    only_unkeyed: bool = False
    # Append-only, one row per write: the digest is a hash chain over the rows in id order, so
    # a new seal folds the one new row onto the last seal's digest instead of rereading all.
    appended: bool = False
    # Keys (of a key/value table) left out: kiosk_settings' ``central.*`` sync state changes
    # with every sync and proves nothing (central holds what was pushed, and says so).
    unsealed_prefix: str = ""


def _whole(table: Table) -> tuple[Table, tuple[Column[Any], ...]]:
    return table, tuple(table.primary_key.columns)


# The one list of what is sealed. Each store seals its subject after its write.
SUBJECTS: dict[str, Subject] = {
    subject.name: subject
    for subject in (
        Subject("exemptions", "exemptions", (_whole(Exemption.__table__),)),
        Subject(
            "roster",
            "roster (roster_imports, roster_entries)",
            (_whole(RosterImport.__table__), _whole(RosterEntry.__table__)),
        ),
        Subject("operators", "operators (and their PIN hashes)", (_whole(Operator.__table__),)),
        Subject(
            "kiosk_settings",
            "kiosk_settings (the admin PIN hash)",
            (_whole(KioskSetting.__table__),),
            unsealed_prefix=UNSEALED_SETTINGS,
        ),
        Subject("audit_log", "audit_log", (_whole(AuditLog.__table__),), appended=True),
        Subject(
            "unkeyed_entries",
            "entries written before the ledger key (entry_mac NULL)",
            ((ENTRIES, (ENTRIES.c.kiosk_id, ENTRIES.c.seq)),),
            only_unkeyed=True,
        ),
    )
}


def _plain(value: Any) -> Any:
    """The same JSON on SQLite and PostgreSQL: times in UTC as the chain writes them."""
    if isinstance(value, dt.datetime):
        return canonical_time(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _line(row: Any) -> bytes:
    return json.dumps([_plain(v) for v in row], ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def _fold(state: bytes, row: Any) -> bytes:
    return hashlib.sha256(state + _line(row)).digest()


def subject_digest(connection: Connection, name: str) -> str:
    """SHA-256 over every row of the subject's tables, table by table in key order (for an
    appended subject: folded row by row, the same value ``seal_appended`` reaches)."""
    subject = SUBJECTS[name]
    if subject.appended:
        ((table, order),) = subject.parts
        state = hashlib.sha256(f"{table.name}\n".encode()).digest()
        for row in connection.execute(select(table).order_by(*order)):
            state = _fold(state, row)
        return state.hex()
    digest = hashlib.sha256()
    for table, order in subject.parts:
        digest.update(f"{table.name}\n".encode())
        query = select(table).order_by(*order)
        if subject.only_unkeyed:
            query = query.where(table.c.entry_mac.is_(None))
        if subject.unsealed_prefix:
            query = query.where(~table.c.key.startswith(subject.unsealed_prefix, autoescape=True))
        for row in connection.execute(query):
            digest.update(_line(row) + b"\n")
    return digest.hexdigest()


def seal_message(subject: str, digest: str, previous_mac: str) -> str:
    return f"{subject}|{digest}|{previous_mac}"


def lock_seals(connection: Connection) -> None:
    """One seal chain: writers seal one at a time. SQLite's BEGIN IMMEDIATE already does;
    PostgreSQL takes a transaction lock (taken again by the same transaction: no wait)."""
    if connection.dialect.name == "postgresql":
        connection.execute(_PG_SEAL_LOCK)


def _newest(connection: Connection, name: str | None = None) -> Any:
    query = select(SEALS.c.digest, SEALS.c.mac).order_by(SEALS.c.id.desc()).limit(1)
    if name is not None:
        query = query.where(SEALS.c.subject == name)
    return connection.execute(query).first()


def _write_seal(connection: Connection, name: str, digest: str, at: dt.datetime) -> None:
    key = ledger_key(connection)
    previous = _newest(connection)
    connection.execute(
        insert(SEALS),
        {
            "subject": name,
            "digest": digest,
            "mac": key.mac(seal_message(name, digest, previous.mac if previous else "")),
            "sealed_at": at,
        },
    )


def seal(connection: Connection, name: str, at: dt.datetime) -> None:
    """Seal the subject's content as this transaction leaves it. Call after the write."""
    ledger_key(connection).require()
    lock_seals(connection)
    _write_seal(connection, name, subject_digest(connection, name), at)


def seal_appended(connection: Connection, name: str, row_id: int, at: dt.datetime) -> None:
    """Seal an appended subject after its row ``row_id`` was added in this transaction (with
    the seal lock taken before the insert, so ids follow the seal order)."""
    ledger_key(connection).require()
    lock_seals(connection)
    previous = _newest(connection, name)
    if previous is None:
        digest = subject_digest(connection, name)
    else:
        ((table, _),) = SUBJECTS[name].parts
        (id_column,) = table.primary_key.columns
        row = connection.execute(select(table).where(id_column == row_id)).one()
        digest = _fold(bytes.fromhex(previous.digest), row).hex()
    _write_seal(connection, name, digest, at)


def has_seals(connection: Connection) -> bool:
    return connection.execute(select(SEALS.c.id).limit(1)).first() is not None


def has_keyed_entries(connection: Connection) -> bool:
    return (
        connection.execute(
            select(ENTRIES.c.id).where(ENTRIES.c.entry_mac.is_not(None)).limit(1)
        ).first()
        is not None
    )


# --- verify --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SealCheck:
    seals: int
    problems: tuple[str, ...]


def _chain_problem(rows: Iterable[Any], key: LedgerKey) -> str | None:
    previous = ""
    for row in rows:
        if row.subject not in SUBJECTS:
            return f"seals: seal {row.id} names an unknown subject {row.subject!r}"
        message = seal_message(row.subject, row.digest, previous)
        if key.present and not key.matches(message, row.mac):
            return (
                f"seals: seal {row.id} ({row.subject}) does not follow the seal before it: "
                "seals were deleted, edited or written outside the kiosk"
            )
        previous = row.mac
    return None


def check_seals(connection: Connection, key: LedgerKey) -> SealCheck:
    """Every seal follows the one before it (with the key), and every subject's content equals
    its newest seal (the digests need no key: a careless edit is caught even without it)."""
    rows = connection.execute(
        select(
            SEALS.c.id, SEALS.c.subject, SEALS.c.digest, SEALS.c.mac, SEALS.c.sealed_at
        ).order_by(SEALS.c.id)
    ).all()
    if not rows:
        if key.present or has_keyed_entries(connection):
            return SealCheck(0, ("seals: there are none, so they were deleted",))
        return SealCheck(0, ())  # written before seals and never opened with a key since
    problems = []
    chain = _chain_problem(rows, key)
    if chain:
        problems.append(chain)
    newest = {row.subject: row for row in rows}
    for name, subject in SUBJECTS.items():
        row = newest.get(name)
        if row is None:
            problems.append(f"{subject.label} has no seal: its seals were deleted")
        elif subject_digest(connection, name) != row.digest:
            sealed = row.sealed_at.strftime("%Y-%m-%d %H:%M UTC")
            problems.append(
                f"{subject.label} changed outside the kiosk: its content no longer matches "
                f"its newest seal ({sealed})"
            )
    return SealCheck(len(rows), tuple(problems))
