"""Push and pull in one sync, as a kiosk's own login role with row-level security on: the
roster and catalogue an admin imported once on central reach the kiosk, its sales reach
central, the screens hear what changed, and a kind central holds bad data for becomes the
sync's last error while the sales still go."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from kiosk.central.schema import add_kiosk, init_central
from kiosk.services.changes import Change

from ..central_rig import kiosk_config, open_central_kiosk, sell
from ..integration.conftest import SAMPLE

NIP = "196608141992031002"  # on the sample roster


def kiosk_of(central, tmp_path, raw_config, clock, kiosk_id: str = "AMB-01"):  # type: ignore[no-untyped-def]
    init_central(central.url)  # roles and RLS over the central the admin already filled
    added = add_kiosk(central.url, kiosk_id)
    kiosk = open_central_kiosk(
        tmp_path / kiosk_id, kiosk_config(raw_config, kiosk_id, added.kiosk_url), clock
    )
    central.opened.append(kiosk)
    return kiosk


def central_entries(central, kiosk_id: str) -> int:  # type: ignore[no-untyped-def]
    with central.engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM entries WHERE kiosk_id = :k"), {"k": kiosk_id}
        ).scalar_one()


def test_one_sync_pushes_the_sales_and_pulls_what_the_admin_imported(
    central, tmp_path, raw_config, clock
):
    central.stock()
    central.admin.operators.set_pin("Ona", "4826", kode_umkm="UMKM-001")
    kiosk = kiosk_of(central, tmp_path, raw_config, clock)
    sell(kiosk, count=2)
    heard: list[frozenset[Change]] = []
    kiosk.changes.subscribe(lambda changes: heard.append(changes.what))

    outcome = kiosk.sync_service().sync_once()

    assert outcome.ok, outcome.sentence
    assert outcome.pushed == 2 and central_entries(central, "AMB-01") == 2
    assert kiosk.roster.person_on(NIP, dt.date(2026, 11, 5)) is not None
    assert kiosk.operators.check("Ona", "4826").ok
    assert {Change.ROSTER, Change.CATALOG, Change.OPERATORS} <= set().union(*heard)
    status = kiosk.sync_service().status()
    assert status.last_error is None and status.waiting == 0
    heard.clear()
    assert kiosk.sync_service().sync_once().ok
    assert heard == []  # nothing new on central: nothing announced
    assert kiosk.verify().ok


def test_bad_roster_data_on_central_is_the_syncs_error_and_sales_still_go(
    central, tmp_path, raw_config, clock
):
    central.stock()
    kiosk = kiosk_of(central, tmp_path, raw_config, clock)
    assert kiosk.sync_service().sync_once().ok
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
    sell(kiosk, count=1)

    outcome = kiosk.sync_service().sync_once()

    assert not outcome.ok
    assert "'1999', which is not a valid NIP" in outcome.sentence
    assert central_entries(central, "AMB-01") == 1  # the sale went all the same
    assert kiosk.sync_service().status().last_error == outcome.sentence
    assert kiosk.roster.snapshot_on(dt.date(2026, 12, 5)).as_of == dt.date(2026, 10, 1)
