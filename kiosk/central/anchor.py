"""``ledger verify --against-central``: central's copy anchors the kiosk's past. The first
local entry that no longer matches central (another hash for the same number, or a number
central holds and the kiosk has lost) is named; entries central does not hold yet are only
counted (they wait for the next push)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from ..domain.records import sale_number
from ..ledger.engine import Database
from ..ledger.models import Entry

ENTRIES = Entry.__table__


@dataclass(frozen=True)
class AnchorReport:
    kiosk_id: str
    compared: int  # entries both hold, matching up to the first mismatch
    not_on_central: int  # local entries newer than central's copy: not pushed yet
    mismatch: str | None  # one sentence naming the first entry that differs

    @property
    def ok(self) -> bool:
        return self.mismatch is None


def _hashes(connection, kiosk_id: str) -> dict[int, str]:  # type: ignore[no-untyped-def]
    rows = connection.execute(
        select(ENTRIES.c.seq, ENTRIES.c.entry_hash)
        .where(ENTRIES.c.kiosk_id == kiosk_id)
        .order_by(ENTRIES.c.seq)
    )
    return {row.seq: row.entry_hash for row in rows}


def compare_with_central(local: Database, central: Engine, kiosk_id: str) -> AnchorReport:
    """Raises SQLAlchemy's DBAPIError when central cannot be read."""
    with central.connect() as connection, connection.begin():
        theirs = _hashes(connection, kiosk_id)
    with local.read() as connection:
        ours = _hashes(connection, kiosk_id)
    compared = 0
    for seq in sorted(theirs.keys() | ours.keys()):
        here, there = ours.get(seq), theirs.get(seq)
        if here is None and there is None:
            continue
        number = f"{sale_number(kiosk_id, seq)} ({kiosk_id}:{seq})"
        if there is None:
            continue  # not pushed yet: counted below
        if here is None:
            return AnchorReport(
                kiosk_id,
                compared,
                0,
                f"entry {number} is on central but no longer in this kiosk's ledger: "
                "the kiosk lost it (deleted, or restored from an older backup)",
            )
        if here != there:
            return AnchorReport(
                kiosk_id,
                compared,
                0,
                f"entry {number} differs from central's copy (hash {here[:12].upper()} here, "
                f"{there[:12].upper()} on central): one of them was rewritten",
            )
        compared += 1
    waiting = sum(1 for seq in ours if seq not in theirs)
    return AnchorReport(kiosk_id, compared, waiting, None)
