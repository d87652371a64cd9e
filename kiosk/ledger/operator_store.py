"""Operators and their PIN hashes (each change audited and sealed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from .audit import audit
from .engine import Database
from .models import Operator
from .seals import seal

OPERATORS = Operator.__table__


@dataclass(frozen=True)
class OperatorRecord:
    name: str
    kode_umkm: str | None
    pin_hash: str
    active: bool


class OperatorStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[OperatorRecord]:
        with self._db.read() as connection:
            rows = connection.execute(select(OPERATORS).order_by(OPERATORS.c.name)).all()
        return [_record(row) for row in rows]

    def get(self, name: str) -> OperatorRecord | None:
        with self._db.read() as connection:
            row = connection.execute(select(OPERATORS).where(OPERATORS.c.name == name)).first()
        return _record(row) if row else None

    def save(
        self, name: str, kode_umkm: str | None, pin_hash: str, *, actor: str, at: dt.datetime
    ) -> None:
        with self._db.write() as connection:
            upsert_operator(connection, OperatorRecord(name, kode_umkm, pin_hash, True))
            audit(connection, actor, "operator", at, name=name, umkm=kode_umkm)
            seal(connection, "operators", at)


def upsert_operator(connection: Connection, record: OperatorRecord) -> None:
    """Insert or update one operator in the caller's transaction (the caller audits and
    seals)."""
    known = connection.execute(
        select(OPERATORS.c.id).where(OPERATORS.c.name == record.name)
    ).first()
    values = {"kode_umkm": record.kode_umkm, "pin_hash": record.pin_hash, "active": record.active}
    if known:
        connection.execute(update(OPERATORS).where(OPERATORS.c.name == record.name), values)
    else:
        connection.execute(insert(OPERATORS), {"name": record.name, **values})


def _record(row: Any) -> OperatorRecord:
    return OperatorRecord(
        name=row.name, kode_umkm=row.kode_umkm, pin_hash=row.pin_hash, active=row.active
    )
