"""`jikubata shift status|close` and `export shifts`, run as an admin would: a shift opened
and sold in at the kiosk (through the same services the screens use), then seen and closed
from the terminal; each bad input refused in one sentence with nothing recorded."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

if TYPE_CHECKING:
    from conftest import Kiosk

SHIFTS_HEADER = (
    "tanggal,kiosk,shift,buka,tutup,petugas,modal_awal,tunai_seharusnya,tunai_dihitung,"
    "selisih,alasan,qris,transaksi,batal"
)


def this_month() -> str:
    return dt.datetime.now(ZoneInfo("Asia/Jayapura")).strftime("%Y-%m")


def test_status_without_an_open_shift_says_so_and_succeeds(catalogued: Kiosk) -> None:
    assert catalogued.ok("shift", "status") == "No till shift is open on AMB-01.\n"


def test_status_shows_the_open_shift_its_operators_and_expected_cash(selling: Kiosk) -> None:
    out = selling.ok("shift", "status")
    assert out.startswith("Shift 1 on AMB-01 is open since ")
    assert "operators: Ina." in out
    assert "expected cash       Rp125.000" in out
    assert "QRIS (apart)         Rp10.000" in out
    assert "2 sale(s) (AMB-01-000002 to AMB-01-000003), 0 void(s) (Rp0)" in out


@pytest.mark.parametrize("counted", ["120000.5", "120.000,50", "-5000", "banyak"])
def test_a_count_that_is_not_whole_rupiah_is_refused_and_nothing_recorded(
    selling: Kiosk, counted: str
) -> None:
    before = selling.count("shift_events")
    (line,) = selling.refused(
        selling.run("shift", "close", "--counted", counted, "--reason", "Salah hitung")
    )
    assert line.startswith("jikubata: ") and "rupiah" in line
    assert selling.count("shift_events") == before


def test_a_difference_without_a_reason_is_refused_and_nothing_recorded(selling: Kiosk) -> None:
    before = selling.count("shift_events")
    (line,) = selling.refused(selling.run("shift", "close", "--counted", "120000"))
    assert line == ("jikubata: the count differs from the expected cash by -Rp5.000; give a reason")
    assert selling.count("shift_events") == before


def test_close_then_export_the_shift_and_closing_again_is_refused(selling: Kiosk) -> None:
    out = selling.ok("shift", "close", "--counted", "Rp120.000", "--reason", "Kembalian salah")
    assert out.startswith(
        "Shift 1 closed: counted Rp120.000, expected Rp125.000, difference -Rp5.000 "
        "(Kembalian salah)."
    )
    before = selling.count("shift_events")
    (line,) = selling.refused(selling.run("shift", "close", "--counted", "0"))
    assert line == "jikubata: no till shift is open on this kiosk"
    assert selling.count("shift_events") == before
    assert selling.ok("shift", "status") == "No till shift is open on AMB-01.\n"

    stdout, export = selling.export("shifts", this_month())
    assert stdout.startswith("1 rows written to ")
    assert export.raw.startswith(b"\xef\xbb\xbf" + SHIFTS_HEADER.encode() + b"\r\n")
    (row,) = export.rows
    assert row["kiosk"] == "AMB-01" and row["shift"] == "1" and row["petugas"] == "Ina"
    assert (row["modal_awal"], row["tunai_seharusnya"], row["tunai_dihitung"]) == (
        "100000",
        "125000",
        "120000",
    )
    assert row["selisih"] == "-5000"
    assert row["alasan"] == "Kembalian salah; ditutup lewat perintah shift close"
    assert (row["qris"], row["transaksi"], row["batal"]) == ("10000", "2", "0")
    assert row["tanggal"] == dt.datetime.now(ZoneInfo("Asia/Jayapura")).strftime("%Y-%m-%d")
    assert len(row["buka"]) == 5 and row["tutup"].count(":") == 1
    assert "ledger intact" in selling.ok("ledger", "verify").lower()


def test_a_payout_from_the_till_lowers_the_open_shifts_expected_cash(selling: Kiosk) -> None:
    """Cash handed to a UMKM out of the drawer during the shift: the close must expect less.
    The sales above give UMKM-001 a balance of Rp35.000."""
    out = selling.ok(
        "payout", "add", "--umkm", "UMKM-001", "--amount", "20000", "--note", "Tunai dari laci",
        "--from-till",
    )  # fmt: skip
    assert "out of the till of shift 1" in out
    status = selling.ok("shift", "status")
    assert "till payouts -       Rp20.000" in status
    assert "expected cash       Rp105.000" in status


def test_a_payout_from_the_till_without_an_open_shift_is_refused(catalogued: Kiosk) -> None:
    result = catalogued.run(
        "payout", "add", "--umkm", "UMKM-001", "--amount", "1000", "--note", "Tunai",
        "--from-till", "--advance",
    )  # fmt: skip
    assert result.returncode != 0
    assert "no till shift is open" in result.stderr
    assert "nothing was recorded" in result.stderr
    assert catalogued.ok("payout", "list") == "No payouts.\n"
