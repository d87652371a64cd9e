"""The CSV exports an admin opens in Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from kiosk.domain.months import Month
from kiosk.services.csv_output import write_csv
from kiosk.services.exports import COMPLIANCE_HEADER, SALES_HEADER

from .conftest import first_nip_with_tier, sell


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """Everything here must hold on the kiosk's SQLite and on a central PostgreSQL."""
    return request.param


def read(path: Path, delimiter: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to show accents"
    # newline="": a CR or LF inside a quoted cell is part of the cell, as in Excel
    text = io.StringIO(raw.decode("utf-8-sig"), newline="")
    return list(csv.reader(text, delimiter=delimiter))


def test_compliance_export_format(stocked, tmp_path: Path):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    sell(stocked, 15_000, nip)
    out = tmp_path / "c.csv"
    assert stocked.exports.compliance(Month(2026, 11), out) == 48
    rows = read(out)
    assert tuple(rows[0]) == COMPLIANCE_HEADER
    row = next(r for r in rows if r[1] == nip)
    assert row[0] == "2026-11" and row[6:] == ["20000", "15000", "1", "5000", "KURANG"]
    assert b"\r\n" in out.read_bytes()


def test_semicolon_export_and_decimal_comma_in_opd_summary(stocked, tmp_path: Path):
    sell(stocked, 200_000, first_nip_with_tier(stocked, "wali_kota"))
    out = tmp_path / "opd.csv"
    stocked.exports.opd(Month(2026, 11), out, ";")
    rows = read(out, ";")
    assert rows[0][:3] == ["bulan", "opd", "jumlah_asn"]
    setda = next(r for r in rows if r[1] == "Sekretariat Daerah")
    assert setda[4] == "1" and setda[8] == "11,1"  # 1 of 9 met, decimal comma for ';' files


def test_sales_export_marks_voids_and_uses_wall_clock_time(stocked, clock, tmp_path: Path):
    nip = first_nip_with_tier(stocked, "eselon_iii")
    clock.set_wit("2026-11-01 00:10")
    kept = sell(stocked, 12_000, nip, vendor="UMKM-002")
    voided = sell(stocked, 8_000, None)
    stocked.admin.void(voided, "Transaksi ganda")
    out = tmp_path / "s.csv"
    stocked.exports.sales(Month(2026, 11), out)
    rows = read(out)
    assert tuple(rows[0][:14]) == SALES_HEADER[:14]
    by_number = {r[1]: r for r in rows[1:]}
    person = stocked.roster.person_on(nip, dt.date(2026, 11, 30))
    assert by_number[kept][0] == "2026-11-01 00:10"
    assert by_number[kept][3] == "UMKM-002" and by_number[kept][9:14] == [
        nip,
        person.nama,
        person.opd,
        "TUNAI",
        "SAH",
    ]
    assert by_number[voided][13] == "BATAL"


def test_vendor_export_lists_vendors_that_sold_nothing(stocked, tmp_path: Path):
    sell(stocked, 30_000, None, vendor="UMKM-003")
    out = tmp_path / "v.csv"
    assert stocked.exports.vendors(Month(2026, 11), out) == 8
    rows = {r[1]: r for r in read(out)[1:]}
    assert rows["UMKM-003"][3:] == ["30000", "1", "1"]
    assert rows["UMKM-001"][3:] == ["0", "0", "0"]


@pytest.mark.parametrize("text_columns", [None, (0,)], ids=["every-cell", "text-columns"])
@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+62812", "'+62812"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Siti =1+2", "Siti =1+2"),  # only the first character counts
    ],
)
def test_formula_like_text_is_neutralised(
    tmp_path: Path, cell: str, written: str, text_columns: tuple[int, ...] | None
):
    out = tmp_path / "x.csv"
    write_csv(out, ["nama", "jumlah"], [[cell, -5]], text_columns=text_columns)
    rows = read(out)
    assert rows[1] == [written, "-5"]  # numbers stay numbers


