"""The machine checks of `jikubata doctor` (services/doctor.py), each ✗ made for real: files,
folders and modes under a folder standing for /, programs on a PATH of the test's own, a
pseudo-terminal for a serial printer. Only the USB bus is hardware: a sysfs-like tree stands
in for it (the device node's access is real)."""

from __future__ import annotations

import datetime as dt
import os
import pty
from pathlib import Path

import pytest

from kiosk.services import doctor
from kiosk.services.doctor import Finding


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "root").mkdir()
    return tmp_path / "root"


def runner_with(folder: Path, **programs: str) -> doctor.Runner:
    """A runner that finds only ``programs`` (name -> shell script body), in ``folder``."""
    folder.mkdir(exist_ok=True)
    for name, body in programs.items():
        script = folder / name
        script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        script.chmod(0o755)
    return lambda argv: doctor.run_command(argv, path=str(folder))


def test_a_finding_is_one_line_with_the_fix_after_a_dash() -> None:
    assert Finding(True, "card key present").line() == "✓ card key present"
    problem = Finding(False, "no backup", "run jikubata backup.")
    assert problem.line() == "✗ no backup — run jikubata backup." and problem.must_fix
    info = Finding(False, "no scanner", "plug it in.", info_only=True)
    assert info.line() == "· no scanner — plug it in." and not info.must_fix


# --- keys and modes -------------------------------------------------------------------------


def test_key_file_present_and_private(tmp_path: Path) -> None:
    key = tmp_path / "card-keys.txt"
    assert doctor.key_file(key, "card key", "cards.key_file", "run init").fix.startswith(
        "run init (the file is cards.key_file"
    )
    key.write_text("secret\n")
    key.chmod(0o644)
    found = doctor.key_file(key, "card key", "cards.key_file", "run init")
    assert not found.ok and "mode 0644" in found.text and f"chmod 600 {key}" in found.fix
    key.chmod(0o600)
    assert doctor.key_file(key, "card key", "cards.key_file", "run init").ok
    key.write_text("")
    assert not doctor.key_file(key, "card key", "cards.key_file", "run init").ok  # empty


def test_private_files_names_each_file_and_folder_open_to_others(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o750)  # the package's /var/lib/jikubata: the group may enter
    ledger = data / "ledger.db"
    ledger.write_bytes(b"")
    ledger.chmod(0o600)
    assert [f.ok for f in doctor.private_files([ledger], [data])] == [True]
    ledger.chmod(0o640)
    data.chmod(0o755)
    found = doctor.private_files([ledger, data / "missing.txt"], [data])
    assert [f.text for f in found] == [
        f"folder {data} has mode 0755, open to every user",
        f"{ledger} has mode 0640, readable by others",
    ]
    assert all(f.must_fix for f in found)


