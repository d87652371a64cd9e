"""Backup retention and the copy onto a USB stick, on real files (services/backups.py). The
stick itself is hardware: a folder stands in for its mount point, and files of the test's own
stand in for /dev/disk/by-label and /proc/self/mounts."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kiosk.services.backups import (
    STICK_FOLDER,
    BackupPolicy,
    StickPlaces,
    apply_retention,
    backup_files,
    copy_durably,
    run_backup,
    stick_mount_point,
)


def make(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / name
        path.write_bytes(name.encode())
        paths.append(path)
    return paths


def name_of(when: dt.datetime, counter: int = 1) -> str:
    extra = f"-{counter}" if counter > 1 else ""
    return f"ledger-{when:%Y%m%d-%H%M%S}{extra}.db"


def left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_keeps_the_newest_of_each_day_and_month_and_deletes_the_rest(tmp_path: Path) -> None:
    # Two backups a day (03:00 and 15:00) for 400 days, ending 2026-12-02.
    end = dt.datetime(2026, 12, 2, 15, 0)
    names = [
        name_of(end - dt.timedelta(days=day, hours=hours))
        for day in range(400)
        for hours in (0, 12)
    ]
    make(tmp_path, *names)
    newest = tmp_path / name_of(end)

    result = apply_retention(tmp_path, keep_daily=14, keep_monthly=12, just_written=newest)

    kept = backup_files(tmp_path)
    days = sorted({f.taken.date() for f in kept})
    # the 14 newest days, at 15:00 (their newest)...
    daily = [f for f in kept if f.taken.date() >= dt.date(2026, 11, 19)]
    assert [f.taken.hour for f in daily] == [15] * 14
    # ...and the newest of each of the 12 newest months (December 2026 back to January 2026)
    monthly = [f for f in kept if f.taken.date() < dt.date(2026, 11, 19)]
    assert [(f.taken.month, f.taken.day, f.taken.hour) for f in monthly] == [
        (1, 31, 15), (2, 28, 15), (3, 31, 15), (4, 30, 15), (5, 31, 15), (6, 30, 15),
        (7, 31, 15), (8, 31, 15), (9, 30, 15), (10, 31, 15),
    ]  # fmt: skip
    # November's and December's newest are among the daily copies
    assert len(days) == 14 + 10
    assert result.kept == len(kept) == 24
    assert len(result.deleted) == 800 - 24
    assert newest.exists()


def test_counts_days_that_have_a_backup_so_a_kiosk_left_off_keeps_its_last_copies(
    tmp_path: Path,
) -> None:
    # Three backups in March, then the kiosk was off until December.
    march = [dt.datetime(2026, 3, day, 20) for day in (28, 29, 30)]
    make(tmp_path, *(name_of(when) for when in march))
    [newest] = make(tmp_path, name_of(dt.datetime(2026, 12, 2, 3)))
    apply_retention(tmp_path, keep_daily=3, keep_monthly=0, just_written=newest)
    assert left(tmp_path) == [name_of(march[1]), name_of(march[2]), newest.name]


def test_two_backups_in_one_second_the_later_counter_is_the_newer(tmp_path: Path) -> None:
    when = dt.datetime(2026, 12, 1, 3)
    make(tmp_path, name_of(when), name_of(when, 2), name_of(when, 3))
    [newest] = make(tmp_path, name_of(when + dt.timedelta(days=1)))
    apply_retention(tmp_path, keep_daily=2, keep_monthly=0, just_written=newest)
    assert left(tmp_path) == [name_of(when, 3), newest.name]


def test_never_deletes_the_one_just_written_even_when_its_name_is_older(tmp_path: Path) -> None:
    # the clock was set back: the new copy's name sorts before the others
    make(tmp_path, *(name_of(dt.datetime(2026, 12, day, 3)) for day in (1, 2)))
    [written] = make(tmp_path, name_of(dt.datetime(2025, 1, 1, 3)))
    apply_retention(tmp_path, keep_daily=1, keep_monthly=0, just_written=written)
    assert left(tmp_path) == [written.name, name_of(dt.datetime(2026, 12, 2, 3))]


def test_deletes_only_what_the_kiosks_backup_naming_made(tmp_path: Path) -> None:
    others = [
        "ledger-before-0006_till-20260101-010101.db",  # the copy before a migration
        "ledger-20250101-010101.db.partial",  # a crash's leftover
        "ledger-20251399-010101.db",  # no such date
        "ledger-20250101-0101.db",
        "notes.txt",
        "ledger.db",
    ]
    make(tmp_path, *others, name_of(dt.datetime(2025, 1, 1, 1)))
    (tmp_path / "ledger-20250102-010101.db").symlink_to(tmp_path / "notes.txt")
    (tmp_path / "ledger-20250103-010101.db").mkdir()
    [written] = make(tmp_path, name_of(dt.datetime(2026, 12, 2, 3)))

    result = apply_retention(tmp_path, keep_daily=1, keep_monthly=0, just_written=written)

    assert [p.name for p in result.deleted] == [name_of(dt.datetime(2025, 1, 1, 1))]
    assert left(tmp_path) == sorted(
        [*others, "ledger-20250102-010101.db", "ledger-20250103-010101.db", written.name]
    )


# --- the USB stick ----------------------------------------------------------------------


@pytest.fixture
def stick(tmp_path: Path) -> StickPlaces:
    """A stick labelled JIKU BACKUP: its device node, its by-label link, and a mounts file
    listing it (its mount point written with \\040 for the space, as the kernel does)."""
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "sdb1").write_bytes(b"")
    by_label = tmp_path / "by-label"
    by_label.mkdir()
    (by_label / "JIKU\\x20BACKUP").symlink_to("../dev/sdb1")
    (tmp_path / "media" / "jiku backup").mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "proc /proc proc rw,nosuid 0 0\n"
        f"/dev/sda1 / ext4 rw 0 0\n"
        f"{dev / 'sdb1'} {tmp_path / 'media'}/jiku\\040backup vfat rw,uid=1000 0 0\n",
        encoding="utf-8",
    )
    return StickPlaces(by_label=by_label, mounts=mounts, fstab=tmp_path / "no-fstab")


def test_finds_where_the_labelled_stick_is_mounted(stick: StickPlaces, tmp_path: Path) -> None:
    found = stick_mount_point(
        "JIKU BACKUP", by_label=stick.by_label, mounts=stick.mounts, fstab=stick.fstab
    )
    assert found == tmp_path / "media" / "jiku backup"


def test_a_stick_plugged_in_but_not_mounted_or_absent_is_none(
    stick: StickPlaces, tmp_path: Path
) -> None:
    assert stick_mount_point("OTHER", by_label=stick.by_label, mounts=stick.mounts) is None
    stick.mounts.write_text("/dev/sda1 / ext4 rw 0 0\n", encoding="utf-8")
    assert stick_mount_point("JIKU BACKUP", by_label=stick.by_label, mounts=stick.mounts) is None


def test_an_fstab_automount_point_that_does_not_mount_is_none(
    stick: StickPlaces, tmp_path: Path
) -> None:
    stick.mounts.write_text("/dev/sda1 / ext4 rw 0 0\n", encoding="utf-8")
    fstab = tmp_path / "fstab"
    fstab.write_text(
        f"# LABEL=JIKU\\040BACKUP /nowhere vfat\n"
        f"LABEL=JIKU\\040BACKUP {tmp_path}/media/jiku\\040backup vfat x-systemd.automount 0 0\n",
        encoding="utf-8",
    )
    found = stick_mount_point(
        "JIKU BACKUP", by_label=stick.by_label, mounts=stick.mounts, fstab=fstab
    )
    assert found is None  # looked at (which mounts a real automount point), still not mounted


def test_copy_durably_leaves_a_whole_file_and_no_partial(tmp_path: Path) -> None:
    [source] = make(tmp_path / "backups", name_of(dt.datetime(2026, 12, 2, 3)))
    source.write_bytes(os.urandom(3 << 20))  # more than one chunk
    copied = copy_durably(source, tmp_path / "stick" / "AMB-01")
    assert copied.read_bytes() == source.read_bytes()
    assert left(copied.parent) == [source.name]


def write_into(folder: Path) -> Path:
    [path] = make(folder, name_of(dt.datetime(2026, 12, 2, 3)))
    return path


def policy(tmp_path: Path, label: str | None) -> BackupPolicy:
    return BackupPolicy(tmp_path / "backups", 14, 12, label, "AMB-01")


def test_run_backup_copies_onto_the_mounted_stick(stick: StickPlaces, tmp_path: Path) -> None:
    old = make(
        tmp_path / "media" / "jiku backup" / STICK_FOLDER / "AMB-01", "ledger-20200101-000000.db"
    )
    wanted = policy(tmp_path, "JIKU BACKUP")
    run = run_backup(write_into, wanted, stick)
    on_stick = tmp_path / "media" / "jiku backup" / STICK_FOLDER / "AMB-01" / run.written.name
    assert run.stick_copy == on_stick and on_stick.read_bytes() == run.written.read_bytes()
    assert run.stick_retention is not None and run.stick_retention.deleted == []
    assert old[0].exists()  # the newest of its month, and fewer than 12 months on the stick
    assert run.lines(wanted)[-1] == f"Copied onto the USB stick JIKU BACKUP: {on_stick}"


def test_run_backup_without_the_stick_says_so_in_one_line(
    stick: StickPlaces, tmp_path: Path
) -> None:
    stick.mounts.write_text("", encoding="utf-8")
    wanted = policy(tmp_path, "JIKU BACKUP")
    run = run_backup(write_into, wanted, stick)
    assert run.written.exists() and run.stick_copy is None
    assert run.lines(wanted)[-1] == (
        "No USB stick labelled JIKU BACKUP is mounted, so this backup was not copied onto one "
        f"(it is in {tmp_path / 'backups'})."
    )


def test_run_backup_without_a_label_never_looks_for_a_stick(tmp_path: Path) -> None:
    wanted = policy(tmp_path, None)
    run = run_backup(write_into, wanted, StickPlaces(by_label=tmp_path / "nothing"))
    assert [line.split()[0] for line in run.lines(wanted)] == ["Backup", "Kept"]


def test_a_stick_that_cannot_take_the_copy_is_an_error_after_the_backup(
    stick: StickPlaces, tmp_path: Path
) -> None:
    # a file where the kiosk's folder on the stick should be (root ignores a read-only folder)
    (tmp_path / "media" / "jiku backup" / STICK_FOLDER).write_bytes(b"")
    run = run_backup(write_into, policy(tmp_path, "JIKU BACKUP"), stick)
    assert run.stick_error is not None and run.stick_copy is None
    assert "was written, but copying it onto the USB stick JIKU BACKUP" in run.stick_error
    assert (tmp_path / "backups" / name_of(dt.datetime(2026, 12, 2, 3))).exists()
