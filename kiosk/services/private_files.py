"""The kiosk's files hold NIPs, names and PIN hashes: they are its user's alone (files 0600 in
folders 0700). The command sets the umask for everything it writes; these helpers make the
files that matter most private even without it, and tighten what an older version left open."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

UMASK = 0o077  # nothing the kiosk writes is for the group or others
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Make ``path`` (and missing parents) as a folder only its owner may enter."""
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty and owner-only if it is missing (an empty file is also a valid,
    empty SQLite database), so whatever writes into it later keeps that mode."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(descriptor)
    return path


def tighten(folders: Iterable[Path], *, never: Iterable[Path] = ()) -> list[Path]:
    """Make each existing folder 0700 and the files directly in it 0600; returns what changed.

    Only the kiosk's own folders are given; ``never`` guards a folder shared with other things
    (the config's folder, the home folder), which is left alone, as is anything it contains
    that is not a plain file (links may point anywhere)."""
    spared = {p.resolve() for p in never}
    changed: list[Path] = []
    for folder in folders:
        if not folder.is_dir() or folder.is_symlink() or folder.resolve() in spared:
            continue
        changed += _narrow(folder, FOLDER_MODE)
        for entry in folder.iterdir():
            if entry.is_file() and not entry.is_symlink():
                changed += _narrow(entry, FILE_MODE)
    return changed


def _narrow(path: Path, mode: int) -> list[Path]:
    current = stat.S_IMODE(path.stat().st_mode)
    if not current & 0o077:
        return []
    path.chmod(current & mode)
    return [path]
