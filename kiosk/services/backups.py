"""What `jikubata backup` does around the copy itself: retention in backup.folder, and a copy
onto a USB stick found by its filesystem label.

Only files named the way ``Kiosk.backup`` names them (``ledger-YYYYMMDD-HHMMSS[-N].db``, the
stall's local time) are ever deleted: the copies taken before a migration
(``ledger-before-…``), a ``.partial`` left by a crash and anything else a person put there are
left alone. The just-written copy is never deleted.

Retention is by days and months that *have* a backup (as restic's ``--keep-daily`` is): the
newest copy of each of the ``keep_daily`` newest days, and of each of the ``keep_monthly``
newest months. A kiosk switched off for three weeks thus still keeps its last two weeks of
copies, not none.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

BACKUP_NAME = re.compile(r"ledger-(\d{8}-\d{6})(?:-(\d+))?\.db")
BY_LABEL = Path("/dev/disk/by-label")
MOUNTS = Path("/proc/self/mounts")
FSTAB = Path("/etc/fstab")
STICK_FOLDER = "jikubata-backups"  # on the stick: one folder per kiosk id below it


@dataclass(frozen=True, order=True)
class BackupFile:
    taken: dt.datetime  # local time, from the name
    counter: int  # 1, or N of a name's -N (two backups in one second)
    path: Path = field(compare=False)


def backup_files(folder: Path) -> list[BackupFile]:
    """The kiosk's own backups in ``folder`` (plain files only, not links), oldest first."""
    found = []
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    for entry in entries:
        named = BACKUP_NAME.fullmatch(entry.name)
        if not named or entry.is_symlink() or not entry.is_file():
            continue
        try:
            taken = dt.datetime.strptime(named.group(1), "%Y%m%d-%H%M%S")
        except ValueError:  # 20261399-…: not a name the kiosk wrote
            continue
        found.append(BackupFile(taken, int(named.group(2) or 1), entry))
    return sorted(found)


def to_keep(files: Iterable[BackupFile], keep_daily: int, keep_monthly: int) -> set[Path]:
    """The newest copy of each of the ``keep_daily`` newest days and of each of the
    ``keep_monthly`` newest months."""
    days: dict[dt.date, BackupFile] = {}
    months: dict[tuple[int, int], BackupFile] = {}
    for each in sorted(files, reverse=True):  # newest first: the first seen per bucket wins
        if each.taken.date() not in days and len(days) < keep_daily:
            days[each.taken.date()] = each
        month = (each.taken.year, each.taken.month)
        if month not in months and len(months) < keep_monthly:
            months[month] = each
    return {each.path for each in (*days.values(), *months.values())}


@dataclass(frozen=True)
class Retention:
    kept: int
    deleted: list[Path]


def apply_retention(
    folder: Path, keep_daily: int, keep_monthly: int, just_written: Path
) -> Retention:
    files = backup_files(folder)
    keep = to_keep(files, keep_daily, keep_monthly) | {just_written}
    deleted = []
    for each in files:
        if each.path not in keep:
            each.path.unlink(missing_ok=True)
            deleted.append(each.path)
    return Retention(len(files) - len(deleted), deleted)


# --- the USB stick ------------------------------------------------------------------------


def label_link(label: str) -> str:
    """A label's name under /dev/disk/by-label: udev writes a space as \\x20 (the config
    allows no other character it escapes)."""
    return label.replace(" ", "\\x20")


