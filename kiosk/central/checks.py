"""``jikubata central verify``: every kiosk's chain as central holds it, continuity with the
head verified last time, the kiosks that have not pushed for a while, and the push alarms.

Central holds no ledger key (each kiosk's stays on the kiosk), so the entries' MACs are not
checked here: ``ledger verify`` on each kiosk checks them. What central can check is that each
chain is whole (every entry's hash recomputed from its rows, each pointing at the one before,
numbers without gaps from 1) and that nothing verified before has vanished or changed since:
the newest verified entry of each kiosk is kept in ``central_verified_heads``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text

from ..domain.records import sale_number
from ..ledger.chain import GENESIS_HASH
from ..ledger.triggers import trigger_problems
from ..ledger.verify import BrokenEntry, ChainHead, _database_problems, _recomputed_hash, _walk

# Kept by this command until cpush's central_kiosks has a column for it (see the report).
VERIFIED_HEADS = "central_verified_heads"
_CREATE_HEADS = text(
    f"CREATE TABLE IF NOT EXISTS {VERIFIED_HEADS} ("
    "kiosk_id VARCHAR(16) PRIMARY KEY, seq INTEGER NOT NULL, entry_hash VARCHAR(64) NOT NULL, "
    "verified_at TIMESTAMP WITH TIME ZONE NOT NULL)"
)
_SAVE_HEAD = text(
    f"INSERT INTO {VERIFIED_HEADS} (kiosk_id, seq, entry_hash, verified_at) "
    "VALUES (:kiosk_id, :seq, :entry_hash, :at) ON CONFLICT (kiosk_id) DO UPDATE SET "
    "seq = excluded.seq, entry_hash = excluded.entry_hash, verified_at = excluded.verified_at"
)


@dataclass(frozen=True)
class KioskCheck:
    kiosk_id: str
    entries: int
    head: ChainHead | None  # None: nothing of this kiosk on central
    broken: BrokenEntry | None = None
    continuity: str | None = None  # the head verified last time is gone or changed
    last_push_at: dt.datetime | None = None  # central_kiosks, else the newest entry's time
    stale: bool = False
    alarm: str | None = None
    alarm_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None and self.continuity is None and self.alarm is None


@dataclass(frozen=True)
class CentralReport:
    kiosks: tuple[KioskCheck, ...]
    problems: tuple[str, ...]  # orphan rows, triggers: the database as a whole
    push_times_from: str  # "central_kiosks" or "entries"

    @property
    def ok(self) -> bool:
        return not self.problems and all(k.ok for k in self.kiosks)

    @property
    def entries(self) -> int:
        return sum(k.entries for k in self.kiosks)


def _has_table(connection: Connection, name: str) -> bool:
    return (
        connection.execute(text("SELECT to_regclass(:name)"), {"name": name}).scalar() is not None
    )


def _entry_time(row: Any) -> dt.datetime | None:
    return row.created_at or row.void_at or row.shift_at or row.payout_at


@dataclass
class _Chain:
    kiosk_id: str
    entries: int = 0
    expected_seq: int = 1
    expected_prev: str = GENESIS_HASH
    head: ChainHead | None = None
    broken: BrokenEntry | None = None
    newest_at: dt.datetime | None = None
    hash_at_verified: str | None = None


def _walk_chains(connection: Connection, verified: dict[str, tuple[int, str]]) -> list[_Chain]:
    chains: list[_Chain] = []
    chain: _Chain | None = None
    for rows in _walk(connection):
        head = rows[0]
        if chain is None or head.kiosk_id != chain.kiosk_id:
            chain = _Chain(head.kiosk_id)
            chains.append(chain)
        if chain.broken is not None:
            continue  # the first break of each kiosk is what it reports
        chain.entries += 1
        digest, problem = _recomputed_hash(rows)
        if head.seq != chain.expected_seq:
            problem = f"entry {sale_number(head.kiosk_id, chain.expected_seq)} is missing before it"
        elif head.prev_hash != chain.expected_prev:
            problem = "it does not point at the entry before it"
        elif problem is None and digest != head.entry_hash:
            problem = "its contents do not match its hash (edited after it was written)"
        if problem:
            chain.broken = BrokenEntry(head.kiosk_id, head.seq, head.id, problem)
            continue
        chain.expected_seq, chain.expected_prev = head.seq + 1, head.entry_hash
        chain.head = ChainHead(head.kiosk_id, head.seq, head.entry_hash)
        at = _entry_time(head)
        if at is not None and (chain.newest_at is None or at > chain.newest_at):
            chain.newest_at = at
        if verified.get(head.kiosk_id, (0, ""))[0] == head.seq:
            chain.hash_at_verified = head.entry_hash
    return chains


def _continuity(chain: _Chain | None, kiosk_id: str, verified: tuple[int, str]) -> str | None:
    seq, digest = verified
    number = sale_number(kiosk_id, seq)
    line = f"{kiosk_id}:{seq}:{digest[:12].upper()}"
    if chain is None or chain.head is None or chain.head.seq < seq:
        if chain is not None and chain.broken is not None and chain.broken.seq <= seq:
            return None  # the break is reported; continuity cannot be judged past it
        return (
            f"the head verified last time ({line}) is gone: central no longer holds entry "
            f"{number}, so entries were deleted on central"
        )
    if chain.hash_at_verified != digest:
        return (
            f"entry {number} no longer has the hash verified last time ({line}): central's copy "
            "was rewritten"
        )
    return None


def _push_facts(connection: Connection) -> dict[str, Any] | None:
    if not _has_table(connection, "central_kiosks"):
        return None
    rows = connection.execute(
        text("SELECT kiosk_id, last_push_at, alarm, alarm_at FROM central_kiosks")
    ).all()
    return {row.kiosk_id: row for row in rows}


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)  # a naive timestamp column holds UTC here


def verify_central(engine: Engine, *, stale_after: dt.timedelta, now: dt.datetime) -> CentralReport:
    """Walk every kiosk's chain on central; then remember each intact head for next time."""
    with engine.begin() as connection:
        connection.execute(_CREATE_HEADS)
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            verified = {
                row.kiosk_id: (row.seq, row.entry_hash)
                for row in connection.execute(
                    text(f"SELECT kiosk_id, seq, entry_hash FROM {VERIFIED_HEADS}")
                )
            }
            problems = _database_problems(connection, False) + trigger_problems(connection)
            chains = {chain.kiosk_id: chain for chain in _walk_chains(connection, verified)}
            pushes = _push_facts(connection)
    checks = list(_checks(chains, verified, pushes, stale_after, now))
    _save_heads(engine, checks, now)
    return CentralReport(
        tuple(checks), tuple(problems), "central_kiosks" if pushes is not None else "entries"
    )


