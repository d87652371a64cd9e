"""The start-up check names the Debian packages to install instead of letting Qt abort."""

from __future__ import annotations

import ctypes.util

import pytest

from kiosk.ui import qt_check


@pytest.fixture
def no_listing(monkeypatch):
    """Only find_library answers (as where ldconfig cannot be run)."""
    monkeypatch.setattr(qt_check, "_linker_cache", lambda: None)


def test_one_linker_listing_answers_for_installed_libraries(monkeypatch):
    qt_check._linker_cache.cache_clear()
    listing = qt_check._linker_cache()
    assert listing is not None and "c" in listing  # libc.so.6 is on every Linux machine

    def not_asked(name: str) -> str:
        raise AssertionError(f"find_library({name!r}) was run although ldconfig listed it")

    monkeypatch.setattr(ctypes.util, "find_library", not_asked)
    assert qt_check._installed("c")


def test_the_linker_cache_is_read_for_library_names(tmp_path):
    cache = tmp_path / "ld.so.cache"
    cache.write_bytes(
        b"glibc-ld.so.cache1.1\x00\x07libxcb-cursor.so.0\x00/usr/lib/libxcb-cursor.so.0\x00"
        b"libEGL.so.1\x00libnot-a-library\x00"
    )
    names = qt_check._linker_cache.__wrapped__(cache)
    assert names == {"xcb-cursor", "EGL"}
    assert qt_check._linker_cache.__wrapped__(tmp_path / "missing") is None


def test_a_library_ldconfig_does_not_list_is_looked_for_once_more(monkeypatch):
    monkeypatch.setattr(qt_check, "_linker_cache", lambda: frozenset({"c"}))
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    assert qt_check._installed("xcb-cursor")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert not qt_check._installed("xcb-cursor")


def test_a_library_on_ld_library_path_counts_as_installed(monkeypatch, tmp_path):
    # The dynamic linker looks there first (a throwaway root of unpacked .debs, say), while
    # ldconfig's listing and find_library know nothing of it.
    monkeypatch.setattr(qt_check, "_linker_cache", lambda: frozenset({"c"}))
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    (tmp_path / "libxcb-icccm.so.4").write_bytes(b"")
    monkeypatch.setenv("LD_LIBRARY_PATH", f"/nowhere::{tmp_path}")
    assert qt_check._installed("xcb-icccm")
    assert not qt_check._installed("xcb-keysyms")
    monkeypatch.delenv("LD_LIBRARY_PATH")
    assert not qt_check._installed("xcb-icccm")


def test_every_library_present_means_no_problem(monkeypatch, no_listing):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    assert qt_check.problem("xcb") is None


def test_missing_libraries_are_named_as_packages_to_install(monkeypatch, no_listing):
    absent = {"xcb-cursor", "EGL"}
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name in absent else f"lib{name}.so"
    )
    message = qt_check.problem("xcb")
    assert message is not None
    assert message.endswith("sudo apt-get install libegl1 libxcb-cursor0")


@pytest.mark.parametrize("platform", ["offscreen", "wayland"])
def test_x11_libraries_are_not_required_off_x11(monkeypatch, platform, no_listing):
    monkeypatch.setattr(
        ctypes.util,
        "find_library",
        lambda name: None if name.startswith("xcb") else f"lib{name}.so",
    )
    assert qt_check.problem(platform) is None
    assert qt_check.problem("xcb") is not None


def test_the_readme_lists_every_package_the_check_knows():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for package in qt_check.APT_PACKAGES.split():
        assert package in readme, package


def test_the_wayland_plugin_needs_the_wayland_client_libraries(monkeypatch, no_listing):
    # Qt's wayland plugin links libwayland-cursor (issue #12: under cage nothing installed it)
    monkeypatch.setattr(
        ctypes.util,
        "find_library",
        lambda name: None if name.startswith("wayland-") else f"lib{name}.so",
    )
    message = qt_check.problem("wayland")
    assert message is not None
    assert message.endswith("libwayland-client0 libwayland-cursor0 libwayland-egl1")
    assert qt_check.problem("xcb") is None  # X11 does not need them


def test_the_wayland_plugin_needs_libwayland_cursor(monkeypatch, no_listing):
    """cage runs the kiosk with QT_QPA_PLATFORM=wayland: Qt's plugin links libwayland-cursor."""
    monkeypatch.setattr(
        ctypes.util,
        "find_library",
        lambda name: None if name == "wayland-cursor" else f"lib{name}.so",
    )
    message = qt_check.problem("wayland")
    assert message is not None
    assert message.endswith("sudo apt-get install libwayland-cursor0")
    assert qt_check.problem("xcb") is None
