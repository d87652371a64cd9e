"""Roster history: every import is a complete snapshot with an "as of" date. The roster in force
on a day is the latest snapshot dated on or before it, so importing December's roster never
changes who was on October's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from ..domain.records import RosterPerson
from .audit import audit
from .engine import Database
from .models import RosterEntry, RosterImport
from .seals import seal

IMPORTS = RosterImport.__table__
ENTRIES = RosterEntry.__table__
# roster_entries' columns are named as RosterPerson's fields and selected in their order, so
# a row becomes a person field by field; by name (row._mapping) costs 8x on 10,000 people.
_PERSON_COLUMNS = tuple(ENTRIES.c[name] for name in RosterPerson._fields)


def _person(row: Any) -> RosterPerson:
    return RosterPerson._make(row)


@dataclass(frozen=True)
class RosterSnapshot:
    import_id: int
    as_of: dt.date
    file_name: str
    row_count: int


class RosterStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def _snapshot(connection: Connection, day: dt.date) -> RosterSnapshot | None:
        row = connection.execute(
            select(IMPORTS.c.id, IMPORTS.c.as_of, IMPORTS.c.file_name, IMPORTS.c.row_count)
            .where(IMPORTS.c.as_of <= day)
            .order_by(IMPORTS.c.as_of.desc(), IMPORTS.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        return RosterSnapshot(
            import_id=row.id, as_of=row.as_of, file_name=row.file_name, row_count=row.row_count
        )

    def snapshot_on(self, day: dt.date) -> RosterSnapshot | None:
        with self._db.read() as connection:
            return self._snapshot(connection, day)

    def people_on(self, day: dt.date) -> dict[str, RosterPerson]:
        """Everyone on the roster in force on ``day``, by NIP."""
        with self._db.read() as connection:
            snapshot = self._snapshot(connection, day)
            if snapshot is None:
                return {}
            rows = connection.execute(
                select(*_PERSON_COLUMNS).where(ENTRIES.c.import_id == snapshot.import_id)
            ).all()  # one fetchall rather than a fetch per row: 10,000 people per export
            return {row.nip: _person(row) for row in rows}

    def person_on(self, nip: str, day: dt.date) -> RosterPerson | None:
        with self._db.read() as connection:
            snapshot = self._snapshot(connection, day)
            if snapshot is None:
                return None
            row = connection.execute(
                select(*_PERSON_COLUMNS).where(
                    ENTRIES.c.import_id == snapshot.import_id, ENTRIES.c.nip == nip
                )
            ).first()
            return _person(row) if row else None

    def add_snapshot(
        self,
        people: Sequence[RosterPerson],
        *,
        as_of: dt.date,
        file_name: str,
        file_sha256: str,
        forced: bool,
        actor: str,
        at: dt.datetime,
    ) -> int:
        with self._db.write() as connection:
            import_id = insert_snapshot(
                connection,
                people,
                as_of=as_of,
                file_name=file_name,
                file_sha256=file_sha256,
                forced=forced,
                actor=actor,
                at=at,
            )
        return import_id


def insert_snapshot(
    connection: Connection,
    people: Sequence[RosterPerson],
    *,
    as_of: dt.date,
    file_name: str,
    file_sha256: str,
    forced: bool,
    actor: str,
    at: dt.datetime,
    imported_at: dt.datetime | None = None,
    **detail: Any,
) -> int:
    """One snapshot, its audit row and the roster's seal, inside the caller's write
    transaction: an admin's import and a snapshot pulled from central are sealed alike.
    ``imported_at`` (default ``at``) keeps when central imported a pulled snapshot."""
    import_id = connection.execute(
        insert(IMPORTS),
        {
            "as_of": as_of,
            "file_name": file_name,
            "file_sha256": file_sha256,
            "row_count": len(people),
            "forced": forced,
            "imported_at": imported_at or at,
            "imported_by": actor,
        },
    ).inserted_primary_key[0]
    if people:
        connection.execute(
            insert(ENTRIES),
            [
                {
                    "import_id": import_id,
                    "nip": p.nip,
                    "nama": p.nama,
                    "opd": p.opd,
                    "jabatan": p.jabatan,
                    "tingkat": p.tingkat,
                }
                for p in people
            ],
        )
    audit(
        connection,
        actor,
        "roster_import",
        at,
        file=file_name,
        as_of=as_of,
        rows=len(people),
        forced=forced,
        **detail,
    )
    seal(connection, "roster", at)
    return int(import_id)
