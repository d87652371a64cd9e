"""A throwaway Debian 12 system for the package tests: a copy of the pristine root that
scripts/debian-root.sh keeps, entered with chroot inside its own mount and PID namespaces, so
nothing reaches the machine running the tests and every mount vanishes with the namespace."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNSHARE = ("unshare", "--mount", "--pid", "--fork")


def pristine_root() -> Path:
    # debian-root.sh unpacks debootstrap into .cache/ but does not make that folder itself.
    (REPO / ".cache").mkdir(exist_ok=True)
    result = subprocess.run(
        [str(REPO / "scripts" / "debian-root.sh")],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return Path(result.stdout.strip().splitlines()[-1])


class DebianRoot:
    """A private copy of the pristine root; ``run`` executes a shell command inside it."""

    def __init__(self, pristine: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="jikubata-deb-"))
        self.path = self.folder / "root"
        subprocess.run(["cp", "-a", str(pristine), str(self.path)], check=True)
        shutil.copy("/etc/resolv.conf", self.path / "etc" / "resolv.conf")  # apt's DNS

    def run(
        self, command: str, *, check: bool = True, timeout: float = 900
    ) -> subprocess.CompletedProcess[str]:
        root = shlex.quote(str(self.path))
        inside = (
            f"mount --rbind /dev {root}/dev && mount --rbind /sys {root}/sys && "
            f"exec chroot {root} /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "
            "HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "
            f"/bin/sh -c {shlex.quote(command)}"
        )
        result = subprocess.run(
            [*UNSHARE, f"--mount-proc={self.path}/proc", "sh", "-c", inside],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"in the root, {command!r} exited {result.returncode}:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def put(self, file: Path) -> str:
        """Copy ``file`` into the root's /tmp; returns its path inside the root."""
        shutil.copy(file, self.path / "tmp" / file.name)
        return f"/tmp/{file.name}"

    def remove(self) -> None:
        # The namespace's mounts are gone with its last process; only the copy is left.
        subprocess.run(["rm", "-rf", "--one-file-system", str(self.folder)], check=False)
