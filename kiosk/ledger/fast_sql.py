"""Statements compiled once per dialect and run straight on the DBAPI cursor of the current
SQLAlchemy transaction.

Only the sale path uses this: it runs on every sale, and SQLAlchemy's per-call work (cache
keys, result set-up, type processing) costs more than SQLite's own insert. The statements are
still built with SQLAlchemy, so they are the same SQL on SQLite and PostgreSQL; what the
caller gives up is type processing, so values must already be what the driver stores (see
``db_time``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement

_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # exactly how SQLAlchemy's DateTime stores on SQLite


def db_time(moment: dt.datetime, dialect: Dialect) -> Any:
    """An aware time as UtcDateTime stores it: naive UTC (text on SQLite)."""
    naive = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return naive.strftime(_SQLITE_TIME) if dialect.name == "sqlite" else naive


class FastStatement:
    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None]] = {}

    def _sql(self, dialect: Dialect) -> tuple[str, tuple[str, ...] | None]:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self._statement.compile(dialect=dialect)
            keys = tuple(compiled.positiontup or ()) if dialect.positional else None
            found = self._compiled[dialect.name] = (compiled.string, keys)
        return found

    def _params(self, connection: Connection, rows: Sequence[Mapping[str, Any]]):  # type: ignore[no-untyped-def]
        sql, keys = self._sql(connection.dialect)
        if keys is None:
            return sql, list(rows)
        return sql, [tuple(row[key] for key in keys) for row in rows]

    def many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        if not rows:
            return
        sql, params = self._params(connection, rows)
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(sql, params)
        finally:
            cursor.close()

    def all(self, connection: Connection, row: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        sql, params = self._params(connection, [row])
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, params[0])
            return cursor.fetchall()
        finally:
            cursor.close()

    def first(self, connection: Connection, row: Mapping[str, Any]) -> tuple[Any, ...] | None:
        sql, params = self._params(connection, [row])
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, params[0])
            return cursor.fetchone()
        finally:
            cursor.close()
