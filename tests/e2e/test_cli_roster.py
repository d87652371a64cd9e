"""`roster import` and the compliance CSV it drives (README, "CSV files")."""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk

HEADER = "bulan,nip,nama,opd,jabatan,tingkat,minimum,belanja,transaksi,kekurangan,status"
STATUSES = {"MEMENUHI", "KURANG", "TIDAK_BELANJA", "DIKECUALIKAN", "TIDAK_TERDAFTAR"}
AMOUNTS = ("minimum", "belanja", "transaksi", "kekurangan")
WALI_KOTA = "196608141992031002"  # bought nothing in the sample
SEKDA = "196902111991031004"  # bought Rp175.000 on 2026-11-05 (sales-paper.csv)
HASAN = "198207212009011005"  # eselon_iv in roster.csv, eselon_iii in roster-2026-12.csv
DOMINGGUS = "196811061994031003"  # on roster.csv, gone from roster-2026-12.csv
GABRIELLA = "200004182025032031"  # new in roster-2026-12.csv


def sample_roster(kiosk: Kiosk) -> list[list[str]]:
    """roster.csv as rows of fields, header first."""
    return list(csv.reader(io.StringIO((kiosk.sample / "roster.csv").read_text("utf-8"))))


def write_rows(kiosk: Kiosk, name: str, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    kiosk.write(name, out.getvalue())


def roster_tables(kiosk: Kiosk) -> list[object]:
    return [
        kiosk.query("SELECT * FROM roster_imports ORDER BY id"),
        kiosk.query("SELECT * FROM roster_entries ORDER BY import_id, nip"),
    ]


def test_roster_import_then_compliance_export_format(
    catalogued_template: Kiosk, loaded: Kiosk
) -> None:
    assert catalogued_template.outputs["roster"].stdout == (
        "Roster as of 2026-11-01 imported: 48 people (48 new, 0 no longer listed, 0 changed).\n"
    )
    stdout, export = loaded.export("compliance", "2026-11")

    assert stdout == f"48 rows written to {loaded.home / 'exports' / 'compliance-2026-11.csv'}\n"
    assert export.raw.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    roster_nips = {row[0] for row in sample_roster(loaded)[1:]}
    assert len(export.rows) == 48
    assert {row["nip"] for row in export.rows} == roster_nips
    for row in export.rows:
        assert row["bulan"] == "2026-11"
        assert row["status"] in STATUSES, row
        for column in AMOUNTS:
            assert re.fullmatch(r"\d+", row[column]), (column, row)
        minimum, spent = int(row["minimum"]), int(row["belanja"])
        assert int(row["kekurangan"]) == max(0, minimum - spent), row
    rows = export.by("nip")
    sekda = rows[SEKDA]
    assert (sekda["tingkat"], sekda["minimum"], sekda["belanja"]) == ("sekda", "150000", "175000")
    assert (sekda["transaksi"], sekda["kekurangan"], sekda["status"]) == ("1", "0", "MEMENUHI")
    assert sekda["nama"] == "Dr. Ronald Sahetapy, S.STP., M.Si."
    wali = rows[WALI_KOTA]
    assert (wali["belanja"], wali["kekurangan"], wali["status"]) == ("0", "200000", "TIDAK_BELANJA")
    # Public buyers (empty nip, Rp75.000 and Rp50.000) count for nobody.
    assert sum(int(row["belanja"]) for row in export.rows) == 895_000 - 125_000
    assert sum(row["status"] == "MEMENUHI" for row in export.rows) == 10


def test_compliance_export_with_semicolon_delimiter(loaded: Kiosk) -> None:
    out = loaded.home / "laporan" / "kepatuhan.csv"
    stdout = loaded.ok(
        "export", "compliance", "--month", "2026-11", "--delimiter", ";", "--out", out
    )

    assert stdout == f"48 rows written to {out}\n"
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.replace(",", ";").encode() + b"\r\n")
    export = loaded.read_export(out, delimiter=";")
    assert export.header == HEADER.split(",")
    assert len(export.rows) == 48
    # Commas inside names need no quoting with ';' and must come through whole.
    assert b";Dr. Ronald Sahetapy, S.STP., M.Si.;" in raw
    assert export.by("nip")[SEKDA]["belanja"] == "175000"
    assert not (loaded.home / "exports").exists(), "--out must replace the default file"


