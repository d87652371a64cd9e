"""The traps a real admin will hit (issue #2), each on a real SQLite ledger."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from kiosk.bootstrap import open_kiosk
from kiosk.domain.compliance import Status
from kiosk.domain.months import Month
from kiosk.domain.regulation import RegulationError
from kiosk.services.errors import ImportRefused

from .conftest import SAMPLE, FakeClock, first_nip_with_tier, make_settings, sell


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """Everything here must hold on the kiosk's SQLite and on a central PostgreSQL."""
    return request.param


def status_of(kiosk, nip: str, month: Month):  # type: ignore[no-untyped-def]
    return next(r for r in kiosk.compliance.rows(month) if r.nip == nip)


def test_sale_at_0010_wit_on_the_first_counts_for_the_new_month(stocked, clock: FakeClock):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    clock.set_wit("2026-11-01 00:10")  # still 31 October 15:10 in UTC
    assert clock.now.astimezone(dt.UTC).day == 31
    sell(stocked, 20_000, nip)
    assert status_of(stocked, nip, Month(2026, 11)).spent == 20_000
    assert status_of(stocked, nip, Month(2026, 11)).status is Status.MEMENUHI
    assert status_of(stocked, nip, Month(2026, 10)).spent == 0


def test_sale_at_2350_wit_on_the_last_day_stays_in_that_month(stocked, clock: FakeClock):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    clock.set_wit("2026-10-31 23:50")
    sell(stocked, 5_000, nip)
    assert status_of(stocked, nip, Month(2026, 10)).spent == 5_000
    assert status_of(stocked, nip, Month(2026, 11)).spent == 0


def test_october_export_unchanged_after_a_promotion_in_the_december_roster(
    stocked, clock: FakeClock, tmp_path: Path
):
    # roster-2026-12.csv promotes one eselon IV to eselon III (minimum 20.000 -> 30.000).
    december = stocked.roster_importer.preview(SAMPLE / "roster-2026-12.csv", dt.date(2026, 12, 1))
    before = stocked.roster.people_on(dt.date(2026, 11, 30))
    promoted = next(
        p for p in december.people if p.nip in before and before[p.nip].tingkat != p.tingkat
    )
    clock.set_wit("2026-10-07 10:00")
    sell(stocked, 25_000, promoted.nip)
    first = tmp_path / "october-before.csv"
    stocked.exports.compliance(Month(2026, 10), first)
    row = status_of(stocked, promoted.nip, Month(2026, 10))
    assert (row.tingkat, row.minimum, row.status) == ("eselon_iv", 20_000, Status.MEMENUHI)

    clock.set_wit("2026-12-02 09:00")
    stocked.roster_importer.import_file(SAMPLE / "roster-2026-12.csv", dt.date(2026, 12, 1))
    second = tmp_path / "october-after.csv"
    stocked.exports.compliance(Month(2026, 10), second)
    assert first.read_bytes() == second.read_bytes()
    # ...while December already judges the new post.
    assert status_of(stocked, promoted.nip, Month(2026, 12)).minimum == 30_000


def test_a_rule_change_applies_from_its_month_never_backwards(
    tmp_path: Path, raw_config: dict, clock: FakeClock
):
    new_minimums = {tier: 0 for tier in raw_config["regulation"]["tiers"]}
    new_minimums["eselon_iv"] = 50_000  # and, say, eselon III excused from November on
    raw_config["regulation"]["periods"].append(
        {"from": dt.date(2026, 11, 1), "minimums": new_minimums}
    )
    settings = make_settings(tmp_path, raw_config)
    with open_kiosk(settings, create=True, clock=clock) as kiosk:
        kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        nip = first_nip_with_tier(kiosk, "eselon_iv")
        for when in ("2026-10-10 10:00", "2026-11-10 10:00"):
            clock.set_wit(when)
            sell(kiosk, 30_000, nip)
        october = status_of(kiosk, nip, Month(2026, 10))
        november = status_of(kiosk, nip, Month(2026, 11))
        assert (october.minimum, october.status) == (20_000, Status.MEMENUHI)
        assert (november.minimum, november.status, november.shortfall) == (
            50_000,
            Status.KURANG,
            20_000,
        )
        # The new period leaves eselon III out: it owes nothing from November on.
        eselon_iii = first_nip_with_tier(kiosk, "eselon_iii")
        assert status_of(kiosk, eselon_iii, Month(2026, 11)).minimum == 0
        assert status_of(kiosk, eselon_iii, Month(2026, 10)).minimum == 30_000


def test_voided_sales_do_not_count(stocked):
    nip = first_nip_with_tier(stocked, "eselon_iii")
    kept = sell(stocked, 10_000, nip)
    voided = sell(stocked, 25_000, nip)
    stocked.admin.void(voided, "Salah input")
    row = status_of(stocked, nip, Month(2026, 11))
    assert (row.spent, row.purchases, row.status, row.shortfall) == (
        10_000,
        1,
        Status.KURANG,
        20_000,
    )
    assert stocked.sales_ledger.find(kept).voided is False
    assert stocked.sales_ledger.find(voided).voided is True


