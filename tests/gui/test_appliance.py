"""The kiosk as jikubata-kiosk.service runs it (not windowed, under systemd): no title bar or
border, no pointer, READY=1 once the idle screen is up and WATCHDOG=1 from the GUI thread,
each datagram read from a real AF_UNIX socket standing in for systemd's NOTIFY_SOCKET."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import cli
from kiosk.ui.main_window import KioskWindow

from .conftest import _settings


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

    def watch() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, KioskWindow)]
        if not windows or not windows[0].ready:
            QTimer.singleShot(5, watch)
            return
        window = windows[0]
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

    def watch() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, KioskWindow)]
        if not windows or not windows[0].ready:
            QTimer.singleShot(5, watch)
            return
        seen["frameless"] = bool(windows[0].windowFlags() & Qt.WindowType.FramelessWindowHint)
        seen["cursor"] = QApplication.overrideCursor()
        windows[0].quit_kiosk()

    QTimer.singleShot(0, watch)
    assert cli.start_touchscreen(_settings(tmp_path), windowed=True, demo=True) == 0
    assert seen == {"frameless": False, "cursor": None}
