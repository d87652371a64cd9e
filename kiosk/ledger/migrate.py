"""Bring the database schema to the newest revision, copying the database file first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .backup import backup_sqlite
from .engine import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


class UnknownSchema(RuntimeError):
    """The database was migrated by a newer jikubata than this one."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


def migrate(db: Database, backup_folder: Path | None) -> MigrationResult:
    """Upgrade to head. An existing SQLite database is copied into ``backup_folder`` first,
    so a migration that goes wrong can always be undone by restoring that file."""
    before = current_revision(db)
    head = head_revision()
    backup = None
    if before == head:
        return MigrationResult(before, head, None)
    known = {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    if before is not None and before not in known:
        # Rolled-back software on a database a newer version migrated: touch nothing.
        raise UnknownSchema(
            f"the database {db.engine.url.render_as_string(hide_password=True)} has schema "
            f"{before}, newer than this jikubata knows ({head}); update jikubata, or restore a "
            "backup made by this version"
        )
    if before is not None and db.is_sqlite and backup_folder is not None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backup_sqlite(db, backup_folder / f"ledger-before-{head}-{stamp}.db")
    config = alembic_config()
    with db.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return MigrationResult(before, head, backup)
