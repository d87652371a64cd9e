"""A throwaway Debian 12 system for the service tests: cage, grim, systemd and the libraries
Qt's wayland plugin needs, the user ``jikubata``, and ``/usr/bin/jikubata`` standing in for
the package's (the target's /usr/bin/python3 running this checkout, with the dependencies of
the Python running the tests: the same 3.11 ABI, so they load inside).

The root is prepared once from scripts/debian-root.sh's pristine root and cached under
.cache/appliance-root (git-ignored); every test works in an overlay on top of it, mounted in a
private mount namespace (``unshare``) that disappears with the test's processes, so nothing
is left mounted and the cache stays as built. Nothing is installed on the machine itself."""

from __future__ import annotations

import fcntl
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CACHE = PROJECT / ".cache" / "appliance-root" / "bookworm"
# cage 0.1.4 exits without Xwayland ("Cannot create XWayland server"); Qt's wayland plugin
# links libwayland-cursor; python3 runs the kiosk as the package would.
PACKAGES = (
    "systemd cage xwayland grim python3 libwayland-client0 libwayland-cursor0 libwayland-egl1 "
    "libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
)
SITE = Path(sysconfig.get_paths()["purelib"])  # PySide6, SQLAlchemy, ... of this Python
STAND_IN = f"""#!/bin/sh
# The tests' stand-in for the package's /usr/bin/jikubata: this checkout, run by the target's
# python3 with the test runner's dependencies (bind-mounted at the same paths).
export JIKUBATA_CONFIG="${{JIKUBATA_CONFIG:-/etc/jikubata/config.yaml}}"
export PYTHONPATH={PROJECT}:{SITE}
exec /usr/bin/python3 -m kiosk "$@"
"""


def _run(command: list[str], what: str, timeout: float = 900) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def appliance_root() -> Path:
    """The cached root, built the first time (about a minute, Debian's archive needed)."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        pytest.fail("the service tests need Linux with unshare (util-linux), as root")
    if sys.version_info[:2] != (3, 11):
        pytest.fail(
            "the service tests run the kiosk with Debian 12's python3 (3.11): run them "
            f"with a Python 3.11 environment, not {sys.version.split()[0]}"
        )
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    # One builder at a time: test files running in parallel (pytest -n) share the cache.
    with (CACHE.parent / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _cached_root()


def _cached_root() -> Path:
    stamp = CACHE / ".complete"
    if stamp.is_file() and stamp.read_text() == PACKAGES:
        return CACHE
    pristine = _run(["bash", str(PROJECT / "scripts" / "debian-root.sh")], "debian-root.sh")
    building = CACHE.with_name(CACHE.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.parent.mkdir(parents=True, exist_ok=True)
    _run(["cp", "-a", pristine.strip(), str(building)], "copying the pristine root")
    shutil.copy("/etc/resolv.conf", building / "etc" / "resolv.conf")
    setup = (
        f"mount -t proc proc {building}/proc && mount --rbind /dev {building}/dev && "
        f"exec chroot {building} /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "
        "DEBIAN_FRONTEND=noninteractive /bin/sh -c "
        + shlex.quote(
            f"apt-get update -qq && apt-get install -y -qq {PACKAGES} >/dev/null && "
            "apt-get clean && useradd --system --user-group --home-dir /var/lib/jikubata "
            "--create-home --shell /usr/sbin/nologin jikubata && chmod 0750 /var/lib/jikubata"
        )
    )
    _run(["unshare", "--mount", "--pid", "--fork", "sh", "-c", setup], "apt-get in the root")
    jikubata = building / "usr" / "bin" / "jikubata"
    jikubata.write_text(STAND_IN, encoding="utf-8")
    jikubata.chmod(0o755)
    (building / ".complete").write_text(PACKAGES)
    shutil.rmtree(CACHE, ignore_errors=True)
    building.rename(CACHE)
    return CACHE


class Overlay:
    """The cached root seen through an overlay whose changes land in ``folder``; ``shell``
    gives the lines that mount it (and /proc, /sys, a minimal /dev, this checkout and the
    dependencies) inside a fresh mount namespace, ``binds`` more host folders."""

    def __init__(self, folder: Path, binds: dict[Path, str] | None = None) -> None:
        self.lower = appliance_root()
        self.folder = folder
        self.root = folder / "merged"
        self.binds = {PROJECT: str(PROJECT), SITE: str(SITE), **(binds or {})}
        for name in ("upper", "work", "merged"):
            (folder / name).mkdir(parents=True, exist_ok=True)

    def file(self, inside: str) -> Path:
        """Where to write a file that should appear at ``inside`` (the overlay's upper)."""
        path = self.folder / "upper" / inside.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def shell(self) -> str:
        r = shlex.quote(str(self.root))
        lines = [
            "set -e",
            "mount --make-rprivate /",
            f"mount -t overlay overlay -o lowerdir={self.lower},upperdir={self.folder}/upper,"
            f"workdir={self.folder}/work {r}",
            f"mount -t proc proc {r}/proc",
            f"mount -t sysfs -o ro sysfs {r}/sys",
            f"mount -t tmpfs -o mode=0755 tmpfs {r}/dev",
            f"for n in null zero full random urandom tty; do touch {r}/dev/$n; "
            f"mount --bind /dev/$n {r}/dev/$n; done",
            f"mkdir -p {r}/dev/pts {r}/dev/shm",
            f"mount -t devpts -o newinstance,ptmxmode=0666 devpts {r}/dev/pts",
            f"ln -s pts/ptmx {r}/dev/ptmx",
            f"mount -t tmpfs -o mode=1777 tmpfs {r}/dev/shm",
        ]
        for host, inside in self.binds.items():
            target = shlex.quote(f"{self.root}{inside}")
            lines += [f"mkdir -p {target}", f"mount --bind {shlex.quote(str(host))} {target}"]
        return "\n".join(lines) + "\n"


# Inside the root, as root: the kiosk's home with the shipped config (its relative paths land
# in /var/lib/jikubata) and the demo data, made by `jikubata init` as the user jikubata.
KIOSK_HOME = f"""
cp {PROJECT}/config.yaml /var/lib/jikubata/config.yaml
chown jikubata:jikubata /var/lib/jikubata/config.yaml
setpriv --reuid=jikubata --regid=jikubata --init-groups env -i HOME=/var/lib/jikubata \\
  JIKUBATA_CONFIG=/var/lib/jikubata/config.yaml /usr/bin/jikubata init --sample-data >/dev/null
"""
