"""Exports and summary on central: a config whose database.url is the central PostgreSQL
exports every kiosk's sales under the same contracts; the sales export's kiosk column says
where each sale was made."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text

from kiosk.cli import main
from kiosk.domain.cart import CartLine, Payment, PaymentMethod

from ..integration.conftest import SAMPLE, first_nip_with_tier, open_shift, sell
from .central_rig import copy_entries

KIOSKS = ("AMB-01", "AMB-02", "TUL-01")


@pytest.fixture
def admin_config(central) -> Path:  # type: ignore[no-untyped-def]
    """The central admin's config.yaml (database.url = central) after three kiosks sold:
    each sold 10,000 to the same eselon IV NIP and 5,000 to a public buyer in its shift,
    and AMB-02 voided its public sale."""
    central.stock()
    nip = first_nip_with_tier(central.admin, "eselon_iv")
    for kiosk_id in KIOSKS:
        kiosk = central.kiosk(kiosk_id)
        shift = open_shift(kiosk)
        for amount, buyer in ((10_000, nip), (5_000, None)):
            kiosk.checkout.checkout(
                [CartLine("UMKM-001", "Kue", amount)],
                buyer_nip=buyer,
                operator="Ina",
                payment=Payment(PaymentMethod.TUNAI, amount),
                shift_id=shift,
            )
        if kiosk_id == "AMB-02":
            kiosk.admin.void(f"{kiosk_id}-000003", "Salah input")
    config = central.folder / "config.yaml"
    config.write_text(yaml.safe_dump(central.raw, allow_unicode=True), encoding="utf-8")
    return config


def export(config: Path, kind: str, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / f"{kind}.csv"
    assert (
        main(["--config", str(config), "export", kind, "--month", "2026-11", "--out", str(out)])
        == 0
    )
    with out.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_the_sales_export_says_which_kiosk_made_each_sale(admin_config, tmp_path):
    rows = export(admin_config, "sales", tmp_path)

    assert Counter(row["kiosk"] for row in rows) == {k: 2 for k in KIOSKS}
    for row in rows:
        assert row["no_transaksi"].startswith(row["kiosk"] + "-")
    voided = [row["no_transaksi"] for row in rows if row["status"] == "BATAL"]
    assert voided == ["AMB-02-000003"]


def test_compliance_counts_a_buyer_across_every_kiosk(admin_config, central, tmp_path):
    nip = first_nip_with_tier(central.admin, "eselon_iv")

    rows = {row["nip"]: row for row in export(admin_config, "compliance", tmp_path)}

    assert rows[nip]["belanja"] == "30000" and rows[nip]["transaksi"] == "3"
    assert rows[nip]["status"] != "" and len(rows) == 48


def test_vendors_settlement_shifts_and_opd_cover_all_kiosks(admin_config, tmp_path, capsys):
    vendors = {row["kode_umkm"]: row for row in export(admin_config, "vendors", tmp_path)}
    assert vendors["UMKM-001"]["pendapatan"] == "40000"  # 3 × 10,000 + 2 × 5,000 not voided
    assert vendors["UMKM-001"]["transaksi"] == "5"
    settlement = export(admin_config, "settlement", tmp_path)
    assert sum(int(row["pendapatan"]) for row in settlement) == 40_000
    shifts = export(admin_config, "shifts", tmp_path)
    assert sorted(row["kiosk"] for row in shifts) == list(KIOSKS)
    balances = {row["kode_umkm"]: row for row in export(admin_config, "balances", tmp_path)}
    assert balances["UMKM-001"]["pendapatan"] == "40000"
    opd = export(admin_config, "opd", tmp_path)
    assert sum(int(row["total_belanja"]) for row in opd) == 30_000
    capsys.readouterr()

    assert main(["--config", str(admin_config), "summary", "--month", "2026-11"]) == 0

    out = capsys.readouterr().out
    assert out.startswith("Kepatuhan 2026-11")
    assert "Semua OPD" in out


def test_a_sale_for_a_vendor_central_does_not_know_stays_in_the_sales_export(
    central, kiosk, tmp_path
):
    """If central's schema lets a kiosk's sale in for a vendor it lacks (cpush may drop the
    ledger rows' foreign keys to reference tables), the sales export must still list it."""
    central.stock()
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    sell(kiosk, 7_000, None, vendor="UMKM-008")
    with central.admin.db.write() as connection:
        connection.execute(text("ALTER TABLE sale_lines DROP CONSTRAINT sale_lines_kode_umkm_fkey"))
        connection.execute(text("DELETE FROM products WHERE kode_umkm = 'UMKM-008'"))
        connection.execute(text("DELETE FROM vendors WHERE kode_umkm = 'UMKM-008'"))
    copy_entries(kiosk, central)
    config = central.folder / "config.yaml"
    config.write_text(yaml.safe_dump(central.raw, allow_unicode=True), encoding="utf-8")

    rows = export(config, "sales", tmp_path)

    assert [(row["no_transaksi"], row["kode_umkm"], row["subtotal"]) for row in rows] == [
        ("AMB-01-000001", "UMKM-008", "7000")
    ]
    assert rows[0]["nama_umkm"] == ""
