"""The doctor's check of the sync with central, and the status the admin area reads."""

from __future__ import annotations

import copy

from kiosk.central.doctor import central_check

from ..integration.conftest import SAMPLE, make_settings, sell


def with_central(tmp_path, raw_config, url: str):  # type: ignore[no-untyped-def]
    """The ``kiosk`` fixture's own config (same ledger) with a central section."""
    raw = copy.deepcopy(raw_config)
    raw["central"] = {"url": url}
    return make_settings(tmp_path, raw)


def synced(kiosk, **values: str) -> None:  # type: ignore[no-untyped-def]
    for key, value in values.items():
        kiosk.admin_store.set_setting(f"central.{key}", value, actor="sync", at=kiosk.clock())


def test_a_single_kiosk_is_fine_and_says_so(settings):
    assert central_check(settings) == (True, "central: not configured (a single kiosk)")


def test_a_reachable_central_with_the_last_sync_and_what_waits(
    kiosk, central, tmp_path, raw_config
):
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    for amount in (1_000, 2_000, 3_000):
        sell(kiosk, amount, None)
    synced(kiosk, acked_seq="1", last_ok_at="2026-11-20T02:58:00+00:00")

    ok, line = central_check(with_central(tmp_path, raw_config, central.url))

    assert ok, line
    assert line.endswith("reachable; last successful sync 2026-11-20 11:58, 2 entries waiting")
    assert kiosk.central_status().status() is None  # the fixture's own config has none


def test_an_unreachable_central_is_not_ok_in_one_line(kiosk, tmp_path, raw_config, pg_cluster):
    url = f"postgresql+psycopg://postgres@/nowhere?host={pg_cluster.folder}/gone"

    ok, line = central_check(with_central(tmp_path, raw_config, url))

    assert not ok and "\n" not in line
    assert "cannot be reached (" in line
    assert line.endswith(
        "last successful sync never, 0 entries waiting; the kiosk keeps selling and sends its "
        "entries when it is back"
    )


def test_an_alarm_is_not_ok(kiosk, central, tmp_path, raw_config):
    synced(kiosk, alarm="entry AMB-01-000002 differs from central's copy; push stopped")

    ok, line = central_check(with_central(tmp_path, raw_config, central.url))

    assert not ok
    assert line.endswith(
        "push stopped by an alarm: entry AMB-01-000002 differs from central's copy; push stopped"
    )


def test_doctor_has_the_central_line_only_for_a_kiosk_with_central(
    kiosk, tmp_path, raw_config, pg_cluster
):
    from kiosk import doctor

    machine = doctor.Machine(root=tmp_path)
    alone = [f.text for f in doctor.kiosk_checks(kiosk.settings, machine)]
    assert not any(text.startswith("central") for text in alone)
    url = f"postgresql+psycopg://postgres@/nowhere?host={pg_cluster.folder}/gone"

    found = doctor.kiosk_checks(with_central(tmp_path, raw_config, url), machine)

    (line,) = [f for f in found if f.text.startswith("central")]
    assert line.must_fix and "cannot be reached" in line.text
    assert line.line().endswith("(README, 'Several kiosks, one central database').")