def test_a_number_or_nothing_in_a_declared_text_column_is_written_as_is(tmp_path: Path):
    out = tmp_path / "x.csv"
    write_csv(out, ["nama", "jumlah"], [[-5, 1], [None, 2], ["", 3]], text_columns=(0,))
    assert read(out)[1:] == [["-5", "1"], ["", "2"], ["", "3"]]


def test_a_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path: Path):
    out = tmp_path / "x.csv"
    write_csv(out, ["a"], [["old"]])

    def rows():  # type: ignore[no-untyped-def]
        yield ["new"]
        raise RuntimeError("disk went away")

    with pytest.raises(RuntimeError):
        write_csv(out, ["a"], rows())
    assert read(out)[1] == ["old"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


def test_declared_text_columns_are_neutralised(tmp_path: Path):
    out = tmp_path / "x.csv"
    write_csv(
        out,
        ["nama", "nip", "jumlah"],
        [["=cmd", "198504122010011001", 5], [None, "x", 1]],
        text_columns=(0,),
    )
    rows = read(out)
    assert rows[1] == ["'=cmd", "198504122010011001", "5"]
    assert rows[2] == ["", "x", "1"]


def test_compliance_export_neutralises_a_formula_in_a_name(stocked, tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "nip,nama,opd,jabatan,tingkat\n"
        '198504122010011001,"=HYPERLINK(""x"")",+Dinas,@Kasi,eselon_iv\n',
        encoding="utf-8",
    )
    stocked.roster_importer.import_file(path, dt.date(2026, 11, 1), force=True)
    out = tmp_path / "c.csv"
    stocked.exports.compliance(Month(2026, 11), out)
    (row,) = read(out)[1:]
    assert row[2:5] == ['\'=HYPERLINK("x")', "'+Dinas", "'@Kasi"]


def test_people_who_owe_nothing_do_not_inflate_the_compliance_rate(stocked, tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_text(
        "nip,nama,opd,jabatan,tingkat\n"
        "198504122010011001,Ani,Dinas X,Kasi,eselon_iv\n"
        "198504132010012002,Budi,Dinas X,Honorer,honorer\n"
        "198504142010011003,Citra,Dinas X,Honorer,honorer\n",
        encoding="utf-8",
    )
    stocked.roster_importer.import_file(path, dt.date(2026, 11, 1), force=True)
    (summary,) = stocked.compliance.opd_summary(Month(2026, 11))
    assert (summary.people, summary.obliged, summary.met) == (3, 1, 0)
    assert summary.compliance_rate == 0.0  # not 2/3: the two honorer owe nothing
    out = tmp_path / "opd.csv"
    stocked.exports.opd(Month(2026, 11), out)
    assert read(out)[1][2:5] == ["3", "1", "0"]


def test_sales_export_says_how_each_buyer_was_identified_in_its_last_column(
    stocked, tmp_path: Path
):
    from kiosk.domain.cart import CartLine, Payment, PaymentMethod
    from kiosk.domain.identity import BuyerIdentity

    nip = first_nip_with_tier(stocked, "eselon_iii")
    numbers = {}
    for identity in (*BuyerIdentity, None):  # None: a sale made before the column existed
        numbers[identity] = stocked.checkout.checkout(
            [CartLine("UMKM-001", "Kue", 5_000)],
            buyer_nip=None if identity is BuyerIdentity.PUBLIC else nip,
            operator="Ina",
            payment=Payment(PaymentMethod.TUNAI, 5_000),
            identity=identity,
        ).sale.number
    out = tmp_path / "s.csv"
    stocked.exports.sales(Month(2026, 11), out)
    rows = read(out)
    assert rows[0][-3:] == ["petugas", "sumber", "identitas"]  # added at the end
    by_number = {r[1]: r[-1] for r in rows[1:]}
    assert [by_number[numbers[identity]] for identity in numbers] == [
        "kartu",
        "qr-lain",
        "ketik",
        "umum",
        "kertas",
        "",
    ]
