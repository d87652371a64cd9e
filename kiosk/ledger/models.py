"""Tables. Ledger tables (entries, sales, sale_lines, voids, audit_log) are append-only:
database triggers refuse UPDATE and DELETE on them (see the initial migration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

APPEND_ONLY_TABLES = ("entries", "sales", "sale_lines", "voids", "audit_log")
TILL_TABLES = ("shift_events", "payouts", "stock_drops")  # append-only since 0006
SEAL_TABLES = ("seals",)  # append-only since 0005
HISTORY_TABLES = ("roster_imports", "roster_entries", "exemptions")  # append-only since 0004


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Stored as naive UTC (same text in SQLite, same value in PostgreSQL); read back aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing a naive datetime: store aware UTC times only")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: object
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    pass


class RosterImport(Base):
    __tablename__ = "roster_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    as_of: Mapped[dt.date] = mapped_column(Date, index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer)
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    imported_by: Mapped[str] = mapped_column(String(64))


class RosterEntry(Base):
    """One person on one roster snapshot: the roster in force at a date is a whole snapshot."""

    __tablename__ = "roster_entries"
    import_id: Mapped[int] = mapped_column(ForeignKey("roster_imports.id"), primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    opd: Mapped[str] = mapped_column(String(200))
    jabatan: Mapped[str] = mapped_column(String(200))
    tingkat: Mapped[str] = mapped_column(String(64))


class Vendor(Base):
    __tablename__ = "vendors"
    kode_umkm: Mapped[str] = mapped_column(String(32), primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    pemilik: Mapped[str] = mapped_column(String(200))
    telepon: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("kode_umkm", "sku"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode_umkm: Mapped[str] = mapped_column(ForeignKey("vendors.kode_umkm"))
    sku: Mapped[str] = mapped_column(String(64))
    nama: Mapped[str] = mapped_column(String(200))
    harga: Mapped[int] = mapped_column(Integer)
    kategori: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Entry(Base):
    """The hash chain: one row per ledger entry (a sale or a void), per kiosk in sequence."""

    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("kiosk_id", "seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # client-generated UUID
    kiosk_id: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # "sale" | "void" | "shift" | "payout"
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))
    # HMAC-SHA256 of entry_hash under the kiosk's ledger key (kept outside the database):
    # recomputing hashes with the public code is not enough to forge an entry. None only on
    # entries written before revision 0005.
    entry_mac: Mapped[str | None] = mapped_column(String(64))


class SalesImport(Base):
    """A paper-records file imported once; its hash refuses the same file a second time."""

    __tablename__ = "sales_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    row_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    imported_by: Mapped[str] = mapped_column(String(64))


class Sale(Base):
    __tablename__ = "sales"
    __table_args__ = (Index("ix_sales_nip_created_at", "nip", "created_at"),)
    id: Mapped[str] = mapped_column(ForeignKey("entries.id"), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    nip: Mapped[str | None] = mapped_column(String(18))
    operator: Mapped[str] = mapped_column(String(64))
    payment_method: Mapped[str] = mapped_column(String(8))
    cash_given: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(8))  # "kiosk" | "import"
    note: Mapped[str | None] = mapped_column(String(500))
    # card | qr | typed | public | paper; None only on sales written before revision 0005
    identified_by: Mapped[str | None] = mapped_column(String(8))
    sales_import_id: Mapped[int | None] = mapped_column(ForeignKey("sales_imports.id"))
    # The shift (its opening entry's id) a kiosk sale was rung up in; None on paper sales and
    # on sales written before revision 0006.
    shift_id: Mapped[str | None] = mapped_column(String(36), index=True)


class SaleLine(Base):
    __tablename__ = "sale_lines"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode_umkm: Mapped[str] = mapped_column(ForeignKey("vendors.kode_umkm"), index=True)
    sku: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(String(200))
    unit_price: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)
    subtotal: Mapped[int] = mapped_column(Integer)


class Void(Base):
    __tablename__ = "voids"
    id: Mapped[str] = mapped_column(ForeignKey("entries.id"), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(String(500))
    voided_by: Mapped[str] = mapped_column(String(64))


class Exemption(Base):
    __tablename__ = "exemptions"
    __table_args__ = (UniqueConstraint("nip", "month"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nip: Mapped[str] = mapped_column(String(18))
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    reason: Mapped[str] = mapped_column(String(500))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)


class KioskSetting(Base):
    """Small mutable settings kept with the data (e.g. the admin PIN's hash)."""

    __tablename__ = "kiosk_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PrintJob(Base):
    """One thing to print (a receipt, a copy, a void slip, a test page). Not ledger data:
    its status changes as the worker tries; the sale it belongs to is already committed."""

    __tablename__ = "print_jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    sale_id: Mapped[str | None] = mapped_column(ForeignKey("sales.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # receipt|copy|void|test|report|slip
    title: Mapped[str] = mapped_column(String(100))
    payload: Mapped[bytes] = mapped_column(LargeBinary)  # the ESC/POS bytes, ready to send
    preview: Mapped[str] = mapped_column(Text)  # the same receipt as plain text
    status: Mapped[str] = mapped_column(String(8), index=True)  # pending | printed | failed
    attempts: Mapped[int] = mapped_column(Integer)
    next_try_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(String(300))
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # "host:pid" while printing


class Operator(Base):
    """A person who may ring up sales (a vendor on duty), logging in with a PIN."""

    __tablename__ = "operators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kode_umkm: Mapped[str | None] = mapped_column(ForeignKey("vendors.kode_umkm"))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Seal(Base):
    """A keyed digest of a table that decides a month's result or who may act (exemptions,
    roster snapshots, operators and PINs, settings, the audit log), written in the same
    transaction as each change to it. Append-only; the newest seal per subject must match."""

    __tablename__ = "seals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(32), index=True)
    digest: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class PinGuardState(Base):
    """Wrong PINs in a row and the lockout, per operator or admin: kept in the database so a
    restart does not hand out fresh attempts."""

    __tablename__ = "pin_guards"
    subject: Mapped[str] = mapped_column(String(80), primary_key=True)  # "operator:Ina", "admin"
    failures: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ShiftEvent(Base):
    """One step of a till shift (sesi kasir): open with the float, hand-over to another
    operator, close with the cash counted. Each is an entry of the hash chain."""

    __tablename__ = "shift_events"
    id: Mapped[str] = mapped_column(ForeignKey("entries.id"), primary_key=True)
    shift_id: Mapped[str] = mapped_column(String(36), index=True)  # the open event's id
    shift_no: Mapped[int] = mapped_column(Integer)  # 1, 2, ... per kiosk: what paper shows
    event: Mapped[str] = mapped_column(String(8))  # open | handover | close
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    operator: Mapped[str] = mapped_column(String(64))  # who opened, took over or closed
    float_amount: Mapped[int | None] = mapped_column(Integer)  # open: modal awal
    counted: Mapped[int | None] = mapped_column(Integer)  # close: cash counted
    expected: Mapped[int | None] = mapped_column(Integer)  # close: cash the ledger expects
    counts: Mapped[str | None] = mapped_column(Text)  # close: JSON, denomination -> pieces
    reason: Mapped[str | None] = mapped_column(String(500))  # close: why counted != expected
    note: Mapped[str | None] = mapped_column(String(500))  # e.g. closed at the next day's login


class Payout(Base):
    """Money handed to a UMKM (or taken back by reversing a mistaken payout). An entry of the
    hash chain; a mistake is never edited, only reversed by a new row naming it."""

    __tablename__ = "payouts"
    id: Mapped[str] = mapped_column(ForeignKey("entries.id"), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    kode_umkm: Mapped[str] = mapped_column(ForeignKey("vendors.kode_umkm"), index=True)
    amount: Mapped[int] = mapped_column(Integer)  # whole rupiah, > 0 (a reversal too)
    kind: Mapped[str] = mapped_column(String(8))  # payout | advance | reversal
    reverses: Mapped[str | None] = mapped_column(ForeignKey("payouts.id"), unique=True)
    note: Mapped[str] = mapped_column(String(500))
    paid_by: Mapped[str] = mapped_column(String(64))
    # Set when the cash came out of the till during that shift: the shift's expected cash
    # drops by it. None: paid from elsewhere (a transfer, the admin's safe).
    shift_id: Mapped[str | None] = mapped_column(String(36))


class StockDrop(Base):
    """Consignment (titip jual): pieces of a product a vendor dropped off for a day. Rows add
    up; a wrong count is corrected by another row (negative), never edited."""

    __tablename__ = "stock_drops"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)  # the stall's calendar day
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(String(200))