def _checks(
    chains: dict[str, _Chain],
    verified: dict[str, tuple[int, str]],
    pushes: dict[str, Any] | None,
    stale_after: dt.timedelta,
    now: dt.datetime,
) -> Iterable[KioskCheck]:
    names = set(chains) | set(verified) | set(pushes or {})
    for kiosk_id in sorted(names):
        chain = chains.get(kiosk_id)
        push = (pushes or {}).get(kiosk_id)
        if pushes is not None:
            last = _aware(push.last_push_at) if push is not None else None
        else:
            last = chain.newest_at if chain is not None else None
        yield KioskCheck(
            kiosk_id=kiosk_id,
            entries=chain.entries if chain is not None else 0,
            head=chain.head if chain is not None else None,
            broken=chain.broken if chain is not None else None,
            continuity=(
                _continuity(chain, kiosk_id, verified[kiosk_id]) if kiosk_id in verified else None
            ),
            last_push_at=last,
            stale=last is None or now - last > stale_after,
            alarm=push.alarm if push is not None else None,
            alarm_at=_aware(push.alarm_at) if push is not None else None,
        )


def _save_heads(engine: Engine, checks: Iterable[KioskCheck], now: dt.datetime) -> None:
    """Only a chain found whole, continuing the last verified head, moves its head on: a
    broken one keeps the old head, so the next run still compares against it."""
    rows = [
        {"kiosk_id": c.kiosk_id, "seq": c.head.seq, "entry_hash": c.head.entry_hash, "at": now}
        for c in checks
        if c.head is not None and c.broken is None and c.continuity is None
    ]
    if rows:
        with engine.begin() as connection:
            connection.execute(_SAVE_HEAD, rows)
