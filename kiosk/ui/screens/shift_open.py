"""Buka sesi: after the day's first login the operator counts the float (modal awal) into
the drawer and types it on the keypad (0 allowed); the shift opens with it. A shift left
open from an earlier day was closed at this login: said here in one sentence."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from ...domain.money import format_rupiah
from ...services.shift_figures import OpenShift, ShiftFigures
from ..admin.words import error_text
from ..context import UiContext
from ..i18n import translate
from ..theme import PRIMARY, px
from ..widgets.buttons import button
from ..widgets.common import MessageBox, label
from ..widgets.keypad import Keypad

KEYPAD_WIDTH = 440  # px at scale 1, as on the payment screen
KEYPAD_SHARE = 0.38


def auto_closed_text(figures: ShiftFigures, tz: ZoneInfo) -> str:
    """One sentence: which shift was closed at this login, and that nobody counted it."""
    opened = figures.opened_at.astimezone(tz)
    return translate(
        "ShiftOpenScreen",
        "Sesi {number} ({operator}, {day}) masih terbuka dan sudah ditutup otomatis; "
        "uangnya tidak dihitung.",
    ).format(
        number=figures.shift_no,
        operator=figures.operators[-1],
        day=opened.strftime("%d-%m-%Y"),
    )


class ShiftOpenScreen(QWidget):
    opened = Signal(str, object)  # the operator, the OpenShift
    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")
        self._ctx = ctx
        self.operator = ""
        self._busy = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(px(32))
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(label(translate("ShiftOpenScreen", "Buka sesi kasir"), "title"))
        self.greeting = label("", "subtitle", wrap=True)
        left.addWidget(self.greeting)
        self.notice = label("", "short", wrap=True)  # a shift of an earlier day, closed now
        left.addWidget(self.notice)
        row = QHBoxLayout()
        row.addWidget(label(translate("ShiftOpenScreen", "Modal awal"), "big"))
        row.addStretch(1)
        self.amount = label("Rp0", "display")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.amount)
        left.addLayout(row)
        left.addWidget(
            label(translate("ShiftOpenScreen", "Tidak ada modal? Biarkan Rp0."), "hint", wrap=True)
        )
        self.message = MessageBox()
        left.addWidget(self.message)
        left.addStretch(1)
        self.submit = button(translate("ShiftOpenScreen", "Buka sesi"), "primary")
        self.submit.setObjectName("shift_open")
        self.submit.clicked.connect(self.open_shift)
        left.addWidget(self.submit)
        left.addSpacing(PRIMARY // 2)
        self.cancel = button(translate("ShiftOpenScreen", "Batal"), "danger")
        self.cancel.setObjectName("shift_open_cancel")
        self.cancel.clicked.connect(self.cancelled)
        left.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 1)
        self.keypad = Keypad(9)
        self.keypad.setFixedWidth(px(KEYPAD_WIDTH))
        self.keypad.changed.connect(self._typed)
        layout.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.keypad.setFixedWidth(min(px(KEYPAD_WIDTH), int(event.size().width() * KEYPAD_SHARE)))

    @property
    def float_amount(self) -> int:
        return int(self.keypad.text or "0")

    def start(self, operator: str, auto_closed: ShiftFigures | None = None) -> None:
        """Each time an operator arrives here: their name, the keypad at Rp0."""
        self.operator = operator
        self.greeting.setText(
            translate(
                "ShiftOpenScreen", "Halo {name}, hitung uang modal di laci lalu ketik jumlahnya."
            ).format(name=operator)
        )
        tz = self._ctx.back_end.stall.clock.tz
        self.notice.setText(auto_closed_text(auto_closed, tz) if auto_closed else "")
        self.notice.setVisible(auto_closed is not None)
        self.message.clear()
        self._set_busy(False)
        self.keypad.set_text("")

    def _typed(self, _text: str) -> None:
        amount = format_rupiah(self.float_amount)
        self.amount.setText(amount)
        self.amount.setAccessibleName(
            translate("ShiftOpenScreen", "Modal awal {amount}").format(amount=amount)
        )
        if _text:
            self.message.clear()

    def open_shift(self) -> None:
        if self._busy or not self.operator:
            return
        self._set_busy(True)
        operator, amount = self.operator, self.float_amount
        till = self._ctx.back_end.till
        self._ctx.runner.run(
            lambda: till.open(operator, amount),
            lambda shift: self._opened(operator, shift),
            self._failed,
        )

    def _opened(self, operator: str, shift: OpenShift) -> None:
        self._set_busy(False)
        self.opened.emit(operator, shift)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.message.show_message(error_text(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.submit, self.cancel, self.keypad):
            widget.setEnabled(not busy)
