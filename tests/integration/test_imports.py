"""Roster and catalogue imports: every bad file is refused whole, with line and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.services.errors import ImportRefused

from .conftest import SAMPLE


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_roster_removing_more_than_a_tenth_is_refused_unless_forced(stocked, tmp_path: Path):
    lines = (SAMPLE / "roster.csv").read_text(encoding="utf-8").splitlines()
    partial = write(tmp_path, "partial.csv", "\n".join(lines[:40]) + "\n")  # 39 of 48 people
    with pytest.raises(ImportRefused, match=r"remove 9 of the 48 .*--force"):
        stocked.roster_importer.import_file(partial, dt.date(2026, 11, 1))
    assert len(stocked.roster.people_on(dt.date(2026, 11, 1))) == 48
    stocked.roster_importer.import_file(partial, dt.date(2026, 11, 1), force=True)
    assert len(stocked.roster.people_on(dt.date(2026, 11, 1))) == 39
    assert len(stocked.roster.people_on(dt.date(2026, 10, 31))) == 48  # history kept


def test_roster_preview_counts_changes_without_writing(stocked):
    preview = stocked.roster_importer.preview(SAMPLE / "roster-2026-12.csv", dt.date(2026, 12, 1))
    assert (preview.added, preview.removed, preview.changed) == (2, 2, 1)
    assert stocked.roster.snapshot_on(dt.date(2026, 12, 31)).as_of == dt.date(2026, 10, 1)


def test_roster_problems_are_all_listed_with_line_and_column(kiosk, tmp_path: Path):
    path = write(
        tmp_path,
        "roster.csv",
        (
            "nip,nama,opd,jabatan,tingkat\n"
            "198504122010011001,Maria Latuheru,Disperindag,Kasi,eselon_iv\n"
            "19850412201001100,Budi,Disperindag,Staf,pelaksana\n"
            "198504122010011001,Maria Lagi,Disperindag,Kasi,eselon_iv\n"
            "198504132010013001,Ani,Disperindag,Staf,pelaksana\n"
            "198504142010011002,,Disperindag,Staf,menteri\n"
        ),
    )
    with pytest.raises(ImportRefused) as refused:
        kiosk.roster_importer.import_file(path, dt.date(2026, 11, 1))
    found = [(p.line, p.column) for p in refused.value.problems]
    assert found == [(3, "nip"), (4, "nip"), (5, "nip"), (6, "nama"), (6, "tingkat")]
    assert "already on line 2" in str(refused.value.problems[1])
    assert "gender" in str(refused.value.problems[2])
    assert str(refused.value).startswith("roster.csv line 3, column 'nip'")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("nip,nama,opd,jabatan,tingkat\n", "no rows"),
        ("nip,nama,opd,jabatan\n1,2,3,4\n", "missing tingkat"),
        ("nip,nama,opd,jabatan,tingkat,gaji\n", "unexpected 'gaji'"),
        ("nip,nama,opd,jabatan,tingkat\n198504122010011001,A,B,C\n", "has 4 fields"),
        ('nip,nama,opd,jabatan,tingkat\n198504122010011001,"A,B,C,D\n', "unreadable row"),
    ],
)
def test_broken_csv_files_are_refused_clearly(kiosk, tmp_path: Path, content: str, message: str):
    path = write(tmp_path, "roster.csv", content)
    with pytest.raises(ImportRefused, match=message):
        kiosk.roster_importer.import_file(path, dt.date(2026, 11, 1))


def test_non_utf8_file_names_the_line(kiosk, tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_bytes(b"nip,nama,opd,jabatan,tingkat\n198504122010011001,Jos\xe9,B,C,pelaksana\n")
    with pytest.raises(ImportRefused, match=r"line 2 is not UTF-8.*CSV UTF-8"):
        kiosk.roster_importer.import_file(path, dt.date(2026, 11, 1))


def test_missing_file_and_folder_are_refused(kiosk, tmp_path: Path):
    with pytest.raises(ImportRefused, match="does not exist"):
        kiosk.roster_importer.import_file(tmp_path / "nope.csv", dt.date(2026, 11, 1))
    with pytest.raises(ImportRefused, match="is a folder"):
        kiosk.roster_importer.import_file(tmp_path, dt.date(2026, 11, 1))


def test_semicolon_and_bom_from_indonesian_excel_are_read(kiosk, tmp_path: Path):
    path = write(
        tmp_path,
        "roster.csv",
        "NIP;Nama;OPD;Jabatan;Tingkat\r\n"
        "198504122010011001;Maria Latuheru;Dinas Perindustrian;Kasi;eselon_iv\r\n",
        encoding="utf-8-sig",
    )
    kiosk.roster_importer.import_file(path, dt.date(2026, 11, 1))
    person = kiosk.roster.person_on("198504122010011001", dt.date(2026, 11, 1))
    assert (person.nama, person.tingkat) == ("Maria Latuheru", "eselon_iv")


def test_products_need_known_vendors_and_good_prices(kiosk, tmp_path: Path):
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    path = write(
        tmp_path,
        "products.csv",
        (
            "kode_umkm,sku,nama,harga,kategori\n"
            "UMKM-001,A1,Bagea,Rp15.000,Makanan\n"
            "UMKM-404,A2,Kopi,15000,Minuman\n"
            "UMKM-001,A1,Bagea lagi,15000,Makanan\n"
            "UMKM-001,A3,Kue,15.5,Makanan\n"
            "UMKM-001,A4,Gratis,0,Makanan\n"
        ),
    )
    with pytest.raises(ImportRefused) as refused:
        kiosk.catalog_importer.import_products(path)
    assert [(p.line, p.column) for p in refused.value.problems] == [
        (3, "kode_umkm"),
        (4, "sku"),
        (5, "harga"),
        (6, "harga"),
    ]
    assert kiosk.catalog.products() == []


def test_reimporting_vendors_updates_them_in_place(kiosk, tmp_path: Path):
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    path = write(
        tmp_path,
        "v.csv",
        "kode_umkm,nama,pemilik,telepon\nUMKM-001,Nama Baru,Pemilik Baru,0812-0000-0000\n",
    )
    kiosk.catalog_importer.import_vendors(path)
    vendors = {v.kode_umkm: v for v in kiosk.catalog.vendors()}
    assert len(vendors) == 8 and vendors["UMKM-001"].nama == "Nama Baru"


def test_values_too_long_or_too_large_for_the_database_are_refused(kiosk, tmp_path: Path):
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    long_name = "Kain tenun ikat " * 20  # 320 characters
    path = write(
        tmp_path,
        "p.csv",
        "kode_umkm,sku,nama,harga,kategori\n"
        f"UMKM-001,T1,{long_name},150000,Pakaian\n"
        "UMKM-001,T2,Tenun,3.000.000.000,Pakaian\n"
        "UMKM-001,T3,Tenun,99999999999999999999,Pakaian\n",
    )
    with pytest.raises(ImportRefused) as refused:
        kiosk.catalog_importer.import_products(path)
    assert [(p.line, p.column) for p in refused.value.problems] == [
        (2, "nama"),
        (3, "harga"),
        (4, "harga"),
    ]
    assert "longer than 200" in str(refused.value.problems[0])
    assert "more than a till line may hold" in str(refused.value.problems[1])
