"""The checks of `jikubata doctor` that look at the machine rather than the kiosk's adapters:
files and their modes, the clock and its zone, the disk, backups, the printer's device node,
the screen and the scanner.

Each check is a small function of its facts (paths, a root folder standing for ``/``, a
command runner), so a test points it at files, sockets and programs of its own; kiosk/doctor.py
composes them for the real machine. Each gives one `Finding`: one line, and for a problem the
fix in one sentence naming the setting or command that fixes it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .backups import backup_files

WIT = "Asia/Jayapura"
MIN_FREE_BYTES = 1 << 30  # 1 GiB
MIN_FREE_SHARE = 0.05
MAX_BACKUP_AGE = dt.timedelta(days=2)
MIN_SCREEN = (1024, 768)

# (argv) -> (exit code, stdout), or None when the program is not installed
Runner = Callable[[Sequence[str]], "tuple[int, str] | None"]


def run_command(
    argv: Sequence[str], timeout: float = 5.0, path: str | None = None
) -> tuple[int, str] | None:
    """The real runner: None when the program is not there (or does not finish in time).
    ``path``: where to look for it instead of $PATH."""
    program = shutil.which(argv[0], path=path)
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, *argv[1:]], capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.returncode, done.stdout


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str  # what was found, e.g. "card key data/card-keys.txt present, mode 0600"
    fix: str = ""  # for a problem: one sentence, naming the setting or command
    info_only: bool = False  # never makes doctor fail (the scanner)

    @property
    def must_fix(self) -> bool:
        return not self.ok and not self.info_only

    def line(self) -> str:
        if self.ok:
            return f"✓ {self.text}"
        mark = "·" if self.info_only else "✗"
        return f"{mark} {self.text} — {self.fix}"


def good(text: str) -> Finding:
    return Finding(True, text)


def bad(text: str, fix: str) -> Finding:
    return Finding(False, text, fix)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- keys and file modes ------------------------------------------------------------------


def key_file(path: Path, what: str, setting: str, lost: str) -> Finding:
    """A secret key file: there, not empty, the kiosk user's only (0600)."""
    if not path.is_file() or path.stat().st_size == 0:
        return bad(f"{what} {path} is missing", f"{lost} (the file is {setting} in the config).")
    mode = _mode(path)
    if mode & 0o077:
        return bad(
            f"{what} {path} has mode {mode:04o}, readable by others",
            f"run chmod 600 {path} (or jikubata init, which tightens the kiosk's files).",
        )
    return good(f"{what} present, mode {mode:04o}")


def private_files(files: Iterable[Path], folders: Iterable[Path]) -> list[Finding]:
    """The ledger, keys, backups and their folders: no file readable by the group or others,
    no folder open to others, and all owned by one user (a `sudo jikubata init` leaves files
    root's, which the kiosk's user then cannot write)."""
    problems: list[Finding] = []
    owners: dict[int, Path] = {}
    checked = 0
    for folder in dict.fromkeys(folders):
        if not folder.is_dir():
            continue
        checked += 1
        owners.setdefault(folder.stat().st_uid, folder)
        if _mode(folder) & 0o007:
            problems.append(
                bad(
                    f"folder {folder} has mode {_mode(folder):04o}, open to every user",
                    f"run chmod o-rwx {folder} (or jikubata init, which tightens it).",
                )
            )
    for path in dict.fromkeys(files):
        if not path.is_file() or path.is_symlink():
            continue
        checked += 1
        owners.setdefault(path.stat().st_uid, path)
        if _mode(path) & 0o077:
            problems.append(
                bad(
                    f"{path} has mode {_mode(path):04o}, readable by others",
                    f"run chmod 600 {path} (or jikubata init, which tightens the kiosk's files).",
                )
            )
    if len(owners) > 1:
        first, *others = owners.values()
        owner = _owner_name(first)
        for path in others:
            problems.append(
                bad(
                    f"{path} belongs to {_owner_name(path)}, not {owner} like {first}",
                    f"run chown {owner}: {path} so the kiosk's user can use it.",
                )
            )
    return problems or [good(f"file modes: {checked} kiosk files and folders are private")]


def _owner_name(path: Path) -> str:
    try:
        return path.owner()
    except (KeyError, OSError):
        return str(path.stat().st_uid)


