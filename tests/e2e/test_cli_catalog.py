"""`vendors import` and `products import`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk


def test_vendors_then_products_import(catalogued_template: Kiosk, catalogued: Kiosk) -> None:
    assert catalogued_template.outputs["vendors"].stdout == "8 UMKM imported.\n"
    assert catalogued_template.outputs["products"].stdout == "38 products imported.\n"
    assert catalogued.query("SELECT nama FROM vendors WHERE kode_umkm = 'UMKM-001'") == [
        ("Dapur Sagu Mama Ona",)
    ]
    assert catalogued.count("products") == 38
    assert catalogued.query(
        "SELECT nama, harga FROM products WHERE kode_umkm = 'UMKM-001' AND sku = 'SAGU-LMP'"
    ) == [("Sagu lempeng isi 10 keping", 15000)]


def test_bad_vendors_file_is_refused_whole(catalogued: Kiosk) -> None:
    catalogued.write(
        "vendors-bad.csv",
        "kode_umkm,nama,pemilik,telepon\n"
        "UMKM-009,Sagu Baru,Ona,0812-1111-2222\n"
        "UMKM-010,Kopi Baru,Hamid,bukan nomor\n"
        "UMKM-009,Sagu Lagi,Ona,0812-1111-3333\n",
    )
    before = catalogued.query("SELECT * FROM vendors ORDER BY kode_umkm")

    lines = catalogued.refused(catalogued.run("vendors", "import", "vendors-bad.csv"))

    assert lines[0].startswith("jikubata: vendors-bad.csv line 3, column 'telepon':")
    assert lines[0].endswith("(and 1 more problem(s)); nothing was imported")
    assert lines[2].strip() == "line 4, column 'kode_umkm': UMKM-009 is already on line 2"
    assert catalogued.query("SELECT * FROM vendors ORDER BY kode_umkm") == before


def test_products_before_vendors_is_refused(initialised: Kiosk) -> None:
    lines = initialised.refused(
        initialised.run("products", "import", initialised.sample / "products.csv")
    )

    assert lines[0].startswith(
        "jikubata: products.csv line 2, column 'kode_umkm': 'UMKM-001' is not a known UMKM; "
        "import the vendors first"
    )
    assert lines[0].endswith("(and 37 more problem(s)); nothing was imported")
    # Every one of the 38 rows is listed up to 30, then a count of the rest.
    assert len(lines) == 1 + 30 + 1, lines
    assert lines[-1].strip() == "… and 8 more"
    assert initialised.count("products") == 0
    assert initialised.count("vendors") == 0
