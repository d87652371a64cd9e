"""For `jikubata doctor`: can the ledger be opened, is it at the current schema, does SQLite's
quick_check pass? Reads only: never creates, migrates or writes a database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from .engine import Database, create_ledger_engine
from .migrate import current_revision, head_revision


@dataclass(frozen=True)
class LedgerHealth:
    where: str  # the URL without a password
    error: str | None  # could not be opened (None: it was)
    revision: str | None = None
    head: str = ""
    quick_check: str | None = None  # "ok", the first problem, or None (not SQLite)


def ledger_health(url: str) -> LedgerHealth:
    parsed = make_url(url)
    where = parsed.render_as_string(hide_password=True)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite and (not parsed.database or not Path(parsed.database).is_file()):
        return LedgerHealth(where, "there is no database file", head=head_revision())
    try:
        db = Database(create_ledger_engine(url))
    except (ImportError, SQLAlchemyError) as error:
        return LedgerHealth(where, str(error).splitlines()[0], head=head_revision())
    try:
        revision = current_revision(db)
        check = None
        if db.is_sqlite:
            with db.engine.connect() as connection:
                rows = connection.exec_driver_sql("PRAGMA quick_check").fetchall()
            check = str(rows[0][0]) if rows else "no answer"
        return LedgerHealth(where, None, revision, head_revision(), check)
    except SQLAlchemyError as error:
        reason = getattr(error, "orig", None) or error
        return LedgerHealth(where, str(reason).splitlines()[0], head=head_revision())
    finally:
        db.dispose()