def test_statuses_for_nothing_bought_not_on_roster_and_exempt(stocked):
    month = Month(2026, 11)
    idle = first_nip_with_tier(stocked, "eselon_ii")
    outsider = "199001012015011001"  # valid NIP, on no roster
    exempt = first_nip_with_tier(stocked, "wali_kota")
    sell(stocked, 7_000, outsider)
    sell(stocked, 5_000, exempt)  # far below Rp200.000, but exempt wins
    stocked.admin.exempt(exempt, month, "Dinas luar")
    rows = {r.nip: r for r in stocked.compliance.rows(month)}
    assert rows[idle].status is Status.TIDAK_BELANJA
    assert rows[idle].shortfall == 100_000
    assert rows[outsider].status is Status.TIDAK_TERDAFTAR
    assert (rows[outsider].spent, rows[outsider].nama, rows[outsider].shortfall) == (7_000, "", 0)
    assert rows[exempt].status is Status.DIKECUALIKAN
    assert rows[exempt].shortfall == 0
    # Roster people first (48), then the unregistered buyer last.
    assert list(rows)[-1] == outsider and len(rows) == 49


def test_pppk_numbers_are_valid_buyers(stocked):
    pppk = first_nip_with_tier(stocked, "pppk")
    assert int(pppk[12:14]) > 12  # digits 13-14 are not a month
    sell(stocked, 10_000, pppk)
    assert status_of(stocked, pppk, Month(2026, 11)).status is Status.MEMENUHI


def _ledger_fingerprint(kiosk) -> tuple:  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        return tuple(
            connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            for table in ("entries", "sales", "sale_lines", "sales_imports", "audit_log")
        )


def test_importing_the_same_sales_file_twice_changes_nothing(stocked, tmp_path: Path):
    assert stocked.sales_importer.import_file(SAMPLE / "sales-paper.csv") == 12
    before = _ledger_fingerprint(stocked)
    with pytest.raises(ImportRefused, match="already imported"):
        stocked.sales_importer.import_file(SAMPLE / "sales-paper.csv")
    # Re-saved by Excel with ';' and a BOM it is still the same file.
    resaved = tmp_path / "copy.csv"
    with (SAMPLE / "sales-paper.csv").open(encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    with resaved.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    with pytest.raises(ImportRefused, match="already imported"):
        stocked.sales_importer.import_file(resaved)
    assert _ledger_fingerprint(stocked) == before


def test_a_file_with_one_bad_row_changes_nothing(stocked, tmp_path: Path):
    before = _ledger_fingerprint(stocked)
    good = (SAMPLE / "sales-paper.csv").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "one-bad.csv"
    bad.write_text(
        "\n".join([*good[:6], "2026-11-05 10:00,,UMKM-001,20.5,Kue", *good[6:]]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused) as refused:
        stocked.sales_importer.import_file(bad)
    assert [(p.line, p.column) for p in refused.value.problems] == [(7, "jumlah")]
    assert "nothing was imported" in str(refused.value)
    assert _ledger_fingerprint(stocked) == before


def test_a_roster_with_one_bad_row_changes_nothing(stocked, tmp_path: Path):
    lines = (SAMPLE / "roster.csv").read_text(encoding="utf-8").splitlines()
    lines[10] = lines[10].rsplit(",", 1)[0] + ",eselon_v"
    bad = tmp_path / "roster-bad.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = stocked.roster.people_on(dt.date(2026, 11, 30))
    with pytest.raises(ImportRefused) as refused:
        stocked.roster_importer.import_file(bad, dt.date(2026, 11, 1))
    assert [(p.line, p.column) for p in refused.value.problems] == [(11, "tingkat")]
    assert stocked.roster.people_on(dt.date(2026, 11, 30)) == before
    assert stocked.roster.snapshot_on(dt.date(2026, 11, 30)).as_of == dt.date(2026, 10, 1)


def test_a_roster_tier_missing_from_the_config_is_named(tmp_path: Path, raw_config, clock):
    with open_kiosk(make_settings(tmp_path, raw_config), create=True, clock=clock) as kiosk:
        kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
    del raw_config["regulation"]["tiers"]["wali_kota"]
    for period in raw_config["regulation"]["periods"]:
        period["minimums"].pop("wali_kota")
    with (
        open_kiosk(make_settings(tmp_path, raw_config), clock=clock) as kiosk,
        pytest.raises(RegulationError, match=r"tier.*wali_kota.*regulation\.tiers"),
    ):
        kiosk.compliance.rows(Month(2026, 11))


def test_the_same_purchases_reordered_or_rewritten_are_still_refused(stocked, tmp_path: Path):
    header = "waktu,nip,kode_umkm,jumlah,keterangan\n"
    first = tmp_path / "a.csv"
    first.write_text(
        header + "2026-11-05 09:00,,UMKM-001,Rp150.000,Tenun\n"
        "2026-11-05 09:30,,UMKM-002,20000,Kopi\n",
        encoding="utf-8",
    )
    stocked.sales_importer.import_file(first)
    before = _ledger_fingerprint(stocked)
    rewritten = tmp_path / "b.csv"
    rewritten.write_text(
        header + "2026-11-05 09:30,,UMKM-002,20.000,Kopi\n"
        "2026-11-05 09:00,,UMKM-001,150000,Tenun\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused, match="already imported"):
        stocked.sales_importer.import_file(rewritten)
    assert _ledger_fingerprint(stocked) == before


@pytest.mark.parametrize("written", ["2026-11-02 1:5", "2026-11-2 09:05", "02-11-2026 09:05"])
def test_paper_times_must_be_written_in_full(stocked, tmp_path: Path, written: str):
    path = tmp_path / "t.csv"
    path.write_text(
        f"waktu,nip,kode_umkm,jumlah,keterangan\n{written},,UMKM-001,5000,x\n", encoding="utf-8"
    )
    with pytest.raises(ImportRefused) as refused:
        stocked.sales_importer.import_file(path)
    assert [(p.line, p.column) for p in refused.value.problems] == [(2, "waktu")]
