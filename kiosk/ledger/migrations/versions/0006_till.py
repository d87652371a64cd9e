"""till: shifts (open, hand-over, close with the cash count) and payouts to each UMKM as
entries of the hash chain, the shift each sale belongs to, and the day's consignment stock

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 01:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

NEW_APPEND_ONLY = ("shift_events", "payouts", "stock_drops")


def upgrade() -> None:
    # Adding a nullable column is not an UPDATE: the append-only triggers stay as they are.
    with op.batch_alter_table("sales", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("shift_id", sa.String(length=36), nullable=True))
    op.create_index("ix_sales_shift_id", "sales", ["shift_id"], unique=False)
    op.create_table(
        "shift_events",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=False),
        sa.Column("shift_no", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("operator", sa.String(length=64), nullable=False),
        sa.Column("float_amount", sa.Integer(), nullable=True),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("expected", sa.Integer(), nullable=True),
        sa.Column("counts", sa.Text(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["id"], ["entries.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_shift_events_shift_id", "shift_events", ["shift_id"], unique=False)
    op.create_index("ix_shift_events_created_at", "shift_events", ["created_at"], unique=False)
    op.create_table(
        "payouts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("kode_umkm", sa.String(length=32), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("reverses", sa.String(length=36), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("paid_by", sa.String(length=64), nullable=False),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["id"], ["entries.id"]),
        sa.ForeignKeyConstraint(["kode_umkm"], ["vendors.kode_umkm"]),
        sa.ForeignKeyConstraint(["reverses"], ["payouts.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reverses"),
    )
    op.create_index("ix_payouts_kode_umkm", "payouts", ["kode_umkm"], unique=False)
    op.create_table(
        "stock_drops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stock_drops_day", "stock_drops", ["day"], unique=False)
    dialect = op.get_bind().dialect.name
    for table in NEW_APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if dialect == "sqlite":
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'ledger table {table} is append-only'); END"
                )
            elif dialect == "postgresql":  # the function comes from revision 0001
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION jikubata_append_only()"
                )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in NEW_APPEND_ONLY:
        for action in ("update", "delete"):
            if dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
            elif dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")
    op.drop_index("ix_stock_drops_day", table_name="stock_drops")
    op.drop_table("stock_drops")
    op.drop_index("ix_payouts_kode_umkm", table_name="payouts")
    op.drop_table("payouts")
    op.drop_index("ix_shift_events_created_at", table_name="shift_events")
    op.drop_index("ix_shift_events_shift_id", table_name="shift_events")
    op.drop_table("shift_events")
    op.drop_index("ix_sales_shift_id", table_name="sales")
    with op.batch_alter_table("sales") as batch_op:
        batch_op.drop_column("shift_id")
