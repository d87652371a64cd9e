"""`systemd-analyze verify` for every unit in packaging/systemd/, run by Debian 12's systemd
inside a throwaway root where the programs they name exist (cage, /usr/bin/jikubata): verify
refuses a unit whose ExecStart= names a missing program. Any warning counts as a failure,
since verify only warns (exit 0) about an unknown or unparsable setting."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from .appliance_root import Overlay
from .units import UNITS

pytestmark = pytest.mark.slow

UNIT_FILES = sorted(UNITS.iterdir())


def verify(tmp_path: Path, units: dict[str, str]) -> subprocess.CompletedProcess[str]:
    overlay = Overlay(tmp_path / "root")
    for name, text in units.items():
        overlay.file(f"/etc/systemd/system/{name}").write_text(text, encoding="utf-8")
    paths = [f"/etc/systemd/system/{name}" for name in units]
    script = (
        overlay.shell()
        + f"exec chroot {shlex.quote(str(overlay.root))} systemd-analyze verify {shlex.join(paths)}"
    )
    return subprocess.run(
        ["unshare", "--mount", "--pid", "--fork", "--kill-child", "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_every_unit_verifies_without_a_word(tmp_path: Path):
    assert [unit.name for unit in UNIT_FILES] == [
        "jikubata-backup.service",
        "jikubata-backup.timer",
        "jikubata-kiosk.service",
    ]
    result = verify(tmp_path, {unit.name: unit.read_text(encoding="utf-8") for unit in UNIT_FILES})
    assert result.returncode == 0, result.stderr
    assert (result.stdout + result.stderr).strip() == ""


def test_verify_speaks_up_about_a_broken_unit(tmp_path: Path):
    """The check above can fail: a misspelt setting and a bad value are reported."""
    kiosk = (UNITS / "jikubata-kiosk.service").read_text(encoding="utf-8")
    broken = kiosk.replace("Restart=always", "Restart=sometimes").replace(
        "WatchdogSec=30", "WatchdogSecs=30"
    )
    result = verify(tmp_path, {"jikubata-kiosk.service": broken})
    said = result.stdout + result.stderr
    assert "Failed to parse service restart specifier" in said
    assert "Unknown key 'WatchdogSecs'" in said or "Unknown key name 'WatchdogSecs'" in said
