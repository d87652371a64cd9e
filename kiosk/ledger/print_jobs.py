"""The print queue's storage: jobs survive a restart, so a receipt is never silently lost."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, insert, or_, select, update

from ..services.printing_ports import FAILED, PENDING, PRINTED, PRINTING, SUPERSEDED
from .engine import Database
from .models import PrintJob

JOBS = PrintJob.__table__
UNFINISHED = (PENDING, PRINTING, FAILED)


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
        with self._db.write() as connection:
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