def test_private_files_names_a_file_another_user_owns(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    ledger = data / "ledger.db"
    ledger.write_bytes(b"")
    ledger.chmod(0o600)
    if os.geteuid() == 0:  # as after `sudo jikubata init` on a package's folder
        os.chown(data, 65534, 65534)
        other = ledger
    else:  # a file root owns stands in (only root can give a file away)
        other = Path("/etc/passwd")
    found = doctor.private_files([other], [data])
    [owner] = [f for f in found if " belongs to " in f.text]
    assert owner.text.startswith(f"{other} belongs to root, not ")
    assert owner.fix.startswith("run chown ")
    assert owner.fix.endswith(f": {other} so the kiosk's user can use it.")


# --- the clock ------------------------------------------------------------------------------


def test_timesyncd_flag_file_means_synchronised(root: Path, tmp_path: Path) -> None:
    flag = root / "run/systemd/timesync/synchronized"
    flag.parent.mkdir(parents=True)
    flag.write_text("")
    found = doctor.clock_synchronised(root, runner_with(tmp_path / "bin"))
    assert found.ok and "systemd-timesyncd" in found.text


def test_chrony_is_asked_when_timesyncd_is_not_there(root: Path, tmp_path: Path) -> None:
    normal = runner_with(tmp_path / "ok", chronyc="echo 'Leap status     : Normal'")
    assert doctor.clock_synchronised(root, normal).text == "clock synchronised (chrony)"
    lost = runner_with(tmp_path / "lost", chronyc="echo 'Leap status     : Not synchronised'")
    found = doctor.clock_synchronised(root, lost)
    assert not found.ok and found.text == "clock not synchronised (chrony: Not synchronised)"


def test_timedatectl_answers_last(root: Path, tmp_path: Path) -> None:
    synced = runner_with(tmp_path / "yes", timedatectl="echo yes")
    assert doctor.clock_synchronised(root, synced).ok
    unsynced = runner_with(tmp_path / "no", timedatectl="echo no")
    assert doctor.clock_synchronised(root, unsynced).must_fix
    nothing = doctor.clock_synchronised(root, runner_with(tmp_path / "none"))
    assert nothing.must_fix and "apt install systemd-timesyncd" in nothing.fix


# --- the zone -------------------------------------------------------------------------------


def test_the_system_zone_from_localtime_timezone_or_a_copied_file(root: Path) -> None:
    etc = root / "etc"
    etc.mkdir()
    assert doctor.zone_is_wit(root).text == "system time zone is unknown, not Asia/Jayapura (WIT)"
    (etc / "localtime").symlink_to("/usr/share/zoneinfo/Etc/UTC")
    found = doctor.zone_is_wit(root)
    assert found.must_fix and found.fix.startswith(
        "run sudo timedatectl set-timezone Asia/Jayapura"
    )
    (etc / "localtime").unlink()
    (etc / "localtime").symlink_to("../usr/share/zoneinfo/Asia/Jayapura")
    assert doctor.zone_is_wit(root).ok
    (etc / "localtime").unlink()
    (etc / "timezone").write_text("Asia/Makassar\n")
    assert "Asia/Makassar" in doctor.zone_is_wit(root).text
    (etc / "timezone").unlink()
    zoneinfo = root / "usr/share/zoneinfo/Asia"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Jayapura").write_bytes(Path("/usr/share/zoneinfo/Asia/Jayapura").read_bytes())
    (etc / "localtime").write_bytes((zoneinfo / "Jayapura").read_bytes())  # a container's copy
    assert doctor.zone_is_wit(root).ok


def test_the_kiosks_own_zone() -> None:
    assert doctor.kiosk_zone_is_wit("Asia/Jayapura").ok
    found = doctor.kiosk_zone_is_wit("Asia/Jakarta")
    assert found.must_fix and "stall.timezone: Asia/Jayapura" in found.fix


# --- disk and backups -----------------------------------------------------------------------


def test_disk_free_below_the_threshold(tmp_path: Path) -> None:
    assert doctor.disk_free(tmp_path / "not" / "yet", min_free=1, min_share=0).ok
    found = doctor.disk_free(tmp_path, min_free=1 << 60)  # more than any disk has
    assert found.must_fix and "below 1073741824.0 GiB" in found.text


def test_the_age_of_the_last_backup(tmp_path: Path) -> None:
    now = dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)
    assert doctor.last_backup(tmp_path, now).must_fix  # none at all
    copy = tmp_path / "ledger-20261129-030000.db"
    copy.write_bytes(b"")
    (tmp_path / "ledger-before-0006-20261201T000000Z.db").write_bytes(b"")  # not a backup's name
    three_days = (now - dt.timedelta(days=3)).timestamp()
    os.utime(copy, (three_days, three_days))
    found = doctor.last_backup(tmp_path, now)
    assert (
        found.must_fix
        and found.text == "last backup ledger-20261129-030000.db, 72 h old (more than 2 days)"
    )
    hours_ago = (now - dt.timedelta(hours=5)).timestamp()
    os.utime(copy, (hours_ago, hours_ago))
    assert (
        doctor.last_backup(tmp_path, now).line()
        == "✓ last backup ledger-20261129-030000.db, 5 h old"
    )


# --- the printer's device -------------------------------------------------------------------


