"""The start-up check names the Debian packages to install instead of letting Qt abort."""

from __future__ import annotations

import ctypes.util

import pytest

from kiosk.ui import qt_check


def test_every_library_present_means_no_problem(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so")
    assert qt_check.problem("xcb") is None


def test_missing_libraries_are_named_as_packages_to_install(monkeypatch):
    absent = {"xcb-cursor", "EGL"}
    monkeypatch.setattr(
        ctypes.util, "find_library", lambda name: None if name in absent else f"lib{name}.so"
    )
    message = qt_check.problem("xcb")
    assert message is not None
    assert message.endswith("sudo apt-get install libegl1 libxcb-cursor0")


@pytest.mark.parametrize("platform", ["offscreen", "wayland"])
def test_x11_libraries_are_not_required_off_x11(monkeypatch, platform):
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
