"""Wrong PINs and lockouts per subject (table ``pin_guards``), so a restart keeps a lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..services.pin_guard import GuardState, GuardUpdate
from .engine import Database
from .models import PinGuardState
from .sales_ledger import audit

GUARDS = PinGuardState.__table__


class PinGuardStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def state(self, subject: str) -> GuardState:
        with self._db.read() as connection:
            row = connection.execute(select(GUARDS).where(GUARDS.c.subject == subject)).first()
        return GuardState(row.failures, row.locked_until) if row else GuardState()

    def update(
        self,
        subject: str,
        step: Callable[[GuardState], GuardUpdate],
        *,
        action: str,
        at: dt.datetime,
    ) -> GuardState:
        with self._db.write() as connection:
            _ensure_row(connection, subject)
            # SQLite writers hold the write lock already (BEGIN IMMEDIATE); PostgreSQL locks
            # the row, so two attempts at once are counted one after the other.
            row = connection.execute(
                select(GUARDS).where(GUARDS.c.subject == subject).with_for_update()
            ).one()
            change = step(GuardState(row.failures, row.locked_until))
            connection.execute(
                update(GUARDS).where(GUARDS.c.subject == subject),
                {"failures": change.state.failures, "locked_until": change.state.locked_until},
            )
            if change.audit is not None:
                audit(connection, "kiosk", action, at, **change.audit)
        return change.state


def _ensure_row(connection: Connection, subject: str) -> None:
    values = {"subject": subject, "failures": 0, "locked_until": None}
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    connection.execute(dialect.insert(GUARDS).values(values).on_conflict_do_nothing())
