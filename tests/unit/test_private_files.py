"""Tightening what an older version left open: only the kiosk's own folders, never the
config's folder or what a link points to."""

from __future__ import annotations

import stat
from pathlib import Path

from kiosk.services.private_files import private_file, private_folder, tighten


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_private_file_and_folder_are_the_owners_only(tmp_path: Path) -> None:
    folder = private_folder(tmp_path / "data")
    assert mode(folder) == 0o700
    assert mode(private_file(folder / "ledger.db")) == 0o600


def test_tighten_narrows_the_kiosks_folders_and_spares_the_rest(tmp_path: Path) -> None:
    home, data, elsewhere = tmp_path / "home", tmp_path / "home" / "data", tmp_path / "other"
    for folder in (home, data, elsewhere):
        folder.mkdir(mode=0o755)
        folder.chmod(0o755)
    config, ledger, shared = home / "config.yaml", data / "ledger.db", elsewhere / "notes.txt"
    for file in (config, ledger, shared):
        file.write_text("x")
        file.chmod(0o644)
    (data / "link").symlink_to(shared)

    changed = tighten([home, data], never=[home])

    assert changed == [data, ledger]
    assert (mode(data), mode(ledger)) == (0o700, 0o600)
    assert (mode(home), mode(config), mode(shared)) == (0o755, 0o644, 0o644)
    assert tighten([home, data], never=[home]) == []  # nothing left to do
