"""`payout add|reverse|list`, `export settlement` and `export balances` through the real
command: balances across months with a fee, a payout, an advance and a reversal; every bad
input refused in one sentence with nothing recorded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from kiosk.domain.months import Month

if TYPE_CHECKING:
    from conftest import Kiosk

SETTLEMENT_HEADER = "tanggal,kode_umkm,nama_umkm,sku,produk,terjual,pendapatan,tunai,qris"
BALANCES_HEADER = "bulan,kode_umkm,nama_umkm,pendapatan,potongan,hak_umkm,dibayar,saldo"
OCTOBER_PAPER = (
    "waktu,nip,kode_umkm,jumlah,keterangan\n2026-10-12 10:00,,UMKM-004,40000,Bagea 2 bungkus\n"
)


def this_month() -> Month:
    """The payouts are recorded now, in the stall's month (the command runs on the real clock)."""
    return Month.of(dt.datetime.now(dt.UTC), ZoneInfo("Asia/Jayapura"))


@pytest.fixture
def settled(loaded: Kiosk) -> Kiosk:
    """The 12 paper sales of 2026-11-05, one more in October for UMKM-004, a 2.5 % fee."""
    config = loaded.config.read_text(encoding="utf-8")
    assert "  fee_percent: 0\n" in config
    loaded.config.write_text(config.replace("  fee_percent: 0\n", "  fee_percent: 2.5\n"))
    loaded.ok("sales", "import", loaded.write("october.csv", OCTOBER_PAPER))
    return loaded


def balances(kiosk: Kiosk, month: Month) -> dict[str, dict[str, str]]:
    _, export = kiosk.export("balances", str(month))
    assert export.raw.startswith(b"\xef\xbb\xbf" + BALANCES_HEADER.encode() + b"\r\n")
    return export.by("kode_umkm")


def figures(row: dict[str, str]) -> tuple[int, ...]:
    columns = ("pendapatan", "potongan", "hak_umkm", "dibayar", "saldo")
    return tuple(int(row[column]) for column in columns)


def test_payouts_an_advance_and_a_reversal_carry_across_months_with_the_fee(settled: Kiosk):
    paid = settled.ok(
        "payout", "add", "--umkm", "UMKM-004", "--amount", "50.000", "--note", "Tunai ke Ibu Nelly"
    )
    # Earned: October 40.000 - 1.000 fee, November 85.000 - 2.125 fee = 121.875 owed.
    assert paid.startswith("Payout AMB-01-000014 recorded: Rp50.000 to UMKM-004 (Bagea & Kue")
    assert paid.rstrip().endswith("its balance is now Rp71.875.")

    before = settled.count("payouts")
    refused = settled.refused(
        settled.run("payout", "add", "--umkm", "UMKM-004", "--amount", "100000", "--note", "Panjar")
    )
    assert refused == [
        "jikubata: Rp100.000 is more than UMKM-004's balance of Rp71.875, so nothing was "
        "recorded: add --advance to record it as an advance (kasbon)"
    ]
    assert settled.count("payouts") == before
    advance = settled.ok(
        "payout",
        "add",
        "--umkm",
        "UMKM-004",
        "--amount",
        "100000",
        "--note",
        "Panjar bahan kue",
        "--advance",
    )
    assert advance.startswith("Advance AMB-01-000015 recorded: Rp100.000 to UMKM-004")
    assert "its balance is now -Rp28.125." in advance

    reversed_ = settled.ok("payout", "reverse", "AMB-01-000014", "--note", "Salah nominal")
    assert reversed_ == (
        "Payout AMB-01-000014 (Rp50.000 to UMKM-004) reversed by AMB-01-000016; "
        "the balance is now Rp21.875.\n"
    )
    again = settled.refused(settled.run("payout", "reverse", "AMB-01-000014", "--note", "Lagi"))
    assert again == ["jikubata: payout AMB-01-000014 was already reversed by AMB-01-000016"]

    listing = settled.ok("payout", "list", "--umkm", "UMKM-004").splitlines()
    assert [line.split()[0] for line in listing[:3]] == [
        "AMB-01-000014",
        "AMB-01-000015",
        "AMB-01-000016",
    ]
    assert listing[0].endswith("Tunai ke Ibu Nelly  reversed by AMB-01-000016")
    assert " advance " in listing[1] and "-Rp50.000" in listing[2]
    assert listing[2].endswith("reverses AMB-01-000014")
    assert listing[3].endswith("balance Rp21.875.")

    now = this_month()
    october, november, current = (
        balances(settled, m) for m in (Month(2026, 10), Month(2026, 11), now)
    )
    assert figures(october["UMKM-004"]) == (40_000, 1_000, 39_000, 0, 39_000)
    assert figures(november["UMKM-004"]) == (85_000, 2_125, 82_875, 0, 121_875)
    # Paid this month: 50.000 + 100.000 advance - 50.000 reversed.
    assert figures(current["UMKM-004"]) == (0, 0, 0, 100_000, 21_875)
    assert len(current) == 8 and figures(current["UMKM-008"])[-1] >= 0
    assert "Ledger intact: 16 entries" in settled.ok("ledger", "verify")


