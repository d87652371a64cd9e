"""What printing looks like to the rest of the kiosk: the printer's problems and state as the
screens show them, and the ports the print worker needs (the queue, a printer connection).
Standard library only, so the screens can show a state without loading any printing code."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# A print job's status, as stored in the queue.
PENDING, PRINTING, PRINTED, FAILED = "pending", "printing", "printed", "failed"
SUPERSEDED = "superseded"  # failed, then a copy of the same receipt printed


class Problem(enum.Enum):
    UNREACHABLE = "unreachable"  # refused, unplugged, no such device
    NO_ANSWER = "no_answer"  # connected, but silent within the timeout
    UNCONFIRMED = "unconfirmed"  # the receipt went out; the printer never confirmed it
    OFFLINE = "offline"  # says it is offline (cover open, error)
    PAPER_OUT = "paper_out"


@dataclass(frozen=True)
class PrinterStatus:
    online: bool | None  # None: this connection cannot tell
    paper: str | None  # "ok" | "low" | "out" | None
    detail: str = ""
    problem: Problem | None = None  # why it is not online with paper, when it could tell


@dataclass(frozen=True)
class QueueState:
    """What the screen's banner needs: is printing healthy, and how much is waiting; and
    which job was tried last with what result (the success screen follows its receipt)."""

    healthy: bool
    unprinted: int
    problem: Problem | None = None
    detail: str = ""
    last_job_id: int | None = None
    last_job_ok: bool | None = None


class QueuedJob(Protocol):
    id: int
    title: str
    attempts: int
    payload: bytes
    preview: str


class PrintQueuePort(Protocol):
    """The print worker's view of the stored queue."""

    def claim_next(
        self,
        now: dt.datetime,
        max_attempts: int,
        job_id: int | None = None,
        claimer: str | None = None,
    ) -> QueuedJob | None: ...
    def recover_interrupted(
        self,
        now: dt.datetime,
        older_than: dt.timedelta,
        claim_gone: Callable[[str | None], bool | None] = ...,
    ) -> int: ...
    def mark_printed(self, job_id: int, at: dt.datetime) -> None: ...
    def mark_failed(
        self, job_id: int, error: str, at: dt.datetime, retry_at: dt.datetime | None
    ) -> None: ...
    def unprinted_count(self) -> int: ...


class PrinterConnection(Protocol):
    """How to reach the printer (the config's printer section has these keys)."""

    connection: str  # file | network | usb | serial | cups | none
    path: Path
    host: str
    port: int
    profile: str
    timeout_seconds: float
    usb_vendor_id: int | None
    usb_product_id: int | None
    serial_device: str
    serial_baudrate: int
    cups_printer: str
    confirm_with_status: bool
