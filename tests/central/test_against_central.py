"""`jikubata ledger verify --against-central`: central's copy anchors the kiosk's past."""

from __future__ import annotations

import copy
import shutil
import sqlite3

import pytest
import yaml

from kiosk.bootstrap import open_kiosk, sqlite_path
from kiosk.cli import main

from ..integration.conftest import SAMPLE, make_settings, sell
from ..tampering import unguarded
from .central_rig import copy_entries


@pytest.fixture
def linked(tmp_path, raw_config, central, clock):  # type: ignore[no-untyped-def]
    """A kiosk (AMB-01) on its own SQLite ledger whose config.yaml names the central."""
    central.stock()
    raw = copy.deepcopy(raw_config)
    raw["central"] = {"url": central.url}
    folder = tmp_path / "kiosk"
    folder.mkdir()
    (folder / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with open_kiosk(make_settings(folder, raw), create=True, clock=clock) as kiosk:
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        yield kiosk


def verify(kiosk, capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    config = kiosk.settings.base_dir / "config.yaml"
    code = main(["--config", str(config), "ledger", "verify", "--against-central"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_kiosk_matching_central_passes_and_counts_what_waits(linked, central, capsys):
    for amount in (10_000, 11_000, 12_000):
        sell(linked, amount, None)
    assert copy_entries(linked, central) == 3
    sell(linked, 13_000, None)

    code, out, err = verify(linked, capsys)

    assert code == 0, err
    assert "Matches central: 3 entries of AMB-01; 1 not pushed yet." in out


def test_a_kiosk_restored_from_an_old_backup_is_named_at_its_first_lost_entry(
    linked, central, capsys, tmp_path
):
    sell(linked, 10_000, None)
    sell(linked, 11_000, None)
    old = linked.backup(tmp_path / "backups")
    sell(linked, 12_000, None)
    sell(linked, 13_000, None)
    copy_entries(linked, central)
    linked.close()
    shutil.copy(old, sqlite_path(linked.settings.database_url))

    code, _, err = verify(linked, capsys)

    assert code == 3
    assert err.strip() == (
        "against central: entry AMB-01-000003 (AMB-01:3) is on central but no longer in this "
        "kiosk's ledger: the kiosk lost it (deleted, or restored from an older backup)"
    )


def test_a_number_sold_again_after_a_restore_differs_from_central(
    linked, central, capsys, tmp_path, clock
):
    sell(linked, 10_000, None)
    old = linked.backup(tmp_path / "backups")
    sell(linked, 11_000, None)
    copy_entries(linked, central)
    linked.close()
    shutil.copy(old, sqlite_path(linked.settings.database_url))
    with open_kiosk(linked.settings, clock=clock) as restored:
        sell(restored, 55_000, None)  # seq 2 again, another sale

    code, _, err = verify(linked, capsys)

    assert code == 3
    assert "against central: entry AMB-01-000002 (AMB-01:2) differs from central's copy" in err


def test_without_a_central_section_it_says_so(kiosk, capsys, raw_config):
    config = kiosk.settings.base_dir / "config.yaml"
    config.write_text(yaml.safe_dump(raw_config, allow_unicode=True), encoding="utf-8")

    assert main(["--config", str(config), "ledger", "verify", "--against-central"]) == 1

    err = capsys.readouterr().err
    assert "--against-central needs the config's central section (central.url)" in err


def test_an_unreachable_central_is_one_sentence(linked, capsys, pg_cluster):
    config = linked.settings.base_dir / "config.yaml"
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    raw["central"]["url"] = f"postgresql+psycopg://postgres@/nowhere?host={pg_cluster.folder}/x"
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")

    code, _, err = verify(linked, capsys)

    assert code == 1
    assert err.startswith("jikubata: central could not be read (")
    assert err.rstrip().endswith("nothing was compared")


def test_a_broken_ledger_still_fails_as_broken_when_central_is_away(linked, capsys, pg_cluster):
    sell(linked, 10_000, None)
    sell(linked, 11_000, None)
    linked.close()
    database = sqlite3.connect(sqlite_path(linked.settings.database_url))
    with unguarded(database):
        database.execute(
            "UPDATE sales SET total = 1 WHERE id = (SELECT id FROM entries WHERE seq = 1)"
        )
    database.commit()
    database.close()
    config = linked.settings.base_dir / "config.yaml"
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    raw["central"]["url"] = f"postgresql+psycopg://postgres@/nowhere?host={pg_cluster.folder}/x"
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")

    code, _, err = verify(linked, capsys)

    assert code == 3
    assert "ledger broken at entry AMB-01-000001" in err
    assert "central could not be read (" in err
