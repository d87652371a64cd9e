"""Operators and their PIN hashes (each change audited and sealed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

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
            known = connection.execute(
                select(OPERATORS.c.id).where(OPERATORS.c.name == name)
            ).first()
            values = {"kode_umkm": kode_umkm, "pin_hash": pin_hash, "active": True}
            if known:
                connection.execute(update(OPERATORS).where(OPERATORS.c.name == name), values)
            else:
                connection.execute(insert(OPERATORS), {"name": name, **values})
            audit(connection, actor, "operator", at, name=name, umkm=kode_umkm)
            seal(connection, "operators", at)


def _record(row: Any) -> OperatorRecord:
    return OperatorRecord(
        name=row.name, kode_umkm=row.kode_umkm, pin_hash=row.pin_hash, active=row.active
    )
