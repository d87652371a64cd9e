"""The kiosk as jikubata-kiosk.service runs it (not windowed, under systemd): no title bar or
border, no pointer, READY=1 once the idle screen is up and WATCHDOG=1 from the GUI thread,
each datagram read from a real AF_UNIX socket standing in for systemd's NOTIFY_SOCKET."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import cli
from kiosk.ui.main_window import KioskWindow

from .conftest import _settings


def started_window(app: QApplication, before: set[int]) -> KioskWindow | None:
    """The window `run` made, not one an earlier test left behind; once its ledger is open."""
    for widget in app.topLevelWidgets():
        if isinstance(widget, KioskWindow) and id(widget) not in before and widget.ready:
            return widget
    return None


def existing(app: QApplication) -> set[int]:
    return {id(w) for w in app.topLevelWidgets() if isinstance(w, KioskWindow)}


@pytest.fixture(autouse=True)
def no_window_left(app: QApplication) -> Iterator[None]:
    """The window `run` made is deleted after the test: a later test looking for "the"
    KioskWindow among the top-level widgets must not find this one."""
    before = existing(app)
    yield
    for widget in app.topLevelWidgets():
        if isinstance(widget, KioskWindow) and id(widget) not in before:
            widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert existing(app) <= before


def drain(sock: socket.socket) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(sock.recv(4096).decode("utf-8"))
        except BlockingIOError:
            return messages


def test_the_service_kiosk_is_frameless_pointerless_and_tells_systemd(
    app: QApplication, tmp_path: Path, monkeypatch
):
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(tmp_path / "notify"))
    notify.setblocking(False)
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "notify"))
    monkeypatch.setenv("WATCHDOG_USEC", "100000")  # a ping every 50 ms
    seen: dict[str, object] = {}
    before = existing(app)

    def watch() -> None:
        window = started_window(app, before)
        if window is None:
            QTimer.singleShot(5, watch)
            return
        seen["frameless"] = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
        seen["full screen"] = window.isFullScreen()
        cursor = QApplication.overrideCursor()
        seen["cursor"] = cursor.shape() if cursor is not None else None
        seen["before quitting"] = drain(notify)
        QTimer.singleShot(300, window.quit_kiosk)  # a few watchdog ticks, then the admin quits

    QTimer.singleShot(0, watch)
    try:
        assert cli.start_touchscreen(_settings(tmp_path), demo=True) == 0
        after = drain(notify)
    finally:
        notify.close()
    assert seen["frameless"] and seen["full screen"]
    assert seen["cursor"] == Qt.CursorShape.BlankCursor
    assert QApplication.overrideCursor() is None  # given back when the kiosk ends
    before = seen["before quitting"]
    assert isinstance(before, list)
    assert "READY=1\nSTATUS=idle screen up, opening the ledger" in before
    assert "STATUS=selling" in before
    assert before.index("STATUS=selling") > before.index(
        "READY=1\nSTATUS=idle screen up, opening the ledger"
    )
    assert "WATCHDOG=1" in after  # still pinging while the event loop turns
    assert after[-1] == "STOPPING=1"


def test_a_windowed_kiosk_keeps_its_frame_and_pointer(app: QApplication, tmp_path: Path):
    seen: dict[str, object] = {}
    before = existing(app)

    def watch() -> None:
        window = started_window(app, before)
        if window is None:
            QTimer.singleShot(5, watch)
            return
        seen["frameless"] = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
        seen["cursor"] = QApplication.overrideCursor()
        window.quit_kiosk()

    QTimer.singleShot(0, watch)
    assert cli.start_touchscreen(_settings(tmp_path), windowed=True, demo=True) == 0
    assert seen == {"frameless": False, "cursor": None}
