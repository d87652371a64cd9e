"""The thin bar on top: stall name, who is on duty (with Tutup sesi and Keluar) and the time
in WIT."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from ..i18n import translate
from ..theme import px
from .buttons import button
from .clock import clock_text, short_clock_text
from .common import ElidedLabel, label


class Header(QFrame):
    log_out_requested = Signal()
    close_shift_requested = Signal()

    def __init__(
        self, stall_name: str, now: Callable[[], dt.datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self._now = now  # local (WIT) time
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 2, 16, 2)
        self.setFixedHeight(px(64))  # the same with or without the Keluar button: no jumping
        layout.setSpacing(16)
        # On a narrow screen the brand before " — " (the place is on the idle screen), then
        # "…", rather than pushing Keluar and the clock off it.
        self.stall = ElidedLabel(stall_name, "brand", short=stall_name.split(" — ")[0])
        self.operator = label()
        self.log_out = button(translate("Header", "Keluar"))
        self.log_out.setObjectName("logout")
        self.log_out.clicked.connect(self.log_out_requested)
        # The day's end: count the drawer and close the till shift (never the next step of a
        # sale, so up here beside Keluar rather than on the selling screen).
        self.close_shift = button(translate("Header", "Tutup sesi"))
        self.close_shift.setObjectName("close_shift")
        self.close_shift.clicked.connect(self.close_shift_requested)
        self.clock = label()
        layout.addWidget(self.stall, 1)
        layout.addWidget(self.operator)
        layout.addWidget(self.close_shift)
        layout.addWidget(self.log_out)
        layout.addSpacing(24)
        layout.addWidget(self.clock)
        self._name: str | None = None
        self._compact = False  # a narrow panel: no year, no "Petugas:", the brand stays whole
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(15_000)  # minutes matter, seconds do not
        self.set_operator(None)
        self.tick()

    def set_operator(self, name: str | None) -> None:
        self._name = name
        if not name:
            self.operator.setText("")
        elif self._compact:
            self.operator.setText(name)
        else:
            self.operator.setText(translate("Header", "Petugas: {name}").format(name=name))
        self.operator.setVisible(bool(name))
        self.log_out.setVisible(bool(name))
        self.close_shift.setVisible(bool(name))

    def tick(self) -> None:
        moment = self._now()
        self.clock.setText(short_clock_text(moment) if self._compact else clock_text(moment))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Below ~1200 px (at scale) Tutup sesi, Keluar and the full date leave the brand
        # "Jiku …": the year and "Petugas:" are what a vendor misses least.
        compact = self.width() < px(1200)
        if compact != self._compact:
            self._compact = compact
            self.set_operator(self._name)
            self.tick()
