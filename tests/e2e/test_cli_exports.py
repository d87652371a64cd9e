"""`export opd|vendors|sales`: headers and contents; a failed export writes no file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk

BOM = b"\xef\xbb\xbf"
OPD_HEADER = [
    "bulan",
    "opd",
    "jumlah_asn",
    "wajib",
    "memenuhi",
    "kurang",
    "tidak_belanja",
    "dikecualikan",
    "persen_memenuhi",
    "total_belanja",
]
VENDOR_HEADER = ["bulan", "kode_umkm", "nama_umkm", "pendapatan", "transaksi", "item"]
SALES_HEADER_START = (
    "waktu,no_transaksi,kiosk,kode_umkm,nama_umkm,produk,jumlah,harga,subtotal,"
    "nip,nama,opd,metode_bayar,status"
)


def test_opd_vendors_and_sales_exports(loaded: Kiosk) -> None:
    results = loaded.run_many(
        *[("export", kind, "--month", "2026-11") for kind in ("opd", "vendors", "sales")]
    )
    for result in results:
        loaded.expect_ok(result)
    exports = loaded.home / "exports"
    opd = loaded.read_export(exports / "opd-2026-11.csv")
    vendors = loaded.read_export(exports / "vendors-2026-11.csv")
    sales = loaded.read_export(exports / "sales-2026-11.csv")

    for export in (opd, vendors, sales):
        assert export.raw.startswith(BOM), export.path.name
    assert opd.header == OPD_HEADER
    assert vendors.header == VENDOR_HEADER
    assert sales.raw.startswith(BOM + SALES_HEADER_START.encode())

    assert len(opd.rows) == 7
    assert sum(int(row["jumlah_asn"]) for row in opd.rows) == 48
    assert sum(int(row["memenuhi"]) for row in opd.rows) == 10
    assert sum(int(row["total_belanja"]) for row in opd.rows) == 770_000
    assert all(re.fullmatch(r"\d+\.\d", row["persen_memenuhi"]) for row in opd.rows)
    assert opd.by("opd")["Dinas Kesehatan"]["persen_memenuhi"] == "28.6"

    assert [row["kode_umkm"] for row in vendors.rows] == [f"UMKM-00{i}" for i in range(1, 9)]
    assert sum(int(row["pendapatan"]) for row in vendors.rows) == 895_000
    bagea = vendors.by("kode_umkm")["UMKM-004"]
    assert (bagea["pendapatan"], bagea["transaksi"]) == ("85000", "3")

    assert len(sales.rows) == 12
    assert [row["no_transaksi"] for row in sales.rows] == [f"AMB-01-{n:06d}" for n in range(1, 13)]
    first = sales.rows[0]
    assert first["waktu"] == "2026-11-05 08:12", "times must be shown on Ambon's clock (WIT)"
    assert (first["kiosk"], first["kode_umkm"], first["nama_umkm"]) == (
        "AMB-01",
        "UMKM-002",
        "Kopi Rarobang Batu Merah",
    )
    assert (first["jumlah"], first["harga"], first["subtotal"]) == ("1", "15000", "15000")
    assert (first["nip"], first["metode_bayar"], first["status"]) == (
        "199406092021032007",
        "TUNAI",
        "SAH",
    )


def test_export_without_a_roster_writes_nothing(initialised: Kiosk) -> None:
    lines = initialised.refused(initialised.run("export", "compliance", "--month", "2026-11"))

    assert lines == [
        "jikubata: no roster is in force on 2026-11-30; import one first "
        "(jikubata roster import FILE --as-of YYYY-MM-DD)"
    ]
    exports = initialised.home / "exports"
    assert not exports.exists() or not any(exports.iterdir())
