"""jikubata-kiosk.service under real systemd (PID 1 of a throwaway Debian 12 root): it starts
(Type=notify: `systemctl start` returns once the kiosk said READY=1), stays up past
WatchdogSec= because the GUI thread pings, and when the kiosk's process is stopped (SIGSTOP:
a frozen event loop) systemd's watchdog ends it and Restart=always brings a new one.

The unit is the packaged file itself; a drop-in changes only what a container must: the
kiosk's config path (the package's /etc/jikubata/config.yaml is pkgdeb's business), cage's
headless backend (no screen), no tty1 (never the machine's), and /tmp and /home left visible
(the checkout under test may lie there)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .appliance_root import Overlay
from .container import Container
from .units import UNITS

pytestmark = pytest.mark.slow

UNIT = "jikubata-kiosk.service"
DROP_IN = """[Service]
Environment=JIKUBATA_CONFIG=/var/lib/jikubata/config.yaml
Environment=WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1
TTYPath=
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
StandardInput=null
# The stand-in for /usr/bin/jikubata runs this checkout and the test venv from wherever they
# lie (CI clones under /tmp), which the unit's PrivateTmp/ProtectHome would hide; the package
# itself lives in /opt, which they leave alone.
PrivateTmp=no
ProtectHome=no
"""


@pytest.fixture
def container(tmp_path: Path) -> Iterator[Container]:
    overlay = Overlay(tmp_path / "root")
    for unit in UNITS.iterdir():
        overlay.file(f"/etc/systemd/system/{unit.name}").write_bytes(unit.read_bytes())
    overlay.file(f"/etc/systemd/system/{UNIT}.d/test.conf").write_text(DROP_IN)
    box = Container(overlay)
    try:
        box.start()
        yield box
    finally:
        box.stop()


def kiosk_pid(box: Container, cage: str) -> str:
    """The kiosk: cage's child running `jikubata run` (pids as the container sees them)."""
    children = box.run("sh", "-c", f"cat /proc/{cage}/task/*/children").split()
    for pid in children:
        command = box.run("sh", "-c", f"tr '\\0' ' ' < /proc/{pid}/cmdline", check=False)
        if "kiosk run" in command:
            return pid
    pytest.fail(f"no kiosk among cage's children {children}")


def wait_for(condition, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"waited {timeout:.0f} s for {what}")


def test_a_frozen_kiosk_is_restarted_by_the_watchdog(container: Container):
    started = time.monotonic()
    container.run("systemctl", "start", UNIT)  # returns at READY=1 (Type=notify)
    print(
        f"\nsystemctl start -> READY=1 (cage + kiosk idle screen): "
        f"{time.monotonic() - started:.2f} s"
    )
    first = container.show(UNIT, "MainPID", "ActiveState", "SubState", "WatchdogUSec", "StatusText")
    assert first["ActiveState"] == "active" and first["SubState"] == "running", first
    assert first["WatchdogUSec"] == "30s"
    cage = first["MainPID"]
    kiosk = kiosk_pid(container, cage)

    # The GUI thread's pings keep it up well past WatchdogSec (30 s).
    pinged = container.show(UNIT, "WatchdogTimestampMonotonic")["WatchdogTimestampMonotonic"]
    time.sleep(40)
    after = container.show(UNIT, "MainPID", "NRestarts", "WatchdogTimestampMonotonic", "StatusText")
    assert after["MainPID"] == cage and after["NRestarts"] == "0", after
    assert int(after["WatchdogTimestampMonotonic"]) > int(pinged)
    assert after["StatusText"] == "selling"  # the ledger opened behind the idle screen

    container.run("sh", "-c", f"kill -STOP {kiosk}")  # the event loop freezes
    frozen = time.monotonic()

    def restarted() -> dict[str, str] | None:
        now = container.show(UNIT, "MainPID", "NRestarts", "SubState")
        fresh = now["NRestarts"] == "1" and now["SubState"] == "running"
        return now if fresh and now["MainPID"] != cage else None

    again = wait_for(restarted, 120, "the watchdog's restart")
    print(
        f"SIGSTOP -> new kiosk running (WatchdogSec=30, RestartSec=3): "
        f"{time.monotonic() - frozen:.1f} s"
    )
    assert kiosk_pid(container, again["MainPID"]) != kiosk
    journal = container.run("journalctl", "--no-pager", "-u", UNIT)
    assert f"{UNIT}: Watchdog timeout (limit 30s)!" in journal
    assert f"{UNIT}: Scheduled restart job, restart counter is at 1." in journal
