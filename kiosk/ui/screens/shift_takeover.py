"""Another operator's shift is open: go on with it (a hand-over in the ledger; the drawer is
not counted) or close it first (count the drawer, then open a new shift)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...services.shift_figures import OpenShift
from ..admin.words import error_text
from ..context import UiContext
from ..i18n import translate
from ..theme import PRIMARY
from ..widgets.buttons import button
from ..widgets.common import MessageBox, label, panel


class ShiftTakeoverScreen(QWidget):
    taken_over = Signal(str, object)  # the operator, the OpenShift they now hold
    close_first = Signal(str, object)  # the operator, the OpenShift to count and close
    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self.operator = ""
        self.shift: OpenShift | None = None
        self._busy = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(96, 20, 96, 20)
        frame = panel()
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(12)
        layout.addWidget(
            label(translate("ShiftTakeoverScreen", "Sesi kasir masih terbuka"), "title")
        )
        self.about = label("", "big", wrap=True)
        layout.addWidget(self.about)
        self.hint = label(
            translate(
                "ShiftTakeoverScreen",
                "Lanjutkan tanpa menghitung laci, atau tutup sesi itu dulu dan hitung uangnya.",
            ),
            "hint",
            wrap=True,
        )
        layout.addWidget(self.hint)
        self.message = MessageBox()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.go_on = button("", "primary")
        self.go_on.setObjectName("shift_continue")
        self.go_on.clicked.connect(self.take_over)
        layout.addWidget(self.go_on)
        self.close_button = button(translate("ShiftTakeoverScreen", "Tutup sesi dulu"))
        self.close_button.setObjectName("shift_close_first")
        self.close_button.setMinimumHeight(PRIMARY)
        self.close_button.clicked.connect(self._close_first)
        layout.addWidget(self.close_button)
        layout.addSpacing(PRIMARY // 2)
        row = QHBoxLayout()
        self.cancel = button(translate("ShiftTakeoverScreen", "Batal"), "danger")
        self.cancel.setObjectName("shift_takeover_cancel")
        self.cancel.clicked.connect(self.cancelled)
        row.addWidget(self.cancel)
        row.addStretch(1)
        layout.addLayout(row)

    def start(self, operator: str, shift: OpenShift) -> None:
        self.operator, self.shift = operator, shift
        opened = shift.opened_at.astimezone(self._ctx.back_end.stall.clock.tz)
        about = (
            translate("ShiftTakeoverScreen", "Sesi {number} dibuka {opener} pukul {time}.")
            if shift.holder == shift.opened_by
            else translate(
                "ShiftTakeoverScreen",
                "Sesi {number} dibuka {opener} pukul {time} dan sekarang dipegang {holder}.",
            )
        )
        self.about.setText(
            about.format(
                number=shift.shift_no,
                opener=shift.opened_by,
                time=opened.strftime("%H:%M"),
                holder=shift.holder,
            )
        )
        self.go_on.setText(
            translate("ShiftTakeoverScreen", "Lanjutkan sesi {name}").format(name=shift.holder)
        )
        self.message.clear()
        self._set_busy(False)

    def take_over(self) -> None:
        shift, operator = self.shift, self.operator
        if shift is None or self._busy:
            return
        self._set_busy(True)
        till = self._ctx.back_end.till
        self._ctx.runner.run(
            lambda: till.take_over(shift.shift_id, operator),
            lambda taken: self._taken(operator, taken),
            self._failed,
        )

    def _taken(self, operator: str, shift: OpenShift) -> None:
        self._set_busy(False)
        self.taken_over.emit(operator, shift)

    def _close_first(self) -> None:
        if self.shift is not None and not self._busy:
            self.close_first.emit(self.operator, self.shift)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.message.show_message(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.go_on, self.close_button, self.cancel):
            widget.setEnabled(not busy)
