"""Before Qt starts: are the system libraries it needs installed? Qt itself aborts the process
with a cryptic "could not load the Qt platform plugin" when they are not, so look first and
name the Debian/Ubuntu packages to install. Imports nothing from Qt."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

# library name (for ctypes.util.find_library) -> Debian/Ubuntu package
ALWAYS = {
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "xkbcommon": "libxkbcommon0",
    "dbus-1": "libdbus-1-3",
}
# What Qt 6's xcb platform plugin (libQt6XcbQpa) links against, as ldd lists it.
ON_X11 = {
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "X11-xcb": "libx11-xcb1",
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-shm": "libxcb-shm0",
    "xcb-sync": "libxcb-sync1",
    "xcb-util": "libxcb-util1",
    "xcb-xfixes": "libxcb-xfixes0",
    "xcb-xkb": "libxcb-xkb1",
}
# What Qt 6's wayland platform plugin (libqwayland, libQt6WaylandClient) links against: under
# cage without libwayland-cursor0 Qt aborts before the first window.
ON_WAYLAND = {
    "wayland-client": "libwayland-client0",
    "wayland-cursor": "libwayland-cursor0",
    "wayland-egl": "libwayland-egl1",
}
LINKER_CACHE = Path("/etc/ld.so.cache")
APT_PACKAGES = " ".join([*ALWAYS.values(), *ON_X11.values(), "fonts-dejavu-core"])


def missing_packages(platform: str | None = None) -> list[str]:
    platform = platform or os.environ.get("QT_QPA_PLATFORM", "xcb")
    needed = dict(ALWAYS)
    if platform.startswith("xcb"):
        needed |= ON_X11
    elif platform.startswith("wayland"):
        needed |= ON_WAYLAND
    return sorted({package for library, package in needed.items() if not _installed(library)})


def _installed(library: str) -> bool:
    # The one listing answers almost always; find_library (slower, but it also looks where
    # ldconfig does not) gets the last word before a library is called missing.
    known = _linker_cache()
    if known is not None and library in known:
        return True
    if _on_library_path(library):
        return True
    import ctypes.util  # only now: it costs more to import than the whole check otherwise

    return ctypes.util.find_library(library) is not None


def _on_library_path(library: str) -> bool:
    """In a folder of $LD_LIBRARY_PATH, which the dynamic linker searches first and neither
    ldconfig's listing nor find_library knows (libraries unpacked outside the system)."""
    for folder in filter(None, os.environ.get("LD_LIBRARY_PATH", "").split(":")):
        if any(Path(folder).glob(f"lib{library}.so*")):
            return True
    return False


@lru_cache(maxsize=1)
def _linker_cache(cache_file: Path = LINKER_CACHE) -> frozenset[str] | None:
    """Every library name the dynamic linker knows (what ``find_library`` asks ``ldconfig -p``
    for, once per library): read straight from its cache, whose names are plain strings such
    as ``libxcb-cursor.so.0``. None where there is no such cache (not glibc)."""
    try:
        data = cache_file.read_bytes()
    except OSError:
        return None
    return frozenset(
        name.decode("ascii")
        for name in re.findall(rb"(?:^|[\x00/])lib([A-Za-z0-9_+.-]+?)\.so[.\x00]", data)
    )


def problem(platform: str | None = None) -> str | None:
    """One paragraph telling what to install, or None when everything is there."""
    missing = missing_packages(platform)
    if not missing:
        return None
    return (
        "The kiosk screen cannot start: system libraries that Qt needs are missing. "
        f"On Debian/Ubuntu install them with:\n  sudo apt-get install {' '.join(missing)}"
    )
