"""The tamper-evident chain: each entry's hash covers its canonical encoding and the hash of
the entry before it (per kiosk), so editing, deleting or reordering an entry breaks the chain
from there on.

What a chain alone cannot show is the removal of its newest entries: the shortened chain is
still consistent. That is why every receipt's QR carries the first 12 hex digits of its entry's
hash, and ``jikubata ledger verify`` prints each chain's newest entry: paper outside the
database to compare against."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

GENESIS_HASH = "0" * 64
ENCODING_VERSION = 1


def canonical_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(fields: dict[str, Any]) -> str:
    """SHA-256 over sorted-key, compact JSON: the same bytes on every platform and database."""
    payload = json.dumps(
        {"v": ENCODING_VERSION, **fields}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def sale_fields(
    *,
    entry_id: str,
    kiosk_id: str,
    seq: int,
    prev_hash: str,
    created_at: dt.datetime,
    nip: str | None,
    operator: str,
    payment_method: str,
    cash_given: int | None,
    total: int,
    source: str,
    note: str | None,
    lines: Sequence[tuple[str, str | None, str, int, int]],
) -> dict[str, Any]:
    return {
        "kind": "sale",
        "id": entry_id,
        "kiosk": kiosk_id,
        "seq": seq,
        "prev": prev_hash,
        "at": canonical_time(created_at),
        "nip": nip,
        "operator": operator,
        "method": payment_method,
        "cash": cash_given,
        "total": total,
        "source": source,
        "note": note,
        "lines": [list(line) for line in lines],
    }


def void_fields(
    *,
    entry_id: str,
    kiosk_id: str,
    seq: int,
    prev_hash: str,
    created_at: dt.datetime,
    sale_id: str,
    reason: str,
    voided_by: str,
) -> dict[str, Any]:
    return {
        "kind": "void",
        "id": entry_id,
        "kiosk": kiosk_id,
        "seq": seq,
        "prev": prev_hash,
        "at": canonical_time(created_at),
        "sale": sale_id,
        "reason": reason,
        "by": voided_by,
    }
