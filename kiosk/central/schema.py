"""The central store: the kiosk's own migrations on PostgreSQL, plus what only central has
(``central_kiosks``, a login role per kiosk, row-level security). Everything here runs as
the owner (the ``--owner-url`` role), who owns the tables and so is not bound by RLS.

Roles are cluster-wide, but one cluster may hold several central databases (and the tests
make one per test), so every role is named after the database: ``<db>_kiosk`` is the group
of kiosk logins, ``<db>_kiosk_amb_01`` the login of kiosk AMB-01."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from ..ledger.engine import Database, create_ledger_engine
from ..ledger.migrate import migrate

# What a kiosk pushes (its chain's rows) and what it may read to pull (reference data).
PUSHED_TABLES = ("entries", "sales", "sale_lines", "voids", "shift_events", "payouts")
PULLED_TABLES = (
    "roster_imports",
    "roster_entries",
    "vendors",
    "products",
    "exemptions",
    "operators",
)
# Each pushed row belongs to the entry named by this column (entries: itself).
_ENTRY_COLUMN = {
    "sales": "id",
    "sale_lines": "sale_id",
    "voids": "id",
    "shift_events": "id",
    "payouts": "id",
}


class CentralError(RuntimeError):
    """Something an admin must fix on the central store; one sentence."""


def group_role(database: str) -> str:
    return f"{database}_kiosk"


def kiosk_role(database: str, kiosk_id: str) -> str:
    # Kiosk ids are capitals, digits and '-' (config.py): lower-cased with '_' they stay
    # distinct, and need no quoting.
    return f"{group_role(database)}_{kiosk_id.lower().replace('-', '_')}"


def _database_name(connection: Connection) -> str:
    name = connection.execute(text("SELECT current_database()")).scalar_one()
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,40}", name):
        raise CentralError(
            f"the central database is called {name!r}; use a name of lower-case letters, "
            "digits and '_' (at most 41), since the kiosks' role names are made from it"
        )
    return str(name)


_CENTRAL_DDL = """
DROP FUNCTION IF EXISTS jikubata_this_xact(xid) CASCADE;  -- an earlier draft's signature
CREATE TABLE IF NOT EXISTS central_kiosks (
    kiosk_id varchar(16) PRIMARY KEY,
    role_name varchar(63) NOT NULL UNIQUE,
    added_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
    last_push_at timestamp NULL,
    acked_seq integer NOT NULL DEFAULT 0,
    alarm text NULL,
    alarm_at timestamp NULL
);

