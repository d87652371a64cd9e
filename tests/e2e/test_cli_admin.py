"""`sales void`, `exempt add` and `admin set-pin`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk

HASAN = "198207212009011005"  # bought Rp20.000 at UMKM-004 in AMB-01-000003
WALI_KOTA = "196608141992031002"  # Sekretariat Daerah; bought nothing in November


def test_void_marks_the_sale_batal_and_stops_it_counting(loaded: Kiosk) -> None:
    stdout = loaded.ok("sales", "void", "AMB-01-000003", "--reason", "Salah input")

    assert stdout == "Sale AMB-01-000003 (Rp20.000) voided.\n"
    results = loaded.run_many(
        *[("export", kind, "--month", "2026-11") for kind in ("sales", "compliance", "vendors")]
    )
    for result in results:
        loaded.expect_ok(result)
    exports = loaded.home / "exports"
    sales = loaded.read_export(exports / "sales-2026-11.csv")
    statuses = {row["no_transaksi"]: row["status"] for row in sales.rows}
    assert len(sales.rows) == 12
    assert statuses.pop("AMB-01-000003") == "BATAL"
    assert set(statuses.values()) == {"SAH"}
    hasan = loaded.read_export(exports / "compliance-2026-11.csv").by("nip")[HASAN]
    assert (hasan["belanja"], hasan["transaksi"], hasan["status"]) == ("0", "0", "TIDAK_BELANJA")
    bagea = loaded.read_export(exports / "vendors-2026-11.csv").by("kode_umkm")["UMKM-004"]
    assert (bagea["pendapatan"], bagea["transaksi"]) == ("65000", "2")


def test_void_twice_or_of_an_unknown_sale_fails_clearly(loaded: Kiosk) -> None:
    loaded.ok("sales", "void", "AMB-01-000005", "--reason", "Pembeli batal")

    results = loaded.run_many(
        ("sales", "void", "AMB-01-000005", "--reason", "Pembeli batal"),
        ("sales", "void", "AMB-01-000999", "--reason", "Salah input"),
        ("sales", "void", "struk-lima", "--reason", "Salah input"),
    )

    assert [loaded.refused(result) for result in results] == [
        ["jikubata: sale AMB-01-000005 was already voided"],
        ["jikubata: there is no sale AMB-01-000999"],
        ["jikubata: 'struk-lima' is not a receipt number (it looks like AMB-01-000123)"],
    ]
    assert loaded.count("voids") == 1


def test_exemption_shows_dikecualikan_and_bad_ones_are_refused(loaded: Kiosk) -> None:
    stdout = loaded.ok(
        "exempt", "add", "--nip", WALI_KOTA, "--month", "2026-11", "--reason", "Cuti"
    )

    assert stdout == f"{WALI_KOTA} is exempt for 2026-11.\n"
    again, bad_nip, compliance, opd = loaded.run_many(
        ("exempt", "add", "--nip", WALI_KOTA, "--month", "2026-11", "--reason", "Sakit"),
        ("exempt", "add", "--nip", "123", "--month", "2026-11", "--reason", "Cuti"),
        ("export", "compliance", "--month", "2026-11"),
        ("export", "opd", "--month", "2026-11"),
    )
    assert loaded.refused(again) == [
        f"jikubata: {WALI_KOTA} is already exempt for 2026-11 (reason: Cuti)"
    ]
    assert loaded.refused(bad_nip) == [
        "jikubata: '123' is not a valid NIP: a NIP has exactly 18 digits"
    ]
    assert loaded.query("SELECT nip, month, reason FROM exemptions") == [
        (WALI_KOTA, "2026-11", "Cuti")
    ]
    loaded.expect_ok(compliance)
    loaded.expect_ok(opd)
    exports = loaded.home / "exports"
    rows = loaded.read_export(exports / "compliance-2026-11.csv").rows
    wali = next(row for row in rows if row["nip"] == WALI_KOTA)
    assert (wali["status"], wali["kekurangan"]) == ("DIKECUALIKAN", "0")
    assert [row["nip"] for row in rows if row["status"] == "DIKECUALIKAN"] == [WALI_KOTA]
    setda = loaded.read_export(exports / "opd-2026-11.csv").by("opd")["Sekretariat Daerah"]
    assert (setda["jumlah_asn"], setda["wajib"], setda["dikecualikan"]) == ("9", "8", "1")


def test_admin_pin_is_read_from_stdin_and_weak_pins_are_refused(initialised: Kiosk) -> None:
    assert initialised.ok("admin", "set-pin", stdin="246810\n") == "Admin PIN set.\n"
    stored = initialised.query("SELECT value FROM kiosk_settings WHERE key = 'admin_pin'")
    assert len(stored) == 1
    assert str(stored[0][0]).startswith("scrypt$") and "246810" not in str(stored[0][0])

    short, sequence = initialised.run_many(
        ("admin", "set-pin"), ("admin", "set-pin"), stdins=["1234\n", "123456\n"]
    )

    assert initialised.refused(short) == ["jikubata: the admin PIN must be 6 to 12 digits"]
    assert initialised.refused(sequence) == [
        "jikubata: choose a PIN that is not all one digit or a simple sequence"
    ]
    assert initialised.query("SELECT value FROM kiosk_settings WHERE key = 'admin_pin'") == stored
