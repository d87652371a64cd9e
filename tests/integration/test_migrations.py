"""Schema changes: a real upgrade from an older revision, with the copy taken before it."""

from __future__ import annotations

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kiosk.bootstrap import open_kiosk, sqlite_path
from kiosk.ledger.engine import Database, create_ledger_engine
from kiosk.ledger.migrate import alembic_config, current_revision, head_revision
from kiosk.ledger.models import Base


def test_models_and_migrations_describe_the_same_schema(kiosk):
    with kiosk.db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_upgrading_an_old_database_copies_it_first_and_keeps_its_data(settings, clock):
    path = sqlite_path(settings.database_url)
    path.parent.mkdir(parents=True)
    old = Database(create_ledger_engine(settings.database_url))
    config = alembic_config()
    with old.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    assert current_revision(old) == "0001"
    with old.write() as connection:  # a vendor written by the old version
        connection.exec_driver_sql(
            "INSERT INTO vendors VALUES ('UMKM-001', 'Dapur Sagu', 'Ona', '0812', 1)"
        )
    old.dispose()

    with open_kiosk(settings, clock=clock) as kiosk:
        assert (kiosk.migration.from_revision, kiosk.migration.to_revision) == (
            "0001",
            head_revision(),
        )
        backup = kiosk.migration.backup
        assert backup is not None and backup.parent == settings.backup_folder
        assert [v.kode_umkm for v in kiosk.catalog.vendors()] == ["UMKM-001"]
        assert kiosk.print_jobs.unprinted_count() == 0  # the new table exists
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT nama FROM vendors").fetchone() == ("Dapur Sagu",)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()


def test_a_fresh_database_needs_no_backup(kiosk):
    assert kiosk.migration.from_revision is None and kiosk.migration.backup is None
