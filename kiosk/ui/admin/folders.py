"""Where admin files come from and go to: the kiosk's export folder or a USB stick.

Desktop Linux mounts sticks under /run/media/USER/LABEL (udisks2) or /media/LABEL (or
/media/USER/LABEL); the patterns are a parameter so tests can point at a temporary folder."""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..i18n import translate

USB_PATTERNS = ("/media/*", "/media/*/*", "/run/media/*/*")


@dataclass(frozen=True)
class Place:
    label: str  # what the button says, in the screen's language
    path: Path


def usb_sticks(patterns: Sequence[str] = USB_PATTERNS) -> list[Place]:
    found: dict[Path, Place] = {}
    for pattern in patterns:
        for match in sorted(glob.glob(pattern)):
            path = Path(match)
            # /media/USER is the folder holding sticks, not a stick: skip folders of folders
            # that are not mount points.
            if not path.is_dir() or (path.parent == Path("/media") and not path.is_mount()):
                continue
            label = translate("Folders", "Flashdisk {name}").format(name=path.name)
            found.setdefault(path, Place(label, path))
    return list(found.values())


def places(export_folder: Path, patterns: Sequence[str] = USB_PATTERNS) -> list[Place]:
    kiosk = Place(translate("Folders", "Folder ekspor kiosk"), export_folder)
    return [kiosk, *usb_sticks(patterns)]


def csv_files(where: Sequence[Place], limit: int = 200) -> list[tuple[Place, Path]]:
    """CSV files directly in each place (sticks are not searched deeply: that can be slow)."""
    files: list[tuple[Place, Path]] = []
    for place in where:
        try:
            names = sorted(p for p in place.path.iterdir() if p.suffix.lower() == ".csv")
        except OSError:
            continue  # unplugged while we looked
        files.extend((place, path) for path in names if path.is_file())
    return files[:limit]
