"""Read-only questions about money spent. Voided sales never count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, func, select

from .engine import Database
from .fast_sql import FastStatement, db_time
from .models import Entry, Sale, SaleLine, Vendor, Void

ENTRIES = Entry.__table__
SALES = Sale.__table__
LINES = SaleLine.__table__
VOIDS = Void.__table__
VENDORS = Vendor.__table__


@dataclass(frozen=True)
class Spending:
    total: int
    purchases: int


@dataclass(frozen=True)
class SaleLineRow:
    created_at: dt.datetime
    kiosk_id: str
    seq: int
    kode_umkm: str
    nama_umkm: str
    description: str
    quantity: int
    unit_price: int
    subtotal: int
    nip: str | None
    payment_method: str
    voided: bool
    operator: str
    source: str


@dataclass(frozen=True)
class VendorRevenue:
    kode_umkm: str
    nama: str
    revenue: int
    sales: int
    items: int


def _valid_sales_between(start: dt.datetime, end: dt.datetime):  # type: ignore[no-untyped-def]
    return (
        select(SALES.c.nip, SALES.c.total, SALES.c.id)
        .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
        .where(SALES.c.created_at >= start, SALES.c.created_at < end, VOIDS.c.id.is_(None))
    )


def _spending_by_nip_statement():  # type: ignore[no-untyped-def]
    valid = (
        select(SALES.c.nip, SALES.c.total)
        .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
        .where(
            SALES.c.created_at >= bindparam("start"),
            SALES.c.created_at < bindparam("end"),
            VOIDS.c.id.is_(None),
            SALES.c.nip.is_not(None),
        )
        .subquery()
    )
    return select(valid.c.nip, func.sum(valid.c.total), func.count()).group_by(valid.c.nip)


_SPENDING_BY_NIP = FastStatement(_spending_by_nip_statement())


class SpendingQueries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def by_nip(self, start: dt.datetime, end: dt.datetime) -> dict[str, Spending]:
        """Every identified buyer's non-voided spending in [start, end). The month's export
        runs this over ~80,000 sales: compiled once, fetched straight from the cursor."""
        with self._db.read() as connection:
            rows = _SPENDING_BY_NIP.all(
                connection,
                {
                    "start": db_time(start, connection.dialect),
                    "end": db_time(end, connection.dialect),
                },
            )
        return {nip: Spending(int(total), int(count)) for nip, total, count in rows}

    def of(self, nip: str, start: dt.datetime, end: dt.datetime) -> Spending:
        query = (
            select(func.coalesce(func.sum(SALES.c.total), 0), func.count())
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(
                SALES.c.nip == nip,
                SALES.c.created_at >= start,
                SALES.c.created_at < end,
                VOIDS.c.id.is_(None),
            )
        )
        with self._db.read() as connection:
            total, count = connection.execute(query).one()
        return Spending(int(total), int(count))

    def sale_lines(self, start: dt.datetime, end: dt.datetime) -> Iterator[SaleLineRow]:
        """Every sale line in [start, end), voided ones included (marked), in time order."""
        query = (
            select(
                SALES.c.created_at,
                ENTRIES.c.kiosk_id,
                ENTRIES.c.seq,
                LINES.c.kode_umkm,
                VENDORS.c.nama,
                LINES.c.description,
                LINES.c.quantity,
                LINES.c.unit_price,
                LINES.c.subtotal,
                SALES.c.nip,
                SALES.c.payment_method,
                VOIDS.c.id.is_not(None).label("voided"),
                SALES.c.operator,
                SALES.c.source,
            )
            .join(ENTRIES, ENTRIES.c.id == SALES.c.id)
            .join(LINES, LINES.c.sale_id == SALES.c.id)
            .join(VENDORS, VENDORS.c.kode_umkm == LINES.c.kode_umkm)
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(SALES.c.created_at >= start, SALES.c.created_at < end)
            .order_by(SALES.c.created_at, ENTRIES.c.kiosk_id, ENTRIES.c.seq, LINES.c.line_no)
        )
        with self._db.read() as connection:
            for row in connection.execution_options(yield_per=2000).execute(query):
                yield SaleLineRow(*row[:11], bool(row[11]), *row[12:])

    def vendor_revenue(self, start: dt.datetime, end: dt.datetime) -> list[VendorRevenue]:
        """Every vendor, with zero rows for those who sold nothing (the admin wants to see them)."""
        valid = _valid_sales_between(start, end).subquery()
        per_vendor = (
            select(
                LINES.c.kode_umkm,
                func.sum(LINES.c.subtotal).label("revenue"),
                func.count(func.distinct(LINES.c.sale_id)).label("sales"),
                func.sum(LINES.c.quantity).label("item_count"),
            )
            .join(valid, valid.c.id == LINES.c.sale_id)
            .group_by(LINES.c.kode_umkm)
            .subquery()
        )
        query = (
            select(
                VENDORS.c.kode_umkm,
                VENDORS.c.nama,
                per_vendor.c.revenue,
                per_vendor.c.sales,
                per_vendor.c.item_count,
            )
            .outerjoin(per_vendor, and_(per_vendor.c.kode_umkm == VENDORS.c.kode_umkm))
            .order_by(VENDORS.c.kode_umkm)
        )
        with self._db.read() as connection:
            return [
                VendorRevenue(code, name, int(revenue or 0), int(sales or 0), int(items or 0))
                for code, name, revenue, sales, items in connection.execute(query)
            ]
