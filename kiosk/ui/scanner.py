"""Telling a barcode/QR scanner from a person typing.

Scanners are USB keyboards ("keyboard wedge") that type the payload in a burst, a few
milliseconds per character, and end with Enter. This filter sees every key press of the whole
application (the window's one application filter passes them on): every printable key and
Enter is taken (the kiosk has no text fields that want a physical
keyboard, so a scan can never leak into one), characters arriving faster than ``max_gap``
apart form a burst, and a burst of at least ``min_length`` characters ended by Enter is a
scan. Anything slower is a person at a keyboard, and is dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent

# Qt.Key.Key_Return and Key_Enter as plain numbers: touching Qt.Key at import makes PySide
# build its Python enum of ~500 keys (~20 ms), which would delay the idle screen's first
# picture; QKeyEvent.key() gives an int, equal to either. tests/unit/test_scanner_keys.py
# checks the numbers against Qt's.
ENTER_KEYS = (0x01000004, 0x01000005)


class ScanDetector(QObject):
    scanned = Signal(str)
    ignored = Signal(str)  # typing too slow to be a scanner (for the log and the tests)

    def __init__(
        self,
        *,
        max_gap: float = 0.05,
        min_length: int = 6,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_gap = max_gap
        self.min_length = min_length
        self._clock = clock
        self._buffer: list[str] = []
        self._last = 0.0
        self._slow = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in ENTER_KEYS:
            self._finish()
            return True
        text = event.text()
        if text and text.isprintable():
            self._add(text)
            return True
        return False

    def _add(self, text: str) -> None:
        now = self._clock()
        if self._buffer and now - self._last > self.max_gap:
            self._slow = True  # one slow gap and this input is a person, not a scanner
        self._buffer.append(text)
        self._last = now

    def _finish(self) -> None:
        payload = "".join(self._buffer)
        slow = self._slow
        self._buffer.clear()
        self._slow = False
        if not payload:
            return
        if slow or len(payload) < self.min_length:
            self.ignored.emit(payload)
        else:
            self.scanned.emit(payload)
