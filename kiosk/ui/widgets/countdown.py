"""The wait after too many wrong PINs, counted down on screen without blocking the GUI thread.

The back end decides the lock and answers with the seconds to wait; the screen only counts
them down on a monotonic clock (a wall clock set back must not freeze the countdown). The next
attempt is checked by the back end again, so the screen can never shorten a lock."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..i18n import translate


def wait_text(seconds: float) -> str:
    """'30 detik', '2 menit', '1 menit 30 detik' (rounded up: never promise too early)."""
    whole = math.ceil(seconds)
    if whole < 60:
        return translate("Countdown", "{seconds} detik").format(seconds=whole)
    minutes, rest = divmod(whole, 60)
    if not rest:
        return translate("Countdown", "{minutes} menit").format(minutes=minutes)
    text = translate("Countdown", "{minutes} menit {seconds} detik")
    return text.format(minutes=minutes, seconds=rest)


class Countdown(QObject):
    """``ticked(left)`` four times a second while counting, and once with 0.0 at the end."""

    ticked = Signal(float)

    def __init__(self, parent: QObject, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)  # reads the clock each time, so it never drifts
        self._timer.timeout.connect(self._tick)

    def start(self, seconds: float) -> None:
        self._until = self._clock() + seconds
        self._tick()

    def stop(self) -> None:
        self._until = 0.0
        self._timer.stop()

    def left(self) -> float:
        return max(0.0, self._until - self._clock())

    def _tick(self) -> None:
        left = self.left()
        if left > 0:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        self.ticked.emit(left)
