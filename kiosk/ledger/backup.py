"""Consistent online copies of a SQLite ledger through SQLite's own backup API
(safe while the kiosk keeps selling: it copies a consistent snapshot, pages and WAL alike)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..services.private_files import private_file, private_folder
from .engine import Database


class BackupError(RuntimeError):
    pass


def backup_sqlite(db: Database, target: Path) -> Path:
    if not db.is_sqlite:
        raise BackupError(
            "online backup here is for SQLite; back up PostgreSQL with pg_dump on the server"
        )
    private_folder(target.parent)
    partial = private_file(target.with_name(target.name + ".partial"))  # a copy of NIPs
    raw = db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            check = destination.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise BackupError(f"the copy failed its integrity check: {check}")
        finally:
            destination.close()
    finally:
        raw.close()
    partial.replace(target)  # only a complete, checked copy gets the final name
    return target
