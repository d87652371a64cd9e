"""Real systemd as PID 1 in a throwaway root: its own PID, mount and cgroup namespaces, the
root an overlay on the cached appliance root (appliance_root.py), a minimal /dev of its own
(never the machine's ttys) and a cgroup made for it (removed again when it stops). systemctl
and journalctl run inside through nsenter, talking to that systemd only.

Killing PID 1 of a PID namespace kills everything in it, so ``stop`` (and a test that dies:
``unshare --kill-child``) leaves no process behind; the mount namespace goes with them."""

from __future__ import annotations

import contextlib
import shlex
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from .appliance_root import KIOSK_HOME, Overlay

CGROUPS = Path("/sys/fs/cgroup")


def _cgroup_layout() -> tuple[list[Path], str]:
    """The host's cgroup folders to make one for the container in, and the lines that mount
    the container's own view of them (the cgroup namespace roots them at that folder)."""
    if (CGROUPS / "cgroup.controllers").exists():  # unified (cgroup v2 only)
        return [CGROUPS], "mount -t cgroup2 cgroup2 {root}/sys/fs/cgroup"
    if (CGROUPS / "systemd").is_dir():  # hybrid or legacy: systemd's named hierarchy
        mounts = [
            "mount -t tmpfs -o mode=0755 tmpfs {root}/sys/fs/cgroup",
            "mkdir -p {root}/sys/fs/cgroup/systemd",
            "mount -t cgroup -o none,name=systemd cgroup {root}/sys/fs/cgroup/systemd",
        ]
        folders = [CGROUPS / "systemd"]
        if (CGROUPS / "unified" / "cgroup.procs").exists():
            mounts += [
                "mkdir -p {root}/sys/fs/cgroup/unified",
                "mount -t cgroup2 cgroup2 {root}/sys/fs/cgroup/unified",
            ]
            folders.append(CGROUPS / "unified")
        return folders, "\n".join(mounts)
    pytest.fail(f"no cgroup hierarchy systemd can use under {CGROUPS}")


class Container:
    def __init__(self, overlay: Overlay) -> None:
        self.overlay = overlay
        self.name = f"jikubata-test-{uuid.uuid4().hex[:8]}"
        self.pid: int | None = None  # systemd's, as the machine sees it
        self.process: subprocess.Popen[str] | None = None
        self.cgroups: list[Path] = []

    def start(self, timeout: float = 90) -> None:
        folders, mounts = _cgroup_layout()
        root = shlex.quote(str(self.overlay.root))
        for folder in folders:
            (folder / self.name).mkdir()
            self.cgroups.append(folder / self.name)
        join = "".join(f"echo $$ > {shlex.quote(str(c / 'cgroup.procs'))}\n" for c in self.cgroups)
        # The overlay is a mount point: systemd's sandboxing (ProtectSystem=, PrivateTmp=...)
        # fails with "Failed to set up mount namespacing" when / in a chroot is none.
        inside = (
            self.overlay.shell()
            + mounts.format(root=root)
            + f"\nmount -t tmpfs -o mode=0755 tmpfs {root}/run\n"
            + f"chroot {root} /bin/bash -c {shlex.quote(KIOSK_HOME)}\n"
            + f"exec chroot {root} /usr/bin/env -i container=unshare "
            "/lib/systemd/systemd --log-target=journal --unit=multi-user.target\n"
        )
        outer = (
            join
            + "exec unshare --cgroup --mount --pid --fork --kill-child bash -c "
            + (shlex.quote(inside))
        )
        self.process = subprocess.Popen(
            ["bash", "-c", outer], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"systemd did not start:\n{self.process.stdout.read()}")  # type: ignore[union-attr]
            self.pid = self._systemd_pid()
            if self.pid is not None:
                state = self.run("systemctl", "is-system-running", check=False).strip()
                if state in {"running", "degraded"}:
                    return
            time.sleep(0.5)
        pytest.fail("systemd in the container did not finish booting")

    def _systemd_pid(self) -> int | None:
        assert self.process is not None
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
            for pid in children.read_text().split():
                if Path(f"/proc/{pid}/comm").read_text().strip() == "systemd":
                    return int(pid)
        except OSError:
            return None
        return None

    def run(self, *command: str, check: bool = True, timeout: float = 180) -> str:
        """``command`` inside the container (its root, namespaces and systemd)."""
        assert self.pid is not None
        result = subprocess.run(
            ["nsenter", "-t", str(self.pid), "-m", "-p", "-C", "-r", "-w", *command],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and result.returncode != 0:
            pytest.fail(
                f"{shlex.join(command)}: {result.returncode}\n{result.stdout}{result.stderr}"
            )
        return result.stdout

    def show(self, unit: str, *properties: str) -> dict[str, str]:
        text = self.run("systemctl", "show", unit, "-p", ",".join(properties))
        return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)  # --kill-child takes PID 1 and all with it
            self.process.wait(timeout=60)
        deadline = time.monotonic() + 30
        for cgroup in self.cgroups:
            while cgroup.exists() and time.monotonic() < deadline:
                for folder in sorted(cgroup.rglob("*"), key=lambda p: -len(p.parts)):
                    if folder.is_dir():
                        with contextlib.suppress(OSError):  # not empty yet: next round
                            folder.rmdir()
                try:
                    cgroup.rmdir()
                except OSError:
                    time.sleep(0.2)  # processes still leaving
