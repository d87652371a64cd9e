"""`jikubata backup` as the daily timer runs it: the copy, retention in backup.folder, and the
USB stick named by backup.usb_label (absent here: a stick is hardware; the copy onto a mounted
one is tested in tests/unit/test_backup_files.py with a folder standing in for it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from conftest import Kiosk

OLD = [f"ledger-202601{day:02d}-030000.db" for day in range(1, 29)]  # January 2026, daily


def configure(kiosk: Kiosk, **backup: object) -> None:
    raw = yaml.safe_load(kiosk.config.read_text(encoding="utf-8"))
    raw["backup"] = backup
    kiosk.config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def test_backup_keeps_what_the_policy_keeps_and_says_the_stick_is_missing(
    initialised: Kiosk,
) -> None:
    folder = initialised.home / "data" / "backups"
    folder.mkdir(exist_ok=True)
    for name in [*OLD, "ledger-before-0006_till-20260101-010101.db", "keep-me.txt"]:
        (folder / name).write_bytes(b"an older copy")
    configure(initialised, keep_daily=3, keep_monthly=2, usb_label="JIKU-NO-SUCH-STICK-9")

    stdout = initialised.ok("backup")

    written, kept, stick = stdout.splitlines()
    new = re.fullmatch(r"Backup written: .+/(ledger-\d{8}-\d{6}\.db)", written)
    assert new, written
    # today's copy, the two newest January days; January's newest is one of those
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [
            new.group(1),
            OLD[-2],
            OLD[-1],
            "ledger-before-0006_till-20260101-010101.db",
            "keep-me.txt",
        ]
    )
    assert kept.startswith("Kept 3 backup(s) in ") and kept.endswith("deleted 26 older.")
    assert stick == (
        "No USB stick labelled JIKU-NO-SUCH-STICK-9 is mounted, so this backup was not copied "
        f"onto one (it is in {folder.resolve()})."
    )


def test_a_backup_into_a_folder_given_by_hand_deletes_nothing(initialised: Kiosk) -> None:
    target = initialised.home / "by-hand"
    target.mkdir()
    for name in OLD:
        (target / name).write_bytes(b"an older copy")
    configure(initialised, keep_daily=1, keep_monthly=0)
    stdout = initialised.ok("backup", target)
    assert stdout.startswith("Backup written: ") and len(stdout.splitlines()) == 1
    assert len(list(target.iterdir())) == len(OLD) + 1
