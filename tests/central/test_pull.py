"""Pull: the roster, catalogue, exemptions and operators an admin imported once on central
reach a kiosk's own SQLite ledger, in order, once, sealed like the kiosk's own imports."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from kiosk.central.pull import (
    ERROR_KEY,
    ROSTER_KEY,
    CentralUnreachable,
    pull_reference_data,
)
from kiosk.domain.months import Month
from kiosk.ledger.engine import create_ledger_engine
from kiosk.ledger.models import AuditLog, RosterImport

from ..integration.conftest import SAMPLE

NIP = "196608141992031002"  # on the sample roster


def pull(central, kiosk):  # type: ignore[no-untyped-def]
    tiers = tuple(kiosk.settings.regulation.tiers)
    return pull_reference_data(central.engine, kiosk.db, kiosk.clock, tiers=tiers)


def audit_rows(kiosk) -> int:  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        return connection.execute(select(func.count()).select_from(AuditLog.__table__)).scalar()


def test_a_pulled_roster_catalogue_exemption_and_operator_reach_the_kiosk(central, kiosk):
    central.stock()
    central.admin.operators.set_pin("Ona", "4826", kode_umkm="UMKM-001")
    central.admin.admin.exempt(NIP, Month(2026, 11), "Cuti di luar tanggungan")

    result = pull(central, kiosk)

    assert result.ok, result.problems
    assert (result.roster_snapshots, result.exemptions, result.operators) == (1, 1, 1)
    assert result.vendors == 8 and result.products == 38
    assert kiosk.roster.person_on(NIP, dt.date(2026, 11, 5)).nama.startswith("Drs. Yosias")
    assert len(kiosk.roster.people_on(dt.date(2026, 11, 5))) == 48
    assert {v.kode_umkm for v in kiosk.catalog.vendors()} == {
        v.kode_umkm for v in central.admin.catalog.vendors()
    }
    assert kiosk.catalog.products() == central.admin.catalog.products()
    assert kiosk.admin_store.is_exempt(NIP, Month(2026, 11))
    assert kiosk.operators.check("Ona", "4826").ok  # the PIN hash came along
    report = kiosk.verify()
    assert report.ok, (report.evidence_problems, report.first_broken)


def test_pulling_again_changes_nothing_and_writes_nothing(central, kiosk):
    central.stock()
    central.admin.admin.exempt(NIP, Month(2026, 11), "Cuti di luar tanggungan")
    pull(central, kiosk)
    before = audit_rows(kiosk)

    again = pull(central, kiosk)

    assert again.ok and not again.changed
    assert audit_rows(kiosk) == before
    with kiosk.db.read() as connection:
        snapshots = connection.execute(select(func.count()).select_from(RosterImport)).scalar()
    assert snapshots == 1


def test_snapshots_arrive_in_order_each_once(central, kiosk, clock):
    central.stock()
    pull(central, kiosk)
    central.admin.roster_importer.import_file(
        SAMPLE / "roster-2026-12.csv", dt.date(2026, 12, 1), force=True
    )

    result = pull(central, kiosk)

    assert result.roster_snapshots == 1
    with kiosk.db.read() as connection:
        as_of = (
            connection.execute(select(RosterImport.as_of).order_by(RosterImport.id)).scalars().all()
        )
    assert as_of == [dt.date(2026, 10, 1), dt.date(2026, 12, 1)]
    with central.admin.db.read() as connection:
        newest = connection.execute(select(func.max(RosterImport.id))).scalar()
    assert kiosk.admin_store.get_setting(ROSTER_KEY) == str(newest)
    assert kiosk.verify().ok


def test_changes_and_deactivations_on_central_follow(central, kiosk):
    central.stock()
    central.admin.operators.set_pin("Ona", "4826", kode_umkm="UMKM-001")
    pull(central, kiosk)
    with central.admin.db.write() as connection:  # the central admin's edits
        connection.execute(text("UPDATE vendors SET active = false WHERE kode_umkm = 'UMKM-002'"))
        connection.execute(text("UPDATE products SET harga = 17000 WHERE sku = 'SAGU-LMP'"))
    central.admin.operators.set_pin("Ona", "9173", kode_umkm="UMKM-001")

    result = pull(central, kiosk)

    assert (result.vendors, result.products, result.operators) == (1, 1, 1)
    assert "UMKM-002" not in {v.kode_umkm for v in kiosk.catalog.vendors(active_only=True)}
    assert {p.sku: p.harga for p in kiosk.catalog.products()}["SAGU-LMP"] == 17000
    assert kiosk.operators.check("Ona", "9173").ok
    assert kiosk.verify().ok


def test_an_exemption_the_kiosk_already_has_stays_the_kiosks(central, kiosk):
    central.stock()
    pull(central, kiosk)
    kiosk.admin.exempt(NIP, Month(2026, 11), "Tugas luar daerah")
    central.admin.admin.exempt(NIP, Month(2026, 11), "Cuti di luar tanggungan")

    result = pull(central, kiosk)

    assert result.ok and result.exemptions == 0
    assert kiosk.verify().ok


def test_central_down_is_one_sentence_and_the_kiosk_keeps_what_it_has(central, kiosk, pg_cluster):
    central.stock()
    pull(central, kiosk)
    before = audit_rows(kiosk)
    nowhere = create_ledger_engine(
        f"postgresql+psycopg://postgres@/nowhere?host={pg_cluster.folder}/gone"
    )

    with pytest.raises(CentralUnreachable) as refused:
        pull_reference_data(nowhere, kiosk.db, kiosk.clock)

    sentence = str(refused.value)
    assert sentence.startswith("central could not be read (")
    assert sentence.endswith("the kiosk keeps selling on the roster and catalogue it has")
    assert "\n" not in sentence
    assert audit_rows(kiosk) == before
    assert len(kiosk.roster.people_on(dt.date(2026, 11, 5))) == 48
    nowhere.dispose()


def test_a_bad_nip_on_central_refuses_the_roster_whole_and_says_which(central, kiosk):
    central.stock()
    pull(central, kiosk)
    central.admin.roster_importer.import_file(
        SAMPLE / "roster-2026-12.csv", dt.date(2026, 12, 1), force=True
    )
    with central.admin.db.write() as connection:  # written past the importer's checks
        connection.execute(
            text(
                "INSERT INTO roster_entries (import_id, nip, nama, opd, jabatan, tingkat) "
                "SELECT max(id), '1999', 'X', 'Y', 'Z', 'pelaksana' FROM roster_imports"
            )
        )
    central.admin.admin.exempt(NIP, Month(2026, 11), "Cuti di luar tanggungan")
    before = kiosk.admin_store.get_setting(ROSTER_KEY)

    result = pull(central, kiosk)

    assert not result.ok
    (problem,) = result.problems
    assert "'1999', which is not a valid NIP" in problem
    assert problem.endswith("the roster from central was not applied.")
    assert kiosk.roster.snapshot_on(dt.date(2026, 12, 5)).as_of == dt.date(2026, 10, 1)
    assert kiosk.admin_store.get_setting(ROSTER_KEY) == before
    assert result.exemptions == 1  # the other kinds still apply
    assert kiosk.admin_store.get_setting(ERROR_KEY) == problem
    assert kiosk.verify().ok


def test_the_refusal_is_cleared_once_central_is_fixed(central, kiosk):
    central.stock()
    with central.admin.db.write() as connection:
        connection.execute(text("ALTER TABLE roster_entries DISABLE TRIGGER USER"))
        connection.execute(text(f"UPDATE roster_entries SET nip = '12' WHERE nip = '{NIP}'"))
    assert not pull(central, kiosk).ok
    with central.admin.db.write() as connection:
        connection.execute(text(f"UPDATE roster_entries SET nip = '{NIP}' WHERE nip = '12'"))

    result = pull(central, kiosk)

    assert result.ok and result.roster_snapshots == 1
    assert kiosk.admin_store.get_setting(ERROR_KEY) == ""
    assert kiosk.verify().ok