def usb_device(root: Path, vendor: str, product: str, bus: int, number: int) -> Path:
    device = root / f"sys/bus/usb/devices/{bus}-1"
    device.mkdir(parents=True)
    for name, value in {
        "idVendor": vendor,
        "idProduct": product,
        "busnum": bus,
        "devnum": number,
    }.items():
        (device / name).write_text(f"{value}\n")
    node = root / f"dev/bus/usb/{bus:03d}/{number:03d}"
    node.parent.mkdir(parents=True, exist_ok=True)
    node.write_bytes(b"")
    return node


def test_usb_printer_plugged_in_and_open(root: Path) -> None:
    assert doctor.usb_printer(root, 0x04B8, 0x0202).text == "no USB device 04b8:0202 is plugged in"
    usb_device(root, "1d6b", "0002", 1, 1)  # a hub
    node = usb_device(root, "04b8", "0202", 3, 7)
    found = doctor.usb_printer(root, 0x04B8, 0x0202)
    assert found.ok and str(node) in found.text


def test_usb_printer_whose_node_this_user_cannot_open(root: Path) -> None:
    # No node to open: what this user meets when udev gave the node to another group (root
    # opens any file, so a mode cannot stand in for it here).
    usb_device(root, "0416", "5011", 2, 4).unlink()
    found = doctor.usb_printer(root, 0x0416, 0x5011)
    assert found.must_fix and "60-jikubata-printers.rules" in found.fix


def test_serial_printer_on_a_real_pseudo_terminal(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    try:
        found = doctor.serial_printer(Path(os.ttyname(terminal)))
        assert found.ok
    finally:
        os.close(controller)
        os.close(terminal)
    missing = doctor.serial_printer(tmp_path / "ttyUSB9")
    assert missing.must_fix and "printer.serial_device" in missing.fix


def test_file_printer_folder(tmp_path: Path) -> None:
    assert doctor.file_printer(tmp_path / "receipts").ok  # made on the first receipt
    (tmp_path / "taken").write_bytes(b"")
    found = doctor.file_printer(tmp_path / "taken")
    assert found.must_fix and "printer.path" in found.fix


def test_a_log_folder_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "etc-jikubata").write_bytes(b"")  # a file where the folder would be made
    found = doctor.writable_folder(
        tmp_path / "etc-jikubata" / "logs", "log folder", "set log.folder."
    )
    assert (
        found.must_fix and found.text.startswith("log folder ") and found.fix == "set log.folder."
    )
    assert doctor.writable_folder(tmp_path, "log folder", "set log.folder.").ok


# --- screen and scanner ---------------------------------------------------------------------


def connector(root: Path, name: str, status: str, *modes: str) -> None:
    folder = root / "sys/class/drm" / name
    folder.mkdir(parents=True)
    (folder / "status").write_text(status + "\n")
    (folder / "modes").write_text("".join(f"{m}\n" for m in modes))


def test_screen_size_from_the_connected_displays(root: Path) -> None:
    none = doctor.screen_size(root)
    assert none.ok and none.info_only and none.text.startswith("no display connected")
    connector(root, "card0-HDMI-A-1", "disconnected")
    connector(root, "card0-eDP-1", "connected", "800x600", "640x480")
    small = doctor.screen_size(root)
    assert small.must_fix and small.text == "screen card0-eDP-1 800×600 is smaller than 1024×768"
    (root / "sys/class/drm/card0-eDP-1/modes").write_text("1280x800\n1024x768\n800x600\n")
    assert doctor.screen_size(root).line() == "✓ screen card0-eDP-1 1280×800"


def test_a_scanner_is_information_only(root: Path) -> None:
    absent = doctor.scanner_present(root)
    assert not absent.ok and not absent.must_fix and absent.line().startswith("· ")
    by_id = root / "dev/input/by-id"
    by_id.mkdir(parents=True)
    (by_id / "usb-Newland_HR22-event-kbd").symlink_to("../event3")
    (by_id / "usb-Logitech_Mouse-event-mouse").symlink_to("../event4")
    assert doctor.scanner_present(root).text.endswith("usb-Newland_HR22-event-kbd")
