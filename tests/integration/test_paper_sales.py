"""Paper sales (issue #9, findings 9 and 10): a purchase is recorded once, whatever file it
arrives in, and its time lies within the programme, each on a real SQLite ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain.money import MoneyProblem
from kiosk.services.errors import ImportRefused, RowCode

from .conftest import FakeClock, sell

HEADER = "waktu,nip,kode_umkm,jumlah,keterangan\n"
NIP = "199406092021032007"
FIRST = (
    "2026-11-05 08:12,199406092021032007,UMKM-002,15000,Kopi\n"
    "2026-11-05 08:40,196902111991031004,UMKM-006,Rp175.000,Kemeja batik\n"
    "2026-11-05 09:05,,UMKM-004,20.000,Bagea\n"
    "2026-11-05 09:18,198609082010122004,UMKM-004,40000,Bagea 2\n"
)


def write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def counts(kiosk) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        return tuple(
            connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("entries", "sales", "sale_lines", "sales_imports", "audit_log")
        )


def refused(kiosk, path: Path, **options: bool) -> ImportRefused:  # type: ignore[no-untyped-def]
    before = counts(kiosk)
    with pytest.raises(ImportRefused) as caught:
        kiosk.sales_importer.import_file(path, **options)
    assert "nothing was imported" in str(caught.value)
    assert counts(kiosk) == before
    return caught.value


BOTH = pytest.mark.parametrize("backend", ["sqlite", "postgresql"])  # the central store too


@BOTH
def test_rows_of_an_earlier_file_are_refused_naming_the_line_and_the_file(stocked, tmp_path):
    stocked.sales_importer.import_file(write(tmp_path, "november-a.csv", FIRST))
    # Three of its rows again, written differently (grouping, note), among one new purchase.
    overlapping = write(
        tmp_path,
        "november-b.csv",
        "2026-11-06 10:00,,UMKM-001,5000,Baru\n"
        "2026-11-05 08:40,196902111991031004,UMKM-006,175000,Kemeja\n"
        "2026-11-05 09:05,,UMKM-004,Rp20.000,\n"
        "2026-11-05 09:18,198609082010122004,UMKM-004,40.000,Bagea dua\n",
    )

    error = refused(stocked, overlapping)

    assert [(p.line, p.column, p.code) for p in error.problems] == [
        (3, None, RowCode.IMPORTED_BEFORE),
        (4, None, RowCode.IMPORTED_BEFORE),
        (5, None, RowCode.IMPORTED_BEFORE),
    ]
    assert all(p.values["file"] == "november-a.csv" for p in error.problems)
    assert "november-a.csv" in str(error.problems[0])
    assert str(error).startswith("november-b.csv line 3: ")


@BOTH
def test_repeated_rows_are_recorded_when_the_admin_says_they_happened_twice(stocked, tmp_path):
    stocked.sales_importer.import_file(write(tmp_path, "a.csv", FIRST))
    again = write(tmp_path, "b.csv", "2026-11-05 09:05,,UMKM-004,20000,Bagea lagi\n")

    assert stocked.sales_importer.import_file(again, allow_repeated_rows=True) == 1

    with stocked.db.read() as connection:
        totals = connection.exec_driver_sql(
            "SELECT count(*) FROM sales WHERE total = 20000 AND source = 'import'"
        ).scalar()
    assert totals == 2


def test_the_same_file_stays_refused_even_when_repeated_rows_are_allowed(stocked, tmp_path):
    path = write(tmp_path, "a.csv", FIRST)
    stocked.sales_importer.import_file(path)
    error = refused(stocked, path, allow_repeated_rows=True)
    assert "already imported" in str(error)


def test_a_kiosk_sale_with_the_same_amount_is_not_a_paper_sale(stocked, tmp_path, clock):
    clock.set_wit("2026-11-05 09:05")
    sell(stocked, 20_000, None, vendor="UMKM-004")
    clock.set_wit("2026-11-20 12:00")
    path = write(tmp_path, "a.csv", "2026-11-05 09:05,,UMKM-004,20000,Bagea\n")
    assert stocked.sales_importer.import_file(path) == 1


def test_a_row_repeated_within_one_file_is_refused_naming_both_lines(stocked, tmp_path):
    path = write(
        tmp_path,
        "a.csv",
        "2026-11-05 09:05,,UMKM-004,20000,Bagea\n"
        "2026-11-05 09:30,,UMKM-001,5000,Kue\n"
        "2026-11-05 09:05,,UMKM-004,Rp20.000,Bagea\n",
    )

    error = refused(stocked, path)

    ((line, code, values),) = [(p.line, p.code, p.values) for p in error.problems]
    assert (line, code, values["line"]) == (4, RowCode.REPEATED_SALE, 2)
    assert "line 2" in str(error.problems[0])
    assert stocked.sales_importer.import_file(path, allow_repeated_rows=True) == 3


@pytest.mark.parametrize(
    "written", ["0001-01-01 00:00", "1900-01-01 09:00", "2022-08-31 23:59", "1999-12-31 23:59"]
)
def test_a_time_before_the_programme_is_the_rows_problem(stocked, tmp_path, written):
    path = write(tmp_path, "t.csv", f"{written},,UMKM-001,5000,x\n")

    error = refused(stocked, path)

    ((problem),) = error.problems
    assert (problem.line, problem.column, problem.code) == (2, "waktu", RowCode.BEFORE_START)
    assert "2022-09-01" in problem.message


def test_the_programme_start_and_now_are_both_accepted(stocked, tmp_path, clock: FakeClock):
    clock.set_wit("2026-11-20 12:00")
    path = write(
        tmp_path,
        "t.csv",
        "2022-09-01 00:00,,UMKM-001,5000,awal\n2026-11-20 12:00,,UMKM-001,5000,sekarang\n",
    )
    assert stocked.sales_importer.import_file(path) == 2


@pytest.mark.parametrize("written", ["9999-12-31 23:59", "2026-11-20 12:01"])
def test_a_time_after_now_is_in_the_future(stocked, tmp_path, clock: FakeClock, written):
    clock.set_wit("2026-11-20 12:00")
    error = refused(stocked, write(tmp_path, "t.csv", f"{written},,UMKM-001,5000,x\n"))
    assert [(p.column, p.code) for p in error.problems] == [("waktu", RowCode.IN_THE_FUTURE)]


def test_a_note_that_is_too_long_is_reported_once(stocked, tmp_path):
    error = refused(
        stocked, write(tmp_path, "t.csv", f"2026-11-05 09:05,,UMKM-001,5000,{'x' * 201}\n")
    )
    assert [(p.line, p.column, p.code) for p in error.problems] == [
        (2, "keterangan", RowCode.TOO_LONG)
    ]


@pytest.mark.parametrize(
    ("row", "column", "code"),
    [
        ("٢٠٢٦-١١-٠٥ ٠٩:٠٥,,UMKM-001,5000,x", "waktu", RowCode.NOT_A_TIME),
        ("٢٠٢٦-11-05 09:05,,UMKM-001,5000,x", "waktu", RowCode.NOT_A_TIME),
        ("2026-11-05 09:05,,UMKM-001,١٥٠٠٠,x", "jumlah", MoneyProblem.NOT_AN_AMOUNT),
        ("2026-11-05 09:05,,UMKM-001,１５０００,x", "jumlah", MoneyProblem.NOT_AN_AMOUNT),
        ("2026-11-05 09:05,١٩٩٤٠٦٠٩٢٠٢١٠٣٢٠٠٧,UMKM-001,5000,x", "nip", RowCode.INVALID_NIP),
    ],
)
def test_digits_other_than_0_to_9_are_refused(stocked, tmp_path, row, column, code):
    error = refused(stocked, write(tmp_path, "t.csv", row + "\n"))
    assert [(p.column, p.code) for p in error.problems] == [(column, code)]