-- Which kiosk a login is: SECURITY DEFINER, so policies can ask it whatever the caller may
-- read; given current_user (not session_user) so SET ROLE is judged as that role.
CREATE OR REPLACE FUNCTION jikubata_kiosk_of(login text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT kiosk_id::text FROM central_kiosks WHERE role_name = login $$;

-- A kiosk may move its own acknowledgement forward and raise its alarm, never lower the one
-- or clear the other: only the owner (an admin) clears an alarm.
CREATE OR REPLACE FUNCTION jikubata_kiosk_row_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_user::text = OLD.role_name THEN
        IF NEW.kiosk_id IS DISTINCT FROM OLD.kiosk_id
           OR NEW.role_name IS DISTINCT FROM OLD.role_name
           OR NEW.added_at IS DISTINCT FROM OLD.added_at THEN
            RAISE EXCEPTION 'a kiosk may not change who it is';
        END IF;
        NEW.acked_seq := GREATEST(OLD.acked_seq, NEW.acked_seq);
        IF OLD.alarm IS NOT NULL THEN
            NEW.alarm := OLD.alarm;
            NEW.alarm_at := OLD.alarm_at;
        END IF;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS central_kiosks_guard ON central_kiosks;
CREATE TRIGGER central_kiosks_guard BEFORE UPDATE ON central_kiosks
    FOR EACH ROW EXECUTE FUNCTION jikubata_kiosk_row_guard();

-- The xid of this transaction as xmin shows it: a ledger row may be pushed only together
-- with its entry, never added later to an entry already on central.
CREATE OR REPLACE FUNCTION jikubata_this_xact() RETURNS text
LANGUAGE sql STABLE
AS $$ SELECT mod(pg_current_xact_id()::text::bigint, 4294967296)::text $$;
"""


def _foreign_keys_to_drop(connection: Connection) -> list[tuple[str, str]]:
    """Foreign keys from pushed rows to tables that are not pushed (vendors, sales_imports):
    central must never refuse a sale for a vendor it does not know, or name a kiosk's paper
    import it never saw. Links between pushed rows (a line to its sale) stay."""
    rows = connection.execute(
        text(
            "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c "
            "WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(:pushed) "
            "AND NOT (c.confrelid::regclass::text = ANY(:pushed))"
        ),
        {"pushed": list(PUSHED_TABLES)},
    )
    return [(table, name) for table, name in rows]


def _policies(group: str) -> list[str]:
    # Scalar subqueries: evaluated once per statement (an InitPlan), not once per row.
    me = "(SELECT jikubata_kiosk_of(current_user::text))"
    statements = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY" for table in PUSHED_TABLES]
    statements += [
        "ALTER TABLE central_kiosks ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS kiosk_insert ON entries",
        f"CREATE POLICY kiosk_insert ON entries FOR INSERT TO {group} WITH CHECK (kiosk_id = {me})",
        "DROP POLICY IF EXISTS kiosk_select ON entries",
        f"CREATE POLICY kiosk_select ON entries FOR SELECT TO {group} USING (kiosk_id = {me})",
        "DROP POLICY IF EXISTS kiosk_own_row ON central_kiosks",
        f"CREATE POLICY kiosk_own_row ON central_kiosks TO {group} "
        "USING (role_name = current_user::text) WITH CHECK (role_name = current_user::text)",
    ]
    for table, column in _ENTRY_COLUMN.items():
        statements += [
            f"DROP POLICY IF EXISTS kiosk_insert ON {table}",
            f"CREATE POLICY kiosk_insert ON {table} FOR INSERT TO {group} WITH CHECK (EXISTS ("
            f"SELECT 1 FROM entries e WHERE e.id = {table}.{column} AND e.kiosk_id = {me} "
            "AND e.xmin::text = (SELECT jikubata_this_xact())))",
        ]
    return statements


def _grants(group: str) -> list[str]:
    return [
        f"GRANT USAGE ON SCHEMA public TO {group}",
        f"GRANT EXECUTE ON FUNCTION jikubata_kiosk_of(text) TO {group}",
        f"GRANT EXECUTE ON FUNCTION jikubata_this_xact() TO {group}",
        f"GRANT INSERT ON {', '.join(PUSHED_TABLES)} TO {group}",
        f"GRANT SELECT ON entries, alembic_version, {', '.join(PULLED_TABLES)} TO {group}",
        f"GRANT SELECT, UPDATE (last_push_at, acked_seq, alarm, alarm_at) "
        f"ON central_kiosks TO {group}",
    ]


def _ensure_group(connection: Connection, group: str) -> None:
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": group}
    ).first()
    if exists is None:
        connection.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")


def _check_version(connection: Connection) -> None:
    version = connection.execute(text("SHOW server_version_num")).scalar_one()
    if int(version) < 150000:
        raise CentralError(
            f"the central store needs PostgreSQL 15 or newer (this server is {int(version)})"
        )


@dataclass(frozen=True)
class InitResult:
    database: str
    group: str
    schema_revision: str
    dropped_foreign_keys: tuple[str, ...]


def init_central(owner_url: str) -> InitResult:
    """Migrate (the kiosk's migrations), then add central's table, functions, policies and
    grants. Safe to run again, e.g. after an upgrade brought new kiosk migrations."""
    db = Database(create_ledger_engine(owner_url))
    try:
        if db.engine.dialect.name != "postgresql":
            raise CentralError("the central store must be PostgreSQL (a postgresql+psycopg URL)")
        with db.engine.connect() as connection:
            _check_version(connection)
        result = migrate(db, None)
        with db.engine.begin() as connection:
            database = _database_name(connection)
            group = group_role(database)
            connection.exec_driver_sql(_CENTRAL_DDL)
            dropped = _foreign_keys_to_drop(connection)
            for table, name in dropped:
                connection.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
            _ensure_group(connection, group)
            for statement in _policies(group) + _grants(group):
                connection.exec_driver_sql(statement)
        return InitResult(
            database, group, result.to_revision, tuple(f"{t}.{n}" for t, n in dropped)
        )
    finally:
        db.dispose()


@dataclass(frozen=True)
class AddedKiosk:
    kiosk_id: str
    role: str
    password: str
    kiosk_url: str  # the owner URL with the kiosk's login and password in it

    def config_block(self, interval_seconds: int = 30) -> str:
        return f"central:\n  url: {self.kiosk_url}\n  interval_seconds: {interval_seconds}\n"


def add_kiosk(owner_url: str, kiosk_id: str) -> AddedKiosk:
    """A login role for one kiosk, in the kiosks' group, and its row in central_kiosks.
    Refuses a kiosk id already added: two kiosks sharing an id is the fault to avoid."""
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]{0,15}", kiosk_id):
        raise CentralError(
            f"a kiosk id is 1-16 capital letters, digits or '-' like AMB-01 (got {kiosk_id!r})"
        )
    engine = create_ledger_engine(owner_url)
    try:
        with engine.begin() as connection:
            database = _database_name(connection)
            known = connection.execute(
                text("SELECT to_regclass('central_kiosks') IS NOT NULL")
            ).scalar_one()
            if not known:
                raise CentralError(
                    "this database is not a central store yet; run 'jikubata central init' first"
                )
            # One add at a time: two admins adding the same id cannot both pass the check.
            connection.execute(text("LOCK TABLE central_kiosks IN EXCLUSIVE MODE"))
            taken = connection.execute(
                text("SELECT role_name FROM central_kiosks WHERE kiosk_id = :id"),
                {"id": kiosk_id},
            ).first()
            if taken is not None:
                raise CentralError(
                    f"kiosk {kiosk_id} was already added (login {taken.role_name}); each kiosk "
                    "needs its own id"
                )
            role = kiosk_role(database, kiosk_id)
            password = secrets.token_urlsafe(24)
            exists = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role}
            ).first()
            verb = "ALTER" if exists else "CREATE"  # a role left by a dropped database
            quoted = connection.execute(
                text("SELECT quote_literal(:p)"), {"p": password}
            ).scalar_one()
            connection.exec_driver_sql(f"{verb} ROLE {role} LOGIN PASSWORD {quoted}")
            connection.exec_driver_sql(f"GRANT {group_role(database)} TO {role}")
            connection.execute(
                text("INSERT INTO central_kiosks (kiosk_id, role_name) VALUES (:id, :role)"),
                {"id": kiosk_id, "role": role},
            )
    finally:
        engine.dispose()
    url = make_url(owner_url).set(username=role, password=password)
    return AddedKiosk(kiosk_id, role, password, url.render_as_string(hide_password=False))


def clear_alarm(owner_url: str, kiosk_id: str) -> bool:
    """The owner clears a kiosk's alarm on central once the cause is dealt with."""
    engine = create_ledger_engine(owner_url)
    try:
        with engine.begin() as connection:
            done = connection.execute(
                text(
                    "UPDATE central_kiosks SET alarm = NULL, alarm_at = NULL "
                    "WHERE kiosk_id = :id AND alarm IS NOT NULL"
                ),
                {"id": kiosk_id},
            )
            return bool(done.rowcount)
    finally:
        engine.dispose()
