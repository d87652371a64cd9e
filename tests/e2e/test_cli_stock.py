"""`jikubata stock add|show`, run as an admin would: drop-offs and a correction for a day,
the kiosk's sales taking from the count, and every bad input refused in one sentence with
nothing recorded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk.bootstrap import open_kiosk
from kiosk.config import load_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod

if TYPE_CHECKING:
    from conftest import Kiosk


def today() -> str:
    return dt.datetime.now(ZoneInfo("Asia/Jayapura")).date().isoformat()


def sell_sagu(kiosk: Kiosk, pieces: int) -> None:
    """Two pieces rung up at the kiosk now (the same checkout the screens use)."""
    with open_kiosk(load_settings(kiosk.config)) as opened:
        line = CartLine("UMKM-001", "Sagu lempeng isi 10 keping", 15_000, pieces, "SAGU-LMP")
        opened.checkout.checkout(
            [line],
            buyer_nip=None,
            operator="Ina",
            payment=Payment(PaymentMethod.TUNAI, line.subtotal),
        )


def test_drop_offs_a_sale_a_correction_and_show(catalogued: Kiosk):
    first = catalogued.ok(
        "stock", "add", "--sku", "SAGU-LMP", "--umkm", "UMKM-001", "--pieces", "6"
    )
    assert first == (
        f"Drop-off of +6 recorded for SAGU-LMP (Sagu lempeng isi 10 keping) of UMKM-001 on "
        f"{today()}: dropped 6, sold 0, left 6.\n"
    )
    catalogued.ok("stock", "add", "--sku", "ASIDA", "--umkm", "UMKM-004", "--pieces", "20")
    sell_sagu(catalogued, 2)
    before = catalogued.count("stock_drops")
    lines = catalogued.refused(
        catalogued.run("stock", "add", "--sku", "SAGU-LMP", "--umkm", "UMKM-001", "--pieces", "-5")
    )
    assert lines == [
        "jikubata: Sagu lempeng isi 10 keping would have 1 piece(s) dropped off today but 2 "
        "were already sold; nothing was recorded"
    ]
    assert catalogued.count("stock_drops") == before
    fixed = catalogued.ok(
        "stock", "add", "--sku", "SAGU-LMP", "--umkm", "UMKM-001", "--pieces", "-1",
        "--note", "salah hitung",
    )  # fmt: skip
    assert fixed.startswith("Correction of -1 recorded") and "left 3." in fixed
    shown = catalogued.ok("stock", "show")
    assert shown.splitlines() == [
        f"Stock on {today()} (dropped, sold, left = returned at close):",
        "  UMKM-001  SAGU-LMP      5      2      3  Sagu lempeng isi 10 keping",
        "  UMKM-004  ASIDA        20      0     20  Kue asida per potong",
    ]
    assert catalogued.ok("stock", "show", "--date", "2026-01-02") == (
        "No product is counted on 2026-01-02.\n"
    )
    notes = catalogued.query("SELECT quantity, created_by, note FROM stock_drops ORDER BY id")
    assert notes == [(6, "admin", None), (20, "admin", None), (-1, "admin", "salah hitung")]


def test_bad_input_is_one_sentence_and_records_nothing(catalogued: Kiosk):
    base = ("stock", "add", "--umkm", "UMKM-001", "--sku")
    results = catalogued.run_many(
        (*base, "SAGU-LMP", "--pieces", "2.5"),
        (*base, "SAGU-LMP", "--pieces", "tiga"),
        (*base, "SAGU-LMP", "--pieces", "0"),
        (*base, "NOPE", "--pieces", "3"),
        ("stock", "add", "--umkm", "UMKM-404", "--sku", "SAGU-LMP", "--pieces", "3"),
    )
    said = [catalogued.refused(result) for result in results]
    assert said == [
        ["jikubata: '2.5' is not a whole number of pieces"],
        ["jikubata: 'tiga' is not a whole number of pieces"],
        ["jikubata: a drop-off of 0 pieces changes nothing"],
        ["jikubata: UMKM 'UMKM-001' has no product with SKU 'NOPE'"],
        ["jikubata: UMKM 'UMKM-404' has no product with SKU 'SAGU-LMP'"],
    ]
    assert catalogued.count("stock_drops") == 0
