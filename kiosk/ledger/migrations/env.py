"""Alembic environment: run by kiosk.ledger.migrate with an open connection, or by the
``alembic`` command (developers only) against ``sqlalchemy.url``."""

from alembic import context

from kiosk.ledger.engine import create_ledger_engine
from kiosk.ledger.models import Base

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_ledger_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as fresh:
        _run(fresh)
    engine.dispose()


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    # Batch mode lets later revisions ALTER tables on SQLite by copy-and-move.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
