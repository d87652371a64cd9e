"""Consignment stock for the day (titip jual): the ``stock_drops`` rows and the day's
dropped / sold / left per counted product.

Rows are append-only and add up (a correction is a negative row). A row is checked inside its
write transaction against what was sold that day, so the day's total never goes below it.
The rows are not entries of the hash chain: a count decides no money; each one writes an
audit row (sealed with the audit log)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, insert, select

from ..domain.stock import StockCount, StockError, StockProblem, check_total
from .audit import audit
from .engine import Database
from .models import Product, Sale, SaleLine, StockDrop, Void

DROPS = StockDrop.__table__
PRODUCTS = Product.__table__
SALES = Sale.__table__
LINES = SaleLine.__table__
VOIDS = Void.__table__


def day_bounds(day: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The stall day's [start, end) in UTC (midnight on the stall's clock, not UTC's)."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


class StockStore:
    def __init__(self, db: Database, tz: ZoneInfo) -> None:
        self._db = db
        self._tz = tz

    # -- writing -------------------------------------------------------------------------------
    def add(
        self,
        kode_umkm: str,
        sku: str,
        pieces: int,
        *,
        day: dt.date,
        actor: str,
        at: dt.datetime,
        note: str | None = None,
    ) -> StockCount:
        """One row of ``pieces`` (below zero: a correction) for the product on ``day``; the
        product's figures after it. Refused, with nothing written, for an unknown product or
        a total below what that day already sold."""
        with self._db.write() as connection:
            product = connection.execute(
                select(PRODUCTS.c.id, PRODUCTS.c.nama).where(
                    PRODUCTS.c.kode_umkm == kode_umkm, PRODUCTS.c.sku == sku
                )
            ).first()
            if product is None:
                raise StockError(
                    StockProblem.UNKNOWN_PRODUCT,
                    f"UMKM '{kode_umkm}' has no product with SKU '{sku}'",
                    sku=sku,
                    kode_umkm=kode_umkm,
                )
            before = self._counts(connection, day, [product.id])
            dropped = before[0].dropped if before else 0
            sold = self._sold(connection, day, {(kode_umkm, sku)}).get((kode_umkm, sku), 0)
            check_total(product.nama, dropped + pieces, sold)
            connection.execute(
                insert(DROPS),
                {
                    "day": day,
                    "product_id": product.id,
                    "quantity": pieces,
                    "created_at": at.astimezone(dt.UTC),
                    "created_by": actor,
                    "note": note,
                },
            )
            audit(
                connection,
                actor,
                "stock_drop" if pieces > 0 else "stock_correction",
                at,
                day=day.isoformat(),
                umkm=kode_umkm,
                sku=sku,
                pieces=pieces,
                total=dropped + pieces,
                sold=sold,
                note=note,
            )
            return StockCount(kode_umkm, sku, product.nama, dropped + pieces, sold)

    # -- reading -------------------------------------------------------------------------------
    def day(self, day: dt.date, *, kode_umkm: str | None = None) -> list[StockCount]:
        """Every product counted on ``day`` (of one UMKM when given), by UMKM and name.
        A product with no row that day is not counted: it is not in the list."""
        with self._db.read() as connection:
            return self._counts(connection, day, kode_umkm=kode_umkm)

    def _counts(
        self,
        connection: Connection,
        day: dt.date,
        product_ids: Iterable[int] | None = None,
        *,
        kode_umkm: str | None = None,
    ) -> list[StockCount]:
        query = (
            select(
                PRODUCTS.c.kode_umkm,
                PRODUCTS.c.sku,
                PRODUCTS.c.nama,
                func.sum(DROPS.c.quantity).label("dropped"),
            )
            .join(PRODUCTS, PRODUCTS.c.id == DROPS.c.product_id)
            .where(DROPS.c.day == day)
            .group_by(PRODUCTS.c.kode_umkm, PRODUCTS.c.sku, PRODUCTS.c.nama)
            .order_by(PRODUCTS.c.kode_umkm, PRODUCTS.c.nama)
        )
        if product_ids is not None:
            query = query.where(DROPS.c.product_id.in_(list(product_ids)))
        if kode_umkm is not None:
            query = query.where(PRODUCTS.c.kode_umkm == kode_umkm)
        rows = connection.execute(query).all()
        if not rows:
            return []
        sold = self._sold(connection, day, {(r.kode_umkm, r.sku) for r in rows})
        return [
            StockCount(
                r.kode_umkm, r.sku, r.nama, int(r.dropped), sold.get((r.kode_umkm, r.sku), 0)
            )
            for r in rows
        ]

    def _sold(
        self, connection: Connection, day: dt.date, keys: set[tuple[str, str]]
    ) -> dict[tuple[str, str], int]:
        """Pieces of each product sold on ``day`` (stall clock): non-voided kiosk sales only
        (paper sales were not rung up from the counted pile)."""
        start, end = day_bounds(day, self._tz)
        umkms = sorted({kode for kode, _ in keys})
        rows = connection.execute(
            select(LINES.c.kode_umkm, LINES.c.sku, func.sum(LINES.c.quantity).label("sold"))
            .join(SALES, SALES.c.id == LINES.c.sale_id)
            .outerjoin(VOIDS, VOIDS.c.sale_id == SALES.c.id)
            .where(
                SALES.c.created_at >= start,
                SALES.c.created_at < end,
                SALES.c.source == "kiosk",
                VOIDS.c.id.is_(None),
                LINES.c.kode_umkm.in_(umkms),
                LINES.c.sku.is_not(None),
            )
            .group_by(LINES.c.kode_umkm, LINES.c.sku)
        )
        return {(r.kode_umkm, r.sku): int(r.sold) for r in rows if (r.kode_umkm, r.sku) in keys}