def test_settlement_equals_the_vendors_export_for_the_month(settled: Kiosk):
    stdout, settlement = settled.export("settlement", "2026-11")
    _, vendors = settled.export("vendors", "2026-11")

    assert stdout.startswith(f"{len(settlement.rows)} rows written to ")
    assert settlement.raw.startswith(b"\xef\xbb\xbf" + SETTLEMENT_HEADER.encode() + b"\r\n")
    assert {row["tanggal"] for row in settlement.rows} == {"2026-11-05"}
    assert all(row["sku"] == "" for row in settlement.rows), "paper sales are free amounts"
    assert all(row["qris"] == "0" for row in settlement.rows), "paper sales are cash"
    for kode, vendor in vendors.by("kode_umkm").items():
        mine = [row for row in settlement.rows if row["kode_umkm"] == kode]
        assert sum(int(row["pendapatan"]) for row in mine) == int(vendor["pendapatan"]), kode
        assert sum(int(row["tunai"]) for row in mine) == int(vendor["pendapatan"]), kode
        assert sum(int(row["terjual"]) for row in mine) == int(vendor["item"]), kode
    bagea = [row for row in settlement.rows if row["kode_umkm"] == "UMKM-004"]
    assert [(row["produk"], row["pendapatan"]) for row in bagea] == [
        ("Bagea 2 bungkus", "40000"),
        ("Bagea 250 g 1 bungkus", "20000"),
        ("Kue asida 5 potong", "25000"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--umkm", "UMKM-004", "--amount", "12.500,50", "--note", "Tunai"),
            "'12.500,50' is not whole rupiah (rupiah have no cents)",
        ),
        (
            ("--umkm", "UMKM-004", "--amount", "0", "--note", "Tunai"),
            "a payout must be whole rupiah above Rp0 (got 0)",
        ),
        (
            ("--umkm", "UMKM-999", "--amount", "10000", "--note", "Tunai"),
            "there is no UMKM 'UMKM-999' (import it with 'jikubata vendors import')",
        ),
        (
            ("--umkm", "UMKM-004", "--amount", "10000", "--note", "  "),
            "a payout needs a note (to whom, how)",
        ),
        (
            ("--umkm", "UMKM-004", "--amount", "10.000.000", "--note", "Tunai"),
            "Rp10.000.000 is more than UMKM-004's balance of Rp121.875, so nothing was "
            "recorded: add --advance to record it as an advance (kasbon)",
        ),
    ],
    ids=["cents", "zero", "unknown-umkm", "empty-note", "above-balance"],
)
def test_bad_payouts_are_one_sentence_and_record_nothing(settled: Kiosk, args, message):
    entries = settled.count("entries")
    assert settled.refused(settled.run("payout", "add", *args)) == [f"jikubata: {message}"]
    assert (settled.count("payouts"), settled.count("entries")) == (0, entries)


def test_reversing_what_is_no_payout_is_refused(settled: Kiosk):
    results = settled.run_many(
        ("payout", "reverse", "AMB-01-000001", "--note", "Salah"),  # a paper sale's number
        ("payout", "reverse", "AMB-01-000099", "--note", "Salah"),
        ("payout", "list", "--month", "2026-11"),
    )
    assert settled.refused(results[0]) == ["jikubata: there is no payout AMB-01-000001"]
    assert settled.refused(results[1]) == ["jikubata: there is no payout AMB-01-000099"]
    assert settled.expect_ok(results[2]) == "No payouts in 2026-11.\n"
