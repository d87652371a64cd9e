"""Read-only questions about money spent. Voided sales never count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, fields

from sqlalchemy import and_, bindparam, case, func, select

from ..domain.identity import AT_THE_KIOSK, BuyerIdentity, TypedShare
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
    identified_by: str | None  # a BuyerIdentity value; None on sales made before it


@dataclass(frozen=True)
class VendorRevenue:
    kode_umkm: str
    nama: str
    revenue: int
    sales: int
    items: int


# Where each SaleLineRow field comes from. The query selects them in the record's field order
# (a missing one is a KeyError on import), so a row becomes a record without a second,
# positional list to keep in step; by name (row._mapping) would cost ~8x on 80,000 lines.
_SALE_LINE_COLUMNS = {
    "created_at": SALES.c.created_at,
    "kiosk_id": ENTRIES.c.kiosk_id,
    "seq": ENTRIES.c.seq,
    "kode_umkm": LINES.c.kode_umkm,
    # '' for a vendor this database does not know (a kiosk's sale on central): the line stays
    "nama_umkm": func.coalesce(VENDORS.c.nama, ""),
    "description": LINES.c.description,
    "quantity": LINES.c.quantity,
    "unit_price": LINES.c.unit_price,
    "subtotal": LINES.c.subtotal,
    "nip": SALES.c.nip,
    "payment_method": SALES.c.payment_method,
    "voided": VOIDS.c.id.is_not(None),  # typed Boolean: read back as True/False
    "operator": SALES.c.operator,
    "source": SALES.c.source,
    "identified_by": SALES.c.identified_by,
}
_SALE_LINE_SELECT = tuple(
    _SALE_LINE_COLUMNS[field.name].label(field.name) for field in fields(SaleLineRow)
)


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
        # Raw DBAPI tuples (no names on this path): the columns are nip, sum, count above.
        return {nip: Spending(int(total), int(count)) for nip, total, count in rows}

    def of(self, nip: str, start: dt.datetime, end: dt.datetime) -> Spending:
        query = (
            select(
                func.coalesce(func.sum(SALES.c.total), 0).label("total"),
                func.count().label("purchases"),
            )
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(
                SALES.c.nip == nip,
                SALES.c.created_at >= start,
                SALES.c.created_at < end,
                VOIDS.c.id.is_(None),
            )
        )
        with self._db.read() as connection:
            row = connection.execute(query).one()
        return Spending(total=int(row.total), purchases=int(row.purchases))

    def sale_lines(self, start: dt.datetime, end: dt.datetime) -> Iterator[SaleLineRow]:
        """Every sale line in [start, end), voided ones included (marked), in time order."""
        query = (
            select(*_SALE_LINE_SELECT)
            .join(ENTRIES, ENTRIES.c.id == SALES.c.id)
            .join(LINES, LINES.c.sale_id == SALES.c.id)
            .outerjoin(VENDORS, VENDORS.c.kode_umkm == LINES.c.kode_umkm)
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(SALES.c.created_at >= start, SALES.c.created_at < end)
            .order_by(SALES.c.created_at, ENTRIES.c.kiosk_id, ENTRIES.c.seq, LINES.c.line_no)
        )
        with self._db.read() as connection:
            for row in connection.execution_options(yield_per=2000).execute(query):
                yield SaleLineRow(*row)  # _SALE_LINE_SELECT is in the record's field order

    def typed_shares(self, start: dt.datetime, end: dt.datetime) -> list[TypedShare]:
        """Per operator, the non-voided sales in [start, end) to an ASN identified at the kiosk,
        and how many of those had the NIP typed; operators with none are left out."""
        typed = func.sum(case((SALES.c.identified_by == BuyerIdentity.TYPED.value, 1), else_=0))
        query = (
            select(SALES.c.operator, typed.label("typed"), func.count().label("identified"))
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(
                SALES.c.created_at >= start,
                SALES.c.created_at < end,
                VOIDS.c.id.is_(None),
                SALES.c.nip.is_not(None),
                SALES.c.identified_by.in_([identity.value for identity in AT_THE_KIOSK]),
            )
            .group_by(SALES.c.operator)
            .order_by(SALES.c.operator)
        )
        with self._db.read() as connection:
            return [
                TypedShare(row.operator, int(row.typed), int(row.identified))
                for row in connection.execute(query)
            ]

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
                VendorRevenue(
                    kode_umkm=row.kode_umkm,
                    nama=row.nama,
                    revenue=int(row.revenue or 0),
                    sales=int(row.sales or 0),
                    items=int(row.item_count or 0),
                )
                for row in connection.execute(query)
            ]
