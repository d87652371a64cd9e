"""Are the append-only triggers still there, and still refusing?

Dropping a trigger to edit a row and putting it back leaves no trace here (the chain, the MACs
and the seals catch the edit); a trigger left dropped, disabled, or replaced by one that lets
everything through makes the next edit silent, so verify names it."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from .models import APPEND_ONLY_TABLES, HISTORY_TABLES, SEAL_TABLES, TILL_TABLES

GUARDED_TABLES = (*APPEND_ONLY_TABLES, *HISTORY_TABLES, *SEAL_TABLES, *TILL_TABLES)
ACTIONS = ("update", "delete")

# PostgreSQL's tgtype bits: BEFORE, and the statement each trigger is for.
_PG_BEFORE, _PG_ACTION = 2, {"delete": 8, "update": 16}
_PG_TRIGGERS = text(
    "SELECT t.tgname AS name, c.relname AS table_name, t.tgenabled AS enabled, "
    "t.tgtype AS kind, t.tgqual IS NULL AS unconditional, p.proname AS function, "
    "p.prosrc AS body "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
    "JOIN pg_proc p ON p.oid = t.tgfoid "
    "WHERE NOT t.tgisinternal AND c.relnamespace = to_regnamespace(current_schema())::oid"
)


def expected_triggers() -> list[tuple[str, str, str]]:
    """(trigger name, table, action) for every guarded table."""
    return [
        (f"{table}_no_{action}", table, action) for table in GUARDED_TABLES for action in ACTIONS
    ]


def _sqlite_refuses(sql: str, table: str, action: str) -> bool:
    """True when the trigger's whole text is BEFORE <action> ON <table>, raising ABORT
    unconditionally (a WHEN clause or another body would let rows through)."""
    words = " ".join(sql.split())
    pattern = (
        rf"CREATE TRIGGER \w+ BEFORE {action} ON \"?{table}\"? "
        r"BEGIN SELECT RAISE\(ABORT, '[^']*'\); END;?"
    )
    return re.fullmatch(pattern, words, re.IGNORECASE) is not None


def _pg_refuses(row: Any, table: str, action: str) -> bool:
    """Enabled, BEFORE <action> ON <table>, no WHEN, and the function that raises."""
    kind = int(row.kind)
    return bool(
        row.table_name == table
        and row.enabled in ("O", "A")
        and kind & _PG_BEFORE
        and kind & _PG_ACTION[action]
        and row.unconditional
        and row.function == "jikubata_append_only"
        and "RAISE EXCEPTION" in row.body.upper()
    )


def trigger_problems(connection: Connection) -> list[str]:
    dialect = connection.dialect.name
    if dialect == "sqlite":
        found = {
            name: sql
            for name, sql in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    elif dialect == "postgresql":
        found = {row.name: row for row in connection.execute(_PG_TRIGGERS)}
    else:
        return []
    problems = []
    for name, table, action in expected_triggers():
        trigger = found.get(name)
        if trigger is None:
            problems.append(
                f"append-only trigger {name} is missing: {action}s on {table} are no longer refused"
            )
            continue
        refuses = (
            _sqlite_refuses(trigger, table, action)
            if dialect == "sqlite"
            else _pg_refuses(trigger, table, action)
        )
        if not refuses:
            problems.append(
                f"append-only trigger {name} was altered or disabled: {action}s on {table} "
                "are no longer refused"
            )
    return problems
