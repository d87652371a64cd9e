"""The engine, the production SQLite pragmas, and read/write transactions.

Writers take ``BEGIN IMMEDIATE`` so two writers never deadlock on a lock upgrade; readers take a
plain deferred ``BEGIN`` so a long export never holds the write lock and never delays a sale.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from .ledger_key import NO_KEY, LedgerKey

BUSY_TIMEOUT_MS = 5000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
_WRITE = "jikubata_write"
_KEY = "jikubata_ledger_key"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module so we can say BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_ledger_engine(url: str, **kwargs: Any) -> Engine:
    # A database error's message would otherwise quote the bound values (NIPs, names, PIN
    # hashes, receipt text), and such errors reach the log and the screen's error path.
    kwargs.setdefault("hide_parameters", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def ledger_key(connection: Connection) -> LedgerKey:
    """The key of the Database whose write transaction this is: how ``audit()`` and the
    stores' seals reach the key without every caller passing it along."""
    return connection.get_execution_options().get(_KEY, NO_KEY)


class Database:
    """Hands out transactions; the only thing services' adapters share. ``key`` is the
    kiosk's ledger key (bootstrap reads it from outside the database); without it the ledger
    can be read but not written."""

    def __init__(self, engine: Engine, key: LedgerKey = NO_KEY) -> None:
        self.engine = engine
        self.key = key

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: True, _KEY: self.key})
            with connection.begin():
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection, connection.begin():
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()
