"""Adding one link to a kiosk's hash chain, for every kind of entry: read the head inside the
write transaction, then insert the ``entries`` row with its hash and MAC. The kind's own row
(sale, void, shift event, payout) is inserted by its store in the same transaction."""

from __future__ import annotations

from sqlalchemy import Connection, insert, text

from .chain import GENESIS_HASH
from .entries import AnyEntry, entry_row
from .fast_sql import FastStatement
from .ledger_key import LedgerKey
from .models import Entry

ENTRIES = Entry.__table__

# Built once: constructing statements per sale costs more than executing them.
_CHAIN_HEAD = text(
    "SELECT seq, entry_hash FROM entries WHERE kiosk_id = :kiosk_id ORDER BY seq DESC LIMIT 1"
)
_PG_KIOSK_LOCK = text("SELECT pg_advisory_xact_lock(hashtext(:kiosk))")
_FAST_HEAD = FastStatement(_CHAIN_HEAD)


def chain_head(connection: Connection, kiosk_id: str) -> tuple[int, str]:
    """(last seq, last hash) of this kiosk's chain; read inside the write transaction.

    SQLite writers already hold the database's write lock (BEGIN IMMEDIATE); on PostgreSQL an
    advisory lock per kiosk serialises writers until commit, so no two get the same seq."""
    if connection.dialect.name == "postgresql":
        connection.execute(_PG_KIOSK_LOCK, {"kiosk": kiosk_id})
    row = _FAST_HEAD.first(connection, {"kiosk_id": kiosk_id})
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def write_link(connection: Connection, key: LedgerKey, entry: AnyEntry) -> str:
    """Insert ``entry``'s chain row (its seq and prev_hash taken from ``chain_head``) and
    return its hash. Refuses, naming the key file, when the ledger key is missing."""
    key.require()
    digest = entry.hash()
    connection.execute(insert(ENTRIES), entry_row(entry, digest, key.mac(digest)))
    return digest
