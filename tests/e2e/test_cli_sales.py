"""`sales import`: paper records, once, all rows or none."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Kiosk

KEPALA_BKPSDM = "196807041993031005"  # eselon_ii, minimum Rp100.000
NOT_ON_ROSTER = "199001012020121001"  # a valid NIP that is on no roster


def sales_export_rows(kiosk: Kiosk, month: str = "2026-11") -> int:
    return len(kiosk.export("sales", month)[1].rows)


def test_paper_sales_are_imported_once(loaded_template: Kiosk, loaded: Kiosk) -> None:
    assert loaded_template.outputs["sales"].stdout == "12 paper sales recorded.\n"
    paper = loaded.sample / "sales-paper.csv"
    # The same purchases as Excel re-saves them: BOM, ';' and CRLF.
    out = io.StringIO()
    rows = csv.reader(io.StringIO(paper.read_text(encoding="utf-8"), newline=""))
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    resaved = loaded.write("sales-paper-excel.csv", out.getvalue(), bom=True)
    assert out.getvalue() != paper.read_text(encoding="utf-8")
    sales_before = loaded.query("SELECT id, total FROM sales ORDER BY id")

    again, excel = loaded.run_many(("sales", "import", paper), ("sales", "import", resaved))

    for result, name in ((again, "sales-paper.csv"), (excel, "sales-paper-excel.csv")):
        (line,) = loaded.refused(result)
        assert line.startswith(f"jikubata: {name}: this file was already imported"), line
        assert line.endswith("nothing was imported")
    assert loaded.query("SELECT id, total FROM sales ORDER BY id") == sales_before
    assert len(sales_before) == 12
    assert loaded.count("sales_imports") == 1


def test_bad_sales_file_lists_every_bad_row_and_imports_nothing(loaded: Kiosk) -> None:
    result = loaded.run("sales", "import", loaded.sample / "sales-paper-bad.csv")

    lines = loaded.refused(result)
    assert lines[0].startswith("jikubata: sales-paper-bad.csv line 4, column 'nip':")
    assert lines[0].endswith("(and 2 more problem(s)); nothing was imported")
    listed = [line.strip() for line in lines[1:]]
    assert len(listed) == 3, lines
    assert listed[0].startswith("line 4, column 'nip': '19930815201902101' is not a valid NIP")
    assert listed[1].startswith("line 6, column 'jumlah': 'dua puluh ribu' is not an amount")
    assert listed[2] == "line 7, column 'kode_umkm': 'UMKM-999' is not a known UMKM"
    assert loaded.count("sales_imports") == 1
    assert sales_export_rows(loaded) == 12


def test_sales_csv_with_semicolons_and_bom_is_accepted(loaded: Kiosk) -> None:
    loaded.write(
        "penjualan-excel.csv",
        "waktu;nip;kode_umkm;jumlah;keterangan\r\n"
        # 23:50 WIT on 31 October is October, 00:30 WIT on 1 November is November, although
        # both are 31 October in UTC.
        f"2026-10-31 23:50;{KEPALA_BKPSDM};UMKM-002;60.000;Kopi bubuk\r\n"
        f"2026-11-01 00:30;{KEPALA_BKPSDM};UMKM-002;Rp80.000;Kopi, gula aren\r\n"
        "2026-11-10 12:00;;UMKM-004;Rp 20.000,00;=1+2\r\n"
        f"2026-11-12 09:00;{NOT_ON_ROSTER};UMKM-001;15000;Sagu\r\n",
        bom=True,
    )

    assert loaded.ok("sales", "import", "penjualan-excel.csv") == "4 paper sales recorded.\n"
    for result in loaded.run_many(
        ("export", "compliance", "--month", "2026-11"), ("export", "sales", "--month", "2026-11")
    ):
        loaded.expect_ok(result)

    exports = loaded.home / "exports"
    compliance = loaded.read_export(exports / "compliance-2026-11.csv")
    kepala = compliance.by("nip")[KEPALA_BKPSDM]
    assert (kepala["belanja"], kepala["transaksi"]) == ("80000", "1")
    assert (kepala["kekurangan"], kepala["status"]) == ("20000", "KURANG")
    assert len(compliance.rows) == 49
    stranger = compliance.rows[-1]
    assert stranger["nip"] == NOT_ON_ROSTER
    assert (stranger["status"], stranger["nama"], stranger["belanja"]) == (
        "TIDAK_TERDAFTAR",
        "",
        "15000",
    )
    assert stranger["kekurangan"] == "0"

    sales = loaded.read_export(exports / "sales-2026-11.csv")
    assert len(sales.rows) == 12 + 3
    first = sales.rows[0]
    assert (first["waktu"], first["produk"], first["subtotal"]) == (
        "2026-11-01 00:30",
        "Kopi, gula aren",
        "80000",
    )
    public = next(row for row in sales.rows if row["waktu"] == "2026-11-10 12:00")
    assert (public["produk"], public["harga"], public["nip"]) == ("'=1+2", "20000", "")


def test_sales_rows_with_bad_time_or_amount_are_refused(loaded: Kiosk) -> None:
    loaded.write(
        "penjualan-salah.csv",
        "waktu,nip,kode_umkm,jumlah,keterangan\n"
        "2099-01-01 10:00,,UMKM-001,15000,Dari masa depan\n"
        "05/11/2026 08:12,,UMKM-001,15000,Format tanggal salah\n"
        "2026-11-09 08:00,,UMKM-001,0,Gratis\n"
        "2026-11-09 09:00,,UMKM-001,15000,Baik\n"
        "2026-11-09 10:00,,UMKM-001,-5000,Minus\n",
    )

    lines = loaded.refused(loaded.run("sales", "import", "penjualan-salah.csv"))

    listed = [line.strip() for line in lines[1:]]
    assert [item.split(":")[0] for item in listed] == [
        "line 2, column 'waktu'",
        "line 3, column 'waktu'",
        "line 4, column 'jumlah'",
        "line 6, column 'jumlah'",
    ]
    assert "2099-01-01 10:00 is in the future" in listed[0]
    assert lines[0].startswith("jikubata: penjualan-salah.csv line 2, column 'waktu'")
    assert loaded.count("sales") == 12


def test_amount_with_a_comma_thousands_separator_is_not_taken_for_rp20(loaded: Kiosk) -> None:
    """Excel with English number formats saves Rp20.000 as "20,000". Read as twenty rupiah with
    three zero decimals, a Rp20.000 purchase silently becomes Rp20 in the ledger; it must be
    refused (like "20.00" is) or read as 20000, never recorded as Rp20."""
    loaded.write(
        "penjualan-koma.csv",
        'waktu,nip,kode_umkm,jumlah,keterangan\n2026-11-09 08:00,,UMKM-004,"20,000",Bagea koma\n',
    )

    result = loaded.run("sales", "import", "penjualan-koma.csv")

    totals = [row[0] for row in loaded.query("SELECT total FROM sales WHERE note = 'Bagea koma'")]
    assert 20 not in totals, "'20,000' was recorded as Rp20"
    if result.returncode == 0:
        assert totals == [20000]
    else:
        lines = loaded.refused(result)
        assert lines[0].startswith("jikubata: penjualan-koma.csv line 2, column 'jumlah'")
        assert totals == []


def test_rows_already_imported_from_another_file_are_refused_unless_allowed(loaded: Kiosk) -> None:
    """Issue #9, finding 9: a second file holding rows of sales-paper.csv counted them twice."""
    loaded.write(
        "penjualan-susulan.csv",
        "waktu,nip,kode_umkm,jumlah,keterangan\n"
        "2026-11-06 09:00,,UMKM-001,15000,Sagu\n"
        "2026-11-05 09:05,198207212009011005,UMKM-004,20000,Bagea\n"
        "2026-11-05 09:47,,UMKM-005,75.000,Ikan asar\n"
        "2026-11-05 14:02,197103291999031001,UMKM-003,150000,Syal tenun\n",
    )

    lines = loaded.refused(loaded.run("sales", "import", "penjualan-susulan.csv"))

    assert lines[0].startswith("jikubata: penjualan-susulan.csv line 3: the same purchase")
    listed = [line.strip() for line in lines[1:]]
    assert [item.split(":")[0] for item in listed] == ["line 3", "line 4", "line 5"]
    assert all("already imported from 'sales-paper.csv'" in item for item in listed)
    assert all("--allow-repeated-rows" in item for item in listed)
    assert loaded.count("sales") == 12

    assert (
        loaded.ok("sales", "import", "penjualan-susulan.csv", "--allow-repeated-rows")
        == "4 paper sales recorded.\n"
    )
    assert loaded.count("sales") == 16


@pytest.mark.parametrize("written", ["0001-01-01 00:00", "1900-01-01 09:00"])
def test_a_time_before_the_programme_is_refused_without_a_traceback(
    loaded: Kiosk, written: str
) -> None:
    """Issue #9, finding 10: 0001-01-01 00:00 printed an OverflowError, 1900 was recorded."""
    loaded.write(
        "penjualan-lama.csv", f"waktu,nip,kode_umkm,jumlah,keterangan\n{written},,UMKM-001,5000,x\n"
    )

    (line,) = loaded.refused(loaded.run("sales", "import", "penjualan-lama.csv"))

    assert line == (
        f"jikubata: penjualan-lama.csv line 2, column 'waktu': {written} is before the programme "
        "started (2022-09-01 00:00, stall time); nothing was imported"
    )
    assert loaded.count("sales") == 12
