"""The audit log: who did what, append-only and sealed with every row."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, insert

from .engine import ledger_key
from .models import AuditLog
from .seals import SUBJECTS, has_keyed_entries, has_seals, lock_seals, seal, seal_appended

AUDIT_LOG = AuditLog.__table__


def audit(connection: Connection, actor: str, action: str, at: dt.datetime, **detail: Any) -> None:
    """One audit row, and the audit log's seal in the same transaction: whoever writes an
    audit row (a store, a PIN lockout) gets the seal without asking for it."""
    ledger_key(connection).require()  # no key: refuse before writing anything
    lock_seals(connection)  # before the insert: row ids follow the seal order
    row_id = connection.execute(
        insert(AUDIT_LOG),
        {
            "at": at,
            "actor": actor,
            "action": action,
            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        },
    ).inserted_primary_key[0]
    seal_appended(connection, "audit_log", row_id, at)


def seal_first_time(connection: Connection, at: dt.datetime) -> list[str]:
    """Seal every subject's current content, once, when the ledger key first comes into use
    (a new database, or one written before seals existed); says so in the audit log.

    Never again after that: a database that already has seals or MACs and has lost them was
    tampered with, and sealing it afresh would bless the tampering (verify reports it)."""
    if has_seals(connection) or has_keyed_entries(connection):
        return []
    names = list(SUBJECTS)
    audit(connection, "system", "seals_started", at, subjects=names)  # seals audit_log
    for name in names:
        if name != "audit_log":
            seal(connection, name, at)
    return names
