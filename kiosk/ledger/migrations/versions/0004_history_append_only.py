"""roster history and exemptions are append-only too

A past month's compliance depends on who was on the roster then and who was excused; editing
those rows would rewrite old results as surely as editing a sale.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 22:10:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

HISTORY_TABLES = ("roster_imports", "roster_entries", "exemptions")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in HISTORY_TABLES:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if dialect == "sqlite":
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'history table {table} is append-only'); END"
                )
            elif dialect == "postgresql":  # the function comes from revision 0001
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION jikubata_append_only()"
                )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in HISTORY_TABLES:
        for action in ("update", "delete"):
            if dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
            elif dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")
