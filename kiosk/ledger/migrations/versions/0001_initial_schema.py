"""initial schema: roster history, catalogue, the append-only ledger and its triggers

Revision ID: 0001
Revises:
Create Date: 2026-11-22 21:00:49.656387
"""

import sqlalchemy as sa
from alembic import op

# Ledger tables never change after insert: a void is a new entry pointing at the sale.
APPEND_ONLY_TABLES = ("entries", "sales", "sale_lines", "voids", "audit_log")


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kiosk_id", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kiosk_id", "seq"),
    )
    op.create_table(
        "exemptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("nip", "month"),
    )
    with op.batch_alter_table("exemptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exemptions_month"), ["month"], unique=False)

    op.create_table(
        "kiosk_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "roster_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("forced", sa.Boolean(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("roster_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_roster_imports_as_of"), ["as_of"], unique=False)

    op.create_table(
        "sales_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("file_sha256"),
    )
    op.create_table(
        "vendors",
        sa.Column("kode_umkm", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("pemilik", sa.String(length=200), nullable=False),
        sa.Column("telepon", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("kode_umkm"),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode_umkm", sa.String(length=32), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("harga", sa.Integer(), nullable=False),
        sa.Column("kategori", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kode_umkm"],
            ["vendors.kode_umkm"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kode_umkm", "sku"),
    )
    op.create_table(
        "roster_entries",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("opd", sa.String(length=200), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("tingkat", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["roster_imports.id"],
        ),
        sa.PrimaryKeyConstraint("import_id", "nip"),
    )
    op.create_table(
        "sales",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("operator", sa.String(length=64), nullable=False),
        sa.Column("payment_method", sa.String(length=8), nullable=False),
        sa.Column("cash_given", sa.Integer(), nullable=True),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("sales_import_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["id"],
            ["entries.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sales_import_id"],
            ["sales_imports.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sales_created_at"), ["created_at"], unique=False)
        batch_op.create_index("ix_sales_nip_created_at", ["nip", "created_at"], unique=False)

    op.create_table(
        "sale_lines",
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("kode_umkm", sa.String(length=32), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("unit_price", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("subtotal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kode_umkm"],
            ["vendors.kode_umkm"],
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"],
            ["sales.id"],
        ),
        sa.PrimaryKeyConstraint("sale_id", "line_no"),
    )
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sale_lines_kode_umkm"), ["kode_umkm"], unique=False)

    op.create_table(
        "voids",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("voided_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["id"],
            ["entries.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"],
            ["sales.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sale_id"),
    )
    _create_append_only_triggers()


def _create_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION jikubata_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'ledger table % is append-only', TG_TABLE_NAME; END; $$"
        )
    for table in APPEND_ONLY_TABLES:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if dialect == "sqlite":
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'ledger table {table} is append-only'); END"
                )
            elif dialect == "postgresql":
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION jikubata_append_only()"
                )


def _drop_append_only_triggers() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_TABLES:
        for action in ("update", "delete"):
            if dialect == "sqlite":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
            elif dialect == "postgresql":
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action} ON {table}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS jikubata_append_only()")


def downgrade() -> None:
    _drop_append_only_triggers()
    op.drop_table("voids")
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sale_lines_kode_umkm"))

    op.drop_table("sale_lines")
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_nip_created_at")
        batch_op.drop_index(batch_op.f("ix_sales_created_at"))

    op.drop_table("sales")
    op.drop_table("roster_entries")
    op.drop_table("products")
    op.drop_table("vendors")
    op.drop_table("sales_imports")
    with op.batch_alter_table("roster_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roster_imports_as_of"))

    op.drop_table("roster_imports")
    op.drop_table("kiosk_settings")
    with op.batch_alter_table("exemptions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemptions_month"))

    op.drop_table("exemptions")
    op.drop_table("entries")
    op.drop_table("audit_log")