def _unescape(field_text: str) -> str:
    """/proc/mounts and fstab write a space in a path as \\040 (octal escapes)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field_text)


def _mounted_at(device: Path, mounts: Path) -> Path | None:
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        parts = line.split()
        if len(parts) < 2 or not parts[0].startswith("/"):
            continue
        if os.path.realpath(_unescape(parts[0])) == str(device):
            return Path(_unescape(parts[1]))
    return None


def _fstab_mount_point(label: str, fstab: Path) -> Path | None:
    """Where /etc/fstab mounts ``LABEL=label`` (e.g. an x-systemd.automount line)."""
    try:
        lines = fstab.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        parts = line.split()
        labels = (f"LABEL={label}", f"LABEL={label_link(label)}")
        if len(parts) >= 2 and _unescape(parts[0]) in labels:
            return Path(_unescape(parts[1]))
    return None


def stick_mount_point(
    label: str, *, by_label: Path = BY_LABEL, mounts: Path = MOUNTS, fstab: Path = FSTAB
) -> Path | None:
    """Where the filesystem labelled ``label`` is mounted now, or None (not plugged in, or
    plugged in and not mounted). An fstab automount point for it is touched first, which is
    what makes systemd mount it."""
    link = by_label / label_link(label)
    if not link.exists():
        return None
    device = Path(os.path.realpath(link))
    found = _mounted_at(device, mounts)
    if found is None:
        automount = _fstab_mount_point(label, fstab)
        if automount is not None:
            try:
                os.listdir(automount)  # an automount point mounts on first access
            except OSError:
                return None
            found = _mounted_at(device, mounts)
    return found


def copy_durably(source: Path, folder: Path) -> Path:
    """Copy ``source`` into ``folder`` under its own name: written to a .partial, flushed to the
    stick, then renamed, so a stick pulled out mid-copy never holds a torn file under a
    backup's name. Owner-only where the filesystem keeps modes (vfat does not: mount it with
    uid/umask, docs/INSTALL.md)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / source.name
    partial = folder / (source.name + ".partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with source.open("rb") as reading, os.fdopen(descriptor, "wb", closefd=False) as writing:
            while chunk := reading.read(1 << 20):
                writing.write(chunk)
            writing.flush()
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(partial, target)
    _fsync_folder(folder)
    return target


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:  # some filesystems cannot sync a folder; the file itself is synced
        pass
    finally:
        os.close(descriptor)


# --- the whole command --------------------------------------------------------------------


@dataclass(frozen=True)
class BackupPolicy:
    folder: Path
    keep_daily: int
    keep_monthly: int
    usb_label: str | None
    kiosk_id: str


@dataclass(frozen=True)
class StickPlaces:
    """Where the system says what is mounted (tests give files of their own)."""

    by_label: Path = BY_LABEL
    mounts: Path = MOUNTS
    fstab: Path = FSTAB


@dataclass(frozen=True)
class BackupRun:
    written: Path
    retention: Retention
    stick_copy: Path | None = None
    stick_retention: Retention | None = None
    stick_missing: bool = False  # a label is set and no such stick is mounted
    stick_error: str | None = None  # the stick is mounted and the copy failed: one sentence

    def lines(self, policy: BackupPolicy) -> list[str]:
        out = [f"Backup written: {self.written}"]
        out.append(
            f"Kept {self.retention.kept} backup(s) in {policy.folder} (the newest of each of "
            f"the last {policy.keep_daily} days and {policy.keep_monthly} months with one); "
            f"deleted {len(self.retention.deleted)} older."
        )
        if self.stick_copy is not None:
            out.append(f"Copied onto the USB stick {policy.usb_label}: {self.stick_copy}")
        if self.stick_missing:
            out.append(
                f"No USB stick labelled {policy.usb_label} is mounted, so this backup was not "
                f"copied onto one (it is in {policy.folder})."
            )
        return out


def run_backup(
    write: Callable[[Path], Path], policy: BackupPolicy, places: StickPlaces = StickPlaces()
) -> BackupRun:
    """Write a backup into the policy's folder (``write`` is the consistent copy itself), keep
    what the policy keeps, and copy it onto the stick when one is set and mounted."""
    written = write(policy.folder)
    retention = apply_retention(policy.folder, policy.keep_daily, policy.keep_monthly, written)
    if policy.usb_label is None:
        return BackupRun(written, retention)
    mount = stick_mount_point(
        policy.usb_label, by_label=places.by_label, mounts=places.mounts, fstab=places.fstab
    )
    if mount is None:
        return BackupRun(written, retention, stick_missing=True)
    on_stick = mount / STICK_FOLDER / policy.kiosk_id
    try:
        copied = copy_durably(written, on_stick)
        stick_retention = apply_retention(on_stick, policy.keep_daily, policy.keep_monthly, copied)
    except OSError as error:
        return BackupRun(
            written,
            retention,
            stick_error=(
                f"the backup {written} was written, but copying it onto the USB stick "
                f"{policy.usb_label} at {mount} failed ({error.strerror or error}); check that "
                "the stick is writable by this user and not full"
            ),
        )
    return BackupRun(written, retention, copied, stick_retention)
