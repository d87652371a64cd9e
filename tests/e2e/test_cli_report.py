"""`jikubata report x` and `report z [--date] [--print]`, run as an admin would: a shift
opened and sold in at the kiosk (the services the screens use), reported from the terminal;
the printed Z-report's bytes read back, its ledger head the one `ledger verify` prints."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from ..escpos_reader import paper_text

if TYPE_CHECKING:
    from conftest import Kiosk


def today() -> str:
    return dt.datetime.now(ZoneInfo("Asia/Jayapura")).strftime("%Y-%m-%d")


def line_of(text: str, label: str) -> str:
    (found,) = [line for line in text.splitlines() if line.startswith(label)]
    return found


def test_x_without_an_open_shift_says_so(catalogued: Kiosk) -> None:
    assert catalogued.ok("report", "x") == "No till shift is open on AMB-01.\n"


def test_x_shows_the_open_shift_and_records_nothing(selling: Kiosk) -> None:
    before = selling.count("entries"), selling.count("print_jobs")
    out = selling.ok("report", "x")
    assert "L A P O R A N   X" in out
    assert line_of(out, "Tunai (1x)").endswith(" Rp25.000")
    assert line_of(out, "QRIS (1x)").endswith(" Rp10.000")
    assert line_of(out, "Seharusnya").endswith(" Rp125.000")
    assert all(len(line) <= 42 for line in out.splitlines())  # the config's 42 columns
    assert (selling.count("entries"), selling.count("print_jobs")) == before
    assert selling.ok("shift", "status").startswith("Shift 1 on AMB-01 is open since ")


def test_z_before_any_close_then_after(selling: Kiosk) -> None:
    assert selling.ok("report", "z") == f"No till shift opened on {today()} has been closed.\n"
    selling.ok("shift", "close", "--counted", "120000", "--reason", "Kembalian salah")
    out = selling.ok("report", "z", "--date", today())
    assert "L A P O R A N   Z" in out
    assert line_of(out, "Dihitung").endswith(" Rp120.000")
    assert line_of(out, "Selisih").endswith(" -Rp5.000")
    assert "Alasan: Kembalian salah" in out
    assert selling.ok("report", "z", "--date", "2020-01-01") == (
        "No till shift opened on 2020-01-01 has been closed.\n"
    )
    assert selling.count("print_jobs") == 0  # nothing printed without --print


def test_z_print_sends_the_report_to_the_printer(selling: Kiosk) -> None:
    selling.ok("shift", "close", "--counted", "125000")
    out = selling.ok("report", "z", "--print")
    assert out.splitlines()[-1].startswith("The Z-report of shift 1 was printed (print job ")
    head = line_of(selling.ok("ledger", "verify"), "head ").removeprefix("head ")
    (sent,) = sorted((selling.home / "receipts").glob("*Laporan_Z*.bin"))
    paper = paper_text(sent.read_bytes())
    assert "LAPORAN Z" in paper and head in paper
    assert line_of("\n".join(paper), "Selisih").endswith(" Rp0")
    assert selling.query("SELECT kind, status FROM print_jobs") == [("report", "printed")]


def test_a_bad_date_is_refused(catalogued: Kiosk) -> None:
    result = catalogued.run("report", "z", "--date", "20-11-2026")
    assert result.returncode == 2
    assert "'20-11-2026' is not a date like 2026-11-01" in result.stderr