# --- the clock ----------------------------------------------------------------------------


def clock_synchronised(root: Path, run: Runner) -> Finding:
    """systemd-timesyncd's flag file, else chrony, else timedatectl's own answer."""
    if (root / "run/systemd/timesync/synchronized").exists():
        return good("clock synchronised (systemd-timesyncd)")
    chrony = run(["chronyc", "-n", "tracking"])
    if chrony is not None:
        code, out = chrony
        leap = next((line for line in out.splitlines() if line.startswith("Leap status")), "")
        if code == 0 and leap.split(":", 1)[-1].strip() == "Normal":
            return good("clock synchronised (chrony)")
        return bad(
            "clock not synchronised (chrony: "
            + (leap.split(":", 1)[-1].strip() or "no answer")
            + ")",
            "check the network and chronyc sources; a wrong clock files sales under the "
            "wrong day and month.",
        )
    timedatectl = run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"])
    if timedatectl is not None and timedatectl[0] == 0:
        if timedatectl[1].strip() == "yes":
            return good("clock synchronised (timedatectl)")
        return bad(
            "clock not synchronised (timedatectl: NTPSynchronized=no)",
            "check the network and timedatectl timesync-status; a wrong clock files sales "
            "under the wrong day and month.",
        )
    return bad(
        "no clock synchronisation found (neither systemd-timesyncd nor chrony)",
        "install one: sudo apt install systemd-timesyncd.",
    )


def system_zone(root: Path) -> str | None:
    """The system's time zone: /etc/localtime's target, else /etc/timezone; a copied
    /etc/localtime is compared with the zone files."""
    localtime = root / "etc/localtime"
    if localtime.is_symlink():
        target = os.readlink(localtime)
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    timezone = root / "etc/timezone"
    if timezone.is_file():
        written = timezone.read_text(encoding="utf-8", errors="replace").strip()
        if written:
            return written
    wit = root / "usr/share/zoneinfo" / WIT
    if localtime.is_file() and wit.is_file() and localtime.read_bytes() == wit.read_bytes():
        return WIT
    return None


def zone_is_wit(root: Path) -> Finding:
    zone = system_zone(root)
    if zone == WIT:
        return good(f"system time zone {WIT} (WIT)")
    return bad(
        f"system time zone is {zone or 'unknown'}, not {WIT} (WIT)",
        f"run sudo timedatectl set-timezone {WIT}; month boundaries depend on it.",
    )


def kiosk_zone_is_wit(zone: str) -> Finding:
    if zone == WIT:
        return good(f"kiosk time zone stall.timezone {WIT}")
    return bad(
        f"kiosk time zone stall.timezone is {zone}, not {WIT} (WIT)",
        f"set stall.timezone: {WIT} in the config; months are counted on Ambon's clock.",
    )


# --- disk and backups ---------------------------------------------------------------------


def disk_free(
    folder: Path,
    *,
    min_free: int = MIN_FREE_BYTES,
    min_share: float = MIN_FREE_SHARE,
) -> Finding:
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    usage = shutil.disk_usage(existing)
    share = usage.free / usage.total if usage.total else 0.0
    text = f"disk free at {existing}: {_size(usage.free)} ({share:.0%})"
    if usage.free < min_free or share < min_share:
        return bad(
            text + f", below {_size(min_free)} or {min_share:.0%}",
            "free some space (old exports, journal: journalctl --vacuum-size=100M) or a "
            "full disk stops the ledger.",
        )
    return good(text)


def _size(count: int) -> str:
    return f"{count / (1 << 30):.1f} GiB" if count >= 1 << 30 else f"{count / (1 << 20):.0f} MiB"


