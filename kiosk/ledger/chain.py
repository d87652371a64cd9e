"""The tamper-evident chain: each entry's hash covers its canonical encoding and the hash of
the entry before it (per kiosk), so editing, deleting or reordering an entry breaks the chain
from there on.

The hash has no secret: anyone with the code can recompute it, so each entry also carries a MAC
under the kiosk's ledger key (``ledger_key.py``, checked by ``verify.py``).

What neither can show is the removal of the newest entries: the shortened chain is still
consistent. That is why every receipt's QR carries the first 12 hex digits of its entry's hash,
and ``jikubata ledger verify`` prints ``head KIOSK_ID:SEQ:HASH12`` and checks an earlier one
given with ``--expect-head``: paper outside the database to compare against."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

GENESIS_HASH = "0" * 64
ENCODING_VERSION = 1


def canonical_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_encoding(fields: dict[str, Any]) -> bytes:
    """Sorted-key, compact JSON in UTF-8: the same bytes on every platform and database."""
    payload = json.dumps(
        {"v": ENCODING_VERSION, **fields}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return payload.encode("utf-8")


def entry_hash(fields: dict[str, Any]) -> str:
    """SHA-256 of the canonical encoding; ``fields`` come from kiosk.ledger.entries."""
    return hashlib.sha256(canonical_encoding(fields)).hexdigest()
