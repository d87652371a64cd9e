"""Files holding NIPs, names and PIN hashes are the kiosk user's only: every file the command
makes is 0600 and every folder 0700, whatever umask the shell that started it had."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk


def run(kiosk: Kiosk, *args: str, stdin: str | None = None) -> str:
    """The real command, started from a shell with the usual permissive umask 022."""
    result = subprocess.run(
        kiosk.command(list(args)),
        cwd=kiosk.home,
        env={k: v for k, v in os.environ.items() if k != "JIKUBATA_CONFIG"},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        umask=0o022,
    )
    assert result.returncode == 0, f"jikubata {' '.join(args)}: {result.stderr}"
    return result.stdout


def open_to_others(home: Path) -> list[str]:
    """Everything under ``home`` (but the test's own config.yaml) a group or others may use."""
    found = []
    for path in sorted(home.rglob("*")):
        if path.name == "config.yaml":
            continue
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(f"{path.relative_to(home)} {mode:o}")
    return found


def test_every_file_the_kiosk_makes_is_its_users_alone(fresh: Kiosk) -> None:
    run(fresh, "init", "--sample-data")  # the ledger, its WAL, the card key, demo sales
    run(fresh, "operator", "add", "Ina", stdin="2468\n")
    run(fresh, "printer", "test")  # a receipt file in receipts/
    run(fresh, "backup")
    run(fresh, "export", "compliance", "--month", "2026-11")
    run(fresh, "cards", "--out", "cards/kartu.pdf")

    made = {p.relative_to(fresh.home).parts[0] for p in fresh.home.rglob("*")}
    assert {"data", "receipts", "exports", "cards"} <= made
    assert list((fresh.home / "data" / "backups").glob("ledger-*.db"))
    assert open_to_others(fresh.home) == []


def test_init_tightens_what_an_older_version_left_open(fresh: Kiosk) -> None:
    run(fresh, "init")
    run(fresh, "backup")
    data = fresh.home / "data"
    opened = [data, data / "ledger.db", data / "backups", *(data / "backups").iterdir()]
    for path in opened:  # as an older version (or a copy with umask 022) left them
        path.chmod(0o755 if path.is_dir() else 0o644)

    stdout = run(fresh, "init")

    assert "readable by this user only" in stdout
    assert open_to_others(fresh.home) == []