def last_backup(folder: Path, now: dt.datetime, max_age: dt.timedelta = MAX_BACKUP_AGE) -> Finding:
    files = backup_files(folder)
    if not files:
        return bad(
            f"no backup in {folder} (backup.folder)",
            "run jikubata backup, and check the daily timer: systemctl status "
            "jikubata-backup.timer.",
        )
    newest = max(files, key=lambda f: f.path.stat().st_mtime)
    made = dt.datetime.fromtimestamp(newest.path.stat().st_mtime, dt.UTC)
    age = now - made
    hours = max(0, int(age.total_seconds() // 3600))
    text = f"last backup {newest.path.name}, {hours} h old"
    if age > max_age:
        return bad(
            text + f" (more than {max_age.days} days)",
            "run jikubata backup, and check the daily timer: systemctl status "
            "jikubata-backup.timer.",
        )
    return good(text)


# --- the printer's device node ------------------------------------------------------------


def usb_printer(root: Path, vendor: int, product: int) -> Finding:
    """The USB printer is plugged in (sysfs) and its device node is open to this user."""
    ids = f"{vendor:04x}:{product:04x}"
    for device in sorted((root / "sys/bus/usb/devices").glob("*")):
        try:
            found = (
                int((device / "idVendor").read_text().strip(), 16),
                int((device / "idProduct").read_text().strip(), 16),
            )
            bus = int((device / "busnum").read_text().strip())
            number = int((device / "devnum").read_text().strip())
        except (OSError, ValueError):
            continue
        if found != (vendor, product):
            continue
        node = root / f"dev/bus/usb/{bus:03d}/{number:03d}"
        if not os.access(node, os.R_OK | os.W_OK):
            return bad(
                f"USB printer {ids} is plugged in but {node} is not open to this user",
                "add its vendor id to /lib/udev/rules.d/60-jikubata-printers.rules (see the "
                "file's header), then replug the printer.",
            )
        return good(f"USB printer {ids} plugged in, {node} open to this user")
    return bad(
        f"no USB device {ids} is plugged in",
        "plug the printer in and switch it on, or correct printer.usb_vendor_id and "
        "printer.usb_product_id (as lsusb shows them).",
    )


def serial_printer(device: Path) -> Finding:
    try:
        descriptor = os.open(device, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.EACCES:
            return bad(
                f"serial printer {device} is not open to this user",
                "add the kiosk's user to the device's group: sudo usermod -aG dialout jikubata.",
            )
        return bad(
            f"serial printer {device} cannot be opened ({error.strerror})",
            "check the cable, or correct printer.serial_device.",
        )
    os.close(descriptor)
    return good(f"serial printer {device} present and open to this user")


def file_printer(folder: Path) -> Finding:
    return writable_folder(
        folder,
        "file printer folder",
        "correct printer.path, or give the folder to the kiosk's user.",
    )


def writable_folder(folder: Path, what: str, fix: str) -> Finding:
    """This user can create a file in ``folder`` (or in the nearest folder above it that
    exists, where it will be made)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        if not existing.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a folder")
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".doctor-"):
            pass
    except OSError as error:
        return bad(f"{what} {folder} cannot be written ({error.strerror or error})", fix)
    return good(f"{what} {folder} writable")


# --- the screen and the scanner -----------------------------------------------------------


def screen_size(root: Path) -> Finding:
    """The largest mode of every connected display (the DRM connectors in sysfs)."""
    sizes = []
    for connector in sorted((root / "sys/class/drm").glob("card*-*")):
        try:
            if (connector / "status").read_text().strip() != "connected":
                continue
            modes = (connector / "modes").read_text().split()
        except OSError:
            continue
        parsed = [tuple(int(n) for n in m.split("x")[:2]) for m in modes if "x" in m]
        if parsed:
            sizes.append((connector.name, max(parsed, key=lambda wh: wh[0] * wh[1])))
    if not sizes:
        return Finding(True, "no display connected (screen size not checked)", info_only=True)
    small = [(name, wh) for name, wh in sizes if wh[0] < MIN_SCREEN[0] or wh[1] < MIN_SCREEN[1]]
    shown = ", ".join(f"{name} {w}×{h}" for name, (w, h) in sizes)
    if small:
        return bad(
            f"screen {shown} is smaller than {MIN_SCREEN[0]}×{MIN_SCREEN[1]}",
            "use a panel of at least 1024×768; the kiosk's screens do not fit a smaller one.",
        )
    return good(f"screen {shown}")


def scanner_present(root: Path) -> Finding:
    found = sorted(p.name for p in (root / "dev/input/by-id").glob("*-event-kbd"))
    if found:
        return Finding(True, "keyboard-like input (the scanner): " + ", ".join(found))
    return Finding(
        False,
        "no keyboard-like USB input found (the QR scanner types like a keyboard)",
        "plug the scanner in; a scanner that does not show here may still work.",
        info_only=True,
    )
