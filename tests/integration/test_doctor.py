"""`jikubata doctor`'s checks that need the kiosk's adapters (kiosk/doctor.py): the real ledger
file, and the printer over a real TCP socket in each state a printer can be in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from kiosk import doctor
from kiosk.bootstrap import Kiosk, init_kiosk, sqlite_path
from kiosk.config import Settings
from kiosk.ledger.migrate import head_revision

from ..fake_printer import FakeNetworkPrinter, refused_port
from .conftest import REPO


def with_printer(settings: Settings, port: int, **extra: object) -> Settings:
    printer = dataclasses.replace(
        settings.printer,
        connection="network",
        host="127.0.0.1",
        port=port,
        timeout_seconds=0.5,
        **extra,
    )
    return dataclasses.replace(settings, printer=printer)


def test_a_healthy_ledger(kiosk: Kiosk) -> None:
    found = doctor.ledger(kiosk.settings.database_url)
    assert found.ok and found.text.endswith(f"at schema {head_revision()}, quick_check ok")


def test_no_ledger_file_is_not_created_by_looking(settings: Settings) -> None:
    found = doctor.ledger(settings.database_url)
    assert found.must_fix and "there is no database file" in found.text
    assert "jikubata init" in found.fix
    path = sqlite_path(settings.database_url)
    assert path is not None and not path.exists()


def test_a_ledger_behind_the_current_schema(kiosk: Kiosk) -> None:
    path = sqlite_path(kiosk.settings.database_url)
    kiosk.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0005'")
    found = doctor.ledger(kiosk.settings.database_url)
    assert found.must_fix and f"is at schema 0005, not {head_revision()}" in found.text
    assert found.fix == "run jikubata init, which backs it up and migrates it."


def test_a_damaged_ledger_fails_quick_check(kiosk: Kiosk, stocked: Kiosk) -> None:
    path = sqlite_path(kiosk.settings.database_url)
    assert path is not None
    kiosk.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'roster_entries'"
    ).fetchone()
    connection.close()
    with path.open("r+b") as raw:  # a torn write in an index page
        raw.seek((root - 1) * page_size)
        raw.write(b"\x0d" + b"\xff" * 64)
    found = doctor.ledger(kiosk.settings.database_url)
    assert found.must_fix and "fails PRAGMA quick_check" in found.text, found.text
    assert "restore the newest good backup" in found.fix


# --- the printer over a real socket ---------------------------------------------------------


def test_a_printer_online_with_paper(settings: Settings, tmp_path: Path) -> None:
    with FakeNetworkPrinter("accept") as printer:
        found = doctor.printer(with_printer(settings, printer.port), tmp_path)
    assert found.line() == f"✓ printer at 127.0.0.1:{printer.port} online, paper ok"


def test_a_printer_that_never_answers_status_requests_names_the_setting(
    settings: Settings, tmp_path: Path
) -> None:
    with FakeNetworkPrinter("mute") as printer:
        found = doctor.printer(with_printer(settings, printer.port), tmp_path)
        quiet = doctor.printer(
            with_printer(settings, printer.port, confirm_with_status=False), tmp_path
        )
    assert found.must_fix and "does not answer status requests" in found.text
    assert "printer.confirm_with_status: false" in found.fix
    assert quiet.ok and "printer.confirm_with_status: false" in quiet.text


@pytest.mark.parametrize(
    ("mode", "text", "fix"),
    [
        ("paper_out", "is out of paper", "load a new roll."),
        ("offline", "reports it is offline", "close its cover"),
    ],
)
def test_a_printer_out_of_paper_or_offline(
    settings: Settings, tmp_path: Path, mode: str, text: str, fix: str
) -> None:
    with FakeNetworkPrinter(mode) as printer:
        found = doctor.printer(with_printer(settings, printer.port), tmp_path)
    assert found.must_fix and text in found.text and found.fix.startswith(fix)


def test_a_printer_nobody_listens_for(settings: Settings, tmp_path: Path) -> None:
    port = refused_port()
    found = doctor.printer(with_printer(settings, port), tmp_path)
    assert found.must_fix and found.text.startswith(
        f"printer at 127.0.0.1:{port} cannot be reached"
    )
    assert "printer.host and printer.port" in found.fix


# --- the kiosk's checks together ------------------------------------------------------------


def test_a_fresh_kiosk_lacks_only_its_first_backup(settings: Settings, tmp_path: Path) -> None:
    kiosk, _result = init_kiosk(settings)  # as `jikubata init` makes it: ledger, keys
    kiosk.close()
    machine = doctor.Machine(root=tmp_path, now=dt.datetime.now(dt.UTC))
    before = [f for f in doctor.kiosk_checks(kiosk.settings, machine) if f.must_fix]
    assert [f.text for f in before] == [
        f"no backup in {kiosk.settings.backup.folder} (backup.folder)"
    ]
    kiosk.backup()
    assert [f for f in doctor.kiosk_checks(kiosk.settings, machine) if f.must_fix] == []


def test_a_machine_with_everything_in_place_passes(settings: Settings, tmp_path: Path) -> None:
    """The whole composition on a root folder that has what a good kiosk PC has."""
    kiosk, _result = init_kiosk(settings)
    with kiosk:
        kiosk.backup()
    root = tmp_path / "root"
    (root / "run/systemd/timesync").mkdir(parents=True)
    (root / "run/systemd/timesync/synchronized").write_text("")
    (root / "etc").mkdir()
    (root / "etc/localtime").symlink_to("/usr/share/zoneinfo/Asia/Jayapura")
    panel = root / "sys/class/drm/card0-HDMI-A-1"
    panel.mkdir(parents=True)
    (panel / "status").write_text("connected\n")
    (panel / "modes").write_text("1366x768\n")
    config = tmp_path / "config.yaml"
    config.write_text((REPO / "config.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    machine = doctor.Machine(root=root, environ={"QT_QPA_PLATFORM": "offscreen"})

    found = doctor.diagnose(config, machine)

    assert [f.line() for f in found if not f.ok] == [
        "· no keyboard-like USB input found (the QR scanner types like a keyboard) — plug the "
        "scanner in; a scanner that does not show here may still work."
    ]
    assert not any(f.must_fix for f in found)
    assert found[0].line() == f"✓ config {config} valid"
    assert "✓ screen card0-HDMI-A-1 1366×768" in [f.line() for f in found]
