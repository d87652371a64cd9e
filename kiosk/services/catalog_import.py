"""Importing the UMKM (vendors) and their products."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..domain.cart import MAX_LINE_AMOUNT
from ..domain.money import MoneyError, format_rupiah, parse_rupiah
from ..domain.records import Product, Vendor
from .clock import Clock, utc_now
from .csv_input import length_problems, read_csv
from .errors import ImportRefused, RowCode, RowProblem
from .ports import CatalogPort

VENDOR_COLUMNS = ("kode_umkm", "nama", "pemilik", "telepon")
PRODUCT_COLUMNS = ("kode_umkm", "sku", "nama", "harga", "kategori")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,20}$")


T = TypeVar("T")


@dataclass(frozen=True)
class CatalogPreview(Generic[T]):
    items: list[T]
    problems: list[RowProblem]


def _code_problem(line: int, column: str, value: str) -> RowProblem | None:
    if not _CODE.match(value):
        return RowProblem.of(
            line,
            column,
            RowCode.BAD_CODE,
            f"'{value}' must be 1-32 letters, digits, '.', '_' or '-' without spaces",
            value=value,
        )
    return None


class CatalogImporter:
    def __init__(self, catalog: CatalogPort, clock: Clock = utc_now) -> None:
        self._catalog = catalog
        self._clock = clock

    def preview_vendors(self, path: Path) -> CatalogPreview[Vendor]:
        vendors: list[Vendor] = []
        problems: list[RowProblem] = []
        seen: dict[str, int] = {}
        for line, row in read_csv(path, VENDOR_COLUMNS).rows:
            found = len(problems)
            if problem := _code_problem(line, "kode_umkm", row["kode_umkm"]):
                problems.append(problem)
            elif row["kode_umkm"] in seen:
                problems.append(
                    RowProblem.of(
                        line,
                        "kode_umkm",
                        RowCode.REPEATED,
                        (f"{row['kode_umkm']} is already on line {seen[row['kode_umkm']]}"),
                        value=row["kode_umkm"],
                        line=seen[row["kode_umkm"]],
                    )
                )
            for column in ("nama", "pemilik"):
                if not row[column]:
                    problems.append(RowProblem.of(line, column, RowCode.EMPTY, "must not be empty"))
            problems += length_problems(line, row, {"nama": 200, "pemilik": 200})
            if row["telepon"] and not _PHONE.match(row["telepon"]):
                problems.append(
                    RowProblem.of(
                        line,
                        "telepon",
                        RowCode.NOT_A_PHONE,
                        (f"'{row['telepon']}' is not a phone number"),
                        value=row["telepon"],
                    )
                )
            if len(problems) == found:
                seen[row["kode_umkm"]] = line
                vendors.append(
                    Vendor(row["kode_umkm"], row["nama"], row["pemilik"], row["telepon"])
                )
        return CatalogPreview(vendors, problems)

    def preview_products(self, path: Path) -> CatalogPreview[Product]:
        known_vendors = {v.kode_umkm for v in self._catalog.vendors()}
        products: list[Product] = []
        problems: list[RowProblem] = []
        seen: dict[tuple[str, str], int] = {}
        for line, row in read_csv(path, PRODUCT_COLUMNS).rows:
            found = len(problems)
            if row["kode_umkm"] not in known_vendors:
                problems.append(
                    RowProblem.of(
                        line,
                        "kode_umkm",
                        RowCode.UNKNOWN_VENDOR,
                        (f"'{row['kode_umkm']}' is not a known UMKM; import the vendors first"),
                        value=row["kode_umkm"],
                    )
                )
            if problem := _code_problem(line, "sku", row["sku"]):
                problems.append(problem)
            elif (row["kode_umkm"], row["sku"]) in seen:
                problems.append(
                    RowProblem.of(
                        line,
                        "sku",
                        RowCode.REPEATED,
                        (f"{row['sku']} is already on line {seen[(row['kode_umkm'], row['sku'])]}"),
                        value=row["sku"],
                        line=seen[(row["kode_umkm"], row["sku"])],
                    )
                )
            if not row["nama"]:
                problems.append(RowProblem.of(line, "nama", RowCode.EMPTY, "must not be empty"))
            if not row["kategori"]:
                problems.append(RowProblem.of(line, "kategori", RowCode.EMPTY, "must not be empty"))
            problems += length_problems(line, row, {"nama": 200, "kategori": 64})
            price = 0
            try:
                price = parse_rupiah(row["harga"])
                if price <= 0:
                    problems.append(
                        RowProblem.of(line, "harga", RowCode.NOT_POSITIVE, "must be more than Rp0")
                    )
                elif price > MAX_LINE_AMOUNT:
                    problems.append(
                        RowProblem.of(
                            line,
                            "harga",
                            RowCode.OVER_LIMIT,
                            (
                                f"{format_rupiah(price)} is more than a till line may hold "
                                f"({format_rupiah(MAX_LINE_AMOUNT)})"
                            ),
                            value=format_rupiah(price),
                            limit=format_rupiah(MAX_LINE_AMOUNT),
                        )
                    )
            except MoneyError as error:
                problems.append(RowProblem.from_error(line, "harga", error))
            if len(problems) == found:
                seen[(row["kode_umkm"], row["sku"])] = line
                products.append(
                    Product(row["kode_umkm"], row["sku"], row["nama"], price, row["kategori"])
                )
        return CatalogPreview(products, problems)

    def import_vendors(self, path: Path, *, actor: str = "admin") -> int:
        preview = self.preview_vendors(path)
        if preview.problems:
            raise ImportRefused.bad_rows(path, preview.problems)
        return self._catalog.save_vendors(preview.items, actor=actor, at=self._clock())

    def import_products(self, path: Path, *, actor: str = "admin") -> int:
        preview = self.preview_products(path)
        if preview.problems:
            raise ImportRefused.bad_rows(path, preview.problems)
        return self._catalog.save_products(preview.items, actor=actor, at=self._clock())
