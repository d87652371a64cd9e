"""hardening: how each buyer was identified, a keyed MAC per entry, seals over the tables
that decide a month's result, PIN guards that survive a restart, and who claimed a print job

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 22:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a nullable column is not an UPDATE: the append-only triggers stay as they are.
    with op.batch_alter_table("sales", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("identified_by", sa.String(length=8), nullable=True))
    with op.batch_alter_table("entries", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("entry_mac", sa.String(length=64), nullable=True))
    with op.batch_alter_table("print_jobs", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=64), nullable=True))
    op.create_table(
        "seals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("mac", sa.String(length=64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_seals_subject"), "seals", ["subject"], unique=False)
    op.create_table(
        "pin_guards",
        sa.Column("subject", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("subject"),
    )
    dialect = op.get_bind().dialect.name
    for action in ("UPDATE", "DELETE"):
        name = f"seals_no_{action.lower()}"
        if dialect == "sqlite":
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {action} ON seals "
                "BEGIN SELECT RAISE(ABORT, 'ledger table seals is append-only'); END"
            )
        elif dialect == "postgresql":  # the function comes from revision 0001
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {action} ON seals "
                "FOR EACH ROW EXECUTE FUNCTION jikubata_append_only()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for action in ("update", "delete"):
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS seals_no_{action}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS seals_no_{action} ON seals")
    op.drop_table("pin_guards")
    op.drop_index(op.f("ix_seals_subject"), table_name="seals")
    op.drop_table("seals")
    with op.batch_alter_table("print_jobs") as batch_op:
        batch_op.drop_column("claimed_by")
    with op.batch_alter_table("entries") as batch_op:
        batch_op.drop_column("entry_mac")
    with op.batch_alter_table("sales") as batch_op:
        batch_op.drop_column("identified_by")
