"""Entry ids: UUIDv7 (RFC 9562), time-ordered.

Client-generated and globally unique like any UUID, so a central store can take entries from
many kiosks idempotently; time-ordered so that every index keyed by them grows at its right
edge. Random UUIDv4 keys would scatter each sale over random B-tree pages and make every
durable commit write several times as many pages to the WAL."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last = 0


def new_entry_id() -> str:
    global _last
    with _lock:
        # Milliseconds since the epoch, kept strictly increasing within this process even if
        # the wall clock steps back, so ids made here sort in the order they were made.
        millis = max(time.time_ns() // 1_000_000, _last + 1)
        _last = millis
    random = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (random >> 68) << 64
    value |= 0b10 << 62 | (random & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))