def test_roster_history_keeps_an_old_month_byte_identical(catalogued: Kiosk) -> None:
    catalogued.write(
        "oktober.csv",
        "waktu,nip,kode_umkm,jumlah,keterangan\n"
        f"2026-10-15 09:00,{HASAN},UMKM-004,25000,Bagea\n"
        f"2026-10-16 10:00,{DOMINGGUS},UMKM-002,30.000,Kopi\n",
    )
    roster, sales = catalogued.run_many(
        ("roster", "import", catalogued.sample / "roster.csv", "--as-of", "2026-10-01"),
        ("sales", "import", "oktober.csv"),
    )
    assert catalogued.expect_ok(roster).startswith("Roster as of 2026-10-01 imported: 48 people")
    assert catalogued.expect_ok(sales) == "2 paper sales recorded.\n"
    _, before = catalogued.export("compliance", "2026-10")
    hasan = before.by("nip")[HASAN]
    assert (hasan["tingkat"], hasan["minimum"], hasan["status"]) == (
        "eselon_iv",
        "20000",
        "MEMENUHI",
    )
    assert before.by("nip")[DOMINGGUS]["status"] == "MEMENUHI"

    stdout = catalogued.ok(
        "roster", "import", catalogued.sample / "roster-2026-12.csv", "--as-of", "2026-12-01"
    )
    assert stdout == (
        "Roster as of 2026-12-01 imported: 48 people (2 new, 2 no longer listed, 1 changed).\n"
    )
    results = catalogued.run_many(
        ("export", "compliance", "--month", "2026-10"),
        ("export", "compliance", "--month", "2026-12"),
    )
    for result in results:
        catalogued.expect_ok(result)

    after = (catalogued.home / "exports" / "compliance-2026-10.csv").read_bytes()
    assert after == before.raw, "a later roster must never change an earlier month's report"
    december = catalogued.read_export(catalogued.home / "exports" / "compliance-2026-12.csv")
    nips = december.by("nip")
    assert (nips[HASAN]["tingkat"], nips[HASAN]["minimum"]) == ("eselon_iii", "30000")
    assert DOMINGGUS not in nips and GABRIELLA in nips


def test_roster_removing_over_ten_percent_needs_force(loaded: Kiosk) -> None:
    write_rows(loaded, "roster-partial.csv", sample_roster(loaded)[:41])  # header + 40 people
    before = roster_tables(loaded)

    lines = loaded.refused(
        loaded.run("roster", "import", "roster-partial.csv", "--as-of", "2026-12-01")
    )

    assert len(lines) == 1, lines
    assert lines[0].startswith("jikubata: roster-partial.csv would remove 8 of the 48 people")
    assert "--force" in lines[0]
    assert roster_tables(loaded) == before

    stdout = loaded.ok("roster", "import", "roster-partial.csv", "--as-of", "2026-12-01", "--force")

    assert stdout == (
        "Roster as of 2026-12-01 imported: 40 people (0 new, 8 no longer listed, 0 changed).\n"
    )
    assert loaded.query("SELECT row_count, forced FROM roster_imports ORDER BY id DESC")[0] == (
        40,
        1,
    )


def test_roster_with_bad_rows_is_refused_naming_line_and_column(loaded: Kiosk) -> None:
    rows = sample_roster(loaded)
    rows[2][3] = "Asisten Pemerintahan\ndan Kesejahteraan Rakyat"  # a valid two-line record
    bad_nip = rows[3][0][:-1]
    rows[3][0] = bad_nip  # file line 5 (the record above takes lines 3 and 4)
    rows[5][4] = "eselon_v"  # file line 7
    write_rows(loaded, "roster-bad.csv", rows)
    before = roster_tables(loaded)

    lines = loaded.refused(
        loaded.run("roster", "import", "roster-bad.csv", "--as-of", "2026-11-01")
    )

    assert lines[0] == (
        f"jikubata: roster-bad.csv line 5, column 'nip': '{bad_nip}' is not a valid NIP: "
        "a NIP has exactly 18 digits (and 1 more problem(s)); nothing was imported"
    )
    assert len(lines) == 3, lines
    assert lines[1].strip().startswith("line 5, column 'nip'")
    assert lines[2].strip().startswith("line 7, column 'tingkat': 'eselon_v' is not a tier")
    assert roster_tables(loaded) == before


def test_formula_in_roster_is_neutralised_on_export(initialised: Kiosk) -> None:
    initialised.write(
        "roster-formula.csv",
        "nip,nama,opd,jabatan,tingkat\n"
        f'{WALI_KOTA},"=HYPERLINK(""http://evil.example/x"",""klik"")",'
        "Sekretariat Daerah,Wali Kota Ambon,wali_kota\n"
        "197105231997032001,@SUM(A1:A9),+Dinas Kesehatan,-Kepala Dinas,eselon_ii\n",
    )
    initialised.ok("roster", "import", "roster-formula.csv", "--as-of", "2026-11-01")
    results = initialised.run_many(
        ("export", "compliance", "--month", "2026-11"),
        ("export", "opd", "--month", "2026-11"),
    )
    for result in results:
        initialised.expect_ok(result)

    exports = initialised.home / "exports"
    compliance = initialised.read_export(exports / "compliance-2026-11.csv").by("nip")
    assert compliance[WALI_KOTA]["nama"] == '\'=HYPERLINK("http://evil.example/x","klik")'
    other = compliance["197105231997032001"]
    assert (other["nama"], other["opd"], other["jabatan"]) == (
        "'@SUM(A1:A9)",
        "'+Dinas Kesehatan",
        "'-Kepala Dinas",
    )
    opd = initialised.read_export(exports / "opd-2026-11.csv")
    assert sorted(row["opd"] for row in opd.rows) == ["'+Dinas Kesehatan", "Sekretariat Daerah"]
    for name in ("compliance-2026-11.csv", "opd-2026-11.csv"):
        for row in initialised.read_export(exports / name).rows:
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@")), (name, cell)
