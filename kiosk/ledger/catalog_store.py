"""Vendors (UMKM) and their products. Not ledger data: a sale line keeps its own copy of the
description and price, so editing the catalogue never changes a past sale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, insert, select, update

from ..domain.records import Product, Vendor
from .engine import Database
from .models import Product as ProductRow
from .models import Vendor as VendorRow
from .sales_ledger import audit

VENDORS = VendorRow.__table__
PRODUCTS = ProductRow.__table__


class CatalogStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def vendors(self, *, active_only: bool = False) -> list[Vendor]:
        query = select(VENDORS).order_by(VENDORS.c.kode_umkm)
        if active_only:
            query = query.where(VENDORS.c.active.is_(True))
        with self._db.read() as connection:
            return [
                Vendor(r.kode_umkm, r.nama, r.pemilik, r.telepon, r.active)
                for r in connection.execute(query)
            ]

    def products(self, *, active_only: bool = False) -> list[Product]:
        query = select(PRODUCTS).order_by(PRODUCTS.c.kode_umkm, PRODUCTS.c.nama)
        if active_only:
            query = query.where(PRODUCTS.c.active.is_(True))
        with self._db.read() as connection:
            return [
                Product(r.kode_umkm, r.sku, r.nama, r.harga, r.kategori, r.active)
                for r in connection.execute(query)
            ]

    def save_vendors(self, vendors: Sequence[Vendor], *, actor: str, at: dt.datetime) -> int:
        """Insert new vendors, update known ones (by code); one transaction."""
        with self._db.write() as connection:
            upsert_vendors(connection, vendors)
            audit(connection, actor, "vendors_import", at, rows=len(vendors))
        return len(vendors)

    def save_products(self, products: Sequence[Product], *, actor: str, at: dt.datetime) -> int:
        with self._db.write() as connection:
            upsert_products(connection, products)
            audit(connection, actor, "products_import", at, rows=len(products))
        return len(products)


def upsert_vendors(connection: Connection, vendors: Sequence[Vendor]) -> None:
    """Insert new vendors, update known ones (by code), in the caller's transaction."""
    known = set(connection.execute(select(VENDORS.c.kode_umkm)).scalars())
    for v in vendors:
        values = {"nama": v.nama, "pemilik": v.pemilik, "telepon": v.telepon, "active": v.active}
        if v.kode_umkm in known:
            connection.execute(update(VENDORS).where(VENDORS.c.kode_umkm == v.kode_umkm), values)
        else:
            connection.execute(insert(VENDORS), {"kode_umkm": v.kode_umkm, **values})


def upsert_products(connection: Connection, products: Sequence[Product]) -> None:
    """Insert new products, update known ones (by UMKM and SKU), in the caller's transaction."""
    known = set(connection.execute(select(PRODUCTS.c.kode_umkm, PRODUCTS.c.sku)).tuples())
    for p in products:
        values = {"nama": p.nama, "harga": p.harga, "kategori": p.kategori, "active": p.active}
        if (p.kode_umkm, p.sku) in known:
            connection.execute(
                update(PRODUCTS).where(
                    PRODUCTS.c.kode_umkm == p.kode_umkm, PRODUCTS.c.sku == p.sku
                ),
                values,
            )
        else:
            connection.execute(insert(PRODUCTS), {"kode_umkm": p.kode_umkm, "sku": p.sku, **values})
