"""The print queue's storage: jobs survive a restart, so a receipt is never silently lost.

A kiosk sale's receipt job is written in the sale's own transaction, held (no bytes yet,
status 'failed' with no retry: the state of a receipt that may or may not have printed, which
only the operator settles). Once the sale is committed the receipt is laid out and its bytes
fill the held job, which is then pending like any other. If the kiosk dies in between, or the
receipt cannot be made, the held job stays: the banner counts it, the screen asks about it
after a restart, and a reprint settles it. Sales left with no job at all by older versions
get such a held job at start-up (``hold_missing_receipts``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, exists, func, insert, or_, select, update

from ..domain.records import sale_number
from ..services.printing_ports import FAILED, PENDING, PRINTED, PRINTING, SUPERSEDED
from .engine import Database
from .fast_sql import FastStatement, db_time
from .models import Entry, PrintJob, Sale, Void

JOBS = PrintJob.__table__
ENTRIES = Entry.__table__
SALES = Sale.__table__
VOIDS = Void.__table__
UNFINISHED = (PENDING, PRINTING, FAILED)
RECEIPT = "receipt"
HELD_NOTE = "the receipt was never sent (the kiosk stopped before it was queued); reprint it"
_HELD_KEYS = (
    "created_at",
    "updated_at",
    "sale_id",
    "kind",
    "title",
    "payload",
    "preview",
    "status",
    "attempts",
    "next_try_at",
    "last_error",
)
# On the sale path: compiled once, like the sale's own inserts (fast_sql.py says why).
_HOLD = FastStatement(insert(JOBS).values({key: bindparam(key) for key in _HELD_KEYS}))


def hold_receipt_job(connection: Connection, sale_id: str, title: str, at: dt.datetime) -> None:
    """Inside the sale's transaction: its receipt's place in the queue, held until filled."""
    _HOLD.many(connection, [_held_row(sale_id, title, db_time(at, connection.dialect))])


def _held_row(sale_id: str, title: str, at: object) -> dict[str, object]:
    return {
        "created_at": at,
        "updated_at": at,
        "sale_id": sale_id,
        "kind": RECEIPT,
        "title": title,
        "payload": b"",
        "preview": "",
        "status": FAILED,  # with no retry time: never sent by the worker on its own
        "attempts": 0,
        "next_try_at": None,
        "last_error": HELD_NOTE,
    }


_IS_HELD = (JOBS.c.kind == RECEIPT) & (JOBS.c.status == FAILED) & (func.length(JOBS.c.payload) == 0)


@dataclass(frozen=True)
class PrintJobView:
    id: int
    kind: str
    title: str
    sale_id: str | None
    status: str
    attempts: int
    last_error: str | None
    created_at: dt.datetime
    payload: bytes
    preview: str


def _newest_receipt_seq(connection: Connection, kiosk_id: str, page: int = 200) -> int | None:
    """The seq of this kiosk's newest sale with a receipt job: walked from the newest job
    backwards (a join lets the planner scan all of the kiosk's entries instead)."""
    before = None
    while True:
        query = select(JOBS.c.id, JOBS.c.sale_id).where(
            JOBS.c.kind == RECEIPT, JOBS.c.sale_id.is_not(None)
        )
        if before is not None:
            query = query.where(JOBS.c.id < before)
        rows = connection.execute(query.order_by(JOBS.c.id.desc()).limit(page)).all()
        if not rows:
            return None
        seq = connection.execute(
            select(func.max(ENTRIES.c.seq)).where(
                ENTRIES.c.kiosk_id == kiosk_id, ENTRIES.c.id.in_([row.sale_id for row in rows])
            )
        ).scalar()
        if seq is not None:
            return seq
        before = rows[-1].id


class PrintJobStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        *,
        kind: str,
        title: str,
        payload: bytes,
        preview: str,
        sale_id: str | None,
        at: dt.datetime,
    ) -> int:
        """Queue a job. A sale's receipt fills the job held for it at the sale's commit, if
        there is one (in the same transaction), rather than adding a second."""
        with self._db.write() as connection:
            if kind == RECEIPT and sale_id is not None:
                held = connection.execute(
                    select(JOBS.c.id).where(JOBS.c.sale_id == sale_id, _IS_HELD).limit(1)
                ).scalar()
                if held is not None:
                    connection.execute(
                        update(JOBS)
                        .where(JOBS.c.id == held)
                        .values(
                            updated_at=at,
                            title=title,
                            payload=payload,
                            preview=preview,
                            status=PENDING,
                            next_try_at=at,
                            last_error=None,
                        )
                    )
                    return held
            return connection.execute(
                insert(JOBS),
                {
                    "created_at": at,
                    "updated_at": at,
                    "sale_id": sale_id,
                    "kind": kind,
                    "title": title,
                    "payload": payload,
                    "preview": preview,
                    "status": PENDING,
                    "attempts": 0,
                    "next_try_at": at,
                    "last_error": None,
                },
            ).inserted_primary_key[0]

    def claim_next(
        self,
        now: dt.datetime,
        max_attempts: int,
        job_id: int | None = None,
        claimer: str | None = None,
    ) -> PrintJobView | None:
        """Take the oldest due job (or ``job_id``) for printing, atomically: a second worker on
        the same database (say `jikubata printer test` while the kiosk runs) never gets it.
        ``claimer`` names the process, so a restart can tell whether it still lives."""
        due = or_(
            JOBS.c.status == PENDING,
            (JOBS.c.status == FAILED)
            & (JOBS.c.attempts < max_attempts)
            & (JOBS.c.next_try_at <= now),
        )
        query = select(JOBS).where(due).order_by(JOBS.c.id).limit(1)
        if job_id is not None:
            query = select(JOBS).where(JOBS.c.id == job_id, JOBS.c.status == PENDING)
        with self._db.write() as connection:
            row = connection.execute(query).first()
            if row is None:
                return None
            connection.execute(
                update(JOBS)
                .where(JOBS.c.id == row.id)
                .values(status=PRINTING, updated_at=now, claimed_by=claimer and claimer[:64])
            )
        return _view(row)

    def recover_interrupted(
        self,
        now: dt.datetime,
        older_than: dt.timedelta,
        claim_gone: Callable[[str | None], bool | None] = lambda claimed_by: None,
    ) -> int:
        """Jobs left 'printing' by a crash: maybe printed, maybe not. Never resent on their
        own; the operator sees them and reprints if needed. A job whose claimer is gone
        (``claim_gone`` True) is taken back whatever its age, one whose claimer still runs
        (False) never; when that cannot be told (None), a claim older than ``older_than``."""
        with self._db.write() as connection:
            claims = connection.execute(
                select(JOBS.c.id, JOBS.c.claimed_by, JOBS.c.updated_at).where(
                    JOBS.c.status == PRINTING
                )
            ).all()
            stale = now - older_than
            dead = [
                job_id
                for job_id, claimed_by, claimed_at in claims
                if (gone := claim_gone(claimed_by)) or (gone is None and claimed_at < stale)
            ]
            if not dead:
                return 0
            return connection.execute(
                update(JOBS)
                .where(JOBS.c.id.in_(dead), JOBS.c.status == PRINTING)
                .values(
                    status=FAILED,
                    updated_at=now,
                    next_try_at=None,
                    claimed_by=None,
                    last_error="interrupted while printing; reprint if no paper came out",
                )
            ).rowcount

    def hold_missing_receipts(self, kiosk_id: str, at: dt.datetime) -> int:
        """At start-up: a receipt job, held for the operator, for every sale of this kiosk
        rung up after the newest sale that has a receipt job and left with no job at all
        (an older version committed the sale and queued its receipt in two steps). Paper
        imports and voided sales need none. A ledger with no receipt job at all (demo data,
        one from before the print queue) gets none: nobody is waiting for those receipts."""
        with self._db.write() as connection:
            newest = _newest_receipt_seq(connection, kiosk_id)
            if newest is None:
                return 0
            missing = connection.execute(
                select(SALES.c.id, ENTRIES.c.seq)
                .join(ENTRIES, ENTRIES.c.id == SALES.c.id)
                .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
                .where(
                    ENTRIES.c.kiosk_id == kiosk_id,
                    ENTRIES.c.seq > newest,
                    SALES.c.source == "kiosk",
                    VOIDS.c.id.is_(None),
                    ~exists().where(JOBS.c.sale_id == SALES.c.id),
                )
                .order_by(ENTRIES.c.seq)
            ).all()
            for sale_id, seq in missing:
                connection.execute(
                    insert(JOBS), _held_row(sale_id, f"Struk {sale_number(kiosk_id, seq)}", at)
                )
        return len(missing)

    def last_sale_in_doubt(self, kiosk_id: str) -> tuple[int, int] | None:
        """(seq, total) of this kiosk's newest sale when its receipt waits for the operator:
        no job of it printed or on its way, and one failed with no retry (held, interrupted,
        unconfirmed). None when that sale printed, will print, was voided, or there is none."""
        with self._db.read() as connection:
            last = connection.execute(
                select(SALES.c.id, ENTRIES.c.seq, SALES.c.total, VOIDS.c.id.label("void_id"))
                .join(ENTRIES, ENTRIES.c.id == SALES.c.id)
                .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
                .where(ENTRIES.c.kiosk_id == kiosk_id, SALES.c.source == "kiosk")
                .order_by(ENTRIES.c.seq.desc())
                .limit(1)
            ).first()
            if last is None or last.void_id is not None:
                return None
            jobs = connection.execute(
                select(JOBS.c.status, JOBS.c.next_try_at).where(JOBS.c.sale_id == last.id)
            ).all()
        settled_or_coming = any(
            status in (PRINTED, PENDING, PRINTING) or (status == FAILED and retry is not None)
            for status, retry in jobs
        )
        waiting = any(status == FAILED for status, _retry in jobs)
        return (last.seq, last.total) if waiting and not settled_or_coming else None

    def mark_printed(self, job_id: int, at: dt.datetime) -> None:
        with self._db.write() as connection:
            connection.execute(
                update(JOBS)
                .where(JOBS.c.id == job_id)
                .values(
                    status=PRINTED,
                    attempts=JOBS.c.attempts + 1,
                    updated_at=at,
                    last_error=None,
                    next_try_at=None,
                    claimed_by=None,
                )
            )
            # A copy printed: the failed attempts at the same receipt are settled.
            sale_id = connection.execute(select(JOBS.c.sale_id).where(JOBS.c.id == job_id)).scalar()
            if sale_id is not None:
                connection.execute(
                    update(JOBS)
                    .where(JOBS.c.sale_id == sale_id, JOBS.c.status == FAILED, JOBS.c.id < job_id)
                    .values(status=SUPERSEDED, updated_at=at, next_try_at=None)
                )

    def mark_failed(
        self, job_id: int, error: str, at: dt.datetime, retry_at: dt.datetime | None
    ) -> None:
        with self._db.write() as connection:
            connection.execute(
                update(JOBS)
                .where(JOBS.c.id == job_id)
                .values(
                    status=FAILED,
                    attempts=JOBS.c.attempts + 1,
                    updated_at=at,
                    last_error=error[:300],
                    next_try_at=retry_at,
                    claimed_by=None,
                )
            )

    def get(self, job_id: int) -> PrintJobView | None:
        with self._db.read() as connection:
            row = connection.execute(select(JOBS).where(JOBS.c.id == job_id)).first()
        return _view(row) if row else None

    def for_sale(self, sale_id: str) -> list[PrintJobView]:
        with self._db.read() as connection:
            rows = connection.execute(
                select(JOBS).where(JOBS.c.sale_id == sale_id).order_by(JOBS.c.id)
            ).all()
        return [_view(row) for row in rows]

    def unprinted_count(self) -> int:
        with self._db.read() as connection:
            return connection.execute(
                select(func.count()).select_from(JOBS).where(JOBS.c.status.in_(UNFINISHED))
            ).scalar_one()


def _view(row) -> PrintJobView:  # type: ignore[no-untyped-def]
    return PrintJobView(
        id=row.id,
        kind=row.kind,
        title=row.title,
        sale_id=row.sale_id,
        status=row.status,
        attempts=row.attempts,
        last_error=row.last_error,
        created_at=row.created_at,
        payload=bytes(row.payload),
        preview=row.preview,
    )
